//! Element access: `t[(i, j)]`, `v[i]`, `get`, and static rows and columns.

use core::ops::{Index, IndexMut};

use crate::const_array::repeat2;
use crate::shape::{Axis, ColInBounds, Const, Dims, One, RowInBounds, Shape};
use crate::{Array, Tensor, Vector};

/// An index into a tensor of shape `S`: a tuple with one `usize` per axis (`(i, j)` for a
/// matrix, `(i, j, k)` for an image), or a single `usize` for a row vector (NumPy's 1-D
/// array).
///
/// ```
/// use tensor_core::{Tensor, Tensor3};
///
/// let v = Tensor::from([10, 20, 30]);
/// assert_eq!(v[1], 20);
/// assert_eq!(v[(0, 2)], 30);
/// assert_eq!(Tensor3::<i32, 2, 3, 4>::arange()[(1, 2, 3)], 23);
/// ```
#[diagnostic::on_unimplemented(
    message = "a tensor of shape {S} cannot be indexed by `{Self}`",
    label = "use one `usize` per axis, as a tuple; a single `usize` works only on row vectors"
)]
pub trait TensorIndex<S>: Copy + core::fmt::Debug {
    /// The position of the element in row-major order, or `None` when out of bounds.
    ///
    /// ```
    /// use tensor_core::{TensorIndex, shape::Const};
    ///
    /// type S = (Const<2>, Const<3>);
    /// assert_eq!(TensorIndex::<S>::flat_index((1, 2)), Some(5));
    /// assert_eq!(TensorIndex::<S>::flat_index((2, 0)), None);
    /// ```
    fn flat_index(self) -> Option<usize>;
}

impl<A0: Axis> TensorIndex<(A0,)> for usize {
    fn flat_index(self) -> Option<usize> {
        (self < A0::SIZE).then_some(self)
    }
}

impl<A0: Axis, A1: Axis> TensorIndex<(A0, A1)> for (usize, usize) {
    fn flat_index(self) -> Option<usize> {
        let (i, j) = self;
        (i < A0::SIZE && j < A1::SIZE).then(|| i * A1::SIZE + j)
    }
}

impl<A1: Axis> TensorIndex<(Const<1>, A1)> for usize {
    fn flat_index(self) -> Option<usize> {
        (self < A1::SIZE).then_some(self)
    }
}

impl<A1: Axis> TensorIndex<(One, A1)> for usize {
    fn flat_index(self) -> Option<usize> {
        (self < A1::SIZE).then_some(self)
    }
}

impl<A0: Axis, A1: Axis, A2: Axis> TensorIndex<(A0, A1, A2)> for (usize, usize, usize) {
    fn flat_index(self) -> Option<usize> {
        let (i, j, k) = self;
        (i < A0::SIZE && j < A1::SIZE && k < A2::SIZE).then(|| (i * A1::SIZE + j) * A2::SIZE + k)
    }
}

impl<A0: Axis, A1: Axis, A2: Axis, A3: Axis> TensorIndex<(A0, A1, A2, A3)>
    for (usize, usize, usize, usize)
{
    fn flat_index(self) -> Option<usize> {
        let (n, i, j, k) = self;
        (n < A0::SIZE && i < A1::SIZE && j < A2::SIZE && k < A3::SIZE)
            .then(|| ((n * A1::SIZE + i) * A2::SIZE + j) * A3::SIZE + k)
    }
}

#[cold]
#[track_caller]
fn out_of_bounds(index: &dyn core::fmt::Debug, shape: &dyn core::fmt::Debug) -> ! {
    panic!("index {index:?} is out of bounds for a tensor of shape {shape:?}")
}

impl<T, S: Dims, I: TensorIndex<S>> Index<I> for Array<T, S> {
    type Output = T;

    /// # Panics
    ///
    /// If the index is out of bounds; the message names the index and the shape.
    #[track_caller]
    fn index(&self, index: I) -> &T {
        match index.flat_index() {
            Some(k) => &self.as_flat()[k],
            None => out_of_bounds(&index, &S::SHAPE),
        }
    }
}

impl<T, S: Dims, I: TensorIndex<S>> IndexMut<I> for Array<T, S> {
    /// # Panics
    ///
    /// If the index is out of bounds; the message names the index and the shape.
    #[track_caller]
    fn index_mut(&mut self, index: I) -> &mut T {
        match index.flat_index() {
            Some(k) => &mut self.as_flat_mut()[k],
            None => out_of_bounds(&index, &S::SHAPE),
        }
    }
}

impl<T, S: Dims> Array<T, S> {
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
    pub fn get(&self, index: impl TensorIndex<S>) -> Option<&T> {
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
    pub fn get_mut(&mut self, index: impl TensorIndex<S>) -> Option<&mut T> {
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
