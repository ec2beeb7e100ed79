//! Assignment into a row, a column and a static block (`set_row`, `set_col`, `set_block`),
//! against NumPy's output and a naive loop over nested `Vec`s.

use proptest::collection::vec;
use proptest::prelude::*;
use tensor::prelude::*;

/// The naive reference: `m[r0:r0+nr, c0:c0+nc] = b` on nested `Vec`s, one element at a time.
fn assign_naive(m: &[Vec<i64>], r0: usize, c0: usize, b: &[Vec<i64>]) -> Vec<Vec<i64>> {
    let mut out = m.to_vec();
    for (i, row) in b.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            out[r0 + i][c0 + j] = v;
        }
    }
    out
}

fn nested<const R: usize, const C: usize>(t: &Tensor<i64, R, C>) -> Vec<Vec<i64>> {
    t.as_array().iter().map(|r| r.to_vec()).collect()
}

fn tensor_from<const R: usize, const C: usize>(xs: &[i64]) -> Tensor<i64, R, C> {
    Tensor::from_fn(|i, j| xs[i * C + j])
}

#[test]
fn set_row_like_numpy() {
    // m = np.arange(12).reshape(3, 4); m[1] = [-1, -2, -3, -4]; print(m.tolist())
    // [[0, 1, 2, 3], [-1, -2, -3, -4], [8, 9, 10, 11]]
    let mut m = Tensor::<i32, 3, 4>::arange();
    m.set_row::<1>(tensor![-1, -2, -3, -4]);
    assert_eq!(m, tensor![[0, 1, 2, 3], [-1, -2, -3, -4], [8, 9, 10, 11]]);
    // m[2] = m[0]
    m.set_row::<2>(m.row::<0>());
    assert_eq!(m, tensor![[0, 1, 2, 3], [-1, -2, -3, -4], [0, 1, 2, 3]]);
}

#[test]
fn set_col_like_numpy() {
    // m = np.arange(12).reshape(3, 4); m[:, 3] = [7, 8, 9]; print(m.tolist())
    // [[0, 1, 2, 7], [4, 5, 6, 8], [8, 9, 10, 9]]
    let mut m = Tensor::<i32, 3, 4>::arange();
    m.set_col::<3>(tensor![[7], [8], [9]]);
    assert_eq!(m, tensor![[0, 1, 2, 7], [4, 5, 6, 8], [8, 9, 10, 9]]);
    // m[:, 0] = m[:, 3]
    m.set_col::<0>(m.col::<3>());
    assert_eq!(m, tensor![[7, 1, 2, 7], [8, 5, 6, 8], [9, 9, 10, 9]]);
}

