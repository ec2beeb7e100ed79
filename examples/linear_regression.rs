//! Seed section 10, the mini project, carried through: `y = 2x + 1 + noise` with 100 samples,
//! its mean squared error, then W and b learned by batch gradient descent and solved for in
//! closed form, and a plot of the data, the fitted line and the loss curve.
//!
//! `cargo run --release --example linear_regression` (NumPy twin: `linear_regression.py`);
//! add `--features plot` for the PNG plot (plotters is an optional dependency behind it).
//! With `-- --bench` it times the gradient descent instead (see `BENCHMARKS.md`); with
//! `-- --n 5000` it fits `n` samples, a number read at run time (`DynTensor`), no rebuild.
//!
//! The model code is in `common/linear.rs`, shared with `tests/examples.rs`, which checks it
//! against NumPy's run on the same data (`tests/golden/linear_regression.json`).

#[path = "common/linear.rs"]
mod linear;
#[path = "common/ridge.rs"]
mod ridge;
#[path = "common/timing.rs"]
mod timing;

use std::error::Error;

use rand::SeedableRng;
use rand::rngs::StdRng;
use tensor::prelude::*;

use linear::Linear;

/// Samples, as in the seed.
const N: usize = 100;
/// Learning rate and number of steps of gradient descent (as in the NumPy golden run).
const LR: f64 = 0.5;
const STEPS: usize = 2000;

fn main() -> Result<(), Box<dyn Error>> {
    if std::env::args().any(|arg| arg == "--bench") {
        bench::<100>();
        bench::<10_000>();
        return Ok(());
    }
    let mut rng = StdRng::seed_from_u64(42);
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--n") {
        let n = args.get(i + 1).ok_or("--n needs a number")?.parse()?;
        run_time_samples(n, &mut rng);
        return Ok(());
    }

    // X = np.random.rand(100, 1); y = W * X + b + np.random.randn(100, 1) * 0.1
    let (x, y) = linear::dataset::<N>(&mut rng);
    println!("y = 2x + 1 + noise: X {:?}, y {:?}", x.shape(), y.shape());
    println!("first samples (x, y):");
    for i in 0..3 {
        println!("  ({:.4}, {:.4})", x[(i, 0)], y[(i, 0)]);
    }

    // y_pred = W * X + b; mse = np.mean((y - y_pred)**2)
    let truth = Linear {
        w: tensor![[2.0]],
        b: 1.0,
    };
    println!(
        "MSE: {:.6}   (at the true W = 2, b = 1: the noise variance, 0.1^2)",
        linear::mse(&truth.predict(&x), &y)
    );

    println!("\nbatch gradient descent from W = b = 0, lr {LR}, {STEPS} steps:");
    let (model, losses) = linear::train(&x, &y, LR, STEPS);
    for (step, loss) in losses.iter().enumerate() {
        if (step <= 200 && step % 25 == 0) || step % 500 == 0 {
            println!("  step {step:>4}  loss {loss:.6}");
        }
    }
    let final_loss = linear::mse(&model.predict(&x), &y);
    println!("  final      loss {final_loss:.6}");
    println!(
        "learned:       W = {:.4}, b = {:.4}",
        model.w.item(),
        model.b
    );

    let exact = linear::least_squares(&x, &y).ok_or("the features are collinear")?;
    println!(
        "least squares: W = {:.4}, b = {:.4}   (normal equations, solve)",
        exact.w.item(),
        exact.b
    );
    let ridge = ridge::ridge(&x, &y, 1.0).ok_or("the ridge system is not positive definite")?;
    println!(
        "ridge, lambda 1: W = {:.4}, b = {:.4}   (Cholesky of X^T X + lambda I)",
        ridge.w.item(),
        ridge.b
    );

    #[cfg(feature = "plot")]
    {
        let path = plot::plot_dir().join("linear_regression.png");
        plot::plot(&path, &x, &y, &model, &losses)?;
        println!("\nplot: {}", path.display());
    }
    #[cfg(not(feature = "plot"))]
    println!(
        "\nplot: not drawn (add `--features plot` to write target/plots/linear_regression.png)"
    );
    Ok(())
}

/// The same model fitted by gradient descent on `n` samples, `n` chosen at run time: `X` and
/// `y` are `DynTensor<f64, 1>`s of shape `(n, 1)`, and each step is NumPy's
/// `err = X * W + b - y; W -= lr * 2 * mean(err * X); b -= lr * 2 * mean(err)`.
fn run_time_samples(n: usize, rng: &mut StdRng) {
    use rand::RngExt;
    use rand_distr::StandardNormal;

    let x = DynTensor::<f64, 1>::from_flat_fn(n, |_| rng.random::<f64>());
    let noise = DynTensor::<f64, 1>::from_flat_fn(n, |_| rng.sample::<f64, _>(StandardNormal));
    let y = &x * 2.0 + 1.0 + noise * 0.1;
    println!(
        "y = 2x + 1 + noise: X {:?}, y {:?} (n read at run time)",
        x.shape(),
        y.shape()
    );
    let (mut w, mut b) = (0.0, 0.0);
    for step in 0..=STEPS {
        let err = &x * w + b - &y;
        if step % 500 == 0 {
            println!("  step {step:>4}  loss {:.6}", err.square().mean());
        }
        let (grad_w, grad_b) = (2.0 * (&err * &x).mean(), 2.0 * err.mean());
        w -= LR * grad_w;
        b -= LR * grad_b;
    }
    println!("learned:       W = {w:.4}, b = {b:.4}");
}

