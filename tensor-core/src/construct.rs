//! Constructors: `zeros`, `ones`, `full`, `eye`, `identity`, `arange`, `linspace`, `from_fn`,
//! and conversions from and to arrays.

use num_traits::Float;

use crate::shape::Const;
use crate::{Array, Element, Tensor, Vector};

impl<T, const R: usize, const C: usize> Tensor<T, R, C> {
    /// Builds a tensor from a function of `(row, col)`, like NumPy's `np.fromfunction`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<usize, 2, 3>::from_fn(|i, j| 10 * i + j);
    /// assert_eq!(m, Tensor::from([[0, 1, 2], [10, 11, 12]]));
    /// ```
    #[must_use]
    pub fn from_fn(mut f: impl FnMut(usize, usize) -> T) -> Self {
        Self {
            data: core::array::from_fn(|i| core::array::from_fn(|j| f(i, j))),
        }
    }
}

impl<T: Element, const R: usize, const C: usize> Tensor<T, R, C> {
    /// Ones on the main diagonal and zeros elsewhere, for any shape, like `np.eye(R, C)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 2, 3>::eye(), Tensor::from([[1, 0, 0], [0, 1, 0]]));
    ///
    /// const E: Tensor<f32, 3, 2> = Tensor::eye();
    /// assert_eq!(E.as_array(), &[[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]);
    /// ```
    #[must_use]
    pub const fn eye() -> Self {
        let mut t = Self::zeros();
        let mut i = 0;
        while i < R && i < C {
            t.data[i][i] = T::ONE;
            i += 1;
        }
        t
    }
}

impl<T: Element + Float, const R: usize, const C: usize> Tensor<T, R, C> {
    /// `R * C` evenly spaced values from `start` to `stop` inclusive, in row-major order, like
    /// `np.linspace(start, stop, R * C).reshape(R, C)`. A single element is `start`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::<f64, 1, 5>::linspace(0.0, 1.0);
    /// assert_eq!(x, Tensor::from([0.0, 0.25, 0.5, 0.75, 1.0]));
    /// ```
    #[must_use]
    pub fn linspace(start: T, stop: T) -> Self {
        let n = R * C;
        let steps = T::from(n.saturating_sub(1).max(1)).unwrap_or_else(T::one);
        let step = (stop - start) / steps;
        Self::from_fn(|i, j| {
            let k = i * C + j;
            if k + 1 == n && n > 1 {
                stop
            } else {
                start + step * T::from(k).unwrap_or_else(T::nan)
            }
        })
    }
}

impl<T: Element, const N: usize> Tensor<T, N, N> {
    /// The `N x N` identity matrix, like `np.identity(N)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let i = Tensor::<i32, 3, 3>::identity();
    /// assert_eq!(i, Tensor::from([[1, 0, 0], [0, 1, 0], [0, 0, 1]]));
    ///
    /// static I4: Tensor<f64, 4, 4> = Tensor::identity();
    /// assert_eq!(I4.as_array()[3][3], 1.0);
    /// ```
    #[must_use]
    pub const fn identity() -> Self {
        Self::eye()
    }
}

impl<T, const R: usize, const C: usize> From<[[T; C]; R]> for Tensor<T, R, C> {
    /// Wraps a row-major array of rows.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m: Tensor<i32, 2, 2> = [[1, 2], [3, 4]].into();
    /// assert_eq!(m[(0, 1)], 2);
    /// ```
    fn from(data: [[T; C]; R]) -> Self {
        Self { data }
    }
}

impl<T: Element, const N: usize> From<[T; N]> for Vector<T, N> {
    /// Wraps an array as a row vector (NumPy's 1-D array).
    ///
    /// ```
    /// use tensor_core::Vector;
    ///
    /// let v: Vector<i32, 3> = [1, 2, 3].into();
    /// assert_eq!(v.shape(), (1, 3));
    /// ```
    fn from(row: [T; N]) -> Self {
        Self { data: [row] }
    }
}

impl<T, const N: usize> From<[T; N]> for Array<T, (Const<N>,)> {
    /// Wraps an array as a rank-1 tensor of shape `(N,)`: a row of a
    /// [`DynTensor`](crate::DynTensor).
    ///
    /// ```
    /// use tensor_core::{Array, shape::Const};
    ///
    /// let row: Array<f32, (Const<3>,)> = [1.0, 2.0, 3.0].into();
    /// assert_eq!(row.shape(), (3,));
    /// ```
    fn from(data: [T; N]) -> Self {
        Self { data }
    }
}

impl<const N: usize> From<[bool; N]> for Vector<bool, N> {
    /// Wraps an array of `bool` as a row vector: a 1-D mask, like `np.array([True, False])`.
    ///
    /// ```
    /// use tensor_core::Vector;
    ///
    /// let m = Vector::from([true, false]);
    /// assert_eq!(m.shape(), (1, 2));
    /// assert_eq!(m.count_nonzero(), 1);
    /// ```
    fn from(row: [bool; N]) -> Self {
        Self { data: [row] }
    }
}

impl<T, const R: usize, const C: usize> From<Tensor<T, R, C>> for [[T; C]; R] {
    /// Unwraps the row-major array of rows.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a: [[i32; 2]; 1] = Tensor::from([[1, 2]]).into();
    /// assert_eq!(a, [[1, 2]]);
    /// ```
    fn from(t: Tensor<T, R, C>) -> Self {
        t.data
    }
}

impl<T: Element, const N: usize> From<Vector<T, N>> for [T; N] {
    /// Unwraps a row vector into a plain array.
    ///
    /// ```
    /// use tensor_core::Vector;
    ///
    /// let a: [i32; 3] = Vector::from([1, 2, 3]).into();
    /// assert_eq!(a, [1, 2, 3]);
    /// ```
    fn from(v: Vector<T, N>) -> Self {
        let [row] = v.data;
        row
    }
}
