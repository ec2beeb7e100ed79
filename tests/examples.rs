//! The examples' model code (`examples/common/`), run at a small size: the same functions the
//! examples call, checked against NumPy (linear regression), finite differences (the MLP's
//! backpropagation) and what training must achieve (loss down, parameters or accuracy).

mod common;
#[path = "../examples/common/dataset.rs"]
mod dataset;
#[path = "../examples/common/linear.rs"]
mod linear;
#[path = "../examples/common/logistic.rs"]
mod logistic;
#[path = "../examples/common/mlp.rs"]
mod mlp;
#[path = "../examples/common/pca.rs"]
mod pca;
#[path = "../examples/common/ridge.rs"]
mod ridge;

use rand::SeedableRng;
use rand::rngs::StdRng;
use tensor::prelude::*;

use common::{close, golden, mat, num};

/// Asserts `|a - b| <= rel * max(|a|, |b|) + abs`.
#[track_caller]
fn assert_close(what: &str, a: f64, b: f64, rel: f64, abs: f64) {
    assert!(
        close(a, b, rel, abs),
        "{what}: {a} vs {b} (rel {rel}, abs {abs})"
    );
}

/// The golden data as tensors of the seed's shape.
fn golden_column(v: &serde_json::Value) -> Tensor<f64, 100, 1> {
    let (rows, cols, flat) = mat(v);
    assert_eq!((rows, cols), (100, 1));
    Tensor::from_fn(|i, _| flat[i])
}

/// Same data, learning rate and steps as NumPy (`gen_golden.py`): the losses every 100 steps,
/// the final W and b, the MSE at the true parameters and the least-squares solution agree.
///
/// Tolerance: relative 1e-13 (observed: at most 4e-16, 2 ulps). Both sides compute in f64 but
/// sum in different orders (NumPy's pairwise `mean`, `X^T err` here); gradient descent is
/// contractive here (lr 0.5 is below 2 / L), so those differences do not grow. The
/// least-squares solutions come from different algorithms (NumPy's SVD-based `lstsq`, the
/// normal equations here) on a well-conditioned problem.
#[test]
fn linear_regression_matches_numpy() {
    let case = &golden("linear_regression.json")[0];
    let x = golden_column(&case["X"]);
    let y = golden_column(&case["y"]);
    let lr = num(&case["lr"]);
    let steps = case["steps"].as_u64().unwrap() as usize;

    let truth = linear::Linear {
        w: tensor![[2.0]],
        b: 1.0,
    };
    let mse = linear::mse(&truth.predict(&x), &y);
    assert_close(
        "MSE at W = 2, b = 1",
        mse,
        num(&case["mse_true_params"]),
        1e-13,
        0.0,
    );

    let (model, losses) = linear::train(&x, &y, lr, steps);
    assert_eq!(losses.len(), steps);
    assert_close(
        "first loss",
        losses[0],
        num(&case["loss_first"]),
        1e-13,
        0.0,
    );
    let every_100 = case["loss_every_100"].as_array().unwrap();
    assert_eq!(every_100.len(), steps / 100);
    for (i, expected) in every_100.iter().enumerate() {
        let what = format!("loss at step {}", 100 * i);
        assert_close(&what, losses[100 * i], num(expected), 1e-13, 0.0);
    }
    assert_close("W", model.w.item(), num(&case["W"]), 1e-13, 0.0);
    assert_close("b", model.b, num(&case["b"]), 1e-13, 0.0);

    let exact = linear::least_squares(&x, &y).expect("X is not constant");
    assert_close(
        "least-squares W",
        exact.w.item(),
        num(&case["lstsq_W"]),
        1e-13,
        0.0,
    );
    assert_close(
        "least-squares b",
        exact.b,
        num(&case["lstsq_b"]),
        1e-13,
        0.0,
    );
}

