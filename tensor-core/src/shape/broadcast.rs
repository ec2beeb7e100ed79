//! NumPy's broadcasting rule for two dimensions, decided at type-check time.
//!
//! Two shapes broadcast together when, on each axis, their sizes are equal or one of them is 1;
//! the result takes the larger size on each axis. [`BroadcastWith`] proves the rule for a pair of
//! shapes and computes the result shape as a type ([`BroadcastWith::Output`]) by choosing, per
//! axis, between the two operands' sizes with a typenum bit: no const-generic arithmetic is
//! needed, so the result is a plain `Tensor<T, R, C>` for concrete shapes.

use core::ops::{BitAnd, BitOr};

use typenum::{And, B0, B1, Eq, IsEqual, Or, U1};

use super::{BroadcastCompatible, BroadcastsTo, Dim, Shape, ToUInt, U};
use crate::Tensor;

/// A shape type that names its tensor type: implemented by every [`Shape<R, C>`].
///
/// It turns the result shape of a type-level computation (such as [`BroadcastWith::Output`])
/// back into a tensor type, `Tensor<T, R, C>`.
///
/// ```
/// use tensor_core::{Shape, Tensor, shape::StaticShape};
///
/// let t: <Shape<2, 3> as StaticShape>::Tensor<f32> = Tensor::zeros();
/// assert_eq!(<Shape<2, 3> as StaticShape>::ROWS, 2);
/// assert_eq!(t.shape(), (2, 3));
/// ```
pub trait StaticShape {
    /// The number of rows.
    const ROWS: usize;
    /// The number of columns.
    const COLS: usize;
    /// The tensor of this shape holding `T`.
    type Tensor<T>;

    /// A tensor of this shape with every element equal to `value`.
    ///
    /// ```
    /// use tensor_core::{Shape, Tensor, shape::StaticShape};
    ///
    /// assert_eq!(Shape::<1, 2>::full(7), Tensor::from([7, 7]));
    /// ```
    #[must_use]
    fn full<T: Copy>(value: T) -> Self::Tensor<T>;

    /// The elements of a tensor of this shape as one mutable row-major slice.
    ///
    /// ```
    /// use tensor_core::{Shape, shape::StaticShape};
    ///
    /// let mut t = Shape::<1, 2>::full(0);
    /// Shape::<1, 2>::as_flat_mut(&mut t)[1] = 5;
    /// assert_eq!(t[1], 5);
    /// ```
    fn as_flat_mut<T>(tensor: &mut Self::Tensor<T>) -> &mut [T];
}

impl<const R: usize, const C: usize> StaticShape for Shape<R, C> {
    const ROWS: usize = R;
    const COLS: usize = C;
    type Tensor<T> = Tensor<T, R, C>;

    fn full<T: Copy>(value: T) -> Tensor<T, R, C> {
        Tensor::from_array([[value; C]; R])
    }

    fn as_flat_mut<T>(tensor: &mut Tensor<T, R, C>) -> &mut [T] {
        tensor.as_flat_mut()
    }
}

/// The broadcasting rule on one axis, for typenum sizes `Self` (left operand) and `B` (right).
///
/// ```
/// use tensor_core::shape::BroadcastAxis;
/// use typenum::{B0, B1, Same, U1, U3};
///
/// fn compatible<A: BroadcastAxis<B, Compatible: Same<B1>>, B>() {}
/// compatible::<U3, U1>();
/// compatible::<U1, U3>();
/// compatible::<U3, U3>();
/// ```
pub trait BroadcastAxis<B> {
    /// `B1` when the sizes are equal or one of them is 1, else `B0`.
    type Compatible;
    /// `B1` when the left size is 1, so the result takes the right operand's size.
    type TakesRhs;
}

impl<A, B> BroadcastAxis<B> for A
where
    A: IsEqual<B> + IsEqual<U1>,
    B: IsEqual<U1>,
    Eq<A, B>: BitOr<Eq<A, U1>>,
    Or<Eq<A, B>, Eq<A, U1>>: BitOr<Eq<B, U1>>,
{
    type Compatible = Or<Or<Eq<A, B>, Eq<A, U1>>, Eq<B, U1>>;
    type TakesRhs = Eq<A, U1>;
}

/// Picks the broadcast result shape from `Shape<R, C>` and `Shape<R2, C2>`, given for each axis
/// whether the result takes the right operand's size (`B1`) or the left one's (`B0`).
///
/// ```
/// use tensor_core::{Shape, shape::SelectShape};
/// use typenum::{B0, B1, Same};
///
/// fn picks<S: SelectShape<1, 3, 4, 1, Output: Same<Shape<4, 3>>>>() {}
/// picks::<(B1, B0)>();
/// ```
pub trait SelectShape<const R: usize, const C: usize, const R2: usize, const C2: usize> {
    /// The chosen shape.
    type Output: StaticShape;
}

impl<const R: usize, const C: usize, const R2: usize, const C2: usize> SelectShape<R, C, R2, C2>
    for (B0, B0)
{
    type Output = Shape<R, C>;
}

impl<const R: usize, const C: usize, const R2: usize, const C2: usize> SelectShape<R, C, R2, C2>
    for (B1, B0)
{
    type Output = Shape<R2, C>;
}

impl<const R: usize, const C: usize, const R2: usize, const C2: usize> SelectShape<R, C, R2, C2>
    for (B0, B1)
{
    type Output = Shape<R, C2>;
}

