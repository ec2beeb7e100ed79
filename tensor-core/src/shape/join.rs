//! The shape rules of joining tensors and splitting them: [`ConcatInto`] (`concat` along an
//! existing axis), [`StackInto`] (`stack` along a new axis) and [`SplitInto`] (`split` into
//! equal parts).
//!
//! Both are proved at type-check time with typenum arithmetic on the dimensions (through the
//! table of [`Dim`](super::Dim)); a mismatch is reported by the marker traits
//! [`Concatenable`] and [`Stackable`], whose messages name the shapes in plain numbers:
//!
//! ```text
//! error[E0277]: cannot concatenate tensors of shapes Shape<2, 3> and Shape<2, 4> along axis 0 into shape Shape<4, 3>
//! ```

use core::ops::{Add, Mul};

use typenum::{Eq, IsEqual, Prod, Sum, True};

use super::reshape::AxisCount;
use super::{Axis, Dim, Dims, ToUInt, U};

/// Reports a failed [`ConcatInto`] check: implemented for `True` and for tuples (one pair of
/// bits per axis, see [`AxisJoin`]) whose every element implements it.
#[diagnostic::on_unimplemented(
    message = "cannot concatenate tensors of shapes {L} and {R} along axis {A} into shape {Out}",
    label = "concatenating {L} and {R} along axis {A} does not give {Out}",
    note = "along the axis the sizes add up (NumPy's `np.concatenate((l, r), axis=A)`); every other axis must be equal in all three shapes"
)]
pub trait Concatenable<L, R, Out, const A: usize> {}
impl<L, R, Out, const A: usize> Concatenable<L, R, Out, A> for True {}
impl<L, R, Out, const A: usize, X0> Concatenable<L, R, Out, A> for (X0,) where
    X0: Concatenable<L, R, Out, A>
{
}
impl<L, R, Out, const A: usize, X0, X1> Concatenable<L, R, Out, A> for (X0, X1)
where
    X0: Concatenable<L, R, Out, A>,
    X1: Concatenable<L, R, Out, A>,
{
}
impl<L, R, Out, const A: usize, X0, X1, X2> Concatenable<L, R, Out, A> for (X0, X1, X2)
where
    X0: Concatenable<L, R, Out, A>,
    X1: Concatenable<L, R, Out, A>,
    X2: Concatenable<L, R, Out, A>,
{
}
impl<L, R, Out, const A: usize, X0, X1, X2, X3> Concatenable<L, R, Out, A> for (X0, X1, X2, X3)
where
    X0: Concatenable<L, R, Out, A>,
    X1: Concatenable<L, R, Out, A>,
    X2: Concatenable<L, R, Out, A>,
    X3: Concatenable<L, R, Out, A>,
{
}

/// Reports a failed [`StackInto`] check: implemented for `True` and for tuples (one bit per
/// axis of the result) whose every element implements it.
#[diagnostic::on_unimplemented(
    message = "cannot stack {N} tensors of shape {S} along a new axis {A} into shape {Out}",
    label = "stacking {N} tensors of shape {S} along a new axis {A} does not give {Out}",
    note = "the result is the parts' shape with a new axis of size N (the number of parts) inserted at position A (NumPy's `np.stack(parts, axis=A)`)"
)]
pub trait Stackable<S, Out, const N: usize, const A: usize> {}
impl<S, Out, const N: usize, const A: usize> Stackable<S, Out, N, A> for True {}
impl<S, Out, const N: usize, const A: usize, X0, X1> Stackable<S, Out, N, A> for (X0, X1)
where
    X0: Stackable<S, Out, N, A>,
    X1: Stackable<S, Out, N, A>,
{
}
impl<S, Out, const N: usize, const A: usize, X0, X1, X2> Stackable<S, Out, N, A> for (X0, X1, X2)
where
    X0: Stackable<S, Out, N, A>,
    X1: Stackable<S, Out, N, A>,
    X2: Stackable<S, Out, N, A>,
{
}
impl<S, Out, const N: usize, const A: usize, X0, X1, X2, X3> Stackable<S, Out, N, A>
    for (X0, X1, X2, X3)
where
    X0: Stackable<S, Out, N, A>,
    X1: Stackable<S, Out, N, A>,
    X2: Stackable<S, Out, N, A>,
    X3: Stackable<S, Out, N, A>,
{
}

