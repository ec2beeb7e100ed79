//! Vectorized math against NumPy golden values (`elementwise.json`, every case, f64 and f32,
//! with the edge values 0, -0, denormals, overflow, NaN and infinities) and against
//! identities and f64 references over random values.
//!
//! Tolerances: non-finite and zero results must match NumPy exactly (including the sign of
//! zero); finite results within `MAX_ULPS_F64` / `MAX_ULPS_F32` units in the last place (NumPy
//! uses its own vectorized implementations, the library uses the platform's libm). Measured
//! against NumPy 2.4.6: at most 1 ulp for f64; for f32, 2 ulps for `exp`/`tanh` and 3 for
//! `sigmoid` at -16.7, where NumPy's float32 `exp` is 2 ulps off and our result is the closer
//! one to the f64 reference rounded to f32.
#![allow(clippy::op_ref)] // the borrowed operand forms are under test

use crate::common;

use common::{assert_close, golden, mat, ulps32, ulps64};
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;
use tensor::prelude::*;

const MAX_ULPS_F64: u64 = 2;
const MAX_ULPS_F32: u64 = 4;

/// The golden unary cases hold 96 values each.
const N: usize = 96;

macro_rules! apply {
    ($op:expr, $x:expr) => {
        match $op {
            "exp" => $x.exp(),
            "log" => $x.ln(),
            "log2" => $x.log2(),
            "log10" => $x.log10(),
            "sqrt" => $x.sqrt(),
            "square" => $x.square(),
            "abs" => $x.abs(),
            "tanh" => $x.tanh(),
            "sin" => $x.sin(),
            "cos" => $x.cos(),
            "sigmoid" => $x.sigmoid(),
            "relu" => $x.relu(),
            other => panic!("unexpected op {other}"),
        }
    };
}

/// Returns the largest ULP distance seen (for the report).
fn check_unary(case: &Value) -> u64 {
    let op = case["op"].as_str().unwrap();
    let (_, _, a) = mat(&case["a"]);
    let (_, _, want) = mat(&case["out"]);
    assert_eq!(a.len(), N);
    let mut worst = 0;
    let strict = |g: f64, w: f64| !w.is_finite() || !g.is_finite() || w == 0.0 || g == 0.0;
    if case["dtype"] == "float32" {
        let x: Vector<f32, N> = Tensor::from_fn(|_, j| a[j] as f32);
        let got = apply!(op, x);
        for k in 0..N {
            let (g, w) = (got[k], want[k] as f32);
            let d = ulps32(g, w);
            let limit = if strict(g.into(), w.into()) {
                0
            } else {
                MAX_ULPS_F32
            };
            assert!(
                d <= limit,
                "f32 {op}({:e}): got {g:e}, NumPy {w:e} ({d} ulps)",
                x[k]
            );
            worst = worst.max(d);
        }
    } else {
        let x: Vector<f64, N> = Tensor::from_fn(|_, j| a[j]);
        let got = apply!(op, x);
        for k in 0..N {
            let (g, w) = (got[k], want[k]);
            // NumPy's `1 / (1 + exp(-x))` flushes to 0 where `exp(-x)` overflows (x < -709.78);
            // the vectorized sigmoid computes `e^x / (1 + e^x)` there, the true value down to
            // the denormals: accept it within 1 ulp of `e^x` (f64 `exp` is accurate there).
            let w = if op == "sigmoid" && w == 0.0 && g != 0.0 && ulps64(g, x[k].exp()) <= 1 {
                g
            } else {
                w
            };
            let d = ulps64(g, w);
            let limit = if strict(g, w) { 0 } else { MAX_ULPS_F64 };
            assert!(
                d <= limit,
                "f64 {op}({:e}): got {g:e}, NumPy {w:e} ({d} ulps)",
                x[k]
            );
            worst = worst.max(d);
        }
    }
    worst
}

