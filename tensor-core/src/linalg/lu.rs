//! LU factorization with partial pivoting, in place on flat row-major slices.
//!
//! `PA = LU` with `L` unit lower triangular (stored below the diagonal) and `U` upper
//! triangular (on and above it), the row exchanges in a permutation. Partial pivoting picks,
//! in each column, the row with the largest magnitude on or below the diagonal, as LAPACK's
//! `getrf` (behind NumPy's `det`, `inv` and `solve`) does.

use num_traits::Float;

/// The result of [`factor`]: the sign of the row permutation and whether it is numerically
/// singular.
pub(super) struct Factored {
    /// The row permutation is odd: the determinant changes sign.
    pub(super) odd_permutation: bool,
    /// Some pivot `|U[k][k]| <= n * eps * max|A[i][j]|` (see [`singular_tolerance`]).
    pub(super) singular: bool,
}

/// The pivot tolerance below which a matrix counts as numerically singular:
/// `n * eps * max |a_ij|`, the maximum taken over the finite elements of the original matrix.
///
/// This is the backward-error scale of the factorization: LU with partial pivoting computes
/// the exact factors of `A + E` with `|E|` of order `n * eps * max|a_ij|` (times the growth
/// factor), so a pivot below it cannot be told apart from zero.
pub(super) fn singular_tolerance<T: Float>(a: &[T], n: usize) -> T {
    let max = super::level1::max_finite_abs(a);
    T::from(n).unwrap_or_else(T::infinity) * T::epsilon() * max
}

/// Factors the `n x n` matrix `a` in place and records the row exchanges in `pivots`, as
/// LAPACK's `ipiv`: at step `k`, rows `k` and `pivots[k] >= k` were swapped.
///
/// A pivot that is exactly zero is skipped (its column is already zero below the diagonal),
/// so the factorization always completes and the determinant is 0; a NaN anywhere propagates.
pub(super) fn factor<T: Float>(a: &mut [T], n: usize, pivots: &mut [usize]) -> Factored {
    debug_assert_eq!(a.len(), n * n);
    debug_assert_eq!(pivots.len(), n);
    let tol = singular_tolerance(a, n);
    let mut odd_permutation = false;
    let mut singular = false;
    for k in 0..n {
        // The first row with the largest |a[i][k]|, i >= k.
        let mut p = k;
        for i in k + 1..n {
            if a[i * n + k].abs() > a[p * n + k].abs() {
                p = i;
            }
        }
        if p != k {
            for j in 0..n {
                a.swap(k * n + j, p * n + j);
            }
            odd_permutation = !odd_permutation;
        }
        pivots[k] = p;
        let pivot = a[k * n + k];
        if pivot.abs() <= tol {
            singular = true;
        }
        if pivot == T::zero() {
            continue;
        }
        let (upper, lower) = a.split_at_mut((k + 1) * n);
        let pivot_row = &upper[k * n + k + 1..(k + 1) * n];
        for row in lower.chunks_exact_mut(n) {
            let l = row[k] / pivot;
            row[k] = l;
            for (x, &u) in row[k + 1..].iter_mut().zip(pivot_row) {
                *x = *x - l * u;
            }
        }
    }
    Factored {
        odd_permutation,
        singular,
    }
}

/// The determinant from a factorization: the product of `U`'s diagonal, negated for an odd
/// permutation. `1` for `n = 0`, as NumPy says.
pub(super) fn det<T: Float>(lu: &[T], n: usize, f: &Factored) -> T {
    let d = (0..n).fold(T::one(), |d, k| d * lu[k * n + k]);
    if f.odd_permutation { -d } else { d }
}

