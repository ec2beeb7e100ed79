//! A binary classifier: logistic regression on two Gaussian blobs, trained by batch gradient
//! descent on the binary cross-entropy, with its accuracy on held-out samples.
//!
//! `cargo run --release --example logistic_regression`
//!
//! The model code is in `common/logistic.rs`, shared with `tests/examples.rs`.

#[path = "common/logistic.rs"]
mod logistic;

use rand::SeedableRng;
use rand::rngs::StdRng;
use tensor::prelude::*;

/// Training and held-out samples.
const N_TRAIN: usize = 400;
const N_TEST: usize = 200;
/// Standard deviation of each blob around its centre, `(1, 1)` or `(-1, -1)`. The centres are
/// sqrt(2) = 1.77 standard deviations from the best boundary (x0 + x1 = 0) at 0.8, so
/// Phi(-1.77) = 3.8% of the points lie on the wrong side: about 96.2% is the best accuracy.
const SPREAD: f64 = 0.8;
const LR: f64 = 0.5;
const STEPS: usize = 500;

fn main() {
    let mut rng = StdRng::seed_from_u64(42);
    let (x, y) = logistic::blobs::<N_TRAIN>(SPREAD, &mut rng);
    let (x_test, y_test) = logistic::blobs::<N_TEST>(SPREAD, &mut rng);
    println!(
        "two blobs around (-1, -1) and (1, 1), spread {SPREAD}: X {:?}, y {:?}, class 1: {} of {N_TRAIN}",
        x.shape(),
        y.shape(),
        y.sum()
    );

    println!("\nbatch gradient descent from W = b = 0, lr {LR}, {STEPS} steps:");
    let (model, losses) = logistic::train(&x, &y, LR, STEPS);
    for (step, loss) in losses.iter().enumerate().step_by(50) {
        println!("  step {step:>3}  cross-entropy {loss:.4}");
    }
    let final_loss = logistic::bce_with_logits(&model.logits(&x), &y);
    println!("  final     cross-entropy {final_loss:.4}");

    let (w, b) = (model.w, model.b);
    println!("W = {:.3}, b = {b:.3}", w.t());
    println!(
        "decision boundary: {:.3} x0 {:+.3} x1 {b:+.3} = 0",
        w[(0, 0)],
        w[(1, 0)]
    );
    let train_acc = logistic::accuracy(&model.predict_proba(&x), &y);
    let test_acc = logistic::accuracy(&model.predict_proba(&x_test), &y_test);
    println!(
        "accuracy: train {:.1}%, held-out {:.1}%",
        100.0 * train_acc,
        100.0 * test_acc
    );

    let probes = tensor![[-1.0, -1.0], [0.0, 0.0], [1.0, 1.0], [2.0, -1.5]];
    println!(
        "P(class 1) at\n{probes}\nis\n{:.3}",
        model.predict_proba(&probes)
    );
}
