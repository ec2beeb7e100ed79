//! A classifier trained in NumPy, run in Rust: `export_weights.py` (beside this file) trains a
//! two-layer network on three interleaved spirals and exports its weights as `.npy`, `.npz`
//! and safetensors files (committed in `weights/`). This program embeds the `.npy` weights at
//! compile time, loads the other two at run time, checks the three agree, and classifies the
//! held-out points, comparing with NumPy's own outputs.
//!
//! `cargo run --release --example pretrained --features npy,safetensors`
//!
//! The model code is in `common/pretrained.rs`, shared with `tests/example_pretrained.rs`.

#[path = "common/pretrained.rs"]
mod pretrained;

use tensor::io::load_npy;
use tensor::prelude::*;

use pretrained::{CLASSES, Classifier, EMBEDDED};

const N_TEST: usize = 300;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/weights");
    let from_npz = Classifier::from_npz(&format!("{dir}/mlp.npz"))?;
    let from_safetensors = Classifier::from_safetensors(&format!("{dir}/mlp.safetensors"))?;
    assert_eq!(
        from_npz, EMBEDDED,
        "the .npz weights differ from the embedded .npy ones"
    );
    assert_eq!(
        from_safetensors, EMBEDDED,
        "the safetensors weights differ from the embedded ones"
    );
    println!("weights: embedded from .npy, and read from .npz and safetensors, all equal");

    // Data written by `np.save`; a 1-D array of labels is a row vector.
    let x: Tensor<f32, N_TEST, 2> = load_npy(format!("{dir}/test_x.npy"))?;
    let y: Vector<i64, N_TEST> = load_npy(format!("{dir}/test_y.npy"))?;
    let numpy_logits: Box<Tensor<f32, N_TEST, CLASSES>> =
        load_npy(format!("{dir}/numpy_logits.npy"))?;

    let logits = EMBEDDED.logits(&x);
    let predicted = EMBEDDED.predict(&x);
    let correct = (0..N_TEST)
        .filter(|&i| predicted[(i, 0)] as i64 == y[(0, i)])
        .count();
    let worst = (logits - *numpy_logits).abs().max();
    println!(
        "test accuracy: {correct}/{N_TEST} = {:.1}%",
        100.0 * correct as f64 / N_TEST as f64
    );
    println!("largest difference from NumPy's logits: {worst:e}");
    println!(
        "first points: {:?} -> classes {:?}",
        &x.as_flat()[..6],
        &predicted.as_flat()[..3]
    );
    Ok(())
}
