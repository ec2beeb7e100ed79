//! The matrix type [`Tensor`], its aliases and its rank-2 shape properties.

use crate::Array;
use crate::shape::{Const, One};

/// A tensor of `R` rows and `C` columns of `T`, stored inline in row-major order: the
/// [`Array`] of shape `(Const<R>, Const<C>)`.
///
/// The shape is part of the type, so shape mismatches are compile errors. A `Tensor` is plain
/// data (`[[T; C]; R]`): no allocation, `Copy` when `T` is. Everything that does not depend on
/// the rank (operators, math, reductions, iteration, formatting) is documented on [`Array`].
///
/// NumPy's 1-D arrays are row vectors here: [`Vector<T, N>`] is `Tensor<T, 1, N>`, which
/// broadcasts against an `R x N` matrix the way NumPy's shape `(N,)` does.
///
/// ```
/// use tensor_core::Tensor;
///
/// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
/// assert_eq!(m.shape(), (2, 3));
/// assert_eq!(m[(1, 2)], 6);
/// assert_eq!(m.as_flat(), &[1, 2, 3, 4, 5, 6]);
/// ```
pub type Tensor<T, const R: usize, const C: usize> = Array<T, (Const<R>, Const<C>)>;

/// A row vector: NumPy's 1-D array of length `N` (shape `(N,)`).
///
/// ```
/// use tensor_core::Vector;
///
/// let v: Vector<f32, 3> = Vector::from([1.0, 2.0, 3.0]);
/// assert_eq!(v[2], 3.0);
/// ```
pub type Vector<T, const N: usize> = Tensor<T, 1, N>;

/// A column that broadcasts along rows: shape `(N, 1)`, its size-1 axis typed [`One`].
///
/// It is what reductions along the last axis of a matrix return (`m.sum_axis::<1>()`, NumPy's
/// `m.sum(axis=1, keepdims=True)`), and it combines with every column of an `(N, C)` tensor in
/// code generic over `N` and `C`.
///
/// ```
/// use tensor_core::{ColVector, Tensor};
///
/// let m = Tensor::from([[1.0, 3.0], [10.0, 30.0]]);
/// let mean: ColVector<f64, 2> = m.mean_axis::<1>();
/// assert_eq!(m - mean, Tensor::from([[-1.0, 1.0], [-10.0, 10.0]]));
/// ```
pub type ColVector<T, const N: usize> = Array<T, (Const<N>, One)>;

/// A row that broadcasts along columns: shape `(1, N)`, its size-1 axis typed [`One`].
///
/// It is what reductions along the first axis of a matrix return (`m.mean_axis::<0>()`, NumPy's
/// `m.mean(axis=0, keepdims=True)`), and it combines with every row of an `(R, N)` tensor in
/// code generic over `R` and `N`.
///
/// ```
/// use tensor_core::{RowVector, Tensor};
///
/// let m = Tensor::from([[1.0, 10.0], [3.0, 30.0]]);
/// let mean: RowVector<f64, 2> = m.mean_axis::<0>();
/// assert_eq!(m - mean, Tensor::from([[-1.0, -10.0], [1.0, 10.0]]));
/// ```
pub type RowVector<T, const N: usize> = Array<T, (One, Const<N>)>;

impl<T, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The number of rows.
    ///
    /// ```
    /// use tensor_core::{Tensor, Vector};
    ///
    /// assert_eq!(Tensor::<f32, 28, 10>::ROWS, 28);
    /// assert_eq!(Vector::<f32, 10>::ROWS, 1); // a vector is one row
    /// ```
    pub const ROWS: usize = R;
    /// The number of columns.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<f32, 28, 10>::COLS, 10);
    /// assert_eq!(Tensor::<f32, 10, 1>::COLS, 1);
    /// ```
    pub const COLS: usize = C;

    /// Wraps a row-major array of rows.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from_array([[1, 2], [3, 4]]);
    /// assert_eq!(m[(1, 0)], 3);
    ///
    /// // Model weights as `static` data (in flash on a microcontroller), shape-checked when used:
    /// static W: Tensor<f32, 2, 3> = Tensor::from_array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]);
    /// let y = Tensor::from([1.0, 2.0]).matmul(&W);
    /// assert_eq!(y, Tensor::from([3.5, -1.0, 1.0]));
    /// ```
    #[must_use]
    pub const fn from_array(data: [[T; C]; R]) -> Self {
        Self { data }
    }

    /// Unwraps the row-major array of rows.
    ///
    /// Not a `const fn`: a `const fn` cannot yet take apart a value whose element type might
    /// need dropping. In `const` context, copy the array out with `*t.as_array()` instead.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.into_array(), [[1, 2], [3, 4]]);
    /// ```
    #[must_use]
    pub fn into_array(self) -> [[T; C]; R] {
        self.data
    }

    /// The rows, as a reference to the underlying array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.as_array()[1], [3, 4]);
    ///
    /// // Element access in `const` context (indexing `m[(i, j)]` goes through the `Index`
    /// // trait, which a `const` item cannot call on stable Rust):
    /// const T: Tensor<i32, 2, 2> = Tensor::from_array([[1, 2], [3, 4]]);
    /// const X: i32 = T.as_array()[1][0];
    /// assert_eq!(X, 3);
    /// ```
    #[must_use]
    pub const fn as_array(&self) -> &[[T; C]; R] {
        &self.data
    }

    /// The rows, as a mutable reference to the underlying array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::from([[1, 2], [3, 4]]);
    /// m.as_array_mut()[0] = [9, 9];
    /// assert_eq!(m, Tensor::from([[9, 9], [3, 4]]));
    /// ```
    #[must_use]
    pub const fn as_array_mut(&mut self) -> &mut [[T; C]; R] {
        &mut self.data
    }
}

impl<T, const N: usize> RowVector<T, N> {
    /// Wraps NumPy's 1-D array of `N` elements: the broadcasting row of shape `(1, N)`. A
    /// `const fn`, for biases in `const` and `static` items (what `include_npy!` expands to for
    /// a file of shape `(N,)`).
    ///
    /// ```
    /// use tensor_core::{RowVector, Tensor};
    ///
    /// const BIAS: RowVector<f32, 3> = RowVector::from_array([0.5, -1.0, 2.0]);
    /// let x = Tensor::<f32, 2, 3>::zeros();
    /// assert_eq!(x + BIAS, Tensor::from([[0.5, -1.0, 2.0], [0.5, -1.0, 2.0]]));
    /// ```
    #[must_use]
    pub const fn from_array(data: [T; N]) -> Self {
        Self { data: [data] }
    }
}
