//! Rank 3 and 4 in the interop features (issue 19, item 7): ndarray's `Array3`/`Array4` and
//! their views with `Tensor3`/`Tensor4` and `DynTensor3`/`DynTensor4`, both ways, and serde's
//! nested sequences, against the element positions (`a[i, j, k]` holds a number made of its
//! indices) and against the rank-2 conversions; wrong shapes are errors naming both shapes.
use tensor::prelude::*;

/// Element `(i, j, k)` is `1000 i + 100 j + k`.
fn numbered3<const D0: usize, const D1: usize, const D2: usize>() -> Tensor3<i64, D0, D1, D2> {
    Tensor3::from_fn(|i, j, k| (1000 * i + 100 * j + k) as i64)
}

/// Element `(n, i, j, k)` is `10000 n + 1000 i + 100 j + k`.
fn numbered4<const D0: usize, const D1: usize, const D2: usize, const D3: usize>()
-> Tensor4<i64, D0, D1, D2, D3> {
    Tensor4::from_fn(|n, i, j, k| (10000 * n + 1000 * i + 100 * j + k) as i64)
}

/// `rows` rows of shape `(D1, D2)`, numbered like `numbered3`.
fn dyn_numbered3<const D1: usize, const D2: usize>(rows: usize) -> DynTensor3<i64, D1, D2> {
    DynTensor3::from_flat_fn(rows, |f| {
        let (i, j, k) = (f / (D1 * D2), f / D2 % D1, f % D2);
        (1000 * i + 100 * j + k) as i64
    })
}

/// `rows` rows of shape `(D1, D2, D3)`, numbered like `numbered4`.
fn dyn_numbered4<const D1: usize, const D2: usize, const D3: usize>(
    rows: usize,
) -> DynTensor4<i64, D1, D2, D3> {
    DynTensor4::from_flat_fn(rows, |f| {
        let (n, i, j, k) = (f / (D1 * D2 * D3), f / (D2 * D3) % D1, f / D3 % D2, f % D3);
        (10000 * n + 1000 * i + 100 * j + k) as i64
    })
}

mod ndarray_rank34 {
    use super::*;
    use ndarray::{
        Array2, Array3, Array4, ArrayView3, ArrayView4, ArrayViewMut3, ArrayViewMut4, s,
    };
    use proptest::prelude::*;
    use tensor::{RowsMismatch, ShapeMismatch};

    #[test]
    fn static_rank3_to_arrays_keeps_positions() {
        let t = numbered3::<2, 3, 4>();
        let owned = Array3::from(t);
        assert_eq!(owned.dim(), (2, 3, 4));
        assert!(owned.is_standard_layout());
        for ((i, j, k), &x) in owned.indexed_iter() {
            assert_eq!(x, (1000 * i + 100 * j + k) as i64);
        }
        let view = ArrayView3::from(&t);
        assert_eq!(view, owned);
        let boxed = Tensor3::<i64, 2, 3, 4>::boxed_from_flat_fn(|f| t.as_flat()[f]);
        let ptr = boxed.as_flat().as_ptr();
        let from_box = Array3::from(boxed);
        assert_eq!(from_box.as_ptr(), ptr, "the box's allocation is reused");
        assert_eq!(from_box, owned);
        let mut m = t;
        ArrayViewMut3::from(&mut m)
            .slice_mut(s![.., 1, ..])
            .fill(-1);
        assert_eq!(m[(1, 1, 3)], -1);
        assert_eq!(m[(1, 2, 3)], t[(1, 2, 3)]);
    }

    #[test]
    fn static_rank4_to_arrays_keeps_positions() {
        let t = numbered4::<2, 3, 2, 5>();
        let owned = Array4::from(t);
        assert_eq!(owned.dim(), (2, 3, 2, 5));
        for ((n, i, j, k), &x) in owned.indexed_iter() {
            assert_eq!(x, (10000 * n + 1000 * i + 100 * j + k) as i64);
        }
        assert_eq!(ArrayView4::from(&t), owned);
        assert_eq!(
            Array4::from(Tensor4::<i64, 2, 3, 2, 5>::boxed_from_flat_fn(
                |f| t.as_flat()[f]
            )),
            owned
        );
        let mut m = t;
        ArrayViewMut4::from(&mut m).fill(3);
        assert!(m.iter().all(|&x| x == 3));
    }

