//! The product paths of `super::product` (dot, matrix-vector, vector-matrix, four-row tiles,
//! narrow outputs) and
//! the blocked product's column tails, on every kernel this CPU has, against the naive `f64`
//! loop: shapes at each path's edges (1, a vector, a tile, a leaf block, and one more), NaN and
//! infinities, the same result for equal rows, and the accuracy of long dot products.

extern crate std;

use std::vec::Vec;
use std::{eprintln, format, vec};

use super::entry;
use super::out_of;
use super::product::{DOT, GEMV, NARROW, ROW1, ROWS4};
use super::simd::Simd;

/// A deterministic pseudo-random sequence in `[-1, 1)` (xorshift), for the kernels' tests.
pub(super) fn values(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        })
        .collect()
}

/// `a @ b` by the naive loop in `f64`, and `|a| @ |b|` for the tolerance.
fn reference(m: usize, k: usize, n: usize, a: &[f64], b: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let mut c = vec![0.0; m * n];
    let mut s = vec![0.0; m * n];
    for i in 0..m {
        for p in 0..k {
            for j in 0..n {
                c[i * n + j] += a[i * k + p] * b[p * n + j];
                s[i * n + j] += (a[i * k + p] * b[p * n + j]).abs();
            }
        }
    }
    (c, s)
}

/// Runs path `P` (or, with `P = 0`, the kernel's own blocked product) on `m x k @ k x n` in
/// `f32` and `f64` and compares with the reference within `(k + 1) eps |a| |b|`.
fn check_shape<K: Simd, const P: u8>(simd: K, m: usize, k: usize, n: usize) {
    let a = values(m * k, (m * 31 + k * 7 + n) as u64);
    let b = values(k * n, (n * 17 + k + 3) as u64);
    let (want, scale) = reference(m, k, n, &a, &b);
    let mut c64 = vec![f64::NAN; m * n];
    let a32: Vec<f32> = a.iter().map(|&x| x as f32).collect();
    let b32: Vec<f32> = b.iter().map(|&x| x as f32).collect();
    let widen = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>();
    let (want32, scale32) = reference(m, k, n, &widen(&a32), &widen(&b32));
    let mut c32 = vec![f32::NAN; m * n];
    if P == 0 {
        entry::gemm(simd, (m, k, n), &a, &b, out_of(&mut c64));
        entry::gemm(simd, (m, k, n), &a32, &b32, out_of(&mut c32));
    } else {
        entry::product::<K, _, P>(simd, (m, k, n), &a, &b, out_of(&mut c64));
        entry::product::<K, _, P>(simd, (m, k, n), &a32, &b32, out_of(&mut c32));
    }
    let what = format!("{} path {P} {m}x{k}x{n}", K::NAME);
    for x in 0..m * n {
        let tol = (k as f64 + 1.0) * f64::EPSILON * scale[x];
        assert!(
            (c64[x] - want[x]).abs() <= tol,
            "{what} f64 [{x}]: {} vs {}",
            c64[x],
            want[x]
        );
        let tol = (k as f64 + 1.0) * f64::from(f32::EPSILON) * scale32[x];
        let got = f64::from(c32[x]);
        assert!(
            (got - want32[x]).abs() <= tol,
            "{what} f32 [{x}]: {got} vs {}",
            want32[x]
        );
    }
}

/// Lengths around every edge of the dot kernels: lanes (2, 4, 8, 16), accumulator groups
/// (up to 4 x 16 = 64), leaf blocks (16 groups: up to 1024) and their neighbours.
const KS: &[usize] = &[
    1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511,
    512, 513, 1023, 1024, 1025, 2049, 5000,
];

/// Column counts around the tiles' and strips' widths (tails below a vector; a last
/// vector-matrix strip of one vector or more, see `super::vecmat`).
const NS: &[usize] = &[
    1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 128, 129, 256, 257, 513,
];

/// Whether to check the largest sizes (`k` above 1025, `n` above 65, the 70 001-long dots):
/// in release builds. Debug builds (the README's test command, where these checks are most of
/// the unit tests' time) keep every edge below them; `.ci/run` runs this harness in release
/// under valgrind and qemu, so CI checks every size on every kernel.
const LARGE: bool = !cfg!(debug_assertions);

