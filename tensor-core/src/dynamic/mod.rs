//! [`DynArray`]: a tensor whose leading dimension is a run-time value (feature `alloc`).
//!
//! Data comes in sizes only known at run time: the rows of a CSV, the samples of an `.npy`
//! export, the requests of the last second. `DynArray<T, S>` holds `n` rows on the heap, each
//! an [`Array<T, S>`] of a static shape: `DynTensor<f32, 784>` is NumPy's `(n, 784)`,
//! `DynTensor4<f32, 28, 28, 1>` an `(n, 28, 28, 1)` batch of images. The row shape keeps every
//! compile-time check (`(n, 784) @ (785, 10)` is a type error naming both shapes, a bias
//! broadcasts over the rows as for a static tensor); the row count is checked once, where two
//! run-time tensors meet (the operators panic with NumPy's message, the `try_` forms return
//! [`RowsMismatch`]).
//!
//! The two worlds meet explicitly: a static tensor converts into a `DynArray` (for free from a
//! `Box`), a `DynArray` converts into a static tensor with a check ([`to_static`]), and
//! [`batches`] cuts it into static mini-batches, on which a training loop keeps all its
//! compile-time guarantees. Every operation writes its result into new heap storage (or, for
//! the by-value operators, into its left operand's), so no size of data can overflow the
//! stack. Code written once for a static and a run-time batch is bounded by the traits of
//! [`batch`](crate::batch) (`Rows<T, C>`, `Batch<T, R>`), which both implement.
//!
//! ```
//! use tensor_core::{DynTensor, Tensor, RowVector};
//!
//! let n = 1000; // read from the data at run time
//! let x = DynTensor::<f32, 4>::from_flat_fn(n, |k| (k % 7) as f32);
//! let w = Tensor::<f32, 4, 3>::full(0.5);
//! let b = RowVector::<f32, 3>::full(1.0);
//! let y = x.matmul(&w) + b; // (n, 4) @ (4, 3) + (1, 3) -> (n, 3)
//! assert_eq!(y.shape(), (1000, 3));
//! for batch in y.batches::<32>() {
//!     let _: &Tensor<f32, 32, 3> = batch; // static shapes inside the loop
//! }
//! assert_eq!(y.batches::<32>().remainder().nrows(), 1000 % 32);
//! ```
//!
//! [`to_static`]: DynArray::to_static
//! [`batches`]: DynArray::batches

mod batches;
mod convert;
mod math;
mod matmul;
mod ops;
mod reduce;
mod select;

use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;
use core::ops::{Index, IndexMut};

pub use batches::Batches;
pub use matmul::DynTransposed;
pub use select::RowsSelect;

use crate::error::{ShapeDisplay, rows_shape};
use crate::shape::{Const, Dims, Prepend};
use crate::{Array, Element, RowsMismatch};

/// A tensor of shape `(n, S...)`: a run-time number `n` of rows, each an [`Array<T, S>`] of a
/// static shape, stored contiguously on the heap in row-major order.
///
/// Write it through its aliases: [`DynTensor<T, C>`] for `(n, C)`, [`DynTensor3`] and
/// [`DynTensor4`] for `(n, D1, D2)` and `(n, D1, D2, D3)`. The module docs of
/// `tensor_core::dynamic` explain when to use it; in short, when the number of rows comes from
/// the data, or when the data is too large for the stack.
///
/// ```
/// use tensor_core::{DynTensor, Tensor};
///
/// let x = DynTensor::from(Tensor::from([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]));
/// assert_eq!(x.shape(), (3, 2));
/// assert_eq!(x.row(1).as_flat(), &[3.0, 4.0]);
/// assert_eq!(x.mean_axis::<0>(), Tensor::from([[3.0, 4.0]]));
/// ```
pub struct DynArray<T, S: Dims> {
    /// `rows * S::SIZE` elements, row-major.
    data: Vec<T>,
    rows: usize,
    shape: PhantomData<S>,
}

/// `(n, C)`: `n` rows of `C` features, NumPy's 2-D array with a data-sized first axis.
pub type DynTensor<T, const C: usize> = DynArray<T, (Const<C>,)>;

/// `(n, D1, D2)`: `n` matrices, such as grayscale images `(n, 28, 28)` or sequences.
pub type DynTensor3<T, const D1: usize, const D2: usize> = DynArray<T, (Const<D1>, Const<D2>)>;

