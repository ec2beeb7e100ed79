//! The Cholesky factorization `A = L L^T` of a symmetric positive definite matrix, as
//! LAPACK's `potrf` (behind NumPy's `np.linalg.cholesky`), right-looking: once columns `j`, `j + 1` of
//! `L` are known, every later row takes their update in one pass over contiguous memory.

use num_traits::Float;

use crate::shape::{Shape, SquareDecomposition};
use crate::{Element, Tensor};

impl<T: Element + Float, const N: usize, const C: usize> Tensor<T, N, C> {
    /// The lower triangular `L` with a positive diagonal such that `self = L L^T`, like
    /// NumPy's `np.linalg.cholesky(a)`, or `None` unless `self` is symmetric positive
    /// definite.
    ///
    /// * Symmetric: `|a_ij - a_ji| <= n * eps * max_i |a_ii|` for every pair, so a covariance
    ///   or Gram matrix whose two triangles differ by rounding is accepted. For a positive
    ///   definite matrix the largest diagonal element is the largest of its lower triangle
    ///   (`|a_ij| < sqrt(a_ii a_jj)`), so this is the scale of the singularity test of
    ///   [`inv`](Self::inv), `n * eps * max |a|`, up to the rounding being tested. The factor is computed from the lower
    ///   triangle, as NumPy's. NumPy does not check symmetry: it reads the lower triangle only.
    /// * Positive definite: every pivot `a_jj - sum_k l_jk^2` is positive. A matrix that is
    ///   only semidefinite, or indefinite (NumPy raises `LinAlgError`), gives `None`; so does
    ///   one holding NaN or an infinity.
    ///
    /// A non-square matrix is a compile error (`` `cholesky` and `eigh` take a symmetric
    /// matrix, found a matrix of shape `Shape<2, 3>` ``). Solving with the factor (two
    /// triangular solves) is the cheapest way to solve a positive definite system, as in ridge
    /// regression (`examples/linear_regression.rs`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[4.0f64, 2.0], [2.0, 3.0]]);
    /// let l = a.cholesky().unwrap();
    /// assert_eq!(l, Tensor::from([[2.0, 0.0], [1.0, 2.0f64.sqrt()]]));
    /// let llt = l.matmul(&l.t());
    /// assert!(llt.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-14));
    ///
    /// assert_eq!(Tensor::from([[1.0, 2.0], [2.0, 1.0]]).cholesky(), None); // indefinite
    /// assert_eq!(Tensor::from([[1.0, 1.0], [0.0, 1.0]]).cholesky(), None); // not symmetric
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let _ = Tensor::<f64, 2, 3>::zeros().cholesky(); // `cholesky` and `eigh` take a symmetric matrix ...
    /// ```
    #[must_use]
    pub fn cholesky(&self) -> Option<Self>
    where
        Shape<N, C>: SquareDecomposition,
    {
        if const { N <= UNROLLED_MAX } {
            return factor_unrolled(&self.data).map(Tensor::from_array);
        }
        let mut l = *self;
        if symmetric_and_finite(self.as_flat(), N) && factor::<T, N>(l.as_flat_mut()) {
            Some(l)
        } else {
            None
        }
    }
}

/// The largest `N` factored by [`factor_unrolled`]; larger ones by [`factor`].
const UNROLLED_MAX: usize = 8;

/// Whether the `n x n` row-major `a` is symmetric to rounding: `|a_ij - a_ji| <= n * eps *
/// max_i |a_ii|` for every pair.
///
/// Together with [`factor`]'s pivot test this rejects every NaN and infinity without a test
/// per element: a NaN or an infinity off the diagonal fails its pair's comparison (the
/// difference is NaN or infinite, the tolerance finite unless a diagonal element is
/// infinite), and one on the diagonal fails the pivot test.
///
/// Not inlined, with `n` a run-time value: one copy for every static size.
#[inline(never)]
fn symmetric_and_finite<T: Float>(a: &[T], n: usize) -> bool {
    let mut max = T::zero();
    for i in 0..n {
        let m = a[i * n + i].abs();
        max = if m > max { m } else { max };
    }
    let tol = T::from(n).unwrap_or_else(T::infinity) * T::epsilon() * max;
    let mut symmetric = true;
    for i in 0..n {
        for j in i + 1..n {
            symmetric &= (a[i * n + j] - a[j * n + i]).abs() <= tol;
        }
    }
    symmetric
}