/// The example's path at 32 samples: the loss never rises (lr 0.5 is below 2 / L for
/// features in [0, 1)), gradient descent reaches the least-squares solution, and both are
/// close to the true W = 2, b = 1 (the standard error of W is about 0.06 here).
#[test]
fn linear_regression_recovers_the_parameters() {
    let mut rng = StdRng::seed_from_u64(1);
    let (x, y) = linear::dataset::<32>(&mut rng);
    assert!(x.iter().all(|v| (0.0..1.0).contains(v)));

    let (model, losses) = linear::train(&x, &y, 0.5, 1000);
    for pair in losses.windows(2) {
        assert!(pair[1] <= pair[0] * (1.0 + 1e-12), "loss rose: {pair:?}");
    }
    assert!(losses[999] < losses[0] / 100.0);

    let exact = linear::least_squares(&x, &y).unwrap();
    assert_close(
        "W, GD vs least squares",
        model.w.item(),
        exact.w.item(),
        1e-9,
        0.0,
    );
    assert_close("b, GD vs least squares", model.b, exact.b, 1e-9, 0.0);
    assert_close("W", model.w.item(), 2.0, 0.0, 0.25);
    assert_close("b", model.b, 1.0, 0.0, 0.15);
    // The residual is the noise: its variance is 0.1^2.
    let mse = linear::mse(&model.predict(&x), &y);
    assert!((0.004..0.02).contains(&mse), "MSE {mse}");
}

/// Several features: least squares recovers W and b exactly on noise-free data, and
/// gradient descent converges to the same.
#[test]
fn linear_regression_with_three_features() {
    let mut rng = StdRng::seed_from_u64(2);
    let x: Tensor<f64, 50, 3> = Tensor::random_using(rand::distr::StandardUniform, &mut rng);
    let w_true = tensor![[1.5], [-2.0], [0.5]];
    let y = tensor!(x @ w_true) + 3.0;
    let exact = linear::least_squares(&x, &y).unwrap();
    for i in 0..3 {
        assert_close("W", exact.w[(i, 0)], w_true[(i, 0)], 0.0, 1e-10);
    }
    assert_close("b", exact.b, 3.0, 0.0, 1e-10);
    let (model, _) = linear::train(&x, &y, 0.5, 20_000);
    for i in 0..3 {
        assert_close("W (GD)", model.w[(i, 0)], w_true[(i, 0)], 0.0, 1e-6);
    }
    assert_close("b (GD)", model.b, 3.0, 0.0, 1e-6);
}

#[test]
fn logistic_regression_separates_two_blobs() {
    let mut rng = StdRng::seed_from_u64(3);
    let (x, y) = logistic::blobs::<64>(0.8, &mut rng);
    let (x_test, y_test) = logistic::blobs::<64>(0.8, &mut rng);
    let ones = y.sum();
    assert!(y.iter().all(|&c| c == 0.0 || c == 1.0) && (16.0..=48.0).contains(&ones));

    let (model, losses) = logistic::train(&x, &y, 0.5, 300);
    assert_close(
        "initial loss is ln 2",
        losses[0],
        std::f64::consts::LN_2,
        1e-12,
        0.0,
    );
    for pair in losses.windows(2) {
        assert!(pair[1] <= pair[0], "loss rose: {pair:?}");
    }
    assert!(losses[299] < 0.25, "final loss {}", losses[299]);
    // The blobs are symmetric about the line x0 + x1 = 0: both weights positive, and the
    // decision boundary X W + b = 0 passes close to the origin.
    assert!(model.w.iter().all(|&w| w > 0.5), "W = {}", model.w);
    let distance = model.b.abs() / model.w.norm();
    assert!(distance < 0.3, "boundary at {distance} from the origin");
    assert!(logistic::accuracy(&model.predict_proba(&x), &y) > 0.9);
    assert!(logistic::accuracy(&model.predict_proba(&x_test), &y_test) > 0.85);
}

