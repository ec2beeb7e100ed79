//! A performance guard for matrix products at every shape of the benchmark grid: `tensor`'s product must not
//! run below half the speed of the plain i-k-j triple loop on the same data, measured in the
//! same process (issue 20). The margin absorbs machine noise; a regression of the kind the
//! issue describes (5 to 100 times behind the loop) cannot pass.
//!
//! Run in release mode only (ignored in debug builds, where timings mean nothing):
//! `cargo test --release --test perf_guard_matmul` (CI runs it; a few seconds). `tensor` is
//! `a.matmul_into(&b, &mut out)` and the loop writes into an existing output too. With
//! `-- --nocapture` it prints every shape's ratio (`loop time / tensor time`, above 1 = tensor
//! faster), then the median time per call of each side. Each ratio is the median of
//! interleaved rounds: a batch of tensor calls, then a batch of loop calls, each batch about
//! 200 microseconds. (The loop is this binary's own code: when another build places it
//! differently its time moves too, so compare the times as well as the ratios.)

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use tensor::Tensor;

/// The plain loop a user writes: `for i, for p, for j: c[i][j] += a[i][p] * b[p][j]`, over
/// the tensors' own arrays (so the compiler knows every dimension, as it does for `tensor`).
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

/// `out = a.matmul(b)`, a function of its own as [`plain_loop`] is, so that neither side is
/// inlined into the timing loop (where the code around it moved the `(16, 16)` `f64` ratio
/// from 1.0x to 0.6x-0.76x in the native build).
#[inline(never)]
fn by_value<T: tensor::Element, const R: usize, const K: usize, const C: usize>(
    a: &Tensor<T, R, K>,
    b: &Tensor<T, K, C>,
    out: &mut Tensor<T, R, C>,
) {
    *out = a.matmul(b);
}

/// `a.matmul_into(b, out)`, out of line as [`by_value`].
#[inline(never)]
fn into<T: tensor::Element, const R: usize, const K: usize, const C: usize>(
    a: &Tensor<T, R, K>,
    b: &Tensor<T, K, C>,
    out: &mut Tensor<T, R, C>,
) {
    a.matmul_into(b, out);
}

/// How many calls make a batch of about `target`, after one call that is not timed: the first
/// call of a shape's code pays one-time costs (its pages of machine code faulted in, the
/// instruction set detected), which made `f32 (1, 100) @ (100, 1)` a batch of 3 calls, timed
/// at 40-140 ns a call, where it takes 12 ns.
fn calls_per_batch<O>(out: &mut O, mut f: impl FnMut(&mut O), target: Duration) -> u32 {
    f(out);
    let mut n = 1u32;
    loop {
        let t = Instant::now();
        for _ in 0..n {
            f(out);
        }
        let e = t.elapsed();
        if e >= target / 4 || n >= 1 << 24 {
            let per = e.as_secs_f64() / f64::from(n);
            return ((target.as_secs_f64() / per).ceil() as u32).max(1);
        }
        n *= 4;
    }
}

/// `loop time / tensor time`, the median over `rounds` interleaved rounds. Both write the
/// same `out`: with every operand at the same address on both sides, neither pays for an
/// unlucky placement the other does not (a store to `out` that shares its address's low 12
/// bits with a later load of `a` or `b` stalls that load; with separate outputs, the `(4, 4)`
/// `f64` ratio moved between 0.44x and 1.95x with the allocations made before it).
fn ratio<O>(
    out: &mut O,
    mut tensor: impl FnMut(&mut O),
    mut naive: impl FnMut(&mut O),
    rounds: usize,
) -> (f64, f64, f64) {
    let target = Duration::from_micros(200);
    let nt = calls_per_batch(out, &mut tensor, target);
    let nl = calls_per_batch(out, &mut naive, target);
    let times: Vec<(f64, f64)> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..nt {
                tensor(out);
            }
            let tt = t.elapsed().as_secs_f64() / f64::from(nt);
            let t = Instant::now();
            for _ in 0..nl {
                naive(out);
            }
            let tl = t.elapsed().as_secs_f64() / f64::from(nl);
            (tt, tl)
        })
        .collect();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[rounds / 2]
    };
    let mut ratios: Vec<f64> = times.iter().map(|&(tt, tl)| tl / tt).collect();
    let mut tensor_times: Vec<f64> = times.iter().map(|t| t.0).collect();
    let mut loop_times: Vec<f64> = times.iter().map(|t| t.1).collect();
    (
        median(&mut ratios),
        median(&mut tensor_times),
        median(&mut loop_times),
    )
}

/// A deterministic value in `[-1, 1)`.
fn value(i: usize) -> f64 {
    let x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11;
    x as f64 / (1u64 << 52) as f64 - 1.0
}