/// [`Tensor::cholesky`] of an `N x N` matrix, `N <= UNROLLED_MAX`, as straight-line code: the
/// loops have constant bounds and unroll completely, there is no copy of the input and no
/// call. The same test and the same operations, in the same order, as
/// [`symmetric_and_finite`] and [`factor`] (the results are identical): `L` column by column,
/// each element from its row of `A` minus the products with the columns before it, left to
/// right (the order in which [`factor`]'s right-looking updates subtract them).
#[inline(always)]
#[allow(
    clippy::needless_range_loop,
    reason = "the textbook's indices; loops with constant bounds, unrolled completely"
)]
fn factor_unrolled<T: Float, const N: usize, const C: usize>(
    a: &[[T; C]; N],
) -> Option<[[T; C]; N]> {
    debug_assert!(N == C && N <= UNROLLED_MAX);
    let mut max = T::zero();
    for (i, row) in a.iter().enumerate() {
        let m = row[i].abs();
        max = if m > max { m } else { max };
    }
    let tol = T::from(N).unwrap_or_else(T::infinity) * T::epsilon() * max;
    let mut symmetric = true;
    for i in 0..N {
        for j in i + 1..N {
            symmetric &= (a[i][j] - a[j][i]).abs() <= tol;
        }
    }
    if !symmetric {
        return None;
    }
    let mut l = [[T::zero(); C]; N];
    for j in 0..N {
        let mut d = a[j][j];
        for k in 0..j {
            d = d - l[j][k] * l[j][k];
        }
        // `!(>)` so that NaN is rejected; an infinite pivot cannot come from a finite matrix.
        if !(d > T::zero() && d <= T::max_value()) {
            return None;
        }
        let r = d.sqrt();
        l[j][j] = r;
        let inv = r.recip();
        for i in j + 1..N {
            let mut x = a[i][j];
            for k in 0..j {
                x = x - l[i][k] * l[j][k];
            }
            l[i][j] = x * inv;
        }
    }
    Some(l)
}

/// Overwrites the lower triangle of the `N x N` row-major matrix `a` with its Cholesky factor
/// and zeroes the strict upper triangle; `false` when a pivot is not positive (or is NaN).
///
/// Right-looking (LAPACK's `potf2` order of operations), two columns at a time: columns `j`
/// and `j + 1` of `L` are computed (the second after its update by the first) into
/// contiguous copies, then each later row `i` takes
/// `a[i][j+2..=i] -= l_ij * l[j+2..=i][j] + l_i(j+1) * l[j+2..=i][j+1]`, evaluated left to
/// right (the same roundings as one column at a time). These updates run over contiguous
/// memory and vectorize; the row-oriented form (one dot product per element) is as many
/// short sequential sums.
pub(super) fn factor<T: Float, const N: usize>(a: &mut [T]) -> bool {
    if N == 0 {
        return true;
    }
    let (rows, _) = a.as_chunks_mut::<N>();
    let rows = &mut rows[..N];
    // The copies are zero up to the first row they update, so the updates may start at a
    // multiple of `BLOCK` below it (adding zero to finished entries of `L`) and end at one
    // above `i` (writing into the strict upper triangle, never read and zeroed at the end):
    // whole blocks that vectorize.
    let mut c0 = [T::zero(); N];
    let mut c1 = [T::zero(); N];
    let mut j = 0;
    while j < N {
        if !take_column(rows, j, &mut c0) {
            return false;
        }
        if j + 1 == N {
            break;
        }
        let f = c0[j + 1];
        for (row, &c) in rows[j + 1..].iter_mut().zip(&c0[j + 1..]) {
            row[j + 1] = row[j + 1] - c * f;
        }
        if !take_column(rows, j + 1, &mut c1) {
            return false;
        }
        c0[j + 1] = T::zero();
        let lo = (j + 2) / BLOCK * BLOCK;
        for i in j + 2..N {
            let hi = ((i + BLOCK) / BLOCK * BLOCK).min(N);
            update_blocked(
                &mut rows[i][lo..hi],
                -c0[i],
                &c0[lo..hi],
                -c1[i],
                &c1[lo..hi],
            );
        }
        j += 2;
    }
    // A select over whole rows, not a `fill` of their tails, which becomes one call to
    // `memset` per row (seen in a profile of the 8x8 factorization).
    for (i, row) in rows.iter_mut().enumerate() {
        for (k, x) in row.iter_mut().enumerate() {
            if k > i {
                *x = T::zero();
            }
        }
    }
    true
}

