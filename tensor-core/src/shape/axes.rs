//! Axes as types, and shapes as tuples of axes: the vocabulary that [`Array`](crate::Array) is
//! generic over.
//!
//! An axis is [`Const<N>`] (a size known at compile time) or [`One`] (a size-1 axis that
//! broadcasts against any size: what reductions leave behind, so their results combine with
//! the tensor they came from). A shape is a tuple of axes, outermost first: `Tensor<T, R, C>`
//! is `Array<T, (Const<R>, Const<C>)>`, and `m.sum_axis::<1>()` of it is
//! `Array<T, (Const<R>, One)>`.
//!
//! Because `One` is a different type from `Const<N>`, the broadcasting rules never have to
//! ask whether a symbolic `N` is 1, and code generic over every dimension needs no bounds:
//!
//! ```
//! use tensor_core::{Tensor, Vector};
//!
//! fn standardize<const N: usize, const C: usize>(x: &Tensor<f64, N, C>) -> Tensor<f64, N, C> {
//!     (*x - x.mean_axis::<0>()) / x.std_axis::<0>()
//! }
//! let x = Tensor::from([[1.0, 10.0], [3.0, 30.0]]);
//! assert_eq!(standardize(&x), Tensor::from([[-1.0, -1.0], [1.0, 1.0]]));
//! ```

use core::fmt::Debug;
use core::hash::Hash;

/// An axis whose size `N` is known at compile time.
///
/// ```
/// use tensor_core::shape::{Axis, Const};
///
/// assert_eq!(<Const<784> as Axis>::SIZE, 784);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Const<const N: usize>;

/// A size-1 axis that broadcasts: combined with an axis of any size, it takes that size.
///
/// Reductions along an axis leave a `One` in its place (NumPy's `keepdims=True`), so
/// `x - x.mean_axis::<0>()` works in code generic over the shape of `x`.
///
/// ```
/// use tensor_core::shape::{Axis, One};
///
/// assert_eq!(<One as Axis>::SIZE, 1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct One;

/// One axis of a shape: its size.
///
/// Implemented by [`Const<N>`] and [`One`]; sealed.
pub trait Axis:
    Copy + Default + Debug + Eq + Hash + Send + Sync + 'static + sealed::Sealed
{
    /// The size of the axis.
    const SIZE: usize;

    /// Calls `v.visit::<SIZE>()`: hands the size to code that needs it as a const generic
    /// argument (the shape-chosen product kernels), which `Self::SIZE` cannot be on stable Rust.
    #[doc(hidden)]
    fn __visit<V: SizeVisitor>(v: V) -> V::Output;
}

/// What [`Axis::__visit`] calls with the axis size as a const generic argument.
#[doc(hidden)]
pub trait SizeVisitor {
    /// What the visit returns.
    type Output;
    /// Runs with the axis size `N`.
    fn visit<const N: usize>(self) -> Self::Output;
}

impl<const N: usize> Axis for Const<N> {
    const SIZE: usize = N;

    #[inline(always)]
    fn __visit<V: SizeVisitor>(v: V) -> V::Output {
        v.visit::<N>()
    }
}

impl Axis for One {
    const SIZE: usize = 1;

    #[inline(always)]
    fn __visit<V: SizeVisitor>(v: V) -> V::Output {
        v.visit::<1>()
    }
}

/// An axis that is not the broadcasting [`One`]: [`Const<N>`] for every `N`.
pub trait Extent: Axis {}
impl<const N: usize> Extent for Const<N> {}