/// The ratio of `(R, K) @ (K, C)` in `T`, printed; returns `(name, ratio)`.
fn shape<T, const R: usize, const K: usize, const C: usize>(name: &str) -> (String, f64)
where
    T: tensor::Element
        + Default
        + std::ops::Add<Output = T>
        + std::ops::Mul<Output = T>
        + tensor::num_traits::NumCast,
{
    // `PERF_GUARD_ONLY=<text>`: measure only the shapes whose name contains it (to profile).
    let full = format!("{name} ({R},{K})@({K},{C})");
    if let Ok(only) = std::env::var("PERF_GUARD_ONLY")
        && !full.contains(&only)
    {
        return (full, f64::INFINITY);
    }
    let v = |i: usize| -> T { tensor::num_traits::cast(value(i)).unwrap() };
    let a = Tensor::<T, R, K>::boxed_from_fn(|i, j| v(i * K + j));
    let b = Tensor::<T, K, C>::boxed_from_fn(|i, j| v(R * K + i * C + j));
    let mut out = Tensor::<T, R, C>::boxed_zeros();
    // Long rows settle in fewer rounds than tiny calls need to beat timer noise.
    let rounds = std::env::var("PERF_GUARD_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(21);
    // Into an existing output, as the loop writes (`PERF_GUARD_VALUE=1`: outputs of up to
    // 1024 elements by value, `*out = a.matmul(&b)`, which adds the return's copy). Each
    // side is a direct call of a function that is not inlined: chosen through a function
    // pointer, the product paid an indirect call that the loop did not (a third of a 3-term
    // dot product's time).
    let naive = |out: &mut Box<Tensor<T, R, C>>| {
        plain_loop(
            black_box(a.as_array()),
            black_box(b.as_array()),
            out.as_array_mut(),
        );
        black_box(&**out);
    };
    let (r, t_tensor, t_loop) = if R * C <= 1024 && std::env::var_os("PERF_GUARD_VALUE").is_some() {
        let tensor = |out: &mut Box<Tensor<T, R, C>>| {
            by_value::<T, R, K, C>(black_box(&*a), black_box(&*b), out);
            black_box(&**out);
        };
        ratio(&mut out, tensor, naive, rounds)
    } else {
        let tensor = |out: &mut Box<Tensor<T, R, C>>| {
            into::<T, R, K, C>(black_box(&*a), black_box(&*b), out);
            black_box(&**out);
        };
        ratio(&mut out, tensor, naive, rounds)
    };
    println!(
        "{full:<40} {r:>8.2}   tensor {:>10.1} ns  loop {:>10.1} ns",
        t_tensor * 1e9,
        t_loop * 1e9
    );
    (full, r)
}

/// Both element types of one shape.
macro_rules! both {
    ($name:literal, $r:literal, $k:literal, $c:literal) => {
        [
            shape::<f32, $r, $k, $c>(concat!("f32 ", $name)),
            shape::<f64, $r, $k, $c>(concat!("f64 ", $name)),
        ]
    };
}

/// The shape grid of `benches/shapes_matmul.rs` (K = 1, dots, matrix-vector, vector-matrix,
/// thin, narrow and odd shapes, ML layers, squares), in both float types.
#[test]
#[cfg_attr(debug_assertions, ignore = "timings need a release build")]
fn products_are_at_least_half_the_plain_loop() {
    let results = common::on_stack(64 << 20, || {
        [
            // K = 1: scaling and outer products.
            both!("K=1", 10000, 1, 1),
            both!("K=1", 100, 1, 1),
            both!("K=1", 1000, 1, 3),
            both!("outer", 256, 1, 256),
            both!("outer", 7, 1, 31),
            // Dot products.
            both!("dot", 1, 3, 1),
            both!("dot", 1, 10, 1),
            both!("dot", 1, 100, 1),
            both!("dot", 1, 4096, 1),
            both!("dot", 1, 10000, 1),
            // Matrix-vector.
            both!("matvec", 31, 7, 1),
            both!("matvec", 3, 100, 1),
            both!("matvec", 1000, 64, 1),
            both!("matvec", 10000, 10, 1),
            both!("matvec", 512, 512, 1),
            // Vector-matrix: one sample through a layer.
            both!("vecmat", 1, 3, 2),
            both!("vecmat", 1, 10, 31),
            both!("vecmat", 1, 64, 1000),
            both!("vecmat", 1, 784, 10),
            both!("vecmat", 1, 784, 128),
            // Thin, narrow and odd.
            both!("thin", 2, 64, 100),
            both!("thin", 4, 100, 7),
            both!("narrow", 1000, 64, 2),
            both!("narrow", 1000, 64, 4),
            both!("narrow", 1000, 64, 4),
            both!("narrow", 1000, 8, 3),
            both!("odd", 100, 10, 16),
            both!("odd", 31, 64, 10),
            both!("odd", 7, 31, 100),
            both!("narrow", 1000, 100, 10),
            // Layers of an MNIST MLP, a batch of 32.
            both!("layer", 32, 784, 10),
            both!("layer", 32, 784, 128),
            both!("layer", 32, 128, 10),
            // Small and medium squares.
            both!("tiny", 2, 3, 4),
            both!("tiny", 3, 4, 7),
            both!("square", 4, 4, 4),
            both!("square", 5, 5, 5),
            both!("square", 6, 6, 6),
            both!("square", 7, 7, 7),
            both!("square", 8, 8, 8),
            both!("square", 10, 10, 10),
            both!("square", 16, 16, 16),
            both!("square", 31, 31, 31),
            both!("square", 64, 64, 64),
            both!("square", 100, 100, 100),
            // Mid-sized products, where an AVX-512 build chooses between the inlined loop and
            // the kernels by how full the kernels' tiles are (`kernels::matmul::loop_max`).
            both!("mid", 16, 16, 64),
            both!("mid", 24, 24, 24),
            both!("mid", 12, 40, 24),
            both!("mid", 64, 32, 8),
        ]
    });
    let slow: Vec<_> = results.iter().flatten().filter(|(_, r)| *r < 0.5).collect();
    assert!(
        slow.is_empty(),
        "products below 0.5x the plain loop (loop time / tensor time): {slow:?}"
    );
}
