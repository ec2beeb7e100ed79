//! Conditioning: LAPACK `gecon`'s reciprocal condition estimate from the LU factors,
//! `solve_checked`, which refuses ill-conditioned systems, and the condition number in any of
//! NumPy's norms.

use core::fmt;

use num_traits::Float;

use super::lu;
use crate::kernels::reduce::max_nan;
use crate::shape::{Dim, MinDim, Shape, Square};
use crate::{Element, MatrixNorm, Tensor};

/// Why [`Tensor::solve_checked`] refused a system.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SolveError<T> {
    /// The matrix is singular or numerically singular: the case where
    /// [`solve`](Tensor::solve) and [`inv`](Tensor::inv) return `None`.
    Singular,
    /// The reciprocal condition estimate is below the caller's minimum: the solution would
    /// have about `-log10(rcond)` fewer correct digits than the data.
    IllConditioned {
        /// The estimate of `1 / (|A|_1 |A^-1|_1)` ([`Tensor::rcond`]).
        rcond: T,
        /// The minimum the caller asked for.
        min_rcond: T,
    },
}

impl<T: fmt::LowerExp> fmt::Display for SolveError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Singular => f.write_str("the matrix is singular to working precision"),
            Self::IllConditioned { rcond, min_rcond } => write!(
                f,
                "the matrix is ill-conditioned: reciprocal condition number estimate {rcond:e} \
                 is below the required {min_rcond:e}"
            ),
        }
    }
}

impl<T: fmt::Debug + fmt::LowerExp> core::error::Error for SolveError<T> {}

/// Solves `A^T x = c` in place (`c` a single vector) from `A`'s LU factors (`P A = L U`):
/// `U^T w = c`, `L^T v = w`, `x = P^T v`.
fn solve_transposed<T: Float>(lu: &[T], n: usize, pivots: &[usize], c: &mut [T]) {
    for i in 0..n {
        let s = (0..i).fold(c[i], |s, k| s - lu[k * n + i] * c[k]);
        c[i] = s / lu[i * n + i];
    }
    for i in (0..n).rev() {
        c[i] = (i + 1..n).fold(c[i], |s, k| s - lu[k * n + i] * c[k]);
    }
    for (k, &p) in pivots.iter().enumerate().rev() {
        c.swap(k, p);
    }
}

/// Hager's estimate of `|A^-1|_1` with Higham's refinements (LAPACK's `dlacn2`), from the
/// LU factors of a matrix with no zero pivot: a few solves with `A` and `A^T`, `O(n^2)` each.
fn inverse_one_norm<T: Float, const N: usize>(lu: &[T], pivots: &[usize]) -> T {
    let n = N;
    let one_norm = |v: &[T]| v.iter().fold(T::zero(), |s, x| s + x.abs());
    let sign = |x: T| if x >= T::zero() { T::one() } else { -T::one() };
    let solve = |x: &mut [T; N]| lu::solve_in_place(lu, n, pivots, x, 1);
    let nf = T::from(n).unwrap_or_else(T::infinity);
    let mut x = [nf.recip(); N];
    solve(&mut x);
    let mut est = one_norm(&x);
    if n > 1 {
        let mut xi: [T; N] = core::array::from_fn(|i| sign(x[i]));
        let mut z = xi;
        solve_transposed(lu, n, pivots, &mut z);
        let argmax =
            |z: &[T; N]| (0..n).fold(0, |j, i| if z[i].abs() > z[j].abs() { i } else { j });
        let mut j = argmax(&z);
        for _ in 0..4 {
            let mut y = [T::zero(); N];
            y[j] = T::one();
            solve(&mut y);
            let old = est;
            est = one_norm(&y);
            let signs: [T; N] = core::array::from_fn(|i| sign(y[i]));
            if signs == xi || est <= old {
                est = est.max(old);
                break;
            }
            xi = signs;
            z = xi;
            solve_transposed(lu, n, pivots, &mut z);
            let last = j;
            j = argmax(&z);
            if z[last].abs() == z[j].abs() {
                break;
            }
        }
        // Higham's alternative vector guards against the cases where the search stalls.
        let mut alt: [T; N] = core::array::from_fn(|i| {
            let m = T::one() + T::from(i).unwrap_or_else(T::zero) / (nf - T::one());
            if i % 2 == 0 { m } else { -m }
        });
        solve(&mut alt);
        let three = T::from(3).unwrap_or_else(T::one);
        est = est.max((one_norm(&alt) + one_norm(&alt)) / (three * nf));
    }
    est
}

/// The 1-norm of the `n x n` matrix `a`: the largest column sum of absolute values (NaN if
/// one is NaN).
///
/// The maximum is `max_nan`, a comparison, not `Float::max`: LLVM 22 miscompiles a vectorized
/// fold of `llvm.maxnum` over a known length in AVX2 builds (it drops the last `len % 4` terms).
fn one_norm<T: Float>(a: &[T], n: usize) -> T {
    (0..n)
        .map(|j| (0..n).fold(T::zero(), |s, i| s + a[i * n + j].abs()))
        .fold(T::zero(), max_nan)
}

