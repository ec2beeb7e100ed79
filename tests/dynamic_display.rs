//! `Display` of `DynArray` prints like NumPy's `print(a)` of the same `(n, ...)` array, through
//! the static tensors' formatter. Every expected string is NumPy 2.4's `str(a)` for the same
//! array, except the precision from the format string, which is this library's (as for static
//! tensors, `tests/display.rs`). `Debug` prints the shape and the nested rows.
#![cfg(feature = "alloc")]

use tensor::prelude::*;

/// `rows` rows whose row-major element `k` is `k`, as `i64`.
fn arange<S: tensor::shape::Dims>(rows: usize) -> DynArray<i64, S> {
    DynArray::from_flat_fn(rows, |k| k as i64)
}

#[test]
fn integers_and_floats_align_as_numpy() {
    assert_eq!(
        arange::<(tensor::shape::Const<3>,)>(1).to_string(),
        "[[0 1 2]]"
    );
    let x = DynTensor::from(Tensor::from([[1.0, -2.5], [10.0, 0.25]]));
    assert_eq!(x.to_string(), "[[ 1.   -2.5 ]\n [10.    0.25]]");
    let x = DynTensor::from(Tensor::from([[1.5, f64::NAN], [f64::INFINITY, -2.25]]));
    assert_eq!(x.to_string(), "[[ 1.5    nan]\n [  inf -2.25]]");
    let x = DynTensor::from(Tensor::from([[1e-5, 1.0], [2.0, 3.0]]));
    assert_eq!(x.to_string(), "[[1.e-05 1.e+00]\n [2.e+00 3.e+00]]");
}

#[test]
fn no_rows_print_as_an_empty_array() {
    assert_eq!(DynTensor::<f32, 3>::zeros(0).to_string(), "[]");
    assert_eq!(DynTensor3::<i64, 2, 2>::zeros(0).to_string(), "[]");
}

#[test]
fn long_rows_wrap_at_75_columns() {
    let expected = "[[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n  24]\n [25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48\n  49]\n [50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73\n  74]\n [75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98\n  99]]";
    assert_eq!(
        DynTensor::<i64, 25>::from_flat_fn(4, |k| k as i64).to_string(),
        expected
    );
}

#[test]
fn many_rows_are_summarized() {
    let expected = "[[   0    1    2]\n [   3    4    5]\n [   6    7    8]\n ...\n [1191 1192 1193]\n [1194 1195 1196]\n [1197 1198 1199]]";
    assert_eq!(
        DynTensor::<i64, 3>::from_flat_fn(400, |k| k as i64).to_string(),
        expected
    );
    let expected = "[[   0    1    2 ...   27   28   29]\n [  30   31   32 ...   57   58   59]\n [  60   61   62 ...   87   88   89]\n ...\n [1110 1111 1112 ... 1137 1138 1139]\n [1140 1141 1142 ... 1167 1168 1169]\n [1170 1171 1172 ... 1197 1198 1199]]";
    assert_eq!(
        DynTensor::<i64, 30>::from_flat_fn(40, |k| k as i64).to_string(),
        expected
    );
    let expected =
        "[[[0 1 2 ... 3 4 5]\n  [6 0 1 ... 2 3 4]]\n\n [[5 6 0 ... 1 2 3]\n  [4 5 6 ... 0 1 2]]]";
    let x = DynTensor3::<i64, 2, 300>::from_flat_fn(2, |k| k as i64 % 7);
    assert_eq!(x.to_string(), expected);
}

#[test]
fn ranks_3_and_4_separate_blocks_with_blank_lines() {
    let expected = "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n [[12 13 14 15]\n  [16 17 18 19]\n  [20 21 22 23]]]";
    assert_eq!(
        DynTensor3::<i64, 3, 4>::from_flat_fn(2, |k| k as i64).to_string(),
        expected
    );
    let expected = "[[[[ 0  1]\n   [ 2  3]]\n\n  [[ 4  5]\n   [ 6  7]]]\n\n\n [[[ 8  9]\n   [10 11]]\n\n  [[12 13]\n   [14 15]]]]";
    assert_eq!(
        DynTensor4::<i64, 2, 2, 2>::from_flat_fn(2, |k| k as i64).to_string(),
        expected
    );
}

#[test]
fn masks_print_true_and_false() {
    let m = DynTensor::<bool, 2>::from_vec(vec![true, false, false, true]).unwrap();
    assert_eq!(m.to_string(), "[[ True False]\n [False  True]]");
}

#[test]
fn same_as_the_static_tensor_with_the_same_data() {
    // Any number of rows but one, which a static tensor prints as NumPy's 1-D array.
    let s = Tensor::<f64, 7, 5>::from_fn(|i, j| (i as f64 - 3.0) * 10f64.powi(j as i32 - 2));
    let x = DynTensor::from(&s);
    assert_eq!(x.to_string(), s.to_string());
    assert_eq!(format!("{x:.3}"), format!("{s:.3}"));
    let s = Tensor::<f32, 50, 40>::from_fn(|i, j| (i * 40 + j) as f32 / 7.0);
    assert_eq!(DynTensor::from(&s).to_string(), s.to_string());
}

#[test]
fn precision_from_the_format_string() {
    let x = DynTensor::from(Tensor::from([[1.0f32 / 3.0, 2.0]]));
    assert_eq!(format!("{x:.2}"), "[[0.33 2.00]]");
}

#[test]
fn debug_prints_the_shape_and_the_nested_rows() {
    let x = DynTensor3::<i32, 1, 2>::from_flat_fn(2, |k| k as i32);
    assert_eq!(format!("{x:?}"), "DynArray(2, 1, 2)[[[0, 1]], [[2, 3]]]");
    assert_eq!(
        format!("{:?}", DynTensor::<f32, 2>::zeros(0)),
        "DynArray(0, 2)[]"
    );
    assert_eq!(
        format!("{:?}", DynTensor::<f32, 1>::ones(1)),
        "DynArray(1, 1)[[1.0]]"
    );
}
