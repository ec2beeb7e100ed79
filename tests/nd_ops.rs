//! Rank-3 and rank-4 elementwise ops, broadcasting, math and reductions: NumPy-computed values
//! on fixed data, properties against naive f64 index loops over random values and several
//! shapes, and the passing twins of the rank-3/4 ui-tests.
//!
//! Tolerances: elementwise results (one IEEE operation per element) must equal the reference
//! bit for bit; `max`/`min` exactly; sums, means, variances and standard deviations, which may
//! add in a different order, to a relative 1e-12 (plus 1e-12 absolute near 0).
#![allow(clippy::op_ref)] // the borrowed operand forms are under test

use crate::common;

use common::{assert_close, assert_exact};
use proptest::collection::vec;
use proptest::prelude::*;
use tensor::prelude::*;

// ---- naive references over shapes given at run time -------------------------------------

/// The row-major index of `idx` in `dims`, where an axis of size 1 is read at 0 (broadcasting).
fn flat_index(idx: &[usize], dims: &[usize]) -> usize {
    idx.iter()
        .zip(dims)
        .fold(0, |k, (&i, &d)| k * d + if d == 1 { 0 } else { i })
}

/// Every index of `dims` in row-major order.
fn indices(dims: &[usize]) -> Vec<Vec<usize>> {
    let mut all = vec![vec![]];
    for &d in dims {
        all = all
            .into_iter()
            .flat_map(|p| {
                (0..d).map(move |i| {
                    let mut q = p.clone();
                    q.push(i);
                    q
                })
            })
            .collect();
    }
    all
}

/// `f(a, b)` with NumPy broadcasting between operands of the same rank.
fn broadcast_ref(
    a: &[f64],
    da: &[usize],
    b: &[f64],
    db: &[usize],
    f: fn(f64, f64) -> f64,
) -> Vec<f64> {
    let dims: Vec<usize> = da
        .iter()
        .zip(db)
        .map(|(&x, &y)| if x == 1 { y } else { x })
        .collect();
    indices(&dims)
        .iter()
        .map(|i| f(a[flat_index(i, da)], b[flat_index(i, db)]))
        .collect()
}

/// The lanes of `a` (shape `dims`) over `axes`, one per index of the keepdims result.
fn lanes(a: &[f64], dims: &[usize], axes: &[usize]) -> Vec<Vec<f64>> {
    let out: Vec<usize> = dims
        .iter()
        .enumerate()
        .map(|(k, &d)| if axes.contains(&k) { 1 } else { d })
        .collect();
    let mut lanes = vec![vec![]; out.iter().product()];
    for i in indices(dims) {
        let k = flat_index(&i, &out);
        lanes[k].push(a[flat_index(&i, dims)]);
    }
    lanes
}

fn ref_sum(l: &[f64]) -> f64 {
    l.iter().sum()
}
fn ref_mean(l: &[f64]) -> f64 {
    ref_sum(l) / l.len() as f64
}
fn ref_var(l: &[f64]) -> f64 {
    let m = ref_mean(l);
    l.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / l.len() as f64
}
fn ref_max(l: &[f64]) -> f64 {
    l.iter().copied().fold(f64::NEG_INFINITY, common::fmax)
}
fn ref_min(l: &[f64]) -> f64 {
    l.iter().copied().fold(f64::INFINITY, common::fmin)
}

/// Checks the six reductions of one axis group against the naive lanes. Sums of `n` terms
/// are compared with the standard forward error bound `n * eps * sum(|x|)` (the order of the
/// additions differs from the reference's), the statistics with bounds derived from it, and
/// `max`/`min` exactly.
fn check_reductions(what: &str, a: &[f64], dims: &[usize], axes: &[usize], got: [Vec<f64>; 6]) {
    let l = lanes(a, dims, axes);
    let want = |f: fn(&[f64]) -> f64| l.iter().map(|x| f(x)).collect::<Vec<f64>>();
    let n = l.first().map_or(1, Vec::len).max(1) as f64;
    let largest = |f: fn(&[f64]) -> f64| l.iter().map(|x| f(x)).fold(0.0, common::fmax);
    let abs_sum = largest(|x| x.iter().map(|v| v.abs()).sum());
    let sum_tol = n * f64::EPSILON * abs_sum;
    let var_tol = 4.0
        * n
        * f64::EPSILON
        * largest(|x| x.iter().map(|v| v * v).sum::<f64>() / x.len().max(1) as f64);
    let [sum, mean, var, std, max, min] = got;
    assert_close(&format!("sum {what}"), &sum, &want(ref_sum), 0.0, sum_tol);
    assert_close(
        &format!("mean {what}"),
        &mean,
        &want(ref_mean),
        0.0,
        sum_tol / n,
    );
    assert_close(&format!("var {what}"), &var, &want(ref_var), 0.0, var_tol);
    let std_want: Vec<f64> = want(ref_var).iter().map(|v| v.sqrt()).collect();
    // |sqrt(v + d) - sqrt(v)| <= sqrt(|d|)
    assert_close(&format!("std {what}"), &std, &std_want, 0.0, var_tol.sqrt());
    assert_exact(&format!("max {what}"), &max, &want(ref_max));
    assert_exact(&format!("min {what}"), &min, &want(ref_min));
}

