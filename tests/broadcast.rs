//! Broadcasting arithmetic: NumPy golden values (`broadcast.json`, every case), properties
//! against a naive f64 reference over several shapes, the seed's one-line challenges, and the
//! passing twins of the broadcast ui-tests.
//!
//! Tolerance: one IEEE operation per element, so results must equal NumPy's bit for bit
//! (NaN equal to NaN); the reductions inside the challenges are compared with 1e-12.
#![allow(clippy::op_ref)] // the borrowed operand forms are under test

use crate::common;

use core::ops::{Add, Div, Mul, Sub};

use common::{assert_close, assert_exact, golden, mat, num};
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;
use tensor::prelude::*;

/// `f(a, b)` with NumPy broadcasting, computed naively with explicit index mapping.
fn reference(
    a: &[f64],
    (ra, ca): (usize, usize),
    b: &[f64],
    (rb, cb): (usize, usize),
    f: fn(f64, f64) -> f64,
) -> Vec<f64> {
    let (r, c) = (ra.max(rb), ca.max(cb));
    let mut out = Vec::with_capacity(r * c);
    for i in 0..r {
        for j in 0..c {
            let x = a[(if ra == 1 { 0 } else { i }) * ca + if ca == 1 { 0 } else { j }];
            let y = b[(if rb == 1 { 0 } else { i }) * cb + if cb == 1 { 0 } else { j }];
            out.push(f(x, y));
        }
    }
    out
}

fn tensor_from<const R: usize, const C: usize>(flat: &[f64]) -> Tensor<f64, R, C> {
    assert_eq!(flat.len(), R * C);
    Tensor::from_fn(|i, j| flat[i * C + j])
}

/// Checks one golden case between tensors of shapes `R x C` and `R2 x C2`, in all four
/// owned/borrowed operand forms; the result type must be `RO x CO`.
fn check_pair<
    const R: usize,
    const C: usize,
    const R2: usize,
    const C2: usize,
    const RO: usize,
    const CO: usize,
>(
    case: &Value,
) where
    Tensor<f64, R, C>: Add<Tensor<f64, R2, C2>, Output = Tensor<f64, RO, CO>>
        + Sub<Tensor<f64, R2, C2>, Output = Tensor<f64, RO, CO>>
        + Mul<Tensor<f64, R2, C2>, Output = Tensor<f64, RO, CO>>
        + Div<Tensor<f64, R2, C2>, Output = Tensor<f64, RO, CO>>,
    for<'a, 'b> &'a Tensor<f64, R, C>: Add<&'b Tensor<f64, R2, C2>, Output = Tensor<f64, RO, CO>>
        + Sub<&'b Tensor<f64, R2, C2>, Output = Tensor<f64, RO, CO>>
        + Mul<&'b Tensor<f64, R2, C2>, Output = Tensor<f64, RO, CO>>
        + Div<&'b Tensor<f64, R2, C2>, Output = Tensor<f64, RO, CO>>,
{
    let (_, _, a) = mat(&case["a"]);
    let (_, _, b) = mat(&case["b"]);
    let (ro, co, want) = mat(&case["out"]);
    assert_eq!((ro, co), (RO, CO));
    let (x, y) = (tensor_from::<R, C>(&a), tensor_from::<R2, C2>(&b));
    let op = case["op"].as_str().unwrap();
    let (owned, borrowed) = match op {
        "add" => (x + y, &x + &y),
        "sub" => (x - y, &x - &y),
        "mul" => (x * y, &x * &y),
        "div" => (x / y, &x / &y),
        other => panic!("unexpected op {other}"),
    };
    let what = format!("{op} {R}x{C} with {R2}x{C2}");
    assert_exact(&what, owned.as_flat(), &want);
    assert_exact(&what, borrowed.as_flat(), &want);
}

