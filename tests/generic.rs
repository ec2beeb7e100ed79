//! Model code generic over every dimension, with no `where` clause: each function below is
//! written once for any batch size and layer width, type-checks as written, and runs at two
//! batch sizes against an independent reference (naive f64 loops, finite differences).

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;
use tensor::prelude::*;

// ---- the generic model code: no where-clauses anywhere -------------------------------------

/// A dense layer: `x @ w + b`, the bias added to every row.
fn dense<const N: usize, const D: usize, const H: usize>(
    x: &Tensor<f64, N, D>,
    w: &Tensor<f64, D, H>,
    b: &RowVector<f64, H>,
) -> Tensor<f64, N, H> {
    tensor!(x @ w + b)
}

/// Standardise every column: `(x - mean) / std` with per-column statistics.
fn standardize<const N: usize, const C: usize>(x: &Tensor<f64, N, C>) -> Tensor<f64, N, C> {
    (*x - x.mean_axis::<0>()) / x.std_axis::<0>()
}

/// Softmax written out with per-row statistics: subtract each row's max, divide by each
/// row's sum (the `(N, 1)` column broadcasting against `(N, C)`).
fn softmax_by_hand<const N: usize, const C: usize>(z: &Tensor<f64, N, C>) -> Tensor<f64, N, C> {
    let e = (*z - z.max_axis::<1>()).exp();
    e / e.sum_axis::<1>()
}

/// Mean squared error and its gradient with respect to the prediction.
fn mse<const N: usize, const K: usize>(p: &Tensor<f64, N, K>, y: &Tensor<f64, N, K>) -> f64 {
    (*p - *y).square().mean()
}

/// Cross-entropy of softmax probabilities against one-hot labels, through `log_softmax`.
fn cross_entropy<const N: usize, const K: usize>(
    logits: &Tensor<f64, N, K>,
    y: &Tensor<f64, N, K>,
) -> f64 {
    -(*y * logits.log_softmax()).sum() / N as f64
}

/// A two-layer MLP `D -> H -> K` (tanh, softmax), generic over all four dimensions.
#[derive(Clone, Copy)]
struct Mlp<const D: usize, const H: usize, const K: usize> {
    w1: Tensor<f64, D, H>,
    b1: RowVector<f64, H>,
    w2: Tensor<f64, H, K>,
    b2: RowVector<f64, K>,
}

impl<const D: usize, const H: usize, const K: usize> Mlp<D, H, K> {
    fn loss<const N: usize>(&self, x: &Tensor<f64, N, D>, y: &Tensor<f64, N, K>) -> f64 {
        let hidden = dense(x, &self.w1, &self.b1).tanh();
        cross_entropy(&dense(&hidden, &self.w2, &self.b2), y)
    }

    /// The loss and its gradient by backpropagation, every shape in the types.
    fn gradients<const N: usize>(
        &self,
        x: &Tensor<f64, N, D>,
        y: &Tensor<f64, N, K>,
    ) -> (f64, Self) {
        let (w1, w2) = (self.w1, self.w2);
        let hidden = tensor!(x @ w1 + self.b1).tanh();
        let logits = tensor!(hidden @ w2 + self.b2);
        let loss = cross_entropy(&logits, y);
        let d_logits = (logits.softmax() - *y) / N as f64;
        let d_w2 = tensor!(hidden.T @ d_logits);
        let d_b2 = d_logits.sum_axis::<0>();
        let d_hidden = tensor!(d_logits @ w2.T);
        let d_pre = d_hidden * (1.0 - hidden.square());
        let d_w1 = tensor!(x.T @ d_pre);
        let d_b1 = d_pre.sum_axis::<0>();
        let grad = Mlp {
            w1: d_w1,
            b1: d_b1,
            w2: d_w2,
            b2: d_b2,
        };
        (loss, grad)
    }

    fn step<const N: usize>(
        &mut self,
        x: &Tensor<f64, N, D>,
        y: &Tensor<f64, N, K>,
        lr: f64,
    ) -> f64 {
        let (loss, g) = self.gradients(x, y);
        self.w1 -= g.w1 * lr;
        self.b1 -= g.b1 * lr;
        self.w2 -= g.w2 * lr;
        self.b2 -= g.b2 * lr;
        loss
    }
}