fn t3<const A: usize, const B: usize, const C: usize>(flat: &[f64]) -> Tensor3<f64, A, B, C> {
    assert_eq!(flat.len(), A * B * C);
    Tensor3::from_fn(|i, j, k| flat[(i * B + j) * C + k])
}

fn t4<const A: usize, const B: usize, const C: usize, const D: usize>(
    flat: &[f64],
) -> Tensor4<f64, A, B, C, D> {
    assert_eq!(flat.len(), A * B * C * D);
    Tensor4::from_fn(|n, i, j, k| flat[((n * B + i) * C + j) * D + k])
}

// ---- NumPy-computed values ----------------------------------------------------------------

/// `((np.arange(24) * 7 % 11) - 5).reshape(2, 3, 4) / 4.0`
fn a3() -> Tensor3<f64, 2, 3, 4> {
    Tensor3::from_fn(|i, j, k| (((i * 3 + j) * 4 + k) * 7 % 11) as f64 / 4.0 - 1.25)
}

/// `((np.arange(24) * 5 % 13) - 6).reshape(2, 2, 3, 2) / 8.0`
fn a4() -> Tensor4<f64, 2, 2, 3, 2> {
    Tensor4::from_fn(|n, i, j, k| ((((n * 2 + i) * 3 + j) * 2 + k) * 5 % 13) as f64 / 8.0 - 0.75)
}

#[test]
#[rustfmt::skip] // NumPy's values, compact
fn numpy_broadcasting() {
    // Values printed by NumPy 2 (`print(list((a + b).ravel()))`) for the data above and
    // b3 = (np.arange(3) + 1.0).reshape(1, 3, 1) * 0.5, c3 = (np.arange(8) - 3.5).reshape(2, 1, 4),
    // b4 = (np.arange(4) + 2.0).reshape(1, 2, 1, 2).
    let b3 = Tensor3::<f64, 1, 3, 1>::from_fn(|_, j, _| (j + 1) as f64 * 0.5);
    let c3 = Tensor3::<f64, 2, 1, 4>::from_fn(|i, _, k| (i * 4 + k) as f64 - 3.5);
    let b4 = Tensor4::<f64, 1, 2, 1, 2>::from_fn(|_, i, _, k| (i * 2 + k) as f64 + 2.0);
    let sum: Tensor3<f64, 2, 3, 4> = a3() + b3;
    assert_exact(
        "a3 + b3",
        sum.as_flat(),
        &[
            -0.75, 1.0, 0.0, 1.75, 1.25, 0.25, 2.0, 1.0, 0.5, 2.25, 1.25, 0.25, 1.0, 0.0,
            1.75, 0.75, 0.25, 2.0, 1.0, 0.0, 2.25, 1.25, 0.25, 2.0,
        ],
    );
    assert_exact(
        "a3 / c3",
        (a3() / c3).as_flat(),
        &[
            0.35714285714285715, -0.2, 0.3333333333333333, -2.5, -0.07142857142857142, 0.3,
            -0.6666666666666666, -0.0, 0.2857142857142857, -0.3, 0.16666666666666666, 2.5,
            1.0, -0.3333333333333333, 0.5, 0.07142857142857142, -1.5, 0.6666666666666666,
            0.0, -0.2857142857142857, 1.5, -0.16666666666666666, -0.5, 0.14285714285714285,
        ],
    );
    let outer: Tensor3<f64, 2, 3, 4> = &b3 - &c3; // (1, 3, 1) - (2, 1, 4)
    assert_exact(
        "b3 - c3",
        outer.as_flat(),
        &[
            4.0, 3.0, 2.0, 1.0, 4.5, 3.5, 2.5, 1.5, 5.0, 4.0, 3.0, 2.0, 0.0, -1.0, -2.0,
            -3.0, 0.5, -0.5, -1.5, -2.5, 1.0, 0.0, -1.0, -2.0,
        ],
    );
    assert_exact(
        "a4 * b4",
        (a4() * b4).as_flat(),
        &[
            -1.5, -0.375, 1.0, -1.5, 0.25, 2.25, -1.0, 1.875, -2.5, 0.0, 2.5, -1.875, 0.5,
            -2.25, -0.25, 1.5, -1.0, 0.375, 3.0, -1.25, 1.5, -3.125, 0.0, 3.125,
        ],
    );
}