/// Checks a `_scalar` golden case (`a op s`), and `s op a` against the naive reference.
fn check_scalar<const R: usize, const C: usize>(case: &Value) {
    let (_, _, a) = mat(&case["a"]);
    let s = num(&case["b"]);
    let (_, _, want) = mat(&case["out"]);
    let x = tensor_from::<R, C>(&a);
    let op = case["op"].as_str().unwrap();
    let (got, got_ref, flipped, f): (_, _, _, fn(f64, f64) -> f64) = match op {
        "add_scalar" => (x + s, &x + s, s + x, |p, q| p + q),
        "sub_scalar" => (x - s, &x - s, s - x, |p, q| p - q),
        "mul_scalar" => (x * s, &x * s, s * x, |p, q| p * q),
        "div_scalar" => (x / s, &x / s, s / x, |p, q| p / q),
        other => panic!("unexpected op {other}"),
    };
    assert_exact(op, got.as_flat(), &want);
    assert_exact(op, got_ref.as_flat(), &want);
    let want_flipped: Vec<f64> = a.iter().map(|&v| f(s, v)).collect();
    assert_exact(op, flipped.as_flat(), &want_flipped);
    let mut in_place = x;
    match op {
        "add_scalar" => in_place += s,
        "sub_scalar" => in_place -= s,
        "mul_scalar" => in_place *= s,
        _ => in_place /= s,
    }
    assert_exact(op, in_place.as_flat(), &want);
}

#[test]
fn golden_broadcast_cases() {
    let cases = golden("broadcast.json");
    let mut checked = 0;
    for case in &cases {
        let op = case["op"].as_str().unwrap();
        let (ra, ca, a) = mat(&case["a"]);
        if op.ends_with("_scalar") {
            match (ra, ca) {
                (3, 4) => check_scalar::<3, 4>(case),
                (5, 2) => check_scalar::<5, 2>(case),
                (1, 6) => check_scalar::<1, 6>(case),
                (6, 1) => check_scalar::<6, 1>(case),
                other => panic!("unexpected shape {other:?}"),
            }
        } else if op == "normalize_columns" {
            let x = tensor_from::<100, 5>(&a);
            let z = (x - x.mean_axis::<0>()) / x.std_axis::<0>();
            assert_close(op, z.as_flat(), &mat(&case["out"]).2, 1e-12, 1e-12);
        } else if op == "center_rows" {
            let m = tensor_from::<3, 3>(&a);
            let centred = m - m.mean_axis::<1>();
            assert_close(op, centred.as_flat(), &mat(&case["out"]).2, 1e-12, 1e-14);
        } else {
            let (rb, cb, _) = mat(&case["b"]);
            match ((ra, ca), (rb, cb)) {
                ((3, 4), (1, 4)) => check_pair::<3, 4, 1, 4, 3, 4>(case),
                ((3, 4), (3, 1)) => check_pair::<3, 4, 3, 1, 3, 4>(case),
                ((3, 4), (1, 1)) => check_pair::<3, 4, 1, 1, 3, 4>(case),
                ((1, 4), (3, 4)) => check_pair::<1, 4, 3, 4, 3, 4>(case),
                ((3, 1), (3, 4)) => check_pair::<3, 1, 3, 4, 3, 4>(case),
                ((5, 2), (1, 2)) => check_pair::<5, 2, 1, 2, 5, 2>(case),
                ((5, 2), (5, 1)) => check_pair::<5, 2, 5, 1, 5, 2>(case),
                ((5, 2), (1, 1)) => check_pair::<5, 2, 1, 1, 5, 2>(case),
                ((1, 2), (5, 2)) => check_pair::<1, 2, 5, 2, 5, 2>(case),
                ((5, 1), (5, 2)) => check_pair::<5, 1, 5, 2, 5, 2>(case),
                ((1, 6), (1, 6)) => check_pair::<1, 6, 1, 6, 1, 6>(case),
                ((1, 6), (1, 1)) => check_pair::<1, 6, 1, 1, 1, 6>(case),
                ((1, 1), (1, 6)) => check_pair::<1, 1, 1, 6, 1, 6>(case),
                ((6, 1), (1, 1)) => check_pair::<6, 1, 1, 1, 6, 1>(case),
                ((6, 1), (6, 1)) => check_pair::<6, 1, 6, 1, 6, 1>(case),
                ((1, 1), (6, 1)) => check_pair::<1, 1, 6, 1, 6, 1>(case),
                other => panic!("unexpected shapes {other:?}"),
            }
        }
        checked += 1;
    }
    assert_eq!(checked, cases.len());
    assert_eq!(checked, 98, "the golden file changed: review the cases");
}

