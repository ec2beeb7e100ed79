//! Results do not depend on threads: products, elementwise operators, math and sums computed in
//! rayon pools of 1, 2 and 3 threads are equal bit for bit (a pool of one thread takes the
//! serial path), and agree with naive `f64` references. The sizes cross each threshold of the
//! feature `parallel` (products of `256^3` multiply-adds, elementwise work and sums over
//! `64 Ki` elements): just below, at, above, odd sizes, one-wide rows. Compiled with the
//! feature only (`cargo test --features parallel`, and `--all-features` in `.ci/run`): without
//! it every pool would run the same serial code, three times over, in the test command.

use proptest::prelude::*;
use tensor::prelude::*;

/// `f()` in a rayon pool of `threads` threads (large stacks: some results are big values).
fn in_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(16 << 20)
        .build()
        .expect("a rayon pool")
        .install(f)
}

/// `f()` in pools of 1, 2 and 3 threads, asserting equal bits; returns the serial result.
fn same_in_every_pool(f: impl Fn() -> Vec<f64> + Sync) -> Vec<f64> {
    let serial = in_pool(1, &f);
    for threads in [2, 3] {
        let got = in_pool(threads, &f);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&got), bits(&serial), "{threads} threads");
    }
    serial
}

/// `n` rows of `C` values in `[-2, 2)` (a linear congruential generator: reproducible).
fn rows<T: From<f32> + Copy, const C: usize>(n: usize, seed: u64) -> DynTensor<T, C> {
    let mut s = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    DynTensor::from_flat_fn(n, |_| {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        T::from(((s >> 40) as f32 / (1u64 << 24) as f32) * 4.0 - 2.0)
    })
}

/// Widens `f32` or `f64` elements to `f64`, exactly.
fn widen<T: Copy + Into<f64>>(x: &[T]) -> Vec<f64> {
    x.iter().map(|&v| v.into()).collect()
}

/// Asserts `got[i]` is `(a @ b)[i]` by the naive loop in `f64` to `eps` times the sum of the
/// terms' magnitudes, on a sample of rows (`a` is `m x k`, `b` is `k x n`).
fn close_to_naive(got: &[f64], a: &[f64], b: &[f64], (m, k, n): (usize, usize, usize), eps: f64) {
    for i in (0..m).step_by(m.div_ceil(9).max(1)) {
        for j in 0..n {
            let (mut want, mut scale) = (0.0, 0.0);
            for p in 0..k {
                let t = a[i * k + p] * b[p * n + j];
                want += t;
                scale += t.abs();
            }
            let g = got[i * n + j];
            assert!((g - want).abs() <= eps * scale, "({i}, {j}): {g} vs {want}");
        }
    }
}

