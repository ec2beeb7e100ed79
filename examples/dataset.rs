//! A dataset whose size is only known at run time: `cargo run --release --example dataset --
//! --n 1234` writes a CSV of `n` labelled points (default: a size drawn at run time), reads it
//! back into `DynTensor`s without knowing its length, standardizes the features with the
//! statistics of all rows, trains the two-layer network of `examples/mlp.rs` on static
//! mini-batches of 32, and predicts on the whole run-time batch.
//!
//! The model code is in `common/dataset.rs` and `common/mlp.rs`, shared with
//! `tests/examples.rs`.

#[path = "common/dataset.rs"]
mod dataset;
#[path = "common/mlp.rs"]
#[allow(dead_code)]
mod mlp;

use std::error::Error;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use mlp::Mlp;

fn main() -> Result<(), Box<dyn Error>> {
    let mut rng = StdRng::seed_from_u64(7);
    let args: Vec<String> = std::env::args().collect();
    let n = match args.iter().position(|a| a == "--n") {
        Some(i) => args.get(i + 1).ok_or("--n needs a number")?.parse()?,
        None => rng.random_range(500..5000),
    };

    let path = std::env::temp_dir().join(format!("tensor-dataset-{}.csv", std::process::id()));
    dataset::write_csv(&path, n, &mut rng)?;
    let (x, y) = dataset::read_csv(&path)?;
    std::fs::remove_file(&path)?;
    println!(
        "read {} rows from {}: X {:?}, y {:?}",
        x.nrows(),
        path.display(),
        x.shape(),
        y.shape()
    );

    // Standardize with the statistics of every row: (n, 2) - (1, 2), / (1, 2).
    let (mean, std) = (x.mean_axis::<0>(), x.std_axis::<0>());
    let x = (&x - mean) / std;
    println!("feature means {:.2}, standard deviations {:.2}", mean, std);

    let mut model = Mlp::init(&mut rng);
    let losses = dataset::train(&mut model, &x, &y, 30, 0.5, &mut rng);
    for (epoch, loss) in losses.iter().enumerate().filter(|(e, _)| e % 5 == 0) {
        println!(
            "epoch {epoch:>2}  mean loss over {} batches of {}: {loss:.4}",
            n / dataset::BATCH,
            dataset::BATCH
        );
    }
    let proba = dataset::predict(&model, &x);
    println!(
        "accuracy on all {} rows (one run-time batch): {:.1}%",
        x.nrows(),
        100.0 * dataset::accuracy(&proba, &y)
    );
    Ok(())
}
