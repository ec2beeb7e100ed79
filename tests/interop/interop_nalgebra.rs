//! nalgebra: conversions keep every element at its (row, col) despite column-major storage.

use nalgebra::{Matrix3x2, RowVector3, SMatrix, Vector3};
use tensor::prelude::*;

#[test]
fn every_element_keeps_its_position_into_nalgebra() {
    let t = Tensor::<i32, 3, 4>::from_fn(|i, j| (10 * i + j) as i32);
    let m: SMatrix<i32, 3, 4> = t.into();
    for i in 0..3 {
        for j in 0..4 {
            assert_eq!(m[(i, j)], t[(i, j)], "at ({i}, {j})");
        }
    }
    // nalgebra's storage is column-major: the first column comes first.
    assert_eq!(&m.as_slice()[..3], &[0, 10, 20]);
    assert_eq!(m.nrows(), 3);
    assert_eq!(m.ncols(), 4);
}

#[test]
fn every_element_keeps_its_position_from_nalgebra() {
    let m = Matrix3x2::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0); // rows [1 2], [3 4], [5 6]
    let t: Tensor<f64, 3, 2> = m.into();
    assert_eq!(t, tensor![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
    // nalgebra's own transpose agrees with the row-major reading.
    let tt: Tensor<f64, 2, 3> = m.transpose().into();
    assert_eq!(tt, tensor![[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]]);
}

#[test]
fn round_trips_both_ways() {
    let t = Tensor::<f32, 4, 5>::from_fn(|i, j| i as f32 - 0.5 * j as f32);
    assert_eq!(Tensor::from(SMatrix::from(t)), t);
    let m = SMatrix::<u8, 2, 7>::from_fn(|i, j| (i * 7 + j) as u8);
    assert_eq!(SMatrix::from(Tensor::from(m)), m);
}

#[test]
fn vectors_map_to_the_matching_orientation() {
    // A tensor row vector is nalgebra's RowVector; a column vector is nalgebra's Vector.
    let row: RowVector3<i32> = tensor![1, 2, 3].into();
    assert_eq!(row, RowVector3::new(1, 2, 3));
    let col: Vector3<i32> = tensor![[1], [2], [3]].into();
    assert_eq!(col, Vector3::new(1, 2, 3));
    let back: Tensor<i32, 3, 1> = col.into();
    assert_eq!(back, tensor![[1], [2], [3]]);
}

#[test]
fn nalgebra_products_agree_with_naive_loops_on_converted_data() {
    // Multiplying in nalgebra and reading back gives the row-major result, which checks that
    // the conversion did not transpose anything.
    let a = Tensor::<f64, 2, 3>::from_fn(|i, j| (i * 3 + j) as f64);
    let b = Tensor::<f64, 3, 2>::from_fn(|i, j| 1.0 + (i * 2 + j) as f64);
    let p: Tensor<f64, 2, 2> = (SMatrix::from(a) * SMatrix::from(b)).into();
    let naive = Tensor::<f64, 2, 2>::from_fn(|i, j| (0..3).map(|k| a[(i, k)] * b[(k, j)]).sum());
    assert_eq!(p, naive);
}
