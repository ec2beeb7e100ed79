//! Static slicing: rectangular blocks with compile-time bounds.

use crate::shape::{AxisSelect, BlockInBounds, Shape, SingleElement};
use crate::{Array, Tensor};

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The `NR x NC` block whose top-left element is at `(R0, C0)`, like NumPy's
    /// `m[R0:R0+NR, C0:C0+NC]`. The bounds are checked at compile time.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<i32, 4, 4>::arange();
    /// // The first two rows of a 4x4: m[:2, :]
    /// let top = m.block::<0, 0, 2, 4>();
    /// assert_eq!(top, Tensor::from([[0, 1, 2, 3], [4, 5, 6, 7]]));
    /// // The centre 2x2: m[1:3, 1:3]
    /// assert_eq!(m.block::<1, 1, 2, 2>(), Tensor::from([[5, 6], [9, 10]]));
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<i32, 4, 4>::arange();
    /// let _ = m.block::<3, 0, 2, 4>(); // rows 3..3+2 are out of bounds for a tensor with 4 rows
    /// ```
    #[must_use]
    pub fn block<const R0: usize, const C0: usize, const NR: usize, const NC: usize>(
        &self,
    ) -> Tensor<T, NR, NC>
    where
        Shape<R, C>: BlockInBounds<R0, C0, NR, NC>,
    {
        Tensor::from_fn(|i, j| self.data[R0 + i][C0 + j])
    }
}

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The block chosen by one selector per axis, like NumPy's basic indexing `m[rows, cols]`
    /// (see [`shape::AxisSelect`](crate::shape::AxisSelect) for the selectors). Both axes are
    /// kept, so an index gives a length-1 axis: `select(At::<1>, All)` is row 1 as a row
    /// vector. The bounds are checked at compile time; the `tensor!` DSL writes these calls
    /// from `m[.., -1]`-style indices.
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::shape::{All, At, AtEnd, Span};
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    /// assert_eq!(m.select(All, AtEnd::<1>), Tensor::from([[3], [6], [9]])); // m[:, -1]
    /// assert_eq!(m.select(Span::<0, 2>, All), Tensor::from([[1, 2, 3], [4, 5, 6]])); // m[:2, :]
    /// assert_eq!(m.select(At::<1>, At::<1>).item(), 5); // m[1, 1]
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    /// use tensor_core::shape::{All, At};
    ///
    /// let m = Tensor::<i32, 3, 3>::zeros();
    /// let _ = m.select(All, At::<3>); // index 3 is out of bounds for axis 1 with size 3
    /// ```
    #[must_use]
    pub fn select<Rows, Cols, const NR: usize, const NC: usize>(
        &self,
        rows: Rows,
        cols: Cols,
    ) -> Tensor<T, NR, NC>
    where
        Rows: AxisSelect<0, R, NR>,
        Cols: AxisSelect<1, C, NC>,
    {
        let _ = (rows, cols);
        Tensor::from_fn(|i, j| self.data[Rows::START + i][Cols::START + j])
    }
}

impl<T: Copy, S: SingleElement> Array<T, S> {
    /// The single element of a tensor whose every axis has size 1, like NumPy's `a.item()`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let v = Tensor::from([3.5]);
    /// assert_eq!(v.item(), 3.5);
    /// let dot = Tensor::from([1, 2]).matmul(&Tensor::from([[3], [4]]));
    /// assert_eq!(dot.item(), 11);
    /// ```
    #[must_use]
    pub fn item(&self) -> T {
        self.as_flat()[0]
    }
}