/// The gradients `grad!` generates for the logistic regression (which `train` uses) equal the
/// hand-written ones, and its loss the stable cross-entropy, at zero and at random models.
#[test]
fn logistic_generated_gradients_equal_the_hand_written_ones() {
    use rand::RngExt;
    let mut rng = StdRng::seed_from_u64(8);
    let (x, y) = logistic::blobs::<50>(0.8, &mut rng);
    let mut model = logistic::Logistic {
        w: Tensor::zeros(),
        b: 0.0,
    };
    for k in 0..4 {
        let (loss, generated) = logistic::loss_and_grad(&model, &x, &y);
        let by_hand = logistic::grad_by_hand(&model, &x, &y);
        let stable = logistic::bce_with_logits(&model.logits(&x), &y);
        assert_close("loss", loss, stable, 1e-14, 0.0);
        assert_close("db", generated.b, by_hand.b, 1e-14, 1e-16);
        for (g, h) in generated.w.iter().zip(by_hand.w.iter()) {
            assert_close("dW", *g, *h, 1e-14, 1e-16);
        }
        model.w = rng.sample(rand_distr::StandardNormal);
        model.b = f64::from(k) - 1.5;
    }
}

/// The MLP's gradients generated by `grad!` (which `step` uses) equal the hand-written
/// backpropagation's, to rounding.
#[test]
fn mlp_generated_gradients_equal_the_hand_written_ones() {
    let mut rng = StdRng::seed_from_u64(9);
    let (x, y, _) = mlp::xor_blobs::<32>(0.5, &mut rng);
    let net = mlp::Mlp::init(&mut rng);
    let (loss, by_hand) = net.gradients(&x, &y);
    let (generated_loss, generated) = net.generated_gradients(&x, &y);
    assert_close("loss", generated_loss, loss, 1e-13, 0.0);
    let pairs = [
        (generated.w1.as_flat(), by_hand.w1.as_flat()),
        (generated.b1.as_flat(), by_hand.b1.as_flat()),
        (generated.w2.as_flat(), by_hand.w2.as_flat()),
        (generated.b2.as_flat(), by_hand.b2.as_flat()),
    ];
    for (g, h) in pairs {
        for (a, b) in g.iter().zip(h) {
            assert_close("gradient", *a, *b, 1e-12, 1e-15);
        }
    }
}

/// The stable cross-entropy equals the textbook formula where that one is finite, and stays
/// finite where a probability rounds to 0 or 1.
#[test]
fn binary_cross_entropy_from_logits() {
    let z: Tensor<f64, 5, 1> = tensor![[-3.0], [0.0], [2.5], [40.0], [-800.0]];
    let y = tensor![[0.0], [1.0], [1.0], [0.0], [1.0]];
    let p = z.sigmoid();
    let textbook = -(0..3)
        .map(|i| y[(i, 0)] * p[(i, 0)].ln() + (1.0 - y[(i, 0)]) * (1.0 - p[(i, 0)]).ln())
        .sum::<f64>()
        / 3.0;
    let first3 = z.block::<0, 0, 3, 1>();
    assert_close(
        "BCE",
        logistic::bce_with_logits(&first3, &y.block::<0, 0, 3, 1>()),
        textbook,
        1e-14,
        0.0,
    );
    // Confidently wrong: the losses are 40 and 800, not infinity.
    let loss = logistic::bce_with_logits(&z, &y);
    assert_close(
        "BCE with saturated logits",
        loss,
        (3.0 * textbook + 40.0 + 800.0) / 5.0,
        1e-12,
        0.0,
    );
}

/// The hand-written backpropagation agrees with central finite differences of the loss, for
/// every parameter of a freshly initialised network.
#[test]
fn mlp_gradients_match_finite_differences() {
    let mut rng = StdRng::seed_from_u64(4);
    let (x, y, _) = mlp::xor_blobs::<8>(0.5, &mut rng);
    let net = mlp::Mlp::init(&mut rng);
    let (loss, grad) = net.gradients(&x, &y);
    let loss_at = |net: &mlp::Mlp| mlp::cross_entropy(&net.forward(&x).proba, &y);
    assert_close("loss", loss, loss_at(&net), 0.0, 0.0);

    let h = 1e-6;
    // Perturbs one element of one parameter (chosen by `part`) and returns d loss / d element.
    let numeric = |part: &dyn Fn(&mut mlp::Mlp) -> &mut [f64], k: usize| {
        let (mut plus, mut minus) = (net, net);
        part(&mut plus)[k] += h;
        part(&mut minus)[k] -= h;
        (loss_at(&plus) - loss_at(&minus)) / (2.0 * h)
    };
    let mut checked = 0;
    let mut check = |name: &str, part: &dyn Fn(&mut mlp::Mlp) -> &mut [f64], analytic: &[f64]| {
        for (k, &g) in analytic.iter().enumerate() {
            assert_close(
                &format!("d loss / d {name}[{k}]"),
                g,
                numeric(part, k),
                1e-6,
                1e-9,
            );
            checked += 1;
        }
    };
    check("w1", &|n| n.w1.as_flat_mut(), grad.w1.as_flat());
    check("b1", &|n| n.b1.as_flat_mut(), grad.b1.as_flat());
    check("w2", &|n| n.w2.as_flat_mut(), grad.w2.as_flat());
    check("b2", &|n| n.b2.as_flat_mut(), grad.b2.as_flat());
    assert_eq!(checked, mlp::D * mlp::H + mlp::H + mlp::H * mlp::K + mlp::K);
}

