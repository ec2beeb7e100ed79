//! The decompositions, `f32` and `f64`, at 2..64: `tensor` against nalgebra's fixed-size
//! decompositions (`SMatrix`, the stack-allocated peer), each case one criterion group so the
//! ratio comes from one run. Both sides produce the same outputs: QR the factors `Q` and `R`,
//! Cholesky the factor `L`, SVD `U`, `S` and `V^T`, the symmetric eigendecomposition the
//! eigenvalues and eigenvectors. See BENCHMARKS.md.
//!
//! Each side's result stays where it was built and goes to `black_box` by reference (one of
//! its elements is returned): returned by value, every result was copied by the harness, and
//! those copies (4 KiB at 32 x 32 `f32`, between stack slots whose distance decides whether a
//! copy's loads wait on its stores) took 40% of Cholesky's measured time at 32 on one side
//! and not the other.
//!
//! `cargo bench --bench decompositions` (about two minutes); a filter such as `svd_f64` runs
//! one case.

#[allow(dead_code)] // `common::criterion` is replaced by a shorter configuration.
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use nalgebra::SMatrix;
use tensor::Tensor;

/// Shorter than `common::criterion()`: 56 groups of two functions.
fn criterion() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(150))
        .measurement_time(Duration::from_millis(400))
        .sample_size(15)
        .configure_from_args()
}

macro_rules! bench_size {
    ($c:expr, $t:ident, $n:literal) => {{
        const N: usize = $n;
        let v = |i: usize| common::value(i) as $t;
        let a = Tensor::<$t, N, N>::from_fn(|i, j| v(i * N + j));
        // A symmetric positive definite matrix: B B^T + N I.
        let spd = a.matmul(&a.t()) + Tensor::<$t, N, N>::eye() * (N as $t);
        let na = SMatrix::<$t, N, N>::from_fn(|i, j| a[(i, j)]);
        let nspd = SMatrix::<$t, N, N>::from_fn(|i, j| spd[(i, j)]);

        let mut group = $c.benchmark_group(format!("qr_{}/{N}", stringify!($t)));
        group.bench_function(BenchmarkId::new("tensor", N), |b| {
            b.iter(|| black_box(&black_box(&a).qr()).0[(0, 0)])
        });
        group.bench_function(BenchmarkId::new("nalgebra", N), |b| {
            b.iter(|| {
                let qr = black_box(na).qr();
                black_box(&(qr.q(), qr.r())).0[(0, 0)]
            })
        });
        group.finish();

        let mut group = $c.benchmark_group(format!("cholesky_{}/{N}", stringify!($t)));
        group.bench_function(BenchmarkId::new("tensor", N), |b| {
            b.iter(|| black_box(&black_box(&spd).cholesky()).map(|l| l[(0, 0)]))
        });
        group.bench_function(BenchmarkId::new("nalgebra", N), |b| {
            b.iter(|| black_box(&black_box(nspd).cholesky().map(|c| c.l())).map(|l| l[(0, 0)]))
        });
        group.finish();

        let mut group = $c.benchmark_group(format!("svd_{}/{N}", stringify!($t)));
        group.bench_function(BenchmarkId::new("tensor", N), |b| {
            b.iter(|| black_box(&black_box(&a).svd()).1[0])
        });
        group.bench_function(BenchmarkId::new("nalgebra", N), |b| {
            b.iter(|| black_box(&black_box(na).svd(true, true)).singular_values[0])
        });
        group.finish();

        let mut group = $c.benchmark_group(format!("eigh_{}/{N}", stringify!($t)));
        group.bench_function(BenchmarkId::new("tensor", N), |b| {
            b.iter(|| black_box(&black_box(&spd).eigh()).0[0])
        });
        group.bench_function(BenchmarkId::new("nalgebra", N), |b| {
            b.iter(|| black_box(&black_box(nspd).symmetric_eigen()).eigenvalues[0])
        });
        group.finish();
    }};
}

macro_rules! bench_all {
    ($c:expr, $t:ident) => {{
        bench_size!($c, $t, 2);
        bench_size!($c, $t, 3);
        bench_size!($c, $t, 4);
        bench_size!($c, $t, 8);
        bench_size!($c, $t, 16);
        bench_size!($c, $t, 32);
        bench_size!($c, $t, 64);
    }};
}

fn main() {
    common::with_big_stack(|| {
        let mut c = criterion();
        bench_all!(c, f64);
        bench_all!(c, f32);
        c.final_summary();
    });
}
