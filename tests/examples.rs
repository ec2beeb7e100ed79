//! The examples' model code (`examples/common/`), run at a small size: the same functions the
//! examples call, checked against NumPy (linear regression), finite differences (the MLP's
//! backpropagation) and what training must achieve (loss down, parameters or accuracy).

mod common;
#[path = "../examples/common/linear.rs"]
mod linear;
#[path = "../examples/common/logistic.rs"]
mod logistic;
#[path = "../examples/common/mlp.rs"]
mod mlp;

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
    let first3 = z.slice::<0, 0, 3, 1>();
    assert_close(
        "BCE",
        logistic::bce_with_logits(&first3, &y.slice::<0, 0, 3, 1>()),
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
