//! The element-count check behind `reshape` and `flatten`.

use core::ops::Mul;

use typenum::{Eq, IsEqual, Prod, U1};

use super::{Const, Dim, Dims, One, SameElementCount, ToUInt, U};

/// The number of elements of a shape, as a typenum number (`U<R> * U<C>` for
/// `(Const<R>, Const<C>)`).
///
/// Implemented for every shape whose dimensions are in the table of [`Dim`](super::Dim)
/// (`0..=4096` and more).
///
/// ```
/// use tensor_core::shape::{Const, ElementCount};
/// use typenum::Unsigned;
///
/// type Image = (Const<28>, Const<28>, Const<3>);
/// assert_eq!(<<Image as ElementCount>::Count as Unsigned>::USIZE, 2352);
/// ```
pub trait ElementCount {
    /// The element count.
    type Count;
}

/// The size of an axis as a typenum number: `Const<N>` through the table of [`Dim`], and 1 for
/// [`One`].
pub trait AxisCount {
    /// The typenum number.
    type Count;
}

impl<const N: usize> AxisCount for Const<N>
where
    Dim<N>: ToUInt,
{
    type Count = U<N>;
}

impl AxisCount for One {
    type Count = U1;
}

impl<A0: AxisCount> ElementCount for (A0,) {
    type Count = A0::Count;
}

impl<A0: AxisCount, A1: AxisCount> ElementCount for (A0, A1)
where
    A0::Count: Mul<A1::Count>,
{
    type Count = Prod<A0::Count, A1::Count>;
}

impl<A0: AxisCount, A1: AxisCount, A2: AxisCount> ElementCount for (A0, A1, A2)
where
    A0::Count: Mul<A1::Count>,
    Prod<A0::Count, A1::Count>: Mul<A2::Count>,
{
    type Count = Prod<Prod<A0::Count, A1::Count>, A2::Count>;
}

impl<A0: AxisCount, A1: AxisCount, A2: AxisCount, A3: AxisCount> ElementCount for (A0, A1, A2, A3)
where
    A0::Count: Mul<A1::Count>,
    A2::Count: Mul<A3::Count>,
    Prod<A0::Count, A1::Count>: Mul<Prod<A2::Count, A3::Count>>,
{
    type Count = Prod<Prod<A0::Count, A1::Count>, Prod<A2::Count, A3::Count>>;
}

/// `Self` can be reshaped into `To`: both shapes, of any ranks, hold the same number of
/// elements.
///
/// Proved at type-check time; a mismatch reads
/// `cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ`.
///
/// ```
/// use tensor_core::shape::{Const, One, ReshapeInto};
///
/// fn check<A: ReshapeInto<B>, B>() {}
/// check::<(Const<28>, Const<28>), (Const<1>, Const<784>)>();
/// check::<(Const<2>, Const<3>, Const<4>), (Const<6>, Const<4>)>();
/// check::<(One, Const<3>), (Const<3>,)>();
/// ```
///
/// ```compile_fail
/// use tensor_core::shape::{Const, ReshapeInto};
///
/// fn check<A: ReshapeInto<B>, B>() {}
/// check::<(Const<2>, Const<3>), (Const<4>, Const<2>)>();
/// ```
pub trait ReshapeInto<To> {}

impl<From, To> ReshapeInto<To> for From
where
    From: ElementCount + Dims,
    To: ElementCount + Dims,
    From::Count: IsEqual<To::Count>,
    Eq<From::Count, To::Count>: SameElementCount<From::Name, To::Name>,
{
}