#[test]
#[rustfmt::skip] // NumPy's values, compact
fn numpy_math() {
    // NumPy: 1 / (1 + np.exp(-a3)), np.clip(a3, -0.5, 0.75).
    let sigmoid = [
        0.22270013882530884, 0.6224593312018546, 0.3775406687981454, 0.7772998611746911,
        0.5621765008857981, 0.320821300824607, 0.7310585786300049, 0.5, 0.2689414213699951,
        0.679178699175393, 0.43782349911420193, 0.22270013882530884, 0.6224593312018546,
        0.3775406687981454, 0.7772998611746911, 0.5621765008857981, 0.320821300824607,
        0.7310585786300049, 0.5, 0.2689414213699951, 0.679178699175393, 0.43782349911420193,
        0.22270013882530884, 0.6224593312018546,
    ];
    assert_close(
        "sigmoid",
        a3().sigmoid().as_flat(),
        &sigmoid,
        2.0 * f64::EPSILON,
        0.0,
    );
    assert_exact(
        "clip",
        a3().clip(-0.5, 0.75).as_flat(),
        &[
            -0.5, 0.5, -0.5, 0.75, 0.25, -0.5, 0.75, 0.0, -0.5, 0.75, -0.25, -0.5, 0.5,
            -0.5, 0.75, 0.25, -0.5, 0.75, 0.0, -0.5, 0.75, -0.25, -0.5, 0.5,
        ],
    );
}

