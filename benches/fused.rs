//! Fusion in `tensor!` (issue 13, item 2): each expression evaluated by the macro's fused pass
//! (`tensor`), and written with the operators outside the macro, one tensor per operation
//! (`unfused`), with results of 1 Ki, 64 Ki and 1 Mi `f32` elements (stack tensors, on a
//! large-stack thread). NumPy's side is `benches/fused_numpy.py`, which prints the same groups
//! in criterion's format; `benches/ratio_report.py` reads both logs. See BENCHMARKS.md.
//!
//! - `diff_sq`: `(a - b) * (a - b)`, vectors of `N`;
//! - `linear_sigmoid`: `(x @ w + b).sigmoid()`, `x` of `(N / 64, 16)`, `w` of `(16, 64)`;
//! - `mse`: `((x @ w + b) - y).square().mean()`, the same shapes;
//! - `sgd_step`: `w - lr * (x.T @ err)`, `w` of `(N / 64, 64)`, a batch of 16 rows;
//! - `linreg_err`: `x @ w + b - y`, `x` and `y` of `(N, 1)`, `w` of `(1, 1)`, `b` a scalar (the
//!   seed's linear regression: a `K = 1` product, never made by the fused pass).

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Throughput};
use tensor::{Tensor, Vector, tensor};

/// The tensor whose row-major element `k` is `common::value(k + seed)`.
macro_rules! filled {
    ($ty:ty, $seed:expr) => {{
        let mut t = <$ty>::zeros();
        for (k, x) in t.as_flat_mut().iter_mut().enumerate() {
            *x = common::value(k + $seed) as f32;
        }
        t
    }};
}

macro_rules! bench_len {
    ($c:expr, $n:expr) => {{
        const N: usize = $n;
        const R: usize = N / 64;
        const K: usize = 16;
        const B: usize = 16;

        // (a - b) * (a - b)
        let a: Vector<f32, N> = filled!(Vector<f32, N>, 0);
        let b: Vector<f32, N> = filled!(Vector<f32, N>, N);
        let mut group = $c.benchmark_group(format!("diff_sq/{N}"));
        group.throughput(Throughput::Elements(N as u64));
        group.bench_function(BenchmarkId::new("tensor", N), |bch| {
            bch.iter(|| {
                let (a, b) = (black_box(&a), black_box(&b));
                let r = tensor!((a - b) * (a - b));
                black_box(&r);
            })
        });
        group.bench_function(BenchmarkId::new("unfused", N), |bch| {
            bch.iter(|| {
                let (a, b) = (black_box(&a), black_box(&b));
                let r = (a - b) * (a - b);
                black_box(&r);
            })
        });
        group.finish();

        // (x @ w + b).sigmoid() and ((x @ w + b) - y).square().mean()
        let x: Tensor<f32, R, K> = filled!(Tensor<f32, R, K>, 1);
        let w: Tensor<f32, K, 64> = filled!(Tensor<f32, K, 64>, 2);
        let bias: Vector<f32, 64> = filled!(Vector<f32, 64>, 3);
        let y: Tensor<f32, R, 64> = filled!(Tensor<f32, R, 64>, 4);
        let mut group = $c.benchmark_group(format!("linear_sigmoid/{N}"));
        group.throughput(Throughput::Elements(N as u64));
        group.bench_function(BenchmarkId::new("tensor", N), |bch| {
            bch.iter(|| {
                let (x, w, bias) = (black_box(&x), black_box(&w), black_box(&bias));
                let r = tensor!((x @ w + bias).sigmoid());
                black_box(&r);
            })
        });
        group.bench_function(BenchmarkId::new("unfused", N), |bch| {
            bch.iter(|| {
                let (x, w, bias) = (black_box(&x), black_box(&w), black_box(&bias));
                let r = (x.matmul(w) + bias).sigmoid();
                black_box(&r);
            })
        });
        group.finish();

        let mut group = $c.benchmark_group(format!("mse/{N}"));
        group.throughput(Throughput::Elements(N as u64));
        group.bench_function(BenchmarkId::new("tensor", N), |bch| {
            bch.iter(|| {
                let (x, w, bias, y) = (black_box(&x), black_box(&w), black_box(&bias), black_box(&y));
                let r: f32 = tensor!(((x @ w + bias) - y).square().mean());
                black_box(r);
            })
        });
        group.bench_function(BenchmarkId::new("unfused", N), |bch| {
            bch.iter(|| {
                let (x, w, bias, y) = (black_box(&x), black_box(&w), black_box(&bias), black_box(&y));
                let r = ((x.matmul(w) + bias) - y).square().mean();
                black_box(r);
            })
        });
        group.finish();

        // w - lr * (x.T @ err)
        let wt: Tensor<f32, R, 64> = filled!(Tensor<f32, R, 64>, 5);
        let xb: Tensor<f32, B, R> = filled!(Tensor<f32, B, R>, 6);
        let err: Tensor<f32, B, 64> = filled!(Tensor<f32, B, 64>, 7);
        let lr = 0.01f32;
        let mut group = $c.benchmark_group(format!("sgd_step/{N}"));
        group.throughput(Throughput::Elements(N as u64));
        group.bench_function(BenchmarkId::new("tensor", N), |bch| {
            bch.iter(|| {
                let (w, x, err, lr) = (black_box(&wt), black_box(&xb), black_box(&err), black_box(lr));
                let r = tensor!(w - lr * (x.T @ err));
                black_box(&r);
            })
        });
        group.bench_function(BenchmarkId::new("unfused", N), |bch| {
            bch.iter(|| {
                let (w, x, err, lr) = (black_box(&wt), black_box(&xb), black_box(&err), black_box(lr));
                let r = w - x.t().matmul(err) * lr;
                black_box(&r);
            })
        });
        group.finish();

        // x @ w + b - y with one feature
        let xc: Tensor<f32, N, 1> = filled!(Tensor<f32, N, 1>, 8);
        let w1: Tensor<f32, 1, 1> = filled!(Tensor<f32, 1, 1>, 9);
        let yc: Tensor<f32, N, 1> = filled!(Tensor<f32, N, 1>, 10);
        let b1 = 0.5f32;
        let mut group = $c.benchmark_group(format!("linreg_err/{N}"));
        group.throughput(Throughput::Elements(N as u64));
        group.bench_function(BenchmarkId::new("tensor", N), |bch| {
            bch.iter(|| {
                let (x, w, b, y) = (black_box(&xc), black_box(&w1), black_box(b1), black_box(&yc));
                let r = tensor!(x @ w + b - y);
                black_box(&r);
            })
        });
        group.bench_function(BenchmarkId::new("unfused", N), |bch| {
            bch.iter(|| {
                let (x, w, b, y) = (black_box(&xc), black_box(&w1), black_box(b1), black_box(&yc));
                let r = x.matmul(w) + b - y;
                black_box(&r);
            })
        });
        group.finish();
    }};
}

fn main() {
    common::with_big_stack(|| {
        let mut c = common::criterion();
        bench_len!(c, 1 << 10);
        bench_len!(c, 1 << 16);
        bench_len!(c, 1 << 20);
        c.final_summary();
    });
}
