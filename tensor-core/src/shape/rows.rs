//! The shape vocabulary of [`DynArray`](crate::DynArray): a run-time number of rows, each an
//! array of a static shape `S`.
//!
//! `DynArray<T, S>` has the shape `(n, S...)`: `n` is a value, `S` is a shape type as for
//! [`Array`](crate::Array). The traits here relate the two: [`Prepend`] builds the static shape
//! `(A, S...)` a group of rows has (a mini-batch `(Const<32>, S...)`, a per-feature statistic
//! `(One, S...)`), and [`RowsAxis`] says what a reduction along each axis of `(n, S...)`
//! leaves.

use alloc::vec::Vec;
use core::marker::PhantomData;

use super::{Axis, BroadcastWith, Const, Dims, One, ReduceAxis};
use crate::{Array, DynArray};

/// `(A, S...)`: the shape `S` with the axis `A` in front, for shapes of rank 1 to 3.
#[doc(hidden)]
pub trait Prepend<A: Axis>: Dims {
    /// The shape `(A, S...)`.
    type Output: Dims;
    /// The tuple of sizes of `(n, S...)`, NumPy's `a.shape`.
    type Sizes: Copy + core::fmt::Debug + PartialEq + Eq + core::hash::Hash;
    /// The sizes of `(n, S...)` for a leading size `n`.
    fn with_leading(n: usize) -> Self::Sizes;
}

impl<A: Axis, A0: Axis> Prepend<A> for (A0,)
where
    (A0,): Dims,
    (A, A0): Dims,
{
    type Output = (A, A0);
    type Sizes = (usize, usize);

    fn with_leading(n: usize) -> (usize, usize) {
        (n, A0::SIZE)
    }
}

impl<A: Axis, A0: Axis, A1: Axis> Prepend<A> for (A0, A1)
where
    (A0, A1): Dims,
    (A, A0, A1): Dims,
{
    type Output = (A, A0, A1);
    type Sizes = (usize, usize, usize);

    fn with_leading(n: usize) -> (usize, usize, usize) {
        (n, A0::SIZE, A1::SIZE)
    }
}

impl<A: Axis, A0: Axis, A1: Axis, A2: Axis> Prepend<A> for (A0, A1, A2)
where
    (A0, A1, A2): Dims,
    (A, A0, A1, A2): Dims,
{
    type Output = (A, A0, A1, A2);
    type Sizes = (usize, usize, usize, usize);

    fn with_leading(n: usize) -> (usize, usize, usize, usize) {
        (n, A0::SIZE, A1::SIZE, A2::SIZE)
    }
}

/// Which shape a reduction along axis `A` of `(n, Self...)` leaves, and where its lanes lie.
///
/// Along axis 0, the rows, the result is static: `(One, Self...)` (one value per feature,
/// which broadcasts back over the rows). Along any other axis it keeps the `n` rows:
/// `(n, Self with that axis as One)`.
#[diagnostic::on_unimplemented(
    message = "a tensor of shape (n, {Self}) has no axis {A}",
    label = "axis 0 is the run-time rows; axes 1.. are the axes of each row"
)]
#[doc(hidden)]
pub trait RowsAxis<const A: usize>: Dims {
    /// The shape of the result: an `Array` shape `(One, Self...)` (axis 0) or the row shape
    /// of a `DynArray` (every other axis).
    type Kept: Dims;
    /// The result for elements of type `T`: `Array<T, Kept>` or `DynArray<T, Kept>`.
    type Out<T: Copy>;
    /// The lanes `(outer, len, inner)` of the reduction over `rows` rows, as in
    /// [`ReduceAxis::LANES`].
    fn lanes(rows: usize) -> (usize, usize, usize);
    /// The result from its row-major elements (`outer * inner` of [`lanes`](Self::lanes)).
    fn collect<T: Copy>(rows: usize, flat: Vec<T>) -> Self::Out<T>;
}

impl<S: Prepend<One>> RowsAxis<0> for S {
    type Kept = S::Output;
    type Out<T: Copy> = Array<T, S::Output>;

    fn lanes(rows: usize) -> (usize, usize, usize) {
        (1, rows, S::SIZE)
    }

    fn collect<T: Copy>(_: usize, flat: Vec<T>) -> Array<T, S::Output> {
        Array::copied_from(&flat)
    }
}

/// `RowsAxis<A>` for `A >= 1` as the row shape's `ReduceAxis<A - 1>`.
macro_rules! rows_axis {
    ($($a:literal => $inner:literal),+) => {$(
        impl<S: ReduceAxis<$inner>> RowsAxis<$a> for S {
            type Kept = S::Kept;
            type Out<T: Copy> = DynArray<T, S::Kept>;

            fn lanes(rows: usize) -> (usize, usize, usize) {
                let (outer, len, inner) = S::LANES;
                (rows * outer, len, inner)
            }

            fn collect<T: Copy>(rows: usize, flat: Vec<T>) -> DynArray<T, S::Kept> {
                DynArray::from_parts(rows, flat)
            }
        }
    )+};
}

rows_axis!(1 => 0, 2 => 1, 3 => 2);

/// The run-time number of rows as error messages name it: `DynShape<n, 784>`.
#[allow(non_camel_case_types)]
#[doc(hidden)]
pub enum n {}

/// A `DynTensor<T, C>` as error messages name it: `DynShape<n, C>`, the rows a run-time `n`.
#[doc(hidden)]
pub struct DynShape<N, const C: usize>(PhantomData<N>);

/// A static operand of shape `S2` that broadcasts over the rows of `(n, Self...)` without
/// changing its shape: NumPy's rule against a size-1 leading axis, so `S2` has at most the
/// rank of `(n, Self...)`, a leading size of 1 if it has that rank, and on every other axis
/// the size of `Self`'s or 1 (a bias `(1, C)` or `(C,)`, a per-channel `(1, 1, 1, C)`).
#[doc(hidden)]
pub trait RowsBroadcast<S2: Dims>: Prepend<Const<1>> {}

impl<S, S2> RowsBroadcast<S2> for S
where
    S: Prepend<Const<1>>,
    S2: Dims,
    S::Output: BroadcastWith<S2, Output = S::Output>,
{
}
