//! Reordering, written once for every shape: `flip` and `roll` (whole tensor and along an
//! axis), and `sort`/`argsort` along the last axis (NumPy's default), along any axis, or over
//! the row-major elements of the whole tensor.
//!
//! Sorting is stable (equal elements keep their order, NumPy's `kind="stable"`) and puts NaN
//! last, as NumPy does; `-0.0` and `0.0` compare equal and keep their order. It works for
//! every element type with a partial order (floats included, where `slice::sort` does not
//! compile), in place of the tensor, with no allocation: the permutation is computed on a
//! `usize` tensor of the same shape, on the stack like the tensor itself.

use core::cmp::Ordering;

use crate::Array;
use crate::shape::{Dims, ReduceAxis};

/// NumPy's sort order: the partial order, with NaN (the elements not equal to themselves)
/// after everything else and equal to each other.
#[inline]
pub(crate) fn nan_last<T: PartialOrd>(a: &T, b: &T) -> Ordering {
    a.partial_cmp(b).unwrap_or_else(|| {
        #[allow(clippy::eq_op)] // `x != x` is true exactly for NaN
        let (a_nan, b_nan) = (a != a, b != b);
        a_nan.cmp(&b_nan)
    })
}

/// The stable sorting permutation of each lane `(outer, n, inner)` of `a`: at each position
/// along the axis, the index along the axis of the element that goes there.
fn argsort_lanes<T: Copy + PartialOrd, S: Dims>(
    a: &[T],
    (_, n, inner): (usize, usize, usize),
) -> Array<usize, S> {
    // The lanes made contiguous: `scratch[(o * inner + i) * n + j]` for element `(o, j, i)`.
    let mut scratch = Array::<usize, S>::from_flat_fn(|k| k % n.max(1));
    let mut out = Array::<usize, S>::from_flat_fn(|_| 0);
    if n == 0 {
        return out;
    }
    for (lane, idx) in scratch.as_flat_mut().chunks_exact_mut(n).enumerate() {
        let (o, i) = (lane / inner, lane % inner);
        let at = |j: usize| &a[(o * n + j) * inner + i];
        // Ties broken by the index make the unstable (allocation-free) sort stable.
        idx.sort_unstable_by(|&x, &y| nan_last(at(x), at(y)).then(x.cmp(&y)));
        let dst = out.as_flat_mut();
        for (j, &from) in idx.iter().enumerate() {
            dst[(o * n + j) * inner + i] = from;
        }
    }
    out
}

/// `a` reordered along the lanes `(outer, n, inner)` by the permutation `perm` (from
/// [`argsort_lanes`]).
fn gather_lanes<T: Copy, S: Dims>(
    a: &[T],
    (_, n, inner): (usize, usize, usize),
    perm: &Array<usize, S>,
) -> Array<T, S> {
    let perm = perm.as_flat();
    Array::from_flat_fn(|k| {
        let (o, i) = (k / (n * inner), k % inner);
        a[(o * n + perm[k]) * inner + i]
    })
}

impl<T: Copy, S: Dims> Array<T, S> {
    /// The lanes of the last axis: `(outer, n, 1)`.
    const LAST_LANES: (usize, usize, usize) = {
        let n = S::DIMS[S::RANK - 1];
        let outer = match S::SIZE.checked_div(n) {
            Some(outer) => outer,
            None => 0,
        };
        (outer, n, 1)
    };

    /// The elements in reverse row-major order, like `np.flip(a)` (every axis reversed).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// assert_eq!(m.flip(), Tensor::from([[6, 5, 4], [3, 2, 1]]));
    /// ```
    #[must_use]
    pub fn flip(&self) -> Self {
        let a = self.as_flat();
        Self::from_flat_fn(|k| a[a.len() - 1 - k])
    }

    /// The tensor reversed along axis `A`, like `np.flip(a, axis=A)`; `flip_axis::<0>()` of a
    /// matrix is `np.flipud`, `flip_axis::<1>()` is `np.fliplr`. An axis past the rank is a
    /// compile error.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3};
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// assert_eq!(m.flip_axis::<0>(), Tensor::from([[4, 5, 6], [1, 2, 3]]));
    /// assert_eq!(m.flip_axis::<1>(), Tensor::from([[3, 2, 1], [6, 5, 4]]));
    /// let t = Tensor3::<i32, 2, 2, 2>::arange();
    /// assert_eq!(t.flip_axis::<1>().as_flat(), &[2, 3, 0, 1, 6, 7, 4, 5]);
    /// ```
    #[must_use]
    pub fn flip_axis<const A: usize>(&self) -> Self
    where
        S: ReduceAxis<A>,
    {
        let (_, n, inner) = S::LANES;
        let a = self.as_flat();
        Self::from_flat_fn(|k| {
            let (o, j, i) = (k / (n * inner), k / inner % n, k % inner);
            a[(o * n + (n - 1 - j)) * inner + i]
        })
    }
}