/// The reciprocal condition estimate from the LU factors of `a` (see [`Tensor::rcond`]).
fn rcond_from_factors<T: Float, const N: usize>(a: &[T], lu: &[T], pivots: &[usize]) -> T {
    let anorm = one_norm(a, N);
    if anorm.is_nan() {
        return T::nan();
    }
    if N == 0 {
        return T::infinity();
    }
    if anorm == T::zero() || (0..N).any(|k| lu[k * N + k] == T::zero()) {
        return T::zero();
    }
    if anorm.is_infinite() {
        return T::zero();
    }
    let ainv = inverse_one_norm::<T, N>(lu, pivots);
    if ainv.is_nan() {
        return T::nan();
    }
    (ainv.recip() / anorm).min(T::one())
}

impl<T: Element + Float, const N: usize, const C: usize> Tensor<T, N, C> {
    /// An estimate of the reciprocal condition number `1 / (|A|_1 |A^-1|_1)`, as LAPACK's
    /// `gecon` computes it from the LU factors that [`inv`](Self::inv) and
    /// [`solve`](Self::solve) use (NumPy has no counterpart; SciPy's `solve` calls `gecon` to
    /// warn). Near 1 for a well-conditioned matrix, near `eps` (`T::EPSILON`) or below for
    /// one whose inverse has no correct digits; `0` for an exactly singular one. It costs a
    /// factorization and a few `O(n^2)` triangular solves (Hager's estimator with Higham's
    /// refinements, LAPACK's `dlacn2`), and is within a small factor of the true value (never
    /// above it by more than rounding: it is an estimate of `|A^-1|_1` from below).
    ///
    /// `inf` for a `0 x 0` matrix (NumPy's `cond` raises); NaN when `self` holds NaN; `0` when
    /// it holds an infinity.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<f64, 4, 4>::eye().rcond(), 1.0);
    /// // The 12x12 Hilbert matrix: cond_1 = 4e16, so its inverse is noise.
    /// let h = Tensor::<f64, 12, 12>::from_fn(|i, j| 1.0 / (i + j + 1) as f64);
    /// assert!(h.inv().is_some());
    /// assert!(h.rcond() < 1e-15);
    /// assert_eq!(Tensor::from([[1.0, 2.0], [2.0, 4.0]]).rcond(), 0.0);
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let _ = Tensor::<f64, 2, 3>::zeros().rcond(); // expected a square matrix
    /// ```
    #[must_use]
    pub fn rcond(&self) -> T
    where
        Shape<N, C>: Square,
    {
        let mut lu = *self;
        let mut pivots = [0; N];
        lu::factor(lu.as_flat_mut(), N, &mut pivots);
        rcond_from_factors::<T, N>(self.as_flat(), lu.as_flat(), &pivots)
    }

    /// The solution `x` of `self @ x = b` as [`solve`](Self::solve) computes it, refused when
    /// the matrix is too ill-conditioned for it to mean anything: `Err(IllConditioned {
    /// rcond, min_rcond })` when the [`rcond`](Self::rcond) estimate is below `min_rcond`
    /// (or NaN), `Err(Singular)` where `solve` returns `None`.
    ///
    /// The solution's relative error is about `eps / rcond`, so `min_rcond = 1e-12` in `f64`
    /// keeps about 4 correct digits; `rcond` comes from the same factorization as the
    /// solution, at `O(n^2)` extra cost.
    ///
    /// ```
    /// use tensor_core::{SolveError, Tensor};
    ///
    /// let a = Tensor::from([[3.0f64, 1.0], [1.0, 2.0]]);
    /// let x = a.solve_checked(&Tensor::from([[9.0], [8.0]]), 1e-12).unwrap();
    /// assert!((x[(0, 0)] - 2.0).abs() < 1e-12 && (x[(1, 0)] - 3.0).abs() < 1e-12);
    ///
    /// let h = Tensor::<f64, 12, 12>::from_fn(|i, j| 1.0 / (i + j + 1) as f64);
    /// match h.solve_checked(&Tensor::<f64, 12, 1>::ones(), 1e-12) {
    ///     Err(SolveError::IllConditioned { rcond, .. }) => assert!(rcond < 1e-15),
    ///     other => panic!("expected a refusal, got {other:?}"),
    /// }
    /// let singular = Tensor::from([[1.0, 2.0], [2.0, 4.0]]);
    /// assert_eq!(singular.solve_checked(&Tensor::<f64, 2, 1>::ones(), 1e-12), Err(SolveError::Singular));
    /// ```
    ///
    /// # Errors
    ///
    /// [`SolveError::Singular`] for a (numerically) singular matrix,
    /// [`SolveError::IllConditioned`] with the estimate when it is below `min_rcond`.
    pub fn solve_checked<const M: usize>(
        &self,
        b: &Tensor<T, N, M>,
        min_rcond: T,
    ) -> Result<Tensor<T, C, M>, SolveError<T>>
    where
        Shape<N, C>: Square,
    {
        let mut lu = *self;
        let mut pivots = [0; N];
        if lu::factor(lu.as_flat_mut(), N, &mut pivots).singular {
            return Err(SolveError::Singular);
        }
        let rcond = rcond_from_factors::<T, N>(self.as_flat(), lu.as_flat(), &pivots);
        if rcond < min_rcond || rcond.is_nan() || min_rcond.is_nan() {
            return Err(SolveError::IllConditioned { rcond, min_rcond });
        }
        // N == C (`Square`), so `b`'s N rows are the C rows of the result.
        let mut x = Tensor::<T, C, M>::from_fn(|i, j| b.data[i][j]);
        lu::solve_in_place(lu.as_flat(), N, &pivots, x.as_flat_mut(), M);
        Ok(x)
    }