/// `(n, D1, D2, D3)`: `n` rank-3 tensors, such as images `(n, H, W, C)`.
pub type DynTensor4<T, const D1: usize, const D2: usize, const D3: usize> =
    DynArray<T, (Const<D1>, Const<D2>, Const<D3>)>;

impl<T, S: Dims> DynArray<T, S> {
    /// The shape of each row (NumPy's `a.shape[1:]`).
    ///
    /// ```
    /// use tensor_core::DynTensor4;
    ///
    /// assert_eq!(DynTensor4::<f32, 28, 28, 1>::ROW_DIMS, &[28, 28, 1]);
    /// ```
    pub const ROW_DIMS: &'static [usize] = S::DIMS;

    /// Wraps `data` (`rows * S::SIZE` elements, checked by the callers).
    pub(crate) fn from_parts(rows: usize, data: Vec<T>) -> Self {
        debug_assert_eq!(data.len(), rows * S::SIZE);
        Self {
            data,
            rows,
            shape: PhantomData,
        }
    }

    /// `rows` rows whose row-major elements `write` writes into fresh heap storage, which is
    /// not filled first: the results of the elementwise kernels.
    ///
    /// # Safety
    ///
    /// `write` initializes every element of the slice (of `rows * S::SIZE` elements) it is
    /// given.
    ///
    /// # Panics
    ///
    /// If `rows * S::SIZE` overflows `usize`.
    pub(crate) unsafe fn from_flat_uninit(
        rows: usize,
        write: impl FnOnce(&mut [core::mem::MaybeUninit<T>]),
    ) -> Self {
        let len = rows
            .checked_mul(S::SIZE)
            .expect("DynArray: size overflows usize");
        let mut data = Vec::with_capacity(len);
        write(&mut data.spare_capacity_mut()[..len]);
        // SAFETY: the capacity is at least `len`, and the caller's `write` initialized the
        // first `len` elements.
        unsafe { data.set_len(len) };
        Self::from_parts(rows, data)
    }

    /// The tensor of the row-major elements `data`, its number of rows the length divided by
    /// the row size; an error when the length is not a whole number of rows. It takes the
    /// vector without copying.
    ///
    /// A row shape with no elements (such as `(0,)`) holds no data, so it cannot tell its
    /// row count from `data`; use [`zeros`](Self::zeros) for it.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 3>::from_vec(vec![1, 2, 3, 4, 5, 6]).unwrap();
    /// assert_eq!(x.shape(), (2, 3));
    /// let e = DynTensor::<i32, 3>::from_vec(vec![1, 2, 3, 4]).unwrap_err();
    /// assert_eq!(e.to_string(), "cannot arrange 4 elements in rows of shape (3,): 4 is not a multiple of 3");
    /// ```
    pub fn from_vec(data: Vec<T>) -> Result<Self, RowsMismatch> {
        Self::from_whole_rows(data).map_err(|data| RowsMismatch::Length {
            len: data.len(),
            row: S::DIMS,
        })
    }

    /// [`from_vec`](Self::from_vec), giving `data` back when it is not a whole number of rows.
    pub(crate) fn from_whole_rows(data: Vec<T>) -> Result<Self, Vec<T>> {
        let len = data.len();
        match len.checked_div(S::SIZE) {
            Some(rows) if len.is_multiple_of(S::SIZE) => Ok(Self::from_parts(rows, data)),
            None if len == 0 => Ok(Self::from_parts(0, data)),
            _ => Err(data),
        }
    }

    /// The tensor of `rows` rows whose row-major element `k` is `f(k)`.
    ///
    /// ```
    /// use tensor_core::DynTensor3;
    ///
    /// let x = DynTensor3::<usize, 2, 2>::from_flat_fn(3, |k| k);
    /// assert_eq!(x.row(2).as_flat(), &[8, 9, 10, 11]);
    /// ```
    #[must_use]
    pub fn from_flat_fn(rows: usize, f: impl FnMut(usize) -> T) -> Self {
        Self::from_parts(rows, (0..rows * S::SIZE).map(f).collect())
    }

    /// The number of rows, the run-time `n` of `(n, S...)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f32, 784>::zeros(60).nrows(), 60);
    /// ```
    #[must_use]
    pub const fn nrows(&self) -> usize {
        self.rows
    }

