//! Axis selectors: what `Tensor::select` takes from each axis, with compile-time bounds.
//!
//! Each selector is a zero-sized type implementing [`AxisSelect<AXIS, N, LEN>`]: "on axis
//! `AXIS` (0 = rows, 1 = columns) of size `N`, select `LEN` consecutive elements from
//! [`START`](AxisSelect::START)". The `tensor!` DSL turns Python-style indices into them:
//!
//! | DSL (per axis) | NumPy | selector | length |
//! |---|---|---|---|
//! | `..` | `:` | [`All`] | `N` |
//! | `i` | `i` (kept as a length-1 axis) | [`At<i>`](At) | 1 |
//! | `-k` | `-k` | [`AtEnd<k>`](AtEnd) | 1 |
//! | `a..b`, `..b`, `a..=b` | `a:b`, `:b`, `a:b+1` | [`Span<a, b - a>`](Span) | `b - a` |
//! | `-k..`, `-k..-j` | `-k:`, `-k:-j` | [`SpanEnd<k, k - j>`](SpanEnd) | `k - j` |
//! | `a..`, `..-j`, `a..-j` | `a:`, `:-j`, `a:-j` | [`Trim<a, j>`](Trim) | `N - a - j`, from the result's type |
//!
//! Bounds are checked with typenum at type-check time (so `N` must be in the table of
//! [`Dim`](super::Dim), except for `All`, which needs no arithmetic); a violation names the index and the axis,
//! like NumPy's `IndexError`: `index 3 is out of bounds for axis 1 with size 3`.

use core::ops::{Add, BitAnd};

use typenum::{And, Eq, Gr, IsEqual, IsGreater, IsLess, IsLessOrEqual, Le, LeEq, Sum, U0};

use super::{Dim, ToUInt, U};

use super::{IndexFromEndInBounds, IndexInBounds, SliceFromEndInBounds, SliceInBounds, TrimFits};

/// Selects `LEN` consecutive elements from index [`START`](Self::START) of axis `AXIS`
/// (0 = rows, 1 = columns), whose size is `N`. Implemented by the selectors of this module,
/// each with its bounds check.
///
/// ```
/// use tensor_core::shape::{AxisSelect, At, Span};
///
/// assert_eq!(<At<2> as AxisSelect<0, 5, 1>>::START, 2);
/// assert_eq!(<Span<1, 3> as AxisSelect<1, 4, 3>>::START, 1);
/// ```
pub trait AxisSelect<const AXIS: usize, const N: usize, const LEN: usize> {
    /// The first selected index.
    const START: usize;
}

/// The whole axis: NumPy's `:`, the DSL's `..`.
///
/// ```
/// use tensor_core::{Tensor, shape::{All, At}};
///
/// let m = Tensor::from([[1, 2], [3, 4]]);
/// assert_eq!(m.select(All, At::<1>), Tensor::from([[2], [4]]));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct All;

/// The element at index `I`: NumPy's `i`. The axis is kept with length 1.
///
/// ```
/// use tensor_core::{Tensor, shape::{All, At}};
///
/// let m = Tensor::from([[1, 2], [3, 4]]);
/// assert_eq!(m.select(At::<0>, All), Tensor::from([1, 2]));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct At<const I: usize>;

/// The element `K` places from the end (`K >= 1`): NumPy's `-k`.
///
/// ```
/// use tensor_core::{Tensor, shape::{All, AtEnd}};
///
/// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
/// assert_eq!(m.select(All, AtEnd::<1>), Tensor::from([[3], [6]])); // m[:, -1]
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AtEnd<const K: usize>;

/// `LEN` elements from index `START`: NumPy's `start:start+len`.
///
/// ```
/// use tensor_core::{Tensor, shape::{All, Span}};
///
/// let m = Tensor::<i32, 4, 2>::arange();
/// assert_eq!(m.select(Span::<1, 2>, All), Tensor::from([[2, 3], [4, 5]])); // m[1:3, :]
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span<const START: usize, const LEN: usize>;

