//! Reductions against NumPy golden values (`reductions.json`, every case) and naive f64
//! loops over random values and several shapes; NaN/inf propagation, integer overflow, `dot`.
//!
//! Tolerances: `min`, `max`, `argmin`, `argmax` and integer reductions exact. Sums (and
//! `mean`, `dot`) may add in a different order from the reference: error bound
//! `2 * n * EPSILON * sum(|x|)`. Against NumPy: relative 1e-12 (plus 1e-13 absolute near 0).
#![allow(clippy::op_ref)] // the borrowed operand forms are under test

use crate::common;

use common::{assert_close, assert_exact, golden, mat};
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;
use tensor::prelude::*;

fn tensor_from<const R: usize, const C: usize>(flat: &[f64]) -> Tensor<f64, R, C> {
    assert_eq!(flat.len(), R * C);
    Tensor::from_fn(|i, j| flat[i * C + j])
}

fn idx<S: tensor::shape::Dims>(t: tensor::Array<usize, S>) -> Vec<f64> {
    t.iter().map(|&i| i as f64).collect()
}

fn check_case<const R: usize, const C: usize>(case: &Value) {
    let (_, _, a) = mat(&case["a"]);
    let x = tensor_from::<R, C>(&a);
    let op = case["op"].as_str().unwrap();
    let ddof = case.get("ddof").and_then(Value::as_u64).unwrap_or(0) as usize;
    let axis = case["axis"].as_u64();
    let got: Vec<f64> = match (op, axis) {
        ("sum", None) => vec![x.sum()],
        ("sum", Some(0)) => x.sum_axis::<0>().as_flat().to_vec(),
        ("sum", Some(1)) => x.sum_axis::<1>().as_flat().to_vec(),
        ("mean", None) => vec![x.mean()],
        ("mean", Some(0)) => x.mean_axis::<0>().as_flat().to_vec(),
        ("mean", Some(1)) => x.mean_axis::<1>().as_flat().to_vec(),
        ("min", None) => vec![x.min()],
        ("min", Some(0)) => x.min_axis::<0>().as_flat().to_vec(),
        ("min", Some(1)) => x.min_axis::<1>().as_flat().to_vec(),
        ("max", None) => vec![x.max()],
        ("max", Some(0)) => x.max_axis::<0>().as_flat().to_vec(),
        ("max", Some(1)) => x.max_axis::<1>().as_flat().to_vec(),
        ("prod", None) => vec![x.prod()],
        ("prod", Some(0)) => x.prod_axis::<0>().as_flat().to_vec(),
        ("prod", Some(1)) => x.prod_axis::<1>().as_flat().to_vec(),
        ("var", None) => vec![x.var_ddof(ddof)],
        ("var", Some(0)) => x.var_axis_ddof::<0>(ddof).as_flat().to_vec(),
        ("var", Some(1)) => x.var_axis_ddof::<1>(ddof).as_flat().to_vec(),
        ("std", None) => vec![x.std_ddof(ddof)],
        ("std", Some(0)) => x.std_axis_ddof::<0>(ddof).as_flat().to_vec(),
        ("std", Some(1)) => x.std_axis_ddof::<1>(ddof).as_flat().to_vec(),
        ("argmin", None) => vec![x.argmin() as f64],
        ("argmin", Some(0)) => idx(x.argmin_axis::<0>()),
        ("argmin", Some(1)) => idx(x.argmin_axis::<1>()),
        ("argmax", None) => vec![x.argmax() as f64],
        ("argmax", Some(0)) => idx(x.argmax_axis::<0>()),
        ("argmax", Some(1)) => idx(x.argmax_axis::<1>()),
        other => panic!("unexpected case {other:?}"),
    };
    let want = match axis {
        None => vec![case["out"].as_f64().expect("a number")],
        Some(_) => mat(&case["out"]).2,
    };
    let what = format!("{op} axis={axis:?} ddof={ddof} of {R}x{C}");
    if op.starts_with("arg") || op == "min" || op == "max" {
        assert_exact(&what, &got, &want);
    } else {
        assert_close(&what, &got, &want, 1e-12, 1e-13);
    }
    // The no-ddof spellings agree with ddof = 0.
    if ddof == 0 && (op == "var" || op == "std") {
        let plain: Vec<f64> = match (op, axis) {
            ("var", None) => vec![x.var()],
            ("var", Some(0)) => x.var_axis::<0>().as_flat().to_vec(),
            ("var", _) => x.var_axis::<1>().as_flat().to_vec(),
            ("std", None) => vec![x.std()],
            ("std", Some(0)) => x.std_axis::<0>().as_flat().to_vec(),
            _ => x.std_axis::<1>().as_flat().to_vec(),
        };
        assert_exact(&what, &plain, &got);
    }
}