    /// The number of axes, the run-time one included, like NumPy's `a.ndim`.
    ///
    /// ```
    /// use tensor_core::DynTensor4;
    ///
    /// assert_eq!(DynTensor4::<f32, 28, 28, 1>::zeros(2).ndim(), 4);
    /// ```
    #[must_use]
    pub const fn ndim(&self) -> usize {
        S::RANK + 1
    }

    /// The number of elements, like NumPy's `a.size`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f32, 784>::zeros(10).size(), 7840);
    /// ```
    #[must_use]
    pub const fn size(&self) -> usize {
        self.rows * S::SIZE
    }

    /// Whether the tensor has no elements.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert!(DynTensor::<f32, 3>::zeros(0).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.size() == 0
    }

    /// The shape as a tuple, like NumPy's `a.shape`: `(n, C)` for a `DynTensor<T, C>`.
    ///
    /// ```
    /// use tensor_core::{DynTensor, DynTensor4};
    ///
    /// assert_eq!(DynTensor::<f32, 784>::zeros(5).shape(), (5, 784));
    /// assert_eq!(DynTensor4::<u8, 28, 28, 1>::zeros(2).shape(), (2, 28, 28, 1));
    /// ```
    #[must_use]
    pub fn shape(&self) -> S::Sizes
    where
        S: Prepend<Const<0>>,
    {
        S::with_leading(self.rows)
    }

    /// The size of each axis, the rows first, as a fixed array padded with zeros after the
    /// last axis (the first [`ndim`](Self::ndim) entries are the shape).
    pub(crate) fn dims(&self) -> [usize; 4] {
        rows_shape(self.rows, S::DIMS).0
    }

    /// The elements in row-major order.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<i32, 2>::from_flat_fn(2, |k| k as i32).as_flat(), &[0, 1, 2, 3]);
    /// ```
    #[must_use]
    pub fn as_flat(&self) -> &[T] {
        &self.data
    }

    /// The elements in row-major order, mutably.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let mut x = DynTensor::<i32, 2>::zeros(2);
    /// x.as_flat_mut()[3] = 7;
    /// assert_eq!(x.row(1).as_flat(), &[0, 7]);
    /// ```
    #[must_use]
    pub fn as_flat_mut(&mut self) -> &mut [T] {
        &mut self.data
    }

    /// The row-major elements, without copying.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<i32, 2>::full(2, 1).into_vec(), vec![1, 1, 1, 1]);
    /// ```
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        self.data
    }

    /// Row `i`, a static tensor of the row shape.
    ///
    /// # Panics
    ///
    /// If `i >= self.nrows()`, with both numbers in the message.
    ///
    /// ```
    /// use tensor_core::{DynTensor3, Tensor};
    ///
    /// let x = DynTensor3::<i32, 2, 2>::from_flat_fn(2, |k| k as i32);
    /// assert_eq!(x.row(1), &Tensor::from([[4, 5], [6, 7]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn row(&self, i: usize) -> &Array<T, S> {
        row_view(&self.data, self.rows, i)
    }

    /// Row `i`, mutably.
    ///
    /// # Panics
    ///
    /// If `i >= self.nrows()`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let mut x = DynTensor::<i32, 2>::zeros(3);
    /// *x.row_mut(2) += 5;
    /// assert_eq!(x.as_flat(), &[0, 0, 0, 0, 5, 5]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn row_mut(&mut self, i: usize) -> &mut Array<T, S> {
        check_row(i, self.rows);
        Array::view_mut(&mut self.data[i * S::SIZE..(i + 1) * S::SIZE])
    }

    /// An iterator over the rows, each a static tensor of the row shape.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_flat_fn(3, |k| k as i32);
    /// let sums: Vec<i32> = x.iter_rows().map(|r| r.sum()).collect();
    /// assert_eq!(sums, [1, 5, 9]);
    /// ```
    pub fn iter_rows(&self) -> impl ExactSizeIterator<Item = &Array<T, S>> + '_ {
        (0..self.rows).map(move |i| self.row(i))
    }

    /// Appends a row, like NumPy's `np.vstack([a, row])` (amortized O(row), not a copy of
    /// the whole tensor).
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let mut x = DynTensor::<f32, 3>::zeros(0);
    /// x.push(&[1.0, 2.0, 3.0].into());
    /// assert_eq!(x.shape(), (1, 3));
    /// ```
    pub fn push(&mut self, row: &Array<T, S>)
    where
        T: Copy,
    {
        self.data.extend_from_slice(row.as_flat());
        self.rows += 1;
    }

    /// A copy with `f` applied to every element.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_flat_fn(2, |k| k as i32);
    /// assert_eq!(x.map(|v| v as f64 * 0.5).as_flat(), &[0.0, 0.5, 1.0, 1.5]);
    /// ```
    #[must_use]
    pub fn map<U>(&self, mut f: impl FnMut(T) -> U) -> DynArray<U, S>
    where
        T: Copy,
    {
        DynArray::from_parts(self.rows, self.data.iter().map(|&x| f(x)).collect())
    }

    /// The rows at `indices`, in that order (NumPy's `a[indices]`): for shuffling a dataset
    /// or picking a validation split.
    ///
    /// # Panics
    ///
    /// If an index is not below [`nrows`](Self::nrows).
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_flat_fn(3, |k| k as i32);
    /// assert_eq!(x.select_rows(&[2, 0]).as_flat(), &[4, 5, 0, 1]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn select_rows(&self, indices: &[usize]) -> Self
    where
        T: Copy,
    {
        let mut data = Vec::with_capacity(indices.len() * S::SIZE);
        for &i in indices {
            data.extend_from_slice(self.row(i).as_flat());
        }
        Self::from_parts(indices.len(), data)
    }
}