/// Proof that the axis `Const<N>` does not have size 1, for concrete `N`.
///
/// It lets a literal size-1 axis broadcast in concrete shapes (`Tensor<T, 1, C>` with
/// `Tensor<T, R, C>`, as in NumPy) beside the bound-free same-shape operators: implemented for
/// every dimension in the library's table except 1 (see [`Dim`](super::Dim)). In code generic
/// over `N` it cannot be proved; there, a size-1 axis broadcasts when its type is [`One`], as
/// in the results of reductions and in [`RowVector`](crate::RowVector) and
/// [`ColVector`](crate::ColVector).
#[diagnostic::on_unimplemented(
    message = "cannot tell whether the axis `{Self}` has size 1, so it cannot broadcast against a literal size-1 axis",
    label = "a size-1 axis written as `Const<1>` (e.g. `Tensor<T, 1, C>`) broadcasts only against concrete sizes",
    note = "in code generic over a dimension, give the size-1 operand a broadcasting axis: a `RowVector<T, C>` / `ColVector<T, R>`, \
            or the result of a reduction such as `x.mean_axis::<0>()`"
)]
pub trait NotOne {}

#[cfg(not(feature = "wide-dims"))]
tensor_macros::__not_one_table!();
#[cfg(feature = "wide-dims")]
tensor_macros::__not_one_table!(wide);

/// Two axes of the same size: equal types, or [`One`] and `Const<1>` (a broadcasting size-1
/// axis and a literal one). Behind [`SameDims`].
pub trait SameAxis<B: Axis>: Axis {}
impl<A: Axis> SameAxis<A> for A {}
impl SameAxis<Const<1>> for One {}
impl SameAxis<One> for Const<1> {}

/// Two shapes of the same rank and sizes, whether their size-1 axes broadcast ([`One`]) or
/// not (`Const<1>`): tensors of such shapes compare with `==` (a `RowVector<T, C>` equals the
/// `Tensor<T, 1, C>` with the same elements).
///
/// ```
/// use tensor_core::{Tensor, RowVector};
///
/// let m = Tensor::from([[1, 2], [3, 4]]);
/// let s: RowVector<i32, 2> = m.sum_axis::<0>();
/// assert_eq!(s, Tensor::from([[4, 6]]));
/// ```
pub trait SameDims<Rhs> {}
impl<A0: SameAxis<B0>, B0: Axis> SameDims<(B0,)> for (A0,) {}
impl<A0: SameAxis<B0>, A1: SameAxis<B1>, B0: Axis, B1: Axis> SameDims<(B0, B1)> for (A0, A1) {}
impl<A0: SameAxis<B0>, A1: SameAxis<B1>, A2: SameAxis<B2>, B0: Axis, B1: Axis, B2: Axis>
    SameDims<(B0, B1, B2)> for (A0, A1, A2)
{
}
impl<
    A0: SameAxis<B0>,
    A1: SameAxis<B1>,
    A2: SameAxis<B2>,
    A3: SameAxis<B3>,
    B0: Axis,
    B1: Axis,
    B2: Axis,
    B3: Axis,
> SameDims<(B0, B1, B2, B3)> for (A0, A1, A2, A3)
{
}

/// An axis of size 1: `Const<1>` or [`One`].
pub trait UnitAxis: Axis {}
impl UnitAxis for Const<1> {}
impl UnitAxis for One {}

/// A shape with exactly one element (every axis of size 1): what `item()` needs.
#[diagnostic::on_unimplemented(
    message = "`item()` needs a tensor with exactly one element, not one of shape {Self}",
    label = "every axis must have size 1"
)]
pub trait SingleElement: Dims {}
impl<A0: UnitAxis> SingleElement for (A0,) where (A0,): Dims {}
impl<A0: UnitAxis, A1: UnitAxis> SingleElement for (A0, A1) where (A0, A1): Dims {}
impl<A0: UnitAxis, A1: UnitAxis, A2: UnitAxis> SingleElement for (A0, A1, A2) where
    (A0, A1, A2): Dims
{
}
impl<A0: UnitAxis, A1: UnitAxis, A2: UnitAxis, A3: UnitAxis> SingleElement for (A0, A1, A2, A3) where
    (A0, A1, A2, A3): Dims
{
}

