//! `nalgebra` (feature `nalgebra`): conversions to and from statically sized matrices.
//!
//! `Tensor<T, R, C>` and `SMatrix<T, R, C>` have the same shape, but not the same layout: a
//! tensor stores its rows one after the other, nalgebra stores columns. The conversions move
//! every element to the same `(row, col)` position, so `m[(i, j)]` reads the same value on
//! both sides.
//!
//! With the feature `alloc`, a [`DynTensor<T, C>`](crate::DynTensor) converts to and from
//! nalgebra's `OMatrix<T, Dyn, Const<C>>`, its twin (`n` rows known at run time, `C` columns
//! in the type), and from a `DMatrix<T>` with a check of the column count.

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

#[cfg(feature = "alloc")]
mod rows {
    use nalgebra::{Const, DMatrix, Dyn, OMatrix, Scalar};

    use crate::{DynTensor, RowsMismatch};

    impl<T: Scalar, const C: usize> From<DynTensor<T, C>> for OMatrix<T, Dyn, Const<C>> {
        /// Converts to nalgebra's column-major `n x C` matrix; element `(i, j)` stays at
        /// `(i, j)`.
        ///
        /// ```
        /// use nalgebra::{Const, Dyn, OMatrix};
        /// use tensor_core::DynTensor;
        ///
        /// let x = DynTensor::<i32, 2>::from_vec(vec![1, 2, 3, 4, 5, 6]).unwrap();
        /// let m = OMatrix::<i32, Dyn, Const<2>>::from(x);
        /// assert_eq!(m.shape(), (3, 2));
        /// assert_eq!(m[(2, 0)], 5);
        /// assert_eq!(m.as_slice(), &[1, 3, 5, 2, 4, 6]); // stored by columns
        /// ```
        fn from(x: DynTensor<T, C>) -> Self {
            Self::from_row_slice_generic(Dyn(x.nrows()), Const::<C>, x.as_flat())
        }
    }

    impl<T: Scalar, const C: usize> From<OMatrix<T, Dyn, Const<C>>> for DynTensor<T, C> {
        /// Converts from nalgebra's column-major `n x C` matrix; element `(i, j)` stays at
        /// `(i, j)`.
        ///
        /// ```
        /// use nalgebra::{Const, Dyn, OMatrix};
        /// use tensor_core::DynTensor;
        ///
        /// let m = OMatrix::<f64, Dyn, Const<2>>::from_row_slice(&[1.0, 2.0, 3.0, 4.0]);
        /// assert_eq!(DynTensor::from(m).as_flat(), &[1.0, 2.0, 3.0, 4.0]);
        /// ```
        fn from(m: OMatrix<T, Dyn, Const<C>>) -> Self {
            Self::from_flat_fn(m.nrows(), |k| m[(k / C, k % C)].clone())
        }
    }

    impl<T: Scalar, const C: usize> TryFrom<DMatrix<T>> for DynTensor<T, C> {
        type Error = RowsMismatch;

        /// Converts from nalgebra's fully dynamic matrix of any number of rows and `C`
        /// columns; element `(i, j)` stays at `(i, j)`.
        ///
        /// # Errors
        ///
        /// [`RowsMismatch::Columns`] naming both shapes when the matrix does not have `C`
        /// columns.
        ///
        /// ```
        /// use nalgebra::DMatrix;
        /// use tensor_core::DynTensor;
        ///
        /// let m = DMatrix::from_row_slice(2, 3, &[1, 2, 3, 4, 5, 6]);
        /// assert_eq!(DynTensor::<i32, 3>::try_from(m.clone()).unwrap().as_flat(), &[1, 2, 3, 4, 5, 6]);
        /// let err = DynTensor::<i32, 2>::try_from(m).unwrap_err();
        /// assert_eq!(err.to_string(), "cannot convert an array of shape (2, 3) into a tensor of shape (n, 2)");
        /// ```
        fn try_from(m: DMatrix<T>) -> Result<Self, RowsMismatch> {
            let (rows, cols) = m.shape();
            if cols != C {
                return Err(RowsMismatch::Columns {
                    found: [rows, cols, 0, 0],
                    row: &[C],
                });
            }
            Ok(Self::from_flat_fn(rows, |k| m[(k / C, k % C)].clone()))
        }
    }
}