    /// The condition number in the norm `ord`, like NumPy's `np.linalg.cond(a, p)`:
    /// `|A| |A^-1|`, from the singular values for `Two` (`S.max() / S.min()`, the same as
    /// [`cond`](Self::cond)) and `NegTwo` (`S.min() / S.max()`), and from the LU inverse for
    /// the other norms. As in NumPy, a singular matrix gives `inf` (an exactly zero pivot;
    /// numerically singular matrices give a huge finite value) and NaN in `self` gives NaN.
    ///
    /// ```
    /// use tensor_core::{MatrixNorm, Tensor};
    ///
    /// let a = Tensor::from([[1.0f64, 0.0, -1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]]);
    /// assert!((a.cond_ord(MatrixNorm::Two) - 2.0f64.sqrt()).abs() < 1e-15);
    /// assert!((a.cond_ord(MatrixNorm::Frobenius) - 10.0f64.sqrt()).abs() < 1e-14);
    /// assert!((a.cond_ord(MatrixNorm::Inf) - 2.0).abs() < 1e-15);
    /// assert!((a.cond_ord(MatrixNorm::NegOne) - 1.0).abs() < 1e-15);
    /// ```
    #[must_use]
    pub fn cond_ord<const K: usize>(&self, ord: MatrixNorm) -> T
    where
        Shape<N, C>: Square + MinDim<Min = Dim<K>>,
    {
        match ord {
            MatrixNorm::Two => self.cond(),
            MatrixNorm::NegTwo => {
                let c = self.cond();
                if c.is_nan() { c } else { c.recip() }
            }
            _ => {
                if self.iter().any(|x| x.is_nan()) {
                    return T::nan();
                }
                let mut lu = *self;
                let mut pivots = [0; N];
                lu::factor(lu.as_flat_mut(), N, &mut pivots);
                if (0..N).any(|k| lu.as_flat()[k * N + k] == T::zero()) {
                    return T::infinity();
                }
                let mut inv = Self::eye();
                lu::solve_in_place(lu.as_flat(), N, &pivots, inv.as_flat_mut(), C);
                let c = self.matrix_norm(ord) * inv.matrix_norm(ord);
                if c.is_nan() { T::infinity() } else { c }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn estimate_against_the_exact_value() {
        // |A|_1 = 6 (column 2), A^-1 = [[-2, 1], [1.5, -0.5]], |A^-1|_1 = 3.5.
        let a = Tensor::from([[1.0f64, 2.0], [3.0, 4.0]]);
        assert!((a.rcond() - 1.0 / 21.0).abs() < 1e-15);
        let one = Tensor::from([[-4.0f32]]);
        assert_eq!(one.rcond(), 1.0);
        assert_eq!(Tensor::<f64, 0, 0>::zeros().rcond(), f64::INFINITY);
        assert!(Tensor::from([[f64::NAN, 0.0], [0.0, 1.0]]).rcond().is_nan());
        assert_eq!(
            Tensor::from([[f64::INFINITY, 0.0], [0.0, 1.0]]).rcond(),
            0.0
        );
    }

    #[test]
    fn transposed_solve() {
        let a = Tensor::from([[0.0f64, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]]);
        let mut lu = a;
        let mut pivots = [0; 3];
        super::lu::factor(lu.as_flat_mut(), 3, &mut pivots);
        let mut c = [1.0, 2.0, 3.0];
        super::solve_transposed(lu.as_flat(), 3, &pivots, &mut c);
        // A^T x = (1, 2, 3)
        let at = a.t();
        for i in 0..3 {
            let r: f64 = (0..3).map(|j| at[(i, j)] * c[j]).sum();
            assert!((r - [1.0, 2.0, 3.0][i]).abs() < 1e-14, "{c:?}");
        }
    }
}
