//! Joining and splitting tensors, NumPy's `np.concatenate`, `np.vstack`, `np.hstack`,
//! `np.stack`, `np.split`, `np.vsplit` and `np.hsplit`, for every rank, with every shape checked
//! at compile time.
//!
//! The result's shape is the type the caller names (as for `reshape`): Rust cannot yet add
//! const generics in a type (`Const<{N + M}>`), so the sizes are added by the shape check
//! instead ([`ConcatInto`], [`StackInto`]), and a result shape that is not the concatenation
//! of the parts' is a compile error naming all three shapes:
//!
//! ```compile_fail,E0277
//! use tensor_core::Tensor;
//!
//! let (a, b) = (Tensor::<i32, 2, 3>::zeros(), Tensor::<i32, 2, 4>::zeros());
//! let c: Tensor<i32, 4, 3> = Tensor::concat::<0>((&a, &b));
//! // cannot concatenate tensors of shapes Shape<2, 3> and Shape<2, 4> along axis 0 into shape Shape<4, 3>
//! ```

use crate::Array;
use crate::shape::{ConcatInto, Dims, SplitInto, StackInto};

/// The parts of a concatenation along axis `A` into a tensor of shape `Out`: a pair of
/// borrowed tensors whose shapes concatenate into `Out` ([`ConcatInto`]).
pub trait ConcatParts<T, Out: Dims, const A: usize> {
    /// The concatenation.
    fn concat(self) -> Array<T, Out>;
}

impl<T: Copy, L, R, Out, const A: usize> ConcatParts<T, Out, A> for (&Array<T, L>, &Array<T, R>)
where
    L: ConcatInto<R, Out, A>,
    R: Dims,
    Out: Dims,
{
    #[inline]
    fn concat(self) -> Array<T, Out> {
        let (a, b) = (self.0.as_flat(), self.1.as_flat());
        let inner: usize = Out::DIMS[A + 1..].iter().product();
        // Each of the `outer` blocks of the result is a block of `a`, then one of `b`.
        let (la, lb) = (L::DIMS[A] * inner, R::DIMS[A] * inner);
        Array::from_flat_fn(|k| {
            let (o, j) = (k / (la + lb), k % (la + lb));
            if j < la {
                a[o * la + j]
            } else {
                b[o * lb + j - la]
            }
        })
    }
}

/// The parts of a stack along a new axis `A` into a tensor of shape `Out`: an array of `N`
/// borrowed tensors of one shape `S` with `S: StackInto<Out, N, A>`.
pub trait StackParts<T, Out: Dims, const A: usize> {
    /// The stack.
    fn stack(self) -> Array<T, Out>;
}

impl<T: Copy, S, Out, const N: usize, const A: usize> StackParts<T, Out, A> for [&Array<T, S>; N]
where
    S: StackInto<Out, N, A>,
    Out: Dims,
{
    #[inline]
    fn stack(self) -> Array<T, Out> {
        // Each part contributes one block of `inner` elements to each of the `outer` blocks.
        let inner: usize = S::DIMS[A..].iter().product();
        Array::from_flat_fn(|k| {
            let (o, p, i) = (k / (N * inner), k / inner % N, k % inner);
            self[p].as_flat()[o * inner + i]
        })
    }
}

impl<T: Copy, S: Dims> Array<T, S> {
    /// Two tensors joined along axis `A`, like `np.concatenate((a, b), axis=A)`. The result
    /// type is named by the caller; the parts' sizes along `A` must add up to its size, and
    /// every other axis must be the same in all three shapes (a compile error naming them
    /// otherwise). Every rank, every axis.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3};
    ///
    /// let a = Tensor::from([[1, 2], [3, 4]]);
    /// let b = Tensor::from([[5, 6]]);
    /// let rows: Tensor<i32, 3, 2> = Tensor::concat::<0>((&a, &b));
    /// assert_eq!(rows, Tensor::from([[1, 2], [3, 4], [5, 6]]));
    /// let cols: Tensor<i32, 2, 3> = Tensor::concat::<1>((&a, &Tensor::from([[7], [8]])));
    /// assert_eq!(cols, Tensor::from([[1, 2, 7], [3, 4, 8]]));
    /// // Channels of two images:
    /// let rgba: Tensor3<u8, 2, 2, 4> = Tensor3::concat::<2>((&Tensor3::<u8, 2, 2, 3>::zeros(), &Tensor3::<u8, 2, 2, 1>::ones()));
    /// assert_eq!(rgba.sum(), 4);
    /// ```
    #[must_use]
    pub fn concat<const A: usize>(parts: impl ConcatParts<T, S, A>) -> Self {
        parts.concat()
    }

    /// Two tensors stacked vertically, like `np.vstack((a, b))`: [`concat`](Self::concat)
    /// along axis 0 (NumPy's 1-D arrays are rows here, so two `Vector`s give a matrix).
    ///
    /// ```
    /// use tensor_core::{Tensor, Vector};
    ///
    /// let m: Tensor<i32, 2, 3> = Tensor::vstack((&Vector::from([1, 2, 3]), &Vector::from([4, 5, 6])));
    /// assert_eq!(m, Tensor::from([[1, 2, 3], [4, 5, 6]]));
    /// ```
    #[must_use]
    pub fn vstack(parts: impl ConcatParts<T, S, 0>) -> Self {
        parts.concat()
    }

