//! A tiny image pipeline: a synthetic batch of 8 RGB images of 8 x 8 pixels, normalised per
//! channel, flattened and run through a dense layer with a softmax.
//!
//! Run it with `cargo run --release --example images`. `tests/images.rs` runs the same code
//! (`pipeline`) and checks its results.

use tensor::prelude::*;

/// Images in the batch, height, width, channels.
pub const N: usize = 8;
pub const H: usize = 8;
pub const W: usize = 8;
pub const C: usize = 3;
/// The pixels of one image (`H * W * C`) and the classes of the dense layer.
pub const FEATURES: usize = 192;
pub const CLASSES: usize = 10;

/// A reproducible pseudo-random number in `[0, 1)` for a position (a hash of its index).
fn noise(seed: usize) -> f32 {
    let mut x = (seed as u32).wrapping_mul(0x9E37_79B9) ^ 0x85EB_CA6B;
    x ^= x >> 15;
    x = x.wrapping_mul(0x2C1B_3C6D);
    x ^= x >> 12;
    (x >> 8) as f32 / (1u32 << 24) as f32
}

/// A synthetic batch `(N, H, W, C)` of 8-bit-range pixels: a gradient per image plus noise,
/// with a different brightness and contrast per channel (as in real photographs).
pub fn synthetic_batch() -> Tensor4<f32, N, H, W, C> {
    Tensor4::from_fn(|n, i, j, c| {
        let gradient = (i * W + j) as f32 / (H * W) as f32;
        let (offset, scale) = [(120.0, 40.0), (90.0, 60.0), (60.0, 20.0)][c];
        offset + scale * (gradient + noise(((n * H + i) * W + j) * C + c) - (n as f32) / 8.0)
    })
}

/// The dense layer's weights `(FEATURES, CLASSES)` and bias `(1, CLASSES)`, from a formula.
pub fn dense_layer() -> (Tensor<f32, FEATURES, CLASSES>, Vector<f32, CLASSES>) {
    let scale = 1.0 / (FEATURES as f32).sqrt();
    let weights = Tensor::from_fn(|k, j| scale * (2.0 * noise(1_000_003 + k * CLASSES + j) - 1.0));
    let bias = Tensor::from_fn(|_, j| 0.01 * j as f32);
    (weights, bias)
}

/// Everything the pipeline computes.
pub struct Pipeline {
    /// The batch, normalised per channel.
    pub normalised: Tensor4<f32, N, H, W, C>,
    /// The normalised batch, one image per row.
    pub flat: Tensor<f32, N, FEATURES>,
    /// The dense layer's output before the softmax.
    pub logits: Tensor<f32, N, CLASSES>,
    /// The softmax of each row of `logits`.
    pub probabilities: Tensor<f32, N, CLASSES>,
}

/// Normalise the channels of the batch (mean 0, std 1 over N, H and W), flatten each image,
/// apply the dense layer and a softmax.
pub fn pipeline(batch: &Tensor4<f32, N, H, W, C>) -> Pipeline {
    // np: (batch - batch.mean(axis=(0, 1, 2), keepdims=True)) / batch.std(axis=(0, 1, 2), keepdims=True)
    let normalised = (batch - batch.channel_mean()) / batch.channel_std();
    let flat = normalised.reshape::<Tensor<_, N, FEATURES>>(); // (N, H, W, C) -> (N, H*W*C)
    let (weights, bias) = dense_layer();
    let logits = tensor!(flat @ weights + bias);
    let probabilities = logits.softmax();
    Pipeline {
        normalised,
        flat,
        logits,
        probabilities,
    }
}

#[allow(dead_code)] // `tests/images.rs` includes this file for `pipeline` only
fn main() {
    let batch = synthetic_batch();
    println!("batch: {:?}", batch.shape());
    println!(
        "per-channel mean before: {}",
        batch.channel_mean().reshape::<Tensor<_, 1, C>>()
    );
    println!(
        "per-channel std before:  {}",
        batch.channel_std().reshape::<Tensor<_, 1, C>>()
    );

    let out = pipeline(&batch);
    let n = &out.normalised;
    println!("normalised: {:?}", n.shape());
    println!(
        "per-channel mean after:  {:.6}",
        n.channel_mean().reshape::<Tensor<_, 1, C>>()
    );
    println!(
        "per-channel std after:   {:.6}",
        n.channel_std().reshape::<Tensor<_, 1, C>>()
    );
    println!("flattened: {:?}", out.flat.shape());
    println!("logits: {:?}\n{:.3}", out.logits.shape(), out.logits);
    println!("probabilities:\n{:.3}", out.probabilities);
    println!(
        "predicted classes: {}",
        out.probabilities
            .argmax_axis::<1>()
            .reshape::<Tensor<_, 1, N>>()
    );
}
