//! `ndarray` (feature `ndarray`): conversions to `Array2` and `ArrayView2`, and fallible
//! conversions back, checked against the static shape at run time; for a
//! [`DynTensor<T, C>`](crate::DynTensor), `Array2`'s twin, only the column count is checked.
//! Rank 3 and 4 likewise: `Tensor3`/`Tensor4` and `DynTensor3`/`DynTensor4` with `Array3`/
//! `Array4` and their views (a run-time tensor's trailing axes are checked, its rows are the
//! array's first axis).

use alloc::boxed::Box;
use alloc::vec::Vec;

use ndarray::{
    Array2, Array3, Array4, ArrayView, ArrayView2, ArrayView3, ArrayView4, ArrayViewMut,
    ArrayViewMut2, ArrayViewMut3, ArrayViewMut4, Dimension,
};

use crate::shape::Dims;
use crate::{
    Array, DynArray, DynTensor, DynTensor3, DynTensor4, RowsMismatch, ShapeMismatch, Tensor,
    Tensor3, Tensor4,
};

/// Moves `rows` (exactly `R` rows of `C`) into a standard-layout `Array2`.
fn array_from_rows<T, const C: usize>(rows: Vec<[T; C]>) -> Array2<T> {
    let shape = (rows.len(), C);
    // `into_flattened` reuses the allocation; the shape matches the length by construction,
    // so the only failure (more than `isize::MAX` elements) cannot happen for data in memory.
    Array2::from_shape_vec(shape, rows.into_flattened())
        .unwrap_or_else(|e| unreachable!("a {shape:?} array of in-memory data: {e}"))
}

/// The standard-layout array of shape `dim` owning the row-major elements `data` (exactly as
/// many as the shape holds, by construction).
fn owned_nd<T, D: Dimension>(dim: D, data: Vec<T>) -> ndarray::Array<T, D> {
    ndarray::Array::from_shape_vec(dim.clone(), data)
        .unwrap_or_else(|e| unreachable!("a {:?} array of in-memory data: {e}", dim.slice()))
}

/// The row-major elements `data` viewed as an array of shape `dim`.
fn view_nd<T, D: Dimension>(dim: D, data: &[T]) -> ArrayView<'_, T, D> {
    ArrayView::from_shape(dim.clone(), data)
        .unwrap_or_else(|e| unreachable!("a {:?} view of in-memory data: {e}", dim.slice()))
}

/// The row-major elements `data` viewed mutably as an array of shape `dim`.
fn view_mut_nd<T, D: Dimension>(dim: D, data: &mut [T]) -> ArrayViewMut<'_, T, D> {
    ArrayViewMut::from_shape(dim.clone(), data)
        .unwrap_or_else(|e| unreachable!("a {:?} view of in-memory data: {e}", dim.slice()))
}

/// Copies a view of any layout into a static tensor of shape `S`, in logical (row-major)
/// order; [`ShapeMismatch`] naming both shapes when the view's shape is not `S`.
fn static_from_view<T: Clone, S: Dims, D: Dimension>(
    view: &ArrayView<'_, T, D>,
) -> Result<Array<T, S>, ShapeMismatch> {
    if view.shape() != S::DIMS {
        return Err(ShapeMismatch::from_dims(S::DIMS, view.shape()));
    }
    let mut elements = view.iter();
    Ok(Array::from_flat_fn(|_| {
        elements
            .next()
            .unwrap_or_else(|| unreachable!("the view has the tensor's shape"))
            .clone()
    }))
}

/// The error when an array of shape `found` does not have the rows of shape `S`.
fn check_rows<S: Dims>(found: &[usize]) -> Result<usize, RowsMismatch> {
    if found.len() == S::RANK + 1 && found[1..] == *S::DIMS {
        return Ok(found[0]);
    }
    let mut padded = [0; 4];
    let rank = found.len().min(4);
    padded[..rank].copy_from_slice(&found[..rank]);
    Err(RowsMismatch::Columns {
        found: padded,
        row: S::DIMS,
    })
}

/// Copies a view of any layout whose trailing axes are `S` into a run-time tensor.
fn dyn_from_view<T: Clone, S: Dims, D: Dimension>(
    view: &ArrayView<'_, T, D>,
) -> Result<DynArray<T, S>, RowsMismatch> {
    let rows = check_rows::<S>(view.shape())?;
    Ok(DynArray::from_parts(rows, view.iter().cloned().collect()))
}

