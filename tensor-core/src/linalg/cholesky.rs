//! The Cholesky factorization `A = L L^T` of a symmetric positive definite matrix, as
//! LAPACK's `potrf` (behind NumPy's `np.linalg.cholesky`): up to 16x16 the textbook loops
//! with constant bounds, written straight into the output; above, left-looking on the
//! transpose, so that each column of `L` is computed as a contiguous row. Both give the same
//! bits.

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
        factor_large(self)
    }
}

/// [`Tensor::cholesky`] above [`UNROLLED_MAX`], by [`factor_left`].
///
/// `L` is built inside the one `Option` this returns, and this is not inlined, so that the
/// compiler builds it in the caller's storage: an `L` built elsewhere and moved was copied
/// whole (4 KiB at 32 x 32 `f32`; such a copy ran at a fraction of its usual speed when the
/// two places lay a multiple of 4 KiB apart, 40-45% of the measured time).
#[inline(never)]
fn factor_large<T: Element + Float, const N: usize, const C: usize>(
    a: &Tensor<T, N, C>,
) -> Option<Tensor<T, N, C>> {
    let mut l = Some(Tensor::zeros());
    if !l
        .as_mut()
        .is_some_and(|out| factor_left(&a.data, &mut out.data))
    {
        l = None;
    }
    l
}

/// The largest `N` factored by [`factor_unrolled`]; larger ones by [`factor_left`]. At 16 the
/// transposes of [`factor_left`] cost more than its vectorized updates save.
const UNROLLED_MAX: usize = 16;

