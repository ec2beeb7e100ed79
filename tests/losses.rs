//! The losses `mse` and `cross_entropy` against naive `f64` loops over random shapes and
//! values, and at the edges: huge logits, confident wrong predictions, empty tensors, `f32`.

use proptest::prelude::*;
use tensor::prelude::*;

/// `-sum_j y_j ln softmax(z)_j` of one row, in f64 by the textbook formula (stable for the
/// moderate logits the property uses).
fn naive_row(z: &[f64], y: &[f64]) -> f64 {
    let lse = z.iter().map(|v| v.exp()).sum::<f64>().ln();
    z.iter().zip(y).map(|(z, y)| -y * (z - lse)).sum()
}

proptest! {
    #[test]
    fn mse_matches_the_naive_loop(
        a in proptest::collection::vec(-100.0f64..100.0, 7 * 60),
        b in proptest::collection::vec(-100.0f64..100.0, 7 * 60),
    ) {
        // 420 elements: more than one block of the blocked sum.
        let (p, t) = (
            Tensor::<f64, 7, 60>::from_fn(|i, j| a[i * 60 + j]),
            Tensor::<f64, 7, 60>::from_fn(|i, j| b[i * 60 + j]),
        );
        let want = a.iter().zip(&b).map(|(x, y)| (x - y) * (x - y)).sum::<f64>() / 420.0;
        prop_assert!((p.mse(&t) - want).abs() <= 1e-13 * want);
        prop_assert_eq!(p.mse(&t), t.mse(&p));
        // f32: the rounded inputs' loss, within a few f32 roundings.
        let (p32, t32) = (p.map(|x| x as f32), t.map(|x| x as f32));
        let want32 = p32.iter().zip(t32.iter()).map(|(x, y)| f64::from(x - y).powi(2)).sum::<f64>() / 420.0;
        prop_assert!((f64::from(p32.mse(&t32)) - want32).abs() <= 4.0 * f64::from(f32::EPSILON) * want32);
    }

    #[test]
    fn cross_entropy_matches_the_naive_loop(
        z in proptest::collection::vec(-10.0f64..10.0, 6 * 5),
        y in proptest::collection::vec(0.0f64..1.0, 6 * 5),
    ) {
        let logits = Tensor::<f64, 6, 5>::from_fn(|i, j| z[i * 5 + j]);
        let target = Tensor::<f64, 6, 5>::from_fn(|i, j| y[i * 5 + j]);
        let want = (0..6).map(|i| naive_row(&z[i * 5..][..5], &y[i * 5..][..5])).sum::<f64>() / 6.0;
        prop_assert!((logits.cross_entropy(&target) - want).abs() <= 1e-13 * (1.0 + want.abs()));
        // The same rows as a rank-3 tensor: averaged over both leading axes.
        let z3: Tensor3<f64, 2, 3, 5> = logits.reshape();
        let y3: Tensor3<f64, 2, 3, 5> = target.reshape();
        prop_assert_eq!(z3.cross_entropy(&y3), logits.cross_entropy(&target));
        // and equal to the unfused form, to rounding
        let unfused = -(target * logits.log_softmax()).sum() / 6.0;
        prop_assert!((logits.cross_entropy(&target) - unfused).abs() <= 1e-13 * (1.0 + unfused.abs()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn cross_entropy_of_lanes_longer_than_a_block(
        z in proptest::collection::vec(-30.0f64..30.0, 2 * 700),
        y in proptest::collection::vec(0.0f64..1.0, 2 * 700),
    ) {
        // 700 classes: each lane's exponentials summed over three blocks of the vectorized `exp`.
        let logits = Tensor::<f64, 2, 700>::from_fn(|i, j| z[i * 700 + j]);
        let target = Tensor::<f64, 2, 700>::from_fn(|i, j| y[i * 700 + j]);
        let want = (0..2).map(|i| naive_row(&z[i * 700..][..700], &y[i * 700..][..700])).sum::<f64>() / 2.0;
        prop_assert!((logits.cross_entropy(&target) - want).abs() <= 1e-12 * (1.0 + want.abs()));
        let (z32, y32) = (logits.map(|x| x as f32), target.map(|x| x as f32));
        let want32 = (0..2)
            .map(|i| {
                let zr: Vec<f64> = (0..700).map(|j| f64::from(z32[(i, j)])).collect();
                let yr: Vec<f64> = (0..700).map(|j| f64::from(y32[(i, j)])).collect();
                naive_row(&zr, &yr)
            })
            .sum::<f64>() / 2.0;
        let got32 = f64::from(z32.cross_entropy(&y32));
        prop_assert!((got32 - want32).abs() <= 1e-4 * (1.0 + want32.abs()), "{got32} vs {want32}");
    }
}

#[test]
fn cross_entropy_of_huge_and_confident_logits() {
    // softmax then ln would give ln(0) = -inf for the first row; from the logits it is exact.
    let logits = Tensor::from([[-1000.0f32, 1000.0], [1e30, 1e30]]);
    let target = Tensor::from([[1.0f32, 0.0], [0.0, 1.0]]);
    // Row 0: lse = 1000, loss 2000. Row 1: loss ln 2, computed as ln(sum(exp(z - max))) -
    // (z - max), not lost to rounding as in lse - z with lse = 1e30 + ln 2 (PyTorch's
    // `F.cross_entropy` and SciPy's `log_softmax` give ln 2 too).
    let want = (2000.0 + 2f32.ln()) / 2.0;
    assert!((logits.cross_entropy(&target) - want).abs() <= 1e-4);
    // A row of equal logits over 4 classes: ln 4.
    let even = Tensor::<f64, 1, 4>::full(3.5);
    let first = Tensor::from([[1.0, 0.0, 0.0, 0.0]]);
    assert!((even.cross_entropy(&first) - 4f64.ln()).abs() < 1e-15);
}

#[test]
fn losses_of_nothing_are_nan() {
    let e = Tensor::<f64, 0, 3>::zeros();
    assert!(e.mse(&e).is_nan());
    assert!(e.cross_entropy(&e).is_nan());
    // NaN propagates.
    let mut p = Tensor::<f64, 2, 2>::zeros();
    p[(1, 0)] = f64::NAN;
    assert!(p.mse(&Tensor::zeros()).is_nan());
    assert!(p.cross_entropy(&Tensor::full(0.5)).is_nan());
    // In a lane longer than a block too.
    let mut wide = Tensor::<f64, 2, 300>::zeros();
    wide[(1, 280)] = f64::NAN;
    assert!(wide.cross_entropy(&Tensor::full(0.5)).is_nan());
}
