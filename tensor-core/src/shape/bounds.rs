//! Compile-time bounds checks for static indices and slices.

use core::ops::Add;

use typenum::{IsLess, IsLessOrEqual, Le, LeEq, Sum};

use super::{
    ColIndexInBounds, ColRangeInBounds, Dim, RowIndexInBounds, RowRangeInBounds, Shape, ToUInt, U,
};

/// Row `I` exists in `Self`: `I < R`. Required by `Tensor::row::<I>`.
///
/// ```
/// use tensor_core::{Shape, shape::RowInBounds};
///
/// fn check<S: RowInBounds<I>, const I: usize>() {}
/// check::<Shape<3, 3>, 2>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::RowInBounds};
///
/// fn check<S: RowInBounds<I>, const I: usize>() {}
/// check::<Shape<3, 3>, 3>();
/// ```
pub trait RowInBounds<const I: usize> {}

impl<const I: usize, const R: usize, const C: usize> RowInBounds<I> for Shape<R, C>
where
    Dim<I>: ToUInt,
    Dim<R>: ToUInt,
    U<I>: IsLess<U<R>>,
    Le<U<I>, U<R>>: RowIndexInBounds<I, R>,
{
}

/// Column `J` exists in `Self`: `J < C`. Required by `Tensor::col::<J>`.
///
/// ```
/// use tensor_core::{Shape, shape::ColInBounds};
///
/// fn check<S: ColInBounds<J>, const J: usize>() {}
/// check::<Shape<3, 4>, 3>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::ColInBounds};
///
/// fn check<S: ColInBounds<J>, const J: usize>() {}
/// check::<Shape<3, 4>, 4>();
/// ```
pub trait ColInBounds<const J: usize> {}

impl<const J: usize, const R: usize, const C: usize> ColInBounds<J> for Shape<R, C>
where
    Dim<J>: ToUInt,
    Dim<C>: ToUInt,
    U<J>: IsLess<U<C>>,
    Le<U<J>, U<C>>: ColIndexInBounds<J, C>,
{
}

/// The block of `NR x NC` elements at row `R0`, column `C0` lies within `Self`:
/// `R0 + NR <= R` and `C0 + NC <= C`. Required by `Tensor::slice`.
///
/// ```
/// use tensor_core::{Shape, shape::BlockInBounds};
///
/// fn check<S: BlockInBounds<R0, C0, NR, NC>, const R0: usize, const C0: usize, const NR: usize, const NC: usize>() {}
/// check::<Shape<4, 4>, 0, 0, 2, 4>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::BlockInBounds};
///
/// fn check<S: BlockInBounds<R0, C0, NR, NC>, const R0: usize, const C0: usize, const NR: usize, const NC: usize>() {}
/// check::<Shape<4, 4>, 3, 0, 2, 4>();
/// ```
pub trait BlockInBounds<const R0: usize, const C0: usize, const NR: usize, const NC: usize> {}

impl<
    const R0: usize,
    const C0: usize,
    const NR: usize,
    const NC: usize,
    const R: usize,
    const C: usize,
> BlockInBounds<R0, C0, NR, NC> for Shape<R, C>
where
    Dim<R0>: ToUInt,
    Dim<NR>: ToUInt,
    Dim<R>: ToUInt,
    Dim<C0>: ToUInt,
    Dim<NC>: ToUInt,
    Dim<C>: ToUInt,
    U<R0>: Add<U<NR>>,
    U<C0>: Add<U<NC>>,
    Sum<U<R0>, U<NR>>: IsLessOrEqual<U<R>>,
    Sum<U<C0>, U<NC>>: IsLessOrEqual<U<C>>,
    LeEq<Sum<U<R0>, U<NR>>, U<R>>: RowRangeInBounds<R0, NR, R>,
    LeEq<Sum<U<C0>, U<NC>>, U<C>>: ColRangeInBounds<C0, NC, C>,
{
}
