//! Matrix products at every kind of shape (issue 20): `K = 1`, dot products, matrix-vector,
//! vector-matrix, thin and odd shapes, ML layers and squares, with `M, K, N` drawn from
//! `{1, 2, 3, 4, 7, 8, 10, 16, 31, 64, 100, 784, 1000, 10000}` plus the shapes of the issue's
//! table, in `f32` and `f64`. Each shape is one criterion group holding `tensor`, the plain
//! i-k-j loop over the same arrays, nalgebra (`SMatrix`, `mul_to`) and faer (`Par::Seq`), so
//! the ratios come from one run. `python3 benches/shapes_report.py` prints the table of
//! BENCHMARKS.md from `target/criterion`.
//!
//! The default run is short (0.1 s warm-up, 0.3 s measurement, 10 samples per benchmark: the
//! grid takes a few minutes); criterion's flags override it.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Throughput};
use faer::linalg::matmul::matmul as faer_matmul;
use faer::{Accum, Mat, Par};
use nalgebra::SMatrix;
use tensor::Tensor;

/// The plain loop a user writes: `for i, for p, for j: c[i][j] += a[i][p] * b[p][j]`, over
/// the tensors' own arrays (dimensions known to the compiler, as for `tensor`).
#[inline(never)]
#[allow(clippy::needless_range_loop)] // the loop as users write it
fn plain_loop<T, const R: usize, const K: usize, const C: usize>(
    a: &[[T; K]; R],
    b: &[[T; C]; K],
    c: &mut [[T; C]; R],
) where
    T: Copy + Default + std::ops::Add<Output = T> + std::ops::Mul<Output = T>,
{
    for i in 0..R {
        c[i] = [T::default(); C];
        for p in 0..K {
            for j in 0..C {
                c[i][j] = c[i][j] + a[i][p] * b[p][j];
            }
        }
    }
}

macro_rules! shape {
    ($c:expr, $t:ident, $r:literal, $k:literal, $n:literal) => {{
        const R: usize = $r;
        const K: usize = $k;
        const N: usize = $n;
        let mut group = $c.benchmark_group(format!("shapes_matmul_{}_{R}x{K}x{N}", stringify!($t)));
        group.throughput(Throughput::Elements(2 * (R * K * N) as u64));
        let v = |i: usize| common::value(i) as $t;
        let id = format!("{R}x{K}x{N}");

        // tensor: by value for small outputs (as users write it), into a boxed output above.
        let a = Tensor::<$t, R, K>::boxed_from_fn(|i, j| v(i * K + j));
        let b = Tensor::<$t, K, N>::boxed_from_fn(|i, j| v(R * K + i * N + j));
        let mut out = Tensor::<$t, R, N>::boxed_zeros();
        if R * N <= 1024 {
            group.bench_function(BenchmarkId::new("tensor", &id), |bch| {
                bch.iter(|| *out = black_box(&*a).matmul(black_box(&*b)))
            });
        } else {
            group.bench_function(BenchmarkId::new("tensor", &id), |bch| {
                bch.iter(|| black_box(&*a).matmul_into(black_box(&*b), &mut out))
            });
        }

        let mut out2 = Tensor::<$t, R, N>::boxed_zeros();
        group.bench_function(BenchmarkId::new("loop", &id), |bch| {
            bch.iter(|| {
                plain_loop(
                    black_box(a.as_array()),
                    black_box(b.as_array()),
                    out2.as_array_mut(),
                )
            })
        });

        let na = Box::new(SMatrix::<$t, R, K>::from_fn(|i, j| v(i * K + j)));
        let nb = Box::new(SMatrix::<$t, K, N>::from_fn(|i, j| v(R * K + i * N + j)));
        let mut nc = Box::new(SMatrix::<$t, R, N>::zeros());
        group.bench_function(BenchmarkId::new("nalgebra", &id), |bch| {
            bch.iter(|| black_box(&*na).mul_to(black_box(&*nb), &mut *nc))
        });

        let fa = Mat::<$t>::from_fn(R, K, |i, j| v(i * K + j));
        let fb = Mat::<$t>::from_fn(K, N, |i, j| v(R * K + i * N + j));
        let mut fc = Mat::<$t>::zeros(R, N);
        group.bench_function(BenchmarkId::new("faer", &id), |bch| {
            bch.iter(|| {
                faer_matmul(
                    &mut fc,
                    Accum::Replace,
                    black_box(&fa),
                    black_box(&fb),
                    1.0,
                    Par::Seq,
                )
            })
        });
        group.finish();
    }};
}

/// The grid, for one element type.
macro_rules! grid {
    ($c:expr, $t:ident) => {{
        // K = 1: scaling and outer products.
        shape!($c, $t, 10000, 1, 1);
        shape!($c, $t, 100, 1, 1);
        shape!($c, $t, 1000, 1, 3);
        shape!($c, $t, 256, 1, 256);
        shape!($c, $t, 7, 1, 31);
        // Dot products.
        shape!($c, $t, 1, 3, 1);
        shape!($c, $t, 1, 10, 1);
        shape!($c, $t, 1, 100, 1);
        shape!($c, $t, 1, 4096, 1);
        shape!($c, $t, 1, 10000, 1);
        // Matrix-vector.
        shape!($c, $t, 31, 7, 1);
        shape!($c, $t, 3, 100, 1);
        shape!($c, $t, 1000, 64, 1);
        shape!($c, $t, 10000, 10, 1);
        shape!($c, $t, 512, 512, 1);
        // Vector-matrix: one sample through a layer.
        shape!($c, $t, 1, 3, 2);
        shape!($c, $t, 1, 10, 31);
        shape!($c, $t, 1, 64, 1000);
        shape!($c, $t, 1, 784, 10);
        shape!($c, $t, 1, 784, 128);
        // Thin, narrow and odd.
        shape!($c, $t, 2, 64, 100);
        shape!($c, $t, 4, 100, 7);
        shape!($c, $t, 1000, 64, 2);
        shape!($c, $t, 1000, 8, 3);
        shape!($c, $t, 100, 10, 16);
        shape!($c, $t, 31, 64, 10);
        shape!($c, $t, 7, 31, 100);
        shape!($c, $t, 1000, 100, 10);
        // Layers of an MNIST MLP, a batch of 32.
        shape!($c, $t, 32, 784, 10);
        shape!($c, $t, 32, 784, 128);
        shape!($c, $t, 32, 128, 10);
        // Small and medium squares.
        shape!($c, $t, 2, 3, 4);
        shape!($c, $t, 3, 4, 7);
        shape!($c, $t, 4, 4, 4);
        shape!($c, $t, 8, 8, 8);
        shape!($c, $t, 10, 10, 10);
        shape!($c, $t, 16, 16, 16);
        shape!($c, $t, 31, 31, 31);
        shape!($c, $t, 64, 64, 64);
        shape!($c, $t, 100, 100, 100);
        // Mid-sized: full and partly empty AVX-512 tiles.
        shape!($c, $t, 16, 16, 64);
        shape!($c, $t, 24, 24, 24);
        shape!($c, $t, 12, 40, 24);
        shape!($c, $t, 64, 32, 8);
    }};
}

fn main() {
    common::with_big_stack(|| {
        let mut c = common::criterion()
            .warm_up_time(Duration::from_millis(100))
            .measurement_time(Duration::from_millis(300))
            .sample_size(10)
            .configure_from_args();
        grid!(c, f32);
        grid!(c, f64);
        c.final_summary();
    });
}