#[test]
#[rustfmt::skip] // NumPy's values, compact
fn numpy_reductions() {
    // NumPy: getattr(np, op)(a, axis=axis, keepdims=True) for each op and axis.
    let (a3, a4) = (a3(), a4());
    let cases: Vec<(&str, Vec<f64>, Vec<f64>)> = vec![
        ("sum_axis0", a3.sum_axis::<0>().as_flat().to_vec(), vec![-0.75, 0.0, 0.75, 1.5, -0.5, 0.25, 1.0, -1.0, -0.25, 0.5, -1.5, -0.75]),
        ("mean_axis0", a3.mean_axis::<0>().as_flat().to_vec(), vec![-0.375, 0.0, 0.375, 0.75, -0.25, 0.125, 0.5, -0.5, -0.125, 0.25, -0.75, -0.375]),
        ("var_axis0", a3.var_axis::<0>().as_flat().to_vec(), vec![0.765625, 0.25, 0.765625, 0.25, 0.25, 0.765625, 0.25, 0.25, 0.765625, 0.25, 0.25, 0.765625]),
        ("std_axis0", a3.std_axis::<0>().as_flat().to_vec(), vec![0.875, 0.5, 0.875, 0.5, 0.5, 0.875, 0.5, 0.5, 0.875, 0.5, 0.5, 0.875]),
        ("max_axis0", a3.max_axis::<0>().as_flat().to_vec(), vec![0.5, 0.5, 1.25, 1.25, 0.25, 1.0, 1.0, 0.0, 0.75, 0.75, -0.25, 0.5]),
        ("min_axis0", a3.min_axis::<0>().as_flat().to_vec(), vec![-1.25, -0.5, -0.5, 0.25, -0.75, -0.75, 0.0, -1.0, -1.0, -0.25, -1.25, -1.25]),
        ("sum_axis1", a3.sum_axis::<1>().as_flat().to_vec(), vec![-2.0, 0.5, 0.25, 0.0, 0.5, 0.25, 0.0, -0.25]),
        ("mean_axis1", a3.mean_axis::<1>().as_flat().to_vec(), vec![-0.6666666666666666, 0.16666666666666666, 0.08333333333333333, 0.0, 0.16666666666666666, 0.08333333333333333, 0.0, -0.08333333333333333]),
        ("var_axis1", a3.var_axis::<1>().as_flat().to_vec(), vec![0.4305555555555556, 0.4305555555555556, 0.4305555555555556, 1.0416666666666667, 0.4305555555555556, 0.4305555555555556, 1.0416666666666667, 0.4305555555555556]),
        ("std_axis1", a3.std_axis::<1>().as_flat().to_vec(), vec![0.6561673228343176, 0.6561673228343176, 0.6561673228343176, 1.0206207261596576, 0.6561673228343176, 0.6561673228343176, 1.0206207261596576, 0.6561673228343176]),
        ("max_axis1", a3.max_axis::<1>().as_flat().to_vec(), vec![0.25, 0.75, 1.0, 1.25, 0.75, 1.0, 1.25, 0.5]),
        ("min_axis1", a3.min_axis::<1>().as_flat().to_vec(), vec![-1.25, -0.75, -0.5, -1.25, -0.75, -0.5, -1.25, -1.0]),
        ("sum_axis2", a3.sum_axis::<2>().as_flat().to_vec(), vec![0.0, 0.5, -1.75, 1.5, -0.75, -0.25]),
        ("mean_axis2", a3.mean_axis::<2>().as_flat().to_vec(), vec![0.0, 0.125, -0.4375, 0.375, -0.1875, -0.0625]),
        ("var_axis2", a3.var_axis::<2>().as_flat().to_vec(), vec![0.90625, 0.390625, 0.60546875, 0.390625, 0.60546875, 0.60546875]),
        ("std_axis2", a3.std_axis::<2>().as_flat().to_vec(), vec![0.9519716382329886, 0.625, 0.7781187248742958, 0.625, 0.7781187248742958, 0.7781187248742958]),
        ("max_axis2", a3.max_axis::<2>().as_flat().to_vec(), vec![1.25, 1.0, 0.75, 1.25, 1.0, 0.75]),
        ("min_axis2", a3.min_axis::<2>().as_flat().to_vec(), vec![-1.25, -0.75, -1.25, -0.5, -1.0, -1.25]),
        ("channel_sum", a3.channel_sum().as_flat().to_vec(), vec![-1.5, 0.75, 0.25, -0.25]),
        ("channel_mean", a3.channel_mean().as_flat().to_vec(), vec![-0.25, 0.125, 0.041666666666666664, -0.041666666666666664]),
        ("channel_var", a3.channel_var().as_flat().to_vec(), vec![0.6041666666666666, 0.4322916666666667, 0.7378472222222222, 0.7378472222222222]),
        ("channel_std", a3.channel_std().as_flat().to_vec(), vec![0.7772815877574012, 0.6574889099191459, 0.858980338670346, 0.858980338670346]),
        ("channel_max", a3.channel_max().as_flat().to_vec(), vec![0.75, 1.0, 1.25, 1.25]),
        ("channel_min", a3.channel_min().as_flat().to_vec(), vec![-1.25, -0.75, -1.25, -1.25]),
        ("sum_axis0", a4.sum_axis::<0>().as_flat().to_vec(), vec![-0.5, -0.875, 0.375, 0.0, -0.375, 0.875, 0.5, 0.125, -0.25, -0.625, 0.625, 0.25]),
        ("mean_axis0", a4.mean_axis::<0>().as_flat().to_vec(), vec![-0.25, -0.4375, 0.1875, 0.0, -0.1875, 0.4375, 0.25, 0.0625, -0.125, -0.3125, 0.3125, 0.125]),
        ("var_axis0", a4.var_axis::<0>().as_flat().to_vec(), vec![0.25, 0.09765625, 0.09765625, 0.25, 0.09765625, 0.09765625, 0.25, 0.09765625, 0.25, 0.09765625, 0.09765625, 0.25]),
        ("std_axis0", a4.std_axis::<0>().as_flat().to_vec(), vec![0.5, 0.3125, 0.3125, 0.5, 0.3125, 0.3125, 0.5, 0.3125, 0.5, 0.3125, 0.3125, 0.5]),
        ("max_axis0", a4.max_axis::<0>().as_flat().to_vec(), vec![0.25, -0.125, 0.5, 0.5, 0.125, 0.75, 0.75, 0.375, 0.375, 0.0, 0.625, 0.625]),
        ("min_axis0", a4.min_axis::<0>().as_flat().to_vec(), vec![-0.75, -0.75, -0.125, -0.5, -0.5, 0.125, -0.25, -0.25, -0.625, -0.625, 0.0, -0.375]),
        ("sum_axis3", a4.sum_axis::<3>().as_flat().to_vec(), vec![-0.875, 0.0, 0.875, 0.125, -0.625, 0.25, -0.5, 0.375, -0.375, 0.5, -0.25, 0.625]),
        ("mean_axis3", a4.mean_axis::<3>().as_flat().to_vec(), vec![-0.4375, 0.0, 0.4375, 0.0625, -0.3125, 0.125, -0.25, 0.1875, -0.1875, 0.25, -0.125, 0.3125]),
        ("var_axis3", a4.var_axis::<3>().as_flat().to_vec(), vec![0.09765625, 0.25, 0.09765625, 0.09765625, 0.09765625, 0.25, 0.25, 0.09765625, 0.09765625, 0.25, 0.25, 0.09765625]),
        ("std_axis3", a4.std_axis::<3>().as_flat().to_vec(), vec![0.3125, 0.5, 0.3125, 0.3125, 0.3125, 0.5, 0.5, 0.3125, 0.3125, 0.5, 0.5, 0.3125]),
        ("max_axis3", a4.max_axis::<3>().as_flat().to_vec(), vec![-0.125, 0.5, 0.75, 0.375, 0.0, 0.625, 0.25, 0.5, 0.125, 0.75, 0.375, 0.625]),
        ("min_axis3", a4.min_axis::<3>().as_flat().to_vec(), vec![-0.75, -0.5, 0.125, -0.25, -0.625, -0.375, -0.75, -0.125, -0.5, -0.25, -0.625, 0.0]),
        ("channel_sum", a4.channel_sum().as_flat().to_vec(), vec![0.375, -0.25]),
        ("channel_mean", a4.channel_mean().as_flat().to_vec(), vec![0.03125, -0.020833333333333332]),
        ("channel_var", a4.channel_var().as_flat().to_vec(), vec![0.22428385416666666, 0.23133680555555558]),
        ("channel_std", a4.channel_std().as_flat().to_vec(), vec![0.4735861634028877, 0.4809748491922998]),
        ("channel_max", a4.channel_max().as_flat().to_vec(), vec![0.75, 0.75]),
        ("channel_min", a4.channel_min().as_flat().to_vec(), vec![-0.75, -0.75]),
    ];
    for (what, got, want) in &cases {
        assert_close(what, got, want, 1e-12, 1e-15);
    }
    assert_eq!(cases.len(), 42);
    // a.sum(), a.mean(), a.var(), a.std(), a.max(), a.min(), a.var(ddof=1)
    let whole = [
        a3.sum(),
        a3.mean(),
        a3.var(),
        a3.std(),
        a3.max(),
        a3.min(),
        a3.var_ddof(1),
    ];
    assert_close(
        "a3 whole",
        &whole,
        &[
            -0.75, -0.03125, 0.6474609375, 0.8046495743489833, 1.25, -1.25,
            0.6756114130434783,
        ],
        1e-12,
        0.0,
    );
    let whole = [a4.sum(), a4.mean(), a4.var(), a4.std(), a4.max(), a4.min()];
    assert_close(
        "a4 whole",
        &whole,
        &[
            0.125, 0.005208333333333333, 0.22848849826388887, 0.4780047052737963, 0.75,
            -0.75,
        ],
        1e-12,
        0.0,
    );
}

