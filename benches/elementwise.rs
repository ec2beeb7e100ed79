//! Elementwise `+`, `exp`, `sigmoid` and `tanh` over 1 Ki, 64 Ki and 1 Mi `f32` (heap-boxed
//! operands), by value (`tensor`: `&*a + &*b`, a tensor returned on the stack; `tensor boxed`:
//! `&a + &b` of the boxes, a boxed result) against the plain scalar loop into a preallocated
//! output slice (`iter().map(f32::exp)`), each operation and size one criterion group. See BENCHMARKS.md (and
//! `benches/numpy_bench.py` for NumPy).

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Throughput};
use tensor::{BoxedOps, Tensor, Vector};

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

macro_rules! bench_len {
    ($c:expr, $n:expr) => {{
        const N: usize = $n;
        let a: Box<Vector<f32, N>> = Tensor::boxed_from_fn(|_, j| (common::value(j) * 10.0) as f32);
        let b: Box<Vector<f32, N>> =
            Tensor::boxed_from_fn(|_, j| (common::value(N + j) * 10.0) as f32);
        let mut out = vec![0.0f32; N];

        let mut group = $c.benchmark_group(format!("add/{N}"));
        group.throughput(Throughput::Elements(N as u64));
        group.bench_function(BenchmarkId::new("tensor", N), |bch| {
            bch.iter(|| {
                // By reference: `black_box(value)` would copy the 4 MiB result once more.
                let sum = black_box(&*a) + black_box(&*b);
                black_box(&sum);
            })
        });
        group.bench_function(BenchmarkId::new("tensor boxed", N), |bch| {
            bch.iter(|| {
                // Boxed operands give a boxed result, built in its heap allocation.
                let sum = black_box(&a) + black_box(&b);
                black_box(&sum);
            })
        });
        group.bench_function(BenchmarkId::new("scalar loop", N), |bch| {
            bch.iter(|| {
                for ((o, x), y) in out
                    .iter_mut()
                    .zip(black_box(a.as_flat()))
                    .zip(black_box(b.as_flat()))
                {
                    *o = x + y;
                }
                black_box(&out);
            })
        });
        group.finish();

        macro_rules! unary {
            ($name:literal, $method:ident, $scalar:expr) => {{
                let mut group = $c.benchmark_group(format!("{}/{N}", $name));
                group.throughput(Throughput::Elements(N as u64));
                group.bench_function(BenchmarkId::new("tensor", N), |bch| {
                    bch.iter(|| {
                        let r = black_box(&*a).$method();
                        black_box(&r);
                    })
                });
                group.bench_function(BenchmarkId::new("tensor boxed", N), |bch| {
                    bch.iter(|| {
                        let r = BoxedOps::$method(black_box(&a));
                        black_box(&r);
                    })
                });
                group.bench_function(BenchmarkId::new("scalar loop", N), |bch| {
                    bch.iter(|| {
                        for (o, &x) in out.iter_mut().zip(black_box(a.as_flat()).iter()) {
                            *o = $scalar(x);
                        }
                        black_box(&out);
                    })
                });
                group.finish();
            }};
        }
        unary!("exp", exp, f32::exp);
        unary!("sigmoid", sigmoid, sigmoid);
        unary!("tanh", tanh, f32::tanh);
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