impl<T: Copy, S: Dims> DynArray<T, S> {
    /// `rows` rows of `value`, like `np.full((n, ...), value)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f32, 2>::full(2, 0.5).as_flat(), &[0.5; 4]);
    /// ```
    #[must_use]
    pub fn full(rows: usize, value: T) -> Self {
        Self::from_parts(rows, alloc::vec![value; rows * S::SIZE])
    }
}

impl<T: Element, S: Dims> DynArray<T, S> {
    /// `rows` rows of zeros, like `np.zeros((n, ...))`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f32, 784>::zeros(3).shape(), (3, 784));
    /// ```
    #[must_use]
    pub fn zeros(rows: usize) -> Self {
        Self::full(rows, T::zero())
    }

    /// `rows` rows of ones, like `np.ones((n, ...))`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<i32, 2>::ones(2).sum(), 4);
    /// ```
    #[must_use]
    pub fn ones(rows: usize) -> Self {
        Self::full(rows, T::one())
    }
}

impl<T: Clone, S: Dims> Clone for DynArray<T, S> {
    fn clone(&self) -> Self {
        Self::from_parts(self.rows, self.data.clone())
    }
}

impl<T, S: Dims> Default for DynArray<T, S> {
    /// No rows.
    fn default() -> Self {
        Self::from_parts(0, Vec::new())
    }
}

impl<T: PartialEq, S: Dims> PartialEq for DynArray<T, S> {
    /// Equal row counts and elements.
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows && self.data == other.data
    }
}

impl<T: Eq, S: Dims> Eq for DynArray<T, S> {}

impl<T: Copy, S: Dims> FromIterator<Array<T, S>> for DynArray<T, S> {
    /// Collects rows, like `np.stack(rows)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x: DynTensor<i32, 2> = (0..3).map(|i| [i, 2 * i].into()).collect();
    /// assert_eq!(x.as_flat(), &[0, 0, 1, 2, 2, 4]);
    /// ```
    fn from_iter<I: IntoIterator<Item = Array<T, S>>>(rows: I) -> Self {
        let mut out = Self::default();
        for row in rows {
            out.push(&row);
        }
        out
    }
}

impl<T, const C: usize> DynTensor<T, C> {
    /// The flat position of element `(i, j)`, or the panic naming the index and the shape.
    #[track_caller]
    fn flat_index(&self, (i, j): (usize, usize)) -> usize {
        if i < self.rows && j < C {
            i * C + j
        } else {
            index_out_of_bounds((i, j), (self.rows, C))
        }
    }
}

#[cold]
#[track_caller]
fn index_out_of_bounds(index: (usize, usize), shape: (usize, usize)) -> ! {
    panic!("index {index:?} is out of bounds for a tensor of shape {shape:?}")
}