/// `(n, K) @ (K, C)` and `(n, K)^T @ (n, C)` of `f32` and `f64` in every pool, against the
/// naive loop.
fn dyn_products<const K: usize, const C: usize>(n: usize, seed: u64) {
    let x32 = rows::<f32, K>(n, seed);
    let y32 = rows::<f32, C>(n, seed + 1);
    let w32 = rows::<f32, C>(K, seed + 2).to_static_boxed::<K>().unwrap();
    let (x, y, w) = (
        widen(x32.as_flat()),
        widen(y32.as_flat()),
        widen(w32.as_flat()),
    );
    let got = same_in_every_pool(|| widen(x32.matmul(&*w32).as_flat()));
    close_to_naive(&got, &x, &w, (n, K, C), 1e-6);
    let x64 = DynTensor::<f64, K>::from_vec(x.clone()).unwrap();
    let w64 = Tensor::<f64, K, C>::boxed_from_fn(|i, j| w[i * C + j]);
    let got = same_in_every_pool(|| x64.matmul(&*w64).into_vec());
    close_to_naive(&got, &x, &w, (n, K, C), 1e-14);
    // The transposed product: `x^T` is `K x n`.
    let xt: Vec<f64> = (0..K * n).map(|q| x[(q % n) * K + q / n]).collect();
    let got = same_in_every_pool(|| widen(x32.t().matmul(&y32).as_flat()));
    close_to_naive(&got, &xt, &y, (K, n, C), 1e-6);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    #[cfg_attr(debug_assertions, ignore = "slow in debug builds; .ci/run runs it in release (native step)")]
    fn run_time_row_products_equal_the_serial_ones(
        n in prop_oneof![Just(255usize), Just(256), Just(257), 1usize..600],
        seed: u64,
    ) {
        dyn_products::<256, 256>(n, seed); // split from 256 rows up
        dyn_products::<257, 255>(n, seed); // odd sizes
        dyn_products::<256, 1>(n, seed); // one column: never split
    }

    #[test]
    fn elementwise_and_sums_equal_the_serial_ones(
        n in prop_oneof![Just(65usize), Just(66), 60usize..70],
        seed: u64,
    ) {
        // n rows of 1000: 65 536 elements lie between 65 and 66 rows.
        let a = rows::<f32, 1000>(n, seed);
        let b = rows::<f32, 1000>(n, seed + 1);
        check_elementwise(&a, &b);
        // One-wide rows around 64 Ki.
        let rows1 = 65_536 + n - 65;
        check_elementwise(&rows::<f32, 1>(rows1, seed), &rows::<f32, 1>(rows1, seed + 1));
        let a64 = rows::<f64, 1000>(n, seed);
        let b64 = rows::<f64, 1000>(n, seed + 1);
        check_elementwise(&a64, &b64);
    }
}

/// `+ - * /`, `+=`, `exp`, `tanh` and the sums, means, variances and standard deviations of
/// `a` in every pool; the sums against the
/// naive `f64` sum.
fn check_elementwise<T, const C: usize>(a: &DynTensor<T, C>, b: &DynTensor<T, C>)
where
    T: tensor::num_traits::Float + tensor::Element + Into<f64> + Send + Sync + Default,
{
    same_in_every_pool(|| {
        let mut acc = a.clone();
        acc += b;
        [
            &(a + b),
            &(a - b),
            &(a * b),
            &(a / b),
            &acc,
            &a.exp(),
            &a.tanh(),
        ]
        .iter()
        .flat_map(|t| widen(t.as_flat()))
        .collect()
    });
    let sums = same_in_every_pool(|| widen(&[a.sum(), a.mean(), a.var(), a.std()]));
    // The results are rounded to `T` once: half an ulp of `T`, plus the reference's own
    // rounding (the naive `f64` sum).
    let eps: f64 = T::epsilon().into();
    let x = widen(a.as_flat());
    let len = x.len() as f64;
    let (want, scale) = x.iter().fold((0.0, 0.0), |(s, m), v| (s + v, m + v.abs()));
    let tol = |w: f64, scale: f64| eps * w.abs() + 1e-12 * scale;
    assert!(
        (sums[0] - want).abs() <= tol(want, scale),
        "{} vs {want}",
        sums[0]
    );
    let mean = want / len;
    assert!(
        (sums[1] - mean).abs() <= tol(mean, scale / len),
        "{} vs {mean}",
        sums[1]
    );
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / len;
    assert!(
        (sums[2] - var).abs() <= tol(var, var),
        "{} vs {var}",
        sums[2]
    );
}

#[test]
fn static_products_equal_the_serial_ones() {
    fn check<const N: usize>() {
        let a = Tensor::<f32, N, N>::boxed_from_fn(|i, j| ((i * 31 + j * 17) % 23) as f32 - 11.0);
        let b = Tensor::<f32, N, N>::boxed_from_fn(|i, j| ((i * 7 + j * 13) % 19) as f32 * 0.25);
        let got = same_in_every_pool(|| {
            let mut out = Tensor::<f32, N, N>::boxed_zeros();
            a.matmul_into(&*b, &mut out);
            widen(out.as_flat())
        });
        // Small integers and quarters: every partial sum is exact, so the naive loop agrees.
        close_to_naive(
            &got,
            &widen(a.as_flat()),
            &widen(b.as_flat()),
            (N, N, N),
            0.0,
        );
    }
    check::<255>();
    check::<256>();
    check::<257>();
}
