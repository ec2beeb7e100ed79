//! `reshape`, one method for every source and target rank, and `flatten`, with the element
//! count checked at compile time ([`ReshapeInto`]).

use core::mem::{ManuallyDrop, forget, transmute_copy};

use crate::shape::{Const, Dims, ReshapeInto};
use crate::{Array, Vector};

mod sealed {
    pub trait Sealed {}
}

/// A tensor type whose elements are `T`: every [`Array<T, S>`] ([`Tensor`](crate::Tensor),
/// [`Vector`], [`Tensor3`](crate::Tensor3), [`Tensor4`](crate::Tensor4),
/// [`RowVector`](crate::RowVector), [`ColVector`](crate::ColVector)), and nothing else (the
/// trait is sealed). It lets [`reshape`](Array::reshape) take its target as a tensor type,
/// written the way every other tensor type is written: `x.reshape::<Tensor<_, 3, 2>>()`.
///
/// ```
/// use tensor_core::{ArrayOf, Tensor, Tensor3};
/// use tensor_core::shape::Const;
/// use typenum::Same;
///
/// fn shape_of<U: ArrayOf<f32, Shape: Same<S>>, S>() {}
/// shape_of::<Tensor<f32, 8, 784>, (Const<8>, Const<784>)>();
/// shape_of::<Tensor3<f32, 28, 28, 1>, (Const<28>, Const<28>, Const<1>)>();
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let x = Tensor::<f32, 2, 3>::zeros();
/// let _ = x.reshape::<[[f32; 3]; 2]>(); // not a tensor type
/// ```
#[diagnostic::on_unimplemented(
    message = "the target of `reshape` must be a tensor type of `{T}` elements, not `{Self}`",
    label = "the target names no tensor type of `{T}`",
    note = "name the target as a tensor type with `_` for the element type: `reshape::<Tensor<_, R, C>>()`, `Tensor3<_, D0, D1, D2>`, `Tensor4<_, D0, D1, D2, D3>`, `Vector<_, N>`; a reshape keeps the element type (`map` converts it)"
)]
pub trait ArrayOf<T>: sealed::Sealed {
    /// The shape: the tuple of axes of `Array<T, Shape>`, which is `Self`.
    type Shape: Dims;
}

impl<T, S: Dims> sealed::Sealed for Array<T, S> {}

impl<T, S: Dims> ArrayOf<T> for Array<T, S> {
    type Shape = S;
}

impl<T: Copy, S: Dims> Array<T, S> {
    /// The same elements in row-major order in another shape of any rank, like NumPy's
    /// `a.reshape(shape)`: the target type picks the shape, from the annotation of the result
    /// or named in a turbofish (`_` for the element type). The element counts must agree; a
    /// mismatch is a compile error naming both shapes:
    ///
    /// ```text
    /// error[E0277]: cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ
    /// ```
    ///
    /// | NumPy | here |
    /// |---|---|
    /// | `x.reshape(3, 2)` | `x.reshape::<Tensor<_, 3, 2>>()` |
    /// | `img.reshape(1, 784)` (an image `(28, 28, 1)`) | `img.reshape::<Tensor<_, 1, 784>>()` |
    /// | `batch.reshape(8, -1)` (a batch `(8, 28, 28, 1)`) | `let x: Tensor<f32, 8, 784> = batch.reshape();` |
    /// | `x.reshape(8, 28, 28, 1)` | `x.reshape::<Tensor4<_, 8, 28, 28, 1>>()` |
    /// | `mean.reshape(1, 1, 3)` (to broadcast over an image) | `mean.reshape::<Tensor3<_, 1, 1, 3>>()` |
    ///
    /// There is no `-1`: the target is named in full, and it must be known where `reshape` is
    /// called (`x.reshape().sum()` is `type annotations needed`). A `const fn`: weights can be
    /// reshaped in `const` and `static` items.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3, Tensor4};
    ///
    /// let x = Tensor::<i32, 1, 6>::arange();
    /// assert_eq!(x.reshape::<Tensor<_, 2, 3>>(), Tensor::from([[0, 1, 2], [3, 4, 5]]));
    ///
    /// // Across ranks: a batch of images into rows for a dense layer, and back.
    /// let batch = Tensor4::<f32, 8, 28, 28, 1>::zeros();
    /// let rows: Tensor<f32, 8, 784> = batch.reshape();
    /// assert_eq!(rows.reshape::<Tensor4<_, 8, 28, 28, 1>>(), batch);
    /// let t = Tensor3::<i32, 2, 3, 4>::arange().reshape::<Tensor<_, 6, 4>>();
    /// assert_eq!(t[(5, 3)], 23);
    ///
    /// const W: Tensor<f32, 2, 3> = Tensor::from_array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    /// static W_T3: Tensor3<f32, 3, 2, 1> = W.reshape();
    /// assert_eq!(W_T3[(2, 1, 0)], 6.0);
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let _ = Tensor::<i32, 2, 3>::arange().reshape::<Tensor<_, 4, 2>>(); // element counts differ
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::{Tensor, Tensor3};
    ///
    /// const BAD: Tensor3<f32, 2, 2, 1> = Tensor::from_array([[1.0, 2.0, 3.0]]).reshape();
    /// ```
    #[must_use]
    pub const fn reshape<Target>(self) -> Target
    where
        S: ReshapeInto<Target::Shape>,
        Target: ArrayOf<T>,
    {
        // `ReshapeInto` proves the element counts equal, so `copied_from` cannot panic.
        let out = ManuallyDrop::new(Array::<T, Target::Shape>::copied_from(self.as_flat()));
        // `T: Copy`, so nothing is dropped; a `const fn` cannot drop a generic storage type.
        forget(self);
        // SAFETY: `ArrayOf` is sealed and implemented only for `Array<T, S>`, with `Shape = S`,
        // so `Target` is `Array<T, Target::Shape>`: this copies a value into its own type (and
        // `ManuallyDrop` is `repr(transparent)`). A `const fn` cannot call the trait method
        // that would say so to the compiler.
        unsafe { transmute_copy::<ManuallyDrop<Array<T, Target::Shape>>, Target>(&out) }
    }

    /// All elements in row-major order as NumPy's 1-D array, the row [`Vector<T, N>`], like
    /// `a.flatten()` (and `a.ravel()`, which gives a view: [`as_flat`](Array::as_flat) is the
    /// `&[T]` view). It is `reshape` into `Vector<T, N>`, with `N` inferred from the use of the
    /// result (`flatten() @ w`, an annotation) or named: `flatten::<784>()`. `N` must be the
    /// element count, checked at compile time.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3, Vector};
    ///
    /// let v: Vector<f32, 784> = Tensor3::<f32, 28, 28, 1>::zeros().flatten();
    /// assert_eq!(v.len(), 784);
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.flatten(), Tensor::from([1, 2, 3, 4]));
    /// let w = Tensor::<i32, 4, 1>::ones();
    /// assert_eq!(m.flatten().matmul(&w), Tensor::from([[10]])); // N = 4 from the product
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::{Tensor, Vector};
    ///
    /// let _v: Vector<f32, 728> = Tensor::<f32, 28, 28>::zeros().flatten(); // 784 elements
    /// ```
    #[must_use]
    pub const fn flatten<const N: usize>(self) -> Vector<T, N>
    where
        S: ReshapeInto<(Const<1>, Const<N>)>,
    {
        self.reshape()
    }
}
