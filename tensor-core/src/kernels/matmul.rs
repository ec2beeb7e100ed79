//! The matrix product: unrolled for small square sizes, SIMD-blocked for `f32`/`f64`, and the
//! portable loop for everything else.
//!
//! The portable loop:
//! i-k-j order: each row of the output accumulates `a[i][p] * b[p]` for `p = 0..k`, so the
//! innermost loop runs over contiguous rows of `b` and the output and auto-vectorizes. Every
//! output element is summed in the order `p = 0, 1, .., k - 1`, exactly as the naive
//! triple loop does (no reassociation, so results are deterministic and NaN/inf propagate as
//! IEEE says: `0 * inf` is NaN, nothing is skipped).

use num_traits::Zero;

use super::generated::small_matmul;
use super::simd;
use super::{cast_slice, cast_slice_mut};

/// `out = a @ b` for an `R x K` `a` and a `K x C` `b`: square products of sizes `2..=8` run
/// the generated straight-line code (any element type, summed from zero in the order
/// `p = 0, 1, ..` as the loop below), everything else goes to [`matmul`].
#[inline]
pub(crate) fn matmul_sized<T, const R: usize, const K: usize, const C: usize>(
    a: &[T],
    b: &[T],
    out: &mut [T],
) where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    if R == K && K == C && small_matmul::<T, R>(a, b, out) {
        return;
    }
    matmul(a, b, out, K, C);
}

/// `out = a @ b` where `a` is `m x k`, `b` is `k x n` and `out` is `m x n`, all row-major
/// (`m` is implied by the slice lengths). `f32` and `f64` go to the SIMD kernels
/// (`super::gemm`: the same order of summation, with fused multiply-adds where the CPU has
/// them), other types to the portable loop.
///
/// The callers pass slices of tensors whose shapes the type checker matched, so the lengths
/// always agree; `debug_assert!`s restate it.
pub(crate) fn matmul<T>(a: &[T], b: &[T], out: &mut [T], k: usize, n: usize)
where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    debug_assert_eq!(b.len(), k * n);
    debug_assert_eq!(a.len() * n, out.len() * k);
    let m = out
        .len()
        .checked_div(n)
        .or_else(|| a.len().checked_div(k))
        .unwrap_or(0);
    if let (Some(a), Some(b)) = (cast_slice::<T, f32>(a), cast_slice::<T, f32>(b))
        && let Some(out) = cast_slice_mut::<T, f32>(out)
    {
        return simd::gemm_f32(m, k, n, a, b, out);
    }
    if let (Some(a), Some(b)) = (cast_slice::<T, f64>(a), cast_slice::<T, f64>(b))
        && let Some(out) = cast_slice_mut::<T, f64>(out)
    {
        return simd::gemm_f64(m, k, n, a, b, out);
    }
    portable(a, b, out, k, n);
}

/// The portable i-k-j loop (see the module docs).
pub(crate) fn portable<T>(a: &[T], b: &[T], out: &mut [T], k: usize, n: usize)
where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    out.fill(T::zero());
    if k == 0 || n == 0 {
        return;
    }
    for (a_row, out_row) in a.chunks_exact(k).zip(out.chunks_exact_mut(n)) {
        for (&a_ip, b_row) in a_row.iter().zip(b.chunks_exact(n)) {
            for (o, &b_pj) in out_row.iter_mut().zip(b_row) {
                *o = *o + a_ip * b_pj;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::matmul;

    #[test]
    fn matches_the_naive_triple_loop() {
        let (m, k, n) = (3, 4, 5);
        let a: [i64; 12] = core::array::from_fn(|x| x as i64 - 5);
        let b: [i64; 20] = core::array::from_fn(|x| (x as i64 * 7) % 11 - 3);
        let mut out = [99; 15];
        matmul(&a, &b, &mut out, k, n);
        for i in 0..m {
            for j in 0..n {
                let want: i64 = (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum();
                assert_eq!(out[i * n + j], want, "({i}, {j})");
            }
        }
    }

    #[test]
    fn empty_inner_dimension_gives_zeros() {
        let mut out = [7.0f64; 6];
        matmul::<f64>(&[], &[], &mut out, 0, 3);
        assert_eq!(out, [0.0; 6]);
    }

    #[test]
    fn nan_and_inf_propagate() {
        let mut out = [0.0f64; 1];
        matmul(&[0.0, 1.0], &[f64::INFINITY, 2.0], &mut out, 2, 1);
        assert!(out[0].is_nan(), "0 * inf must be NaN, got {}", out[0]);
    }
}
