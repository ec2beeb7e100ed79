//! The feature `parallel` on and off: `f32`/`f64` matrix products at 256, 512 and 1024
//! (`matmul_into` on boxed operands), and over 1 Mi `f32` the by-value `&a + &b`, `a.exp()`
//! and `a.sum()`.
//!
//! `cargo bench -p tensor-bench --features parallel --bench parallel`: each case is one
//! criterion group with `serial` (the same build in a rayon pool of one thread, which takes
//! the serial path) and `parallel` (a pool of one thread per CPU), measured back to back.
//! Without `--features parallel` the group holds `serial` alone: the build without the
//! feature (no rayon at all). See BENCHMARKS.md, "Many cores (`parallel`)".

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use tensor::shape::{Const, MatMulRhs};
use tensor::{Tensor, Vector};

/// Runs `f` as the benchmark `name`: in the serial build directly; with `parallel`, inside a
/// pool of `threads` threads with large stacks (the 1 Mi by-value results are 4 MiB values).
fn run(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    threads: usize,
    mut f: impl FnMut() + Send,
) {
    let id = BenchmarkId::new(name, threads);
    #[cfg(feature = "parallel")]
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .stack_size(64 << 20)
            .build()
            .expect("a rayon pool");
        group.bench_function(id, |bch| pool.install(|| bch.iter(&mut f)));
    }
    #[cfg(not(feature = "parallel"))]
    {
        let _ = threads;
        group.bench_function(id, |bch| bch.iter(&mut f));
    }
}

/// `serial` and, with `parallel`, `parallel` for one case.
fn both(c: &mut Criterion, name: String, elements: u64, mut f: impl FnMut() + Send) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(elements));
    run(&mut group, "serial", 1, &mut f);
    #[cfg(feature = "parallel")]
    {
        let cpus = std::thread::available_parallelism().map_or(2, |n| n.get());
        run(&mut group, "parallel", cpus, &mut f);
    }
    group.finish();
}

/// `out = a @ b` for `N x N` boxed operands of `T` (throughput: `2 N^3` flop).
fn matmul<T, const N: usize>(c: &mut Criterion, name: &str, v: impl Fn(usize) -> T + Copy)
where
    T: tensor::Element + Send + Sync,
    Tensor<T, N, N>: MatMulRhs<T, Const<N>, N, Output = Tensor<T, N, N>>,
{
    let a = Tensor::<T, N, N>::boxed_from_fn(|i, j| v(i * N + j));
    let b = Tensor::<T, N, N>::boxed_from_fn(|i, j| v(N * N + i * N + j));
    let mut out = Tensor::<T, N, N>::boxed_zeros();
    both(
        c,
        format!("parallel/matmul_{name}/{N}"),
        2 * (N as u64).pow(3),
        || {
            black_box(&*a).matmul_into(black_box(&*b), &mut out);
            black_box(&out);
        },
    );
}

/// `&a + &b`, `a.exp()` and `a.sum()` over 1 Mi `f32`.
fn elementwise(c: &mut Criterion) {
    const N: usize = 1 << 20;
    let a: Box<Vector<f32, N>> = Tensor::boxed_from_fn(|_, j| (common::value(j) * 10.0) as f32);
    let b: Box<Vector<f32, N>> = Tensor::boxed_from_fn(|_, j| (common::value(N + j) * 10.0) as f32);
    both(c, format!("parallel/add/{N}"), N as u64, || {
        // By reference: `black_box(value)` would copy the 4 MiB result once more.
        let sum = black_box(&*a) + black_box(&*b);
        black_box(&sum);
    });
    both(c, format!("parallel/exp/{N}"), N as u64, || {
        let r = black_box(&*a).exp();
        black_box(&r);
    });
    both(c, format!("parallel/sum/{N}"), N as u64, || {
        black_box(black_box(&*a).sum());
    });
}

fn main() {
    common::with_big_stack(|| {
        let mut c = common::criterion();
        let f32v = |i: usize| common::value(i) as f32;
        let f64v = common::value;
        matmul::<f32, 256>(&mut c, "f32", f32v);
        matmul::<f32, 512>(&mut c, "f32", f32v);
        matmul::<f32, 1024>(&mut c, "f32", f32v);
        matmul::<f64, 256>(&mut c, "f64", f64v);
        matmul::<f64, 512>(&mut c, "f64", f64v);
        matmul::<f64, 1024>(&mut c, "f64", f64v);
        elementwise(&mut c);
        c.final_summary();
    });
}
