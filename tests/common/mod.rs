//! Helpers shared by the integration tests: NumPy golden files, float comparisons, and a
//! thread with a stack of a chosen size.
#![allow(dead_code)]

use serde_json::Value;

/// The cases of a golden file in `tests/golden/` (NumPy reference values, see its README).
pub fn golden(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).expect("golden file is JSON");
    json["cases"]
        .as_array()
        .expect("golden file has cases")
        .clone()
}

/// A golden number: a JSON number or one of "nan", "inf", "-inf".
pub fn num(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().expect("finite number"),
        Value::String(s) => match s.as_str() {
            "nan" => f64::NAN,
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            other => panic!("unexpected golden string {other:?}"),
        },
        other => panic!("unexpected golden value {other}"),
    }
}

/// A golden matrix as `(rows, cols, row-major values)`.
pub fn mat(v: &Value) -> (usize, usize, Vec<f64>) {
    let rows = v.as_array().expect("matrix is a list of rows");
    let cols = rows[0].as_array().expect("row is a list").len();
    let flat: Vec<f64> = rows
        .iter()
        .flat_map(|r| r.as_array().expect("row is a list").iter().map(num))
        .collect();
    assert_eq!(flat.len(), rows.len() * cols, "ragged golden matrix");
    (rows.len(), cols, flat)
}

/// Distance in units in the last place between two `f64`s of the same sign class; 0 when
/// both are NaN, `u64::MAX` when only one is, or when zeros differ in sign.
pub fn ulps64(a: f64, b: f64) -> u64 {
    if a.is_nan() || b.is_nan() {
        return if a.is_nan() && b.is_nan() {
            0
        } else {
            u64::MAX
        };
    }
    let key = |x: f64| {
        let bits = x.to_bits() as i64;
        if bits < 0 { i64::MIN - bits } else { bits }
    };
    (key(a) as i128 - key(b) as i128)
        .unsigned_abs()
        .min(u64::MAX as u128) as u64
}

/// As [`ulps64`] for `f32`.
pub fn ulps32(a: f32, b: f32) -> u64 {
    if a.is_nan() || b.is_nan() {
        return if a.is_nan() && b.is_nan() {
            0
        } else {
            u64::MAX
        };
    }
    let key = |x: f32| {
        let bits = x.to_bits() as i32;
        if bits < 0 { i32::MIN - bits } else { bits }
    };
    (key(a) as i64 - key(b) as i64).unsigned_abs()
}

/// `|a - b| <= rel * max(|a|, |b|) + abs`, with NaN equal to NaN and infinities equal to
/// themselves.
pub fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= rel * a.abs().max(b.abs()) + abs
}

/// Asserts `close` elementwise, naming the first differing position.
#[track_caller]
pub fn assert_close(what: &str, got: &[f64], want: &[f64], rel: f64, abs: f64) {
    assert_eq!(got.len(), want.len(), "{what}: lengths differ");
    for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert!(
            close(g, w, rel, abs),
            "{what}: element {k}: got {g:e}, want {w:e}"
        );
    }
}

/// Asserts bitwise equality (NaN equal to NaN), naming the first differing position.
#[track_caller]
pub fn assert_exact(what: &str, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{what}: lengths differ");
    for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert!(
            ulps64(g, w) == 0,
            "{what}: element {k}: got {g:e}, want {w:e}"
        );
    }
}

/// Runs `f` on a new thread with a stack of `bytes` bytes and returns its result; a panic in
/// `f` fails the calling test. For tests of data larger (or stacks smaller) than the default
/// 2 MiB of spawned threads.
pub fn on_stack<T: Send + 'static>(bytes: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(bytes)
        .spawn(f)
        .expect("spawn a thread")
        .join()
        .expect("the thread with the chosen stack panicked")
}

/// The larger of `a` and `b` (`b` if they compare equal or either is NaN), for folding a
/// reference maximum: `iter.fold(f64::NEG_INFINITY, common::fmax)`.
///
/// Written as a comparison on purpose, not with `f64::max`. rustc 1.95 (LLVM 22.1) miscompiles
/// `fold(init, f64::max)` over a slice whose length it knows, in builds with AVX2
/// (`-C target-cpu=native`, `x86-64-v3`): the vectorized `llvm.maxnum` reduction skips its
/// scalar remainder when the vector part holds no NaN, so the last `len % 4` elements are
/// ignored (seen as a 6-element `max` reference of 0 for `[0, 0, 0, 0, 0, 99.8]`).
pub fn fmax(a: f64, b: f64) -> f64 {
    if a > b { a } else { b }
}

/// The smaller of `a` and `b`, written as a comparison for the reason given at [`fmax`].
pub fn fmin(a: f64, b: f64) -> f64 {
    if a < b { a } else { b }
}