/// The MLP learns XOR, which a linear classifier cannot: at most 3 of the 4 clusters are on
/// the right side of any line.
#[test]
fn mlp_learns_xor() {
    let mut rng = StdRng::seed_from_u64(5);
    let (x, y, class) = mlp::xor_blobs::<128>(0.5, &mut rng);
    let (x_test, y_test, class_test) = mlp::xor_blobs::<128>(0.5, &mut rng);
    // The labels are the exclusive or of the corners' signs, one-hot.
    assert!(y.sum_axis::<1>().iter().all(|&s| s == 1.0));
    assert_eq!(y.col::<1>(), class);
    let agree = x
        .rows()
        .zip(class.iter())
        .filter(|(row, c)| (row[0] * row[1] < 0.0) == (**c == 1.0))
        .count();
    assert!(
        agree > 110,
        "{agree} of 128 points lie in their corner's quadrant"
    );

    let mut net = mlp::Mlp::init(&mut rng);
    let losses: Vec<f64> = (0..1000).map(|_| net.step(&x, &y, 0.5)).collect();
    assert!(
        losses[999] < losses[0] / 4.0,
        "loss {} -> {}",
        losses[0],
        losses[999]
    );
    assert!(losses[999] < 0.2, "final loss {}", losses[999]);
    let train = mlp::accuracy(&net.forward(&x).proba, &y);
    let test = mlp::accuracy(&net.forward(&x_test).proba, &y_test);
    assert!(
        train > 0.9 && test > 0.85,
        "accuracy: train {train}, held-out {test}"
    );

    let (linear, _) = logistic::train(&x, &class, 0.5, 1000);
    let linear_test = logistic::accuracy(&linear.predict_proba(&x_test), &class_test);
    assert!(
        linear_test < 0.8,
        "a linear classifier scored {linear_test} on XOR"
    );
}

