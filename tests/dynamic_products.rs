//! The transposed product of two run-time tensors, `x.t().matmul(&y)`: `(n, K)^T @ (n, C) ->
//! Tensor<T, K, C>`, against a naive triple loop in `f64` (random values, `n` from 0 up, shapes
//! that reach every path of the product: the inlined loop, the outer product, the dot product,
//! the matrix-vector product, the narrow and blocked products) and against the static
//! `x.t().matmul(&y)` of the same data; mismatched row counts panic or return the error naming
//! both shapes.
#![cfg(feature = "alloc")]

use crate::common;

use proptest::prelude::*;
use tensor::RowsMismatch;
use tensor::prelude::*;

/// `n` rows of `C` values in `[-2, 2)` from a small linear congruential generator (the test
/// needs reproducible values, not good ones).
fn random_rows<const C: usize>(n: usize, seed: u64) -> DynTensor<f64, C> {
    let mut s = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    DynTensor::from_flat_fn(n, |_| {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (s >> 11) as f64 / (1u64 << 53) as f64 * 4.0 - 2.0
    })
}

/// `x.T @ y` by the naive triple loop in `f64`, with the sum of the terms' magnitudes of
/// each element (the scale of its rounding error).
fn naive(x: &[f64], y: &[f64], n: usize, k: usize, c: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut out, mut scale) = (vec![0.0; k * c], vec![0.0; k * c]);
    for p in 0..k {
        for j in 0..c {
            for i in 0..n {
                let t = x[i * k + p] * y[i * c + j];
                out[p * c + j] += t;
                scale[p * c + j] += t.abs();
            }
        }
    }
    (out, scale)
}

/// Asserts `got` is `want` up to `eps` times the sum of the terms' magnitudes.
fn close(got: &[f64], want: &[f64], scale: &[f64], eps: f64) {
    assert_eq!(got.len(), want.len());
    for (e, ((g, w), s)) in got.iter().zip(want).zip(scale).enumerate() {
        assert!(
            (g - w).abs() <= eps * s,
            "element {e}: {g} vs {w} (scale {s})"
        );
    }
}

/// `(n, K)^T @ (n, C)` in `f64`, `f32` and `i64` against the naive loop.
fn matches_naive<const K: usize, const C: usize>(n: usize, seed: u64) {
    let (x, y) = (random_rows::<K>(n, seed), random_rows::<C>(n, seed ^ 0xabc));
    let (want, scale) = naive(x.as_flat(), y.as_flat(), n, K, C);

    let g: Tensor<f64, K, C> = x.t().matmul(&y);
    close(g.as_flat(), &want, &scale, 1e-14 * (n as f64 + 1.0));
    assert_eq!(x.t().try_matmul(&y), Ok(g));

    let (x32, y32) = (x.map(|v| v as f32), y.map(|v| v as f32));
    let (want32, scale32) = naive(
        x32.map(f64::from).as_flat(),
        y32.map(f64::from).as_flat(),
        n,
        K,
        C,
    );
    let g32 = x32.t().matmul(&y32).map(f64::from);
    close(g32.as_flat(), &want32, &scale32, 1e-6 * (n as f64 + 1.0));

    // Integers: exact, whatever the path (they take the loop everywhere).
    let (xi, yi) = (x.map(|v| (v * 8.0) as i64), y.map(|v| (v * 8.0) as i64));
    let (wanti, _) = naive(
        xi.map(|v| v as f64).as_flat(),
        yi.map(|v| v as f64).as_flat(),
        n,
        K,
        C,
    );
    let gi = xi.t().matmul(&yi);
    assert_eq!(gi.map(|v| v as f64).as_flat(), &wanti[..]);
}

/// The same data as static tensors of `N` rows: the same product, bit for bit (the same
/// kernel on the same path, with the transpose given to it).
fn matches_static<const N: usize, const K: usize, const C: usize>(seed: u64) {
    let (x, y) = (random_rows::<K>(N, seed), random_rows::<C>(N, seed + 1));
    let (xs, ys) = (x.to_static::<N>().unwrap(), y.to_static::<N>().unwrap());
    assert_eq!(x.t().matmul(&y), xs.t().matmul(&ys));
    let (xi, yi) = (x.map(|v| (v * 8.0) as i32), y.map(|v| (v * 8.0) as i32));
    let (xis, yis) = (xi.to_static::<N>().unwrap(), yi.to_static::<N>().unwrap());
    assert_eq!(xi.t().matmul(&yi), xis.t().matmul(&yis));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_path_matches_the_naive_loop(n in prop_oneof![0usize..=2, 0usize..600], seed: u64) {
        matches_naive::<3, 2>(n, seed); // the loop
        matches_naive::<1, 1>(n, seed); // the outer product at n = 1, the dot product past 512
        matches_naive::<5, 5>(n, seed); // the generated square product at n = 5
        matches_naive::<40, 1>(n, seed); // the matrix-vector product
        matches_naive::<1, 40>(n, seed); // the vector-matrix product
        matches_naive::<3, 40>(n, seed); // four-row tiles
        matches_naive::<40, 10>(n, seed); // the narrow product
        matches_naive::<20, 24>(n, seed); // the blocked product
    }
}