#[test]
fn golden_reduction_cases() {
    let cases = golden("reductions.json");
    for case in &cases {
        let (r, c, _) = mat(&case["a"]);
        match (r, c) {
            (1, 1) => check_case::<1, 1>(case),
            (1, 7) => check_case::<1, 7>(case),
            (3, 4) => check_case::<3, 4>(case),
            (5, 3) => check_case::<5, 3>(case),
            (6, 6) => check_case::<6, 6>(case),
            (100, 5) => check_case::<100, 5>(case),
            other => panic!("unexpected shape {other:?}"),
        }
    }
    assert_eq!(
        cases.len(),
        166,
        "the golden file changed: review the cases"
    );
}

/// `|got - want| <= 2 * n * EPSILON * bound`, the error bound of a sum in any order.
fn sum_close(got: f64, want: f64, n: usize, bound: f64) -> bool {
    (got - want).abs() <= 2.0 * n as f64 * f64::EPSILON * bound + f64::MIN_POSITIVE
}

fn naive_var(xs: &[f64], ddof: usize) -> f64 {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - ddof as f64)
}

/// The first index of the largest (or smallest) value, by a plain loop.
fn naive_arg(xs: &[f64], larger: bool) -> usize {
    let mut best = 0;
    for (i, &x) in xs.iter().enumerate() {
        if (larger && x > xs[best]) || (!larger && x < xs[best]) {
            best = i;
        }
    }
    best
}