/// Reports a failed [`SplitInto`] check: implemented for `True` and for tuples (one bit per
/// axis) whose every element implements it.
#[diagnostic::on_unimplemented(
    message = "cannot split a tensor of shape {S} along axis {A} into {N} parts of shape {P}",
    label = "splitting {S} along axis {A} into {N} equal parts does not give parts of shape {P}",
    note = "the parts divide the axis equally (NumPy's `np.split(a, N, axis=A)`): its size is N times the part's, and every other axis is the same"
)]
pub trait Splittable<S, P, const N: usize, const A: usize> {}
impl<S, P, const N: usize, const A: usize> Splittable<S, P, N, A> for True {}
impl<S, P, const N: usize, const A: usize, X0> Splittable<S, P, N, A> for (X0,) where
    X0: Splittable<S, P, N, A>
{
}
impl<S, P, const N: usize, const A: usize, X0, X1> Splittable<S, P, N, A> for (X0, X1)
where
    X0: Splittable<S, P, N, A>,
    X1: Splittable<S, P, N, A>,
{
}
impl<S, P, const N: usize, const A: usize, X0, X1, X2> Splittable<S, P, N, A> for (X0, X1, X2)
where
    X0: Splittable<S, P, N, A>,
    X1: Splittable<S, P, N, A>,
    X2: Splittable<S, P, N, A>,
{
}
impl<S, P, const N: usize, const A: usize, X0, X1, X2, X3> Splittable<S, P, N, A>
    for (X0, X1, X2, X3)
where
    X0: Splittable<S, P, N, A>,
    X1: Splittable<S, P, N, A>,
    X2: Splittable<S, P, N, A>,
    X3: Splittable<S, P, N, A>,
{
}

/// The check of one axis in a split of `Self` into `N` parts of `P`, as a typenum bit: along
/// the divided axis (`DIV = true`) `Self == N * P`, elsewhere `Self == P`.
pub trait AxisSplit<P, const N: usize, const DIV: bool> {
    /// `True` when the axis fits.
    type Ok;
}

impl<A: AxisCount, P: AxisCount, const N: usize> AxisSplit<P, N, true> for A
where
    Dim<N>: ToUInt,
    P::Count: Mul<U<N>>,
    A::Count: IsEqual<Prod<P::Count, U<N>>>,
{
    type Ok = Eq<A::Count, Prod<P::Count, U<N>>>;
}

impl<A: AxisCount, P: AxisCount, const N: usize> AxisSplit<P, N, false> for A
where
    A::Count: IsEqual<P::Count>,
{
    type Ok = Eq<A::Count, P::Count>;
}

/// The check of one axis in a concatenation, `Self` and `B` into `C`, as a pair of typenum
/// bits (sizes as typenum numbers, 1 for [`One`](super::One)): along the joined axis
/// (`JOIN = true`) `Self + B == C`, elsewhere `Self == C` and `B == C`. Every bit involves the
/// result `C`, so that a check never fails before the result type is inferred (the error then
/// names all three shapes).
pub trait AxisJoin<B, C, const JOIN: bool> {
    /// `(True, True)` when the axis fits.
    type Ok;
}

impl<A: AxisCount, B: AxisCount, C: AxisCount> AxisJoin<B, C, true> for A
where
    A::Count: Add<B::Count>,
    Sum<A::Count, B::Count>: IsEqual<C::Count>,
{
    type Ok = (Eq<Sum<A::Count, B::Count>, C::Count>, True);
}

impl<A: AxisCount, B: AxisCount, C: AxisCount> AxisJoin<B, C, false> for A
where
    A::Count: IsEqual<C::Count>,
    B::Count: IsEqual<C::Count>,
{
    type Ok = (Eq<A::Count, C::Count>, Eq<B::Count, C::Count>);
}

/// The typenum bit of `Self`'s size equal to `B`'s (sizes as typenum numbers).
pub trait AxisEq<B> {
    /// `True` when the sizes are equal.
    type Ok;
}

impl<A: AxisCount, B: AxisCount> AxisEq<B> for A
where
    A::Count: IsEqual<B::Count>,
{
    type Ok = Eq<A::Count, B::Count>;
}

/// The typenum bit of `Self`'s size equal to `N`.
pub trait AxisIs<const N: usize> {
    /// `True` when the size is `N`.
    type Ok;
}

