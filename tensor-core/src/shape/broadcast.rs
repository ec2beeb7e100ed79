//! NumPy's broadcasting rule, decided at type-check time, for shapes of the same rank.
//!
//! Two shapes broadcast together when, on each axis, their sizes are equal or one of them is 1;
//! the result takes the larger size on each axis. [`BroadcastWith`] proves the rule for a pair of
//! shapes and computes the result shape as a type ([`BroadcastWith::Output`]) by choosing, per
//! axis, between the two operands' sizes with a typenum bit ([`PickDim`]) and assembling the
//! chosen [`Dim`]s into a shape ([`DimsShape`]): no const-generic arithmetic is needed, so the
//! result is a plain `Tensor<T, R, C>`, `Tensor3<T, D0, D1, D2>` or `Tensor4<..>` for concrete
//! shapes.

use core::ops::BitOr;

use typenum::{B0, B1, Eq, IsEqual, Or, U1};

use super::{BroadcastCompatible, BroadcastsTo, Dim, Shape, Shape3, Shape4, ToUInt, U};
use crate::{Tensor, Tensor3, Tensor4};

/// A shape type that names its tensor type: implemented by [`Shape`], [`Shape3`] and
/// [`Shape4`].
///
/// It turns the result shape of a type-level computation (such as [`BroadcastWith::Output`])
/// back into a tensor type, `Tensor<T, R, C>` or `Tensor3<T, D0, D1, D2>`.
///
/// ```
/// use tensor_core::{Shape, Shape3, Tensor, shape::StaticShape};
///
/// let t: <Shape<2, 3> as StaticShape>::Tensor<f32> = Tensor::zeros();
/// assert_eq!(t.shape(), (2, 3));
/// assert_eq!(<Shape3<4, 4, 3> as StaticShape>::DIMS, &[4, 4, 3]);
/// ```
pub trait StaticShape {
    /// The size of each axis, outermost first.
    const DIMS: &'static [usize];
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

/// The nested array literal `[[value; C]; R]` from `value; R C`.
macro_rules! nested_array {
    ($v:ident;) => { $v };
    ($v:ident; $d:ident $($rest:ident)*) => { [nested_array!($v; $($rest)*); $d] };
}

macro_rules! static_shape {
    ($($Shape:ident<$($d:ident),+> => $Tensor:ident;)+) => {$(
        impl<$(const $d: usize),+> StaticShape for $Shape<$($d),+> {
            const DIMS: &'static [usize] = &[$($d),+];
            type Tensor<T> = $Tensor<T, $($d),+>;

            fn full<T: Copy>(value: T) -> Self::Tensor<T> {
                $Tensor::from_array(nested_array!(value; $($d)+))
            }

            fn as_flat_mut<T>(tensor: &mut Self::Tensor<T>) -> &mut [T] {
                tensor.as_flat_mut()
            }
        }
    )+};
}

static_shape! {
    Shape<R, C> => Tensor;
    Shape3<D0, D1, D2> => Tensor3;
    Shape4<D0, D1, D2, D3> => Tensor4;
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
    /// `B1` when the left size equals the right one or is 1: the left operand can be
    /// broadcast to the right one's size.
    type FitsInto;
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
    type FitsInto = Or<Eq<A, B>, Eq<A, U1>>;
}

/// Picks one axis size of a broadcast result: `B0` picks the left operand's `A`, `B1` the
/// right operand's `B` (see [`BroadcastAxis::TakesRhs`]).
///
/// ```
/// use tensor_core::shape::{Dim, PickDim};
/// use typenum::{B0, B1, Same};
///
/// fn picks<P: PickDim<1, 3, Dim: Same<D>>, D>() {}
/// picks::<B1, Dim<3>>();
/// picks::<B0, Dim<1>>();
/// ```
pub trait PickDim<const A: usize, const B: usize> {
    /// The chosen size.
    type Dim;
}

impl<const A: usize, const B: usize> PickDim<A, B> for B0 {
    type Dim = Dim<A>;
}

impl<const A: usize, const B: usize> PickDim<A, B> for B1 {
    type Dim = Dim<B>;
}

/// A tuple of [`Dim`]s, outermost axis first, as the shape it describes: `(Dim<R>, Dim<C>)` is
/// `Shape<R, C>`, three `Dim`s a [`Shape3`], four a [`Shape4`].
pub trait DimsShape {
    /// The shape.
    type Shape: StaticShape;
}

impl<const R: usize, const C: usize> DimsShape for (Dim<R>, Dim<C>) {
    type Shape = Shape<R, C>;
}

impl<const D0: usize, const D1: usize, const D2: usize> DimsShape for (Dim<D0>, Dim<D1>, Dim<D2>) {
    type Shape = Shape3<D0, D1, D2>;
}

impl<const D0: usize, const D1: usize, const D2: usize, const D3: usize> DimsShape
    for (Dim<D0>, Dim<D1>, Dim<D2>, Dim<D3>)
{
    type Shape = Shape4<D0, D1, D2, D3>;
}

/// `Self` and `Rhs` broadcast together, NumPy-style; `Output` is the result shape.
///
/// Required by the arithmetic operators between tensors of the same rank. On each axis the
/// sizes must be equal or one of them must be 1: `(3, 2)` broadcasts with `(3, 2)`, `(1, 2)`,
/// `(3, 1)` and `(1, 1)`, in either order; an image `(H, W, C)` with per-channel values
/// `(1, 1, C)`. A mismatch reads
/// `operands could not be broadcast together with shapes Shape<3, 2> and Shape<1, 3>`.
///
/// Both shapes have the same rank: to combine a `Tensor3` with a `Tensor`, reshape the
/// lower-rank operand first (`v.reshape3::<1, 1, C>()`), which NumPy does implicitly.
///
/// Every dimension of both shapes must be in the table of [`Dim`](super::Dim) (`0..=4096` and more);
/// see the [module docs](crate::shape#which-dimensions-can-be-checked).
///
/// ```
/// use tensor_core::{Shape, Shape3, Shape4, shape::BroadcastWith};
/// use typenum::Same;
///
/// fn result<A: BroadcastWith<B, Output: Same<O>>, B, O>() {}
/// result::<Shape<3, 2>, Shape<1, 2>, Shape<3, 2>>(); // a row: bias, per-column mean
/// result::<Shape<3, 1>, Shape<3, 2>, Shape<3, 2>>(); // a column, on the left
/// result::<Shape<3, 1>, Shape<1, 4>, Shape<3, 4>>(); // an outer sum
/// result::<Shape3<4, 4, 3>, Shape3<1, 1, 3>, Shape3<4, 4, 3>>(); // per channel
/// result::<Shape4<8, 4, 4, 3>, Shape4<1, 1, 1, 3>, Shape4<8, 4, 4, 3>>(); // a batch
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape3, shape::BroadcastWith};
///
/// fn check<A: BroadcastWith<B>, B>() {}
/// check::<Shape3<4, 4, 3>, Shape3<1, 1, 4>>();
/// ```
pub trait BroadcastWith<Rhs> {
    /// The shape of the result.
    type Output: StaticShape;
}

