//! Tensors in `const` and `static` items: every `const fn` constructor, the transpose,
//! reshapes and element access, for every element type, evaluated at compile time and
//! compared with the same values built at run time from `from_fn` (index arithmetic, an
//! independent path). The compile-fail twin is `ui-tests/const-reshape-wrong-count.rs`.

use tensor::prelude::*;

/// For one element type: `const` items built by each `const fn`, checked against `from_fn`.
macro_rules! const_constructors {
    ($($name:ident: $t:ty),* $(,)?) => {$(
        #[test]
        fn $name() {
            const ONE: $t = 1 as $t;
            const Z: Tensor<$t, 3, 4> = Tensor::zeros();
            const O: Tensor<$t, 3, 4> = Tensor::ones();
            const F: Tensor<$t, 2, 5> = Tensor::full(7 as $t);
            const E: Tensor<$t, 3, 5> = Tensor::eye();
            const I: Tensor<$t, 4, 4> = Tensor::identity();
            const A: Tensor<$t, 2, 3> = Tensor::from_array([
                [1 as $t, 2 as $t, 3 as $t],
                [4 as $t, 5 as $t, 6 as $t],
            ]);
            const AT: Tensor<$t, 3, 2> = A.transpose();
            const ATT: Tensor<$t, 2, 3> = A.t().t();
            const R: Tensor<$t, 3, 2> = A.reshape();
            const FLAT: Vector<$t, 6> = A.flatten();
            const ROW: Vector<$t, 3> = A.row::<1>();
            const COL: Tensor<$t, 2, 1> = A.col::<2>();
            const X: $t = A.as_array()[1][2];
            const Y: $t = A.as_flat()[4];
            static S: Tensor<$t, 2, 3> = A;

            assert_eq!(Z, Tensor::from_fn(|_, _| 0 as $t));
            assert_eq!(O, Tensor::from_fn(|_, _| ONE));
            assert_eq!(F, Tensor::from_fn(|_, _| 7 as $t));
            assert_eq!(E, Tensor::from_fn(|i, j| if i == j { ONE } else { 0 as $t }));
            assert_eq!(I, Tensor::from_fn(|i, j| if i == j { ONE } else { 0 as $t }));
            let a = Tensor::<$t, 2, 3>::from_fn(|i, j| (i * 3 + j + 1) as $t);
            assert_eq!(A, a);
            assert_eq!(AT, Tensor::from_fn(|i, j| a[(j, i)]));
            assert_eq!(ATT, a);
            assert_eq!(R, Tensor::from_fn(|i, j| (i * 2 + j + 1) as $t));
            assert_eq!(FLAT, Tensor::from_fn(|_, j| (j + 1) as $t));
            assert_eq!(ROW, Tensor::from_fn(|_, j| a[(1, j)]));
            assert_eq!(COL, Tensor::from_fn(|i, _| a[(i, 2)]));
            assert_eq!((X, Y), (6 as $t, 5 as $t));
            assert_eq!(S, a);
        }
    )*};
}

const_constructors! {
    const_i8: i8, const_i16: i16, const_i32: i32, const_i64: i64, const_i128: i128,
    const_isize: isize, const_u8: u8, const_u16: u16, const_u32: u32, const_u64: u64,
    const_u128: u128, const_usize: usize, const_f32: f32, const_f64: f64,
}

/// Empty shapes go through the same `const fn`s (no element to start an array from).
#[test]
fn empty_shapes_in_const() {
    const A: Tensor<f32, 0, 3> = Tensor::zeros();
    const AT: Tensor<f32, 3, 0> = A.transpose();
    const B: Tensor<f32, 3, 0> = A.reshape();
    const C: Tensor<f32, 0, 0> = Tensor::eye();
    const COL: Tensor<f32, 0, 1> = A.col::<2>();
    const T3: Tensor3<f32, 2, 0, 2> = A.reshape();
    const T4: Tensor4<f32, 1, 2, 0, 5> = T3.reshape();
    assert_eq!((AT.size(), B.size(), C.size(), COL.size()), (0, 0, 0, 0));
    assert_eq!((T3.shape(), T4.shape()), ((2, 0, 2), (1, 2, 0, 5)));
}

/// Rank 3 and 4: constructors and reshapes across ranks, against `arange`.
#[test]
fn nd_in_const() {
    const Z: Tensor3<i32, 2, 3, 4> = Tensor3::zeros();
    const O: Tensor4<u8, 2, 1, 3, 2> = Tensor4::ones();
    const F: Tensor3<f64, 1, 2, 2> = Tensor3::full(0.25);
    const M: Tensor<i32, 6, 4> = Tensor::from_array([
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9, 10, 11],
        [12, 13, 14, 15],
        [16, 17, 18, 19],
        [20, 21, 22, 23],
    ]);
    const T3: Tensor3<i32, 2, 3, 4> = M.reshape();
    const T4: Tensor4<i32, 2, 2, 3, 2> = T3.reshape();
    const T3B: Tensor3<i32, 4, 3, 2> = T4.reshape();
    const BACK: Tensor<i32, 6, 4> = T3B.reshape();
    const V: Vector<i32, 24> = T4.flatten();
    const FIRST: i32 = T4.as_flat()[23];
    assert_eq!(Z, Tensor3::from_fn(|_, _, _| 0));
    assert_eq!(O, Tensor4::from_fn(|_, _, _, _| 1));
    assert_eq!(F, Tensor3::from_fn(|_, _, _| 0.25));
    assert_eq!(M, Tensor::arange());
    assert_eq!(T3, Tensor3::arange());
    assert_eq!(T4, Tensor4::arange());
    assert_eq!(T3B, Tensor3::arange());
    assert_eq!(BACK, M);
    assert_eq!(V, Tensor::arange());
    assert_eq!(FIRST, 23);
}

/// A layer's weights and bias as `static` data, used at run time with shape checks.
#[test]
fn static_weights_in_a_layer() {
    static W: Tensor<f32, 3, 2> = Tensor::from_array([[1.0, -1.0], [0.5, 2.0], [0.0, 1.0]]);
    static B: Vector<f32, 2> = Tensor::full(0.5);
    let x = Tensor::from([1.0f32, 2.0, 3.0]);
    let y = x.matmul(&W) + B;
    assert_eq!(y, Tensor::from([2.5, 6.5]));
}
