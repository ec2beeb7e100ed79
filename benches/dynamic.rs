//! Run-time rows against static rows (issue 19): the same operation on a `DynTensor<f32, C>`
//! of `n` rows and on the `Tensor<f32, N, C>` holding the same data, at 64, 1 024 and 10 000
//! rows: the matrix products `(n, 784) @ (784, 10)`, `(n, 64) @ (64, 64)` and `(n, 16) @ (16, 16)`,
//! `a + b`, `a += &b`,
//! a bias row `a + b` with `b: RowVector`, `exp` (boxed static result) and `mean_axis::<0>()`.
//!
//! `cargo bench -p tensor-bench --bench dynamic` (about a minute). Each pair is timed in
//! alternating blocks, keeping each one's fastest block (load from other jobs only adds
//! time). The ratio printed is static time / run-time time: at least 0.90 is the target ("within
//! 10%"). Static tensors of 10 000 rows live in a `Box` (31 MB) and are only timed with
//! operations whose result fits the stack or goes to the heap (the product, `+=`, `exp` of a
//! box, the reduction).

#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use tensor::prelude::*;

/// The time per call of `f` over `calls` calls.
fn fastest(mut f: impl FnMut(), calls: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..calls {
        f();
    }
    start.elapsed().as_secs_f64() / calls as f64
}

/// Times `s` (static) and `d` (run-time) alternately and prints both and the ratio.
fn pair(name: &str, rows: usize, mut s: impl FnMut(), mut d: impl FnMut()) {
    // Calls per block: about 2 ms of work.
    let once = fastest(&mut s, 1).max(1e-8);
    let calls = ((2e-3 / once) as usize).clamp(1, 100_000);
    let (mut best_s, mut best_d) = (f64::INFINITY, f64::INFINITY);
    let deadline = Instant::now() + Duration::from_millis(if rows >= 10_000 { 3000 } else { 1500 });
    let mut blocks = 0;
    while Instant::now() < deadline || blocks < 10 {
        best_s = best_s.min(fastest(&mut s, calls));
        best_d = best_d.min(fastest(&mut d, calls));
        blocks += 1;
    }
    println!(
        "| {name} | {rows} | {:.2} µs | {:.2} µs | {:.2} |",
        best_s * 1e6,
        best_d * 1e6,
        best_s / best_d
    );
}

/// A boxed static tensor of deterministic values, and its run-time twin.
fn operands<const N: usize, const C: usize>(
    offset: usize,
) -> (Box<Tensor<f32, N, C>>, DynTensor<f32, C>) {
    let s = Tensor::<f32, N, C>::boxed_from_flat_fn(|k| common::value(offset + k) as f32);
    let d = DynTensor::from(&*s);
    (s, d)
}

// The static operands are borrowed (`&*xs + &*ys`) as a user with boxed tensors writes them,
// not copied through the stack first.
#[allow(clippy::op_ref)]
fn rows<const N: usize>() {
    let (xs, xd) = operands::<N, 784>(0);
    let (ys, yd) = operands::<N, 784>(7);
    let w = *Tensor::<f32, 784, 10>::boxed_from_flat_fn(|k| common::value(k + 3) as f32);
    pair(
        "`(n, 784) @ (784, 10)`",
        N,
        || _ = black_box(xs.matmul(black_box(&w))),
        || _ = black_box(xd.matmul(black_box(&w))),
    );
    let (hs, hd) = operands::<N, 64>(11);
    let w64 = *Tensor::<f32, 64, 64>::boxed_from_flat_fn(|k| common::value(k + 5) as f32);
    pair(
        "`(n, 64) @ (64, 64)`",
        N,
        || _ = black_box(hs.matmul(black_box(&w64))),
        || _ = black_box(hd.matmul(black_box(&w64))),
    );
    let (ns, nd) = operands::<N, 16>(13);
    let w16 = *Tensor::<f32, 16, 16>::boxed_from_flat_fn(|k| common::value(k + 9) as f32);
    pair(
        "`(n, 16) @ (16, 16)`",
        N,
        || _ = black_box(ns.matmul(black_box(&w16))),
        || _ = black_box(nd.matmul(black_box(&w16))),
    );
    if N <= 1024 {
        pair(
            "`a + b`, `(n, 784)`",
            N,
            || _ = black_box(&*xs + &*ys),
            || _ = black_box(&xd + &yd),
        );
        let bias = RowVector::<f32, 784>::full(0.5);
        pair(
            "`a + bias`, `(n, 784) + (1, 784)`",
            N,
            || _ = black_box(&*xs + bias),
            || _ = black_box(&xd + bias),
        );
    }
    let (mut acc_s, mut acc_d) = (xs.to_boxed(), xd.clone());
    pair(
        "`a += &b`, `(n, 784)`",
        N,
        || *acc_s += black_box(&*ys),
        || acc_d += black_box(&yd),
    );
    pair(
        "`exp`, `(n, 784)`",
        N,
        || _ = black_box(xs.exp()),
        || _ = black_box(xd.exp()),
    );
    pair(
        "`mean_axis::<0>()`, `(n, 784)`",
        N,
        || _ = black_box(xs.mean_axis::<0>()),
        || _ = black_box(xd.mean_axis::<0>()),
    );
}

fn main() {
    common::with_big_stack(|| {
        println!("| op | rows | static | run-time | static / run-time |");
        println!("|---|---|---|---|---|");
        rows::<64>();
        rows::<1024>();
        rows::<10_000>();
    });
}
