//! `ndarray` (feature `ndarray`): conversions to `Array2` and `ArrayView2`, and fallible
//! conversions back, checked against the static shape at run time; for a
//! [`DynTensor<T, C>`](crate::DynTensor), `Array2`'s twin, only the column count is checked.

use alloc::boxed::Box;
use alloc::vec::Vec;

use ndarray::{Array2, ArrayView2, ArrayViewMut2};

use crate::{DynTensor, RowsMismatch, ShapeMismatch, Tensor};

/// Moves `rows` (exactly `R` rows of `C`) into a standard-layout `Array2`.
fn array_from_rows<T, const C: usize>(rows: Vec<[T; C]>) -> Array2<T> {
    let shape = (rows.len(), C);
    // `into_flattened` reuses the allocation; the shape matches the length by construction,
    // so the only failure (more than `isize::MAX` elements) cannot happen for data in memory.
    Array2::from_shape_vec(shape, rows.into_flattened())
        .unwrap_or_else(|e| unreachable!("a {shape:?} array of in-memory data: {e}"))
}

impl<T, const R: usize, const C: usize> From<Tensor<T, R, C>> for Array2<T> {
    /// Moves the elements into an owned `R x C` array in standard (row-major) layout.
    ///
    /// ```
    /// use ndarray::{Array2, array};
    /// use tensor_core::Tensor;
    ///
    /// let a: Array2<i32> = Tensor::from([[1, 2, 3], [4, 5, 6]]).into();
    /// assert_eq!(a, array![[1, 2, 3], [4, 5, 6]]);
    /// ```
    fn from(t: Tensor<T, R, C>) -> Self {
        array_from_rows(Vec::from(t.data))
    }
}

impl<T, const R: usize, const C: usize> From<Box<Tensor<T, R, C>>> for Array2<T> {
    /// Reuses the heap allocation of a boxed tensor as the array's storage, without copying.
    ///
    /// ```
    /// use ndarray::Array2;
    /// use tensor_core::Tensor;
    ///
    /// let batch = Tensor::<f32, 10000, 784>::boxed_full(0.5);
    /// let a = Array2::from(batch);
    /// assert_eq!(a.dim(), (10000, 784));
    /// ```
    fn from(t: Box<Tensor<T, R, C>>) -> Self {
        // SAFETY: `Tensor<T, R, C>` is `repr(transparent)` over `[[T; C]; R]`, so the two have
        // the same size, alignment and layout, and the allocation made for one is valid for the
        // other; ownership passes from `t` to the new box.
        let rows: Box<[[T; C]; R]> = unsafe { Box::from_raw(Box::into_raw(t).cast()) };
        let rows: Box<[[T; C]]> = rows;
        array_from_rows(rows.into_vec())
    }
}

impl<'a, T, const R: usize, const C: usize> From<&'a Tensor<T, R, C>> for ArrayView2<'a, T> {
    /// Borrows the tensor as an `R x C` array view, without copying.
    ///
    /// ```
    /// use ndarray::ArrayView2;
    /// use tensor_core::Tensor;
    ///
    /// let t = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// let v = ArrayView2::from(&t);
    /// assert_eq!(v.sum(), 10.0);
    /// assert_eq!(v[[1, 0]], 3.0);
    /// ```
    fn from(t: &'a Tensor<T, R, C>) -> Self {
        ArrayView2::from(&t.data)
    }
}

impl<'a, T, const R: usize, const C: usize> From<&'a mut Tensor<T, R, C>> for ArrayViewMut2<'a, T> {
    /// Borrows the tensor mutably as an `R x C` array view, so ndarray can write into it.
    ///
    /// ```
    /// use ndarray::ArrayViewMut2;
    /// use tensor_core::Tensor;
    ///
    /// let mut t = Tensor::<i32, 2, 2>::zeros();
    /// ArrayViewMut2::from(&mut t).column_mut(1).fill(7);
    /// assert_eq!(t, Tensor::from([[0, 7], [0, 7]]));
    /// ```
    fn from(t: &'a mut Tensor<T, R, C>) -> Self {
        ArrayViewMut2::from(&mut t.data)
    }
}

impl<T: Clone, const R: usize, const C: usize> TryFrom<ArrayView2<'_, T>> for Tensor<T, R, C> {
    type Error = ShapeMismatch;

    /// Copies an array view of shape `(R, C)` in any memory layout (transposed, strided).
    ///
    /// # Errors
    ///
    /// [`ShapeMismatch`] naming both shapes when the view is not `R x C`.
    ///
    /// ```
    /// use ndarray::array;
    /// use tensor_core::Tensor;
    ///
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// let t = Tensor::<i32, 3, 2>::try_from(a.t()).unwrap(); // a transposed view
    /// assert_eq!(t, Tensor::from([[1, 4], [2, 5], [3, 6]]));
    ///
    /// let err = Tensor::<i32, 2, 2>::try_from(a.view()).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot convert an array of shape (2, 3) into a tensor of shape Shape<2, 2>");
    /// ```
    fn try_from(view: ArrayView2<'_, T>) -> Result<Self, ShapeMismatch> {
        if view.dim() != (R, C) {
            return Err(ShapeMismatch::new((R, C), view.dim()));
        }
        Ok(Self::from_fn(|i, j| view[[i, j]].clone()))
    }
}

impl<T: Clone, const R: usize, const C: usize> TryFrom<Array2<T>> for Tensor<T, R, C> {
    type Error = ShapeMismatch;