impl<T, const C: usize> Index<(usize, usize)> for DynTensor<T, C> {
    type Output = T;

    /// The element in row `i`, column `j`, like NumPy's `x[i, j]` (and the `tensor!` DSL's
    /// `x[i, j]` with run-time indices).
    ///
    /// # Panics
    ///
    /// If the index is out of bounds; the message names the index and the shape.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 3>::from_flat_fn(2, |k| k as i32);
    /// assert_eq!(x[(1, 2)], 5);
    /// ```
    #[track_caller]
    fn index(&self, index: (usize, usize)) -> &T {
        &self.data[self.flat_index(index)]
    }
}

impl<T, const C: usize> IndexMut<(usize, usize)> for DynTensor<T, C> {
    /// The element in row `i`, column `j`, mutably.
    ///
    /// # Panics
    ///
    /// If the index is out of bounds; the message names the index and the shape.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let mut x = DynTensor::<i32, 3>::zeros(2);
    /// x[(0, 1)] = 4;
    /// assert_eq!(x.as_flat(), &[0, 4, 0, 0, 0, 0]);
    /// ```
    #[track_caller]
    fn index_mut(&mut self, index: (usize, usize)) -> &mut T {
        let k = self.flat_index(index);
        &mut self.data[k]
    }
}

impl<T: Element, S: Dims> fmt::Display for DynArray<T, S> {
    /// Prints like NumPy's `print(a)` of an `(n, S...)` array, through the static tensors'
    /// formatter (see [`Array`]'s `Display`): aligned columns, wrapping at 75 columns, the
    /// rows summarized with `...` above 1000 elements, a precision from the format string.
    /// One row prints as `[[..]]` and no rows as `[]`, as NumPy prints shapes `(1, C)` and
    /// `(0, C)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_flat_fn(2, |k| k as i32);
    /// assert_eq!(x.to_string(), "[[0 1]\n [2 3]]");
    /// assert_eq!(format!("{:.2}", DynTensor::<f64, 2>::full(1, 0.5)), "[[0.50 0.50]]");
    /// assert_eq!(DynTensor::<f32, 3>::zeros(0).to_string(), "[]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dims = self.dims();
        crate::fmt::write_array(f, &self.data, &dims[..=S::RANK])
    }
}

impl<S: Dims> fmt::Display for DynArray<bool, S> {
    /// Prints a mask like NumPy's `print(a)` of a boolean array (`" True"`, `"False"`).
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let m = DynTensor::<bool, 2>::from_vec(vec![true, false, false, true]).unwrap();
    /// assert_eq!(m.to_string(), "[[ True False]\n [False  True]]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dims = self.dims();
        crate::fmt::write_array(f, &self.data, &dims[..=S::RANK])
    }
}

impl<T: fmt::Debug, S: Dims> fmt::Debug for DynArray<T, S>
where
    S::Storage<T>: fmt::Debug,
{
    /// Prints the shape and the nested rows, as a static tensor's `Debug` does:
    /// `DynArray(2, 2)[[0, 1], [2, 3]]`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_flat_fn(2, |k| k as i32);
    /// assert_eq!(format!("{x:?}"), "DynArray(2, 2)[[0, 1], [2, 3]]");
    /// assert_eq!(format!("{:?}", DynTensor::<i32, 2>::zeros(0)), "DynArray(0, 2)[]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dims = self.dims();
        write!(f, "DynArray{}", ShapeDisplay(&dims[..=S::RANK]))?;
        f.debug_list()
            .entries(self.iter_rows().map(|row| &row.data))
            .finish()
    }
}

/// Panics unless `i` is a row of a tensor of `rows` rows, with NumPy's message.
#[track_caller]
fn check_row(i: usize, rows: usize) {
    assert!(
        i < rows,
        "row index {i} is out of bounds for a tensor with {rows} rows"
    );
}

/// Row `i` of the `rows` rows of shape `S` stored in `flat` (a run-time tensor's, or a static
/// batch's through `Batch::row`), checked.
#[track_caller]
pub(crate) fn row_view<T, S: Dims>(flat: &[T], rows: usize, i: usize) -> &Array<T, S> {
    check_row(i, rows);
    Array::view(&flat[i * S::SIZE..(i + 1) * S::SIZE])
}
