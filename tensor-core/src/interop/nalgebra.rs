//! `nalgebra` (feature `nalgebra`): conversions to and from statically sized matrices.
//!
//! `Tensor<T, R, C>` and `SMatrix<T, R, C>` have the same shape, but not the same layout: a
//! tensor stores its rows one after the other, nalgebra stores columns. The conversions move
//! every element to the same `(row, col)` position, so `m[(i, j)]` reads the same value on
//! both sides.

use nalgebra::{SMatrix, Scalar};

use crate::Tensor;

impl<T: Scalar, const R: usize, const C: usize> From<Tensor<T, R, C>> for SMatrix<T, R, C> {
    /// Converts to nalgebra's column-major matrix; element `(i, j)` stays at `(i, j)`.
    ///
    /// ```
    /// use nalgebra::SMatrix;
    /// use tensor_core::Tensor;
    ///
    /// let t = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// let m: SMatrix<i32, 2, 3> = t.into();
    /// assert_eq!(m[(0, 2)], 3);
    /// assert_eq!(m.as_slice(), &[1, 4, 2, 5, 3, 6]); // stored by columns
    /// ```
    fn from(t: Tensor<T, R, C>) -> Self {
        Self::from_fn(|i, j| t.data[i][j].clone())
    }
}

impl<T: Scalar, const R: usize, const C: usize> From<SMatrix<T, R, C>> for Tensor<T, R, C> {
    /// Converts from nalgebra's column-major matrix; element `(i, j)` stays at `(i, j)`.
    ///
    /// ```
    /// use nalgebra::Matrix2x3;
    /// use tensor_core::Tensor;
    ///
    /// let m = Matrix2x3::new(1, 2, 3, 4, 5, 6); // written row by row
    /// assert_eq!(Tensor::from(m), Tensor::from([[1, 2, 3], [4, 5, 6]]));
    /// ```
    fn from(m: SMatrix<T, R, C>) -> Self {
        Self::from_fn(|i, j| m[(i, j)].clone())
    }
}