// ---- properties against the naive references ---------------------------------------------

/// All four operators and `maximum`/`minimum` between `a` and `b`, owned and borrowed,
/// against [`broadcast_ref`].
macro_rules! check_ops {
    ($a:expr, $da:expr, $b:expr, $db:expr) => {{
        let (a, b) = ($a, $b);
        let (fa, fb) = (a.as_flat().to_vec(), b.as_flat().to_vec());
        let r = |f: fn(f64, f64) -> f64| broadcast_ref(&fa, &$da, &fb, &$db, f);
        assert_exact("+", (a + b).as_flat(), &r(|x, y| x + y));
        assert_exact("-", (&a - b).as_flat(), &r(|x, y| x - y));
        assert_exact("*", (a * &b).as_flat(), &r(|x, y| x * y));
        assert_exact("/", (&a / &b).as_flat(), &r(|x, y| x / y));
        assert_exact("maximum", a.maximum(&b).as_flat(), &r(f64::max));
        assert_exact("minimum", a.minimum(&b).as_flat(), &r(f64::min));
    }};
}

macro_rules! broadcast_props {
    ($($name:ident: $t:ident [$($x:literal),+] with [$($y:literal),+];)*) => {$(
        proptest! {
            #[test]
            fn $name(
                a in vec(-1e3..1e3f64, 1 $(* $x)+),
                b in vec(-1e3..1e3f64, 1 $(* $y)+),
            ) {
                check_ops!($t::<$($x),+>(&a), [$($x),+], $t::<$($y),+>(&b), [$($y),+]);
                check_ops!($t::<$($y),+>(&b), [$($y),+], $t::<$($x),+>(&a), [$($x),+]);
            }
        }
    )*};
}

broadcast_props! {
    same_shape_2x3x4: t3 [2, 3, 4] with [2, 3, 4];
    per_channel_5x4x3: t3 [5, 4, 3] with [1, 1, 3];
    per_row_3x5x2: t3 [3, 5, 2] with [3, 1, 1];
    middle_axis_2x7x3: t3 [2, 7, 3] with [1, 7, 1];
    outer_4x1x6: t3 [4, 1, 6] with [1, 5, 1];
    scalar_like_3x2x9: t3 [3, 2, 9] with [1, 1, 1];
    mixed_1x3x1: t3 [1, 3, 1] with [2, 3, 5];
    wide_2x2x33: t3 [2, 2, 33] with [2, 1, 33];
    same_shape_2x2x3x2: t4 [2, 2, 3, 2] with [2, 2, 3, 2];
    per_channel_batch_3x4x4x3: t4 [3, 4, 4, 3] with [1, 1, 1, 3];
    per_image_4x2x3x2: t4 [4, 2, 3, 2] with [4, 1, 1, 1];
    alternating_2x3x2x5: t4 [2, 1, 2, 1] with [1, 3, 1, 5];
    inner_pair_2x3x4x5: t4 [2, 3, 4, 5] with [1, 3, 4, 1];
}