/// Softmax regression: one step of gradient descent on `(W, b)`.
fn softmax_regression_step<const N: usize, const D: usize, const K: usize>(
    w: &mut Tensor<f64, D, K>,
    b: &mut RowVector<f64, K>,
    x: &Tensor<f64, N, D>,
    y: &Tensor<f64, N, K>,
    lr: f64,
) -> f64 {
    let logits = dense(x, w, b);
    let loss = cross_entropy(&logits, y);
    let d = (logits.softmax() - *y) / N as f64;
    *w -= tensor!(x.T @ d) * lr;
    *b -= d.sum_axis::<0>() * lr;
    loss
}

/// Per-channel normalisation of a batch of images, generic over `(N, H, W, C)`.
fn normalize_channels<const N: usize, const H: usize, const W: usize, const C: usize>(
    batch: &Tensor4<f64, N, H, W, C>,
) -> Tensor4<f64, N, H, W, C> {
    (*batch - batch.channel_mean()) / batch.channel_std()
}

/// Every elementwise function and reduction form, on a generic shape.
fn everything_elementwise<const N: usize, const C: usize>(x: &Tensor<f64, N, C>) -> f64 {
    let a = x.abs().sqrt() + x.exp().ln() + x.sigmoid() + x.tanh() + x.relu() + x.square();
    let b = x.clip(-1.0, 1.0) * 2.0 + 1.0 - x.powi(2) / 4.0 + x.maximum(&x.min_axis::<0>());
    let c = 2.0 * a - b + x.mean_axis::<1>() - x.var_axis::<0>() + x.sum_axis::<1>() * x.std();
    let mut d = c;
    d += a;
    d -= &b;
    d *= 0.5;
    d /= 2.0;
    d.sum() + d.mean() + d.max() - d.min() + d.norm() + d.prod_axis::<0>().sum()
}

// ---- independent references ---------------------------------------------------------------

fn rows(x: &[f64], c: usize) -> Vec<Vec<f64>> {
    x.chunks(c).map(<[f64]>::to_vec).collect()
}

fn naive_dense(x: &[Vec<f64>], w: &[Vec<f64>], b: &[f64]) -> Vec<Vec<f64>> {
    x.iter()
        .map(|r| {
            (0..b.len())
                .map(|j| b[j] + r.iter().zip(w).map(|(xi, wr)| xi * wr[j]).sum::<f64>())
                .collect()
        })
        .collect()
}

fn naive_softmax(z: &[Vec<f64>]) -> Vec<Vec<f64>> {
    z.iter()
        .map(|r| {
            let m = r.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = r.iter().map(|v| (v - m).exp()).collect();
            let s: f64 = e.iter().sum();
            e.iter().map(|v| v / s).collect()
        })
        .collect()
}

fn close(a: &[f64], b: &[f64], tol: f64) {
    assert_eq!(a.len(), b.len());
    for (k, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= tol * (1.0 + y.abs()),
            "element {k}: {x} vs {y}"
        );
    }
}

fn random<T>(seed: u64) -> T
where
    StandardNormal: rand::distr::Distribution<T>,
{
    StdRng::seed_from_u64(seed).sample(StandardNormal)
}

fn one_hot<const N: usize, const K: usize>(seed: u64) -> Tensor<f64, N, K> {
    let mut rng = StdRng::seed_from_u64(seed);
    let labels: Vec<usize> = (0..N).map(|_| rng.random_range(0..K)).collect();
    Tensor::from_fn(|i, k| f64::from(u8::from(labels[i] == k)))
}

// ---- the tests, each at two batch sizes ---------------------------------------------------

fn check_dense<const N: usize>() {
    let x: Tensor<f64, N, 5> = random(1);
    let w: Tensor<f64, 5, 3> = random(2);
    let b: RowVector<f64, 3> = random(3);
    let got = dense(&x, &w, &b);
    let want = naive_dense(&rows(x.as_flat(), 5), &rows(w.as_flat(), 3), b.as_flat());
    close(got.as_flat(), &want.concat(), 1e-12);
}

#[test]
fn dense_layer_at_two_batch_sizes() {
    check_dense::<1>();
    check_dense::<32>();
}

