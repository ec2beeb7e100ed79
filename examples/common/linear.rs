//! Linear regression `y = X W + b`: the seed's data, the mean squared error, batch gradient
//! descent and the least-squares solution. Shared by `examples/linear_regression.rs` and
//! `tests/examples.rs` (both include this file with `#[path]`).
//!
//! Every shape is in the types: `X: (N, D)`, `W: (D, 1)`, `y: (N, 1)`, `b` a scalar, so a
//! gradient of the wrong shape, or `X @ W` with `W` of the wrong height, does not compile.

use rand::distr::StandardUniform;
use rand::{Rng, RngExt};
use rand_distr::StandardNormal;
use tensor::prelude::*;

/// The parameters of `y = X W + b`.
#[derive(Clone, Copy, Debug)]
pub struct Linear<const D: usize> {
    /// The weights, one per feature.
    pub w: Tensor<f64, D, 1>,
    /// The intercept.
    pub b: f64,
}

impl<const D: usize> Linear<D> {
    /// `W = 0`, `b = 0`: where gradient descent starts.
    pub fn zeros() -> Self {
        Self {
            w: Tensor::zeros(),
            b: 0.0,
        }
    }

    /// The predictions `X @ W + b`, one per row of `x`.
    pub fn predict<const N: usize>(&self, x: &Tensor<f64, N, D>) -> Tensor<f64, N, 1> {
        let w = self.w;
        tensor!(x @ w) + self.b
    }
}

/// The seed's mini project: `X = rand(N, 1)`, `y = 2 X + 1 + 0.1 randn(N, 1)`.
pub fn dataset<const N: usize>(rng: &mut impl Rng) -> (Tensor<f64, N, 1>, Tensor<f64, N, 1>) {
    let x: Tensor<f64, N, 1> = rng.sample(StandardUniform);
    let noise: Tensor<f64, N, 1> = rng.sample(StandardNormal);
    let y = x * 2.0 + 1.0 + noise * 0.1;
    (x, y)
}

/// The mean squared error `mean((y - pred)**2)`.
pub fn mse<const N: usize>(pred: &Tensor<f64, N, 1>, y: &Tensor<f64, N, 1>) -> f64 {
    (y - pred).square().mean()
}

/// One step of batch gradient descent on the mean squared error, with learning rate `lr`.
/// Returns the loss before the step.
///
/// `d/dW mean((XW + b - y)^2) = 2/N X^T (XW + b - y)` and `d/db = 2 mean(XW + b - y)`.
pub fn step<const N: usize, const D: usize>(
    model: &mut Linear<D>,
    x: &Tensor<f64, N, D>,
    y: &Tensor<f64, N, 1>,
    lr: f64,
) -> f64 {
    let (w, b) = (model.w, model.b);
    // `tensor!` fuses elementwise chains: `x @ w + b - y` is one pass over `x` and `y` (with
    // one feature the product `x @ w` is never made), and the loss one pass over `err` with
    // no squared temporary.
    let err = tensor!(x @ w + b - y); // (N, 1)
    let loss = tensor!(err.square().mean());
    let grad_w = tensor!(x.T @ err) * (2.0 / N as f64); // (D, N) @ (N, 1) = (D, 1), like W
    let grad_b = 2.0 * err.mean();
    model.w -= grad_w * lr;
    model.b -= lr * grad_b;
    loss
}

/// `steps` steps of batch gradient descent from `W = b = 0`; returns the model and the loss
/// before every step (`losses[0]` is the loss at the start).
pub fn train<const N: usize, const D: usize>(
    x: &Tensor<f64, N, D>,
    y: &Tensor<f64, N, 1>,
    lr: f64,
    steps: usize,
) -> (Linear<D>, Vec<f64>) {
    let mut model = Linear::zeros();
    let losses = (0..steps).map(|_| step(&mut model, x, y, lr)).collect();
    (model, losses)
}

/// The least-squares fit in closed form, from the normal equations.
///
/// With the intercept eliminated (centre `X` and `y` on their means), the normal equations
/// `[X 1]^T [X 1] [W; b] = [X 1]^T y` become `(Xc^T Xc) W = Xc^T yc` and `b = mean(y) - mean(X) W`:
/// the same solution, from a `D x D` system that is better conditioned. `None` when the
/// features are collinear (`Xc^T Xc` singular).
pub fn least_squares<const N: usize, const D: usize>(
    x: &Tensor<f64, N, D>,
    y: &Tensor<f64, N, 1>,
) -> Option<Linear<D>> {
    let x_mean = x.mean_axis::<0>(); // (1, D)
    let xc = x - x_mean; // (N, D) - (1, D): broadcasting
    let yc = y - y.mean();
    let w = tensor!(xc.T @ xc).solve(&tensor!(xc.T @ yc))?; // (D, D) W = (D, 1)
    let b = y.mean() - tensor!(x_mean @ w).item();
    Some(Linear { w, b })
}
