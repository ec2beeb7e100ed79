//! Constructors: `zeros`, `ones`, `full`, `eye`, `identity`, `arange`, `linspace`, `from_fn`,
//! and conversions from and to arrays.

use core::ops::Sub;

use num_traits::{Float, FromPrimitive, ToPrimitive};

use crate::shape::{Const, Dims};
use crate::{ArangeError, Array, Element, Tensor, Vector};

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
        Self::from_flat_fn(|k| f(k / C, k % C))
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

impl<T, S: Dims> Array<T, S>
where
    T: Element + Sub<Output = T> + FromPrimitive + ToPrimitive,
{
    /// `start, start + step, start + 2 * step, ...`: as many values as the tensor holds, in
    /// row-major order, like `np.arange(start, start + n * step, step).reshape(shape)` for
    /// the tensor's `n` elements. Element `k` is `start + k * delta`, `delta` being
    /// `(start + step) - start` as NumPy's `arange` computes it (for floats this can differ
    /// from `step` in the last bits, and NumPy's values are matched bit for bit).
    ///
    /// # Panics
    ///
    /// If an index `k` does not fit in `T`, or (with overflow checks) if a value overflows.
    ///
    /// ```
    /// use tensor_core::{Tensor, Vector};
    ///
    /// assert_eq!(Vector::<i32, 4>::arange_from(2, 2), Tensor::from([2, 4, 6, 8]));
    /// assert_eq!(Tensor::<f64, 2, 2>::arange_from(1.0, -0.5), Tensor::from([[1.0, 0.5], [0.0, -0.5]]));
    /// ```
    #[must_use]
    pub fn arange_from(start: T, step: T) -> Self {
        let delta = (start + step) - start;
        Self::from_flat_fn(|k| {
            if k == 0 {
                return start;
            }
            let k = T::from_usize(k).unwrap_or_else(|| {
                panic!(
                    "arange: index {k} does not fit in the element type of a tensor of shape {:?}",
                    S::SHAPE
                )
            });
            start + k * delta
        })
    }

    /// NumPy's `np.arange(start, stop, step)` with the length checked at run time: the tensor
    /// must hold exactly `ceil((stop - start) / step)` elements (0 when the step points away
    /// from `stop`), filled in row-major order as [`arange_from`](Self::arange_from) does.
    /// The length is computed exactly for integers and in `f64` for floats, as NumPy does.
    /// With literal arguments, `tensor!(arange(start, stop, step))` computes the length at
    /// compile time instead.
    ///
    /// # Errors
    ///
    /// [`ArangeError::ZeroStep`] for a zero step, [`ArangeError::NotFinite`] for a NaN or
    /// infinite float argument, [`ArangeError::Length`] when the sequence's length is not the
    /// tensor's.
    ///
    /// ```
    /// use tensor_core::{ArangeError, Tensor, Vector};
    ///
    /// // np.arange(2, 9, 2) -> [2 4 6 8]
    /// assert_eq!(Vector::<i32, 4>::try_arange(2, 9, 2), Ok(Tensor::from([2, 4, 6, 8])));
    /// // np.arange(1, 1.3, 0.1) has 4 elements, the last one 1.3000000000000003
    /// let x = Vector::<f64, 4>::try_arange(1.0, 1.3, 0.1).unwrap();
    /// assert_eq!(x.as_flat()[3], 1.3000000000000003);
    /// // any shape, row-major: np.arange(10, 0, -2).reshape(1, 5)
    /// assert_eq!(Tensor::<i8, 1, 5>::try_arange(10, 0, -2), Ok(Tensor::from([10, 8, 6, 4, 2])));
    /// assert_eq!(
    ///     Vector::<i32, 3>::try_arange(0, 10, -1),
    ///     Err(ArangeError::Length { expected: 3, found: 0 })
    /// );
    /// ```
    pub fn try_arange(start: T, stop: T, step: T) -> Result<Self, ArangeError> {
        let found = arange_len(start, stop, step)?;
        if found == S::SIZE {
            Ok(Self::arange_from(start, step))
        } else {
            Err(ArangeError::Length {
                expected: S::SIZE,
                found,
            })
        }
    }
}

/// The length of `np.arange(start, stop, step)`: `ceil((stop - start) / step)`, at least 0,
/// exact for integers (in `i128`), in `f64` for floats and for integers beyond `i128`.
fn arange_len<T: Element + ToPrimitive>(start: T, stop: T, step: T) -> Result<usize, ArangeError> {
    if !T::IS_FLOAT {
        let exact = (|| {
            let (a, b, s) = (start.to_i128()?, stop.to_i128()?, step.to_i128()?);
            if s == 0 {
                return Some(Err(ArangeError::ZeroStep));
            }
            let diff = b.checked_sub(a)?;
            let (d, s) = if s < 0 {
                (diff.checked_neg()?, s.checked_neg()?)
            } else {
                (diff, s)
            };
            if d <= 0 {
                return Some(Ok(0));
            }
            let n = d / s + i128::from(d % s != 0);
            Some(Ok(usize::try_from(n).unwrap_or(usize::MAX)))
        })();
        if let Some(n) = exact {
            return n;
        }
    }
    let (Some(a), Some(b), Some(s)) = (start.to_f64(), stop.to_f64(), step.to_f64()) else {
        return Err(ArangeError::NotFinite);
    };
    if !(a.is_finite() && b.is_finite() && s.is_finite()) {
        return Err(ArangeError::NotFinite);
    }
    if s == 0.0 {
        return Err(ArangeError::ZeroStep);
    }
    let q = (b - a) / s;
    // `as` saturates: a length beyond `usize` is reported as `usize::MAX`.
    Ok(if q > 0.0 { Float::ceil(q) as usize } else { 0 })
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