#[test]
fn golden_elementwise_cases() {
    let cases = golden("elementwise.json");
    let mut checked = 0;
    for case in &cases {
        if case["op"] == "softmax_rows" {
            let (_, _, a) = mat(&case["a"]);
            let x: Tensor<f64, 3, 5> = Tensor::from_fn(|i, j| a[i * 5 + j]);
            assert_close(
                "softmax",
                x.softmax().as_flat(),
                &mat(&case["out"]).2,
                1e-14,
                0.0,
            );
        } else {
            let worst = check_unary(case);
            eprintln!("{} {}: max {worst} ulps", case["op"], case["dtype"]);
        }
        checked += 1;
    }
    assert_eq!(checked, cases.len());
    assert_eq!(checked, 25, "the golden file changed: review the cases");
}

#[test]
fn edge_values_follow_ieee() {
    let x = tensor![0.0, -0.0, -1.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN];
    let ln = x.ln();
    assert_eq!(
        [ln[0], ln[1], ln[3]],
        [f64::NEG_INFINITY, f64::NEG_INFINITY, f64::INFINITY]
    );
    assert!(ln[2].is_nan() && ln[4].is_nan() && ln[5].is_nan());
    let sq = x.sqrt();
    assert!(sq[1] == 0.0 && sq[1].is_sign_negative()); // sqrt(-0) = -0
    assert!(sq[2].is_nan());
    let s = x.sigmoid();
    assert_eq!([s[0], s[1], s[3], s[4]], [0.5, 0.5, 1.0, 0.0]);
    // sigmoid(-1), correctly rounded 0.2689414213699951 (the vectorized math: within 1 ulp).
    assert!(
        (s[2] - 0.268_941_421_369_995_1).abs() <= 0.3 * f64::EPSILON,
        "{}",
        s[2]
    );
    assert!(s[5].is_nan());
    let r = x.relu();
    assert_eq!(r.as_flat()[..5], [0.0, 0.0, 0.0, f64::INFINITY, 0.0]);
    assert!(r[1].is_sign_positive()); // like np.maximum(-0.0, 0)
    assert!(r[5].is_nan());
    assert!(x.clip(-1.0, 1.0)[5].is_nan());
    assert_eq!(x.clip(-0.5, 0.5).as_flat()[2..5], [-0.5, 0.5, -0.5]);
    assert!(x.powf(2.0)[5].is_nan());
    assert_eq!(tensor![0.0f32].powi(0), tensor![1.0]);
}

#[test]
fn maximum_and_minimum_propagate_nan_like_numpy() {
    let a = tensor![[1.0, f64::NAN, 3.0], [f64::NAN, -0.0, f64::NEG_INFINITY]];
    let b = tensor![2.0, 2.0, f64::NAN];
    let hi = a.maximum(&b);
    let lo = a.minimum(&b);
    assert_eq!(hi[(0, 0)], 2.0);
    assert_eq!(lo[(0, 0)], 1.0);
    for (i, j) in [(0, 1), (0, 2), (1, 0), (1, 2)] {
        assert!(hi[(i, j)].is_nan() && lo[(i, j)].is_nan(), "({i}, {j})");
    }
    assert_eq!(hi[(1, 1)], 2.0);
    assert_eq!(lo[(1, 1)], -0.0);
    // Broadcasting in both directions, and integers.
    let col = tensor![[0], [5]];
    let m = tensor![[1, 9], [3, 4]];
    assert_eq!(m.maximum(&col), tensor![[1, 9], [5, 5]]);
    assert_eq!(col.minimum(&m), tensor![[0, 0], [3, 4]]);
}

#[test]
fn clip_with_lo_above_hi_gives_hi_like_numpy() {
    assert_eq!(tensor![1, 5, 9].clip(6, 4), tensor![4, 4, 4]);
}