/// A shape: a tuple of [`Axis`] types, outermost first, from rank 1 `(A0,)` to rank 4
/// `(A0, A1, A2, A3)`. Its storage is the nested array `[[T; C]; R]` (for rank 2).
///
/// ```
/// use tensor_core::shape::{Const, Dims, One};
///
/// assert_eq!(<(Const<28>, Const<28>, Const<3>) as Dims>::DIMS, &[28, 28, 3]);
/// assert_eq!(<(Const<4>, One) as Dims>::SIZE, 4);
/// ```
pub trait Dims:
    Copy + Default + Debug + Eq + Hash + Send + Sync + 'static + SameDims<Self> + sealed::Sealed
{
    /// The number of axes.
    const RANK: usize;
    /// The size of each axis, outermost first.
    const DIMS: &'static [usize];
    /// The number of elements.
    const SIZE: usize;
    /// The shape as a tuple of sizes, `(usize, usize)` for rank 2.
    type Tuple: Copy + Debug + PartialEq + Eq + Hash;
    /// The size of each axis as a tuple, like NumPy's `a.shape`.
    const SHAPE: Self::Tuple;
    /// The shape as it is named in error messages: `Shape<2, 3>`, `Shape3<28, 28, 1>`
    /// (a broadcasting [`One`] shows as 1).
    type Name;
    /// The nested array that stores `T`s in this shape: exactly `SIZE` contiguous `T`s in
    /// row-major order, which `Array::as_flat` and the `const` constructors rely on (the trait
    /// is sealed, and every impl is a nested array generated in this module).
    type Storage<T>;
}

/// One `Dims` impl for a tuple of axes: `[generics] (axis types) [sizes]`. Storage is the
/// nested array of those sizes.
macro_rules! dims {
    (@1 [$($g:tt)*] $ty:ty [$n0:expr]) => {
        impl<$($g)*> Dims for $ty {
            const RANK: usize = 1;
            const DIMS: &'static [usize] = &[$n0];
            const SIZE: usize = $n0;
            type Tuple = (usize,);
            type Name = super::Shape1<{$n0}>;
            const SHAPE: (usize,) = ($n0,);
            type Storage<T> = [T; $n0];
        }
    };
    (@2 [$($g:tt)*] $ty:ty [$n0:expr, $n1:expr]) => {
        impl<$($g)*> Dims for $ty {
            const RANK: usize = 2;
            const DIMS: &'static [usize] = &[$n0, $n1];
            const SIZE: usize = $n0 * $n1;
            type Tuple = (usize, usize);
            type Name = super::Shape<{$n0}, {$n1}>;
            const SHAPE: (usize, usize) = ($n0, $n1);
            type Storage<T> = [[T; $n1]; $n0];
        }
    };
    (@3 [$($g:tt)*] $ty:ty [$n0:expr, $n1:expr, $n2:expr]) => {
        impl<$($g)*> Dims for $ty {
            const RANK: usize = 3;
            const DIMS: &'static [usize] = &[$n0, $n1, $n2];
            const SIZE: usize = $n0 * $n1 * $n2;
            type Tuple = (usize, usize, usize);
            type Name = super::Shape3<{$n0}, {$n1}, {$n2}>;
            const SHAPE: (usize, usize, usize) = ($n0, $n1, $n2);
            type Storage<T> = [[[T; $n2]; $n1]; $n0];
        }
    };
    (@4 [$($g:tt)*] $ty:ty [$n0:expr, $n1:expr, $n2:expr, $n3:expr]) => {
        impl<$($g)*> Dims for $ty {
            const RANK: usize = 4;
            const DIMS: &'static [usize] = &[$n0, $n1, $n2, $n3];
            const SIZE: usize = $n0 * $n1 * $n2 * $n3;
            type Tuple = (usize, usize, usize, usize);
            type Name = super::Shape4<{$n0}, {$n1}, {$n2}, {$n3}>;
            const SHAPE: (usize, usize, usize, usize) = ($n0, $n1, $n2, $n3);
            type Storage<T> = [[[[T; $n3]; $n2]; $n1]; $n0];
        }
    };
}

