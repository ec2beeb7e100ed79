//! Indexing, static rows, columns and slices, iteration.

use tensor::prelude::*;

#[test]
fn indexing_like_numpy() {
    let arr = tensor![1, 2, 3, 4];
    let mat = tensor![[1, 2], [3, 4]];
    assert_eq!(arr[0], 1); // arr[0]
    assert_eq!(mat[(1, 1)], 4); // mat[1, 1]
    assert_eq!(arr.block::<0, 1, 1, 2>(), tensor![2, 3]); // arr[1:3]
    assert_eq!(arr[(0, 3)], 4);
}

#[test]
fn index_mut_and_get() {
    let mut m = Tensor::<i32, 2, 3>::zeros();
    m[(1, 2)] = 7;
    *m.get_mut((0, 1)).unwrap() = 5;
    assert_eq!(m, tensor![[0, 5, 0], [0, 0, 7]]);
    assert_eq!(m.get((1, 2)), Some(&7));
    assert_eq!(m.get((2, 0)), None);
    assert_eq!(m.get((0, 3)), None);
    assert!(m.get_mut((5, 5)).is_none());
    let mut v = tensor![1.0, 2.0];
    v[1] = 9.0;
    assert_eq!(v.get(1), Some(&9.0));
    assert_eq!(v.get(2), None);
}

#[test]
#[should_panic(expected = "index (2, 0) is out of bounds for a tensor of shape (2, 2)")]
fn row_out_of_bounds_panics_with_shape() {
    let m = tensor![[1, 2], [3, 4]];
    let i = std::hint::black_box(2);
    let _ = m[(i, 0)];
}

#[test]
#[should_panic(expected = "index (0, 3) is out of bounds for a tensor of shape (4, 3)")]
fn col_out_of_bounds_panics_with_shape() {
    let mut m = Tensor::<f32, 4, 3>::zeros();
    m[(0, std::hint::black_box(3))] = 1.0;
}

#[test]
#[should_panic(expected = "index 4 is out of bounds for a tensor of shape (1, 4)")]
fn vector_index_out_of_bounds_panics_with_shape() {
    let v = tensor![1, 2, 3, 4];
    let _ = v[std::hint::black_box(4)];
}

#[test]
fn static_rows_cols_slices() {
    // the seed's mini challenge: the last column of a 3x3 ...
    let m = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    assert_eq!(m.col::<2>(), tensor![[3], [6], [9]]);
    // ... and the first two rows of a 4x4
    let big = Tensor::<i32, 4, 4>::arange();
    assert_eq!(
        big.block::<0, 0, 2, 4>(),
        tensor![[0, 1, 2, 3], [4, 5, 6, 7]]
    );
    assert_eq!(m.row::<0>(), tensor![1, 2, 3]);
    assert_eq!(m.row::<2>(), tensor![7, 8, 9]);
    assert_eq!(m.col::<0>(), tensor![[1], [4], [7]]);
    // blocks at every corner, and the whole tensor
    assert_eq!(big.block::<2, 2, 2, 2>(), tensor![[10, 11], [14, 15]]);
    assert_eq!(big.block::<3, 0, 1, 1>(), tensor![12]);
    assert_eq!(big.block::<0, 0, 4, 4>(), big);
    let empty: Tensor<i32, 0, 4> = big.block::<4, 0, 0, 4>();
    assert!(empty.is_empty());
}

#[test]
fn slices_match_a_naive_reference_for_every_block() {
    let m = Tensor::<i32, 5, 6>::from_fn(|i, j| (i * 100 + j) as i32);
    macro_rules! check {
        ($(($r0:literal, $c0:literal, $nr:literal, $nc:literal)),*) => {$(
            let b = m.block::<$r0, $c0, $nr, $nc>();
            for i in 0..$nr {
                for j in 0..$nc {
                    assert_eq!(b[(i, j)], m[($r0 + i, $c0 + j)]);
                }
            }
        )*};
    }
    check!(
        (0, 0, 5, 6),
        (1, 2, 3, 4),
        (4, 5, 1, 1),
        (0, 3, 5, 3),
        (2, 0, 3, 6),
        (3, 1, 2, 2)
    );
}

#[test]
fn iteration() {
    let m = tensor![[1, 2, 3], [4, 5, 6]];
    let rows: Vec<_> = m.rows().collect();
    assert_eq!(rows, [tensor![1, 2, 3], tensor![4, 5, 6]]);
    let cols: Vec<_> = m.cols().collect();
    assert_eq!(
        cols,
        [tensor![[1], [4]], tensor![[2], [5]], tensor![[3], [6]]]
    );
    assert_eq!(m.rows().len(), 2);
    assert_eq!(m.cols().len(), 3);
    assert_eq!(m.into_iter().collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!((&m).into_iter().sum::<i32>(), 21);
    let mut n = m;
    for x in &mut n {
        *x *= 2;
    }
    assert_eq!(n.as_flat(), &[2, 4, 6, 8, 10, 12]);
    assert_eq!(m.as_array(), &[[1, 2, 3], [4, 5, 6]]);
}

#[test]
fn map_and_zip_map() {
    let m = tensor![[1, 2], [3, 4]];
    assert_eq!(m.map(|x| x * x), tensor![[1, 4], [9, 16]]);
    assert_eq!(m.map(|x| x as f32 / 2.0), tensor![[0.5, 1.0], [1.5, 2.0]]);
    let n = tensor![[10, 20], [30, 40]];
    assert_eq!(m.zip_map(n, |a, b| b - a), tensor![[9, 18], [27, 36]]);
    assert_eq!(
        m.zip_map(n.map(|x| x as f64), |a, b| a as f64 + b),
        tensor![[11.0, 22.0], [33.0, 44.0]]
    );
}
