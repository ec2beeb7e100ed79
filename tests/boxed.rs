//! Boxed constructors build tensors far larger than the stack without overflowing it.
//!
//! Each test runs on a thread with a 256 KiB stack; the tensors are 4 MiB to 188 MB. Building
//! one of them on that stack (even once, as a temporary) would crash the test process with a
//! stack overflow.
#![cfg(feature = "alloc")]

use crate::common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};

use tensor::prelude::*;

const SMALL_STACK: usize = 256 * 1024;

/// Runs `f` on a fresh thread with a 256 KiB stack and returns its result.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    common::on_stack(SMALL_STACK, f)
}

#[test]
fn one_mebi_element_matrices_on_a_256_kib_stack() {
    on_small_stack(|| {
        const N: usize = 1024;
        assert!(size_of::<Tensor<f32, N, N>>() >= 16 * SMALL_STACK); // 4 MiB

        let z = Tensor::<f32, N, N>::boxed_zeros();
        assert!(z.iter().all(|&x| x == 0.0));
        assert_eq!(z.len(), N * N);

        let o = Tensor::<f32, N, N>::boxed_ones();
        assert!(o.iter().all(|&x| x == 1.0));

        let f = Tensor::<f64, N, N>::boxed_full(-2.5); // 8 MiB
        assert!(f.iter().all(|&x| x == -2.5));

        let m = Tensor::<u32, N, N>::boxed_from_fn(|i, j| (i * N + j) as u32);
        // Row-major: the flat index of (i, j) is i * N + j, and indexing agrees.
        assert!(
            m.as_flat()
                .iter()
                .enumerate()
                .all(|(k, &x)| x as usize == k)
        );
        assert_eq!(m[(3, 5)], 3 * 1024 + 5);
        assert_eq!(m[(N - 1, N - 1)], (N * N - 1) as u32);
        assert_eq!(m.row::<1023>()[(0, 0)], 1023 * 1024);

        // Boxed tensors copy and compare heap to heap, without a stack copy.
        let copy = m.to_boxed();
        assert!(copy == m);
        assert_eq!(copy[(N - 1, 0)], ((N - 1) * N) as u32);
    });
}

#[test]
fn the_whole_mnist_training_set_on_a_256_kib_stack() {
    on_small_stack(|| {
        // 60000 x 784 f32 = 188 MB.
        let batch = Tensor::<f32, 60000, 784>::boxed_from_fn(|i, j| (i % 256) as f32 + j as f32);
        assert_eq!(batch.shape(), (60000, 784));
        assert_eq!(batch[(0, 0)], 0.0);
        assert_eq!(batch[(59999, 783)], (59999 % 256) as f32 + 783.0);
        assert_eq!(batch[(257, 10)], 11.0);
        let total: f64 = batch.iter().map(|&x| f64::from(x)).sum();
        // Sum over i of (i % 256) times 784, plus 60000 times the sum of 0..784.
        let by_row: f64 = (0..60000).map(|i| f64::from(i % 256)).sum::<f64>() * 784.0;
        let by_col = 60000.0 * (783.0 * 784.0 / 2.0);
        assert_eq!(total, by_row + by_col);
    });
}

#[cfg(feature = "rand")]
#[test]
fn random_boxed_tensors_on_a_256_kib_stack() {
    use tensor::rand::distr::Uniform;
    use tensor::rand::rngs::StdRng;
    use tensor::rand::{RngExt, SeedableRng};
    use tensor::rand_distr::StandardNormal;

    on_small_stack(|| {
        let mut rng = StdRng::seed_from_u64(5);
        let w: Box<Tensor<f32, 1024, 1024>> = rng.sample(StandardNormal);
        let n = w.len() as f64;
        let mean = w.iter().map(|&x| f64::from(x)).sum::<f64>() / n;
        let var = w
            .iter()
            .map(|&x| (f64::from(x) - mean).powi(2))
            .sum::<f64>()
            / n;
        // se(mean) = 1/1024, se(var) = sqrt(2/n) = 0.0014; 5 se each.
        assert!(mean.abs() < 5.0 / 1024.0, "mean {mean}");
        assert!((var - 1.0).abs() < 5.0 * (2.0 / n).sqrt(), "variance {var}");

        let u: Box<Tensor<f64, 1024, 1024>> = rng.random();
        assert!(u.iter().all(|&x| (0.0..1.0).contains(&x)));

        let labels =
            Tensor::<u8, 1024, 1024>::boxed_random_using(Uniform::new(0, 10).unwrap(), &mut rng);
        assert!(labels.iter().all(|&x| x < 10));
        assert!((0..10).all(|v| labels.iter().any(|&x| x == v)));
    });
}

#[test]
fn boxed_constructors_match_the_unboxed_ones() {
    assert_eq!(*Tensor::<i32, 3, 4>::boxed_zeros(), Tensor::zeros());
    assert_eq!(*Tensor::<i32, 3, 4>::boxed_ones(), Tensor::ones());
    assert_eq!(*Tensor::<f32, 2, 5>::boxed_full(0.25), Tensor::full(0.25));
    let f = |i: usize, j: usize| i as i64 * 100 - j as i64;
    assert_eq!(*Tensor::<i64, 4, 3>::boxed_from_fn(f), Tensor::from_fn(f));
    assert_eq!(
        *Tensor::<u8, 1, 7>::boxed_from_fn(|_, j| j as u8),
        Tensor::from([0, 1, 2, 3, 4, 5, 6])
    );
}

#[test]
fn boxed_from_fn_visits_positions_once_in_row_major_order() {
    let mut visited = Vec::new();
    let _ = Tensor::<u8, 2, 3>::boxed_from_fn(|i, j| {
        visited.push((i, j));
        0
    });
    assert_eq!(visited, [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]);
}

#[test]
fn empty_and_zero_sized_boxed_tensors() {
    let mut calls = 0;
    let rows0 = Tensor::<f32, 0, 1000>::boxed_from_fn(|_, _| {
        calls += 1;
        1.0
    });
    let cols0 = Tensor::<f32, 1000, 0>::boxed_zeros();
    assert_eq!(calls, 0);
    assert!(rows0.is_empty() && cols0.is_empty());
    // Zero-sized elements: a million units in no memory.
    let units = Tensor::<(), 1000, 1000>::boxed_from_fn(|_, _| ());
    assert_eq!(units.len(), 1_000_000);
}

/// Counts live values, to check what `boxed_from_fn` drops.
struct Counted;
static LIVE: AtomicUsize = AtomicUsize::new(0);
impl Counted {
    fn new() -> Self {
        LIVE.fetch_add(1, Ordering::SeqCst);
        Counted
    }
}
impl Drop for Counted {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::SeqCst);
    }
}

#[test]
fn boxed_from_fn_with_drop_types_and_a_panicking_closure() {
    // Every element built is dropped exactly once with the box.
    let t = Tensor::<Counted, 3, 5>::boxed_from_fn(|_, _| Counted::new());
    assert_eq!(LIVE.load(Ordering::SeqCst), 15);
    drop(t);
    assert_eq!(LIVE.load(Ordering::SeqCst), 0);

    // A panic halfway unwinds cleanly: the allocation is freed and the 7 elements already built
    // are leaked, never dropped twice or read uninitialized.
    let result = catch_unwind(AssertUnwindSafe(|| {
        Tensor::<Counted, 3, 5>::boxed_from_fn(|i, j| {
            assert!(i * 5 + j < 7, "stop at element 7");
            Counted::new()
        })
    }));
    assert!(result.is_err());
    assert_eq!(LIVE.load(Ordering::SeqCst), 7);
}
