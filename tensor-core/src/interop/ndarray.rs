//! `ndarray` (feature `ndarray`): conversions to `Array2` and `ArrayView2`, and fallible
//! conversions back, checked against the static shape at run time.

use alloc::boxed::Box;
use alloc::vec::Vec;

use ndarray::{Array2, ArrayView2, ArrayViewMut2};

use crate::{ShapeMismatch, Tensor};

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
