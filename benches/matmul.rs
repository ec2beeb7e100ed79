//! Matrix products, `f32` and `f64`, at 2..256: `tensor` against nalgebra (`SMatrix`), glam
//! (`Mat3`/`Mat4`), ndarray (`general_mat_mul`, its matrixmultiply backend), faer (`Par::Seq`)
//! and a naive triple loop, each size one criterion group so the ratios come from one run.
//! Throughput is reported as elements = floating-point operations (`2 n^3`), so criterion's
//! `Gelem/s` reads as GFLOP/s. The group `by_value` times a large product returned by value
//! in a loop against `matmul_into` (output elements per second). See BENCHMARKS.md.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use faer::linalg::matmul::matmul as faer_matmul;
use faer::{Accum, Mat, Par};
use nalgebra::SMatrix;
use ndarray::Array2;
use tensor::Tensor;

/// `out = a @ b`, the textbook loop over row-major slices.
fn naive<T: Copy + Default + std::ops::Add<Output = T> + std::ops::Mul<Output = T>>(
    a: &[T],
    b: &[T],
    out: &mut [T],
    n: usize,
) {
    for i in 0..n {
        for j in 0..n {
            let mut s = T::default();
            for p in 0..n {
                s = s + a[i * n + p] * b[p * n + j];
            }
            out[i * n + j] = s;
        }
    }
}

macro_rules! bench_size {
    ($c:expr, $t:ident, $n:literal $(, glam $glam:ty)?) => {{
        let n = $n;
        let mut group = $c.benchmark_group(format!("matmul_{}/{n}", stringify!($t)));
        group.throughput(Throughput::Elements(2 * (n as u64).pow(3)));
        let v = |i: usize| common::value(i) as $t;

        // tensor: by value up to 64 (the natural API), `matmul_into` boxed above.
        let a = Tensor::<$t, $n, $n>::boxed_from_fn(|i, j| v(i * n + j));
        let b = Tensor::<$t, $n, $n>::boxed_from_fn(|i, j| v(n * n + i * n + j));
        if n <= 64 {
            group.bench_function(BenchmarkId::new("tensor", n), |bch| {
                bch.iter(|| black_box(black_box(&*a).matmul(black_box(&*b))))
            });
        } else {
            let mut out = Tensor::<$t, $n, $n>::boxed_zeros();
            group.bench_function(BenchmarkId::new("tensor", n), |bch| {
                bch.iter(|| black_box(&*a).matmul_into(black_box(&*b), &mut out))
            });
        }

        // nalgebra SMatrix (column-major; the product of the transposed data is the same work).
        let na = Box::new(SMatrix::<$t, $n, $n>::from_fn(|i, j| v(i * n + j)));
        let nb = Box::new(SMatrix::<$t, $n, $n>::from_fn(|i, j| v(n * n + i * n + j)));
        if n <= 64 {
            group.bench_function(BenchmarkId::new("nalgebra", n), |bch| {
                bch.iter(|| black_box(black_box(&*na) * black_box(&*nb)))
            });
        } else {
            let mut out = Box::new(SMatrix::<$t, $n, $n>::zeros());
            group.bench_function(BenchmarkId::new("nalgebra", n), |bch| {
                bch.iter(|| black_box(&*na).mul_to(black_box(&*nb), &mut *out))
            });
        }

        $(
            let ga = <$glam>::from_cols_slice(&(0..n * n).map(v).collect::<Vec<_>>());
            let gb = <$glam>::from_cols_slice(&(0..n * n).map(|i| v(n * n + i)).collect::<Vec<_>>());
            group.bench_function(BenchmarkId::new("glam", n), |bch| {
                bch.iter(|| black_box(black_box(ga) * black_box(gb)))
            });
        )?

        let xa = Array2::from_shape_fn((n, n), |(i, j)| v(i * n + j));
        let xb = Array2::from_shape_fn((n, n), |(i, j)| v(n * n + i * n + j));
        let mut xc = Array2::<$t>::zeros((n, n));
        group.bench_function(BenchmarkId::new("ndarray", n), |bch| {
            bch.iter(|| {
                ndarray::linalg::general_mat_mul(1.0, black_box(&xa), black_box(&xb), 0.0, &mut xc)
            })
        });

        let fa = Mat::<$t>::from_fn(n, n, |i, j| v(i * n + j));
        let fb = Mat::<$t>::from_fn(n, n, |i, j| v(n * n + i * n + j));
        let mut fc = Mat::<$t>::zeros(n, n);
        group.bench_function(BenchmarkId::new("faer", n), |bch| {
            bch.iter(|| {
                faer_matmul(&mut fc, Accum::Replace, black_box(&fa), black_box(&fb), 1.0, Par::Seq)
            })
        });

        let sa: Vec<$t> = (0..n * n).map(v).collect();
        let sb: Vec<$t> = (0..n * n).map(|i| v(n * n + i)).collect();
        let mut sc = vec![0.0 as $t; n * n];
        group.bench_function(BenchmarkId::new("naive", n), |bch| {
            bch.iter(|| naive(black_box(&sa), black_box(&sb), &mut sc, n))
        });
        group.finish();
    }};
}