/// Times `STEPS` steps of gradient descent on `M` samples (the model code the example runs,
/// losses recorded), 21 times, and prints the median, as `linear_regression.py --bench` does.
fn bench<const M: usize>() {
    use std::hint::black_box;

    let mut rng = StdRng::seed_from_u64(0);
    let (x, y) = linear::dataset::<M>(&mut rng);
    let ms = timing::median_ms(|| {
        black_box(linear::train(black_box(&x), black_box(&y), LR, STEPS));
    });
    println!("tensor  N={M:<6} steps={STEPS}  median {ms:9.3} ms");
}

/// The PNG plot (feature `plot`: plotters is an optional dependency, so the other examples
/// and the tests do not compile it).
#[cfg(feature = "plot")]
mod plot {
    use std::error::Error;
    use std::path::{Path, PathBuf};

    use plotters::prelude::*;
    use tensor::prelude::*;

    use super::{Linear, N};

    /// Steps shown on the loss curve.
    const PLOTTED_STEPS: usize = 200;

    /// `target/plots`, next to the build's own directories (`CARGO_TARGET_DIR` is respected).
    pub fn plot_dir() -> PathBuf {
        std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.join("plots")))
            .unwrap_or_else(|| PathBuf::from("target/plots"))
    }

    /// Registers a TrueType font for plotters' pure-Rust text renderer: the file named by
    /// `PLOT_FONT` if set, else the first of a few usual system fonts. Returns whether one was
    /// registered; without one the plot is drawn without text.
    fn register_font() -> bool {
        let candidates: Vec<PathBuf> = match std::env::var_os("PLOT_FONT") {
            Some(path) => vec![path.into()],
            None => [
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/TTF/DejaVuSans.ttf",
                "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/System/Library/Fonts/Supplemental/Arial.ttf",
                "C:\\Windows\\Fonts\\arial.ttf",
            ]
            .map(PathBuf::from)
            .into(),
        };
        candidates.iter().any(|path| {
            std::fs::read(path).is_ok_and(|bytes| {
                // plotters keeps registered fonts for the life of the program.
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                plotters::style::register_font("sans-serif", FontStyle::Normal, bytes).is_ok()
            })
        })
    }

    /// Two panels: the data with the fitted and the true lines, and the loss over the first
    /// `PLOTTED_STEPS` steps (log scale), after which it no longer visibly changes.
    pub fn plot(
        path: &Path,
        x: &Tensor<f64, N, 1>,
        y: &Tensor<f64, N, 1>,
        model: &Linear<1>,
        losses: &[f64],
    ) -> Result<(), Box<dyn Error>> {
        std::fs::create_dir_all(path.parent().ok_or("no parent directory")?)?;
        let text = register_font();
        let root = BitMapBackend::new(path, (1200, 500)).into_drawing_area();
        root.fill(&WHITE)?;
        let (left, right) = root.split_horizontally(600);
        let label_area = if text { 40 } else { 5 };

        let (y_lo, y_hi) = (y.min() - 0.2, y.max() + 0.2);
        let mut fit = ChartBuilder::on(&left);
        fit.margin(15)
            .x_label_area_size(label_area)
            .y_label_area_size(label_area);
        if text {
            fit.caption(
                "data, fitted line (red), y = 2x + 1 (grey)",
                ("sans-serif", 20),
            );
        }
        let mut fit = fit.build_cartesian_2d(0.0..1.0, y_lo..y_hi)?;
        let mut mesh = fit.configure_mesh();
        if text {
            mesh.x_desc("x").y_desc("y");
        } else {
            mesh.disable_x_axis().disable_y_axis();
        }
        mesh.draw()?;
        fit.draw_series(
            x.iter()
                .zip(y.iter())
                .map(|(&a, &b)| Circle::new((a, b), 3, BLUE.mix(0.6).filled())),
        )?;
        fit.draw_series(LineSeries::new(
            [(0.0, 1.0), (1.0, 3.0)],
            BLACK.mix(0.4).stroke_width(2),
        ))?;
        let (w, b) = (model.w.item(), model.b);
        fit.draw_series(LineSeries::new(
            [(0.0, b), (1.0, w + b)],
            RED.stroke_width(3),
        ))?;

        let losses = &losses[..PLOTTED_STEPS.min(losses.len())];
        let (l_lo, l_hi) = losses.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &l| {
            (lo.min(l), hi.max(l))
        });
        let mut curve = ChartBuilder::on(&right);
        curve
            .margin(15)
            .x_label_area_size(label_area)
            .y_label_area_size(label_area + 20);
        if text {
            curve.caption(
                format!("MSE, first {} steps (log scale)", losses.len()),
                ("sans-serif", 20),
            );
        }
        let mut curve =
            curve.build_cartesian_2d(0..losses.len(), (l_lo * 0.9..l_hi * 1.1).log_scale())?;
        let mut mesh = curve.configure_mesh();
        if text {
            mesh.x_desc("step")
                .y_desc("loss")
                .y_label_formatter(&|v| format!("{v:.3}"));
        } else {
            mesh.disable_x_axis().disable_y_axis();
        }
        mesh.draw()?;
        curve.draw_series(LineSeries::new(
            losses.iter().copied().enumerate(),
            BLUE.stroke_width(2),
        ))?;

        root.present()?;
        Ok(())
    }
}