/// `LEN` elements from index `-K`, counted from the end (`LEN <= K`): NumPy's `-k:-k+len`.
///
/// ```
/// use tensor_core::{Tensor, shape::{All, SpanEnd}};
///
/// let v = Tensor::from([1, 2, 3, 4, 5]);
/// assert_eq!(v.select(All, SpanEnd::<2, 2>), Tensor::from([4, 5])); // v[-2:]
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanEnd<const K: usize, const LEN: usize>;

/// Everything but `FRONT` elements at the front and `BACK` at the back: NumPy's
/// `front:-back`. The length, `N - FRONT - BACK`, is not written in the selector: it comes
/// from the result's type and is checked against the axis size.
///
/// ```
/// use tensor_core::{Tensor, shape::{All, Trim}};
///
/// let m = Tensor::<i32, 2, 4>::arange();
/// let features: Tensor<i32, 2, 3> = m.select(All, Trim::<0, 1>); // m[:, :-1]
/// assert_eq!(features, Tensor::from([[0, 1, 2], [4, 5, 6]]));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Trim<const FRONT: usize, const BACK: usize>;

impl<const AXIS: usize, const N: usize> AxisSelect<AXIS, N, N> for All {
    const START: usize = 0;
}

impl<const AXIS: usize, const N: usize, const I: usize> AxisSelect<AXIS, N, 1> for At<I>
where
    Dim<I>: ToUInt,
    Dim<N>: ToUInt,
    U<I>: IsLess<U<N>>,
    Le<U<I>, U<N>>: IndexInBounds<AXIS, I, N>,
{
    const START: usize = I;
}

impl<const AXIS: usize, const N: usize, const K: usize> AxisSelect<AXIS, N, 1> for AtEnd<K>
where
    Dim<K>: ToUInt,
    Dim<N>: ToUInt,
    U<K>: IsLessOrEqual<U<N>> + IsGreater<U0>,
    LeEq<U<K>, U<N>>: BitAnd<Gr<U<K>, U0>>,
    And<LeEq<U<K>, U<N>>, Gr<U<K>, U0>>: IndexFromEndInBounds<AXIS, K, N>,
{
    const START: usize = N - K;
}

impl<const AXIS: usize, const N: usize, const START: usize, const LEN: usize>
    AxisSelect<AXIS, N, LEN> for Span<START, LEN>
where
    Dim<START>: ToUInt,
    Dim<LEN>: ToUInt,
    Dim<N>: ToUInt,
    U<START>: Add<U<LEN>>,
    Sum<U<START>, U<LEN>>: IsLessOrEqual<U<N>>,
    LeEq<Sum<U<START>, U<LEN>>, U<N>>: SliceInBounds<AXIS, START, LEN, N>,
{
    const START: usize = START;
}

impl<const AXIS: usize, const N: usize, const K: usize, const LEN: usize> AxisSelect<AXIS, N, LEN>
    for SpanEnd<K, LEN>
where
    Dim<K>: ToUInt,
    Dim<LEN>: ToUInt,
    Dim<N>: ToUInt,
    U<LEN>: IsLessOrEqual<U<K>>,
    U<K>: IsLessOrEqual<U<N>>,
    LeEq<U<LEN>, U<K>>: BitAnd<LeEq<U<K>, U<N>>>,
    And<LeEq<U<LEN>, U<K>>, LeEq<U<K>, U<N>>>: SliceFromEndInBounds<AXIS, K, LEN, N>,
{
    const START: usize = N - K;
}

impl<const AXIS: usize, const N: usize, const FRONT: usize, const BACK: usize, const LEN: usize>
    AxisSelect<AXIS, N, LEN> for Trim<FRONT, BACK>
where
    Dim<FRONT>: ToUInt,
    Dim<BACK>: ToUInt,
    Dim<LEN>: ToUInt,
    Dim<N>: ToUInt,
    U<FRONT>: Add<U<LEN>>,
    Sum<U<FRONT>, U<LEN>>: Add<U<BACK>>,
    Sum<Sum<U<FRONT>, U<LEN>>, U<BACK>>: IsEqual<U<N>>,
    Eq<Sum<Sum<U<FRONT>, U<LEN>>, U<BACK>>, U<N>>: TrimFits<AXIS, FRONT, BACK, LEN, N>,
{
    const START: usize = FRONT;
}
