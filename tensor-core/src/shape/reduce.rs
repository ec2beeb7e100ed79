//! The shapes of reductions: which axes exist, and what a reduction along one leaves behind.

use super::axes::{Axis, Dims, One};

/// Axis `A` exists in the shape `Self`; reducing along it leaves [`Kept`](Self::Kept), the same
/// shape with [`One`] on axis `A` (NumPy's `keepdims=True`), which broadcasts back against
/// `Self`.
///
/// Required by the per-axis reductions (`sum_axis::<A>()`, `mean_axis::<A>()`, ...). An axis
/// past the rank reads `axis 2 does not exist for a tensor of shape (Const<3>, Const<4>)`.
///
/// ```
/// use tensor_core::shape::{Const, One, ReduceAxis};
/// use typenum::Same;
///
/// fn kept<S: ReduceAxis<A, Kept: Same<K>>, const A: usize, K>() {}
/// kept::<(Const<3>, Const<4>), 0, (One, Const<4>)>();
/// kept::<(Const<3>, Const<4>), 1, (Const<3>, One)>();
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let _ = Tensor::<f32, 3, 4>::zeros().sum_axis::<2>(); // axis 2 does not exist
/// ```
#[diagnostic::on_unimplemented(
    message = "axis {A} does not exist for a tensor of shape {Self}",
    label = "a tensor of shape {Self} has axes 0 up to its rank minus one",
    note = "axes count from 0, outermost first: axis 0 of a matrix runs down its rows (NumPy's `axis=0`)"
)]
pub trait ReduceAxis<const A: usize>: Dims {
    /// `Self` with axis `A` replaced by [`One`].
    type Kept: Dims;
    /// `Self` in row-major order seen as `outer x n x inner`, where `n` is the size of axis
    /// `A`: the lanes a reduction folds.
    const LANES: (usize, usize, usize);
}

impl<A0: Axis> ReduceAxis<0> for (A0,)
where
    (A0,): Dims,
    (One,): Dims,
{
    type Kept = (One,);
    const LANES: (usize, usize, usize) = (1, A0::SIZE, 1);
}

impl<A0: Axis, A1: Axis> ReduceAxis<0> for (A0, A1)
where
    (A0, A1): Dims,
    (One, A1): Dims,
{
    type Kept = (One, A1);
    const LANES: (usize, usize, usize) = (1, A0::SIZE, A1::SIZE);
}

impl<A0: Axis, A1: Axis> ReduceAxis<1> for (A0, A1)
where
    (A0, A1): Dims,
    (A0, One): Dims,
{
    type Kept = (A0, One);
    const LANES: (usize, usize, usize) = (A0::SIZE, A1::SIZE, 1);
}

impl<A0: Axis, A1: Axis, A2: Axis> ReduceAxis<0> for (A0, A1, A2)
where
    (A0, A1, A2): Dims,
    (One, A1, A2): Dims,
{
    type Kept = (One, A1, A2);
    const LANES: (usize, usize, usize) = (1, A0::SIZE, A1::SIZE * A2::SIZE);
}

impl<A0: Axis, A1: Axis, A2: Axis> ReduceAxis<1> for (A0, A1, A2)
where
    (A0, A1, A2): Dims,
    (A0, One, A2): Dims,
{
    type Kept = (A0, One, A2);
    const LANES: (usize, usize, usize) = (A0::SIZE, A1::SIZE, A2::SIZE);
}

impl<A0: Axis, A1: Axis, A2: Axis> ReduceAxis<2> for (A0, A1, A2)
where
    (A0, A1, A2): Dims,
    (A0, A1, One): Dims,
{
    type Kept = (A0, A1, One);
    const LANES: (usize, usize, usize) = (A0::SIZE * A1::SIZE, A2::SIZE, 1);
}

impl<A0: Axis, A1: Axis, A2: Axis, A3: Axis> ReduceAxis<0> for (A0, A1, A2, A3)
where
    (A0, A1, A2, A3): Dims,
    (One, A1, A2, A3): Dims,
{
    type Kept = (One, A1, A2, A3);
    const LANES: (usize, usize, usize) = (1, A0::SIZE, A1::SIZE * A2::SIZE * A3::SIZE);
}

impl<A0: Axis, A1: Axis, A2: Axis, A3: Axis> ReduceAxis<1> for (A0, A1, A2, A3)
where
    (A0, A1, A2, A3): Dims,
    (A0, One, A2, A3): Dims,
{
    type Kept = (A0, One, A2, A3);
    const LANES: (usize, usize, usize) = (A0::SIZE, A1::SIZE, A2::SIZE * A3::SIZE);
}

impl<A0: Axis, A1: Axis, A2: Axis, A3: Axis> ReduceAxis<2> for (A0, A1, A2, A3)
where
    (A0, A1, A2, A3): Dims,
    (A0, A1, One, A3): Dims,
{
    type Kept = (A0, A1, One, A3);
    const LANES: (usize, usize, usize) = (A0::SIZE * A1::SIZE, A2::SIZE, A3::SIZE);
}

impl<A0: Axis, A1: Axis, A2: Axis, A3: Axis> ReduceAxis<3> for (A0, A1, A2, A3)
where
    (A0, A1, A2, A3): Dims,
    (A0, A1, A2, One): Dims,
{
    type Kept = (A0, A1, A2, One);
    const LANES: (usize, usize, usize) = (A0::SIZE * A1::SIZE * A2::SIZE, A3::SIZE, 1);
}

/// Reducing `Self` over every axis but the last leaves [`Kept`](Self::Kept): `(1, .., 1, C)`
/// with [`One`]s, the per-channel statistics of an image or a batch (NumPy's
/// `axis=(0, 1), keepdims=True` for `(H, W, C)`).
///
/// ```
/// use tensor_core::shape::{Const, One, ReduceLeading};
/// use typenum::Same;
///
/// fn kept<S: ReduceLeading<Kept: Same<K>>, K>() {}
/// kept::<(Const<4>, Const<4>, Const<3>), (One, One, Const<3>)>();
/// ```
pub trait ReduceLeading: Dims {
    /// `Self` with every axis but the last replaced by [`One`].
    type Kept: Dims;
    /// `Self` in row-major order seen as `1 x n x C`.
    const LANES: (usize, usize, usize);
}

impl<A0: Axis, A1: Axis> ReduceLeading for (A0, A1)
where
    (A0, A1): Dims,
    (One, A1): Dims,
{
    type Kept = (One, A1);
    const LANES: (usize, usize, usize) = (1, A0::SIZE, A1::SIZE);
}

impl<A0: Axis, A1: Axis, A2: Axis> ReduceLeading for (A0, A1, A2)
where
    (A0, A1, A2): Dims,
    (One, One, A2): Dims,
{
    type Kept = (One, One, A2);
    const LANES: (usize, usize, usize) = (1, A0::SIZE * A1::SIZE, A2::SIZE);
}

impl<A0: Axis, A1: Axis, A2: Axis, A3: Axis> ReduceLeading for (A0, A1, A2, A3)
where
    (A0, A1, A2, A3): Dims,
    (One, One, One, A3): Dims,
{
    type Kept = (One, One, One, A3);
    const LANES: (usize, usize, usize) = (1, A0::SIZE * A1::SIZE * A2::SIZE, A3::SIZE);
}