    #[test]
    fn arrays_to_static_tensors_in_any_layout() {
        let a = Array3::from_shape_fn((2, 3, 4), |(i, j, k)| (1000 * i + 100 * j + k) as i64);
        assert_eq!(
            Tensor3::<i64, 2, 3, 4>::try_from(a.view()).unwrap(),
            numbered3()
        );
        assert_eq!(
            Tensor3::<i64, 2, 3, 4>::try_from(a.clone()).unwrap(),
            numbered3()
        );
        // A permuted view: element (k, i, j) of the tensor is a[i, j, k].
        let p = a.view().permuted_axes([2, 0, 1]);
        let t = Tensor3::<i64, 4, 2, 3>::try_from(p).unwrap();
        assert_eq!(t[(3, 1, 2)], a[[1, 2, 3]]);
        // A strided slice.
        let every_other = a.slice(s![.., .., ..;2]);
        let t = Tensor3::<i64, 2, 3, 2>::try_from(every_other).unwrap();
        assert_eq!(t[(1, 2, 1)], a[[1, 2, 2]]);

        let b = Array4::from_shape_fn((2, 3, 2, 5), |(n, i, j, k)| {
            (10000 * n + 1000 * i + 100 * j + k) as i64
        });
        assert_eq!(
            Tensor4::<i64, 2, 3, 2, 5>::try_from(b.view()).unwrap(),
            numbered4()
        );
        assert_eq!(
            Tensor4::<i64, 2, 3, 2, 5>::try_from(b).unwrap(),
            numbered4()
        );
    }

