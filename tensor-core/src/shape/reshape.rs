//! The element-count check behind `reshape`, `flatten` and the reshapes across ranks.

use core::ops::Mul;

use typenum::{Eq, IsEqual, Prod, U1};

use super::{Const, Dim, Dims, One, SameElementCount, ToUInt, U};

/// The number of elements of a shape, as a typenum number (`U<R> * U<C>` for `Shape<R, C>`).
///
/// Implemented for every shape whose dimensions are in the table of [`Dim`](super::Dim)
/// (`0..=4096` and more).
///
/// ```
/// use tensor_core::{Shape3, shape::ElementCount};
/// use typenum::Unsigned;
///
/// assert_eq!(<<Shape3<28, 28, 3> as ElementCount>::Count as Unsigned>::USIZE, 2352);
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
/// use tensor_core::{Shape, Shape3, shape::ReshapeInto};
///
/// fn check<A: ReshapeInto<B>, B>() {}
/// check::<Shape<28, 28>, Shape<1, 784>>();
/// check::<Shape3<2, 3, 4>, Shape<6, 4>>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::ReshapeInto};
///
/// fn check<A: ReshapeInto<B>, B>() {}
/// check::<Shape<2, 3>, Shape<4, 2>>();
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