#[test]
fn softmax_is_stable_and_handles_edge_rows() {
    let big = tensor![[1000.0f32, 1001.0, 1002.0], [-1e30, 0.0, 1e30]];
    let p = big.softmax();
    assert!(p.iter().all(|v| v.is_finite()));
    assert_eq!(p.row::<1>(), tensor![0.0, 0.0, 1.0]);
    let small = tensor![[0.0f32, 1.0, 2.0]].softmax();
    assert_close(
        "shifted",
        &p.row::<0>()
            .as_flat()
            .iter()
            .map(|&v| f64::from(v))
            .collect::<Vec<_>>(),
        &small
            .as_flat()
            .iter()
            .map(|&v| f64::from(v))
            .collect::<Vec<_>>(),
        1e-6,
        0.0,
    );
    let nan = tensor![[1.0, f64::NAN], [f64::INFINITY, 0.0]].softmax();
    assert!(nan.iter().all(|v| v.is_nan())); // as NumPy: exp(inf - inf) is NaN
}

macro_rules! math_props {
    ($($name:ident, $name32:ident: $r:literal x $c:literal;)*) => {$(
        proptest! {
            #[test]
            fn $name(a in vec(-30.0..30.0f64, $r * $c), b in vec(-30.0..30.0f64, $r * $c)) {
                let x: Tensor<f64, $r, $c> = Tensor::from_fn(|i, j| a[i * $c + j]);
                let y: Tensor<f64, $r, $c> = Tensor::from_fn(|i, j| b[i * $c + j]);
                let pos = x.abs() + 1e-3;
                // Identities, with relative tolerance 1e-14 (a few roundings).
                let one = x.sin().square() + x.cos().square();
                prop_assert!(one.iter().all(|&v| (v - 1.0).abs() <= 1e-14));
                let back = pos.ln().exp();
                prop_assert!(back.iter().zip(pos.iter()).all(|(&p, &q)| (p - q).abs() <= 1e-13 * q));
                prop_assert!(pos.sqrt().square().iter().zip(pos.iter()).all(|(&p, &q)| (p - q).abs() <= 1e-15 * q));
                prop_assert!((pos.log2() - pos.ln() / 2f64.ln()).iter().all(|&d| d.abs() <= 1e-14));
                prop_assert!((pos.log10() - pos.log(10.0)).iter().all(|&d| d.abs() <= 1e-14));
                prop_assert_eq!(x.tanh(), -(-x).tanh());
                let s = x.sigmoid() + (-x).sigmoid();
                prop_assert!(s.iter().all(|&v| (v - 1.0).abs() <= 1e-15));
                prop_assert!((x.powi(3) - x * x * x).iter().zip(x.iter()).all(|(&d, &v)| d.abs() <= 1e-14 * v.abs().powi(3)));
                prop_assert!((pos.powf(0.5) - pos.sqrt()).iter().all(|&d| d.abs() <= 1e-15 * 6.0));
                // Against an elementwise f64 reference: relu, clip, maximum, minimum, abs.
                for k in 0..a.len() {
                    prop_assert_eq!(x.relu().as_flat()[k], a[k].max(0.0));
                    prop_assert_eq!(x.clip(-1.0, 2.0).as_flat()[k], a[k].clamp(-1.0, 2.0));
                    prop_assert_eq!(x.maximum(&y).as_flat()[k], a[k].max(b[k]));
                    prop_assert_eq!(x.minimum(&y).as_flat()[k], a[k].min(b[k]));
                    prop_assert_eq!(x.abs().as_flat()[k], a[k].abs());
                    prop_assert_eq!(x.square().as_flat()[k], a[k] * a[k]);
                }
                // Softmax: rows sum to 1, shift invariance, naive reference (no overflow here).
                let p = x.softmax();
                for i in 0..$r {
                    let row = &a[i * $c..(i + 1) * $c];
                    let total: f64 = row.iter().map(|v| v.exp()).sum();
                    for j in 0..$c {
                        let want = row[j].exp() / total;
                        prop_assert!((p[(i, j)] - want).abs() <= 1e-13 * want.max(1e-300), "softmax ({}, {})", i, j);
                    }
                }
                prop_assert!(p.sum_axis::<1>().iter().all(|&v| (v - 1.0).abs() <= 1e-14));
                let shifted = (x + 100.0).softmax();
                prop_assert!((shifted - p).iter().all(|&d| d.abs() <= 1e-14));
            }

            #[test]
            fn $name32(a in vec(-80.0..80.0f32, $r * $c)) {
                let x: Tensor<f32, $r, $c> = Tensor::from_fn(|i, j| a[i * $c + j]);
                // The documented bounds of the vectorized f32 math (kernels/vmath.rs): 1 ulp
                // from the correctly rounded result, 3 for sigmoid.
                let checks: [(Tensor<f32, $r, $c>, fn(f64) -> f64, u64); 4] = [
                    (x.exp(), f64::exp, 1),
                    (x.abs().ln(), |v| v.abs().ln(), 1),
                    (x.tanh(), f64::tanh, 1),
                    (x.sigmoid(), |v| 1.0 / (1.0 + (-v).exp()), 3),
                ];
                for (got, f, bound) in checks {
                    for k in 0..a.len() {
                        let want = f(f64::from(a[k])) as f32;
                        prop_assert!(ulps32(got.as_flat()[k], want) <= bound, "{} vs {}", got.as_flat()[k], want);
                    }
                }
            }
        }
    )*};
}

