//! ndarray: owned arrays and views from tensors; fallible conversions back whose error names
//! both shapes.

use ndarray::{Array2, ArrayView2, ArrayViewMut2, Axis, array, s};
use tensor::ShapeMismatch;
use tensor::prelude::*;

#[test]
fn into_array2_keeps_positions_and_standard_layout() {
    let t = Tensor::<i32, 3, 4>::from_fn(|i, j| (10 * i + j) as i32);
    let a: Array2<i32> = t.into();
    assert_eq!(a.dim(), (3, 4));
    assert!(a.is_standard_layout());
    for ((i, j), &x) in a.indexed_iter() {
        assert_eq!(x, t[(i, j)], "at ({i}, {j})");
    }
    assert_eq!(a.as_slice().unwrap(), t.as_flat());
}

#[test]
fn boxed_tensors_become_arrays_without_copying() {
    let t = Tensor::<f32, 300, 200>::boxed_from_fn(|i, j| (i * 200 + j) as f32);
    let ptr = t.as_flat().as_ptr();
    let a = Array2::from(t);
    assert_eq!(a.dim(), (300, 200));
    assert_eq!(a.as_ptr(), ptr); // the same allocation
    assert_eq!(a[[299, 199]], 59999.0);
    assert!(a.iter().enumerate().all(|(k, &x)| x == k as f32)); // row-major, in place
}

#[test]
fn views_borrow_without_copying() {
    let mut t = Tensor::<f64, 2, 3>::arange();
    let v = ArrayView2::from(&t);
    assert_eq!(v, array![[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]);
    assert_eq!(v.as_ptr(), t.as_flat().as_ptr());
    assert_eq!(v.sum_axis(Axis(0)), array![3.0, 5.0, 7.0]);

    let mut w = ArrayViewMut2::from(&mut t);
    w.row_mut(1).fill(-1.0);
    w[[0, 2]] = 9.0;
    assert_eq!(t, tensor![[0.0, 1.0, 9.0], [-1.0, -1.0, -1.0]]);
}

#[test]
fn try_from_views_of_any_layout() {
    let a = Array2::from_shape_fn((4, 6), |(i, j)| (i * 6 + j) as i64);
    // Standard layout.
    let t: Tensor<i64, 4, 6> = a.view().try_into().unwrap();
    assert_eq!(t, Tensor::arange());
    // Transposed (column-major) view.
    let tt: Tensor<i64, 6, 4> = a.t().try_into().unwrap();
    assert_eq!(tt, Tensor::from_fn(|i, j| (j * 6 + i) as i64));
    // Strided slice: every other column of rows 1..3.
    let strided: Tensor<i64, 2, 3> = a.slice(s![1..3, ..;2]).try_into().unwrap();
    assert_eq!(strided, tensor![[6, 8, 10], [12, 14, 16]]);
    // Owned arrays, and round trips.
    let owned: Tensor<i64, 4, 6> = a.clone().try_into().unwrap();
    assert_eq!(Array2::from(owned), a);
}

#[test]
fn wrong_shapes_are_errors_naming_both_shapes() {
    let a = Array2::<f32>::zeros((3, 2));
    let err = Tensor::<f32, 2, 3>::try_from(a.view()).unwrap_err();
    assert_eq!(err, ShapeMismatch::new((2, 3), (3, 2)));
    assert_eq!(err.expected(), (2, 3));
    assert_eq!(err.found(), (3, 2));
    assert_eq!(
        err.to_string(),
        "cannot convert an array of shape (3, 2) into a tensor of shape Shape<2, 3>"
    );
    // Same element count, different shape: still an error (no silent reshape).
    assert!(Tensor::<f32, 1, 6>::try_from(a.clone()).is_err());
    assert!(Tensor::<f32, 6, 1>::try_from(a.clone()).is_err());
    // Empty arrays.
    let empty = Array2::<f32>::zeros((0, 2));
    assert_eq!(
        Tensor::<f32, 1, 2>::try_from(empty.view())
            .unwrap_err()
            .to_string(),
        "cannot convert an array of shape (0, 2) into a tensor of shape Shape<1, 2>"
    );
    assert!(Tensor::<f32, 0, 2>::try_from(empty).is_ok());
    // Usable with `?` and `Box<dyn Error>`.
    fn convert(a: Array2<f32>) -> Result<Tensor<f32, 2, 3>, Box<dyn std::error::Error>> {
        Ok(a.try_into()?)
    }
    assert!(convert(Array2::zeros((2, 3))).is_ok());
    assert!(
        convert(Array2::zeros((2, 4)))
            .unwrap_err()
            .to_string()
            .contains("Shape<2, 3>")
    );
}

#[test]
fn empty_tensors_convert() {
    let a: Array2<u8> = Tensor::<u8, 0, 5>::zeros().into();
    assert_eq!(a.dim(), (0, 5));
    let b: Array2<u8> = Tensor::<u8, 5, 0>::zeros().into();
    assert_eq!(b.dim(), (5, 0));
}
