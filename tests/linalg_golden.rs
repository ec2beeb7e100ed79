//! Linear algebra against NumPy's values in `tests/golden/{matmul,linalg}.json`: every case
//! in both files is checked.
//!
//! Tolerances follow the standard error bounds:
//! - `matmul`: `|C - C_np| <= 2 * k * eps * (|A| |B|)` elementwise (both sides round in `T`);
//! - `det`, `inv`, `solve`: relative error `<= 8 * n * eps * cond(A)` with NumPy's 2-norm
//!   condition number from the same file (`cond` cases, or the `cond` of a Hilbert case);
//! - singular matrices: `inv` is `None`, `|det| <= n * eps * prod ||row_i||` (Hadamard's bound);
//! - `transpose`: exact.

use serde_json::Value;
use std::collections::HashMap;
use tensor::Tensor;

fn load(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap();
    v["cases"].as_array().unwrap().clone()
}

fn num(v: &Value) -> f64 {
    match v {
        Value::String(s) if s == "nan" => f64::NAN,
        Value::String(s) if s == "inf" => f64::INFINITY,
        Value::String(s) if s == "-inf" => f64::NEG_INFINITY,
        _ => v.as_f64().unwrap(),
    }
}

fn dims(v: &Value) -> (usize, usize) {
    let rows = v.as_array().unwrap();
    (rows.len(), rows[0].as_array().unwrap().len())
}

fn mat<T: Copy + Default, const R: usize, const C: usize>(
    v: &Value,
    cast: fn(f64) -> T,
) -> Tensor<T, R, C> {
    assert_eq!(dims(v), (R, C));
    Tensor::from_fn(|i, j| cast(num(&v[i][j])))
}

fn f64_of<T: Into<f64> + Copy, const R: usize, const C: usize>(t: &Tensor<T, R, C>) -> Vec<f64> {
    t.iter().map(|&x| x.into()).collect()
}

/// Asserts `|got - want| <= tol * scale` for every element.
fn assert_close(got: &[f64], want: &[f64], tol: f64, scale: f64, what: &str) {
    assert_eq!(got.len(), want.len());
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= tol * scale,
            "{what}: element {k}: got {g}, NumPy {w}, |diff| {} > {}",
            (g - w).abs(),
            tol * scale
        );
    }
}

fn check_matmul<const R: usize, const K: usize, const C: usize>(case: &Value) {
    let f32_case = case.get("dtype").and_then(Value::as_str) == Some("float32");
    let want: Vec<f64> = case["out"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r.as_array().unwrap().iter().map(num))
        .collect();
    let a64: Tensor<f64, R, K> = mat(&case["a"], |x| x);
    let b64: Tensor<f64, K, C> = mat(&case["b"], |x| x);
    // |A| |B| in f64, the scale of the rounding error of each output element.
    let scale: Vec<f64> = (0..R * C)
        .map(|ij| {
            (0..K)
                .map(|p| (a64[(ij / C, p)] * b64[(p, ij % C)]).abs())
                .sum()
        })
        .collect();
    let (got, eps) = if f32_case {
        let a: Tensor<f32, R, K> = mat(&case["a"], |x| x as f32);
        let b: Tensor<f32, K, C> = mat(&case["b"], |x| x as f32);
        (f64_of(&a.matmul(&b)), f64::from(f32::EPSILON))
    } else {
        (f64_of(&a64.matmul(&b64)), f64::EPSILON)
    };
    let tol = 2.0 * K as f64 * eps;
    for (k, ((g, w), s)) in got.iter().zip(&want).zip(&scale).enumerate() {
        assert!(
            (g - w).abs() <= tol * s,
            "matmul {R}x{K}x{C} f32={f32_case}: element {k}: got {g}, NumPy {w}"
        );
    }
}

#[test]
fn matmul_matches_numpy() {
    let cases = load("matmul.json");
    assert_eq!(cases.len(), 20);
    for case in &cases {
        let ((r, k), (k2, c)) = (dims(&case["a"]), dims(&case["b"]));
        assert_eq!(k, k2);
        match (r, k, c) {
            (2, 3, 2) => check_matmul::<2, 3, 2>(case),
            (1, 4, 1) => check_matmul::<1, 4, 1>(case),
            (4, 1, 4) => check_matmul::<4, 1, 4>(case),
            (3, 3, 3) => check_matmul::<3, 3, 3>(case),
            (4, 4, 4) => check_matmul::<4, 4, 4>(case),
            (5, 7, 3) => check_matmul::<5, 7, 3>(case),
            (8, 8, 8) => check_matmul::<8, 8, 8>(case),
            (16, 16, 16) => check_matmul::<16, 16, 16>(case),
            (3, 17, 5) => check_matmul::<3, 17, 5>(case),
            (32, 32, 32) => check_matmul::<32, 32, 32>(case),
            other => panic!("matmul.json has a shape this test does not cover: {other:?}"),
        }
    }
}

/// NumPy's condition numbers, keyed by the matrix they belong to.
fn conditions(cases: &[Value]) -> HashMap<String, f64> {
    let mut map = HashMap::new();
    for case in cases {
        if case["op"] == "cond" {
            map.insert(case["a"].to_string(), num(&case["out"]));
        } else if let Some(c) = case.get("cond") {
            map.insert(case["a"].to_string(), num(c));
        }
    }
    map
}

fn hadamard<const N: usize>(a: &Tensor<f64, N, N>) -> f64 {
    a.rows()
        .map(|r| r.iter().map(|x| x * x).sum::<f64>().sqrt())
        .product()
}