#[test]
fn zero_and_one_rows() {
    for n in [0, 1] {
        matches_naive::<3, 2>(n, 7);
        matches_naive::<40, 10>(n, 7);
        matches_naive::<20, 24>(n, 7);
    }
    let none = DynTensor::<f32, 3>::zeros(0);
    assert_eq!(
        none.t().matmul(&DynTensor::<f32, 2>::zeros(0)),
        Tensor::zeros()
    );
    let x = DynTensor::from(Tensor::from([[1, 2, 3]]));
    let y = DynTensor::from(Tensor::from([[4, 5]]));
    assert_eq!(x.t().matmul(&y), Tensor::from([[4, 5], [8, 10], [12, 15]]));
}

#[test]
fn equals_the_static_transposed_product() {
    matches_static::<0, 3, 2>(1);
    matches_static::<1, 3, 2>(2);
    matches_static::<7, 3, 2>(3);
    matches_static::<64, 40, 10>(4);
    matches_static::<130, 20, 24>(5);
    matches_static::<1000, 1, 1>(6);
    matches_static::<300, 40, 1>(7);
    matches_static::<300, 2, 40>(8);
}

#[test]
fn nan_and_infinity_propagate_as_in_the_loop() {
    let x = DynTensor::from(Tensor::from([[0.0f64], [1.0]]));
    let y = DynTensor::from(Tensor::from([[f64::INFINITY], [2.0]]));
    assert!(x.t().matmul(&y).as_flat()[0].is_nan(), "0 * inf is NaN");
}

#[test]
fn the_gradient_of_least_squares_is_x_t_err() {
    // grad of mean((x @ w - y)^2) / 2 over n rows = x.T @ (x @ w - y) / n
    let x = random_rows::<4>(257, 11);
    let w = Tensor::<f64, 4, 1>::from([[0.5], [-1.0], [2.0], [0.0]]);
    let y = random_rows::<1>(257, 12);
    let err = x.matmul(&w) - &y;
    let grad = tensor!(x.T @ err) / 257.0;
    let mut want = [0.0; 4];
    for i in 0..257 {
        for (p, g) in want.iter_mut().enumerate() {
            *g += x.row(i).as_flat()[p] * err.row(i).as_flat()[0] / 257.0;
        }
    }
    let scale = [want.iter().map(|v| v.abs()).sum::<f64>() + 1.0; 4];
    close(grad.as_flat(), &want, &scale, 1e-12);
}

#[test]
fn mismatched_rows_panic_with_both_shapes() {
    let x = DynTensor::<f32, 784>::zeros(3);
    let err = DynTensor::<f32, 10>::zeros(5);
    let e = x.t().try_matmul(&err).unwrap_err();
    assert_eq!(
        e,
        RowsMismatch::TransposedProduct {
            left: [784, 3],
            right: [5, 10]
        }
    );
    let msg = "cannot multiply (784, 3) by (5, 10): inner dimensions 3 and 5 differ";
    assert_eq!(e.to_string(), msg);
    let panic = std::panic::catch_unwind(|| x.t().matmul(&err)).unwrap_err();
    assert_eq!(
        panic.downcast_ref::<String>().map(String::as_str),
        Some(msg)
    );
}

#[test]
fn a_large_product_goes_into_a_box_on_a_2_mib_stack() {
    // The Gram matrix of 784 f32 features is 2.4 MB, more than the thread's stack.
    common::on_stack(2 << 20, || {
        let x = random_rows::<784>(5, 3).map(|v| v as f32);
        let mut gram = Tensor::<f32, 784, 784>::boxed_full(f32::NAN);
        x.t().matmul_into(&x, &mut gram);
        let xs = x.map(f64::from);
        let (want, scale) = naive(xs.as_flat(), xs.as_flat(), 5, 784, 784);
        let got: Vec<f64> = gram.as_flat().iter().map(|&v| f64::from(v)).collect();
        close(&got, &want, &scale, 1e-6);
        let short = DynTensor::<f32, 784>::zeros(4);
        let e = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            short.t().matmul_into(&x, &mut gram)
        }));
        assert!(e.is_err(), "rows 4 and 5 differ");
    });
}