fn check_standardize<const N: usize>() {
    let x: Tensor<f64, N, 4> = random(4);
    let z = standardize(&x);
    for j in 0..4 {
        let col: Vec<f64> = (0..N).map(|i| x[(i, j)]).collect();
        let mean = col.iter().sum::<f64>() / N as f64;
        let std = (col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / N as f64).sqrt();
        let want: Vec<f64> = col.iter().map(|v| (v - mean) / std).collect();
        let got: Vec<f64> = (0..N).map(|i| z[(i, j)]).collect();
        close(&got, &want, 1e-12);
    }
}

#[test]
fn column_standardisation_at_two_batch_sizes() {
    check_standardize::<2>();
    check_standardize::<50>();
}

fn check_softmax<const N: usize>() {
    let z: Tensor<f64, N, 6> = random(5);
    let want = naive_softmax(&rows(z.as_flat(), 6)).concat();
    close(softmax_by_hand(&z).as_flat(), &want, 1e-12);
    close(z.softmax().as_flat(), &want, 1e-12);
    let logs: Vec<f64> = want.iter().map(|p| p.ln()).collect();
    close(z.log_softmax().as_flat(), &logs, 1e-12);
}

#[test]
fn softmax_and_log_softmax_at_two_batch_sizes() {
    check_softmax::<1>();
    check_softmax::<17>();
}

fn check_losses<const N: usize>() {
    let p: Tensor<f64, N, 3> = random(6);
    let y = one_hot::<N, 3>(7);
    let want_mse = p
        .as_flat()
        .iter()
        .zip(y.as_flat())
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f64>()
        / (N * 3) as f64;
    close(&[mse(&p, &y)], &[want_mse], 1e-12);
    let probs = naive_softmax(&rows(p.as_flat(), 3)).concat();
    let want_ce = -probs
        .iter()
        .zip(y.as_flat())
        .map(|(q, t)| t * q.ln())
        .sum::<f64>()
        / N as f64;
    close(&[cross_entropy(&p, &y)], &[want_ce], 1e-12);
}

#[test]
fn mse_and_cross_entropy_at_two_batch_sizes() {
    check_losses::<3>();
    check_losses::<40>();
}

/// Central finite differences of the loss against the backpropagated gradient.
fn check_mlp_gradients<const N: usize>() {
    let net = Mlp::<4, 5, 3> {
        w1: random(8),
        b1: random(9),
        w2: random(10),
        b2: random(11),
    };
    let x: Tensor<f64, N, 4> = random(12);
    let y = one_hot::<N, 3>(13);
    let (loss, g) = net.gradients(&x, &y);
    close(&[loss], &[net.loss(&x, &y)], 1e-12);
    let h = 1e-6;
    let numeric = |perturb: &dyn Fn(&mut Mlp<4, 5, 3>, f64)| {
        let (mut plus, mut minus) = (net, net);
        perturb(&mut plus, h);
        perturb(&mut minus, -h);
        (plus.loss(&x, &y) - minus.loss(&x, &y)) / (2.0 * h)
    };
    for k in 0..20 {
        let fd = numeric(&|m, d| m.w1.as_flat_mut()[k] += d);
        close(&[g.w1.as_flat()[k]], &[fd], 1e-6);
    }
    for k in 0..5 {
        let fd = numeric(&|m, d| m.b1.as_flat_mut()[k] += d);
        close(&[g.b1.as_flat()[k]], &[fd], 1e-6);
    }
    for k in 0..15 {
        let fd = numeric(&|m, d| m.w2.as_flat_mut()[k] += d);
        close(&[g.w2.as_flat()[k]], &[fd], 1e-6);
    }
    for k in 0..3 {
        let fd = numeric(&|m, d| m.b2.as_flat_mut()[k] += d);
        close(&[g.b2.as_flat()[k]], &[fd], 1e-6);
    }
}

#[test]
fn mlp_backward_matches_finite_differences_at_two_batch_sizes() {
    check_mlp_gradients::<1>();
    check_mlp_gradients::<16>();
}

fn check_mlp_trains<const N: usize>() {
    let mut net = Mlp::<4, 8, 3> {
        w1: random::<Tensor<f64, 4, 8>>(14) * 0.5,
        b1: RowVector::zeros(),
        w2: random::<Tensor<f64, 8, 3>>(15) * 0.5,
        b2: RowVector::zeros(),
    };
    let x: Tensor<f64, N, 4> = random(16);
    // A learnable target: the class is the largest of the first three features.
    let y = Tensor::<f64, N, 3>::from_fn(|i, k| {
        let best = (0..3)
            .max_by(|&a, &b| x[(i, a)].total_cmp(&x[(i, b)]))
            .unwrap();
        f64::from(u8::from(best == k))
    });
    let first = net.step(&x, &y, 0.5);
    let last = (0..200).map(|_| net.step(&x, &y, 0.5)).last().unwrap();
    assert!(last < 0.5 * first, "loss {first} -> {last}");
}

