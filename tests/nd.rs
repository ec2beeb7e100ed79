//! Rank-3 and rank-4 tensors: literals, constructors, access, Display (against NumPy's
//! output), reshapes across ranks and axis permutations (against naive index arithmetic).

use tensor::prelude::*;

#[test]
fn literals_of_rank_3_and_4() {
    // a 2 x 2 image with 3 channels
    let img = tensor![[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]];
    let _: Tensor3<i32, 2, 2, 3> = img;
    assert_eq!(img[(1, 0, 2)], 9);
    let batch = tensor![[[[1.0], [2.0]]], [[[3.0], [4.0]]]];
    let _: Tensor4<f64, 2, 1, 2, 1> = batch;
    assert_eq!(batch[(1, 0, 1, 0)], 4.0);
    assert_eq!(batch.as_flat(), &[1.0, 2.0, 3.0, 4.0]);
}

#[test]
fn constructors_and_properties() {
    let t = Tensor3::<f32, 2, 3, 4>::zeros();
    assert_eq!(
        (t.shape(), t.ndim(), t.size(), t.len()),
        ((2, 3, 4), 3, 24, 24)
    );
    assert_eq!(Tensor3::<f32, 2, 3, 4>::SHAPE, (2, 3, 4));
    assert_eq!(Tensor4::<u8, 8, 28, 28, 1>::SIZE, 6272);
    assert_eq!(Tensor4::<u8, 8, 28, 28, 1>::NDIM, 4);
    assert!(Tensor3::<i32, 2, 2, 2>::ones().iter().all(|&x| x == 1));
    assert!(Tensor3::<i32, 2, 2, 2>::full(7).iter().all(|&x| x == 7));
    assert_eq!(Tensor3::<i32, 2, 2, 2>::default(), Tensor3::zeros());
    assert!(Tensor3::<i32, 0, 2, 2>::zeros().is_empty());
    let a = Tensor4::<u32, 2, 3, 4, 5>::arange();
    let f = Tensor4::<usize, 2, 3, 4, 5>::from_fn(|n, i, j, k| ((n * 3 + i) * 4 + j) * 5 + k);
    assert_eq!(a.map(|x| x as usize), f);
    let arr: [[[i32; 2]; 1]; 1] = tensor![[[5, 6]]].into();
    assert_eq!(Tensor3::from(arr), Tensor3::from_array([[[5, 6]]]));
}

#[test]
fn indexing_and_get() {
    let mut t = Tensor3::<i32, 2, 3, 4>::arange();
    assert_eq!(t[(1, 2, 3)], 23);
    t[(0, 1, 2)] = -1;
    assert_eq!(t.as_flat()[6], -1);
    assert_eq!(t.get((1, 2, 3)), Some(&23));
    assert_eq!(t.get((2, 0, 0)), None);
    assert_eq!(t.get((0, 3, 0)), None);
    assert_eq!(t.get((0, 0, 4)), None);
    *t.get_mut((0, 0, 0)).unwrap() = 100;
    assert_eq!(t.iter().next(), Some(&100));
    let before = t;
    for x in &mut t {
        *x += 1;
    }
    assert!(
        (&t).into_iter()
            .zip(before.iter())
            .all(|(&x, &y)| x == y + 1)
    );
}

#[test]
#[should_panic(expected = "index (0, 3, 0) is out of bounds for a tensor of shape (2, 3, 4)")]
fn out_of_bounds_index_panics_with_the_shape() {
    let t = Tensor3::<i32, 2, 3, 4>::zeros();
    let _ = t[(0, std::hint::black_box(3), 0)];
}

#[test]
fn map_and_zip_map() {
    let a = Tensor3::<i32, 2, 2, 2>::arange();
    assert_eq!(a.map(|x| x * 2).as_flat(), &[0, 2, 4, 6, 8, 10, 12, 14]);
    assert_eq!(
        a.zip_map(a.map(|x| x as f64), |x, y| x as f64 + y)[(1, 1, 1)],
        14.0
    );
}

#[test]
fn display_like_numpy() {
    // expected strings: NumPy 2.4's str() of the same arrays
    assert_eq!(
        Tensor3::<i64, 2, 3, 4>::arange().to_string(),
        "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n [[12 13 14 15]\n  [16 17 18 19]\n  [20 21 22 23]]]"
    );
    assert_eq!(
        Tensor4::<i64, 2, 2, 3, 2>::arange().to_string(),
        "[[[[ 0  1]\n   [ 2  3]\n   [ 4  5]]\n\n  [[ 6  7]\n   [ 8  9]\n   [10 11]]]\n\n\n [[[12 13]\n   [14 15]\n   [16 17]]\n\n  [[18 19]\n   [20 21]\n   [22 23]]]]"
    );
    assert_eq!(
        Tensor3::<f64, 2, 2, 3>::arange()
            .map(|x| x / 4.0)
            .to_string(),
        "[[[0.   0.25 0.5 ]\n  [0.75 1.   1.25]]\n\n [[1.5  1.75 2.  ]\n  [2.25 2.5  2.75]]]"
    );
    let summarized = Tensor3::<i64, 10, 10, 20>::arange().to_string();
    assert!(summarized.starts_with(
        "[[[   0    1    2 ...   17   18   19]\n  [  20   21   22 ...   37   38   39]\n  [  40   41   42 ...   57   58   59]\n  ...\n  [ 140  141  142 ...  157  158  159]"
    ));
    assert!(summarized.contains(
        "  [ 580  581  582 ...  597  598  599]]\n\n ...\n\n [[1400 1401 1402 ... 1417 1418 1419]"
    ));
    assert!(summarized.ends_with("  [1980 1981 1982 ... 1997 1998 1999]]]"));
    assert_eq!(
        format!("{:?}", tensor![[[1, 2]]]),
        "Tensor<1, 1, 2>[[[1, 2]]]"
    );
}