/// Solves `A X = B` in place given `A`'s factorization: `b` holds the `n x m` right-hand sides
/// on entry (row-major) and `X` on exit. The factorization must not be singular.
pub(super) fn solve_in_place<T: Float>(
    lu: &[T],
    n: usize,
    pivots: &[usize],
    b: &mut [T],
    m: usize,
) {
    debug_assert_eq!(b.len(), n * m);
    if m == 0 {
        return;
    }
    permute_rows(b, m, pivots);
    // Forward substitution with the unit lower triangle: y_i = b_i - sum_{k<i} L_ik y_k.
    for i in 1..n {
        let (done, rest) = b.split_at_mut(i * m);
        let row = &mut rest[..m];
        for k in 0..i {
            let l = lu[i * n + k];
            for (x, &y) in row.iter_mut().zip(&done[k * m..(k + 1) * m]) {
                *x = *x - l * y;
            }
        }
    }
    // Back substitution: x_i = (y_i - sum_{k>i} U_ik x_k) / U_ii.
    for i in (0..n).rev() {
        let (head, tail) = b.split_at_mut((i + 1) * m);
        let row = &mut head[i * m..];
        for k in i + 1..n {
            let u = lu[i * n + k];
            for (x, &y) in row.iter_mut().zip(&tail[(k - i - 1) * m..(k - i) * m]) {
                *x = *x - u * y;
            }
        }
        let d = lu[i * n + i];
        for x in row.iter_mut() {
            *x = *x / d;
        }
    }
}

/// Applies the row exchanges of [`factor`] to the `n x m` matrix `b`, in order.
fn permute_rows<T>(b: &mut [T], m: usize, pivots: &[usize]) {
    for (k, &p) in pivots.iter().enumerate() {
        if p != k {
            for c in 0..m {
                b.swap(k * m + c, p * m + c);
            }
        }
    }
}

/// Solves `A X = B` for a small `N x N` matrix `a` (row-major) by the same factorization as
/// [`factor`] and [`solve_in_place`], written over a fixed-size array so that, for `N` up to
/// 4, the loops unroll into straight-line code that keeps `A` in registers (the slice form
/// costs 3-4x at 3x3). `x` holds the `N x m` right-hand sides on entry and `X` on exit.
/// `false`, with `x` unspecified, on an exactly zero pivot; the caller decides numerical
/// singularity itself.
#[inline(always)]
// Index loops over the fixed-size array unroll into straight-line code; the iterator form of
// the elimination (`for row in &mut f[k + 1..]`, zipped with the pivot row) measured 1.5-2x
// slower at 4x4 (`benches/small_linalg.rs`, solve_f32/4 41 -> 60 ns).
#[allow(clippy::needless_range_loop)]
pub(super) fn solve_small<T: Float, const N: usize>(a: &[T], x: &mut [T], m: usize) -> bool {
    debug_assert!(a.len() == N * N && x.len() == N * m);
    let mut f: [[T; N]; N] = core::array::from_fn(|i| core::array::from_fn(|j| a[i * N + j]));
    let mut rows: [usize; N] = core::array::from_fn(|i| i);
    for k in 0..N {
        // Row k ends up with the first largest |f[i][k]|, i >= k, as in `factor`; the rows
        // below it may be in another order (which does not change the result), but every
        // exchange is between rows whose indices are constants once unrolled, so `f` stays
        // in registers where a swap with a data-dependent index would spill it to memory.
        for i in k + 1..N {
            if f[i][k].abs() > f[k][k].abs() {
                f.swap(k, i);
                rows.swap(k, i);
            }
        }
        let pivot = f[k][k];
        if pivot == T::zero() {
            return false;
        }
        for i in k + 1..N {
            let l = f[i][k] / pivot;
            f[i][k] = l;
            for j in k + 1..N {
                f[i][j] = f[i][j] - l * f[k][j];
            }
        }
    }
    for c in 0..m {
        let mut y: [T; N] = core::array::from_fn(|i| x[rows[i] * m + c]);
        for i in 1..N {
            for k in 0..i {
                y[i] = y[i] - f[i][k] * y[k];
            }
        }
        for i in (0..N).rev() {
            for k in i + 1..N {
                y[i] = y[i] - f[i][k] * y[k];
            }
            y[i] = y[i] / f[i][i];
        }
        for (i, &v) in y.iter().enumerate() {
            x[i * m + c] = v;
        }
    }
    true
}