/// One impl per rank. Each axis proves its own compatibility bit with the full shapes in the
/// bound, so the error names both shapes whichever axis fails.
macro_rules! broadcast_with {
    ($($A:ty, $B:ty: [$($a:ident),+] [$($b:ident),+];)+) => {$(
        impl<$(const $a: usize,)+ $(const $b: usize),+> BroadcastWith<$B> for $A
        where
            $(
                Dim<$a>: ToUInt,
                Dim<$b>: ToUInt,
                U<$a>: BroadcastAxis<U<$b>>,
                <U<$a> as BroadcastAxis<U<$b>>>::Compatible: BroadcastCompatible<$A, $B>,
                <U<$a> as BroadcastAxis<U<$b>>>::TakesRhs: PickDim<$a, $b>,
            )+
            ($(<<U<$a> as BroadcastAxis<U<$b>>>::TakesRhs as PickDim<$a, $b>>::Dim,)+): DimsShape,
        {
            type Output =
                <($(<<U<$a> as BroadcastAxis<U<$b>>>::TakesRhs as PickDim<$a, $b>>::Dim,)+)
                    as DimsShape>::Shape;
        }
    )+};
}

broadcast_with! {
    Shape<R, C>, Shape<R2, C2>: [R, C] [R2, C2];
    Shape3<X0, X1, X2>, Shape3<Y0, Y1, Y2>: [X0, X1, X2] [Y0, Y1, Y2];
    Shape4<X0, X1, X2, X3>, Shape4<Y0, Y1, Y2, Y3>: [X0, X1, X2, X3] [Y0, Y1, Y2, Y3];
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
/// Required by `broadcast` (of `Tensor`, `Tensor3`, `Tensor4`). A mismatch reads
/// `cannot broadcast a tensor of shape Shape<1, 3> to shape Shape<2, 4>`.
///
/// ```
/// use tensor_core::{Shape, Shape3, shape::BroadcastTo};
///
/// fn check<A: BroadcastTo<B>, B>() {}
/// check::<Shape3<1, 1, 3>, Shape3<4, 4, 3>>();
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

/// One impl per rank: each axis proves its own bit, with the full shapes in the bound.
macro_rules! broadcast_to {
    ($($A:ty, $B:ty: [$($a:ident),+] [$($b:ident),+];)+) => {$(
        impl<$(const $a: usize,)+ $(const $b: usize),+> BroadcastTo<$B> for $A
        where
            $(
                Dim<$a>: ToUInt,
                Dim<$b>: ToUInt,
                U<$a>: BroadcastAxis<U<$b>>,
                <U<$a> as BroadcastAxis<U<$b>>>::FitsInto: BroadcastsTo<$A, $B>,
            )+
        {
        }
    )+};
}

broadcast_to! {
    Shape<R, C>, Shape<R2, C2>: [R, C] [R2, C2];
    Shape3<X0, X1, X2>, Shape3<Y0, Y1, Y2>: [X0, X1, X2] [Y0, Y1, Y2];
    Shape4<X0, X1, X2, X3>, Shape4<Y0, Y1, Y2, Y3>: [X0, X1, X2, X3] [Y0, Y1, Y2, Y3];
}