impl<A: AxisCount, const N: usize> AxisIs<N> for A
where
    Dim<N>: ToUInt,
    A::Count: IsEqual<U<N>>,
{
    type Ok = Eq<A::Count, U<N>>;
}

/// `Self` and `R` concatenated along axis `A` give the shape `Out`: their sizes along `A` add
/// up to `Out`'s, and every other axis is the same in all three. Behind
/// [`Array::concat`](crate::Array::concat), `vstack` and `hstack`; ranks 1 to 4, every axis.
///
/// ```
/// use tensor_core::shape::{ConcatInto, Const, One};
///
/// fn check<L: ConcatInto<R, Out, A>, R, Out, const A: usize>() {}
/// check::<(Const<2>, Const<3>), (Const<1>, Const<3>), (Const<3>, Const<3>), 0>();
/// check::<(Const<2>, Const<3>), (Const<2>, Const<4>), (Const<2>, Const<7>), 1>();
/// check::<(One, Const<3>), (One, Const<3>), (Const<2>, Const<3>), 0>();
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::shape::{ConcatInto, Const};
///
/// fn check<L: ConcatInto<R, Out, A>, R, Out, const A: usize>() {}
/// check::<(Const<2>, Const<3>), (Const<2>, Const<4>), (Const<4>, Const<3>), 0>();
/// ```
pub trait ConcatInto<R, Out, const A: usize>: Dims {}

/// `Self` stacked `N` times along a new axis `A` gives the shape `Out`: `Out` is `Self` with
/// an axis of size `N` inserted at `A`. Behind [`Array::stack`](crate::Array::stack); parts
/// of ranks 1 to 3, every position of the new axis.
///
/// ```
/// use tensor_core::shape::{Const, StackInto};
///
/// fn check<S: StackInto<Out, N, A>, Out, const N: usize, const A: usize>() {}
/// check::<(Const<2>, Const<3>), (Const<4>, Const<2>, Const<3>), 4, 0>();
/// check::<(Const<2>, Const<3>), (Const<2>, Const<3>, Const<4>), 4, 2>();
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::shape::{Const, StackInto};
///
/// fn check<S: StackInto<Out, N, A>, Out, const N: usize, const A: usize>() {}
/// check::<(Const<2>, Const<3>), (Const<2>, Const<3>, Const<3>), 2, 1>(); // axis 1 is not 2
/// ```
pub trait StackInto<Out, const N: usize, const A: usize>: Dims {}

/// One [`ConcatInto`] impl: the axis index, then per axis `left right out` and whether it is
/// the axis joined along.
macro_rules! concat_into {
    ($a:literal; $($l:ident $r:ident $o:ident $join:literal),+) => {
        impl<$($l: Axis, $r: Axis, $o: Axis),+> ConcatInto<($($r,)+), ($($o,)+), $a> for ($($l,)+)
        where
            ($($l,)+): Dims,
            ($($r,)+): Dims,
            ($($o,)+): Dims,
            $($l: AxisJoin<$r, $o, $join>,)+
            ($(<$l as AxisJoin<$r, $o, $join>>::Ok,)+): Concatenable<
                <($($l,)+) as Dims>::Name,
                <($($r,)+) as Dims>::Name,
                <($($o,)+) as Dims>::Name,
                $a,
            >,
        {
        }
    };
}

concat_into!(0; L0 R0 O0 true);
concat_into!(0; L0 R0 O0 true, L1 R1 O1 false);
concat_into!(1; L0 R0 O0 false, L1 R1 O1 true);
concat_into!(0; L0 R0 O0 true, L1 R1 O1 false, L2 R2 O2 false);
concat_into!(1; L0 R0 O0 false, L1 R1 O1 true, L2 R2 O2 false);
concat_into!(2; L0 R0 O0 false, L1 R1 O1 false, L2 R2 O2 true);
concat_into!(0; L0 R0 O0 true, L1 R1 O1 false, L2 R2 O2 false, L3 R3 O3 false);
concat_into!(1; L0 R0 O0 false, L1 R1 O1 true, L2 R2 O2 false, L3 R3 O3 false);
concat_into!(2; L0 R0 O0 false, L1 R1 O1 false, L2 R2 O2 true, L3 R3 O3 false);
concat_into!(3; L0 R0 O0 false, L1 R1 O1 false, L2 R2 O2 false, L3 R3 O3 true);