/// [`Tensor::cholesky`] of an `N x N` matrix, `N <= UNROLLED_MAX`, as straight-line code: the
/// loops have constant bounds (unrolled completely up to about 8), there is no copy of the
/// input and no call. `L` column by column, each element from its row of `A` minus the products with the
/// columns before it, left to right, times the reciprocal of the pivot's square root (the
/// operations of [`factor_left`], in the same order).
#[inline(always)]
#[allow(
    clippy::needless_range_loop,
    reason = "the textbook's indices; loops with constant bounds, unrolled completely"
)]
fn factor_unrolled<T: Float, const N: usize, const C: usize>(
    a: &[[T; C]; N],
) -> Option<[[T; C]; N]> {
    debug_assert!(N == C);
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

/// [`Tensor::cholesky`] of an `N x N` matrix, `N > UNROLLED_MAX`, left-looking on the
/// transpose (nalgebra's order of work, with rows for its columns): row `j` of `U = L^T`
/// (column `j` of `L`) is column `j` of `A` minus `u_kj` times each finished row `k < j`,
/// then divided by the square root of its pivot.
///
/// The same operations in the same order as [`factor_unrolled`] (the results are identical,
/// a unit test checks equal bits): each element of `L` is its element of `A` minus the
/// products with the columns before it, left to right, times the reciprocal of the pivot's
/// square root. What differs is the layout: the rows of `U` are contiguous, so the
/// subtractions run over whole blocks of [`BLOCK`] elements (rounded down to a multiple of
/// it at the start: the elements left of the diagonal start at zero and are never used, and
/// the result is written from the upper triangle of `U` only), with the row being computed
/// held in registers while the finished rows stream past it. Only the triangles used are
/// transposed, on the way in and on the way out.
///
/// Writes `L` into `l` and returns `true`, or returns `false` (with `l` holding anything)
/// unless `a` is symmetric positive definite.
#[inline(never)]
fn factor_left<T: Float, const N: usize, const C: usize>(
    a: &[[T; C]; N],
    l: &mut [[T; C]; N],
) -> bool {
    debug_assert!(N == C);
    // `u[j]` starts as column `j` of `A` from the diagonal down (the lower triangle), zero
    // before it: half a transpose.
    let mut u = [[T::zero(); N]; C];
    for (i, row) in a.iter().enumerate() {
        for (j, &x) in row[..=i].iter().enumerate() {
            u[j][i] = x;
        }
    }
    let mut max = T::zero();
    for (i, row) in a.iter().enumerate() {
        let m = row[i].abs();
        max = if m > max { m } else { max };
    }
    let tol = T::from(N).unwrap_or_else(T::infinity) * T::epsilon() * max;
    // Row `j` of `u` from the diagonal on against row `j` of `A`: `|a_ij - a_ji|` for each
    // pair, over contiguous memory. On the diagonal the difference is 0, or NaN for a NaN or
    // an infinity there, which the pivot test would reject anyway.
    let mut symmetric = true;
    for (j, (u, a)) in u.iter().zip(a).enumerate() {
        for (&x, &y) in u[j..].iter().zip(&a[j..]) {
            symmetric &= (x - y).abs() <= tol;
        }
    }
    if !symmetric {
        return false;
    }
    for j in 0..C {
        let (done, rest) = u.split_at_mut(j);
        let row = &mut rest[0];
        let mut c = j / BLOCK * BLOCK;
        // 32 accumulators take 8 vector registers of `f32` with SSE2 and of `f64` with AVX2
        // (4 with AVX-512); with SSE2, 32 `f64` would take all 16.
        while (size_of::<T>() <= 4 || cfg!(target_feature = "avx2")) && c + 4 * BLOCK <= N {
            subtract_products::<T, N, { 4 * BLOCK }>(row, done, j, c);
            c += 4 * BLOCK;
        }
        while c + 2 * BLOCK <= N {
            subtract_products::<T, N, { 2 * BLOCK }>(row, done, j, c);
            c += 2 * BLOCK;
        }
        while c + BLOCK <= N {
            subtract_products::<T, N, BLOCK>(row, done, j, c);
            c += BLOCK;
        }
        while c < N {
            subtract_products::<T, N, 1>(row, done, j, c);
            c += 1;
        }
        let d = row[j];
        // `!(>)` so that NaN is rejected; an infinite pivot cannot come from a finite matrix.
        if !(d > T::zero() && d <= T::max_value()) {
            return false;
        }
        let r = d.sqrt();
        let inv = r.recip();
        for x in &mut row[j + 1..] {
            *x = *x * inv;
        }
        row[j] = r;
    }
    // `L` is the transpose of the upper triangle of `u`: half a transpose, then zeros above
    // the diagonal (a select over whole rows, not a `fill` of their tails, which is a call
    // to `memset` per row).
    for (j, row) in u.iter().enumerate() {
        for (i, &x) in row.iter().enumerate().skip(j) {
            l[i][j] = x;
        }
    }
    for (i, row) in l.iter_mut().enumerate() {
        for (j, x) in row.iter_mut().enumerate() {
            if j > i {
                *x = T::zero();
            }
        }
    }
    true
}

/// The width of the blocks [`factor_left`]'s subtractions are rounded to.
const BLOCK: usize = 8;

/// `row[c..c + W] -= done[k][j] * done[k][c..c + W]` for each `k` in order, the `W` elements
/// in registers throughout.
#[inline(always)]
fn subtract_products<T: Float, const N: usize, const W: usize>(
    row: &mut [T; N],
    done: &[[T; N]],
    j: usize,
    c: usize,
) {
    let Some(seg) = row.get_mut(c..c + W) else {
        return;
    };
    let Ok(seg) = <&mut [T; W]>::try_from(seg) else {
        return;
    };
    let mut acc = *seg;
    for r in done {
        let (Some(&f), Some(x)) = (r.get(j), r.get(c..c + W)) else {
            return;
        };
        for (y, &x) in acc.iter_mut().zip(x) {
            *y = *y - f * x;
        }
    }
    *seg = acc;
}

/// Solves `L L^T X = B` in place for the `n x m` right-hand sides `b` (row-major), given the
/// factor `l` from [`Tensor::cholesky`].
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

    /// The left-looking factorization used above `UNROLLED_MAX` gives the textbook loops'
    /// result (`factor_unrolled`, whose loops also run at any size) bit for bit, and the same
    /// `None`s, on positive definite, indefinite and asymmetric matrices and on ones holding a
    /// NaN or an infinity, at sizes on both sides of the block widths.
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
                if case % 11 == 5 {
                    let bad = [T::nan(), T::infinity(), T::neg_infinity()][case % 3];
                    a[(case / 11) % N][(case / 3) % N] = bad;
                }
                let want = super::factor_unrolled(&a);
                let got = {
                    let mut l = [[T::nan(); N]; N];
                    super::factor_left(&a, &mut l).then_some(l)
                };
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
        each::<f64, 9>(13);
        each::<f32, 9>(14);
        each::<f64, 16>(15);
        each::<f32, 16>(16);
        each::<f64, 17>(17);
        each::<f32, 23>(18);
        each::<f32, 32>(19);
        each::<f64, 33>(20);
        each::<f32, 41>(21);
        each::<f64, 64>(22);
    }

    #[test]
    fn rounding_asymmetry_is_accepted() {
        let a = Tensor::from([[2.0, 1.0 + f64::EPSILON], [1.0, 2.0]]);
        assert!(a.cholesky().is_some());
        let b = Tensor::from([[2.0, 1.0 + 1e-10], [1.0, 2.0]]);
        assert!(b.cholesky().is_none());
    }
}