    /// Two matrices side by side, like `np.hstack((a, b))`: [`concat`](Self::concat) along
    /// axis 1 (for NumPy's 1-D arrays, our row vectors, that joins them end to end).
    ///
    /// ```
    /// use tensor_core::{Tensor, Vector};
    ///
    /// let v: Vector<i32, 5> = Tensor::hstack((&Vector::from([1, 2]), &Vector::from([3, 4, 5])));
    /// assert_eq!(v, Vector::from([1, 2, 3, 4, 5]));
    /// ```
    #[must_use]
    pub fn hstack(parts: impl ConcatParts<T, S, 1>) -> Self {
        parts.concat()
    }

    /// `N` tensors of one shape stacked along a new axis `A`, like
    /// `np.stack([a, b, ...], axis=A)`: the result's shape is the parts' with an axis of size
    /// `N` inserted at `A`, checked at compile time. Parts of ranks 1 to 3 (results of ranks 2
    /// to 4).
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3};
    ///
    /// let (a, b) = (Tensor::from([[1, 2], [3, 4]]), Tensor::from([[5, 6], [7, 8]]));
    /// let batch: Tensor3<i32, 2, 2, 2> = Tensor3::stack::<0>([&a, &b]);
    /// assert_eq!(batch.as_flat(), &[1, 2, 3, 4, 5, 6, 7, 8]);
    /// let pairs: Tensor3<i32, 2, 2, 2> = Tensor3::stack::<2>([&a, &b]);
    /// assert_eq!(pairs.as_flat(), &[1, 5, 2, 6, 3, 7, 4, 8]);
    /// ```
    #[must_use]
    pub fn stack<const A: usize>(parts: impl StackParts<T, S, A>) -> Self {
        parts.stack()
    }

    /// The tensor cut along axis `A` into `N` equal parts of shape `P`, like
    /// `np.split(a, N, axis=A)`: the parts' type is named by the caller (`_` lets `A`'s
    /// neighbours be inferred), and an axis that `N` parts of `P` do not fill exactly, or a
    /// part differing on another axis, is a compile error naming the shapes.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3};
    ///
    /// let img = Tensor3::<i32, 2, 2, 6>::arange();
    /// let [r, g, b]: [Tensor3<i32, 2, 2, 2>; 3] = img.split::<2, _, _>();
    /// assert_eq!(r.as_flat(), &[0, 1, 6, 7, 12, 13, 18, 19]);
    /// assert_eq!(g.sum() + b.sum(), img.sum() - r.sum());
    /// ```
    #[must_use]
    pub fn split<const A: usize, P: Dims, const N: usize>(&self) -> [Array<T, P>; N]
    where
        S: SplitInto<P, N, A>,
    {
        let a = self.as_flat();
        // Part `p` holds, in each of the `outer` blocks, the `p`-th run of `m * inner` elements.
        let inner: usize = S::DIMS[A + 1..].iter().product();
        let (n, m) = (S::DIMS[A], P::DIMS[A]);
        core::array::from_fn(|p| {
            Array::from_flat_fn(|k| {
                let (o, j) = (k / (m * inner), k % (m * inner));
                a[o * n * inner + p * m * inner + j]
            })
        })
    }

    /// The rows cut into `N` equal blocks, like `np.vsplit(a, N)`: [`split`](Self::split)
    /// along axis 0.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<i32, 4, 2>::arange();
    /// let [top, bottom]: [Tensor<i32, 2, 2>; 2] = m.vsplit();
    /// assert_eq!((top, bottom), (Tensor::from([[0, 1], [2, 3]]), Tensor::from([[4, 5], [6, 7]])));
    /// ```
    #[must_use]
    pub fn vsplit<P: Dims, const N: usize>(&self) -> [Array<T, P>; N]
    where
        S: SplitInto<P, N, 0>,
    {
        self.split::<0, P, N>()
    }

    /// The columns cut into `N` equal blocks, like `np.hsplit(a, N)`: [`split`](Self::split)
    /// along axis 1 (for NumPy's 1-D arrays, our row vectors, that cuts the vector).
    ///
    /// ```
    /// use tensor_core::{Tensor, Vector};
    ///
    /// let [a, b, c]: [Vector<i32, 2>; 3] = Vector::from([1, 2, 3, 4, 5, 6]).hsplit();
    /// assert_eq!((a, b, c), (Vector::from([1, 2]), Vector::from([3, 4]), Vector::from([5, 6])));
    /// ```
    #[must_use]
    pub fn hsplit<P: Dims, const N: usize>(&self) -> [Array<T, P>; N]
    where
        S: SplitInto<P, N, 1>,
    {
        self.split::<1, P, N>()
    }
}