/// The run-time dataset example: a CSV of an arbitrary number of rows read into
/// `DynTensor`s, trained on static mini-batches, predicted on as one run-time batch; its rows
/// and statistics match the file, and a malformed line is an error naming the file and line.
#[test]
fn dataset_of_run_time_size_trains_on_static_batches() {
    let mut rng = StdRng::seed_from_u64(11);
    let dir = std::env::temp_dir().join(format!("tensor-examples-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("points.csv");
    dataset::write_csv(&path, 777, &mut rng).unwrap();
    let (x, y) = dataset::read_csv(&path).unwrap();
    assert_eq!((x.shape(), y.shape()), ((777, 2), (777, 2)));
    let first: Vec<f64> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .map(|f| f.parse().unwrap())
        .collect();
    assert_eq!(x.row(0).as_flat(), &first[..2]);
    assert_eq!(y.row(0).as_flat(), &[1.0 - first[2], first[2]]);

    let x = (&x - x.mean_axis::<0>()) / x.std_axis::<0>();
    for m in x.mean_axis::<0>().iter() {
        assert!(m.abs() < 1e-12, "standardized mean {m}");
    }
    let mut net = mlp::Mlp::init(&mut rng);
    let losses = dataset::train(&mut net, &x, &y, 20, 0.5, &mut rng);
    assert!(losses[19] < losses[0] / 4.0, "losses {losses:?}");
    let acc = dataset::accuracy(&dataset::predict(&net, &x), &y);
    assert!(acc > 0.95, "accuracy {acc}");
    // The run-time forward pass equals the static one on the same rows.
    let head: Tensor<f64, 32, 2> = *x.batches::<32>().next().unwrap();
    let p_static = net.forward(&head).proba;
    let p_dyn = dataset::predict(&net, &x);
    for (a, b) in p_dyn.as_flat()[..64].iter().zip(p_static.as_flat()) {
        assert!(close(*a, *b, 1e-12, 1e-15), "forward: {a} vs {b}");
    }

    std::fs::write(&path, "x0,x1,class\n1,2,0\n3,oops,1\n").unwrap();
    let e = dataset::read_csv(&path).unwrap_err().to_string();
    assert!(e.contains("points.csv:3") && e.contains("oops"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `tests/golden/linalg_decomp/decomp.json` (NumPy's PCA and ridge results, `gen.py`).
fn decomp_golden() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/linalg_decomp/decomp.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `examples/pca.rs`: NumPy's `eigh(np.cov(X.T))` on the same data. Tolerance 1e-12 relative
/// (the covariance is summed in another order; the eigenvalues are well separated, so the
/// components are as accurate).
#[test]
fn pca_matches_numpy() {
    let g = decomp_golden();
    let (rows, cols, flat) = mat(&g["pca"]["x"]);
    assert_eq!((rows, cols), (120, 4));
    let x = Tensor::<f64, 120, 4>::from_fn(|i, j| flat[i * 4 + j]);
    let want = |key: &str| mat_or_row(&g["pca"][key]);
    for model in [pca::fit(&x), pca::fit_svd(&x)] {
        let close_all = |what: &str, got: &[f64], want: &[f64], abs: f64| {
            for (k, (a, b)) in got.iter().zip(want).enumerate() {
                assert_close(&format!("{what}[{k}]"), *a, *b, 1e-12, abs);
            }
        };
        close_all("mean", model.mean.as_flat(), &want("mean"), 1e-14);
        close_all(
            "components",
            model.components.as_flat(),
            &want("components"),
            1e-12,
        );
        close_all(
            "variance",
            model.explained_variance.as_flat(),
            &want("explained_variance"),
            1e-12,
        );
        close_all(
            "ratio",
            model.explained_variance_ratio().as_flat(),
            &want("explained_variance_ratio"),
            1e-14,
        );
        close_all(
            "projection",
            model.project(&x).as_flat(),
            &want("projection"),
            1e-12,
        );
    }
}

/// `examples/common/ridge.rs`: NumPy's `solve(Xc.T @ Xc + lambda I, Xc.T @ yc)`.
#[test]
fn ridge_matches_numpy() {
    let g = decomp_golden();
    let r = &g["ridge"];
    let (_, _, xs) = mat(&r["x"]);
    let (_, _, ys) = mat(&r["y"]);
    let x = Tensor::<f64, 60, 3>::from_fn(|i, j| xs[i * 3 + j]);
    let y = Tensor::<f64, 60, 1>::from_fn(|i, _| ys[i]);
    let model = ridge::ridge(&x, &y, num(&r["lambda"])).unwrap();
    let (_, _, w) = mat(&r["w"]);
    for (k, (a, b)) in model.w.iter().zip(&w).enumerate() {
        assert_close(&format!("w[{k}]"), *a, *b, 1e-13, 0.0);
    }
    assert_close("b", model.b, num(&r["b"]), 1e-13, 0.0);
    // lambda -> 0 approaches least squares, lambda -> inf shrinks W to 0.
    let big = ridge::ridge(&x, &y, 1e12).unwrap();
    assert!(big.w.iter().all(|v| v.abs() < 1e-9));
}

/// A golden vector or matrix, flattened.
fn mat_or_row(v: &serde_json::Value) -> Vec<f64> {
    if v.as_array().unwrap()[0].is_array() {
        mat(v).2
    } else {
        v.as_array().unwrap().iter().map(num).collect()
    }
}