impl<T: Copy, S: Dims> Array<T, S> {
    /// The elements shifted `shift` places forward in row-major order, wrapping around, like
    /// `np.roll(a, shift)` (no axis): a negative `shift` moves them back.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// assert_eq!(m.roll(2), Tensor::from([[5, 6, 1], [2, 3, 4]]));
    /// assert_eq!(m.roll(-1), Tensor::from([[2, 3, 4], [5, 6, 1]]));
    /// ```
    #[must_use]
    pub fn roll(&self, shift: isize) -> Self {
        let a = self.as_flat();
        let n = a.len();
        let back = wrap(shift, n);
        Self::from_flat_fn(|k| a[(k + n - back) % n])
    }

    /// The tensor shifted `shift` places along axis `A`, wrapping around, like
    /// `np.roll(a, shift, axis=A)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// assert_eq!(m.roll_axis::<1>(1), Tensor::from([[3, 1, 2], [6, 4, 5]]));
    /// assert_eq!(m.roll_axis::<0>(-3), Tensor::from([[4, 5, 6], [1, 2, 3]]));
    /// ```
    #[must_use]
    pub fn roll_axis<const A: usize>(&self, shift: isize) -> Self
    where
        S: ReduceAxis<A>,
    {
        let (_, n, inner) = S::LANES;
        let back = wrap(shift, n);
        let a = self.as_flat();
        Self::from_flat_fn(|k| {
            let (o, j, i) = (k / (n * inner), k / inner % n, k % inner);
            a[(o * n + (j + n - back) % n) * inner + i]
        })
    }
}

/// `shift` reduced to `0..n` (0 when `n` is 0).
fn wrap(shift: isize, n: usize) -> usize {
    match isize::try_from(n) {
        Ok(n) if n > 0 => shift.rem_euclid(n).unsigned_abs(),
        _ => 0,
    }
}

impl<T: Copy + PartialOrd, S: Dims> Array<T, S> {
    /// Each row (the last axis) sorted ascending, like `np.sort(a, kind="stable")` (NumPy's
    /// default axis is the last): stable, NaN last.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[3.0, f64::NAN, 1.0], [-0.5, 2.0, -1.0]]);
    /// assert_eq!(m.sort().to_string(), "[[ 1.   3.   nan]\n [-1.  -0.5  2. ]]");
    /// ```
    #[must_use]
    pub fn sort(&self) -> Self {
        let perm = self.argsort();
        gather_lanes(self.as_flat(), Self::LAST_LANES, &perm)
    }

    /// For each row (the last axis), the indices that sort it, like
    /// `np.argsort(a, kind="stable")`: stable, NaN last.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[3, 1, 2, 1], [0, 0, 9, -1]]);
    /// assert_eq!(m.argsort(), Tensor::from([[1, 3, 2, 0], [3, 0, 1, 2]]));
    /// ```
    #[must_use]
    pub fn argsort(&self) -> Array<usize, S> {
        argsort_lanes(self.as_flat(), Self::LAST_LANES)
    }

    /// The tensor sorted along axis `A`, like `np.sort(a, axis=A, kind="stable")`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[3, 1], [2, 5], [1, 4]]);
    /// assert_eq!(m.sort_axis::<0>(), Tensor::from([[1, 1], [2, 4], [3, 5]]));
    /// ```
    #[must_use]
    pub fn sort_axis<const A: usize>(&self) -> Self
    where
        S: ReduceAxis<A>,
    {
        let perm = self.argsort_axis::<A>();
        gather_lanes(self.as_flat(), S::LANES, &perm)
    }

    /// The indices along axis `A` that sort the tensor along it, like
    /// `np.argsort(a, axis=A, kind="stable")`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[3, 1], [2, 5], [1, 4]]);
    /// assert_eq!(m.argsort_axis::<0>(), Tensor::from([[2, 0], [1, 2], [0, 1]]));
    /// ```
    #[must_use]
    pub fn argsort_axis<const A: usize>(&self) -> Array<usize, S>
    where
        S: ReduceAxis<A>,
    {
        argsort_lanes(self.as_flat(), S::LANES)
    }

    /// All elements sorted in row-major order, keeping the shape, like
    /// `np.sort(a, axis=None, kind="stable").reshape(a.shape)` (`np.sort(a, axis=None)` is
    /// this followed by `flatten()`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[3, 1], [2, 0]]);
    /// assert_eq!(m.sort_flat(), Tensor::from([[0, 1], [2, 3]]));
    /// ```
    #[must_use]
    pub fn sort_flat(&self) -> Self {
        let perm = self.argsort_flat();
        gather_lanes(self.as_flat(), (1, S::SIZE, 1), &perm)
    }

    /// The row-major indices that sort all elements, like
    /// `np.argsort(a, axis=None, kind="stable").reshape(a.shape)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[3.0, f64::NAN], [2.0, 0.0]]);
    /// assert_eq!(m.argsort_flat(), Tensor::from([[3, 2], [0, 1]]));
    /// ```
    #[must_use]
    pub fn argsort_flat(&self) -> Array<usize, S> {
        argsort_lanes(self.as_flat(), (1, S::SIZE, 1))
    }
}
