//! The transpose of large and medium matrices, `f32` and `f64`: `tensor`'s `a.t()` (a boxed
//! operand, the result on the stack) against the plain loop (`out[j][i] = a[i][j]`, a row of
//! `a` at a time, into a preallocated boxed output: what `t()` ran before it moved large
//! matrices in tiles) and ndarray (`out.assign(&a.t())` into a preallocated standard-layout
//! array), each shape one criterion group. See BENCHMARKS.md.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use ndarray::Array2;
use tensor::Tensor;

/// `out[j][i] = a[i][j]`, the loop `t()` ran for every size before.
#[inline(never)]
fn plain<T: Copy, const R: usize, const C: usize>(a: &[[T; C]; R], out: &mut [[T; R]; C]) {
    for (i, row) in a.iter().enumerate() {
        for (j, &x) in row.iter().enumerate() {
            out[j][i] = x;
        }
    }
}

fn shape<T, const R: usize, const C: usize>(c: &mut Criterion, name: &str)
where
    T: Copy + Default + From<f32> + 'static,
{
    let value = |i: usize, j: usize| T::from(common::value(i * C + j) as f32);
    let a: Box<Tensor<T, R, C>> = Tensor::boxed_from_fn(value);
    let mut out: Box<Tensor<T, C, R>> = Tensor::boxed_from_fn(|_, _| T::default());
    let na = Array2::from_shape_fn((R, C), |(i, j)| value(i, j));
    let mut nout = Array2::from_elem((C, R), T::default());

    let mut group = c.benchmark_group(format!("transpose_{name}/({R},{C})"));
    group.throughput(Throughput::Elements((R * C) as u64));
    group.bench_function(BenchmarkId::new("tensor", R * C), |bch| {
        bch.iter(|| {
            let t = black_box(&*a).t();
            black_box(&t);
        })
    });
    group.bench_function(BenchmarkId::new("loop", R * C), |bch| {
        bch.iter(|| {
            plain(black_box(a.as_array()), out.as_array_mut());
            black_box(&out);
        })
    });
    group.bench_function(BenchmarkId::new("ndarray", R * C), |bch| {
        bch.iter(|| {
            nout.assign(&black_box(&na).t());
            black_box(&nout);
        })
    });
    group.finish();
}

fn main() {
    common::with_big_stack(|| {
        let mut c = common::criterion();
        shape::<f32, 16384, 64>(&mut c, "f32");
        shape::<f32, 64, 16384>(&mut c, "f32");
        shape::<f32, 1000, 1000>(&mut c, "f32");
        shape::<f32, 512, 512>(&mut c, "f32");
        shape::<f32, 784, 512>(&mut c, "f32");
        shape::<f32, 784, 128>(&mut c, "f32");
        shape::<f32, 100, 100>(&mut c, "f32");
        shape::<f64, 16384, 64>(&mut c, "f64");
        shape::<f64, 1000, 1000>(&mut c, "f64");
        shape::<f64, 512, 512>(&mut c, "f64");
        shape::<f64, 784, 512>(&mut c, "f64");
        shape::<f64, 100, 100>(&mut c, "f64");
        c.final_summary();
    });
}