    #[test]
    fn wrong_shapes_are_errors_naming_both() {
        let e = Tensor3::<f32, 2, 3, 4>::try_from(Array3::<f32>::zeros((2, 4, 3))).unwrap_err();
        assert_eq!(e, ShapeMismatch::from_dims(&[2, 3, 4], &[2, 4, 3]));
        assert_eq!(
            (e.expected_dims(), e.found_dims()),
            (&[2, 3, 4][..], &[2, 4, 3][..])
        );
        assert_eq!(
            e.to_string(),
            "cannot convert an array of shape (2, 4, 3) into a tensor of shape Shape3<2, 3, 4>"
        );
        let e = Tensor4::<f32, 8, 28, 28, 1>::try_from(Array4::<f32>::zeros((8, 28, 28, 3)).view())
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot convert an array of shape (8, 28, 28, 3) into a tensor of shape Shape4<8, 28, 28, 1>"
        );
        // Rank 2 unchanged.
        let e = Tensor::<f32, 2, 3>::try_from(Array2::<f32>::zeros((3, 2))).unwrap_err();
        assert_eq!((e.expected(), e.found()), ((2, 3), (3, 2)));
        assert_eq!(e, ShapeMismatch::new((2, 3), (3, 2)));
        assert_eq!(e, ShapeMismatch::from_dims(&[2, 3], &[3, 2]));
    }

    #[test]
    fn run_time_rank3_and_arrays_both_ways() {
        for rows in [0, 1, 5] {
            let x = dyn_numbered3::<3, 4>(rows);
            let v = ArrayView3::from(&x);
            assert_eq!(v.dim(), (rows, 3, 4));
            for ((i, j, k), &e) in v.indexed_iter() {
                assert_eq!(e, (1000 * i + 100 * j + k) as i64);
            }
            let owned = Array3::from(x.clone());
            assert_eq!(owned, v);
            let back = DynTensor3::<i64, 3, 4>::try_from(owned.view()).unwrap();
            assert_eq!(back.as_flat(), x.as_flat());
            let ptr = owned.as_ptr();
            let back = DynTensor3::<i64, 3, 4>::try_from(owned).unwrap();
            assert_eq!(back.as_flat(), x.as_flat());
            if rows > 0 {
                assert_eq!(
                    back.as_flat().as_ptr(),
                    ptr,
                    "a standard array is taken without a copy"
                );
            }
        }
        // The same data as the static tensor's conversion.
        let t = numbered3::<5, 3, 4>();
        assert_eq!(Array3::from(dyn_numbered3::<3, 4>(5)), Array3::from(t));
        // Non-standard layouts and slices of an allocation are copied in row-major order.
        let a = Array3::from_shape_fn((4, 3, 5), |(i, j, k)| (1000 * i + 100 * j + k) as i64);
        let p = a.clone().permuted_axes([2, 1, 0]); // (5, 3, 4)
        let x = DynTensor3::<i64, 3, 4>::try_from(p.clone()).unwrap();
        assert_eq!(Array3::from(x), p);
        let tail = a.slice_move(s![2.., .., ..]);
        let x = DynTensor3::<i64, 3, 5>::try_from(tail.clone()).unwrap();
        assert_eq!(x.nrows(), 2);
        assert_eq!(Array3::from(x), tail);
        let mut y = dyn_numbered3::<3, 4>(2);
        ArrayViewMut3::from(&mut y).slice_mut(s![1, .., ..]).fill(0);
        assert_eq!(&y.as_flat()[12..], &[0; 12]);
    }

    #[test]
    fn run_time_rank4_and_arrays_both_ways() {
        for rows in [0, 1, 3] {
            let x = dyn_numbered4::<2, 2, 3>(rows);
            let owned = Array4::from(x.clone());
            assert_eq!(owned.dim(), (rows, 2, 2, 3));
            for ((n, i, j, k), &e) in owned.indexed_iter() {
                assert_eq!(e, (10000 * n + 1000 * i + 100 * j + k) as i64);
            }
            assert_eq!(ArrayView4::from(&x), owned);
            assert_eq!(
                DynTensor4::<i64, 2, 2, 3>::try_from(owned.view())
                    .unwrap()
                    .as_flat(),
                x.as_flat()
            );
            assert_eq!(
                DynTensor4::<i64, 2, 2, 3>::try_from(owned)
                    .unwrap()
                    .as_flat(),
                x.as_flat()
            );
        }
        assert_eq!(
            Array4::from(dyn_numbered4::<2, 2, 3>(3)),
            Array4::from(numbered4::<3, 2, 2, 3>())
        );
        let mut y = dyn_numbered4::<2, 2, 3>(2);
        ArrayViewMut4::from(&mut y).fill(1);
        assert!(y.as_flat().iter().all(|&v| v == 1));
    }

    #[test]
    fn run_time_wrong_trailing_axes_are_errors_naming_both() {
        let e = DynTensor3::<f32, 28, 28>::try_from(Array3::<f32>::zeros((5, 28, 27))).unwrap_err();
        assert_eq!(
            e,
            RowsMismatch::Columns {
                found: [5, 28, 27, 0],
                row: &[28, 28]
            }
        );
        assert_eq!(
            e.to_string(),
            "cannot convert an array of shape (5, 28, 27) into a tensor of shape (n, 28, 28)"
        );
        let e = DynTensor4::<f32, 28, 28, 1>::try_from(Array4::<f32>::zeros((5, 28, 28, 3)).view())
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot convert an array of shape (5, 28, 28, 3) into a tensor of shape (n, 28, 28, 1)"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        #[test]
        fn round_trips(values in proptest::collection::vec(-1000i32..1000, 0..=60)) {
            // Whole rows of (3, 4) (rank 3) and of (2, 2, 3) (rank 4) from the values.
            let rows = values.len() / 12;
            let data = values[..rows * 12].to_vec();
            let x = DynTensor3::<i32, 3, 4>::from_vec(data.clone()).unwrap();
            let a = Array3::from(x.clone());
            prop_assert_eq!(a.as_slice().unwrap(), &data[..]);
            let back = DynTensor3::<i32, 3, 4>::try_from(a).unwrap();
            prop_assert_eq!(back.as_flat(), x.as_flat());
            let y = DynTensor4::<i32, 2, 2, 3>::from_vec(data.clone()).unwrap();
            let b = Array4::from(y.clone());
            let back = DynTensor4::<i32, 2, 2, 3>::try_from(b.view()).unwrap();
            prop_assert_eq!(back.as_flat(), y.as_flat());
            if rows == 5 {
                let t = Tensor3::<i32, 5, 3, 4>::try_from(Array3::from(x)).unwrap();
                prop_assert_eq!(t.as_flat(), &data[..]);
                let u = Tensor4::<i32, 5, 2, 2, 3>::try_from(Array4::from(t.reshape::<Tensor4<_, 5, 2, 2, 3>>())).unwrap();
                prop_assert_eq!(u.as_flat(), &data[..]);
            }
        }
    }
}

mod serde_rank34 {
    use super::*;
    use serde_json::{Value, json};

    /// The nested lists NumPy's `a.tolist()` gives for a tensor numbered like `numbered3`.
    fn nested3(d0: usize, d1: usize, d2: usize) -> Value {
        Value::Array(
            (0..d0)
                .map(|i| {
                    Value::Array(
                        (0..d1)
                            .map(|j| (0..d2).map(|k| 1000 * i + 100 * j + k).collect())
                            .collect(),
                    )
                })
                .collect(),
        )
    }