math_props! {
    math_1x1, math_f32_1x1: 1 x 1;
    math_1x9, math_f32_1x9: 1 x 9;
    math_4x3, math_f32_4x3: 4 x 3;
    math_12x17, math_f32_12x17: 12 x 17;
    // From 256 elements `maximum` and `minimum` run on the machine's best instruction set.
    math_16x17, math_f32_16x17: 16 x 17;
}

/// `softmax` and `log_softmax` of `a` (shape `R x C`) against the naive `f64` formulas:
/// relative `1e-13` for the probabilities, absolute `1e-13 * max(1, |want|)` for the logs.
fn check_softmax_lanes<const R: usize, const C: usize>(a: &[f64]) -> Result<(), TestCaseError> {
    let x: Tensor<f64, R, C> = Tensor::from_fn(|i, j| a[i * C + j]);
    let (p, lp) = (x.softmax(), x.log_softmax());
    for i in 0..R {
        let row = &a[i * C..(i + 1) * C];
        let max = row.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        let total: f64 = row.iter().map(|v| (v - max).exp()).sum();
        for j in 0..C {
            let want = (row[j] - max).exp() / total;
            prop_assert!(
                (p[(i, j)] - want).abs() <= 1e-13 * want.max(1e-300),
                "softmax {R}x{C} ({i}, {j})"
            );
            let want = (row[j] - max) - total.ln();
            prop_assert!(
                (lp[(i, j)] - want).abs() <= 1e-13 * want.abs().max(1.0),
                "log_softmax {R}x{C} ({i}, {j})"
            );
        }
    }
    Ok(())
}

proptest! {
    /// Lanes grouped into the vectorized `exp`'s blocks of 256 (blocks that end inside the
    /// array, lanes of 1 and of 256) and lanes longer than a block (computed in pieces).
    #[test]
    fn softmax_lanes_across_exp_blocks(a in vec(-40.0..40.0f64, 1200)) {
        check_softmax_lanes::<100, 3>(&a)?;
        check_softmax_lanes::<300, 1>(&a)?;
        check_softmax_lanes::<3, 256>(&a)?;
        check_softmax_lanes::<2, 300>(&a)?;
        check_softmax_lanes::<1, 1200>(&a)?;
        check_softmax_lanes::<7, 37>(&a)?;
    }
}

#[test]
fn softmax_lanes_longer_than_a_block_keep_nan_and_infinities() {
    let mut x = Tensor::<f64, 3, 300>::from_fn(|i, j| (i * 300 + j) as f64 * 1e-2);
    x[(1, 299)] = f64::NAN;
    x[(2, 0)] = f64::NEG_INFINITY;
    let (p, lp) = (x.softmax(), x.log_softmax());
    assert!(
        p.row::<1>()
            .iter()
            .chain(lp.row::<1>().iter())
            .all(|v| v.is_nan())
    );
    assert_eq!((p[(2, 0)], lp[(2, 0)]), (0.0, f64::NEG_INFINITY));
    assert!((p.row::<2>().sum() - 1.0).abs() < 1e-14);
    assert!((p.row::<0>().sum() - 1.0).abs() < 1e-14);
}
