//! Explicit broadcasting (`broadcast::<R2, C2>()`) and the broadcasting zip behind the operators.

use crate::Tensor;
use crate::kernels::elementwise::broadcast_binary;
use crate::kernels::simd::Binary;
use crate::shape::{Broadcast, BroadcastTo, BroadcastWith, Shape, StaticShape};

/// Combines `a` and `b` element by element after broadcasting them to their common shape.
/// `op`, when given, is the operator `f` computes (for the SIMD kernels).
#[inline]
pub(crate) fn zip_broadcast<T, const R: usize, const C: usize, const R2: usize, const C2: usize>(
    a: &Tensor<T, R, C>,
    b: &Tensor<T, R2, C2>,
    op: Option<Binary>,
    f: impl Fn(T, T) -> T,
) -> Broadcast<T, Shape<R, C>, Shape<R2, C2>>
where
    T: Copy + Default,
    Shape<R, C>: BroadcastWith<Shape<R2, C2>>,
{
    let mut out = <Shape<R, C> as BroadcastWith<Shape<R2, C2>>>::Output::full(T::default());
    let dims = (
        <<Shape<R, C> as BroadcastWith<Shape<R2, C2>>>::Output as StaticShape>::ROWS,
        <<Shape<R, C> as BroadcastWith<Shape<R2, C2>>>::Output as StaticShape>::COLS,
    );
    let flat = <Shape<R, C> as BroadcastWith<Shape<R2, C2>>>::Output::as_flat_mut(&mut out);
    broadcast_binary(
        a.as_flat(),
        (R, C),
        b.as_flat(),
        (R2, C2),
        flat,
        dims,
        op,
        f,
    );
    out
}

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// This tensor repeated along its axes of size 1 to shape `R2 x C2`, like NumPy's
    /// `np.broadcast_to(a, (R2, C2))` (as a copy). On each axis the size must equal the
    /// target's or be 1; anything else is a compile error.
    ///
    /// The operators broadcast by themselves (`m + row`); `broadcast` is for when a full-size
    /// tensor is wanted, for example as the right operand of `+=`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let row = Tensor::from([1, 2, 3]);
    /// assert_eq!(row.broadcast::<2, 3>(), Tensor::from([[1, 2, 3], [1, 2, 3]]));
    /// let col = Tensor::from([[1], [2]]);
    /// assert_eq!(col.broadcast::<2, 2>(), Tensor::from([[1, 1], [2, 2]]));
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let row = Tensor::from([1, 2, 3]);
    /// let _ = row.broadcast::<2, 4>(); // cannot broadcast Shape<1, 3> to Shape<2, 4>
    /// ```
    #[must_use]
    pub fn broadcast<const R2: usize, const C2: usize>(&self) -> Tensor<T, R2, C2>
    where
        Shape<R, C>: BroadcastTo<Shape<R2, C2>>,
    {
        Tensor::from_fn(|i, j| self.data[if R == 1 { 0 } else { i }][if C == 1 { 0 } else { j }])
    }
}