/// One [`StackInto`] impl: the position of the new axis, the parts' axes, the result's axes,
/// and the result's axes in the order `new, kept...` paired with the parts' axes.
macro_rules! stack_into {
    ($a:literal; [$($s:ident),+] [$($o:ident),+] $new:ident; $($ko:ident $ks:ident),+) => {
        impl<const N: usize, $($s: Axis,)+ $($o: Axis),+> StackInto<($($o,)+), N, $a> for ($($s,)+)
        where
            ($($s,)+): Dims,
            ($($o,)+): Dims,
            $new: AxisIs<N>,
            $($ko: AxisEq<$ks>,)+
            (<$new as AxisIs<N>>::Ok, $(<$ko as AxisEq<$ks>>::Ok,)+): Stackable<
                <($($s,)+) as Dims>::Name,
                <($($o,)+) as Dims>::Name,
                N,
                $a,
            >,
        {
        }
    };
}

stack_into!(0; [S0] [O0, O1] O0; O1 S0);
stack_into!(1; [S0] [O0, O1] O1; O0 S0);
stack_into!(0; [S0, S1] [O0, O1, O2] O0; O1 S0, O2 S1);
stack_into!(1; [S0, S1] [O0, O1, O2] O1; O0 S0, O2 S1);
stack_into!(2; [S0, S1] [O0, O1, O2] O2; O0 S0, O1 S1);
stack_into!(0; [S0, S1, S2] [O0, O1, O2, O3] O0; O1 S0, O2 S1, O3 S2);
stack_into!(1; [S0, S1, S2] [O0, O1, O2, O3] O1; O0 S0, O2 S1, O3 S2);
stack_into!(2; [S0, S1, S2] [O0, O1, O2, O3] O2; O0 S0, O1 S1, O3 S2);
stack_into!(3; [S0, S1, S2] [O0, O1, O2, O3] O3; O0 S0, O1 S1, O2 S2);

/// `Self` split along axis `A` into `N` equal parts gives parts of shape `P`: `Self`'s size
/// along `A` is `N` times `P`'s, every other axis is equal. Behind
/// [`Array::split`](crate::Array::split), `vsplit` and `hsplit`; ranks 1 to 4, every axis.
///
/// ```
/// use tensor_core::shape::{Const, SplitInto};
///
/// fn check<S: SplitInto<P, N, A>, P, const N: usize, const A: usize>() {}
/// check::<(Const<6>, Const<3>), (Const<2>, Const<3>), 3, 0>();
/// check::<(Const<2>, Const<8>), (Const<2>, Const<4>), 2, 1>();
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::shape::{Const, SplitInto};
///
/// fn check<S: SplitInto<P, N, A>, P, const N: usize, const A: usize>() {}
/// check::<(Const<5>, Const<3>), (Const<2>, Const<3>), 2, 0>(); // 5 rows are not 2 x 2
/// ```
pub trait SplitInto<P, const N: usize, const A: usize>: Dims {}

/// One [`SplitInto`] impl: the axis index, then per axis `source part` and whether it is the
/// axis divided.
macro_rules! split_into {
    ($a:literal; $($s:ident $p:ident $div:literal),+) => {
        impl<const N: usize, $($s: Axis, $p: Axis),+> SplitInto<($($p,)+), N, $a> for ($($s,)+)
        where
            ($($s,)+): Dims,
            ($($p,)+): Dims,
            $($s: AxisSplit<$p, N, $div>,)+
            ($(<$s as AxisSplit<$p, N, $div>>::Ok,)+): Splittable<
                <($($s,)+) as Dims>::Name,
                <($($p,)+) as Dims>::Name,
                N,
                $a,
            >,
        {
        }
    };
}

split_into!(0; S0 P0 true);
split_into!(0; S0 P0 true, S1 P1 false);
split_into!(1; S0 P0 false, S1 P1 true);
split_into!(0; S0 P0 true, S1 P1 false, S2 P2 false);
split_into!(1; S0 P0 false, S1 P1 true, S2 P2 false);
split_into!(2; S0 P0 false, S1 P1 false, S2 P2 true);
split_into!(0; S0 P0 true, S1 P1 false, S2 P2 false, S3 P3 false);
split_into!(1; S0 P0 false, S1 P1 true, S2 P2 false, S3 P3 false);
split_into!(2; S0 P0 false, S1 P1 false, S2 P2 true, S3 P3 false);
split_into!(3; S0 P0 false, S1 P1 false, S2 P2 false, S3 P3 true);