macro_rules! reduction_props {
    ($($name:ident: $r:literal x $c:literal;)*) => {$(
        proptest! {
            #[test]
            fn $name(a in vec(-100.0..100.0f64, $r * $c), b in vec(-100.0..100.0f64, $r * $c)) {
                let x = tensor_from::<$r, $c>(&a);
                let n = a.len();
                let abs_sum: f64 = a.iter().map(|v| v.abs()).sum();
                prop_assert!(sum_close(x.sum(), a.iter().sum(), n, abs_sum));
                prop_assert!(sum_close(x.mean() * n as f64, a.iter().sum(), n, abs_sum));
                prop_assert_eq!(x.max(), a.iter().copied().fold(f64::NEG_INFINITY, common::fmax));
                prop_assert_eq!(x.min(), a.iter().copied().fold(f64::INFINITY, common::fmin));
                prop_assert_eq!(x.argmax(), naive_arg(&a, true));
                prop_assert_eq!(x.argmin(), naive_arg(&a, false));
                let var = naive_var(&a, 0);
                prop_assert!((x.var() - var).abs() <= 1e-12 * var + 1e-12);
                if n > 1 {
                    let v1 = naive_var(&a, 1);
                    prop_assert!((x.std_ddof(1) - v1.sqrt()).abs() <= 1e-12 * v1.sqrt() + 1e-12);
                }
                let sq: f64 = a.iter().map(|v| v * v).sum();
                prop_assert!((x.norm() - sq.sqrt()).abs() <= 2.0 * n as f64 * f64::EPSILON * sq.sqrt());
                let small: Vec<f64> = a.iter().map(|v| 1.0 + v / 1000.0).collect();
                let p = tensor_from::<$r, $c>(&small).prod();
                let want_p: f64 = small.iter().product();
                prop_assert!((p - want_p).abs() <= 4.0 * n as f64 * f64::EPSILON * want_p.abs());
                // Per axis, against per-column and per-row loops.
                let (s0, m0, v0, mx0, am0) =
                    (x.sum_axis::<0>(), x.mean_axis::<0>(), x.var_axis::<0>(), x.max_axis::<0>(), x.argmin_axis::<0>());
                for j in 0..$c {
                    let col: Vec<f64> = (0..$r).map(|i| a[i * $c + j]).collect();
                    let bound: f64 = col.iter().map(|v| v.abs()).sum();
                    prop_assert!(sum_close(s0[(0, j)], col.iter().sum(), $r, bound));
                    prop_assert!(sum_close(m0[(0, j)] * $r as f64, col.iter().sum(), $r, bound));
                    let cv = naive_var(&col, 0);
                    prop_assert!((v0[(0, j)] - cv).abs() <= 1e-12 * cv + 1e-12);
                    prop_assert_eq!(mx0[(0, j)], col.iter().copied().fold(f64::NEG_INFINITY, common::fmax));
                    prop_assert_eq!(am0[(0, j)], naive_arg(&col, false));
                }
                let (s1, m1, sd1, mn1, am1) =
                    (x.sum_axis::<1>(), x.mean_axis::<1>(), x.std_axis::<1>(), x.min_axis::<1>(), x.argmax_axis::<1>());
                for i in 0..$r {
                    let row = &a[i * $c..(i + 1) * $c];
                    let bound: f64 = row.iter().map(|v| v.abs()).sum();
                    prop_assert!(sum_close(s1[(i, 0)], row.iter().sum(), $c, bound));
                    prop_assert!(sum_close(m1[(i, 0)] * $c as f64, row.iter().sum(), $c, bound));
                    let rs = naive_var(row, 0).sqrt();
                    prop_assert!((sd1[(i, 0)] - rs).abs() <= 1e-12 * rs + 1e-12);
                    prop_assert_eq!(mn1[(i, 0)], row.iter().copied().fold(f64::INFINITY, common::fmin));
                    prop_assert_eq!(am1[(i, 0)], naive_arg(row, true));
                }
                let (p0, p1) = (x.prod_axis::<0>().prod(), x.prod_axis::<1>().prod());
                prop_assert!((p0 - p1).abs() <= 4.0 * n as f64 * f64::EPSILON * p0.abs());
                // dot of the flattened tensors.
                let u: Vector<f64, { $r * $c }> = x.flatten();
                let w: Vector<f64, { $r * $c }> = tensor_from::<$r, $c>(&b).flatten();
                let exact: f64 = a.iter().zip(&b).map(|(p, q)| p * q).sum();
                let bound: f64 = a.iter().zip(&b).map(|(p, q)| (p * q).abs()).sum();
                prop_assert!(sum_close(u.dot(&w), exact, n, bound));
            }
        }
    )*};
}

reduction_props! {
    reduce_1x1: 1 x 1;
    reduce_2x3: 2 x 3;
    reduce_7x1: 7 x 1;
    reduce_1x13: 1 x 13;
    reduce_9x17: 9 x 17;
    reduce_32x5: 32 x 5;
}

proptest! {
    #[test]
    fn integer_reductions_are_exact(a in vec(-1000..1000i64, 24)) {
        let x: Tensor<i64, 4, 6> = Tensor::from_fn(|i, j| a[i * 6 + j]);
        prop_assert_eq!(x.sum(), a.iter().sum::<i64>());
        prop_assert_eq!(x.max(), *a.iter().max().unwrap());
        prop_assert_eq!(x.min(), *a.iter().min().unwrap());
        prop_assert_eq!(x.sum_axis::<0>().sum(), x.sum());
        prop_assert_eq!(x.sum_axis::<1>().sum(), x.sum());
        let first_max = a.iter().position(|v| v == a.iter().max().unwrap()).unwrap();
        prop_assert_eq!(x.argmax(), first_max);
        let small = x.clip(-3, 3);
        let want: i64 = small.iter().product();
        prop_assert_eq!(small.prod(), want);
    }
}

