//! Vectorized `f64` math (`exp`, `ln`, `tanh`, `sigmoid`) against the scalar loop over the
//! platform's libm (`f64::exp`, ...), at 1 Ki, 64 Ki and 1 Mi elements. Like `elementwise.rs`:
//! `tensor` is the by-value method on a boxed `Vector<f64, N>`; the scalar loop writes into a
//! preallocated `Vec`. See BENCHMARKS.md.
//!
//! `cargo bench -p tensor-bench --bench math_f64`; a filter such as `tanh_f64/1048576` runs one
//! case.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Throughput};
use tensor::{Tensor, Vector};

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

macro_rules! bench_len {
    ($c:expr, $n:expr) => {{
        const N: usize = $n;
        // Inputs in [-10, 10), and in (0, 200) for `ln`.
        let a: Box<Vector<f64, N>> = Tensor::boxed_from_fn(|_, j| common::value(j) * 10.0);
        let pos: Box<Vector<f64, N>> =
            Tensor::boxed_from_fn(|_, j| (common::value(j) + 1.0) * 100.0 + 1e-3);
        let mut out = vec![0.0f64; N];

        macro_rules! unary {
            ($name:literal, $input:expr, $method:ident, $scalar:expr) => {{
                let x = $input;
                let mut group = $c.benchmark_group(format!("{}_f64/{N}", $name));
                group.throughput(Throughput::Elements(N as u64));
                group.bench_function(BenchmarkId::new("tensor", N), |bch| {
                    bch.iter(|| {
                        let r = black_box(&*x).$method();
                        black_box(&r);
                    })
                });
                group.bench_function(BenchmarkId::new("scalar loop", N), |bch| {
                    bch.iter(|| {
                        for (o, &v) in out.iter_mut().zip(black_box(x.as_flat()).iter()) {
                            *o = $scalar(v);
                        }
                        black_box(&out);
                    })
                });
                group.finish();
            }};
        }
        unary!("exp", &a, exp, f64::exp);
        unary!("ln", &pos, ln, f64::ln);
        unary!("tanh", &a, tanh, f64::tanh);
        unary!("sigmoid", &a, sigmoid, sigmoid);
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