#[test]
fn set_block_like_numpy() {
    // m = np.zeros((4, 5)); m[1:3, 2:5] = [[1.5, 2, 3], [4, 5, 6]]; print(m.tolist())
    // [[0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.5, 2.0, 3.0], [0.0, 0.0, 4.0, 5.0, 6.0],
    //  [0.0, 0.0, 0.0, 0.0, 0.0]]
    let mut m = Tensor::<f64, 4, 5>::zeros();
    m.set_block::<1, 2>(&tensor![[1.5, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    assert_eq!(
        m,
        tensor![
            [0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 1.5, 2.0, 3.0],
            [0.0, 0.0, 4.0, 5.0, 6.0],
            [0.0, 0.0, 0.0, 0.0, 0.0]
        ]
    );
    // The whole tensor, and an empty block, are in bounds.
    let mut w = Tensor::<i32, 2, 2>::zeros();
    w.set_block::<0, 0>(&tensor![[1, 2], [3, 4]]);
    assert_eq!(w, tensor![[1, 2], [3, 4]]);
    w.set_block::<2, 2>(&Tensor::<i32, 0, 0>::zeros());
    assert_eq!(w, tensor![[1, 2], [3, 4]]);
}

#[test]
fn set_block_is_the_inverse_of_block() {
    let src = Tensor::<i32, 5, 6>::arange();
    let mut dst = Tensor::<i32, 5, 6>::zeros();
    dst.set_block::<0, 0>(&src.block::<0, 0, 2, 6>());
    dst.set_block::<2, 0>(&src.block::<2, 0, 3, 4>());
    dst.set_block::<2, 4>(&src.block::<2, 4, 3, 2>());
    assert_eq!(dst, src);
}

proptest! {
    #[test]
    fn set_block_matches_naive_loops(
        m in vec(-1000i64..1000, 4 * 5),
        b in vec(-1000i64..1000, 2 * 3),
        r in vec(-1000i64..1000, 5),
        c in vec(-1000i64..1000, 4),
    ) {
        let t: Tensor<i64, 4, 5> = tensor_from(&m);
        let blk: Tensor<i64, 2, 3> = tensor_from(&b);
        let row: Tensor<i64, 1, 5> = tensor_from(&r);
        let col: Tensor<i64, 4, 1> = tensor_from(&c);
        let bn = nested(&blk);

        let mut got = t;
        got.set_block::<0, 0>(&blk);
        prop_assert_eq!(nested(&got), assign_naive(&nested(&t), 0, 0, &bn));
        let mut got = t;
        got.set_block::<2, 2>(&blk);
        prop_assert_eq!(nested(&got), assign_naive(&nested(&t), 2, 2, &bn));
        let mut got = t;
        got.set_block::<1, 1>(&blk);
        prop_assert_eq!(nested(&got), assign_naive(&nested(&t), 1, 1, &bn));

        let mut got = t;
        got.set_row::<3>(row);
        prop_assert_eq!(nested(&got), assign_naive(&nested(&t), 3, 0, &nested(&row)));
        let mut got = t;
        got.set_col::<4>(col);
        prop_assert_eq!(nested(&got), assign_naive(&nested(&t), 0, 4, &nested(&col)));
    }
}

/// The `tensor!` assignment forms, NumPy's `m[1] = v`, `m[:, 2] = c`, `m[1:3, 2:4] = b` and
/// `m[i, j] = x`, against NumPy's results (written out) and the methods they expand to.
#[test]
fn dsl_assignment_matches_numpy() {
    use tensor::tensor;
    // m = np.zeros((3, 4), dtype=int); m[1] = [1, 2, 3, 4]; m[:, 2] = [7, 8, 9];
    // m[1:3, 0:2] = [[5, 5], [6, 6]]; m[0, 3] = -1
    // -> [[ 0  0  7 -1] [ 5  5  8  4] [ 6  6  9  0]]
    let mut m = Tensor::<i32, 3, 4>::zeros();
    tensor!(m[1] = tensor![1, 2, 3, 4]);
    assert_eq!(m.row::<1>(), tensor![1, 2, 3, 4]);
    tensor!(m[.., 2] = tensor![7, 8, 9].T);
    tensor!(m[1..3, 0..2] = [[5, 5], [6, 6]]);
    tensor!(m[0, 3] = -1);
    assert_eq!(
        m.to_string(),
        "[[ 0  0  7 -1]\n [ 5  5  8  4]\n [ 6  6  9  0]]"
    );
    // the same through the methods
    let mut n = Tensor::<i32, 3, 4>::zeros();
    n.set_row::<1>(tensor![1, 2, 3, 4]);
    n.set_col::<2>(tensor![[7], [8], [9]]);
    n.set_block::<1, 0>(&tensor![[5, 5], [6, 6]]);
    n[(0, 3)] = -1;
    assert_eq!(m, n);
    // a row reversed in place (the beginners' guide): arr_2d[1] = np.flip(arr_2d[1])
    let mut a = tensor![[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
    tensor!(a[1, ..] = a[1].flip());
    assert_eq!(a.row::<1>(), tensor![8, 7, 6, 5]);
    // a partial row and an inclusive range: m[2, 1:4] = [0, 0, 0]
    tensor!(a[2, 1..=3] = [0, 0, 0]);
    assert_eq!(a.row::<2>(), tensor![9, 0, 0, 0]);
    // run-time indices: Rust's indexing
    let (i, j) = (2, 0);
    tensor!(a[i, j] = 100);
    assert_eq!(a[(2, 0)], 100);
}