    fn nested4(d0: usize, d1: usize, d2: usize, d3: usize) -> Value {
        Value::Array(
            (0..d0)
                .map(|n| {
                    Value::Array(
                        (0..d1)
                            .map(|i| {
                                Value::Array(
                                    (0..d2)
                                        .map(|j| {
                                            (0..d3)
                                                .map(|k| 10000 * n + 1000 * i + 100 * j + k)
                                                .collect()
                                        })
                                        .collect(),
                                )
                            })
                            .collect(),
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn static_tensors_are_nested_lists_both_ways() {
        let t = numbered3::<2, 3, 4>();
        assert_eq!(serde_json::to_value(t).unwrap(), nested3(2, 3, 4));
        let back: Tensor3<i64, 2, 3, 4> = serde_json::from_value(nested3(2, 3, 4)).unwrap();
        assert_eq!(back, t);
        let u = numbered4::<2, 3, 2, 2>();
        assert_eq!(serde_json::to_value(u).unwrap(), nested4(2, 3, 2, 2));
        let back: Tensor4<i64, 2, 3, 2, 2> = serde_json::from_value(nested4(2, 3, 2, 2)).unwrap();
        assert_eq!(back, u);
        // Empty axes.
        let e = Tensor3::<i64, 2, 0, 3>::zeros();
        assert_eq!(serde_json::to_string(&e).unwrap(), "[[],[]]");
        assert_eq!(
            serde_json::from_str::<Tensor3<i64, 2, 0, 3>>("[[],[]]").unwrap(),
            e
        );
        // Floats round-trip exactly.
        let f = Tensor4::<f64, 1, 2, 2, 2>::from_fn(|n, i, j, k| {
            (n + i) as f64 / 3.0 - (j * k) as f64 * 1e-300
        });
        let s = serde_json::to_string(&f).unwrap();
        assert_eq!(
            serde_json::from_str::<Tensor4<f64, 1, 2, 2, 2>>(&s).unwrap(),
            f
        );
    }

    #[test]
    fn run_time_tensors_are_lists_of_rows_both_ways() {
        for rows in [0, 1, 4] {
            let x = dyn_numbered3::<3, 2>(rows);
            assert_eq!(serde_json::to_value(&x).unwrap(), nested3(rows, 3, 2));
            let back: DynTensor3<i64, 3, 2> = serde_json::from_value(nested3(rows, 3, 2)).unwrap();
            assert_eq!(back.as_flat(), x.as_flat());
            assert_eq!(back.nrows(), rows);
            let y = dyn_numbered4::<2, 1, 3>(rows);
            assert_eq!(serde_json::to_value(&y).unwrap(), nested4(rows, 2, 1, 3));
            let back: DynTensor4<i64, 2, 1, 3> =
                serde_json::from_value(nested4(rows, 2, 1, 3)).unwrap();
            assert_eq!(back.as_flat(), y.as_flat());
        }
        // The same text as the static tensor of the same data.
        assert_eq!(
            serde_json::to_string(&dyn_numbered3::<3, 2>(4)).unwrap(),
            serde_json::to_string(&numbered3::<4, 3, 2>()).unwrap()
        );
    }

    #[test]
    fn wrong_lengths_are_errors_naming_the_place_and_the_shape() {
        let err = |s: &str| {
            serde_json::from_value::<Tensor3<i64, 2, 2, 2>>(serde_json::from_str(s).unwrap())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("[[[1, 2], [3, 4]]]"),
            "invalid length 1, expected a tensor of shape Shape3<2, 2, 2>: 2 rows of shape (2, 2)"
        );
        assert_eq!(
            err("[[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 9], [9, 9]]]"),
            "invalid length 3, expected a tensor of shape Shape3<2, 2, 2>: 2 rows of shape (2, 2)"
        );
        assert_eq!(
            err("[[[1, 2], [3, 4]], [[5, 6]]]"),
            "invalid length 1, expected a[1] of a tensor of shape Shape3<2, 2, 2> to have 2 elements"
        );
        assert_eq!(
            err("[[[1, 2], [3, 4]], [[5, 6], [7, 8, 9]]]"),
            "invalid length 3, expected a[1, 1] of a tensor of shape Shape3<2, 2, 2> to have 2 elements"
        );
        let e = serde_json::from_value::<Tensor4<i64, 1, 1, 2, 1>>(json!([[[[1], [2, 3]]]]))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid length 2, expected a[0, 0, 1] of a tensor of shape Shape4<1, 1, 2, 1> to have 1 elements"
        );
        let e =
            serde_json::from_value::<DynTensor3<i64, 2, 2>>(json!([[[1, 2], [3, 4]], [[5, 6]]]))
                .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid length 1, expected a[1] of a tensor of shape (n, 2, 2) to have 2 elements"
        );
        let e = serde_json::from_value::<DynTensor4<i64, 1, 1, 2>>(json!([[[[1, 2]]], [[[3]]]]))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid length 1, expected a[1, 0, 0] of a tensor of shape (n, 1, 1, 2) to have 2 elements"
        );
        // Not a sequence at all.
        let e = serde_json::from_value::<DynTensor3<i64, 2, 2>>(json!(7)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid type: integer `7`, expected a tensor of shape (n, 2, 2): rows of shape (2, 2)"
        );
    }
}