/// Takes an owned array whose trailing axes are `S`: without copying when it is in standard
/// layout and starts its allocation, else copying it in row-major order.
fn dyn_from_owned<T: Clone, S: Dims, D: Dimension>(
    array: ndarray::Array<T, D>,
) -> Result<DynArray<T, S>, RowsMismatch> {
    let rows = check_rows::<S>(array.shape())?;
    if !array.is_standard_layout() {
        return dyn_from_view(&array.view());
    }
    let len = rows * S::SIZE;
    match array.into_raw_vec_and_offset() {
        (data, Some(0) | None) if data.len() == len => Ok(DynArray::from_parts(rows, data)),
        (data, offset) => {
            // A slice of its allocation: the elements are a contiguous run inside `data`.
            let start = offset.unwrap_or(0);
            Ok(DynArray::from_parts(
                rows,
                data[start..start + len].to_vec(),
            ))
        }
    }
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
                found: [rows, cols, 0, 0],
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

impl<T, const D0: usize, const D1: usize, const D2: usize> From<Tensor3<T, D0, D1, D2>>
    for Array3<T>
{
    /// Moves the elements into an owned array of shape `(D0, D1, D2)` in standard (row-major)
    /// layout.
    ///
    /// ```
    /// use ndarray::Array3;
    /// use tensor_core::Tensor3;
    ///
    /// let a = Array3::from(Tensor3::<i32, 2, 3, 4>::arange());
    /// assert_eq!(a.dim(), (2, 3, 4));
    /// assert_eq!(a[[1, 2, 1]], 21);
    /// ```
    fn from(t: Tensor3<T, D0, D1, D2>) -> Self {
        owned_nd(
            ndarray::Dim((D0, D1, D2)),
            Vec::from(t.data).into_flattened().into_flattened(),
        )
    }
}

impl<T, const D0: usize, const D1: usize, const D2: usize> From<Box<Tensor3<T, D0, D1, D2>>>
    for Array3<T>
{
    /// Reuses the heap allocation of a boxed tensor as the array's storage, without copying.
    ///
    /// ```
    /// use ndarray::Array3;
    /// use tensor_core::Tensor3;
    ///
    /// let batch = Tensor3::<f32, 1000, 28, 28>::boxed_full(0.5);
    /// assert_eq!(Array3::from(batch).dim(), (1000, 28, 28));
    /// ```
    fn from(t: Box<Tensor3<T, D0, D1, D2>>) -> Self {
        owned_nd(ndarray::Dim((D0, D1, D2)), t.into_flat_vec())
    }
}

impl<'a, T, const D0: usize, const D1: usize, const D2: usize> From<&'a Tensor3<T, D0, D1, D2>>
    for ArrayView3<'a, T>
{
    /// Borrows the tensor as an array view of shape `(D0, D1, D2)`, without copying.
    ///
    /// ```
    /// use ndarray::ArrayView3;
    /// use tensor_core::Tensor3;
    ///
    /// let t = Tensor3::<i32, 2, 3, 4>::arange();
    /// assert_eq!(ArrayView3::from(&t).sum(), 23 * 24 / 2);
    /// ```
    fn from(t: &'a Tensor3<T, D0, D1, D2>) -> Self {
        view_nd(ndarray::Dim((D0, D1, D2)), t.as_flat())
    }
}

impl<'a, T, const D0: usize, const D1: usize, const D2: usize> From<&'a mut Tensor3<T, D0, D1, D2>>
    for ArrayViewMut3<'a, T>
{
    /// Borrows the tensor mutably as an array view, so ndarray can write into it.
    ///
    /// ```
    /// use ndarray::ArrayViewMut3;
    /// use tensor_core::Tensor3;
    ///
    /// let mut t = Tensor3::<i32, 2, 3, 4>::zeros();
    /// ArrayViewMut3::from(&mut t).fill(7);
    /// assert!(t.iter().all(|&x| x == 7));
    /// ```
    fn from(t: &'a mut Tensor3<T, D0, D1, D2>) -> Self {
        view_mut_nd(ndarray::Dim((D0, D1, D2)), t.as_flat_mut())
    }
}

impl<T: Clone, const D0: usize, const D1: usize, const D2: usize> TryFrom<ArrayView3<'_, T>>
    for Tensor3<T, D0, D1, D2>
{
    type Error = ShapeMismatch;

    /// Copies an array view of shape `(D0, D1, D2)` in any memory layout (permuted, strided).
    ///
    /// # Errors
    ///
    /// [`ShapeMismatch`] naming both shapes when the view's shape is not `(D0, D1, D2)`.
    ///
    /// ```
    /// use ndarray::Array3;
    /// use tensor_core::Tensor3;
    ///
    /// let a = Array3::from_shape_fn((2, 3, 4), |ix| ix.0 * 100 + ix.1 * 10 + ix.2);
    /// let t = Tensor3::<usize, 2, 3, 4>::try_from(a.view()).unwrap();
    /// assert_eq!(t[(1, 2, 1)], 121);
    ///
    /// let a = Array3::<i32>::zeros((2, 4, 3));
    /// let err = Tensor3::<i32, 2, 3, 4>::try_from(a.view()).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot convert an array of shape (2, 4, 3) into a tensor of shape Shape3<2, 3, 4>");
    /// ```
    fn try_from(view: ArrayView3<'_, T>) -> Result<Self, ShapeMismatch> {
        static_from_view(&view)
    }
}

impl<T: Clone, const D0: usize, const D1: usize, const D2: usize> TryFrom<Array3<T>>
    for Tensor3<T, D0, D1, D2>
{
    type Error = ShapeMismatch;

    /// Copies an owned array of shape `(D0, D1, D2)`.
    ///
    /// # Errors
    ///
    /// [`ShapeMismatch`] naming both shapes when the array's shape is not `(D0, D1, D2)`.
    ///
    /// ```
    /// use ndarray::Array3;
    /// use tensor_core::Tensor3;
    ///
    /// assert_eq!(Tensor3::<i32, 2, 3, 4>::try_from(Array3::<i32>::ones((2, 3, 4))).unwrap(), Tensor3::ones());
    /// assert!(Tensor3::<i32, 2, 3, 4>::try_from(Array3::<i32>::ones((2, 4, 3))).is_err());
    /// ```
    fn try_from(array: Array3<T>) -> Result<Self, ShapeMismatch> {
        static_from_view(&array.view())
    }
}

impl<T, const D1: usize, const D2: usize> From<DynTensor3<T, D1, D2>> for Array3<T> {
    /// Moves the elements into an owned array of shape `(n, D1, D2)` in standard
    /// (row-major) layout, reusing the tensor's allocation.
    ///
    /// ```
    /// use ndarray::Array3;
    /// use tensor_core::DynTensor3;
    ///
    /// let x = DynTensor3::<i32, 3, 4>::from_flat_fn(5, |k| k as i32);
    /// let a = Array3::from(x);
    /// assert_eq!(a.dim(), (5, 3, 4));
    /// assert_eq!(a[[4, 2, 1]], 57);
    /// ```
    fn from(x: DynTensor3<T, D1, D2>) -> Self {
        owned_nd(ndarray::Dim((x.nrows(), D1, D2)), x.into_vec())
    }
}

impl<'a, T, const D1: usize, const D2: usize> From<&'a DynTensor3<T, D1, D2>>
    for ArrayView3<'a, T>
{
    /// Borrows the tensor as an array view of shape `(n, D1, D2)`, without copying.
    ///
    /// ```
    /// use ndarray::ArrayView3;
    /// use tensor_core::DynTensor3;
    ///
    /// let x = DynTensor3::<i32, 3, 4>::ones(5);
    /// assert_eq!(ArrayView3::from(&x).sum(), 60);
    /// ```
    fn from(x: &'a DynTensor3<T, D1, D2>) -> Self {
        view_nd(ndarray::Dim((x.nrows(), D1, D2)), x.as_flat())
    }
}

impl<'a, T, const D1: usize, const D2: usize> From<&'a mut DynTensor3<T, D1, D2>>
    for ArrayViewMut3<'a, T>
{
    /// Borrows the tensor mutably as an array view, so ndarray can write into it.
    ///
    /// ```
    /// use ndarray::ArrayViewMut3;
    /// use tensor_core::DynTensor3;
    ///
    /// let mut x = DynTensor3::<i32, 3, 4>::zeros(5);
    /// ArrayViewMut3::from(&mut x).fill(7);
    /// assert!(x.as_flat().iter().all(|&v| v == 7));
    /// ```
    fn from(x: &'a mut DynTensor3<T, D1, D2>) -> Self {
        view_mut_nd(ndarray::Dim((x.nrows(), D1, D2)), x.as_flat_mut())
    }
}

impl<T: Clone, const D1: usize, const D2: usize> TryFrom<ArrayView3<'_, T>>
    for DynTensor3<T, D1, D2>
{
    type Error = RowsMismatch;

    /// Copies an array view of any number of rows of shape `(D1, D2)`, in any memory
    /// layout.
    ///
    /// # Errors
    ///
    /// [`RowsMismatch::Columns`] naming both shapes when the view's trailing axes are not
    /// `(D1, D2)`.
    ///
    /// ```
    /// use ndarray::Array3;
    /// use tensor_core::DynTensor3;
    ///
    /// let a = Array3::<i32>::ones((7, 3, 4));
    /// assert_eq!(DynTensor3::<i32, 3, 4>::try_from(a.view()).unwrap().nrows(), 7);
    ///
    /// let a = Array3::<i32>::ones((7, 4, 3));
    /// let err = DynTensor3::<i32, 3, 4>::try_from(a.view()).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot convert an array of shape (7, 4, 3) into a tensor of shape (n, 3, 4)");
    /// ```
    fn try_from(view: ArrayView3<'_, T>) -> Result<Self, RowsMismatch> {
        dyn_from_view(&view)
    }
}

impl<T: Clone, const D1: usize, const D2: usize> TryFrom<Array3<T>> for DynTensor3<T, D1, D2> {
    type Error = RowsMismatch;

    /// Takes an owned array of any number of rows of shape `(D1, D2)`: without copying
    /// when it is in standard layout and starts its allocation, else copying it in row-major
    /// order.
    ///
    /// # Errors
    ///
    /// [`RowsMismatch::Columns`] naming both shapes when the array's trailing axes are not
    /// `(D1, D2)`.
    ///
    /// ```
    /// use ndarray::Array3;
    /// use tensor_core::DynTensor3;
    ///
    /// let x = DynTensor3::<i32, 3, 4>::try_from(Array3::<i32>::ones((1000, 3, 4))).unwrap();
    /// assert_eq!(x.nrows(), 1000);
    /// assert!(DynTensor3::<i32, 3, 4>::try_from(Array3::<i32>::ones((1000, 4, 3))).is_err());
    /// ```
    fn try_from(array: Array3<T>) -> Result<Self, RowsMismatch> {
        dyn_from_owned(array)
    }
}

impl<T, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
    From<Tensor4<T, D0, D1, D2, D3>> for Array4<T>
{
    /// Moves the elements into an owned array of shape `(D0, D1, D2, D3)` in standard (row-major)
    /// layout.
    ///
    /// ```
    /// use ndarray::Array4;
    /// use tensor_core::Tensor4;
    ///
    /// let a = Array4::from(Tensor4::<i32, 2, 3, 2, 2>::arange());
    /// assert_eq!(a.dim(), (2, 3, 2, 2));
    /// assert_eq!(a[[1, 2, 1, 1]], 23);
    /// ```
    fn from(t: Tensor4<T, D0, D1, D2, D3>) -> Self {
        owned_nd(
            ndarray::Dim((D0, D1, D2, D3)),
            Vec::from(t.data)
                .into_flattened()
                .into_flattened()
                .into_flattened(),
        )
    }
}

impl<T, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
    From<Box<Tensor4<T, D0, D1, D2, D3>>> for Array4<T>
{
    /// Reuses the heap allocation of a boxed tensor as the array's storage, without copying.
    ///
    /// ```
    /// use ndarray::Array4;
    /// use tensor_core::Tensor4;
    ///
    /// let batch = Tensor4::<f32, 1000, 28, 28, 1>::boxed_full(0.5);
    /// assert_eq!(Array4::from(batch).dim(), (1000, 28, 28, 1));
    /// ```
    fn from(t: Box<Tensor4<T, D0, D1, D2, D3>>) -> Self {
        owned_nd(ndarray::Dim((D0, D1, D2, D3)), t.into_flat_vec())
    }
}

impl<'a, T, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
    From<&'a Tensor4<T, D0, D1, D2, D3>> for ArrayView4<'a, T>
{
    /// Borrows the tensor as an array view of shape `(D0, D1, D2, D3)`, without copying.
    ///
    /// ```
    /// use ndarray::ArrayView4;
    /// use tensor_core::Tensor4;
    ///
    /// let t = Tensor4::<i32, 2, 3, 2, 2>::arange();
    /// assert_eq!(ArrayView4::from(&t).sum(), 23 * 24 / 2);
    /// ```
    fn from(t: &'a Tensor4<T, D0, D1, D2, D3>) -> Self {
        view_nd(ndarray::Dim((D0, D1, D2, D3)), t.as_flat())
    }
}

impl<'a, T, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
    From<&'a mut Tensor4<T, D0, D1, D2, D3>> for ArrayViewMut4<'a, T>
{
    /// Borrows the tensor mutably as an array view, so ndarray can write into it.
    ///
    /// ```
    /// use ndarray::ArrayViewMut4;
    /// use tensor_core::Tensor4;
    ///
    /// let mut t = Tensor4::<i32, 2, 3, 2, 2>::zeros();
    /// ArrayViewMut4::from(&mut t).fill(7);
    /// assert!(t.iter().all(|&x| x == 7));
    /// ```
    fn from(t: &'a mut Tensor4<T, D0, D1, D2, D3>) -> Self {
        view_mut_nd(ndarray::Dim((D0, D1, D2, D3)), t.as_flat_mut())
    }
}

impl<T: Clone, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
    TryFrom<ArrayView4<'_, T>> for Tensor4<T, D0, D1, D2, D3>
{
    type Error = ShapeMismatch;

    /// Copies an array view of shape `(D0, D1, D2, D3)` in any memory layout (permuted, strided).
    ///
    /// # Errors
    ///
    /// [`ShapeMismatch`] naming both shapes when the view's shape is not `(D0, D1, D2, D3)`.
    ///
    /// ```
    /// use ndarray::Array4;
    /// use tensor_core::Tensor4;
    ///
    /// let a = Array4::from_shape_fn((2, 3, 2, 2), |ix| ix.0 * 100 + ix.1 * 10 + ix.2);
    /// let t = Tensor4::<usize, 2, 3, 2, 2>::try_from(a.view()).unwrap();
    /// assert_eq!(t[(1, 2, 1, 0)], 121);
    ///
    /// let a = Array4::<i32>::zeros((2, 2, 3, 2));
    /// let err = Tensor4::<i32, 2, 3, 2, 2>::try_from(a.view()).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot convert an array of shape (2, 2, 3, 2) into a tensor of shape Shape4<2, 3, 2, 2>");
    /// ```
    fn try_from(view: ArrayView4<'_, T>) -> Result<Self, ShapeMismatch> {
        static_from_view(&view)
    }
}

impl<T: Clone, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
    TryFrom<Array4<T>> for Tensor4<T, D0, D1, D2, D3>
{
    type Error = ShapeMismatch;

    /// Copies an owned array of shape `(D0, D1, D2, D3)`.
    ///
    /// # Errors
    ///
    /// [`ShapeMismatch`] naming both shapes when the array's shape is not `(D0, D1, D2, D3)`.
    ///
    /// ```
    /// use ndarray::Array4;
    /// use tensor_core::Tensor4;
    ///
    /// assert_eq!(Tensor4::<i32, 2, 3, 2, 2>::try_from(Array4::<i32>::ones((2, 3, 2, 2))).unwrap(), Tensor4::ones());
    /// assert!(Tensor4::<i32, 2, 3, 2, 2>::try_from(Array4::<i32>::ones((2, 2, 3, 2))).is_err());
    /// ```
    fn try_from(array: Array4<T>) -> Result<Self, ShapeMismatch> {
        static_from_view(&array.view())
    }
}

impl<T, const D1: usize, const D2: usize, const D3: usize> From<DynTensor4<T, D1, D2, D3>>
    for Array4<T>
{
    /// Moves the elements into an owned array of shape `(n, D1, D2, D3)` in standard
    /// (row-major) layout, reusing the tensor's allocation.
    ///
    /// ```
    /// use ndarray::Array4;
    /// use tensor_core::DynTensor4;
    ///
    /// let x = DynTensor4::<i32, 3, 2, 2>::from_flat_fn(5, |k| k as i32);
    /// let a = Array4::from(x);
    /// assert_eq!(a.dim(), (5, 3, 2, 2));
    /// assert_eq!(a[[4, 2, 1, 1]], 59);
    /// ```
    fn from(x: DynTensor4<T, D1, D2, D3>) -> Self {
        owned_nd(ndarray::Dim((x.nrows(), D1, D2, D3)), x.into_vec())
    }
}

impl<'a, T, const D1: usize, const D2: usize, const D3: usize> From<&'a DynTensor4<T, D1, D2, D3>>
    for ArrayView4<'a, T>
{
    /// Borrows the tensor as an array view of shape `(n, D1, D2, D3)`, without copying.
    ///
    /// ```
    /// use ndarray::ArrayView4;
    /// use tensor_core::DynTensor4;
    ///
    /// let x = DynTensor4::<i32, 3, 2, 2>::ones(5);
    /// assert_eq!(ArrayView4::from(&x).sum(), 60);
    /// ```
    fn from(x: &'a DynTensor4<T, D1, D2, D3>) -> Self {
        view_nd(ndarray::Dim((x.nrows(), D1, D2, D3)), x.as_flat())
    }
}

impl<'a, T, const D1: usize, const D2: usize, const D3: usize>
    From<&'a mut DynTensor4<T, D1, D2, D3>> for ArrayViewMut4<'a, T>
{
    /// Borrows the tensor mutably as an array view, so ndarray can write into it.
    ///
    /// ```
    /// use ndarray::ArrayViewMut4;
    /// use tensor_core::DynTensor4;
    ///
    /// let mut x = DynTensor4::<i32, 3, 2, 2>::zeros(5);
    /// ArrayViewMut4::from(&mut x).fill(7);
    /// assert!(x.as_flat().iter().all(|&v| v == 7));
    /// ```
    fn from(x: &'a mut DynTensor4<T, D1, D2, D3>) -> Self {
        view_mut_nd(ndarray::Dim((x.nrows(), D1, D2, D3)), x.as_flat_mut())
    }
}

impl<T: Clone, const D1: usize, const D2: usize, const D3: usize> TryFrom<ArrayView4<'_, T>>
    for DynTensor4<T, D1, D2, D3>
{
    type Error = RowsMismatch;

    /// Copies an array view of any number of rows of shape `(D1, D2, D3)`, in any memory
    /// layout.
    ///
    /// # Errors
    ///
    /// [`RowsMismatch::Columns`] naming both shapes when the view's trailing axes are not
    /// `(D1, D2, D3)`.
    ///
    /// ```
    /// use ndarray::Array4;
    /// use tensor_core::DynTensor4;
    ///
    /// let a = Array4::<i32>::ones((7, 3, 2, 2));
    /// assert_eq!(DynTensor4::<i32, 3, 2, 2>::try_from(a.view()).unwrap().nrows(), 7);
    ///
    /// let a = Array4::<i32>::ones((7, 2, 3, 2));
    /// let err = DynTensor4::<i32, 3, 2, 2>::try_from(a.view()).unwrap_err();
    /// assert_eq!(err.to_string(), "cannot convert an array of shape (7, 2, 3, 2) into a tensor of shape (n, 3, 2, 2)");
    /// ```
    fn try_from(view: ArrayView4<'_, T>) -> Result<Self, RowsMismatch> {
        dyn_from_view(&view)
    }
}

impl<T: Clone, const D1: usize, const D2: usize, const D3: usize> TryFrom<Array4<T>>
    for DynTensor4<T, D1, D2, D3>
{
    type Error = RowsMismatch;

    /// Takes an owned array of any number of rows of shape `(D1, D2, D3)`: without copying
    /// when it is in standard layout and starts its allocation, else copying it in row-major
    /// order.
    ///
    /// # Errors
    ///
    /// [`RowsMismatch::Columns`] naming both shapes when the array's trailing axes are not
    /// `(D1, D2, D3)`.
    ///
    /// ```
    /// use ndarray::Array4;
    /// use tensor_core::DynTensor4;
    ///
    /// let x = DynTensor4::<i32, 3, 2, 2>::try_from(Array4::<i32>::ones((1000, 3, 2, 2))).unwrap();
    /// assert_eq!(x.nrows(), 1000);
    /// assert!(DynTensor4::<i32, 3, 2, 2>::try_from(Array4::<i32>::ones((1000, 2, 3, 2))).is_err());
    /// ```
    fn try_from(array: Array4<T>) -> Result<Self, RowsMismatch> {
        dyn_from_owned(array)
    }
}
