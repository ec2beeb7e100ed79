//! Assignment into part of a rank-2 tensor: a row, a column or a static block, like NumPy's
//! `m[1] = v`, `m[:, 1] = c` and `m[1:3, 2:4] = b`. The position is a const parameter and the
//! piece's shape comes from its type, so the bounds are checked at compile time.

use crate::Tensor;
use crate::shape::{BlockInBounds, ColInBounds, RowInBounds, Shape};

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// Overwrites row `I` with `row`, like NumPy's `m[I] = row` / `m[I, :] = row`. `I` is
    /// checked at compile time, and `row` must have `C` elements (its type says so); the
    /// inverse of [`row`](Self::row).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::<i32, 3, 2>::zeros();
    /// m.set_row::<1>(Tensor::from([7, 8])); // m[1] = [7, 8]
    /// assert_eq!(m, Tensor::from([[0, 0], [7, 8], [0, 0]]));
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::<i32, 3, 2>::zeros();
    /// m.set_row::<3>(Tensor::from([7, 8])); // row index 3 is out of bounds for a tensor with 3 rows
    /// ```
    pub fn set_row<const I: usize>(&mut self, row: Tensor<T, 1, C>)
    where
        Shape<R, C>: RowInBounds<I>,
    {
        let [values] = row.data;
        self.data[I] = values;
    }

    /// Overwrites column `J` with the column vector `col`, like NumPy's `m[:, J] = col`. `J`
    /// is checked at compile time, and `col` must have `R` elements; the inverse of
    /// [`col`](Self::col).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::<i32, 2, 3>::zeros();
    /// m.set_col::<2>(Tensor::from([[5], [6]])); // m[:, 2] = [5, 6]
    /// assert_eq!(m, Tensor::from([[0, 0, 5], [0, 0, 6]]));
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::<i32, 2, 3>::zeros();
    /// m.set_col::<3>(Tensor::from([[5], [6]])); // column index 3 is out of bounds for a tensor with 3 columns
    /// ```
    pub fn set_col<const J: usize>(&mut self, col: Tensor<T, R, 1>)
    where
        Shape<R, C>: ColInBounds<J>,
    {
        for (row, [value]) in self.data.iter_mut().zip(col.data) {
            row[J] = value;
        }
    }

    /// Overwrites the block of `self` whose top-left element is at `(R0, C0)` with `block`,
    /// like NumPy's `m[R0:R0+NR, C0:C0+NC] = block` for an `NR x NC` `block`. Only the
    /// position is written out: the block's shape comes from its type ([`BlockFits`]), and the
    /// bounds are checked at compile time. The inverse of [`block`](Self::block).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::<i32, 3, 4>::zeros();
    /// m.set_block::<1, 2>(&Tensor::from([[1, 2], [3, 4]])); // m[1:3, 2:4] = [[1, 2], [3, 4]]
    /// assert_eq!(m, Tensor::from([[0, 0, 0, 0], [0, 0, 1, 2], [0, 0, 3, 4]]));
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::<i32, 3, 4>::zeros();
    /// m.set_block::<2, 2>(&Tensor::from([[1, 2], [3, 4]])); // rows 2..2+2 are out of bounds for a tensor with 3 rows
    /// ```
    pub fn set_block<const R0: usize, const C0: usize>(
        &mut self,
        block: &impl BlockFits<T, R, C, R0, C0>,
    ) {
        let cols = block.cols();
        if cols == 0 {
            return;
        }
        for (dst, src) in self.data[R0..]
            .iter_mut()
            .zip(block.as_flat().chunks_exact(cols))
        {
            dst[C0..C0 + cols].copy_from_slice(src);
        }
    }
}

/// A block that fits in an `R x C` tensor with its top-left element at `(R0, C0)`: a
/// `Tensor<T, NR, NC>` with `R0 + NR <= R` and `C0 + NC <= C` ([`BlockInBounds`]). It lets
/// [`set_block`](Tensor::set_block) take the position alone as const parameters and read the
/// block's shape from its type.
///
/// ```
/// use tensor_core::{BlockFits, Tensor};
///
/// fn fits<B: BlockFits<i32, 3, 3, 1, 1>>(_: &B) {}
/// fits(&Tensor::<i32, 2, 2>::zeros());
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::{BlockFits, Tensor};
///
/// fn fits<B: BlockFits<i32, 3, 3, 1, 1>>(_: &B) {}
/// fits(&Tensor::<i32, 3, 2>::zeros()); // rows 1..1+3 are out of bounds for a tensor with 3 rows
/// ```
pub trait BlockFits<T, const R: usize, const C: usize, const R0: usize, const C0: usize> {
    /// The block's elements in row-major order.
    fn as_flat(&self) -> &[T];
    /// The block's column count (its row length in [`as_flat`](Self::as_flat)).
    fn cols(&self) -> usize;
}

impl<
    T,
    const NR: usize,
    const NC: usize,
    const R: usize,
    const C: usize,
    const R0: usize,
    const C0: usize,
> BlockFits<T, R, C, R0, C0> for Tensor<T, NR, NC>
where
    Shape<R, C>: BlockInBounds<R0, C0, NR, NC>,
{
    fn as_flat(&self) -> &[T] {
        self.data.as_flattened()
    }

    fn cols(&self) -> usize {
        NC
    }
}
