//! The interop features for `DynTensor`, the run-time-rows tensor: ndarray's `Array2` and
//! nalgebra's `OMatrix<T, Dyn, Const<C>>` (its twins) and serde, against the element positions
//! and against the static tensors' conversions of the same data. A trailing dimension that
//! does not match is an error naming both shapes.

use tensor::prelude::*;

/// `n` rows of `C` distinct values: element `(i, j)` is `100 i + j`.
fn numbered<const C: usize>(n: usize) -> DynTensor<i64, C> {
    DynTensor::from_flat_fn(n, |k| (100 * (k / C.max(1)) + k % C.max(1)) as i64)
}

mod ndarray_twin {
    use super::numbered;
    use ndarray::{Array2, ArrayView2, ArrayViewMut2, ShapeBuilder, s};
    use tensor::RowsMismatch;
    use tensor::prelude::*;

    #[test]
    fn into_array2_keeps_positions_and_the_allocation() {
        for n in [0, 1, 7] {
            let x = numbered::<3>(n);
            let moved = x.clone();
            let ptr = moved.as_flat().as_ptr();
            let a = Array2::from(moved);
            assert_eq!(a.dim(), (n, 3));
            assert!(a.is_standard_layout());
            assert_eq!(a.as_ptr(), ptr, "moved, not copied");
            for ((i, j), &v) in a.indexed_iter() {
                assert_eq!(v, x.row(i).as_flat()[j], "at ({i}, {j})");
            }
            assert_eq!(ArrayView2::from(&x), a.view());
        }
        // The same array as the static tensor of the same data gives.
        let s = Tensor::<i64, 4, 3>::from_fn(|i, j| (100 * i + j) as i64);
        assert_eq!(Array2::from(DynTensor::from(&s)), Array2::from(s));
    }

    #[test]
    fn views_read_and_write_in_place() {
        let mut x = numbered::<4>(3);
        ArrayViewMut2::from(&mut x).row_mut(1).fill(-1);
        assert_eq!(x.row(1).as_flat(), &[-1; 4]);
        assert_eq!(ArrayView2::from(&x).column(3).to_vec(), [3, -1, 203]);
    }

    #[test]
    fn back_from_any_layout() {
        let a = Array2::from_shape_fn((5, 3), |(i, j)| (100 * i + j) as i64);
        // Standard layout: the allocation is taken over.
        let moved = a.clone();
        let ptr = moved.as_ptr();
        let x = DynTensor::<i64, 3>::try_from(moved).unwrap();
        assert_eq!(x, numbered::<3>(5));
        assert_eq!(x.as_flat().as_ptr(), ptr);
        // Column-major, transposed, strided views and a sliced owned array: copied in order.
        let f = Array2::from_shape_vec((5, 3).f(), a.t().iter().copied().collect()).unwrap();
        assert_eq!(f, a);
        assert_eq!(DynTensor::<i64, 3>::try_from(f).unwrap(), numbered::<3>(5));
        let t = a.t().to_owned();
        assert_eq!(
            DynTensor::<i64, 3>::try_from(t.t()).unwrap(),
            numbered::<3>(5)
        );
        let every_other = DynTensor::<i64, 3>::try_from(a.slice(s![..;2, ..])).unwrap();
        assert_eq!(every_other, numbered::<3>(5).select_rows(&[0, 2, 4]));
        let mut sliced = a.clone();
        sliced.slice_collapse(s![2.., ..]);
        assert_eq!(
            DynTensor::<i64, 3>::try_from(sliced).unwrap(),
            numbered::<3>(5).select_rows(&[2, 3, 4])
        );
        // No rows.
        let none = DynTensor::<i64, 3>::try_from(Array2::zeros((0, 3))).unwrap();
        assert_eq!(none.shape(), (0, 3));
    }

    #[test]
    fn other_column_counts_are_errors_naming_both_shapes() {
        let a = Array2::<f32>::zeros((5, 4));
        let e = DynTensor::<f32, 3>::try_from(a.view()).unwrap_err();
        assert_eq!(
            e,
            RowsMismatch::Columns {
                found: [5, 4, 0, 0],
                row: &[3]
            }
        );
        assert_eq!(
            e.to_string(),
            "cannot convert an array of shape (5, 4) into a tensor of shape (n, 3)"
        );
        assert_eq!(DynTensor::<f32, 3>::try_from(a).unwrap_err(), e);
        assert!(DynTensor::<f32, 3>::try_from(Array2::<f32>::zeros((0, 0))).is_err());
    }
}