#[test]
fn mlp_trains_at_two_batch_sizes() {
    check_mlp_trains::<8>();
    check_mlp_trains::<64>();
}

fn check_softmax_regression<const N: usize>() {
    let mut w = Tensor::<f64, 3, 4>::zeros();
    let mut b = RowVector::<f64, 4>::zeros();
    let x: Tensor<f64, N, 3> = random(18);
    let y = one_hot::<N, 4>(19);
    // The first step from zero weights: uniform probabilities, loss ln(4).
    let loss0 = softmax_regression_step(&mut w, &mut b, &x, &y, 0.1);
    close(&[loss0], &[4f64.ln()], 1e-12);
    // The gradient of that step, by hand: x.T @ (1/4 - y) / N.
    let xr = rows(x.as_flat(), 3);
    for d in 0..3 {
        for k in 0..4 {
            let g: f64 = (0..N).map(|i| xr[i][d] * (0.25 - y[(i, k)])).sum::<f64>() / N as f64;
            close(&[w[(d, k)]], &[-0.1 * g], 1e-12);
        }
    }
    let last = (0..300)
        .map(|_| softmax_regression_step(&mut w, &mut b, &x, &y, 0.5))
        .last()
        .unwrap();
    assert!(last < loss0);
}

#[test]
fn softmax_regression_at_two_batch_sizes() {
    check_softmax_regression::<5>();
    check_softmax_regression::<60>();
}

fn check_channels<const N: usize>() {
    let batch: Tensor4<f64, N, 3, 2, 3> = random(20);
    let z = normalize_channels(&batch);
    for c in 0..3 {
        let vals: Vec<f64> = batch.as_flat().iter().skip(c).step_by(3).copied().collect();
        let mean = vals.iter().sum::<f64>() / vals.len() as f64;
        let std = (vals.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / vals.len() as f64).sqrt();
        let want: Vec<f64> = vals.iter().map(|v| (v - mean) / std).collect();
        let got: Vec<f64> = z.as_flat().iter().skip(c).step_by(3).copied().collect();
        close(&got, &want, 1e-12);
    }
}

#[test]
fn per_channel_normalisation_at_two_batch_sizes() {
    check_channels::<1>();
    check_channels::<9>();
}

fn check_elementwise<const N: usize>() {
    let x: Tensor<f64, N, 3> = random(21);
    let got = everything_elementwise(&x);
    assert!(got.is_finite());
    // The same expression on a concrete shape of the same data gives the same value.
    let flat = x.as_flat().to_vec();
    let concrete = Tensor::<f64, N, 3>::from_fn(|i, j| flat[i * 3 + j]);
    assert_eq!(everything_elementwise(&concrete), got);
}

#[test]
fn elementwise_and_reductions_type_check_generically() {
    check_elementwise::<2>();
    check_elementwise::<11>();
}

/// Operands of different ranks broadcast as in NumPy, aligned at the last axis: a per-channel
/// row `(1, C)` against an image `(H, W, C)` (this was a compile error before shapes became
/// tuples of axes).
#[test]
fn mixed_rank_operands_broadcast_like_numpy() {
    let img = Tensor3::<f32, 4, 4, 3>::from_fn(|i, j, c| (i * 4 + j) as f32 + c as f32 * 100.0);
    let mean = Tensor::<f32, 1, 3>::from([[1.0, 2.0, 3.0]]);
    let centred: Tensor3<f32, 4, 4, 3> = img - mean;
    assert_eq!(centred[(2, 1, 2)], img[(2, 1, 2)] - 3.0);
    let per_pixel = img.mean_axis::<2>(); // (4, 4, 1)
    let scaled = per_pixel * mean; // (4, 4, 1) * (1, 3) -> (4, 4, 3)
    assert_eq!(scaled.shape(), (4, 4, 3));
    assert_eq!(scaled[(1, 1, 1)], per_pixel[(1, 1, 0)] * 2.0);
}
