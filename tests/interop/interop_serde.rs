//! serde: tensors round-trip as nested rows; wrong lengths are errors naming the shape.

use serde::{Deserialize, Serialize};
use tensor::prelude::*;

#[test]
fn serializes_as_nested_rows() {
    let m = tensor![[1, 2, 3], [4, 5, 6]];
    assert_eq!(serde_json::to_string(&m).unwrap(), "[[1,2,3],[4,5,6]]");
    let v = tensor![1.5, -2.0];
    assert_eq!(serde_json::to_string(&v).unwrap(), "[[1.5,-2.0]]");
    let c: Tensor<u8, 2, 1> = tensor![[7], [8]];
    assert_eq!(serde_json::to_string(&c).unwrap(), "[[7],[8]]");
    let e = Tensor::<f32, 0, 3>::zeros();
    assert_eq!(serde_json::to_string(&e).unwrap(), "[]");
}

#[test]
fn round_trips_through_json() {
    let m = Tensor::<f64, 3, 4>::from_fn(|i, j| i as f64 * 0.1 - j as f64 * 1e-12);
    let back: Tensor<f64, 3, 4> =
        serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
    assert_eq!(back, m);
    let ints = Tensor::<i64, 2, 2>::from([[i64::MIN, -1], [0, i64::MAX]]);
    let back: Tensor<i64, 2, 2> =
        serde_json::from_str(&serde_json::to_string(&ints).unwrap()).unwrap();
    assert_eq!(back, ints);
}

#[test]
fn works_inside_derived_structs() {
    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Layer {
        weights: Tensor<f32, 2, 3>,
        bias: Vector<f32, 3>,
    }
    let layer = Layer {
        weights: Tensor::full(0.5),
        bias: tensor![1.0, 2.0, 3.0],
    };
    let json = serde_json::to_string(&layer).unwrap();
    assert_eq!(
        json,
        r#"{"weights":[[0.5,0.5,0.5],[0.5,0.5,0.5]],"bias":[[1.0,2.0,3.0]]}"#
    );
    assert_eq!(serde_json::from_str::<Layer>(&json).unwrap(), layer);
}

fn error(json: &str) -> String {
    serde_json::from_str::<Tensor<i32, 2, 3>>(json)
        .unwrap_err()
        .to_string()
}

#[test]
fn too_few_rows_is_an_error_naming_the_shape() {
    assert_eq!(
        error("[[1, 2, 3]]"),
        "invalid length 1, expected a tensor of shape Shape<2, 3>: 2 rows of 3 elements at line 1 column 11"
    );
    assert_eq!(
        error("[]"),
        "invalid length 0, expected a tensor of shape Shape<2, 3>: 2 rows of 3 elements at line 1 column 2"
    );
}

#[test]
fn too_many_rows_is_an_error_with_the_actual_count() {
    assert_eq!(
        error("[[1, 2, 3], [4, 5, 6], [7, 8, 9], [0, 0, 0]]"),
        "invalid length 4, expected a tensor of shape Shape<2, 3>: 2 rows of 3 elements at line 1 column 44"
    );
}

#[test]
fn wrong_row_length_is_an_error_naming_the_row_and_shape() {
    assert_eq!(
        error("[[1, 2, 3], [4, 5]]"),
        "invalid length 2, expected row 1 of a tensor of shape Shape<2, 3> to have 3 elements at line 1 column 18"
    );
    assert_eq!(
        error("[[1, 2, 3, 4], [4, 5, 6]]"),
        "invalid length 4, expected row 0 of a tensor of shape Shape<2, 3> to have 3 elements at line 1 column 13"
    );
}

#[test]
fn wrong_types_and_flat_input_are_errors() {
    assert!(
        error("[1, 2, 3, 4, 5, 6]")
            .starts_with("invalid type: integer `1`, expected row 0 of a tensor")
    );
    assert!(
        error(r#"{"a": 1}"#)
            .starts_with("invalid type: map, expected a tensor of shape Shape<2, 3>")
    );
    assert!(
        error("[[1, 2, 3], [4, 5, 6.5]]")
            .starts_with("invalid type: floating point `6.5`, expected i32")
    );
    assert!(
        error("[[1, 2, 3], [4, 5, 99999999999]]")
            .starts_with("invalid value: integer `99999999999`, expected i32")
    );
}

mod serde_non_finite {
    use tensor::prelude::*;

    #[test]
    fn json_writes_nan_and_inf_as_null_and_refuses_them_back_without_panicking() {
        // JSON has no NaN or infinity; serde_json writes `null`, which no float accepts.
        let t = Tensor::from([1.0, f64::NAN, f64::INFINITY]);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "[[1.0,null,null]]");
        let err = serde_json::from_str::<Tensor<f64, 1, 3>>(&json).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid type: null, expected f64"),
            "{err}"
        );
    }

    #[test]
    fn negative_zero_round_trips() {
        let t = Tensor::from([-0.0f64]);
        let back: Tensor<f64, 1, 1> =
            serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert!(back[0].is_sign_negative());
    }
}