/// Every broadcasting form of one operator on an `R x C` matrix, a row, a column and a 1x1,
/// against the naive reference.
macro_rules! check_forms {
    ($m:ident, $row:ident, $col:ident, $one:ident, $sym:tt, ($r:expr, $c:expr)) => {{
        let f: fn(f64, f64) -> f64 = |p, q| p $sym q;
        let (mf, rf, cf, of) = ($m.as_flat(), $row.as_flat(), $col.as_flat(), $one.as_flat());
        let (s, r1, c1, o) = (($r, $c), (1, $c), ($r, 1), (1, 1));
        let op = stringify!($sym);
        assert_exact(op, ($m $sym $m).as_flat(), &reference(mf, s, mf, s, f));
        assert_exact(op, ($m $sym $row).as_flat(), &reference(mf, s, rf, r1, f));
        assert_exact(op, (&$row $sym &$m).as_flat(), &reference(rf, r1, mf, s, f));
        assert_exact(op, ($m $sym &$col).as_flat(), &reference(mf, s, cf, c1, f));
        assert_exact(op, (&$col $sym $m).as_flat(), &reference(cf, c1, mf, s, f));
        assert_exact(op, ($m $sym $one).as_flat(), &reference(mf, s, of, o, f));
        assert_exact(op, ($one $sym $m).as_flat(), &reference(of, o, mf, s, f));
        assert_exact(op, ($col $sym $row).as_flat(), &reference(cf, c1, rf, r1, f));
        assert_exact(op, ($row $sym $col).as_flat(), &reference(rf, r1, cf, c1, f));
    }};
}

macro_rules! broadcast_props {
    ($($name:ident: $r:literal x $c:literal;)*) => {$(
        proptest! {
            #[test]
            fn $name(
                m in vec(-1e3..1e3f64, $r * $c),
                row in vec(-1e3..1e3f64, $c),
                col in vec(-1e3..1e3f64, $r),
                one in -1e3..1e3f64,
            ) {
                let m = tensor_from::<$r, $c>(&m);
                let row = tensor_from::<1, $c>(&row);
                let col = tensor_from::<$r, 1>(&col);
                let one = Tensor::<f64, 1, 1>::full(one);
                check_forms!(m, row, col, one, +, ($r, $c));
                check_forms!(m, row, col, one, -, ($r, $c));
                check_forms!(m, row, col, one, *, ($r, $c));
                check_forms!(m, row, col, one, /, ($r, $c));
            }
        }
    )*};
}

broadcast_props! {
    broadcast_1x1: 1 x 1;
    broadcast_1x5: 1 x 5;
    broadcast_4x1: 4 x 1;
    broadcast_3x4: 3 x 4;
    broadcast_7x9: 7 x 9;
    broadcast_16x33: 16 x 33;
}

#[test]
fn explicit_broadcast_matches_operator_broadcasting() {
    let m = Tensor::<i64, 3, 4>::arange();
    let row = Tensor::from([10, 20, 30, 40]);
    let col = Tensor::from([[1], [2], [3]]);
    assert_eq!(m + row, m + row.broadcast::<3, 4>());
    assert_eq!(m * col, m * col.broadcast::<3, 4>());
    assert_eq!(
        Tensor::from([[7]]).broadcast::<2, 3>(),
        Tensor::<i64, 2, 3>::full(7)
    );
    assert_eq!(m.broadcast::<3, 4>(), m);
    // In place with a row: broadcast first, then `+=` (same shape).
    let mut acc = m;
    acc += &row.broadcast::<3, 4>();
    assert_eq!(acc, m + row);
}

