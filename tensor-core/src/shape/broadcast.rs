//! NumPy's broadcasting rule, decided at type-check time.
//!
//! Two shapes broadcast together when, aligned at their last axis, each pair of axes is equal
//! or one of them has size 1; the result takes the larger size on each axis, and a missing
//! leading axis counts as size 1. [`BroadcastWith`] proves the rule for a pair of shapes (tuples
//! of [`Axis`] types) and computes the result shape, axis by axis, with [`AxisWith`]:
//!
//! - two equal axes give that axis, for every size, symbolic ones included (no bound needed in
//!   generic code: `Tensor<T, N, C> + Tensor<T, N, C>`);
//! - a broadcasting [`One`] gives the other axis (a reduction's result, a
//!   [`RowVector`](crate::RowVector), a [`ColVector`](crate::ColVector));
//! - a literal `Const<1>` gives the other axis when that one is concrete ([`NotOne`]), as in
//!   NumPy's `(R, C) + (1, C)`.
//!
//! Rust's coherence rules are why `One` exists: a rule for "equal" and a rule for "size 1"
//! would overlap at `N = 1`, and trait selection cannot tell them apart for a symbolic `N`.
//! The broadcasting `(R, 1)` and `(1, C)` of generic code are therefore typed with `One`.
//! The explicit `broadcast` methods ([`BroadcastTo`]) copy a tensor out to a target shape.

use core::ops::BitOr;

use typenum::{Eq, IsEqual, Or, U1};

use super::axes::{Axis, Const, Dims, Extent, NotOne, One};
use super::{BroadcastsTo, Dim, Shape, Shape3, Shape4, ToUInt, U};

/// The broadcasting rule on one axis: `Self` (an axis of the left operand `L`) with `B` (the
/// same axis of the right operand `R`); [`Out`](Self::Out) is the result's axis.
///
/// ```
/// use tensor_core::shape::{AxisWith, Const, One};
/// use typenum::Same;
///
/// fn out<A: AxisWith<B, (), (), Out: Same<O>>, B, O>() {}
/// out::<Const<3>, Const<3>, Const<3>>();
/// out::<Const<3>, One, Const<3>>();
/// out::<One, Const<3>, Const<3>>();
/// out::<Const<1>, Const<3>, Const<3>>(); // a literal 1 against a concrete size
/// ```
#[diagnostic::on_unimplemented(
    message = "operands could not be broadcast together with shapes {L} and {R}",
    label = "axes `{Self}` and `{B}` differ, and neither has size 1",
    note = "on each axis, aligned from the last, the sizes must be equal or one of them 1"
)]
pub trait AxisWith<B, L, R>: Axis {
    /// The result's axis.
    type Out: Axis;
}

impl<A: Axis, L, R> AxisWith<A, L, R> for A {
    type Out = A;
}

impl<A: Extent, L, R> AxisWith<One, L, R> for A {
    type Out = A;
}

impl<B: Extent, L, R> AxisWith<B, L, R> for One {
    type Out = B;
}

impl<const N: usize, L, R> AxisWith<Const<1>, L, R> for Const<N>
where
    Const<N>: NotOne,
{
    type Out = Const<N>;
}

impl<const N: usize, L, R> AxisWith<Const<N>, L, R> for Const<1>
where
    Const<N>: NotOne,
{
    type Out = Const<N>;
}

/// `Self` and `Rhs` broadcast together, as in NumPy; [`Output`](Self::Output) is the result
/// shape. Required by `+ - * /`, `maximum` and `minimum` between tensors.
///
/// Shapes of different ranks are aligned at their last axis (a `Vector<T, C>` combines with
/// every row of a `Tensor<T, N, C>` and every pixel of a `Tensor3<T, H, W, C>`). A mismatch
/// reads `operands could not be broadcast together with shapes (Const<3>, Const<2>) and
/// (Const<1>, Const<3>)`.
///
/// ```
/// use tensor_core::shape::{BroadcastWith, Const, One};
/// use typenum::Same;
///
/// fn result<A: BroadcastWith<B, Output: Same<O>>, B, O>() {}
/// result::<(Const<3>, Const<2>), (Const<1>, Const<2>), (Const<3>, Const<2>)>();
/// result::<(Const<3>, Const<2>), (Const<2>,), (Const<3>, Const<2>)>();
/// result::<(Const<3>, One), (One, Const<4>), (Const<3>, Const<4>)>();
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::shape::{BroadcastWith, Const};
///
/// fn check<A: BroadcastWith<B>, B>() {}
/// check::<(Const<4>, Const<4>, Const<3>), (Const<1>, Const<1>, Const<4>)>();
/// ```
pub trait BroadcastWith<Rhs>: Dims {
    /// The shape of the result.
    type Output: Dims;
}