/// Reduction properties for the shapes listed after the tensor constructor (`t3`/`t4`) and its
/// axis groups (`"what" [axes]: the six methods;`).
macro_rules! reduction_props {
    ($t:ident $groups:tt $($name:ident: [$($d:literal),+];)*) => {$(
        proptest! {
            #[test]
            fn $name(a in vec(-1e3..1e3f64, 1 $(* $d)+)) {
                let t = $t::<$($d),+>(&a);
                let dims = [$($d),+];
                reduction_props!(@groups t, a, dims, $groups);
                let whole: Vec<usize> = (0..dims.len()).collect();
                let got = [vec![t.sum()], vec![t.mean()], vec![t.var()], vec![t.std()], vec![t.max()], vec![t.min()]];
                check_reductions("whole", &a, &dims, &whole, got);
            }
        }
    )*};
    (@groups $t:ident, $a:ident, $dims:ident, { $($what:literal [$($axis:literal),+]: $($m:ident $(<$ax:literal>)?),+;)+ }) => {
        $(check_reductions($what, &$a, &$dims, &[$($axis),+], [$($t.$m$(::<$ax>)?().as_flat().to_vec()),+]);)+
    };
}

reduction_props! {
    t3 {
        "axis 0" [0]: sum_axis<0>, mean_axis<0>, var_axis<0>, std_axis<0>, max_axis<0>, min_axis<0>;
        "axis 1" [1]: sum_axis<1>, mean_axis<1>, var_axis<1>, std_axis<1>, max_axis<1>, min_axis<1>;
        "axis 2" [2]: sum_axis<2>, mean_axis<2>, var_axis<2>, std_axis<2>, max_axis<2>, min_axis<2>;
        "channel" [0, 1]: channel_sum, channel_mean, channel_var, channel_std, channel_max, channel_min;
    }
    reductions_1x1x1: [1, 1, 1];
    reductions_2x3x4: [2, 3, 4];
    reductions_5x1x3: [5, 1, 3];
    reductions_8x8x3: [8, 8, 3];
    reductions_3x4x17: [3, 4, 17];
}

reduction_props! {
    t4 {
        "axis 0" [0]: sum_axis<0>, mean_axis<0>, var_axis<0>, std_axis<0>, max_axis<0>, min_axis<0>;
        "axis 1" [1]: sum_axis<1>, mean_axis<1>, var_axis<1>, std_axis<1>, max_axis<1>, min_axis<1>;
        "axis 2" [2]: sum_axis<2>, mean_axis<2>, var_axis<2>, std_axis<2>, max_axis<2>, min_axis<2>;
        "axis 3" [3]: sum_axis<3>, mean_axis<3>, var_axis<3>, std_axis<3>, max_axis<3>, min_axis<3>;
        "channel" [0, 1, 2]: channel_sum, channel_mean, channel_var, channel_std, channel_max, channel_min;
    }
    reductions_2x2x3x2: [2, 2, 3, 2];
    reductions_3x4x4x3: [3, 4, 4, 3];
    reductions_1x5x1x9: [1, 5, 1, 9];
}

macro_rules! elementwise_props {
    ($($name:ident: $t:ident [$($d:literal),+];)*) => {$(
        proptest! {
            #[test]
            fn $name(a in vec(-50.0..50.0f64, 1 $(* $d)+), s in -10.0..10.0f64) {
                let t = $t::<$($d),+>(&a);
                let map = |f: &dyn Fn(f64) -> f64| a.iter().map(|&x| f(x)).collect::<Vec<f64>>();
                assert_exact("sqrt", t.sqrt().as_flat(), &map(&f64::sqrt));
                // exp, ln, tanh and sigmoid are the vectorized math (within a few ulp of libm,
                // tested in tensor-core): the same values as on a flat rank-2 tensor.
                let flat = Tensor::<f64, 1, { 1 $(* $d)+ }>::from_fn(|_, j| a[j]);
                assert_exact("exp", t.exp().as_flat(), flat.exp().as_flat());
                assert_exact("ln", t.ln().as_flat(), flat.ln().as_flat());
                assert_exact("log2", t.log2().as_flat(), &map(&f64::log2));
                assert_exact("log10", t.log10().as_flat(), &map(&f64::log10));
                assert_exact("sin", t.sin().as_flat(), &map(&f64::sin));
                assert_exact("cos", t.cos().as_flat(), &map(&f64::cos));
                assert_exact("tanh", t.tanh().as_flat(), flat.tanh().as_flat());
                assert_exact("sigmoid", t.sigmoid().as_flat(), flat.sigmoid().as_flat());
                assert_exact("square", t.square().as_flat(), &map(&|x| x * x));
                assert_exact("abs", t.abs().as_flat(), &map(&f64::abs));
                assert_exact("powi", t.powi(3).as_flat(), &map(&|x| x.powi(3)));
                assert_exact("powf", t.powf(0.5).as_flat(), &map(&|x| x.powf(0.5)));
                assert_exact("log", t.log(3.0).as_flat(), &map(&|x| x.log(3.0)));
                assert_exact("relu", t.relu().as_flat(), &map(&|x| x.max(0.0)));
                assert_exact("clip", t.clip(-s.abs(), s.abs()).as_flat(), &map(&|x| x.clamp(-s.abs(), s.abs())));
                assert_exact("neg", (-t).as_flat(), &map(&|x| -x));
                assert_exact("neg ref", (-&t).as_flat(), &map(&|x| -x));
                assert_exact("a + s", (t + s).as_flat(), &map(&|x| x + s));
                assert_exact("&a - s", (&t - s).as_flat(), &map(&|x| x - s));
                assert_exact("a * s", (t * s).as_flat(), &map(&|x| x * s));
                assert_exact("a / s", (t / s).as_flat(), &map(&|x| x / s));
                assert_exact("s + a", (s + t).as_flat(), &map(&|x| s + x));
                assert_exact("s - &a", (s - &t).as_flat(), &map(&|x| s - x));
                assert_exact("s * a", (s * t).as_flat(), &map(&|x| s * x));
                assert_exact("s / a", (s / t).as_flat(), &map(&|x| s / x));
                let mut u = t;
                u += s;
                u *= &t;
                u -= t;
                u /= s;
                assert_exact("in place", u.as_flat(), &map(&|x| ((x + s) * x - x) / s));
            }
        }
    )*};
}