#[test]
fn nan_propagates_through_reductions_like_numpy() {
    let x = tensor![[1.0, f64::NAN, 3.0], [4.0, 5.0, f64::NAN]];
    assert!(x.sum().is_nan() && x.mean().is_nan() && x.var().is_nan() && x.norm().is_nan());
    assert!(x.max().is_nan() && x.min().is_nan() && x.prod().is_nan());
    assert_eq!(x.argmax(), 1); // the first NaN, as np.argmax
    assert_eq!(x.argmin(), 1);
    assert_eq!(x.argmax_axis::<0>(), tensor![1, 0, 1]);
    assert_eq!(x.argmin_axis::<1>(), tensor![[1], [2]]);
    let m0 = x.max_axis::<0>();
    assert_eq!(m0[0], 4.0);
    assert!(m0[1].is_nan() && m0[2].is_nan());
    let s1 = x.sum_axis::<1>();
    assert!(s1[(0, 0)].is_nan() && s1[(1, 0)].is_nan());
    // NaN in the first position, and after a larger value.
    assert_eq!(tensor![f64::NAN, 9.0].argmax(), 0);
    assert_eq!(tensor![9.0, 1.0, f64::NAN].argmin(), 2);
    assert!(tensor![f64::NAN, 9.0].max().is_nan());
}

#[test]
fn infinities_follow_ieee() {
    let x = tensor![1.0, f64::INFINITY, -2.0];
    assert_eq!(x.sum(), f64::INFINITY);
    assert_eq!(x.max(), f64::INFINITY);
    assert_eq!(x.argmax(), 1);
    assert!(x.var().is_nan()); // inf - inf
    assert!(tensor![f64::INFINITY, f64::NEG_INFINITY].sum().is_nan());
    assert!(tensor![f64::NEG_INFINITY, 0.0].prod().is_nan()); // -inf * 0
    assert_eq!(tensor![1e200, 1e200].norm(), f64::INFINITY); // no scaling, as np.linalg.norm
}

#[test]
fn ddof_at_or_beyond_the_count_gives_inf_or_nan_like_numpy() {
    let x = tensor![1.0, 3.0];
    assert_eq!(x.var_ddof(2), f64::INFINITY); // 2 / 0
    assert_eq!(x.var_ddof(5), f64::INFINITY); // n - ddof floored at 0
    assert!(tensor![2.0f64, 2.0].var_ddof(2).is_nan()); // 0 / 0
    assert_eq!(x.std_ddof(1), 2f64.sqrt());
}

#[test]
fn empty_tensors() {
    let e = Tensor::<f64, 0, 3>::zeros();
    assert_eq!(e.sum(), 0.0);
    assert_eq!(e.prod(), 1.0);
    assert!(e.mean().is_nan());
    assert_eq!(e.sum_axis::<0>(), Tensor::zeros());
    assert_eq!(
        Tensor::<i32, 2, 0>::zeros().sum_axis::<1>(),
        Tensor::zeros()
    );
}

#[test]
#[should_panic(expected = "max of an empty tensor of shape (0, 3)")]
fn max_of_an_empty_tensor_panics() {
    let _ = Tensor::<f64, 0, 3>::zeros().max();
}

#[test]
#[should_panic(expected = "argmin of an empty tensor of shape (2, 0)")]
fn argmin_of_an_empty_tensor_panics() {
    let _ = Tensor::<f64, 2, 0>::zeros().argmin();
}

#[test]
#[cfg_attr(
    debug_assertions,
    should_panic(expected = "attempt to add with overflow")
)]
fn integer_sum_overflow_panics_in_debug_and_wraps_in_release() {
    let x = Tensor::from([i32::MAX, 1, 1]);
    assert_eq!(x.sum(), i32::MIN + 1);
}

