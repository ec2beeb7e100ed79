//! `matmul`, `matmul_into` and `matvec` at shapes that hit every path of the product (the path
//! is chosen from the static shape: `K = 1`, the inlined loop, dot, matrix-vector, one-row and
//! four-row tiles, the blocked product, with their edges), in `f32` and `f64`, against the
//! naive `f64` loop; NaN and infinities through each path. CI runs this file on every kernel
//! (`TENSOR_KERNEL=portable|sse2|avx2|avx512`).

use crate::common;

use tensor::Tensor;

/// A deterministic pseudo-random sequence in `[-1, 1)` (xorshift), so failures reproduce.
fn values(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        })
        .collect()
}

/// Checks `(R, K) @ (K, C)` in `f32` and `f64` (by value, into a boxed output, and `matvec`
/// when `C = 1`) against the naive loop within `(K + 1) eps |A| |B|`.
fn check<const R: usize, const K: usize, const C: usize>() {
    let av = values(R * K, (R * 131 + K * 7 + C) as u64);
    let bv = values(K * C, (C * 17 + K + 5) as u64);
    macro_rules! one {
        ($t:ty) => {{
            let a = Tensor::<$t, R, K>::boxed_from_fn(|i, j| av[i * K + j] as $t);
            let b = Tensor::<$t, K, C>::boxed_from_fn(|i, j| bv[i * C + j] as $t);
            let mut into = Tensor::<$t, R, C>::boxed_full(<$t>::NAN);
            a.matmul_into(&*b, &mut into);
            let eps = f64::from(<$t>::EPSILON);
            for i in 0..R {
                for j in 0..C {
                    let (mut want, mut scale) = (0.0f64, 0.0f64);
                    for p in 0..K {
                        let t = f64::from(a[(i, p)]) * f64::from(b[(p, j)]);
                        want += t;
                        scale += t.abs();
                    }
                    let got = f64::from(into[(i, j)]);
                    assert!(
                        (got - want).abs() <= (K as f64 + 1.0) * eps * scale,
                        "{} ({R},{K})@({K},{C}) [{i},{j}]: {got} vs {want}",
                        stringify!($t)
                    );
                }
            }
            if R * C <= 4096 {
                assert_eq!(a.matmul(&*b), *into, "by value");
            }
            if C == 1 && R <= 4096 {
                let v = Tensor::<$t, 1, K>::from_fn(|_, p| b.as_flat()[p]);
                let mv = a.matvec(&v);
                assert_eq!(mv.as_flat(), into.as_flat(), "matvec");
            }
        }};
    }
    one!(f32);
    one!(f64);
}

/// Checks that `0 * inf` at every position `q` of a row (and a NaN) makes that output NaN and
/// leaves the other rows infinite, through the path of `(R, K) @ (K, C)`.
fn nan_and_inf<const R: usize, const K: usize, const C: usize>() {
    for q in [0, K / 2, K - 1] {
        let mut a = Tensor::<f32, R, K>::boxed_full(1.0);
        let mut b = Tensor::<f32, K, C>::boxed_full(1.0);
        a[(R - 1, q)] = 0.0;
        for j in 0..C {
            b[(q, j)] = f32::INFINITY;
        }
        let mut c = Tensor::<f32, R, C>::boxed_zeros();
        a.matmul_into(&*b, &mut c);
        for j in 0..C {
            assert!(c[(R - 1, j)].is_nan(), "({R},{K})@({K},{C}) q {q} col {j}");
            for i in 0..R - 1 {
                assert_eq!(c[(i, j)], f32::INFINITY, "({R},{K})@({K},{C})");
            }
        }
        a[(R - 1, q)] = f32::NAN;
        b[(q, 0)] = 1.0;
        a.matmul_into(&*b, &mut c);
        assert!(c[(R - 1, 0)].is_nan(), "NaN ({R},{K})@({K},{C}) q {q}");
    }
}

/// Runs `f` on a thread with a large stack (some products are values of a few MiB).
fn big_stack(f: impl FnOnce() + Send + 'static) {
    common::on_stack(64 << 20, f);
}