fn paths_match<K: Simd>(simd: K) {
    for &k in KS.iter().filter(|&&k| LARGE || k <= 1025) {
        check_shape::<K, DOT>(simd, 1, k, 1);
        for m in [1, 2, 3, 4, 5, 7, 8, 9] {
            check_shape::<K, GEMV>(simd, m, k.min(600), 1);
        }
    }
    if LARGE {
        check_shape::<K, GEMV>(simd, 13, 70_001, 1);
        check_shape::<K, DOT>(simd, 1, 70_001, 1);
    }
    for &n in NS.iter().filter(|&&n| LARGE || n <= 65) {
        for k in [2, 3, 17, 64, 257, 1100]
            .into_iter()
            .filter(|&k| LARGE || k <= 257)
        {
            check_shape::<K, ROW1>(simd, 1, k, n);
            for m in [2, 3, 4] {
                check_shape::<K, ROWS4>(simd, m, k.min(300), n);
            }
        }
        // The blocked product's column tails (padded to a vector), partial panels too, and
        // the last rows after the full panels (1 to 7 of them on six- and eight-row tiles).
        for m in [1, 5, 8, 9, 12, 14, 17, 22] {
            check_shape::<K, 0>(simd, m, 33, n);
        }
        check_shape::<K, 0>(simd, 9, 300, n);
        check_shape::<K, 0>(simd, 10, 300, n);
    }
    // Narrow outputs: every width up to 16 (below, at and above a vector of each kernel), row
    // counts around the row tiles (3, 4, 6, 8), `k` around the rows read from the padded copy.
    for n in 1..=16 {
        for m in [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 33] {
            for k in [1, 2, 3, 17, 64, 129] {
                check_shape::<K, NARROW>(simd, m, k, n);
            }
        }
        check_shape::<K, NARROW>(simd, 32, 784, n);
        // Rows that do not fill the last group, over three blocks of `k` (`dot::columns`).
        check_shape::<K, NARROW>(simd, 13, 600, n);
    }
    check_shape::<K, NARROW>(simd, 5, 0, 3);
}

#[test]
fn product_paths_every_kernel_against_the_naive_loop() {
    for_each_kernel!(paths_match);
}

/// Runs path `P` in `f32`.
fn run32<K: Simd, const P: u8>(
    simd: K,
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    b: &[f32],
) -> Vec<f32> {
    let mut c = vec![f32::NAN; m * n];
    if P == 0 {
        entry::gemm(simd, (m, k, n), a, b, out_of(&mut c));
    } else {
        entry::product::<K, _, P>(simd, (m, k, n), a, b, out_of(&mut c));
    }
    c
}

fn nan_and_inf<K: Simd>(simd: K) {
    // `0 * inf` in the vector body, in the vectors after the groups and in the scalar tail:
    // the row with the zero is NaN, the others are infinite.
    let k = 64 + 16 + 5;
    for p in [0, 3, 64 + 2, k - 1] {
        for (m, n, path) in [
            (1, 1, DOT),
            (6, 1, GEMV),
            (1, 37, ROW1),
            (3, 37, ROWS4),
            (9, 37, 0),
            (9, 10, NARROW),
            (7, 3, NARROW),
        ] {
            let mut a = vec![1.0f32; m * k];
            let mut b = vec![1.0f32; k * n];
            a[(m - 1) * k + p] = 0.0;
            for j in 0..n {
                b[p * n + j] = f32::INFINITY;
            }
            let c = match path {
                DOT => run32::<K, DOT>(simd, m, k, n, &a, &b),
                GEMV => run32::<K, GEMV>(simd, m, k, n, &a, &b),
                ROW1 => run32::<K, ROW1>(simd, m, k, n, &a, &b),
                ROWS4 => run32::<K, ROWS4>(simd, m, k, n, &a, &b),
                NARROW => run32::<K, NARROW>(simd, m, k, n, &a, &b),
                _ => run32::<K, 0>(simd, m, k, n, &a, &b),
            };
            for j in 0..n {
                let last = c[(m - 1) * n + j];
                assert!(last.is_nan(), "{} path {path} p {p}: {last}", K::NAME);
                for i in 0..m - 1 {
                    assert_eq!(c[i * n + j], f32::INFINITY, "{} path {path}", K::NAME);
                }
            }
            // A NaN anywhere makes its output NaN.
            let mut a = vec![1.0f32; m * k];
            a[(m - 1) * k + p] = f32::NAN;
            let c = match path {
                DOT => run32::<K, DOT>(simd, m, k, n, &a, &vec![1.0; k * n]),
                GEMV => run32::<K, GEMV>(simd, m, k, n, &a, &vec![1.0; k * n]),
                NARROW => run32::<K, NARROW>(simd, m, k, n, &a, &vec![1.0; k * n]),
                _ => continue,
            };
            for j in 0..n {
                assert!(c[(m - 1) * n + j].is_nan(), "{} path {path} p {p}", K::NAME);
            }
        }
    }
}

