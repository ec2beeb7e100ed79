//! Element access: `t[(i, j)]`, `v[i]`, `get`, and static rows and columns.

use core::ops::{Index, IndexMut};

use crate::const_array::repeat2;
use crate::shape::{ColInBounds, RowInBounds, Shape};
use crate::{Tensor, Vector};

/// An index into a tensor of shape `R x C`: `(row, col)` for any tensor, or a single `usize`
/// for a row vector (NumPy's 1-D array).
///
/// ```
/// use tensor_core::Tensor;
///
/// let v = Tensor::from([10, 20, 30]);
/// assert_eq!(v[1], 20);
/// assert_eq!(v[(0, 2)], 30);
/// ```
#[diagnostic::on_unimplemented(
    message = "a tensor of shape Shape<{R}, {C}> cannot be indexed by `{Self}`",
    label = "use `(row, col)`; a single `usize` index works only on row vectors `Tensor<T, 1, N>`"
)]
pub trait TensorIndex<const R: usize, const C: usize>: Copy + core::fmt::Debug {
    /// The position of the element in row-major order, or `None` when out of bounds.
    ///
    /// ```
    /// use tensor_core::TensorIndex;
    ///
    /// assert_eq!(TensorIndex::<2, 3>::flat_index((1, 2)), Some(5));
    /// assert_eq!(TensorIndex::<2, 3>::flat_index((2, 0)), None);
    /// ```
    fn flat_index(self) -> Option<usize>;
}

impl<const R: usize, const C: usize> TensorIndex<R, C> for (usize, usize) {
    fn flat_index(self) -> Option<usize> {
        let (i, j) = self;
        (i < R && j < C).then(|| i * C + j)
    }
}

impl<const N: usize> TensorIndex<1, N> for usize {
    fn flat_index(self) -> Option<usize> {
        (self < N).then_some(self)
    }
}

#[cold]
#[track_caller]
fn out_of_bounds(index: &dyn core::fmt::Debug, r: usize, c: usize) -> ! {
    panic!("index {index:?} is out of bounds for a tensor of shape ({r}, {c})")
}

impl<T, I: TensorIndex<R, C>, const R: usize, const C: usize> Index<I> for Tensor<T, R, C> {
    type Output = T;

    /// # Panics
    ///
    /// If the index is out of bounds; the message names the index and the shape.
    #[track_caller]
    fn index(&self, index: I) -> &T {
        match index.flat_index() {
            Some(k) => &self.as_flat()[k],
            None => out_of_bounds(&index, R, C),
        }
    }
}

impl<T, I: TensorIndex<R, C>, const R: usize, const C: usize> IndexMut<I> for Tensor<T, R, C> {
    /// # Panics
    ///
    /// If the index is out of bounds; the message names the index and the shape.
    #[track_caller]
    fn index_mut(&mut self, index: I) -> &mut T {
        match index.flat_index() {
            Some(k) => &mut self.as_flat_mut()[k],
            None => out_of_bounds(&index, R, C),
        }
    }
}

impl<T, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The element at `index`, or `None` when it is out of bounds.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.get((1, 0)), Some(&3));
    /// assert_eq!(m.get((2, 0)), None);
    /// assert_eq!(Tensor::from([7, 8]).get(1), Some(&8));
    /// ```
    #[must_use]
    pub fn get(&self, index: impl TensorIndex<R, C>) -> Option<&T> {
        index.flat_index().map(|k| &self.as_flat()[k])
    }

    /// The element at `index` mutably, or `None` when it is out of bounds.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::from([[1, 2], [3, 4]]);
    /// *m.get_mut((0, 1)).unwrap() = 20;
    /// assert_eq!(m, Tensor::from([[1, 20], [3, 4]]));
    /// ```
    #[must_use]
    pub fn get_mut(&mut self, index: impl TensorIndex<R, C>) -> Option<&mut T> {
        index.flat_index().map(|k| &mut self.as_flat_mut()[k])
    }
}

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// Row `I` as a row vector, like NumPy's `m[I]` / `m[I, :]`. `I` is checked at compile
    /// time: `row::<3>()` of a 3-row tensor does not compile.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.row::<1>(), Tensor::from([3, 4]));
    ///
    /// const M: Tensor<i32, 2, 2> = Tensor::from_array([[1, 2], [3, 4]]);
    /// const LAST: Tensor<i32, 1, 2> = M.row::<1>();
    /// assert_eq!(*LAST.as_array(), [[3, 4]]);
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// let _ = m.row::<2>(); // row index 2 is out of bounds for a tensor with 2 rows
    /// ```
    #[must_use]
    pub const fn row<const I: usize>(&self) -> Vector<T, C>
    where
        Shape<R, C>: RowInBounds<I>,
    {
        Tensor {
            data: [self.data[I]],
        }
    }

    /// Column `J` as a column vector, like NumPy's `m[:, J:J+1]`. `J` is checked at compile
    /// time.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    /// assert_eq!(m.col::<2>(), Tensor::from([[3], [6], [9]]));
    ///
    /// const M: Tensor<i32, 2, 2> = Tensor::from_array([[1, 2], [3, 4]]);
    /// const SECOND: Tensor<i32, 2, 1> = M.col::<1>();
    /// assert_eq!(*SECOND.as_array(), [[2], [4]]);
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    /// let _ = m.col::<3>(); // column index 3 is out of bounds for a tensor with 3 columns
    /// ```
    #[must_use]
    pub const fn col<const J: usize>(&self) -> Tensor<T, R, 1>
    where
        Shape<R, C>: ColInBounds<J>,
    {
        // `J < C` (the bound), so a non-empty tensor has row 0's element `J` to start from.
        let Some(mut out) = repeat2::<T, R, 1>(match self.data.first() {
            Some(row) => Some(row[J]),
            None => None,
        }) else {
            unreachable!()
        };
        let mut i = 0;
        while i < R {
            out[i][0] = self.data[i][J];
            i += 1;
        }
        Tensor { data: out }
    }

    /// An iterator over the rows, each a row vector.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// let sums: Vec<i32> = m.rows().map(|r| r.as_flat().iter().sum()).collect();
    /// assert_eq!(sums, [3, 7]);
    /// ```
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Vector<T, C>> + '_ {
        self.data.iter().map(|&row| Tensor { data: [row] })
    }

    /// An iterator over the columns, each a column vector.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// let firsts: Vec<i32> = m.cols().map(|c| c[(0, 0)]).collect();
    /// assert_eq!(firsts, [1, 2]);
    /// ```
    pub fn cols(&self) -> impl ExactSizeIterator<Item = Tensor<T, R, 1>> + '_ {
        (0..C).map(move |j| Tensor::from_fn(|i, _| self.data[i][j]))
    }
}