#[test]
fn every_path_against_the_naive_loop() {
    big_stack(|| {
        // Empty inner dimension, straight-line squares.
        check::<2, 0, 3>();
        check::<4, 4, 4>();
        check::<8, 8, 8>();
        // K = 1.
        check::<1, 1, 1>();
        check::<10000, 1, 1>();
        check::<7, 1, 31>();
        check::<256, 1, 256>();
        // The inlined loop: few multiply-adds, short matrix-vector rows, narrow outputs.
        check::<2, 3, 4>();
        check::<1, 7, 1>();
        check::<31, 7, 1>();
        check::<3, 4, 7>();
        check::<1000, 8, 3>();
        check::<4, 100, 7>();
        check::<1, 784, 10>();
        check::<32, 784, 10>();
        check::<17, 33, 9>();
        check::<2, 64, 15>();
        // Dot products.
        check::<1, 65, 1>();
        check::<1, 1025, 1>();
        check::<1, 10000, 1>();
        // Matrix-vector.
        check::<3, 100, 1>();
        check::<5, 16, 1>();
        check::<9, 17, 1>();
        check::<1000, 64, 1>();
        check::<512, 512, 1>();
        // Vector-matrix (one-row tiles).
        check::<1, 64, 1000>();
        check::<1, 784, 128>();
        check::<1, 10, 31>();
        check::<1, 17, 16>();
        check::<1, 300, 33>();
        check::<1, 1100, 17>();
        // Two to four rows (four-row tiles).
        check::<2, 64, 100>();
        check::<3, 257, 17>();
        check::<4, 16, 16>();
        check::<4, 1025, 65>();
        // The blocked product: partial panels, column tails, several k and n blocks.
        check::<5, 5, 16>();
        check::<9, 65, 33>();
        check::<31, 31, 31>();
        check::<100, 10, 16>();
        check::<6, 300, 40>();
        check::<17, 520, 33>();
        check::<32, 784, 128>();
        check::<8, 1100, 20>();
        // Narrow outputs (row tiles over the whole of K, `b` read in place).
        check::<32, 128, 10>();
        check::<31, 64, 10>();
        check::<1000, 100, 10>();
        check::<4, 32, 2>();
        check::<7, 33, 3>();
        check::<9, 300, 5>();
        check::<13, 40, 15>();
        check::<6, 1100, 8>();
        // Two or three columns: a dot product per element, `K` in blocks of 256.
        check::<1000, 64, 2>();
        check::<13, 600, 3>();
        check::<9, 300, 2>();
    });
}

#[test]
fn every_path_propagates_nan_and_inf() {
    big_stack(|| {
        nan_and_inf::<1, 1, 1>(); // K = 1
        nan_and_inf::<7, 1, 31>();
        nan_and_inf::<2, 3, 4>(); // loop
        nan_and_inf::<32, 784, 10>();
        nan_and_inf::<1, 100, 1>(); // dot
        nan_and_inf::<1, 1025, 1>();
        nan_and_inf::<9, 100, 1>(); // matrix-vector
        nan_and_inf::<1, 100, 33>(); // one-row tiles
        nan_and_inf::<3, 100, 33>(); // four-row tiles
        nan_and_inf::<9, 100, 33>(); // blocked
        nan_and_inf::<4, 4, 4>(); // straight-line
        nan_and_inf::<9, 100, 10>(); // narrow
        nan_and_inf::<5, 64, 3>();
    });
}

/// `a.t_matmul(&b)` (and `tensor!(a.T @ b)`, which expands to it) gives the bits of
/// `a.t().matmul(&b)`: read in place when `a` is a row or a column, transposed first otherwise;
/// on the stack, boxed, and for run-time rows.
fn t_matmul_case<const R: usize, const K: usize, const C: usize>() {
    let av = values(R * K, (R * 31 + K * 3 + C) as u64);
    let bv = values(R * C, (C * 11 + R + 2) as u64);
    macro_rules! one {
        ($t:ty) => {{
            let a = Tensor::<$t, R, K>::boxed_from_fn(|i, j| av[i * K + j] as $t);
            let b = Tensor::<$t, R, C>::boxed_from_fn(|i, j| bv[i * C + j] as $t);
            let want = a.t().matmul(&*b);
            let same = |got: &Tensor<$t, K, C>, how: &str| {
                let bits = |t: &Tensor<$t, K, C>| t.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(got), bits(&want), "{how} ({R}, {K})^T @ ({R}, {C})");
            };
            same(&(*a).t_matmul(&*b), "stack");
            same(&a.t_matmul(&b), "boxed");
            let (a, b) = (&*a, &*b);
            same(&tensor::tensor!(a.T @ b), "tensor!");
            let (x, y) = (tensor::DynTensor::from(a), tensor::DynTensor::from(b));
            same(&x.t_matmul(&y), "run-time rows");
        }};
    }
    one!(f32);
    one!(f64);
}

#[test]
fn t_matmul_is_the_product_of_the_transpose() {
    big_stack(|| {
        // A column (read in place): the gradient of a one-feature model, long and short.
        t_matmul_case::<10_000, 1, 1>();
        t_matmul_case::<100, 1, 1>();
        t_matmul_case::<37, 1, 5>();
        // A row (read in place): an outer product.
        t_matmul_case::<1, 9, 4>();
        t_matmul_case::<1, 1, 1>();
        // General (transposed first): the small loop, matrix-vector, narrow and blocked paths.
        t_matmul_case::<3, 2, 4>();
        t_matmul_case::<500, 8, 1>();
        t_matmul_case::<64, 33, 10>();
        t_matmul_case::<70, 40, 50>();
    });
    let a = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    assert_eq!(
        a.t_matmul(&a),
        Tensor::from([[17, 22, 27], [22, 29, 36], [27, 36, 45]])
    );
}
