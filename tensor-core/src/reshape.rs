//! Reshapes within and across ranks, and `flatten`, with the element count checked at compile
//! time ([`ReshapeInto`]); written once for every source shape.

use crate::shape::{Const, Dims, ReshapeInto};
use crate::{Array, Tensor, Tensor3, Tensor4, Vector};

impl<T: Copy, S: Dims> Array<T, S> {
    /// The same elements, in row-major order, in the shape `S2`.
    #[inline]
    const fn reshaped<S2: Dims>(self) -> Array<T, S2>
    where
        S: ReshapeInto<S2>,
    {
        let out = Array::copied_from(self.as_flat());
        // `T: Copy`, so nothing is dropped; a `const fn` cannot drop a generic storage type.
        core::mem::forget(self);
        out
    }

    /// Reshapes into a matrix, like `a.reshape(R, C)`: an image `(28, 28, 1)` into
    /// `(1, 784)`, a batch `(N, H, W, C)` into `(N, H*W*C)` for a dense layer. The element
    /// counts must agree; a mismatch is a compile error naming both shapes.
    ///
    /// ```
    /// use tensor_core::{Tensor3, Tensor4};
    ///
    /// let m = Tensor3::<i32, 2, 3, 4>::arange().reshape2::<6, 4>();
    /// assert_eq!(m[(5, 3)], 23);
    /// let x = Tensor4::<f32, 8, 28, 28, 1>::zeros().reshape2::<8, 784>();
    /// assert_eq!(x.shape(), (8, 784));
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor3;
    ///
    /// let m = Tensor3::<i32, 2, 3, 4>::arange().reshape2::<6, 5>(); // element counts differ
    /// ```
    #[must_use]
    pub const fn reshape2<const R: usize, const C: usize>(self) -> Tensor<T, R, C>
    where
        S: ReshapeInto<(Const<R>, Const<C>)>,
    {
        self.reshaped()
    }

    /// Reshapes into rank 3, like `a.reshape(D0, D1, D2)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let t = Tensor::<i32, 6, 4>::arange().reshape3::<2, 3, 4>();
    /// assert_eq!(t[(1, 2, 3)], 23);
    /// ```
    #[must_use]
    pub const fn reshape3<const D0: usize, const D1: usize, const D2: usize>(
        self,
    ) -> Tensor3<T, D0, D1, D2>
    where
        S: ReshapeInto<(Const<D0>, Const<D1>, Const<D2>)>,
    {
        self.reshaped()
    }

    /// Reshapes into rank 4, like `a.reshape(D0, D1, D2, D3)`: for example a batch of flattened
    /// images `(N, H*W*C)` back into `(N, H, W, C)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let t = Tensor::<i32, 2, 12>::arange().reshape4::<2, 2, 3, 2>();
    /// assert_eq!(t[(1, 1, 2, 1)], 23);
    /// ```
    #[must_use]
    pub const fn reshape4<const D0: usize, const D1: usize, const D2: usize, const D3: usize>(
        self,
    ) -> Tensor4<T, D0, D1, D2, D3>
    where
        S: ReshapeInto<(Const<D0>, Const<D1>, Const<D2>, Const<D3>)>,
    {
        self.reshaped()
    }

    /// All elements in row-major order as a row vector, like `a.flatten()`; the length is
    /// checked at compile time.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3, Vector};
    ///
    /// let v: Vector<f32, 784> = Tensor3::<f32, 28, 28, 1>::zeros().flatten();
    /// assert_eq!(v.len(), 784);
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.flatten(), Tensor::from([1, 2, 3, 4]));
    /// ```
    #[must_use]
    pub const fn flatten<const N: usize>(self) -> Vector<T, N>
    where
        S: ReshapeInto<(Const<1>, Const<N>)>,
    {
        self.reshaped()
    }
}

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// Reshapes into another matrix shape, like NumPy's `a.reshape(R2, C2)`: the elements in
    /// row-major order are kept. A target with a different element count is a compile error:
    /// `cannot reshape a tensor of shape (Const<2>, Const<3>) into shape (Const<4>, Const<2>)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::<i32, 1, 6>::arange();
    /// assert_eq!(x.reshape::<2, 3>(), Tensor::from([[0, 1, 2], [3, 4, 5]]));
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let _ = Tensor::<i32, 2, 3>::arange().reshape::<4, 2>(); // element counts differ
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
        (Const<R>, Const<C>): ReshapeInto<(Const<R2>, Const<C2>)>,
    {
        self.reshaped()
    }
}

impl<T: Copy, const D0: usize, const D1: usize, const D2: usize> Tensor3<T, D0, D1, D2> {
    /// Reshapes into another rank-3 shape, like `a.reshape(E0, E1, E2)`.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let t = Tensor3::<i32, 2, 3, 4>::arange().reshape::<4, 3, 2>();
    /// assert_eq!(t[(3, 2, 1)], 23);
    /// ```
    #[must_use]
    pub const fn reshape<const E0: usize, const E1: usize, const E2: usize>(
        self,
    ) -> Tensor3<T, E0, E1, E2>
    where
        (Const<D0>, Const<D1>, Const<D2>): ReshapeInto<(Const<E0>, Const<E1>, Const<E2>)>,
    {
        self.reshaped()
    }
}

impl<T: Copy, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
    Tensor4<T, D0, D1, D2, D3>
{
    /// Reshapes into another rank-4 shape, like `a.reshape(E0, E1, E2, E3)`.
    ///
    /// ```
    /// use tensor_core::Tensor4;
    ///
    /// let t = Tensor4::<i32, 2, 2, 3, 2>::arange().reshape::<2, 3, 2, 2>();
    /// assert_eq!(t[(1, 2, 1, 1)], 23);
    /// ```
    #[must_use]
    pub const fn reshape<const E0: usize, const E1: usize, const E2: usize, const E3: usize>(
        self,
    ) -> Tensor4<T, E0, E1, E2, E3>
    where
        (Const<D0>, Const<D1>, Const<D2>, Const<D3>):
            ReshapeInto<(Const<E0>, Const<E1>, Const<E2>, Const<E3>)>,
    {
        self.reshaped()
    }
}