fn check_square<const N: usize>(case: &Value, cond: Option<f64>) {
    let a: Tensor<f64, N, N> = mat(&case["a"], |x| x);
    let name = case.get("name").and_then(Value::as_str).unwrap_or("random");
    let what = format!("{} {name} {N}x{N}", case["op"]);
    let singular = case.get("singular").and_then(Value::as_bool) == Some(true)
        || (case["op"] == "det" && num(&case["out"]) == 0.0);
    let eps = f64::EPSILON;
    if singular {
        match case["op"].as_str().unwrap() {
            "inv" => assert_eq!(a.inv(), None, "{what}"),
            "det" => {
                let bound = N as f64 * eps * hadamard(&a);
                assert!(a.det().abs() <= bound, "{what}: det {} > {bound}", a.det());
            }
            op => panic!("unexpected singular {op}"),
        }
        return;
    }
    let cond = cond.unwrap_or_else(|| panic!("{what}: no condition number in linalg.json"));
    let tol = 8.0 * N as f64 * eps * cond;
    match case["op"].as_str().unwrap() {
        "det" => {
            let want = num(&case["out"]);
            assert_close(&[a.det()], &[want], tol, want.abs(), &what);
        }
        "inv" => {
            let want: Tensor<f64, N, N> = mat(&case["out"], |x| x);
            let got = a.inv().unwrap_or_else(|| panic!("{what}: None"));
            let scale = want.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            assert_close(got.as_flat(), want.as_flat(), tol, scale, &what);
        }
        "solve" => {
            let b: Tensor<f64, N, 1> = mat(&case["b"], |x| x);
            let want: Tensor<f64, N, 1> = mat(&case["out"], |x| x);
            let got = a.solve(&b).unwrap_or_else(|| panic!("{what}: None"));
            let scale = want.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            assert_close(got.as_flat(), want.as_flat(), tol, scale, &what);
        }
        op => panic!("unexpected op {op}"),
    }
}

fn check_transpose<const R: usize, const C: usize>(case: &Value) {
    let a: Tensor<f64, R, C> = mat(&case["a"], |x| x);
    let want: Tensor<f64, C, R> = mat(&case["out"], |x| x);
    assert_eq!(a.t(), want);
    assert_eq!(a.transpose(), want);
}

#[test]
fn linalg_matches_numpy() {
    let cases = load("linalg.json");
    let conds = conditions(&cases);
    let mut checked = 0;
    for case in &cases {
        let op = case["op"].as_str().unwrap();
        if op == "cond" {
            // Used for the tolerances above (the library has no `cond`).
            checked += 1;
            continue;
        }
        if op == "transpose" {
            match dims(&case["a"]) {
                (2, 3) => check_transpose::<2, 3>(case),
                (3, 2) => check_transpose::<3, 2>(case),
                (1, 5) => check_transpose::<1, 5>(case),
                (4, 4) => check_transpose::<4, 4>(case),
                other => panic!("transpose of {other:?} not covered"),
            }
            checked += 1;
            continue;
        }
        let cond = conds.get(&case["a"].to_string()).copied();
        match dims(&case["a"]) {
            (1, 1) => check_square::<1>(case, cond),
            (2, 2) => check_square::<2>(case, cond),
            (3, 3) => check_square::<3>(case, cond),
            (4, 4) => check_square::<4>(case, cond),
            (5, 5) => check_square::<5>(case, cond),
            (6, 6) => check_square::<6>(case, cond),
            (8, 8) => check_square::<8>(case, cond),
            (12, 12) => check_square::<12>(case, cond),
            (16, 16) => check_square::<16>(case, cond),
            other => panic!("{op} of {other:?} not covered"),
        }
        checked += 1;
    }
    assert_eq!(checked, cases.len());
    assert_eq!(cases.len(), 54);
}

#[test]
fn hilbert_inverses_are_accurate_to_their_condition() {
    // Beyond agreeing with NumPy: H @ inv(H) is close to I, within n * eps * cond(H).
    fn check<const N: usize>(cond: f64) {
        let h = Tensor::<f64, N, N>::from_fn(|i, j| 1.0 / (i + j + 1) as f64);
        let x = h
            .inv()
            .expect("Hilbert matrices up to 8x8 are invertible in f64");
        let residual = h.matmul(&x);
        let err = residual
            .iter()
            .zip(Tensor::<f64, N, N>::identity().iter())
            .fold(0.0f64, |m, (a, b)| m.max((a - b).abs()));
        assert!(
            err <= 8.0 * N as f64 * f64::EPSILON * cond,
            "H{N}: |H inv(H) - I| = {err}"
        );
    }
    check::<3>(524.1);
    check::<4>(15513.7);
    check::<6>(14951058.6);
    check::<8>(15257575563.7);
    // The pivot test (|u_kk| <= n * eps * max|a_ij|) first fires for the 13x13 Hilbert matrix
    // in f64 (smallest pivot 6.7e-16 <= 2.9e-15) and for the 6x6 one in f32 (6.0e-7 <= 7.2e-7).
    // It is not a condition estimate: the 12x12 (cond 1.7e16, smallest pivot 5.3e-15) passes.
    let h12 = Tensor::<f64, 12, 12>::from_fn(|i, j| 1.0 / (i + j + 1) as f64);
    assert!(h12.inv().is_some());
    let h13 = Tensor::<f64, 13, 13>::from_fn(|i, j| 1.0 / (i + j + 1) as f64);
    assert_eq!(h13.inv(), None);
    assert!(h13.det() > 0.0, "det applies no threshold");
    let h5 = Tensor::<f32, 5, 5>::from_fn(|i, j| 1.0 / (i + j + 1) as f32);
    assert!(h5.inv().is_some());
    let h6 = Tensor::<f32, 6, 6>::from_fn(|i, j| 1.0 / (i + j + 1) as f32);
    assert_eq!(h6.inv(), None);
}