#[test]
fn dot_of_vectors() {
    assert_eq!(tensor![1, 2, 3].dot(&tensor![4, 5, 6]), 32);
    let v = Vector::<f32, 100>::ones();
    assert_eq!(v.dot(&v), 100.0);
    assert!(tensor![1.0, f64::NAN].dot(&tensor![1.0, 1.0]).is_nan());
}

/// Passing twin of ui-tests/reduction-wrong-shape.rs: keepdims shapes in the type.
#[test]
fn reductions_have_keepdims_shapes() {
    let m = Tensor::<f32, 3, 2>::ones();
    let col_sums: RowVector<f32, 2> = m.sum_axis::<0>();
    let row_sums: ColVector<f32, 3> = m.sum_axis::<1>();
    let arg: RowVector<usize, 2> = m.argmax_axis::<0>();
    assert_eq!(col_sums, Tensor::full(3.0));
    assert_eq!(row_sums, Tensor::full(2.0));
    assert_eq!(arg, Tensor::zeros());
    // ...so that they broadcast back.
    assert_eq!(m - m.mean_axis::<0>(), Tensor::zeros());
    assert_eq!(m / m.sum_axis::<1>(), Tensor::full(0.5));
}

/// NumPy's statistics of integer arrays are `float64`: `mean_f64`, `var_f64`, ... Expected
/// values are NumPy's printed output for `a = np.array([[1, 2, 3], [4, 5, 6]])` and
/// `b = np.array([-3, -1, 0, 7], dtype=np.int8)`.
#[test]
fn integer_statistics_are_float64_as_in_numpy() {
    let a = tensor![[1, 2, 3], [4, 5, 6]];
    assert_eq!(a.mean_f64(), 3.5); // a.mean()
    assert_eq!(a.var_f64(), 2.9166666666666665); // a.var()
    assert_eq!(a.std_f64(), 1.707825127659933); // a.std()
    assert_eq!(a.var_ddof_f64(1), 3.5); // a.var(ddof=1)
    assert_eq!(a.std_ddof_f64(1), 1.8708286933869707); // a.std(ddof=1)
    // a.mean(axis=0, keepdims=True), a.mean(axis=1, keepdims=True)
    assert_eq!(a.mean_axis_f64::<0>(), tensor![[2.5, 3.5, 4.5]]);
    assert_eq!(a.mean_axis_f64::<1>(), tensor![[2.0], [5.0]]);
    // a.var(axis=0, keepdims=True), a.std(axis=1, keepdims=True)
    assert_eq!(a.var_axis_f64::<0>(), tensor![[2.25, 2.25, 2.25]]);
    assert_eq!(
        a.std_axis_f64::<1>(),
        tensor![[0.816496580927726], [0.816496580927726]]
    );
    let b = tensor![-3i8, -1, 0, 7];
    assert_eq!(b.mean_f64(), 0.75);
    assert_eq!(b.var_f64(), 14.1875);
    assert_eq!(b.var_ddof_f64(1), 18.916666666666668);
    assert_eq!(b.std_ddof_f64(1), 4.349329450233296);
    // rank 3, unsigned: np.arange(24, dtype=np.uint16).reshape(2, 3, 4).mean() -> 11.5
    let c = Tensor3::<u16, 2, 3, 4>::arange();
    assert_eq!(c.mean_f64(), 11.5);
    assert_eq!(c.mean_axis_f64::<0>().as_flat()[..3], [6.0, 7.0, 8.0]);
    // integers beyond 2^53 round on conversion, as NumPy's:
    // np.array([2**53, 2**53 + 1]).mean() -> 9007199254740992.0
    let big = tensor![1i64 << 53, (1i64 << 53) + 1];
    assert_eq!(big.mean_f64(), 9007199254740992.0);
    // the same as converting first
    assert_eq!(a.var_f64(), a.map(f64::from).var());
}
