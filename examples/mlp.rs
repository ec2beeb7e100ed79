//! A two-layer network (`2 -> 16 -> 2`, tanh, softmax) with backpropagation written out by
//! hand, on XOR blobs: four clusters that no straight line separates. A logistic regression on
//! the same data shows what the hidden layer adds.
//!
//! `cargo run --release --example mlp`
//!
//! The model code is in `common/mlp.rs` (every weight, activation and gradient shape in its
//! type), shared with `tests/examples.rs`.

#[path = "common/logistic.rs"]
#[allow(dead_code)] // its `blobs` data is for logistic_regression.rs
mod logistic;
#[path = "common/mlp.rs"]
mod mlp;

use rand::SeedableRng;
use rand::rngs::StdRng;
use tensor::prelude::*;

use mlp::Mlp;

const N_TRAIN: usize = 400;
const N_TEST: usize = 200;
/// Standard deviation of each cluster around its corner `(+-1, +-1)`. At 0.5 the noise pushes
/// 2 Phi(-2) (1 - Phi(-2)) = 4.4% of the points into another class's quadrant, so about 95.6%
/// is the best accuracy any classifier can expect.
const SPREAD: f64 = 0.5;
const LR: f64 = 0.5;
const STEPS: usize = 2000;

fn main() {
    let mut rng = StdRng::seed_from_u64(42);
    let (x, y, class) = mlp::xor_blobs::<N_TRAIN>(SPREAD, &mut rng);
    let (x_test, y_test, class_test) = mlp::xor_blobs::<N_TEST>(SPREAD, &mut rng);
    println!(
        "XOR blobs around (+-1, +-1), spread {SPREAD}: X {:?}, one-hot y {:?}",
        x.shape(),
        y.shape()
    );

    let (linear, _) = logistic::train(&x, &class, LR, STEPS);
    println!(
        "a linear classifier (logistic regression, {STEPS} steps): held-out accuracy {:.1}%",
        100.0 * logistic::accuracy(&linear.predict_proba(&x_test), &class_test)
    );

    let mut net = Mlp::init(&mut rng);
    println!(
        "\nMLP {} -> {} -> {}, batch gradient descent, lr {LR}, {STEPS} steps:",
        mlp::D,
        mlp::H,
        mlp::K
    );
    for step in 0..STEPS {
        let loss = net.step(&x, &y, LR);
        if step % 200 == 0 {
            let acc = mlp::accuracy(&net.forward(&x).proba, &y);
            println!(
                "  step {step:>4}  cross-entropy {loss:.4}  train accuracy {:.1}%",
                100.0 * acc
            );
        }
    }
    let train = net.forward(&x);
    let test = net.forward(&x_test);
    println!(
        "  final      cross-entropy {:.4}",
        mlp::cross_entropy(&train.proba, &y)
    );
    println!(
        "accuracy: train {:.1}%, held-out {:.1}%",
        100.0 * mlp::accuracy(&train.proba, &y),
        100.0 * mlp::accuracy(&test.proba, &y_test)
    );

    let corners = tensor![[1.0, 1.0], [-1.0, 1.0], [1.0, -1.0], [-1.0, -1.0]];
    println!(
        "P(class 0), P(class 1) at the corners\n{corners}\nare\n{:.3}",
        net.forward(&corners).proba
    );
}
