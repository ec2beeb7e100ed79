//! `reshape` and `flatten`, with the element count checked at compile time.

use crate::const_array::rows;
use crate::shape::{ReshapeInto, Shape};
use crate::{Tensor, Vector};

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The same elements in row-major order with shape `R2 x C2`, like NumPy's
    /// `a.reshape(R2, C2)`. The target may be given by turbofish or inferred from the type
    /// it is assigned to. A different element count is a compile error.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::<i32, 1, 6>::arange();
    /// let m = x.reshape::<2, 3>();
    /// assert_eq!(m, Tensor::from([[0, 1, 2], [3, 4, 5]]));
    /// let back: Tensor<i32, 1, 6> = m.reshape();
    /// assert_eq!(back, x);
    ///
    /// // A `const fn`, with the same compile-time check:
    /// const KERNEL: Tensor<f32, 3, 3> =
    ///     Tensor::from_array([[1.0, 2.0, 1.0, 0.0, 0.0, 0.0, -1.0, -2.0, -1.0]]).reshape();
    /// assert_eq!(KERNEL.as_array()[2], [-1.0, -2.0, -1.0]);
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::<i32, 2, 3>::arange();
    /// let _ = x.reshape::<4, 2>(); // cannot reshape Shape<2, 3> into Shape<4, 2>
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// const BAD: Tensor<f32, 2, 2> = Tensor::from_array([[1.0, 2.0, 3.0]]).reshape();
    /// ```
    #[must_use]
    pub const fn reshape<const R2: usize, const C2: usize>(self) -> Tensor<T, R2, C2>
    where
        Shape<R, C>: ReshapeInto<Shape<R2, C2>>,
    {
        Tensor {
            data: rows(self.as_flat()),
        }
    }

    /// All elements in row-major order as a row vector, like NumPy's `a.flatten()`
    /// (`28x28 -> 784`). The length is checked at compile time.
    ///
    /// ```
    /// use tensor_core::{Tensor, Vector};
    ///
    /// let img = Tensor::<f32, 28, 28>::zeros();
    /// let v: Vector<f32, 784> = img.flatten();
    /// assert_eq!(v.shape(), (1, 784));
    ///
    /// static TABLE: Vector<u16, 4> = Tensor::from_array([[1, 2], [3, 4]]).flatten();
    /// assert_eq!(TABLE.as_flat(), &[1, 2, 3, 4]);
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::{Tensor, Vector};
    ///
    /// let img = Tensor::<f32, 28, 28>::zeros();
    /// let _: Vector<f32, 783> = img.flatten(); // element counts differ
    /// ```
    #[must_use]
    pub const fn flatten<const N: usize>(self) -> Vector<T, N>
    where
        Shape<R, C>: ReshapeInto<Shape<1, N>>,
    {
        self.reshape()
    }
}