impl<const R: usize, const C: usize, const R2: usize, const C2: usize> SelectShape<R, C, R2, C2>
    for (B1, B1)
{
    type Output = Shape<R2, C2>;
}

/// `Self` and `Rhs` broadcast together, NumPy-style; `Output` is the result shape.
///
/// Required by the arithmetic operators between tensors. On each axis the sizes must be equal
/// or one of them must be 1: `(3, 2)` broadcasts with `(3, 2)`, `(1, 2)`, `(3, 1)` and `(1, 1)`,
/// in either order. A mismatch reads
/// `operands could not be broadcast together with shapes Shape<3, 2> and Shape<1, 3>`.
///
/// Every dimension of both shapes must be in the table of [`Dim`](super::Dim) (`0..=4096` and more);
/// see the [module docs](crate::shape#which-dimensions-can-be-checked).
///
/// ```
/// use tensor_core::{Shape, shape::BroadcastWith};
/// use typenum::Same;
///
/// fn result<A: BroadcastWith<B, Output: Same<O>>, B, O>() {}
/// result::<Shape<3, 2>, Shape<1, 2>, Shape<3, 2>>(); // a row: bias, per-column mean
/// result::<Shape<3, 1>, Shape<3, 2>, Shape<3, 2>>(); // a column, on the left
/// result::<Shape<3, 1>, Shape<1, 4>, Shape<3, 4>>(); // an outer sum
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::BroadcastWith};
///
/// fn check<A: BroadcastWith<B>, B>() {}
/// check::<Shape<3, 2>, Shape<1, 3>>();
/// ```
pub trait BroadcastWith<Rhs> {
    /// The shape of the result.
    type Output: StaticShape;
}

impl<const R: usize, const C: usize, const R2: usize, const C2: usize> BroadcastWith<Shape<R2, C2>>
    for Shape<R, C>
where
    Dim<R>: ToUInt,
    Dim<C>: ToUInt,
    Dim<R2>: ToUInt,
    Dim<C2>: ToUInt,
    U<R>: BroadcastAxis<U<R2>>,
    U<C>: BroadcastAxis<U<C2>>,
    <U<R> as BroadcastAxis<U<R2>>>::Compatible: BitAnd<<U<C> as BroadcastAxis<U<C2>>>::Compatible>,
    And<<U<R> as BroadcastAxis<U<R2>>>::Compatible, <U<C> as BroadcastAxis<U<C2>>>::Compatible>:
        BroadcastCompatible<Shape<R, C>, Shape<R2, C2>>,
    (
        <U<R> as BroadcastAxis<U<R2>>>::TakesRhs,
        <U<C> as BroadcastAxis<U<C2>>>::TakesRhs,
    ): SelectShape<R, C, R2, C2>,
{
    type Output = <(
        <U<R> as BroadcastAxis<U<R2>>>::TakesRhs,
        <U<C> as BroadcastAxis<U<C2>>>::TakesRhs,
    ) as SelectShape<R, C, R2, C2>>::Output;
}

/// The tensor type that broadcasting `A` with `B` yields, holding `T`.
///
/// ```
/// use tensor_core::{Shape, Tensor, shape::Broadcast};
///
/// let t: Broadcast<f32, Shape<3, 1>, Shape<1, 4>> = Tensor::<f32, 3, 4>::zeros();
/// assert_eq!(t.shape(), (3, 4));
/// ```
pub type Broadcast<T, A, B> = <<A as BroadcastWith<B>>::Output as StaticShape>::Tensor<T>;

/// `Self` can be broadcast to the shape `To`: on each axis the size equals the target's or is 1.
///
/// Required by `Tensor::broadcast`. A mismatch reads
/// `cannot broadcast a tensor of shape Shape<1, 3> to shape Shape<2, 4>`.
///
/// ```
/// use tensor_core::{Shape, shape::BroadcastTo};
///
/// fn check<A: BroadcastTo<B>, B>() {}
/// check::<Shape<1, 3>, Shape<4, 3>>();
/// check::<Shape<2, 1>, Shape<2, 5>>();
/// check::<Shape<2, 5>, Shape<2, 5>>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::BroadcastTo};
///
/// fn check<A: BroadcastTo<B>, B>() {}
/// check::<Shape<4, 3>, Shape<1, 3>>(); // the target is smaller
/// ```
pub trait BroadcastTo<To> {}

impl<const R: usize, const C: usize, const R2: usize, const C2: usize> BroadcastTo<Shape<R2, C2>>
    for Shape<R, C>
where
    Dim<R>: ToUInt,
    Dim<C>: ToUInt,
    Dim<R2>: ToUInt,
    Dim<C2>: ToUInt,
    U<R>: IsEqual<U<R2>> + IsEqual<U1>,
    U<C>: IsEqual<U<C2>> + IsEqual<U1>,
    Eq<U<R>, U<R2>>: BitOr<Eq<U<R>, U1>>,
    Eq<U<C>, U<C2>>: BitOr<Eq<U<C>, U1>>,
    Or<Eq<U<R>, U<R2>>, Eq<U<R>, U1>>: BitAnd<Or<Eq<U<C>, U<C2>>, Eq<U<C>, U1>>>,
    And<Or<Eq<U<R>, U<R2>>, Eq<U<R>, U1>>, Or<Eq<U<C>, U<C2>>, Eq<U<C>, U1>>>:
        BroadcastsTo<Shape<R, C>, Shape<R2, C2>>,
{
}