/// Same-rank impls: every axis pair through [`AxisWith`], with both full shapes (`$l`, `$r`)
/// in the bound.
macro_rules! same_rank {
    ($([$($a:ident $b:ident),+] $l:ty, $r:ty;)+) => {$(
        impl<$($a: Axis,)+ $($b: Axis),+> BroadcastWith<$r> for $l
        where
            $l: Dims,
            $r: Dims,
            $($a: AxisWith<$b, <$l as Dims>::Name, <$r as Dims>::Name>,)+
            ($(<$a as AxisWith<$b, <$l as Dims>::Name, <$r as Dims>::Name>>::Out,)+): Dims,
        {
            type Output = ($(<$a as AxisWith<$b, <$l as Dims>::Name, <$r as Dims>::Name>>::Out,)+);
        }
    )+};
}

same_rank! {
    [A0 B0] (A0,), (B0,);
    [A0 B0, A1 B1] (A0, A1), (B0, B1);
    [A0 B0, A1 B1, A2 B2] (A0, A1, A2), (B0, B1, B2);
    [A0 B0, A1 B1, A2 B2, A3 B3] (A0, A1, A2, A3), (B0, B1, B2, B3);
}

/// Mixed-rank impls, both ways round: the lower-rank operand `$low` is aligned at the last
/// axis of `$high`, whose leading axes `$x` pass through.
macro_rules! mixed_rank {
    ($([$($x:ident),+] [$($a:ident $b:ident),+] $high:ty, $low:ty;)+) => {$(
        impl<$($x: Axis,)+ $($a: Axis,)+ $($b: Axis),+> BroadcastWith<$low> for $high
        where
            $high: Dims,
            $low: Dims,
            $($a: AxisWith<$b, <$high as Dims>::Name, <$low as Dims>::Name>,)+
            ($($x,)+ $(<$a as AxisWith<$b, <$high as Dims>::Name, <$low as Dims>::Name>>::Out,)+): Dims,
        {
            type Output = ($($x,)+ $(<$a as AxisWith<$b, <$high as Dims>::Name, <$low as Dims>::Name>>::Out,)+);
        }

        impl<$($x: Axis,)+ $($a: Axis,)+ $($b: Axis),+> BroadcastWith<$high> for $low
        where
            $high: Dims,
            $low: Dims,
            $($b: AxisWith<$a, <$low as Dims>::Name, <$high as Dims>::Name>,)+
            ($($x,)+ $(<$b as AxisWith<$a, <$low as Dims>::Name, <$high as Dims>::Name>>::Out,)+): Dims,
        {
            type Output = ($($x,)+ $(<$b as AxisWith<$a, <$low as Dims>::Name, <$high as Dims>::Name>>::Out,)+);
        }
    )+};
}

mixed_rank! {
    [X0] [A1 B1] (X0, A1), (B1,);
    [X0, X1] [A2 B2] (X0, X1, A2), (B2,);
    [X0, X1, X2] [A3 B3] (X0, X1, X2, A3), (B3,);
    [X0] [A1 B1, A2 B2] (X0, A1, A2), (B1, B2);
    [X0, X1] [A2 B2, A3 B3] (X0, X1, A2, A3), (B2, B3);
    [X0] [A1 B1, A2 B2, A3 B3] (X0, A1, A2, A3), (B1, B2, B3);
}

/// The broadcasting rule on one axis for typenum sizes, behind [`BroadcastTo`]:
/// [`FitsInto`](Self::FitsInto) is `B1` when `Self` equals `B` or is 1.
pub trait BroadcastAxis<B> {
    /// `B1` when the left size equals the right one or is 1.
    type FitsInto;
}

impl<A, B> BroadcastAxis<B> for A
where
    A: IsEqual<B> + IsEqual<U1>,
    Eq<A, B>: BitOr<Eq<A, U1>>,
{
    type FitsInto = Or<Eq<A, B>, Eq<A, U1>>;
}

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
