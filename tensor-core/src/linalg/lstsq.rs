//! Least squares by the singular value decomposition, as LAPACK's `gelsd` behind NumPy's
//! `np.linalg.lstsq`.

use num_traits::Float;

use crate::shape::{Dim, MinDim, SameRows, Shape};
use crate::{Element, Tensor, Vector};

/// The result of [`Tensor::lstsq`], NumPy's `(x, residuals, rank, s)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lstsq<T, const N: usize, const P: usize, const K: usize> {
    /// The least-squares solution `x` (`N x P`), the one of minimum norm when `a` is
    /// rank-deficient.
    pub solution: Tensor<T, N, P>,
    /// The squared 2-norm of each column of `b - a x`, when `a` has full column rank and more
    /// rows than columns (`rank == N < M`); `None` otherwise, where NumPy returns an empty
    /// array.
    pub residuals: Option<Vector<T, P>>,
    /// The effective rank of `a`: the singular values above `rcond * S.max()`.
    pub rank: usize,
    /// The singular values of `a`, descending.
    pub singular_values: Vector<T, K>,
}

impl<T: Element + Float, const M: usize, const N: usize> Tensor<T, M, N> {
    /// The least-squares solution of `self @ x = b`, like NumPy's
    /// `np.linalg.lstsq(a, b, rcond)`: the `x` that minimizes `|b - a x|` (column by column),
    /// of minimum norm among the minimizers when `a` is rank-deficient.
    ///
    /// `b` is `M x P` (a column vector for one right-hand side); a `b` with a different number of
    /// rows is a compile error naming both shapes. Singular values at or below
    /// `rcond * S.max()` count as zero; `rcond = None` is NumPy's default `eps * max(M, N)`.
    /// The result also holds NumPy's residuals, rank and singular values ([`Lstsq`]).
    /// Computed from the [`svd`](Self::svd) (`x = V diag(1/S) U^T b`), as LAPACK's `gelsd`.
    /// NaN or an infinity in `self` gives NaN.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // Fit y = c0 + c1 t through (0, 1), (1, 3), (2, 4).
    /// let a = Tensor::from([[1.0f64, 0.0], [1.0, 1.0], [1.0, 2.0]]);
    /// let b = Tensor::from([[1.0], [3.0], [4.0]]);
    /// let fit = a.lstsq(&b, None);
    /// assert_eq!(fit.rank, 2);
    /// let c = fit.solution; // (2, 1)
    /// assert!((c[(0, 0)] - 7.0 / 6.0).abs() < 1e-14 && (c[(1, 0)] - 1.5).abs() < 1e-14);
    /// assert!((fit.residuals.unwrap()[0] - 1.0 / 6.0).abs() < 1e-14);
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::<f64, 3, 2>::ones();
    /// let _ = a.lstsq(&Tensor::<f64, 4, 1>::ones(), None); // `a` and `b` with the same number of rows
    /// ```
    #[must_use]
    pub fn lstsq<const M2: usize, const P: usize, const K: usize>(
        &self,
        b: &Tensor<T, M2, P>,
        rcond: Option<T>,
    ) -> Lstsq<T, N, P, K>
    where
        Shape<M, N>: SameRows<Shape<M2, P>>,
        Shape<M, N>: MinDim<Min = Dim<K>>,
    {
        // `SameRows` proves M2 == M.
        let b = Tensor::<T, M, P>::from_fn(|i, j| b.data[i][j]);
        let (u, s, vt) = self.svd();
        let rcond =
            rcond.unwrap_or_else(|| T::from(M.max(N)).unwrap_or_else(T::infinity) * T::epsilon());
        let cutoff = rcond * s.as_flat().first().copied().unwrap_or_else(T::zero);
        let rank = s.iter().filter(|&&x| x > cutoff).count();
        // x = Vt^T diag(1/S) (U^T b), over the singular values above the cutoff.
        let utb = u.t().matmul(&b);
        let scaled = Tensor::<T, K, P>::from_fn(|i, j| {
            if i < rank {
                utb.data[i][j] / s.data[0][i]
            } else {
                T::zero()
            }
        });
        let solution = vt.t().matmul(&scaled);
        let residuals = (rank == N && M > N).then(|| {
            let ax = self.matmul(&solution);
            Tensor::from_fn(|_, j| {
                (0..M).fold(T::zero(), |acc, i| {
                    let r = ax.data[i][j] - b.data[i][j];
                    acc + r * r
                })
            })
        });
        Lstsq {
            solution,
            residuals,
            rank,
            singular_values: s,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn rank_deficient_gives_the_minimum_norm_solution() {
        // Two equal columns: x0 + x1 = 2 has minimum-norm solution (1, 1).
        let a = Tensor::from([[1.0f64, 1.0], [1.0, 1.0]]);
        let fit = a.lstsq(&Tensor::from([[2.0], [2.0]]), None);
        assert_eq!(fit.rank, 1);
        assert_eq!(fit.residuals, None);
        assert!(fit.solution.iter().all(|x| (x - 1.0).abs() < 1e-14));
    }

    #[test]
    fn underdetermined() {
        let a = Tensor::from([[1.0f64, 2.0, 2.0]]);
        let fit = a.lstsq(&Tensor::from([[9.0]]), None);
        assert_eq!((fit.rank, fit.residuals), (1, None));
        let want = [1.0, 2.0, 2.0];
        assert!(
            fit.solution
                .iter()
                .zip(want)
                .all(|(x, w)| (x - w).abs() < 1e-14)
        );
    }
}
