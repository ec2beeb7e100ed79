//! `softmax`, `log_softmax` and `cross_entropy` along the rows of `(N, C)` logits, `f32` and
//! `f64`, at the shapes classifiers use (two classes over a batch of 400, ten over 64, a
//! thousand over 32), against the plain loop a user writes (per row: the maximum, `exp` of the
//! shifted values, their sum, then the division or the logarithm; into a preallocated output).
//! See BENCHMARKS.md.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Throughput};
use tensor::Tensor;

/// The plain loop: `softmax` (`log = false`) or `log_softmax` of each row of `c` elements.
fn plain<T: tensor::num_traits::Float>(x: &[T], c: usize, out: &mut [T], log: bool) {
    for (row, o) in x.chunks_exact(c).zip(out.chunks_exact_mut(c)) {
        let max = row.iter().fold(T::neg_infinity(), |m, &v| m.max(v));
        let mut sum = T::zero();
        for (o, &v) in o.iter_mut().zip(row) {
            *o = (v - max).exp();
            sum = sum + *o;
        }
        if log {
            let ln_sum = sum.ln();
            for (o, &v) in o.iter_mut().zip(row) {
                *o = v - max - ln_sum;
            }
        } else {
            for o in o.iter_mut() {
                *o = *o / sum;
            }
        }
    }
}

macro_rules! bench_shape {
    ($c:expr, $T:ty, $n:literal x $k:literal) => {{
        const N: usize = $n;
        const C: usize = $k;
        let x: Tensor<$T, N, C> = Tensor::from_fn(|i, j| (common::value(i * C + j) * 8.0) as $T);
        let mut out = vec![0.0 as $T; N * C];
        for (name, log) in [("softmax", false), ("log_softmax", true)] {
            let mut group = $c.benchmark_group(format!("{name}/{}/{N}x{C}", stringify!($T)));
            group.throughput(Throughput::Elements((N * C) as u64));
            group.bench_function(BenchmarkId::new("tensor", N * C), |bch| {
                bch.iter(|| {
                    let x = black_box(&x);
                    let r = if log { x.log_softmax() } else { x.softmax() };
                    black_box(&r);
                })
            });
            group.bench_function(BenchmarkId::new("plain loop", N * C), |bch| {
                bch.iter(|| {
                    plain(black_box(x.as_flat()), C, &mut out, log);
                    black_box(&out);
                })
            });
            group.finish();
        }
        // The cross-entropy against one-hot rows: `-sum(y * log_softmax(x)) / N`.
        let y: Tensor<$T, N, C> = Tensor::from_fn(|i, j| if j == i % C { 1.0 } else { 0.0 });
        let mut group = $c.benchmark_group(format!("cross_entropy/{}/{N}x{C}", stringify!($T)));
        group.throughput(Throughput::Elements((N * C) as u64));
        group.bench_function(BenchmarkId::new("tensor", N * C), |bch| {
            bch.iter(|| black_box(black_box(&x).cross_entropy(black_box(&y))))
        });
        group.bench_function(BenchmarkId::new("plain loop", N * C), |bch| {
            bch.iter(|| black_box(plain_cross_entropy(black_box(x.as_flat()), y.as_flat(), C)))
        });
        group.finish();
    }};
}

/// The plain loop's cross-entropy of logits `x` against targets `y`, rows of `c` elements:
/// per row `sum(y * (lse - x))` with `lse = max + ln(sum(exp(x - max)))`, averaged over rows.
fn plain_cross_entropy<T: tensor::num_traits::Float>(x: &[T], y: &[T], c: usize) -> T {
    let mut total = T::zero();
    for (row, y) in x.chunks_exact(c).zip(y.chunks_exact(c)) {
        let max = row.iter().fold(T::neg_infinity(), |m, &v| m.max(v));
        let sum = row.iter().fold(T::zero(), |s, &v| s + (v - max).exp());
        let lse = max + sum.ln();
        for (&v, &t) in row.iter().zip(y) {
            total = total + t * (lse - v);
        }
    }
    total / T::from(x.len() / c).unwrap()
}

fn main() {
    common::with_big_stack(|| {
        let mut c = common::criterion();
        bench_shape!(c, f32, 400 x 2);
        bench_shape!(c, f64, 400 x 2);
        bench_shape!(c, f32, 64 x 10);
        bench_shape!(c, f64, 64 x 10);
        bench_shape!(c, f32, 32 x 1000);
        bench_shape!(c, f64, 32 x 1000);
        c.final_summary();
    });
}
