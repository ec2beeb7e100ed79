//! Logistic regression, a linear binary classifier: `p = sigmoid(X W + b)`, trained on the
//! binary cross-entropy by batch gradient descent. Shared by `examples/logistic_regression.rs`,
//! `examples/mlp.rs` (as the linear baseline) and `tests/examples.rs`.
//!
//! Shapes: `X: (N, 2)` (two features), `y: (N, 1)` labels in `{0, 1}`, `W: (2, 1)`, `b` a scalar.

use rand::distr::Bernoulli;
use rand::{Rng, RngExt};
use rand_distr::StandardNormal;
use tensor::prelude::*;

/// Features per sample.
pub const D: usize = 2;

/// The parameters of `p = sigmoid(X W + b)`.
#[derive(Clone, Copy, Debug)]
pub struct Logistic {
    /// The weights, one per feature.
    pub w: Tensor<f64, D, 1>,
    /// The intercept.
    pub b: f64,
}

impl Logistic {
    /// The logits `X @ W + b`: the log-odds of class 1.
    pub fn logits<const N: usize>(&self, x: &Tensor<f64, N, D>) -> Tensor<f64, N, 1> {
        let w = self.w;
        tensor!(x @ w) + self.b
    }

    /// The probability of class 1 for each row of `x`.
    pub fn predict_proba<const N: usize>(&self, x: &Tensor<f64, N, D>) -> Tensor<f64, N, 1> {
        self.logits(x).sigmoid()
    }
}

/// Two Gaussian blobs: each sample is class 1 with probability 1/2, its features drawn from
/// a normal distribution with standard deviation `spread` around `(1, 1)` (class 1) or
/// `(-1, -1)` (class 0).
pub fn blobs<const N: usize>(
    spread: f64,
    rng: &mut impl Rng,
) -> (Tensor<f64, N, D>, Tensor<f64, N, 1>) {
    let y = Tensor::<bool, N, 1>::random_using(Bernoulli::new(0.5).unwrap(), rng)
        .map(|c| if c { 1.0 } else { 0.0 });
    let sign = y * 2.0 - 1.0; // -1 or +1, (N, 1)
    let centres = tensor!(sign @ [[1.0, 1.0]]); // (N, 1) @ (1, 2): one centre per row
    let noise: Tensor<f64, N, D> = rng.sample(StandardNormal);
    (centres + noise * spread, y)
}

/// The mean binary cross-entropy `-mean(y ln p + (1 - y) ln(1 - p))` of `p = sigmoid(z)`,
/// computed from the logits `z` as `mean(softplus(z) - y z)` so that it stays finite when a
/// probability rounds to 0 or 1.
pub fn bce_with_logits<const N: usize>(z: &Tensor<f64, N, 1>, y: &Tensor<f64, N, 1>) -> f64 {
    // softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^-|z|)
    let softplus = z.relu() + ((-z.abs()).exp() + 1.0).ln();
    (softplus - y * z).mean()
}

/// The fraction of rows whose predicted class (`p >= 0.5`) is the label.
pub fn accuracy<const N: usize>(p: &Tensor<f64, N, 1>, y: &Tensor<f64, N, 1>) -> f64 {
    p.zip_map(*y, |p, y| f64::from(u8::from((p >= 0.5) == (y == 1.0))))
        .mean()
}

/// `steps` steps of batch gradient descent from `W = b = 0` with learning rate `lr`; returns
/// the model and the loss before every step.
///
/// For the cross-entropy of a sigmoid the gradient of the logits is `(p - y) / N`, so
/// `dW = X^T (p - y) / N` and `db = mean(p - y)`.
pub fn train<const N: usize>(
    x: &Tensor<f64, N, D>,
    y: &Tensor<f64, N, 1>,
    lr: f64,
    steps: usize,
) -> (Logistic, Vec<f64>) {
    let mut model = Logistic {
        w: Tensor::zeros(),
        b: 0.0,
    };
    let mut losses = Vec::with_capacity(steps);
    for _ in 0..steps {
        let z = model.logits(x);
        losses.push(bce_with_logits(&z, y));
        let err = z.sigmoid() - y; // (N, 1)
        let grad_w = tensor!(x.T @ err) / N as f64; // (2, N) @ (N, 1) = (2, 1), like W
        model.w -= grad_w * lr;
        model.b -= lr * err.mean();
    }
    (model, losses)
}
