//! `examples/pretrained.rs`: the classifier NumPy trained (`examples/export_weights.py`), with
//! its weights embedded at compile time and read at run time from `.npz` and safetensors,
//! agrees with NumPy's own outputs on the held-out points.
#![cfg(all(feature = "npy", feature = "safetensors"))]

#[path = "../examples/common/pretrained.rs"]
mod pretrained;

use tensor::io::load_npy;
use tensor::prelude::*;

use pretrained::{CLASSES, Classifier, EMBEDDED};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/weights");

#[test]
fn embedded_npz_and_safetensors_weights_are_the_same() {
    assert_eq!(
        Classifier::from_npz(&format!("{DIR}/mlp.npz")).unwrap(),
        EMBEDDED
    );
    assert_eq!(
        Classifier::from_safetensors(&format!("{DIR}/mlp.safetensors")).unwrap(),
        EMBEDDED
    );
}

#[test]
fn logits_and_classes_match_numpy() {
    let x: Tensor<f32, 300, 2> = load_npy(format!("{DIR}/test_x.npy")).unwrap();
    let y: Vector<i64, 300> = load_npy(format!("{DIR}/test_y.npy")).unwrap();
    let numpy: Box<Tensor<f32, 300, CLASSES>> =
        load_npy(format!("{DIR}/numpy_logits.npy")).unwrap();
    let logits = EMBEDDED.logits(&x);
    // Both compute in f32 with sums of 2 and 32 products in different orders: a few ulps of the
    // largest intermediate (observed: none, the logits are identical). Tolerance 1e-5 relative.
    for (i, (a, b)) in logits.iter().zip(numpy.iter()).enumerate() {
        assert!(
            (a - b).abs() <= 1e-5 * (1.0 + b.abs()),
            "logit {i}: {a} vs NumPy {b}"
        );
    }
    // The same class as NumPy's argmax for every point, and NumPy's accuracy (98.7%).
    let predicted = EMBEDDED.predict(&x);
    for i in 0..300 {
        let row = &numpy.as_flat()[i * CLASSES..(i + 1) * CLASSES];
        let np_class = (0..CLASSES).fold(0, |best, c| if row[c] > row[best] { c } else { best });
        assert_eq!(predicted[(i, 0)], np_class, "point {i}");
    }
    let correct = (0..300)
        .filter(|&i| predicted[(i, 0)] as i64 == y[(0, i)])
        .count();
    assert_eq!(correct, 296);
}

#[test]
fn weights_of_other_sizes_are_refused_at_run_time() {
    let mut npz = tensor::io::NpzFile::open(format!("{DIR}/mlp.npz")).unwrap();
    let e = npz.get::<Tensor<f32, 2, 16>>("w1").unwrap_err();
    assert!(
        e.to_string().ends_with(
            "mlp.npz, array `w1`: expected an array of shape (2, 16) and dtype float32, found shape (2, 32) and dtype float32"
        ),
        "{e}"
    );
}
