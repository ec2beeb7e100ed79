//! The [`Tensor`] type, its aliases and its shape properties.

/// A tensor of `R` rows and `C` columns of `T`, stored inline in row-major order.
///
/// The shape is part of the type, so shape mismatches are compile errors. A `Tensor` is plain
/// data (`[[T; C]; R]` with `#[repr(transparent)]`): no allocation, `Copy` when `T` is.
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
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Tensor<T, const R: usize, const C: usize> {
    pub(crate) data: [[T; C]; R],
}

/// A row vector: NumPy's 1-D array of length `N` (shape `(N,)`).
///
/// ```
/// use tensor_core::Vector;
///
/// let v: Vector<f32, 3> = Vector::from([1.0, 2.0, 3.0]);
/// assert_eq!(v[2], 3.0);
/// ```
pub type Vector<T, const N: usize> = Tensor<T, 1, N>;

/// A column vector: NumPy's shape `(N, 1)`.
///
/// ```
/// use tensor_core::ColVector;
///
/// let c: ColVector<i32, 2> = ColVector::from([[1], [2]]);
/// assert_eq!(c.shape(), (2, 1));
/// ```
pub type ColVector<T, const N: usize> = Tensor<T, N, 1>;

/// A square `N x N` matrix.
///
/// ```
/// use tensor_core::SquareMatrix;
///
/// let i = SquareMatrix::<f64, 3>::identity();
/// assert_eq!(i[(1, 1)], 1.0);
/// ```
pub type SquareMatrix<T, const N: usize> = Tensor<T, N, N>;

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
    /// use tensor_core::{ColVector, Tensor};
    ///
    /// assert_eq!(Tensor::<f32, 28, 10>::COLS, 10);
    /// assert_eq!(ColVector::<f32, 10>::COLS, 1);
    /// ```
    pub const COLS: usize = C;
    /// The shape `(rows, cols)`, like NumPy's `a.shape`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<f32, 28, 28>::SHAPE, (28, 28));
    /// ```
    pub const SHAPE: (usize, usize) = (R, C);
    /// The number of axes, like NumPy's `a.ndim`: always 2 for this type (a `Vector` is a
    /// `1 x N` matrix).
    ///
    /// ```
    /// use tensor_core::{Tensor, Vector};
    ///
    /// assert_eq!(Tensor::<f32, 28, 28>::NDIM, 2);
    /// assert_eq!(Vector::<f32, 784>::NDIM, 2);
    /// ```
    pub const NDIM: usize = 2;
    /// The number of elements, `R * C`, like NumPy's `a.size`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<f32, 28, 28>::SIZE, 784);
    /// assert_eq!(Tensor::<f32, 0, 5>::SIZE, 0);
    /// ```
    pub const SIZE: usize = R * C;

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

    /// The shape `(rows, cols)`, like NumPy's `a.shape`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 2, 3>::zeros().shape(), (2, 3));
    /// ```
    #[must_use]
    pub const fn shape(&self) -> (usize, usize) {
        (R, C)
    }

    /// The number of axes, like NumPy's `a.ndim`: always 2.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 2, 3>::zeros().ndim(), 2);
    /// ```
    #[must_use]
    pub const fn ndim(&self) -> usize {
        2
    }

    /// The number of elements, `R * C`, like NumPy's `a.size`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 2, 3>::zeros().size(), 6);
    /// ```
    #[must_use]
    pub const fn size(&self) -> usize {
        R * C
    }

    /// The number of elements, `R * C` (the same as [`size`](Self::size)).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 4, 4>::zeros().len(), 16);
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        R * C
    }

    /// Whether the tensor has no elements (`R == 0` or `C == 0`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert!(Tensor::<i32, 0, 4>::zeros().is_empty());
    /// assert!(!Tensor::<i32, 1, 1>::zeros().is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        R * C == 0
    }

    /// The elements in row-major order, as one slice of length `R * C`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.as_flat(), &[1, 2, 3, 4]);
    ///
    /// const LUT: Tensor<u8, 1, 4> = Tensor::from_array([[0, 1, 4, 9]]);
    /// const NINE: u8 = LUT.as_flat()[3];
    /// assert_eq!(NINE, 9);
    /// ```
    #[must_use]
    pub const fn as_flat(&self) -> &[T] {
        self.data.as_flattened()
    }

    /// The elements in row-major order, as one mutable slice of length `R * C`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::from([[1, 2], [3, 4]]);
    /// m.as_flat_mut()[3] = 40;
    /// assert_eq!(m[(1, 1)], 40);
    /// ```
    #[must_use]
    pub const fn as_flat_mut(&mut self) -> &mut [T] {
        self.data.as_flattened_mut()
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