#[test]
fn product_paths_every_kernel_propagate_nan_and_inf() {
    for_each_kernel!(nan_and_inf);
}

fn same_result_for_equal_rows<K: Simd>(simd: K) {
    // Every row of a matrix-vector product runs the same kernel (the last rows too), so equal
    // rows give bit-identical results; likewise every column of a blocked product.
    for m in [1, 3, 4, 5, 6, 7, 9] {
        let k = 1000;
        let row = values(k, 5);
        let a: Vec<f32> = (0..m).flat_map(|_| row.iter().map(|&x| x as f32)).collect();
        let x: Vec<f32> = values(k, 6).iter().map(|&v| v as f32).collect();
        let y = run32::<K, GEMV>(simd, m, k, 1, &a, &x);
        assert!(
            y.iter().all(|&v| v.to_bits() == y[0].to_bits()),
            "{} {y:?}",
            K::NAME
        );
    }
    let (m, k, n) = (9, 40, 37);
    let col = values(k, 7);
    let b: Vec<f32> = (0..k)
        .flat_map(|p| (0..n).map(move |_| p))
        .map(|p| col[p] as f32)
        .collect();
    let a: Vec<f32> = values(m * k, 8).iter().map(|&v| v as f32).collect();
    for c in [
        run32::<K, 0>(simd, m, k, n, &a, &b),
        run32::<K, ROWS4>(simd, 3, k, n, &a[..3 * k], &b),
    ] {
        for row in c.chunks(n) {
            assert!(
                row.iter().all(|&v| v.to_bits() == row[0].to_bits()),
                "{}",
                K::NAME
            );
        }
    }
}

#[test]
fn product_paths_every_kernel_same_result_for_equal_rows() {
    for_each_kernel!(same_result_for_equal_rows);
}

/// The relative error of a dot product of `10^6` `f32`s `0.1 + (j % 7) * 1e-3` with ones and
/// with themselves (issue 21: 6.0e-4 for the sequential loop, 2.1e-5 for OpenBLAS).
fn long_dot_error<K: Simd>(simd: K) -> (f64, f64) {
    let k = 1_000_000;
    let x: Vec<f32> = (0..k).map(|j| 0.1 + (j % 7) as f32 * 1e-3).collect();
    let ones = vec![1.0f32; k];
    let exact_sum: f64 = x.iter().map(|&v| f64::from(v)).sum();
    let exact_sq: f64 = x.iter().map(|&v| f64::from(v) * f64::from(v)).sum();
    let sum = f64::from(run32::<K, DOT>(simd, 1, k, 1, &x, &ones)[0]);
    let sq = f64::from(run32::<K, DOT>(simd, 1, k, 1, &x, &x)[0]);
    (
        (sum - exact_sum).abs() / exact_sum,
        (sq - exact_sq).abs() / exact_sq,
    )
}

fn long_dot_accurate<K: Simd>(simd: K) {
    let (e1, e2) = long_dot_error::<K>(simd);
    eprintln!(
        "{}: dot of 10^6 f32, relative error {e1:.1e} (with ones), {e2:.1e} (with itself)",
        K::NAME
    );
    assert!(e1 <= 2.1e-5 && e2 <= 2.1e-5, "{}: {e1:e}, {e2:e}", K::NAME);
}

#[test]
fn long_dot_products_every_kernel_as_accurate_as_openblas() {
    for_each_kernel!(long_dot_accurate);
}
