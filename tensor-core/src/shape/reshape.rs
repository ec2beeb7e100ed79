//! The element-count check behind `reshape`, `flatten` and the reshapes across ranks.

use core::ops::Mul;

use typenum::{Eq, IsEqual, Prod};

use super::{Dim, SameElementCount, Shape, Shape3, Shape4, ToUInt, U};

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

impl<const R: usize, const C: usize> ElementCount for Shape<R, C>
where
    Dim<R>: ToUInt,
    Dim<C>: ToUInt,
    U<R>: Mul<U<C>>,
{
    type Count = Prod<U<R>, U<C>>;
}

impl<const D0: usize, const D1: usize, const D2: usize> ElementCount for Shape3<D0, D1, D2>
where
    Dim<D0>: ToUInt,
    Dim<D1>: ToUInt,
    Dim<D2>: ToUInt,
    U<D0>: Mul<U<D1>>,
    Prod<U<D0>, U<D1>>: Mul<U<D2>>,
{
    type Count = Prod<Prod<U<D0>, U<D1>>, U<D2>>;
}

impl<const D0: usize, const D1: usize, const D2: usize, const D3: usize> ElementCount
    for Shape4<D0, D1, D2, D3>
where
    Dim<D0>: ToUInt,
    Dim<D1>: ToUInt,
    Dim<D2>: ToUInt,
    Dim<D3>: ToUInt,
    U<D0>: Mul<U<D1>>,
    U<D2>: Mul<U<D3>>,
    Prod<U<D0>, U<D1>>: Mul<Prod<U<D2>, U<D3>>>,
{
    type Count = Prod<Prod<U<D0>, U<D1>>, Prod<U<D2>, U<D3>>>;
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
    From: ElementCount,
    To: ElementCount,
    From::Count: IsEqual<To::Count>,
    Eq<From::Count, To::Count>: SameElementCount<From, To>,
{
}
