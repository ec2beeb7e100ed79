//! Explicit broadcasting (`broadcast::<R2, C2>()`) and the broadcasting zip behind the operators.

use crate::Tensor;
use crate::kernels::elementwise::broadcast_binary;
use crate::shape::{Broadcast, BroadcastTo, BroadcastWith, Shape, StaticShape};

/// Combines the row-major elements `a` of shape `A` and `b` of shape `B` element by element
/// after broadcasting them to their common shape.
#[inline]
pub(crate) fn zip_broadcast<T, A, B>(a: &[T], b: &[T], f: impl Fn(T, T) -> T) -> Broadcast<T, A, B>
where
    T: Copy + Default,
    A: BroadcastWith<B> + StaticShape,
    B: StaticShape,
{
    let mut out = A::Output::full(T::default());
    let dims = <A::Output as StaticShape>::DIMS;
    broadcast_binary(
        a,
        A::DIMS,
        b,
        B::DIMS,
        A::Output::as_flat_mut(&mut out),
        dims,
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
