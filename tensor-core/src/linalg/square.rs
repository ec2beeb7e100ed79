//! `det`, `inv` and `solve` of square float matrices: closed forms (cofactors and the
//! adjugate, see [`closed`](super::closed)) for `2 x 2`, `3 x 3` and `4 x 4`, LU factorization
//! with partial pivoting (see [`lu`](super::lu)) for every other size. The size is static, so
//! the choice is made at compile time (`if const`), with no run-time branch on it.
//!
//! The methods are bounded by `Shape<R, C>: Square`, so calling them on a non-square matrix is
//! a compile error: `expected a square matrix, found a matrix of shape Shape<2, 3>`.

use num_traits::Float;

use super::{closed, lu};
use crate::shape::{Shape, Square};
use crate::{Element, Tensor};

impl<T: Element + Float, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The determinant, like NumPy's `np.linalg.det(a)`: the product of the pivots of an LU
    /// factorization with partial pivoting (as LAPACK computes it), `1` for a `0 x 0` matrix.
    ///
    /// Exactly singular matrices give `0`; nearly singular ones give a tiny value (no
    /// threshold is applied: the determinant of a well-scaled matrix can be tiny, e.g.
    /// `2.7e-33` for the 8x8 Hilbert matrix). The relative error is of order
    /// `n * eps * cond(A)`. A NaN element makes it NaN.
    ///
    /// For `2 x 2` to `4 x 4` it is the cofactor expansion (as glam and nalgebra compute it),
    /// exactly 0 for a matrix with a zero row or column or two equal rows, otherwise the same
    /// value as LU's up to rounding; elements so large or small that a product of `n` of them
    /// would over- or underflow are scaled first (see `linalg::closed`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1.0f64, 2.0], [3.0, 4.0]]);
    /// assert!((a.det() - -2.0).abs() < 1e-12);
    /// assert_eq!(Tensor::<f64, 3, 3>::identity().det(), 1.0);
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let _ = Tensor::<f64, 2, 3>::zeros().det(); // expected a square matrix, found Shape<2, 3>
    /// ```
    #[must_use]
    #[inline]
    pub fn det(&self) -> T
    where
        Shape<R, C>: Square,
    {
        if const { closed::has_closed_form(R) } {
            return closed::det::<T, R>(self.as_flat());
        }
        let mut a = *self;
        let mut pivots = [0; R];
        let f = lu::factor(a.as_flat_mut(), R, &mut pivots);
        lu::det(a.as_flat(), R, &f)
    }

    /// The inverse, like NumPy's `np.linalg.inv(a)`, or `None` when the matrix is singular or
    /// numerically singular.
    ///
    /// The matrix is factored by LU with partial pivoting; it counts as numerically singular
    /// when a pivot satisfies `|u_kk| <= n * eps * max |a_ij|` (`eps` is `T::EPSILON`, the
    /// maximum is taken over the finite elements of `self`): a pivot that small is within the
    /// rounding error of the factorization, so the inverse would be noise. Exactly singular
    /// matrices give `None` when elimination cancels exactly (a zero row or column, integer
    /// matrices whose pivots stay exact), but rounding in the elimination can leave a pivot of
    /// a rank-deficient matrix just above the threshold: then the result is `Some` with huge
    /// entries, as NumPy's (check [`rcond`](Self::rcond) when the input may be rank
    /// deficient). Ill-conditioned but invertible ones (the 8x8 Hilbert
    /// matrix, condition number 1.5e10 in f64) give `Some`, with a relative error of order
    /// `n * eps * cond(A)`. NumPy raises `LinAlgError` only for exactly zero pivots, so for
    /// matrices whose rank deficiency is hidden by rounding it returns huge values where this
    /// returns `None`. The test looks at pivots, it does not estimate the condition number: in
    /// f64 it first rejects the 13x13 Hilbert matrix, while the 12x12 one (cond 1.7e16) passes
    /// with an inverse that has no correct digits; in f32 the 6x6 Hilbert matrix is rejected.
    /// NaN elements propagate into the result.
    ///
    /// `2 x 2` to `4 x 4` matrices take the closed form `adj(A) / det(A)` instead (cofactors,
    /// as glam and nalgebra), which counts a matrix as singular when
    /// `|det(A)| <= n * eps * max|a_ij|^n` (the maximum again over the finite elements): the
    /// determinant of the matrix scaled to largest element 1 is within rounding of 0. Both
    /// rules are scale-invariant and give `Some` for well-conditioned matrices; a matrix whose
    /// cofactor determinant is exactly 0 (a zero row, equal rows, rank-deficient small
    /// integers) is always `None` in the closed form; otherwise the rules can differ only for
    /// matrices within a small factor of `n * eps` of singular. NaN elements give `Some` holding NaN on both paths; a
    /// matrix with an infinite element goes to LU at every size. The details are in the
    /// module docs of `linalg::closed`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1.0f64, 2.0], [3.0, 4.0]]);
    /// let inv = a.inv().unwrap();
    /// let want = Tensor::from([[-2.0, 1.0], [1.5, -0.5]]);
    /// assert!(inv.iter().zip(&want).all(|(x, y)| (x - y).abs() < 1e-12));
    ///
    /// assert_eq!(Tensor::from([[1.0, 2.0], [2.0, 4.0]]).inv(), None);
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let _ = Tensor::<f64, 2, 3>::zeros().inv(); // expected a square matrix, found Shape<2, 3>
    /// ```
    #[must_use]
    #[inline]
    pub fn inv(&self) -> Option<Self>
    where
        Shape<R, C>: Square,
    {
        if const { closed::has_closed_form(R) } {
            // Written in place in the `Option` that is returned: no copy of the result.
            let mut x = Some(Self::zeros());
            if let Some(inv) = &mut x
                && !closed::inverse::<T, R>(self.as_flat(), inv.as_flat_mut())
            {
                x = None;
            }
            return x;
        }
        let mut a = *self;
        let mut pivots = [0; R];
        if lu::factor(a.as_flat_mut(), R, &mut pivots).singular {
            return None;
        }
        let mut x = Self::eye();
        lu::solve_in_place(a.as_flat(), R, &pivots, x.as_flat_mut(), C);
        Some(x)
    }

    /// The solution `x` of `self @ x = b`, like NumPy's `np.linalg.solve(a, b)`, or `None` when
    /// `self` is singular or numerically singular (the same test as [`inv`](Self::inv)). The
    /// solution comes from LU with partial pivoting at every size, as LAPACK's `gesv` behind
    /// NumPy: backward stable, `|A x - b|` of order `n eps (|A| |x| + |b|)` however badly
    /// conditioned `A` is.
    ///
    /// `b` is a column vector `Tensor<T, N, 1>` or a matrix of `M` right-hand sides
    /// `Tensor<T, N, M>`; `x` has the shape of `b`. Solving is more accurate and cheaper than
    /// multiplying by the inverse. For a row vector `v` (NumPy's 1-D `b`), solve for `v.t()`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // 3x + y = 9, x + 2y = 8
    /// let a = Tensor::from([[3.0f64, 1.0], [1.0, 2.0]]);
    /// let b = Tensor::from([[9.0], [8.0]]);
    /// let x = a.solve(&b).unwrap();
    /// assert!((x[(0, 0)] - 2.0).abs() < 1e-12 && (x[(1, 0)] - 3.0).abs() < 1e-12);
    /// ```
    #[must_use]
    #[inline]
    pub fn solve<const M: usize>(&self, b: &Tensor<T, R, M>) -> Option<Tensor<T, C, M>>
    where
        Shape<R, C>: Square,
    {
        if const { closed::has_closed_form(R) } {
            // Written in place in the `Option` that is returned, as in `inv`.
            let mut x = Some(Tensor::<T, C, M>::zeros());
            if let Some(sol) = &mut x
                && !closed::solve::<T, R>(self.as_flat(), b.as_flat(), sol.as_flat_mut(), M)
            {
                x = None;
            }
            return x;
        }
        let mut a = *self;
        let mut pivots = [0; R];
        if lu::factor(a.as_flat_mut(), R, &mut pivots).singular {
            return None;
        }
        // R == C (`Square`), so `b`'s R rows are the C rows of the result.
        let mut x = Tensor::<T, C, M>::from_fn(|i, j| b.data[i][j]);
        lu::solve_in_place(a.as_flat(), R, &pivots, x.as_flat_mut(), M);
        Some(x)
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn empty_matrix() {
        let e = Tensor::<f64, 0, 0>::zeros();
        assert_eq!(e.det(), 1.0);
        assert_eq!(e.inv(), Some(e));
    }

    #[test]
    fn permutation_sign() {
        let p = Tensor::from([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]);
        assert_eq!(p.det(), 1.0);
        let swap = Tensor::from([[0.0f32, 1.0], [1.0, 0.0]]);
        assert_eq!(swap.det(), -1.0);
        assert_eq!(swap.inv(), Some(swap));
    }

    #[test]
    fn singular_and_threshold() {
        assert_eq!(Tensor::<f64, 3, 3>::zeros().det(), 0.0);
        assert_eq!(Tensor::<f64, 3, 3>::zeros().inv(), None);
        // A pivot of 2^-50 relative to entries of 1 is above 2 * eps = 2^-51: invertible.
        let eps = f64::EPSILON;
        let a = Tensor::from([[1.0, 1.0], [1.0, 1.0 + 4.0 * eps]]);
        assert!(a.inv().is_some());
        // A pivot of exactly 2 * eps * max is at the threshold: numerically singular.
        let b = Tensor::from([[1.0, 1.0], [1.0, 1.0 + 2.0 * eps]]);
        assert_eq!(b.inv(), None);
        assert!(b.det() > 0.0, "det applies no threshold");
        // The tolerance scales with the matrix: the same matrix times 1e-300 is as invertible.
        assert!(a.map(|x| x * 1e-300).inv().is_some());
    }

    #[test]
    fn nan_propagates() {
        let a = Tensor::from([[1.0, f64::NAN], [3.0, 4.0]]);
        assert!(a.det().is_nan());
        assert!(a.inv().is_some_and(|i| i.iter().any(|x| x.is_nan())));
    }
}
