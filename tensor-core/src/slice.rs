//! Static slicing: rectangular blocks with compile-time bounds.

use crate::Tensor;
use crate::shape::{BlockInBounds, Shape};

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The `NR x NC` block whose top-left element is at `(R0, C0)`, like NumPy's
    /// `m[R0:R0+NR, C0:C0+NC]`. The bounds are checked at compile time.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<i32, 4, 4>::arange();
    /// // The first two rows of a 4x4: m[:2, :]
    /// let top = m.slice::<0, 0, 2, 4>();
    /// assert_eq!(top, Tensor::from([[0, 1, 2, 3], [4, 5, 6, 7]]));
    /// // The centre 2x2: m[1:3, 1:3]
    /// assert_eq!(m.slice::<1, 1, 2, 2>(), Tensor::from([[5, 6], [9, 10]]));
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<i32, 4, 4>::arange();
    /// let _ = m.slice::<3, 0, 2, 4>(); // rows 3..3+2 are out of bounds for a tensor with 4 rows
    /// ```
    #[must_use]
    pub fn slice<const R0: usize, const C0: usize, const NR: usize, const NC: usize>(
        &self,
    ) -> Tensor<T, NR, NC>
    where
        Shape<R, C>: BlockInBounds<R0, C0, NR, NC>,
    {
        Tensor::from_fn(|i, j| self.data[R0 + i][C0 + j])
    }
}