/// Column `j` of `L` from the updated `rows`: the square root of the pivot on the diagonal,
/// the column below it divided by it, also copied into `col` (zero up to `j`, given that
/// `col` was last filled for column `j - 2` or is all zero). `false` when
/// the pivot is not positive and finite.
#[inline]
fn take_column<T: Float, const N: usize>(rows: &mut [[T; N]], j: usize, col: &mut [T; N]) -> bool {
    let d = rows[j][j];
    // `!(>)` so that NaN is rejected; an infinite pivot cannot come from a finite matrix.
    if !(d > T::zero() && d <= T::max_value()) {
        return false;
    }
    let r = d.sqrt();
    rows[j][j] = r;
    let inv = r.recip();
    // Zero up to `j`: the column copied into `col` two columns earlier began at `j - 1`.
    // (Two stores, not a `fill`, which becomes a call to `memset` on the critical path.)
    col[j] = T::zero();
    if j > 0 {
        col[j - 1] = T::zero();
    }
    for (row, c) in rows[j + 1..].iter_mut().zip(&mut col[j + 1..]) {
        let x = row[j] * inv;
        row[j] = x;
        *c = x;
    }
    true
}

/// The width of the blocks [`factor`]'s updates are rounded to.
const BLOCK: usize = 8;

/// `y += (a x) + (b z)` elementwise over `y`'s length, in blocks of [`BLOCK`] (each a
/// fixed-size loop the compiler vectorizes without a remainder), then the remainder.
#[inline]
fn update_blocked<T: Float>(y: &mut [T], a: T, x: &[T], b: T, z: &[T]) {
    let n = y.len();
    let (yb, yr) = y.as_chunks_mut::<BLOCK>();
    let (xb, xr) = x[..n].as_chunks::<BLOCK>();
    let (zb, zr) = z[..n].as_chunks::<BLOCK>();
    for ((y, x), z) in yb.iter_mut().zip(xb).zip(zb) {
        for k in 0..BLOCK {
            y[k] = y[k] + a * x[k] + b * z[k];
        }
    }
    for ((y, &x), &z) in yr.iter_mut().zip(xr).zip(zr) {
        *y = *y + a * x + b * z;
    }
}

/// Solves `L L^T X = B` in place for the `n x m` right-hand sides `b` (row-major), given the
/// factor `l` from [`factor`].
pub(super) fn solve_in_place<T: Float>(l: &[T], n: usize, b: &mut [T], m: usize) {
    // L y = b, forward.
    for i in 0..n {
        let (done, rest) = b.split_at_mut(i * m);
        let row = &mut rest[..m];
        for k in 0..i {
            super::level1::axpy(-l[i * n + k], &done[k * m..(k + 1) * m], row);
        }
        super::level1::scale(T::one() / l[i * n + i], row);
    }
    // L^T x = y, backward.
    for i in (0..n).rev() {
        let (head, tail) = b.split_at_mut((i + 1) * m);
        let row = &mut head[i * m..];
        for k in i + 1..n {
            super::level1::axpy(-l[k * n + i], &tail[(k - i - 1) * m..(k - i) * m], row);
        }
        super::level1::scale(T::one() / l[i * n + i], row);
    }
}