elementwise_props! {
    elementwise_2x3x4: t3 [2, 3, 4];
    elementwise_1x1x7: t3 [1, 1, 7];
    elementwise_2x2x3x2: t4 [2, 2, 3, 2];
    elementwise_3x1x4x5: t4 [3, 1, 4, 5];
}

// ---- IEEE, integers, edge cases ---------------------------------------------------------------

#[test]
fn nan_propagates_through_axis_reductions_and_broadcasting() {
    let mut t = Tensor3::<f64, 2, 2, 3>::arange();
    t[(1, 0, 2)] = f64::NAN;
    let max = t.channel_max();
    assert!(max[(0, 0, 2)].is_nan());
    assert_eq!((max[(0, 0, 0)], max[(0, 0, 1)]), (9.0, 10.0));
    assert!(t.sum_axis::<2>()[(1, 0, 0)].is_nan());
    assert_eq!(t.sum_axis::<2>()[(1, 1, 0)], 9.0 + 10.0 + 11.0);
    assert!(t.min_axis::<0>()[(0, 0, 2)].is_nan());
    let inf = Tensor3::<f64, 1, 1, 3>::from_array([[[f64::INFINITY, 0.0, -1.0]]]);
    let q = t / inf;
    assert_eq!(q[(0, 0, 0)], 0.0);
    assert_eq!(q[(0, 0, 1)], f64::INFINITY);
    assert!(q[(0, 0, 0)].is_sign_positive());
}

#[test]
fn explicit_broadcast_matches_operator_broadcasting() {
    let t = Tensor4::<i64, 2, 3, 4, 5>::arange();
    let s = Tensor4::<i64, 1, 3, 1, 5>::from_fn(|_, i, _, k| (i * 10 + k) as i64);
    assert_eq!(t + s, t + s.broadcast::<2, 3, 4, 5>());
    assert_eq!(
        s.broadcast::<2, 3, 4, 5>(),
        Tensor4::from_fn(|_, i, _, k| (i * 10 + k) as i64)
    );
    let c = Tensor3::<i64, 1, 1, 3>::from_array([[[1, 2, 3]]]);
    assert_eq!(c.broadcast::<2, 2, 3>()[(1, 1, 2)], 3);
    assert_eq!(t.broadcast::<2, 3, 4, 5>(), t);
}

#[test]
fn integer_tensors() {
    let t = Tensor3::<i64, 2, 3, 4>::arange();
    assert_eq!(t.sum(), 276);
    assert_eq!(
        t.sum_axis::<1>(),
        Tensor3::from_fn(|i, _, k| (0..3).map(|j| (i * 12 + j * 4 + k) as i64).sum())
    );
    assert_eq!(
        t.max_axis::<2>(),
        Tensor3::from_fn(|i, j, _| (i * 12 + j * 4 + 3) as i64)
    );
    assert_eq!(t.channel_min(), Tensor3::from_array([[[0, 1, 2, 3]]]));
    assert_eq!((t * 2 - t).abs(), t);
    assert_eq!(
        10 - t,
        Tensor3::from_fn(|i, j, k| 10 - (i * 12 + j * 4 + k) as i64)
    );
    assert_eq!(t.clip(3, 5).channel_max(), Tensor3::full(5));
    assert_eq!((-t).relu(), Tensor3::zeros());
    let b = Tensor4::<u8, 2, 1, 1, 3>::arange() + Tensor4::<u8, 1, 2, 2, 1>::full(10);
    assert_eq!(b.shape(), (2, 2, 2, 3));
    assert_eq!(b[(1, 1, 0, 2)], 15);
    assert_eq!(Tensor4::<i64, 2, 2, 3, 2>::full(3).prod(), 3i64.pow(24));
}

