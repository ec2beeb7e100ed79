//! Data whose size is only known at run time: a CSV of labelled points read into
//! `DynTensor`s, standardized with statistics over all rows, a network trained on static
//! mini-batches of 32 (every shape in the training step checked at compile time), and
//! predictions on the whole run-time batch. Shared by `examples/dataset.rs` and
//! `tests/examples.rs`.

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

use rand::Rng;
use rand::seq::SliceRandom;
use tensor::prelude::*;

use crate::mlp::{self, D, K, Mlp};

/// The mini-batch size of training.
pub const BATCH: usize = 32;

/// Writes `n` XOR-blob points (see [`mlp::xor_blobs`]) as a CSV file `x0,x1,class`, the
/// features scaled by 10 and shifted by 5 so that standardizing them matters.
pub fn write_csv(path: &Path, n: usize, rng: &mut impl Rng) -> std::io::Result<()> {
    let mut text = String::from("x0,x1,class\n");
    for _ in 0..n {
        let (x, _, class) = mlp::xor_blobs::<1>(0.35, rng);
        let (a, b) = (x[(0, 0)] * 10.0 + 5.0, x[(0, 1)] * 10.0 + 5.0);
        writeln!(text, "{a},{b},{}", class[(0, 0)]).unwrap();
    }
    std::fs::write(path, text)
}

/// Reads the CSV of [`write_csv`]: the features `(n, 2)` and one-hot labels `(n, 2)`, `n` being
/// however many rows the file has. A malformed line is an error naming the file and the line.
pub fn read_csv(path: &Path) -> Result<(DynTensor<f64, D>, DynTensor<f64, K>), Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut x, mut y) = (DynTensor::default(), DynTensor::default());
    for (i, line) in text.lines().enumerate().skip(1) {
        let bad = |what: &str| format!("{}:{}: {what}: {line:?}", path.display(), i + 1);
        let fields: Vec<f64> = line
            .split(',')
            .map(|f| f.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|e| bad(&e.to_string()))?;
        let [a, b, class] = fields[..] else {
            return Err(bad("expected 3 fields").into());
        };
        if class != 0.0 && class != 1.0 {
            return Err(bad("the class must be 0 or 1").into());
        }
        x.push(&[a, b].into());
        y.push(&[1.0 - class, class].into());
    }
    Ok((x, y))
}

/// Trains `model` for `epochs` passes over shuffled static mini-batches of [`BATCH`] rows
/// (the last `n % BATCH` rows of each shuffle sit that epoch out); returns the mean loss of
/// each epoch.
pub fn train(
    model: &mut Mlp,
    x: &DynTensor<f64, D>,
    y: &DynTensor<f64, K>,
    epochs: usize,
    lr: f64,
    rng: &mut impl Rng,
) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.nrows()).collect();
    let mut losses = Vec::with_capacity(epochs);
    for _ in 0..epochs {
        order.shuffle(rng);
        let (xs, ys) = (x.select_rows(&order), y.select_rows(&order));
        let mut total = 0.0;
        for (xb, yb) in xs.batches::<BATCH>().zip(ys.batches::<BATCH>()) {
            // xb: &Tensor<f64, 32, 2>, yb: &Tensor<f64, 32, 2>: the static training step.
            total += model.step(xb, yb, lr);
        }
        losses.push(total / (x.nrows() / BATCH).max(1) as f64);
    }
    losses
}

/// The class probabilities of every row of `x`, `(n, K)`: the network's forward pass, the
/// same function that trains on static mini-batches, on the run-time batch.
pub fn predict(model: &Mlp, x: &DynTensor<f64, D>) -> DynTensor<f64, K> {
    model.forward(x).proba
}

/// The fraction of rows whose most probable class is the labelled one.
pub fn accuracy(p: &DynTensor<f64, K>, y: &DynTensor<f64, K>) -> f64 {
    let (pred, truth) = (p.argmax_axis::<1>(), y.argmax_axis::<1>());
    let hits = pred
        .as_flat()
        .iter()
        .zip(truth.as_flat())
        .filter(|(a, b)| a == b)
        .count();
    hits as f64 / p.nrows().max(1) as f64
}