impl<T: Element + Float, const N: usize, const C: usize> Tensor<T, N, C> {
    /// The solution `x` of `self @ x = b` for a symmetric positive definite `self`, by its
    /// Cholesky factorization (as LAPACK's `posv`, SciPy's `cho_solve`), or `None` when
    /// [`cholesky`](Self::cholesky) is `None`. Half the work of [`solve`](Self::solve)'s LU,
    /// and the usual way to solve normal equations `(X^T X + lambda I) w = X^T y`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[4.0f64, 2.0], [2.0, 3.0]]);
    /// let x = a.cholesky_solve(&Tensor::from([[6.0], [5.0]])).unwrap();
    /// assert!((x[(0, 0)] - 1.0).abs() < 1e-14 && (x[(1, 0)] - 1.0).abs() < 1e-14);
    /// ```
    #[must_use]
    pub fn cholesky_solve<const M: usize>(&self, b: &Tensor<T, N, M>) -> Option<Tensor<T, N, M>>
    where
        Shape<N, C>: SquareDecomposition,
    {
        let l = self.cholesky()?;
        let mut x = *b;
        solve_in_place(l.as_flat(), N, x.as_flat_mut(), M);
        Some(x)
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn semidefinite_nan_and_empty() {
        assert_eq!(Tensor::from([[1.0, 1.0], [1.0, 1.0]]).cholesky(), None);
        assert_eq!(Tensor::from([[f64::NAN, 0.0], [0.0, 1.0]]).cholesky(), None);
        assert_eq!(Tensor::from([[1.0, f64::NAN], [0.0, 1.0]]).cholesky(), None);
        assert_eq!(Tensor::from([[f64::INFINITY]]).cholesky(), None);
        // An infinity anywhere, the upper triangle included, makes the symmetry test
        // meaningless.
        assert_eq!(
            Tensor::from([[1.0, f64::INFINITY], [0.0, 1.0]]).cholesky(),
            None
        );
        assert_eq!(
            Tensor::from([[1.0, 0.0], [f64::NEG_INFINITY, 1.0]]).cholesky(),
            None
        );
        let e = Tensor::<f32, 0, 0>::zeros();
        assert_eq!(e.cholesky(), Some(e));
    }

    /// The unrolled factorization gives the general path's result bit for bit (and the same
    /// `None`s), on positive definite, indefinite and asymmetric matrices.
    #[test]
    fn unrolled_matches_general() {
        fn each<T: num_traits::Float + core::fmt::Debug, const N: usize>(seed: u64) {
            let mut state = seed;
            let mut next = || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                T::from((state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0).unwrap()
            };
            for case in 0..400 {
                let b: [[T; N]; N] = core::array::from_fn(|_| core::array::from_fn(|_| next()));
                let shift = T::from([1.0, 1e-3, 0.0, -0.5][case % 4]).unwrap();
                let mut a: [[T; N]; N] = core::array::from_fn(|i| {
                    core::array::from_fn(|j| {
                        let d = (0..N).fold(T::zero(), |s, k| s + b[i][k] * b[j][k]);
                        if i == j { d + shift } else { d }
                    })
                });
                if case % 7 == 0 && N > 1 {
                    a[0][N - 1] = a[0][N - 1] + T::from(1e-3).unwrap();
                }
                let want = {
                    let mut l = a;
                    let flat = l.as_flattened_mut();
                    (super::symmetric_and_finite(a.as_flattened(), N)
                        && super::factor::<T, N>(flat))
                    .then_some(l)
                };
                let got = super::factor_unrolled(&a);
                let bits = |l: Option<[[T; N]; N]>| {
                    l.map(|l| l.map(|r| r.map(|x| x.to_f64().unwrap().to_bits())))
                };
                assert_eq!(bits(got), bits(want), "{a:?}");
            }
        }
        each::<f64, 1>(1);
        each::<f64, 2>(2);
        each::<f64, 3>(3);
        each::<f64, 4>(4);
        each::<f32, 2>(5);
        each::<f32, 3>(6);
        each::<f32, 4>(7);
        each::<f64, 5>(8);
        each::<f64, 7>(9);
        each::<f64, 8>(10);
        each::<f32, 6>(11);
        each::<f32, 8>(12);
    }

    #[test]
    fn rounding_asymmetry_is_accepted() {
        let a = Tensor::from([[2.0, 1.0 + f64::EPSILON], [1.0, 2.0]]);
        assert!(a.cholesky().is_some());
        let b = Tensor::from([[2.0, 1.0 + 1e-10], [1.0, 2.0]]);
        assert!(b.cholesky().is_none());
    }
}