dims!(@1 [const N: usize] (Const<N>,) [N]);
dims!(@1 [] (One,) [1]);
dims!(@2 [const R: usize, const C: usize] (Const<R>, Const<C>) [R, C]);
dims!(@2 [const R: usize] (Const<R>, One) [R, 1]);
dims!(@2 [const C: usize] (One, Const<C>) [1, C]);
dims!(@2 [] (One, One) [1, 1]);
dims!(@3 [const D0: usize, const D1: usize, const D2: usize] (Const<D0>, Const<D1>, Const<D2>) [D0, D1, D2]);
dims!(@3 [const D0: usize, const D1: usize] (Const<D0>, Const<D1>, One) [D0, D1, 1]);
dims!(@3 [const D0: usize, const D2: usize] (Const<D0>, One, Const<D2>) [D0, 1, D2]);
dims!(@3 [const D0: usize] (Const<D0>, One, One) [D0, 1, 1]);
dims!(@3 [const D1: usize, const D2: usize] (One, Const<D1>, Const<D2>) [1, D1, D2]);
dims!(@3 [const D1: usize] (One, Const<D1>, One) [1, D1, 1]);
dims!(@3 [const D2: usize] (One, One, Const<D2>) [1, 1, D2]);
dims!(@3 [] (One, One, One) [1, 1, 1]);
dims!(@4 [const D0: usize, const D1: usize, const D2: usize, const D3: usize] (Const<D0>, Const<D1>, Const<D2>, Const<D3>) [D0, D1, D2, D3]);
dims!(@4 [const D0: usize, const D1: usize, const D2: usize] (Const<D0>, Const<D1>, Const<D2>, One) [D0, D1, D2, 1]);
dims!(@4 [const D0: usize, const D1: usize, const D3: usize] (Const<D0>, Const<D1>, One, Const<D3>) [D0, D1, 1, D3]);
dims!(@4 [const D0: usize, const D1: usize] (Const<D0>, Const<D1>, One, One) [D0, D1, 1, 1]);
dims!(@4 [const D0: usize, const D2: usize, const D3: usize] (Const<D0>, One, Const<D2>, Const<D3>) [D0, 1, D2, D3]);
dims!(@4 [const D0: usize, const D2: usize] (Const<D0>, One, Const<D2>, One) [D0, 1, D2, 1]);
dims!(@4 [const D0: usize, const D3: usize] (Const<D0>, One, One, Const<D3>) [D0, 1, 1, D3]);
dims!(@4 [const D0: usize] (Const<D0>, One, One, One) [D0, 1, 1, 1]);
dims!(@4 [const D1: usize, const D2: usize, const D3: usize] (One, Const<D1>, Const<D2>, Const<D3>) [1, D1, D2, D3]);
dims!(@4 [const D1: usize, const D2: usize] (One, Const<D1>, Const<D2>, One) [1, D1, D2, 1]);
dims!(@4 [const D1: usize, const D3: usize] (One, Const<D1>, One, Const<D3>) [1, D1, 1, D3]);
dims!(@4 [const D1: usize] (One, Const<D1>, One, One) [1, D1, 1, 1]);
dims!(@4 [const D2: usize, const D3: usize] (One, One, Const<D2>, Const<D3>) [1, 1, D2, D3]);
dims!(@4 [const D2: usize] (One, One, Const<D2>, One) [1, 1, D2, 1]);
dims!(@4 [const D3: usize] (One, One, One, Const<D3>) [1, 1, 1, D3]);
dims!(@4 [] (One, One, One, One) [1, 1, 1, 1]);

mod sealed {
    pub trait Sealed {}
    impl<const N: usize> Sealed for super::Const<N> {}
    impl Sealed for super::One {}
    impl<A0> Sealed for (A0,) {}
    impl<A0, A1> Sealed for (A0, A1) {}
    impl<A0, A1, A2> Sealed for (A0, A1, A2) {}
    impl<A0, A1, A2, A3> Sealed for (A0, A1, A2, A3) {}
}