fn matmul_f32(c: &mut Criterion) {
    bench_size!(c, f32, 2);
    bench_size!(c, f32, 3, glam glam::Mat3);
    bench_size!(c, f32, 4, glam glam::Mat4);
    bench_size!(c, f32, 8);
    bench_size!(c, f32, 16);
    bench_size!(c, f32, 32);
    bench_size!(c, f32, 64);
    bench_size!(c, f32, 128);
    bench_size!(c, f32, 256);
}

fn matmul_f64(c: &mut Criterion) {
    bench_size!(c, f64, 2);
    bench_size!(c, f64, 3, glam glam::DMat3);
    bench_size!(c, f64, 4, glam glam::DMat4);
    bench_size!(c, f64, 8);
    bench_size!(c, f64, 16);
    bench_size!(c, f64, 32);
    bench_size!(c, f64, 64);
    bench_size!(c, f64, 128);
    bench_size!(c, f64, 256);
}

/// A large product returned by value in a loop whose result's address was taken in an earlier
/// turn (`let p = x.matmul(&w); black_box(&p);`, as code that passes each turn's result by
/// reference does), against `matmul_into` a preallocated boxed output: before `matmul`
/// returned large products from a call of their own, the loop copied each result (4 MiB).
fn by_value(c: &mut Criterion) {
    const R: usize = 16384;
    let x: Box<Tensor<f32, R, 16>> = Tensor::boxed_from_fn(|i, j| common::value(i * 16 + j) as f32);
    let w = Tensor::<f32, 16, 64>::from_fn(|i, j| common::value(i * 64 + j + 7) as f32);
    let mut out: Box<Tensor<f32, R, 64>> = Tensor::boxed_from_fn(|_, _| 0.0);
    let mut group = c.benchmark_group("by_value/(16384,16)@(16,64)");
    group.throughput(Throughput::Elements((R * 64) as u64));
    group.bench_function("tensor", |bch| {
        bch.iter_custom(|iters| {
            let start = std::time::Instant::now();
            for _ in 0..iters {
                let p = black_box(&*x).matmul(black_box(&w));
                black_box(&p);
            }
            start.elapsed()
        })
    });
    group.bench_function("matmul_into", |bch| {
        bch.iter(|| {
            black_box(&*x).matmul_into(black_box(&w), &mut out);
            black_box(&out);
        })
    });
    group.finish();
}

fn main() {
    common::with_big_stack(|| {
        let mut c = common::criterion();
        matmul_f32(&mut c);
        matmul_f64(&mut c);
        by_value(&mut c);
        c.final_summary();
    });
}
