//! Matrix and vector norms with NumPy's `ord` choices (`np.linalg.matrix_norm`,
//! `np.linalg.vector_norm`, and `np.linalg.norm` on 2-D and 1-D arrays).

use num_traits::Float;

use super::level1::nrm2;
use crate::shape::{Dim, MinDim, Shape};
use crate::{Element, Tensor};

/// The `ord` of a matrix norm, as NumPy's `np.linalg.matrix_norm(x, ord)` and
/// `np.linalg.norm(x, ord)` for a 2-D `x`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MatrixNorm {
    /// `'fro'` (NumPy's default): the square root of the sum of squares.
    #[default]
    Frobenius,
    /// `'nuc'`: the sum of the singular values.
    Nuclear,
    /// `inf`: the largest sum of absolute values along a row.
    Inf,
    /// `-inf`: the smallest sum of absolute values along a row.
    NegInf,
    /// `1`: the largest sum of absolute values along a column.
    One,
    /// `-1`: the smallest sum of absolute values along a column.
    NegOne,
    /// `2`: the largest singular value (the spectral norm).
    Two,
    /// `-2`: the smallest singular value.
    NegTwo,
}

/// The `ord` of a vector norm, as NumPy's `np.linalg.vector_norm(x, ord)` and
/// `np.linalg.norm(x, ord)` for a 1-D `x`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum VectorNorm<T> {
    /// `2` (NumPy's default): the Euclidean norm.
    #[default]
    Two,
    /// `1`: the sum of absolute values.
    One,
    /// `inf`: the largest absolute value.
    Inf,
    /// `-inf`: the smallest absolute value.
    NegInf,
    /// `0`: the number of non-zero elements (not a norm).
    Zero,
    /// Any other `p`: `sum(|x|^p)^(1/p)`.
    P(T),
}

impl<T: Element + Float, const M: usize, const N: usize> Tensor<T, M, N> {
    /// The norm of all elements taken as one vector, like NumPy's
    /// `np.linalg.vector_norm(x, ord)` (which flattens), or `np.linalg.norm(v, ord)` for a
    /// vector `v`. `VectorNorm::Two` is [`norm`](Self::norm). The Euclidean norm neither
    /// overflows nor underflows in its intermediate sum; NaN propagates, and an infinite
    /// element gives `inf` (for `Two`, `One`, `Inf` and positive `P`).
    ///
    /// ```
    /// use tensor_core::{Tensor, VectorNorm};
    ///
    /// let v = Tensor::from([3.0f64, -4.0, 0.0]);
    /// assert_eq!(v.vector_norm(VectorNorm::Two), 5.0);
    /// assert_eq!(v.vector_norm(VectorNorm::One), 7.0);
    /// assert_eq!(v.vector_norm(VectorNorm::Inf), 4.0);
    /// assert_eq!(v.vector_norm(VectorNorm::NegInf), 0.0);
    /// assert_eq!(v.vector_norm(VectorNorm::Zero), 2.0);
    /// assert!((v.vector_norm(VectorNorm::P(3.0)) - 91.0f64.cbrt()).abs() < 1e-14);
    /// ```
    #[must_use]
    pub fn vector_norm(&self, ord: VectorNorm<T>) -> T {
        let x = self.as_flat();
        let nan = || x.iter().any(|v| v.is_nan());
        match ord {
            VectorNorm::Two => nrm2(x),
            VectorNorm::One => x.iter().fold(T::zero(), |s, v| s + v.abs()),
            VectorNorm::Inf if nan() => T::nan(),
            VectorNorm::Inf => x.iter().fold(T::zero(), |m, v| m.max(v.abs())),
            VectorNorm::NegInf if nan() => T::nan(),
            // NumPy's `min` of an empty array raises; the empty minimum is `inf` here.
            VectorNorm::NegInf => x.iter().fold(T::infinity(), |m, v| m.min(v.abs())),
            VectorNorm::Zero => {
                x.iter().fold(
                    T::zero(),
                    |n, &v| {
                        if v != T::zero() { n + T::one() } else { n }
                    },
                )
            }
            VectorNorm::P(p) => x
                .iter()
                .fold(T::zero(), |s, v| s + v.abs().powf(p))
                .powf(p.recip()),
        }
    }

    /// A matrix norm, like NumPy's `np.linalg.matrix_norm(a, ord)` (or `np.linalg.norm(a,
    /// ord)` for a 2-D `a`): see [`MatrixNorm`] for the choices. `Two`, `NegTwo` and
    /// `Nuclear` come from the [`singular_values`](Self::singular_values); the others are
    /// sums. NaN propagates. A matrix with no rows or columns has norm 0.
    ///
    /// ```
    /// use tensor_core::{MatrixNorm, Tensor};
    ///
    /// let a = Tensor::from([[1.0f64, -2.0], [3.0, 4.0]]);
    /// assert_eq!(a.matrix_norm(MatrixNorm::Frobenius), 30.0f64.sqrt());
    /// assert_eq!(a.matrix_norm(MatrixNorm::One), 6.0); // column sums 4, 6
    /// assert_eq!(a.matrix_norm(MatrixNorm::Inf), 7.0); // row sums 3, 7
    /// assert_eq!(a.matrix_norm(MatrixNorm::NegInf), 3.0);
    /// let s = a.singular_values();
    /// assert_eq!(a.matrix_norm(MatrixNorm::Two), s[0]);
    /// assert_eq!(a.matrix_norm(MatrixNorm::Nuclear), s[0] + s[1]);
    /// ```
    #[must_use]
    pub fn matrix_norm<const K: usize>(&self, ord: MatrixNorm) -> T
    where
        Shape<M, N>: MinDim<Min = Dim<K>>,
    {
        if M == 0 || N == 0 {
            return T::zero();
        }
        let nan = || self.iter().any(|v| v.is_nan());
        let row_sum = |i: usize| self.data[i].iter().fold(T::zero(), |s, v| s + v.abs());
        let col_sum = |j: usize| (0..M).fold(T::zero(), |s, i| s + self.data[i][j].abs());
        let extreme = |sums: &mut dyn Iterator<Item = T>, largest: bool| {
            if nan() {
                return T::nan();
            }
            let first = sums.next().unwrap_or_else(T::zero);
            sums.fold(first, |m, s| if largest { m.max(s) } else { m.min(s) })
        };
        match ord {
            MatrixNorm::Frobenius => nrm2(self.as_flat()),
            MatrixNorm::Inf => extreme(&mut (0..M).map(row_sum), true),
            MatrixNorm::NegInf => extreme(&mut (0..M).map(row_sum), false),
            MatrixNorm::One => extreme(&mut (0..N).map(col_sum), true),
            MatrixNorm::NegOne => extreme(&mut (0..N).map(col_sum), false),
            MatrixNorm::Two | MatrixNorm::NegTwo | MatrixNorm::Nuclear => {
                let s = self.singular_values::<K>();
                let s = s.as_flat();
                match ord {
                    MatrixNorm::Two => s[0],
                    MatrixNorm::NegTwo => s[K - 1],
                    _ => s.iter().fold(T::zero(), |a, &b| a + b),
                }
            }
        }
    }
}
