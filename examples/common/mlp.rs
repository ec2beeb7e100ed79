//! A two-layer network, `2 -> H -> 2`: a tanh hidden layer and a softmax output, trained on
//! the cross-entropy by batch gradient descent with backpropagation written out by hand.
//! Shared by `examples/mlp.rs` and `tests/examples.rs`.
//!
//! Every weight, activation and gradient has its shape in its type: a gradient that does not
//! match its parameter, or a product with the wrong operand transposed, does not compile.

use rand::distr::Bernoulli;
use rand::{Rng, RngExt};
use rand_distr::{Normal, StandardNormal};
use tensor::prelude::*;

/// Input features.
pub const D: usize = 2;
/// Hidden units.
pub const H: usize = 16;
/// Classes.
pub const K: usize = 2;

/// The parameters: `hidden = tanh(X @ W1 + b1)`, `p = softmax(hidden @ W2 + b2)`.
#[derive(Clone, Copy, Debug)]
pub struct Mlp {
    /// Input to hidden weights.
    pub w1: Tensor<f64, D, H>,
    /// Hidden biases, one row broadcast over the batch.
    pub b1: RowVector<f64, H>,
    /// Hidden to output weights.
    pub w2: Tensor<f64, H, K>,
    /// Output biases.
    pub b2: RowVector<f64, K>,
}

/// What the forward pass computes and the backward pass reuses.
pub struct Forward<const N: usize> {
    /// The hidden activations, `(N, H)`.
    pub hidden: Tensor<f64, N, H>,
    /// The class probabilities, `(N, K)`; each row sums to 1.
    pub proba: Tensor<f64, N, K>,
}

impl Mlp {
    /// Weights drawn from `N(0, 1 / fan_in)` (LeCun initialisation, suited to tanh), biases 0.
    pub fn init(rng: &mut impl Rng) -> Self {
        let normal = |fan_in: usize| Normal::new(0.0, 1.0 / (fan_in as f64).sqrt()).unwrap();
        Self {
            w1: Tensor::random_using(normal(D), rng),
            b1: RowVector::zeros(),
            w2: Tensor::random_using(normal(H), rng),
            b2: RowVector::zeros(),
        }
    }

    /// The forward pass on a batch.
    pub fn forward<const N: usize>(&self, x: &Tensor<f64, N, D>) -> Forward<N> {
        let (w1, w2) = (self.w1, self.w2);
        let hidden = tensor!(x @ w1 + self.b1).tanh(); // (N, 2) @ (2, H) + (1, H)
        let proba = tensor!(hidden @ w2 + self.b2).softmax(); // (N, H) @ (H, K) + (1, K)
        Forward { hidden, proba }
    }

    /// The mean cross-entropy against the one-hot labels `y` and its gradient with respect to
    /// every parameter, by backpropagation. The gradient is an `Mlp` itself: each part has the
    /// shape of the parameter it belongs to, so a mismatch is a type error.
    pub fn gradients<const N: usize>(
        &self,
        x: &Tensor<f64, N, D>,
        y: &Tensor<f64, N, K>,
    ) -> (f64, Mlp) {
        let Forward { hidden, proba } = self.forward(x);
        let loss = cross_entropy(&proba, y);
        let w2 = self.w2;

        // Softmax with cross-entropy: d loss / d logits = (p - y) / N.
        let d_logits = (proba - y) / N as f64; // (N, K)
        let d_w2 = tensor!(hidden.T @ d_logits); // (H, N) @ (N, K) = (H, K)
        let d_b2 = d_logits.sum_axis::<0>(); // (1, K)
        let d_hidden = tensor!(d_logits @ w2.T); // (N, K) @ (K, H) = (N, H)
        let d_pre = d_hidden * (1.0 - hidden.square()); // tanh' = 1 - tanh^2
        let d_w1 = tensor!(x.T @ d_pre); // (D, N) @ (N, H) = (D, H)
        let d_b1 = d_pre.sum_axis::<0>(); // (1, H)
        let grad = Mlp {
            w1: d_w1,
            b1: d_b1,
            w2: d_w2,
            b2: d_b2,
        };
        (loss, grad)
    }

    /// One step of batch gradient descent with learning rate `lr`; returns the loss before it.
    pub fn step<const N: usize>(
        &mut self,
        x: &Tensor<f64, N, D>,
        y: &Tensor<f64, N, K>,
        lr: f64,
    ) -> f64 {
        let (loss, grad) = self.gradients(x, y);
        self.w1 -= grad.w1 * lr;
        self.b1 -= grad.b1 * lr;
        self.w2 -= grad.w2 * lr;
        self.b2 -= grad.b2 * lr;
        loss
    }
}

/// The mean cross-entropy `-mean(sum(y * ln p, axis=1))`; `p` is clipped to `[1e-12, 1]`
/// so a confident mistake costs a large but finite loss.
pub fn cross_entropy<const N: usize>(p: &Tensor<f64, N, K>, y: &Tensor<f64, N, K>) -> f64 {
    -(y * p.clip(1e-12, 1.0).ln()).sum() / N as f64
}

/// The fraction of rows whose most probable class is the labelled one.
pub fn accuracy<const N: usize>(p: &Tensor<f64, N, K>, y: &Tensor<f64, N, K>) -> f64 {
    p.argmax_axis::<1>()
        .zip_map(y.argmax_axis::<1>(), |a, b| f64::from(u8::from(a == b)))
        .mean()
}

/// XOR blobs: points around the four corners `(+-1, +-1)` with normal noise of standard
/// deviation `spread`; the class is 1 when the corner's coordinates have different signs
/// (exclusive or), else 0. Returns the features, the one-hot labels and the class of each
/// row as `0.0`/`1.0` (for the logistic baseline). No line separates the classes.
pub fn xor_blobs<const N: usize>(
    spread: f64,
    rng: &mut impl Rng,
) -> (Tensor<f64, N, D>, Tensor<f64, N, K>, Tensor<f64, N, 1>) {
    let coin = Bernoulli::new(0.5).unwrap();
    let corners = Tensor::<bool, N, D>::random_using(coin, rng).map(|c| if c { 1.0 } else { -1.0 });
    let noise: Tensor<f64, N, D> = rng.sample(StandardNormal);
    let x = corners + noise * spread;
    let class = corners
        .prod_axis::<1>()
        .map(|s| if s < 0.0 { 1.0 } else { 0.0 }); // (N, 1)
    let one_hot = Tensor::from_fn(|i, k| if class[(i, 0)] == k as f64 { 1.0 } else { 0.0 });
    (x, one_hot, Tensor::from_fn(|i, _| class[(i, 0)]))
}