#[test]
fn empty_axes() {
    let t = Tensor3::<f64, 0, 3, 2>::zeros();
    assert_eq!(t.sum(), 0.0);
    assert!(t.mean().is_nan());
    assert_eq!(t.sum_axis::<0>(), Tensor3::<f64, 1, 3, 2>::zeros());
    assert!(t.mean_axis::<0>().iter().all(|x| x.is_nan()));
    assert_eq!(t.max_axis::<1>().shape(), (0, 1, 2)); // empty result: no panic, as in NumPy
    let s = t + Tensor3::<f64, 1, 3, 1>::ones();
    assert_eq!(s.shape(), (0, 3, 2));
}

#[test]
#[should_panic(expected = "max_axis of an empty tensor of shape (0, 3, 2)")]
fn max_over_an_empty_axis_panics_with_the_shape() {
    let _ = Tensor3::<f64, 0, 3, 2>::zeros().max_axis::<0>();
}

#[test]
#[should_panic(expected = "min of an empty tensor of shape (2, 0, 1, 1)")]
fn min_of_an_empty_tensor_panics_with_the_shape() {
    let _ = Tensor4::<f64, 2, 0, 1, 1>::zeros().min();
}

// ---- the image use cases and the passing twins of the ui-tests ----------------------------

#[test]
fn per_channel_normalisation_of_an_image_and_a_batch() {
    let img = Tensor3::<f64, 6, 5, 3>::from_fn(|i, j, c| {
        ((i * 5 + j) as f64).sin() * (c + 1) as f64 + c as f64
    });
    let z = (img - img.channel_mean()) / img.channel_std();
    assert_close("mean", z.channel_mean().as_flat(), &[0.0; 3], 0.0, 1e-14);
    assert_close("std", z.channel_std().as_flat(), &[1.0; 3], 1e-14, 0.0);
    // The same as two single-axis means, NumPy's a.mean(axis=(0, 1), keepdims=True).
    assert_close(
        "two steps",
        img.mean_axis::<0>().mean_axis::<1>().as_flat(),
        img.channel_mean().as_flat(),
        1e-14,
        1e-14,
    );

    let batch = Tensor4::<f32, 4, 3, 3, 2>::from_fn(|n, i, j, c| {
        (n * 9 + i * 3 + j) as f32 * (c as f32 + 0.5)
    });
    let z = (batch - batch.channel_mean()) / batch.channel_std();
    let f = |t: &[f32]| t.iter().map(|&x| x as f64).collect::<Vec<_>>();
    assert_close(
        "batch mean",
        &f(z.channel_mean().as_flat()),
        &[0.0; 2],
        0.0,
        1e-6,
    );
    assert_close(
        "batch std",
        &f(z.channel_std().as_flat()),
        &[1.0; 2],
        1e-6,
        0.0,
    );
}

/// Passing twins of the rank-3/4 ui-tests, with the result types written out.
#[test]
fn compatible_rank3_and_rank4_shapes_compile() {
    let img = Tensor3::<f32, 4, 4, 3>::ones();
    let per_channel = Tensor3::<f32, 1, 1, 3>::full(2.0);
    let normalised: Tensor3<f32, 4, 4, 3> = img - per_channel; // twin of broadcast-channel-mismatch
    assert_eq!(normalised, Tensor3::full(-1.0));
    let batch = Tensor4::<f32, 8, 4, 4, 3>::ones();
    let scaled: Tensor4<f32, 8, 4, 4, 3> = batch * Tensor4::<f32, 1, 1, 1, 3>::full(3.0);
    assert_eq!(scaled.sum(), 3.0 * 384.0);
    let (a, b) = (
        Tensor3::<f64, 2, 3, 4>::ones(),
        Tensor3::<f64, 2, 3, 4>::ones(),
    );
    let sum: Tensor3<f64, 2, 3, 4> = &a + &b; // twin of rank3-op-shape-mismatch
    assert_eq!(sum, Tensor3::full(2.0));
    let mut acc = img;
    acc += Tensor3::<f32, 4, 4, 3>::ones(); // twin of rank3-add-assign-wrong-shape
    acc = acc + Tensor3::<f32, 1, 1, 3>::ones(); // broadcasting: the operator, not `+=`
    assert_eq!(acc, Tensor3::full(3.0));
    let gray: Tensor3<f32, 4, 4, 1> = img.mean_axis::<2>().reshape(); // twin of reduction-nd-wrong-shape
    assert_eq!(gray, Tensor3::ones());
    let full: Tensor3<f32, 4, 4, 3> = per_channel.broadcast::<4, 4, 3>(); // twin of broadcast-to-rank3-wrong-shape
    let mut in_place = img;
    in_place -= &full;
    in_place += &per_channel.broadcast(); // the target shape is inferred
    in_place -= &per_channel.broadcast();
    assert_eq!(in_place, img - per_channel);
    let mean = Tensor::<f32, 1, 3>::ones();
    let centred: Tensor3<f32, 4, 4, 3> = img - mean.reshape::<Tensor3<_, 1, 1, 3>>(); // twin of mixed-rank-operands
    assert_eq!(centred, Tensor3::zeros());
}
