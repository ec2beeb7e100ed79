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

use super::{Axis, BroadcastWith, Const, Dims, InnerDimsMatch, One, ReduceAxis, SizeVisitor};
use crate::{Array, DynArray, Element};

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
    message = "axis {A} does not exist for a `DynArray` whose rows have shape `{Self}`",
    label = "axis 0 is the run-time rows, axes 1 up to the rank of a row are the row's axes",
    note = "a `DynTensor<T, C>` of shape (n, C) has axes 0 and 1"
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

/// `RowsAxis<A>` for `A >= 1` as the row shape's `ReduceAxis<A - 1>`, one impl per row rank
/// (so an axis beyond the rank finds no impl and reports `RowsAxis`'s own message).
macro_rules! rows_axis {
    ($(($($ax:ident),+) $a:literal => $inner:literal;)+) => {$(
        impl<$($ax: Axis),+> RowsAxis<$a> for ($($ax,)+)
        where
            ($($ax,)+): ReduceAxis<$inner>,
        {
            type Kept = <($($ax,)+) as ReduceAxis<$inner>>::Kept;
            type Out<T: Copy> = DynArray<T, Self::Kept>;

            fn lanes(rows: usize) -> (usize, usize, usize) {
                let (outer, len, inner) = <($($ax,)+) as ReduceAxis<$inner>>::LANES;
                (rows * outer, len, inner)
            }

            fn collect<T: Copy>(rows: usize, flat: Vec<T>) -> DynArray<T, Self::Kept> {
                DynArray::from_parts(rows, flat)
            }
        }
    )+};
}

rows_axis! {
    (A0) 1 => 0;
    (A0, A1) 1 => 0;
    (A0, A1) 2 => 1;
    (A0, A1, A2) 1 => 0;
    (A0, A1, A2) 2 => 1;
    (A0, A1, A2) 3 => 2;
}

/// The run-time number of rows as error messages name it: `DynShape<n, 784>`.
#[allow(non_camel_case_types)]
pub enum n {}

/// A `DynTensor<T, C>` as error messages name it: `DynShape<n, C>`, the rows a run-time `n`.
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

/// A valid right operand of `DynTensor<T, K>::matmul`: a `Tensor<T, K, C>` (or a column
/// `ColVector<T, K>`), whose product with the `(n, K)` left operand is
/// [`Output`](Self::Output) `= DynTensor<T, C>`. Sealed. A right operand whose row count is not
/// `K` fails with the message of [`InnerDimsMatch`](super::InnerDimsMatch), the rows named `n`:
///
/// ```text
/// error[E0277]: cannot multiply `DynShape<n, 784>` by `Shape<785, 10>`: inner dimensions 784 and 785 differ
/// ```
pub trait RowsMatMulRhs<T, const K: usize>: super::matmul::sealed::Sealed {
    /// The product's type, `DynTensor<T, C>` for a right operand `Tensor<T, K, C>`.
    type Output;

    /// `lhs @ self`.
    #[doc(hidden)]
    fn __matmul(&self, lhs: &DynArray<T, (Const<K>,)>) -> Self::Output;
}

impl<T: Element, const K: usize, const K2: usize, B1: Axis> RowsMatMulRhs<T, K>
    for Array<T, (Const<K2>, B1)>
where
    (Const<K2>, B1): Dims,
    (B1,): Dims,
    (): InnerDimsMatch<DynShape<n, K>, <(Const<K2>, B1) as Dims>::Name, K, K2>,
{
    type Output = DynArray<T, (B1,)>;

    #[inline]
    fn __matmul(&self, lhs: &DynArray<T, (Const<K>,)>) -> DynArray<T, (B1,)> {
        rows_matmul::<T, K, B1>(lhs.nrows(), lhs.as_flat(), self.as_flat())
    }
}

/// The product of `rows` rows of `K` elements (`a`, row-major) with the `K x B1` matrix `b`:
/// the body of every product of a run-time batch with a static matrix.
#[inline]
pub(crate) fn rows_matmul<T: Element, const K: usize, B1: Axis>(
    rows: usize,
    a: &[T],
    b: &[T],
) -> DynArray<T, (B1,)>
where
    (B1,): Dims,
{
    let mut out = DynArray::<T, (B1,)>::zeros(rows);
    B1::__visit(RowsProduct::<T, K> {
        rows,
        a,
        b,
        out: out.as_flat_mut(),
    });
    out
}

/// The operands of `DynTensor::matmul` on their way to
/// [`kernels::matmul::matmul_rows`](crate::kernels::matmul::matmul_rows), visited with the
/// column count `C`.
struct RowsProduct<'a, T, const K: usize> {
    rows: usize,
    a: &'a [T],
    b: &'a [T],
    out: &'a mut [T],
}

impl<T: Element, const K: usize> SizeVisitor for RowsProduct<'_, T, K> {
    type Output = ();

    #[inline(always)]
    fn visit<const C: usize>(self) {
        crate::kernels::matmul::matmul_rows::<T, K, C>(self.rows, self.a, self.b, self.out);
    }
}
