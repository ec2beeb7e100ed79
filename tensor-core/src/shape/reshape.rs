//! The element-count check behind `reshape` and `flatten`.

use core::ops::Mul;

use typenum::{Const, Eq, IsEqual, Prod, ToUInt, U};

use super::{SameElementCount, Shape};

/// `Self` can be reshaped into `To`: both shapes hold the same number of elements.
///
/// Proved at type-check time; a mismatch reads
/// `cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ`.
///
/// ```
/// use tensor_core::{Shape, shape::ReshapeInto};
///
/// fn check<A: ReshapeInto<B>, B>() {}
/// check::<Shape<28, 28>, Shape<1, 784>>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::ReshapeInto};
///
/// fn check<A: ReshapeInto<B>, B>() {}
/// check::<Shape<2, 3>, Shape<4, 2>>();
/// ```
pub trait ReshapeInto<To> {}

impl<const R: usize, const C: usize, const R2: usize, const C2: usize> ReshapeInto<Shape<R2, C2>>
    for Shape<R, C>
where
    Const<R>: ToUInt,
    Const<C>: ToUInt,
    Const<R2>: ToUInt,
    Const<C2>: ToUInt,
    U<R>: Mul<U<C>>,
    U<R2>: Mul<U<C2>>,
    Prod<U<R>, U<C>>: IsEqual<Prod<U<R2>, U<C2>>>,
    Eq<Prod<U<R>, U<C>>, Prod<U<R2>, U<C2>>>: SameElementCount<Shape<R, C>, Shape<R2, C2>>,
{
}