    /// Copies an owned array of shape `(R, C)`.
    ///
    /// # Errors
    ///
    /// [`ShapeMismatch`] naming both shapes when the array is not `R x C`.
    ///
    /// ```
    /// use ndarray::Array2;
    /// use tensor_core::Tensor;
    ///
    /// let t = Tensor::<f64, 2, 3>::try_from(Array2::<f64>::ones((2, 3))).unwrap();
    /// assert_eq!(t, Tensor::ones());
    /// assert!(Tensor::<f64, 2, 3>::try_from(Array2::<f64>::ones((3, 2))).is_err());
    /// ```
    fn try_from(array: Array2<T>) -> Result<Self, ShapeMismatch> {
        Self::try_from(array.view())
    }
}

impl<T, const C: usize> From<DynTensor<T, C>> for Array2<T> {
    /// Moves the elements into an owned `(n, C)` array in standard (row-major) layout,
    /// reusing the tensor's allocation.
    ///
    /// ```
    /// use ndarray::{Array2, array};
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_vec(vec![1, 2, 3, 4, 5, 6]).unwrap();
    /// assert_eq!(Array2::from(x), array![[1, 2], [3, 4], [5, 6]]);
    /// ```
    fn from(x: DynTensor<T, C>) -> Self {
        let shape = (x.nrows(), C);
        Array2::from_shape_vec(shape, x.into_vec())
            .unwrap_or_else(|e| unreachable!("a {shape:?} array of in-memory data: {e}"))
    }
}

impl<'a, T, const C: usize> From<&'a DynTensor<T, C>> for ArrayView2<'a, T> {
    /// Borrows the tensor as an `(n, C)` array view, without copying.
    ///
    /// ```
    /// use ndarray::ArrayView2;
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<f64, 2>::from_vec(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    /// let v = ArrayView2::from(&x);
    /// assert_eq!(v.dim(), (2, 2));
    /// assert_eq!(v[[1, 0]], 3.0);
    /// ```
    fn from(x: &'a DynTensor<T, C>) -> Self {
        let shape = (x.nrows(), C);
        ArrayView2::from_shape(shape, x.as_flat())
            .unwrap_or_else(|e| unreachable!("a {shape:?} view of in-memory data: {e}"))
    }
}

impl<'a, T, const C: usize> From<&'a mut DynTensor<T, C>> for ArrayViewMut2<'a, T> {
    /// Borrows the tensor mutably as an `(n, C)` array view, so ndarray can write into it.
    ///
    /// ```
    /// use ndarray::ArrayViewMut2;
    /// use tensor_core::DynTensor;
    ///
    /// let mut x = DynTensor::<i32, 2>::zeros(3);
    /// ArrayViewMut2::from(&mut x).column_mut(1).fill(7);
    /// assert_eq!(x.as_flat(), &[0, 7, 0, 7, 0, 7]);
    /// ```
    fn from(x: &'a mut DynTensor<T, C>) -> Self {
        let shape = (x.nrows(), C);
        ArrayViewMut2::from_shape(shape, x.as_flat_mut())
            .unwrap_or_else(|e| unreachable!("a {shape:?} view of in-memory data: {e}"))
    }
}

impl<T: Clone, const C: usize> TryFrom<ArrayView2<'_, T>> for DynTensor<T, C> {
    type Error = RowsMismatch;

    /// Copies an array view of any number of rows and `C` columns, in any memory layout
    /// (transposed, strided).
    ///
    /// # Errors
    ///
    /// [`RowsMismatch::Columns`] naming both shapes when the view does not have `C` columns.
    ///
    /// ```
    /// use ndarray::array;
    /// use tensor_core::DynTensor;
    ///
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// let x = DynTensor::<i32, 2>::try_from(a.t()).unwrap(); // a transposed view
    /// assert_eq!(x.as_flat(), &[1, 4, 2, 5, 3, 6]);
    ///
    /// let err = DynTensor::<i32, 2>::try_from(a.view()).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot convert an array of shape (2, 3) into a tensor of shape (n, 2)");
    /// ```
    fn try_from(view: ArrayView2<'_, T>) -> Result<Self, RowsMismatch> {
        let (rows, cols) = view.dim();
        if cols != C {
            return Err(RowsMismatch::Columns {
                found: [rows, cols],
                row: &[C],
            });
        }
        Ok(Self::from_parts(rows, view.iter().cloned().collect()))
    }
}

impl<T: Clone, const C: usize> TryFrom<Array2<T>> for DynTensor<T, C> {
    type Error = RowsMismatch;

    /// Takes an owned array of any number of rows and `C` columns: without copying when it
    /// is in standard layout and starts its allocation, else copying it in row-major order.
    ///
    /// # Errors
    ///
    /// [`RowsMismatch::Columns`] naming both shapes when the array does not have `C` columns.
    ///
    /// ```
    /// use ndarray::Array2;
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<f64, 3>::try_from(Array2::<f64>::ones((1000, 3))).unwrap();
    /// assert_eq!(x.shape(), (1000, 3));
    /// assert!(DynTensor::<f64, 3>::try_from(Array2::<f64>::ones((3, 2))).is_err());
    /// ```
    fn try_from(array: Array2<T>) -> Result<Self, RowsMismatch> {
        let (rows, cols) = array.dim();
        if cols != C || !array.is_standard_layout() {
            return Self::try_from(array.view());
        }
        match array.into_raw_vec_and_offset() {
            (data, Some(0) | None) if data.len() == rows * C => Ok(Self::from_parts(rows, data)),
            (data, offset) => {
                // A slice of its allocation: the elements are a contiguous run inside `data`.
                let start = offset.unwrap_or(0);
                Ok(Self::from_parts(
                    rows,
                    data[start..start + rows * C].to_vec(),
                ))
            }
        }
    }
}