mod nalgebra_twin {
    use super::numbered;
    use nalgebra::{Const, DMatrix, Dyn, OMatrix, SMatrix};
    use tensor::RowsMismatch;
    use tensor::prelude::*;

    #[test]
    fn every_element_keeps_its_position() {
        for n in [0, 1, 6] {
            let x = numbered::<4>(n);
            let m = OMatrix::<i64, Dyn, Const<4>>::from(x.clone());
            assert_eq!(m.shape(), (n, 4));
            for i in 0..n {
                for j in 0..4 {
                    assert_eq!(m[(i, j)], (100 * i + j) as i64, "at ({i}, {j})");
                }
            }
            assert_eq!(DynTensor::from(m), x);
        }
        // As the static tensor of the same data converts.
        let s = Tensor::<i64, 3, 4>::from_fn(|i, j| (100 * i + j) as i64);
        let m = OMatrix::<i64, Dyn, Const<4>>::from(DynTensor::from(&s));
        assert_eq!(m.as_slice(), SMatrix::<i64, 3, 4>::from(s).as_slice());
    }

    #[test]
    fn from_a_dmatrix_checks_the_columns() {
        let m = DMatrix::from_fn(5, 2, |i, j| (100 * i + j) as i64);
        assert_eq!(
            DynTensor::<i64, 2>::try_from(m.clone()).unwrap(),
            numbered::<2>(5)
        );
        let e = DynTensor::<i64, 3>::try_from(m).unwrap_err();
        assert_eq!(
            e,
            RowsMismatch::Columns {
                found: [5, 2, 0, 0],
                row: &[3]
            }
        );
        assert_eq!(
            e.to_string(),
            "cannot convert an array of shape (5, 2) into a tensor of shape (n, 3)"
        );
    }
}

mod serde_rows {
    use super::numbered;
    use serde::{Deserialize, Serialize};
    use tensor::prelude::*;

    #[test]
    fn written_as_the_static_tensor_of_the_same_rows() {
        let s = Tensor::<i64, 3, 2>::from_fn(|i, j| (100 * i + j) as i64);
        let json = serde_json::to_string(&DynTensor::from(&s)).unwrap();
        assert_eq!(json, serde_json::to_string(&s).unwrap());
        assert_eq!(json, "[[0,1],[100,101],[200,201]]");
        assert_eq!(serde_json::to_string(&numbered::<2>(0)).unwrap(), "[]");
        assert_eq!(serde_json::to_string(&numbered::<2>(1)).unwrap(), "[[0,1]]");
    }

    #[test]
    fn round_trips_any_number_of_rows() {
        for n in [0, 1, 2, 33] {
            let x = DynTensor::<f64, 3>::from_flat_fn(n, |k| k as f64 * 0.1 - 1e-12);
            let back: DynTensor<f64, 3> =
                serde_json::from_str(&serde_json::to_string(&x).unwrap()).unwrap();
            assert_eq!(back, x);
        }
        // What a static tensor wrote reads back as rows.
        let s = Tensor::<i64, 2, 2>::from([[i64::MIN, -1], [0, i64::MAX]]);
        let x: DynTensor<i64, 2> =
            serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(x.to_static::<2>().unwrap(), s);
    }

    #[test]
    fn works_inside_derived_structs() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct Dataset {
            x: DynTensor<f32, 2>,
            y: DynTensor<u8, 1>,
        }
        let data = Dataset {
            x: DynTensor::full(2, 0.5),
            y: DynTensor::from_vec(vec![1, 0]).unwrap(),
        };
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(json, r#"{"x":[[0.5,0.5],[0.5,0.5]],"y":[[1],[0]]}"#);
        assert_eq!(serde_json::from_str::<Dataset>(&json).unwrap(), data);
    }

    fn error(json: &str) -> String {
        serde_json::from_str::<DynTensor<i32, 3>>(json)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn rows_of_another_length_are_errors_naming_the_row_and_shape() {
        assert_eq!(
            error("[[1, 2, 3], [4, 5]]"),
            "invalid length 2, expected row 1 of a tensor of shape (n, 3) to have 3 elements at line 1 column 18"
        );
        assert_eq!(
            error("[[1, 2, 3, 4]]"),
            "invalid length 4, expected row 0 of a tensor of shape (n, 3) to have 3 elements at line 1 column 13"
        );
        assert!(
            error("[1, 2, 3]").starts_with("invalid type: integer `1`, expected row 0 of a tensor"),
            "{}",
            error("[1, 2, 3]")
        );
        assert!(
            error("{}").starts_with("invalid type: map, expected a tensor of shape (n, 3)"),
            "{}",
            error("{}")
        );
    }
}
