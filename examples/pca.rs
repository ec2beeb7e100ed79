//! Principal component analysis: three clusters of samples in 4 correlated features, reduced
//! to the two directions of largest variance with `eigh` of the covariance matrix (and, as a
//! cross-check, with the `svd` of the centered data), then plotted.
//!
//! `cargo run --release --example pca`. The data and NumPy's results on it are in
//! `tests/golden/linalg_decomp/decomp.json` (`gen.py` beside it); `tests/examples.rs` checks
//! the model code (`common/pca.rs`) against them.

#[path = "common/pca.rs"]
mod pca;

use std::error::Error;
#[cfg(feature = "plot")]
use std::path::{Path, PathBuf};

#[cfg(feature = "plot")]
use plotters::prelude::*;
use serde_json::Value;
use tensor::prelude::*;

/// Samples and features of the dataset.
const N: usize = 120;
const D: usize = 4;

fn main() -> Result<(), Box<dyn Error>> {
    let (x, labels) = dataset()?;
    println!("data: {:?}, 3 clusters of 40", x.shape());

    let model = pca::fit(&x);
    let ratio = model.explained_variance_ratio();
    println!("explained variance ratio (eigh of the covariance): {ratio:.4}");
    println!("components (rows):\n{:.4}", model.components);
    let check = pca::fit_svd(&x);
    let agree = (model.components - check.components).abs().max();
    println!("the same components from the SVD of the centered data: max difference {agree:.1e}");

    let projected = model.project(&x);
    #[cfg(feature = "plot")]
    {
        let path = plot_dir().join("pca.png");
        plot(&path, &projected, &labels)?;
        println!("plot: {}", path.display());
    }
    #[cfg(not(feature = "plot"))]
    println!(
        "projected {} samples of {} clusters; for the plot: cargo run --release --example pca --features plot",
        projected.shape().0,
        labels.iter().max().map_or(0, |m| m + 1)
    );
    Ok(())
}

/// The dataset of `gen.py` (its 120 x 4 samples and their cluster labels).
fn dataset() -> Result<(Tensor<f64, N, D>, [usize; N]), Box<dyn Error>> {
    // This package is `examples/`; the data is the root package's golden file.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/linalg_decomp/decomp.json"
    );
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let rows = json["pca"]["x"].as_array().ok_or("pca.x is not a list")?;
    let mut x = Tensor::<f64, N, D>::zeros();
    for (i, row) in rows.iter().enumerate().take(N) {
        for (j, v) in row
            .as_array()
            .ok_or("a row is not a list")?
            .iter()
            .enumerate()
            .take(D)
        {
            x[(i, j)] = v.as_f64().ok_or("not a number")?;
        }
    }
    let mut labels = [0; N];
    for (l, v) in labels
        .iter_mut()
        .zip(json["pca"]["labels"].as_array().ok_or("labels")?)
    {
        *l = v.as_u64().ok_or("label")? as usize;
    }
    Ok((x, labels))
}

/// `target/plots`, next to the build's own directories (`CARGO_TARGET_DIR` is respected).
#[cfg(feature = "plot")]
fn plot_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.join("plots")))
        .unwrap_or_else(|| PathBuf::from("target/plots"))
}

/// The samples on the first two principal components, one colour per cluster (no text, so no
/// font is needed).
#[cfg(feature = "plot")]
fn plot(
    path: &Path,
    points: &Tensor<f64, N, 2>,
    labels: &[usize; N],
) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(path.parent().ok_or("no parent directory")?)?;
    let root = BitMapBackend::new(path, (600, 500)).into_drawing_area();
    root.fill(&WHITE)?;
    let span = |k: usize| {
        let (lo, hi) = (0..N).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), i| {
            (lo.min(points[(i, k)]), hi.max(points[(i, k)]))
        });
        (lo - 0.5)..(hi + 0.5)
    };
    let mut chart = ChartBuilder::on(&root)
        .margin(15)
        .build_cartesian_2d(span(0), span(1))?;
    chart
        .configure_mesh()
        .disable_x_axis()
        .disable_y_axis()
        .draw()?;
    let colours = [BLUE, RED, GREEN];
    chart.draw_series((0..N).map(|i| {
        Circle::new(
            (points[(i, 0)], points[(i, 1)]),
            4,
            colours[labels[i] % 3].mix(0.7).filled(),
        )
    }))?;
    root.present()?;
    Ok(())
}