#[test]
fn reshapes_across_ranks_keep_row_major_order() {
    // (28, 28, 1) -> (1, 784) and back
    let img = Tensor3::<u32, 28, 28, 1>::arange();
    let row: Tensor<u32, 1, 784> = img.reshape();
    assert_eq!(row.as_flat(), img.as_flat());
    assert_eq!(row.reshape::<Tensor3<_, 28, 28, 1>>(), img);
    let v: Vector<u32, 784> = img.flatten();
    assert_eq!(v[783], 783);
    // (2, 3, 4) -> (6, 4)
    let t = Tensor3::<i32, 2, 3, 4>::arange();
    let m = t.reshape::<Tensor<_, 6, 4>>();
    for i in 0..6 {
        for j in 0..4 {
            assert_eq!(m[(i, j)], t[(i / 3, i % 3, j)]);
        }
    }
    // (N, H, W, C) -> (N, H*W*C) for a dense layer, and back
    let batch = Tensor4::<u16, 4, 5, 6, 3>::arange();
    let flat = batch.reshape::<Tensor<_, 4, 90>>();
    for n in 0..4 {
        for p in 0..90 {
            assert_eq!(flat[(n, p)], batch[(n, p / 18, (p / 3) % 6, p % 3)]);
        }
    }
    assert_eq!(flat.reshape::<Tensor4<_, 4, 5, 6, 3>>(), batch);
    assert_eq!(
        batch
            .reshape::<Tensor3<_, 20, 6, 3>>()
            .reshape::<Tensor3<_, 4, 30, 3>>()
            .flatten::<360>()
            .as_flat(),
        batch.as_flat()
    );
    assert_eq!(
        batch.reshape::<Tensor4<_, 2, 2, 10, 9>>().as_flat(),
        batch.as_flat()
    );
    assert_eq!(
        t.reshape::<Tensor3<_, 4, 3, 2>>()
            .reshape::<Tensor4<_, 1, 4, 3, 2>>()
            .as_flat(),
        t.as_flat()
    );
}

/// Checks `permute::<A0, A1, A2>()` against the definition `out[i] = t[j]` with `j[Ak] = i[k]`.
macro_rules! check_permutations3 {
    ($t:expr; $(($a0:literal, $a1:literal, $a2:literal)),+) => {$({
        let t = $t;
        let p = t.permute::<$a0, $a1, $a2>();
        let dims = [t.shape().0, t.shape().1, t.shape().2];
        assert_eq!(p.shape(), (dims[$a0], dims[$a1], dims[$a2]));
        for i0 in 0..dims[$a0] {
            for i1 in 0..dims[$a1] {
                for i2 in 0..dims[$a2] {
                    let mut j = [0; 3];
                    j[$a0] = i0;
                    j[$a1] = i1;
                    j[$a2] = i2;
                    assert_eq!(p[(i0, i1, i2)], t[(j[0], j[1], j[2])]);
                }
            }
        }
    })+};
}

#[test]
fn every_rank_3_permutation() {
    check_permutations3!(Tensor3::<u32, 2, 3, 4>::arange();
        (0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0));
    // HWC -> CHW and back is the identity
    let hwc = Tensor3::<u32, 4, 5, 3>::arange();
    assert_eq!(hwc.permute::<2, 0, 1>().permute::<1, 2, 0>(), hwc);
}

#[test]
fn rank_4_permutations() {
    let t = Tensor4::<u32, 2, 3, 4, 5>::arange();
    let nchw = t.permute::<0, 3, 1, 2>();
    assert_eq!(nchw.shape(), (2, 5, 3, 4));
    let rev = t.permute::<3, 2, 1, 0>();
    for n in 0..2 {
        for h in 0..3 {
            for w in 0..4 {
                for c in 0..5 {
                    assert_eq!(nchw[(n, c, h, w)], t[(n, h, w, c)]);
                    assert_eq!(rev[(c, w, h, n)], t[(n, h, w, c)]);
                }
            }
        }
    }
    assert_eq!(nchw.permute::<0, 2, 3, 1>(), t);
}

#[test]
fn passing_twins_of_the_rank_3_ui_tests() {
    // twin of ragged-rank3.rs
    let img = tensor![[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]];
    assert_eq!(img.shape(), (2, 2, 3));
    // twin of reshape-across-ranks-wrong-count.rs
    let x = Tensor3::<f32, 28, 28, 1>::zeros().reshape::<Tensor<_, 1, 784>>();
    let flat: Tensor<f32, 8, 784> = Tensor4::<f32, 8, 28, 28, 1>::zeros().reshape();
    assert_eq!((x.shape(), flat.shape()), ((1, 784), (8, 784)));
    // twin of permute-not-a-permutation.rs
    assert_eq!(
        Tensor3::<u8, 4, 4, 3>::zeros().permute::<2, 0, 1>().shape(),
        (3, 4, 4)
    );
}