#[test]
fn seed_challenge_center_each_row_of_a_3x3() {
    let m = tensor![[1.0, 2.0, 3.0], [4.0, 6.0, 8.0], [0.0, 0.0, 3.0]];
    let centred = m - m.mean_axis::<1>();
    assert_eq!(
        centred,
        tensor![[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, -1.0, 2.0]]
    );
    assert_eq!(centred.mean_axis::<1>(), Tensor::<f64, 3, 1>::zeros());
}

#[test]
fn seed_challenge_normalize_columns() {
    let x = tensor![[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, 40.0]];
    let z = (x - x.mean_axis::<0>()) / x.std_axis::<0>();
    let (mean, std) = (z.mean_axis::<0>(), z.std_axis::<0>());
    assert_close("mean", mean.as_flat(), &[0.0, 0.0], 0.0, 1e-15);
    assert_close("std", std.as_flat(), &[1.0, 1.0], 1e-15, 0.0);
    assert_eq!(z.col::<0>(), z.col::<1>());
}

#[test]
fn seed_challenge_matrix_plus_vector() {
    let mat = tensor![[1, 2], [3, 4]];
    let vec = tensor![1, 2];
    assert_eq!(mat + vec, tensor![[2, 4], [4, 6]]);
}

/// Passing twins of the broadcast ui-tests: the same expressions with compatible shapes, and
/// result types written out (they must normalize to plain `Tensor<T, R, C>`).
#[test]
fn compatible_shapes_compile_with_plain_result_types() {
    let m = Tensor::<f32, 3, 2>::ones();
    let row = Tensor::<f32, 1, 2>::full(2.0);
    let col = Tensor::<f32, 3, 1>::full(3.0);
    let sum: Tensor<f32, 3, 2> = m + row; // twin of broadcast-row-wrong-length
    let diff: Tensor<f32, 3, 2> = &row - &m; // twin of broadcast-matrix-on-right
    let scaled: Tensor<f64, 3, 2> = Tensor::<f64, 3, 2>::ones() * Tensor::<f64, 3, 1>::ones(); // twin of broadcast-column-wrong-length
    let y: Tensor<f32, 3, 2> = m + row; // twin of broadcast-result-wrong-shape
    let full: Tensor<f32, 2, 3> = Tensor::<f32, 1, 3>::zeros().broadcast::<2, 3>(); // twin of broadcast-to-wrong-shape
    let outer: Tensor<f32, 3, 2> = col * row;
    assert_eq!(sum, Tensor::full(3.0));
    assert_eq!(diff, Tensor::full(1.0));
    assert_eq!(scaled, Tensor::ones());
    // Method calls on a broadcast result work directly.
    assert_eq!((m + row).sum(), 18.0);
    assert_eq!(y.max(), 3.0);
    assert_eq!(full.shape(), (2, 3));
    assert_eq!(outer, Tensor::full(6.0));
}

#[test]
fn broadcasting_propagates_nan_and_infinity() {
    let m = tensor![[1.0, f64::NAN], [f64::INFINITY, -1.0]];
    let row = tensor![f64::INFINITY, 0.0];
    let got = m * row;
    assert_eq!(got[(0, 0)], f64::INFINITY);
    assert!(got[(0, 1)].is_nan());
    assert_eq!(got[(1, 0)], f64::INFINITY);
    assert_eq!(got[(1, 1)], -0.0);
    assert!(got[(1, 1)].is_sign_negative());
    let q = m / tensor![[0.0], [f64::INFINITY]];
    assert_eq!(q[(0, 0)], f64::INFINITY);
    assert!(q[(1, 0)].is_nan());
    assert_eq!(q[(1, 1)], -0.0);
}
