//! Reductions, written once for every shape: over the whole tensor, along one axis
//! (`sum_axis::<A>()`), or over every axis but the last (`channel_mean()`).
//!
//! A reduction along an axis keeps it, as a broadcasting size-1 axis ([`One`], NumPy's
//! `keepdims=True`), so the result combines with the tensor it came from in any code, generic
//! code included: `m - m.mean_axis::<1>()` centres each row of a matrix, and
//! `(img - img.channel_mean()) / img.channel_std()` normalises the channels of an image.
//!
//! # Accuracy
//!
//! `sum`, `mean`, `var`/`std` (any `ddof`) and `norm` of `f32` and `f64` tensors, whole and
//! along any axis of every rank, are at least as accurate as NumPy's, and lanes of up to 128
//! elements cost what the plain loop costs:
//!
//! - A lane of at most 128 elements (the rows of a `(n, 64)` batch, the 32 samples of a batch
//!   along axis 0, a whole `(3, 4)` tensor) is reduced as NumPy reduces it, in the element type
//!   and in NumPy's order: `sum`, `mean`, `var` and `std` are NumPy's results bit for bit
//!   (`tests/reduce_numpy.rs`, against NumPy 2.4.6), with NumPy's rounding error and NumPy's
//!   overflow (`[3e38f32, 3e38, -3e38]` sums to `inf`, as in NumPy).
//! - A longer lane is summed with an error that does not grow with its length: `f32` elements
//!   accumulated in `f64` (no partial sum overflows), `f64` elements with compensated summation
//!   (every addition an error-free `two_sum`; along a strided axis, groups of 8 rows summed
//!   pairwise, then compensated), and the division by the count and the square root rounded
//!   once from the unrounded sum: the correctly rounded values but for the last bit now and
//!   then, where NumPy's pairwise summation (blocks of 128 along the contiguous axis) and its
//!   row-by-row sums along the other axes lose digits with the length.
//! - `norm` is accurate at every length (NumPy's goes through BLAS, in no order to match).
//!
//! Largest relative errors measured by `tests/reduce_accuracy.rs` against the exact values
//! (NumPy 2.4.6's from `tests/accuracy/gen_reduce_accuracy.py`; "issue" is
//! `0.1 + (j % 7) * 1e-3` at 10^7 elements, "uniform" is random in `[0, 1)` and "centred" in
//! `[-1, 1)`, whole arrays of 10^3 to 10^8 elements; "per axis" is every axis case of ranks 2
//! to 4 of 10^6 and 10^7 elements, largest over the lanes; `norm` per axis has no method). The
//! per-axis `sum` and `mean` are NumPy's where the worst lane is one of 100 elements of
//! centred data (a sum near 0 after cancellation), which both libraries now sum the same way.
//! The test compares case by case: 624 of the 625 cases are at most NumPy's error; the one
//! miss is `std(ddof=1)` of the 10^8 issue values, whose exact value lies 0.007 ulp from a
//! rounding tie: NumPy's result is 0.493 ulp away, ours 0.507 (the squared deviations are
//! rounded before the compensated sum).
//!
//! | op | dtype | issue 10^7: tensor / NumPy | uniform whole: tensor / NumPy | centred whole: tensor / NumPy | per axis: tensor / NumPy |
//! |---|---|---|---|---|---|
//! | `sum` | f32 | 4.7e-09 / 4.7e-09 | 4.6e-08 / 5.8e-08 | 3.9e-08 / 1.5e-06 | 3.1e-03 / 3.1e-03 |
//! | `sum` | f64 | 1.7e-17 / 1.3e-16 | 7.2e-17 / 1.8e-16 | 9.3e-17 / 5.8e-15 | 5.1e-12 / 5.1e-12 |
//! | `mean` | f32 | 5.8e-09 / 5.8e-09 | 3.1e-08 / 8.9e-08 | 4.2e-08 / 1.5e-06 | 3.1e-03 / 3.1e-03 |
//! | `mean` | f64 | 5.7e-17 / 7.8e-17 | 7.5e-17 / 1.6e-16 | 6.8e-17 / 5.7e-15 | 5.1e-12 / 5.1e-12 |
//! | `var (ddof 0)` | f32 | 3.4e-08 / 7.9e-08 | 4.2e-08 / 1.3e-07 | 4.3e-08 / 5.1e-08 | 5.9e-07 / 4.2e-06 |
//! | `var (ddof 0)` | f64 | 5.7e-17 / 5.7e-17 | 7.5e-17 / 2.1e-16 | 3.4e-17 / 1.6e-16 | 1.2e-15 / 1.5e-14 |
//! | `var (ddof 1)` | f32 | 2.1e-08 / 9.3e-08 | 3.9e-08 / 1.2e-07 | 3.3e-08 / 3.3e-08 | 4.8e-08 / 4.2e-06 |
//! | `var (ddof 1)` | f64 | 3.1e-17 / 3.1e-17 | 5.2e-17 / 2.1e-16 | 7.3e-17 / 1.6e-16 | 1.3e-16 / 1.5e-14 |
//! | `std (ddof 0)` | f32 | 4.2e-08 / 7.5e-08 | 4.4e-08 / 1.0e-07 | 4.0e-08 / 4.0e-08 | 3.1e-07 / 2.1e-06 |
//! | `std (ddof 0)` | f64 | 1.1e-16 / 1.1e-16 | 9.1e-17 / 1.2e-16 | 9.3e-17 / 1.3e-16 | 6.3e-16 / 7.3e-15 |
//! | `std (ddof 1)` | f32 | 2.5e-08 / 2.5e-08 | 4.6e-08 / 7.0e-08 | 4.4e-08 / 4.4e-08 | 5.6e-08 / 2.1e-06 |
//! | `std (ddof 1)` | f64 | 1.0e-16 / 1.1e-16 | 8.8e-17 / 1.4e-16 | 7.5e-17 / 7.5e-17 | 1.1e-16 / 7.5e-15 |
//! | `norm` | f32 | 1.8e-08 / 9.8e-05 | 4.4e-08 / 7.9e-04 | 3.4e-08 / 7.9e-04 |  |
//! | `norm` | f64 | 1.0e-16 / 1.2e-13 | 9.7e-17 / 1.5e-15 | 7.9e-17 / 7.1e-15 |  |
//!
//! Sums and products of other element types combine their elements in an unspecified order (several partial sums,
//! which vectorize and round no worse than one running sum); integer overflow behaves as the
//! element type's operator (a panic with overflow checks on, wrapping otherwise, where the
//! wrapped result does not depend on the order). With overflow checks on, a partial sum can
//! overflow even when the total fits, depending on that order (`[MAX, 1, -1]`): sum in a wider
//! type (`a.map(i64::from).sum()`) when the values come close to the type's range. `mean`,
//! `var`, `std` and `norm` return the element type and are for float tensors. Integer
//! tensors have NumPy's float statistics under the same names with `_f64` appended
//! (`mean_f64`, `var_f64`, `var_ddof_f64`, `std_f64`, `std_ddof_f64`, `mean_axis_f64`,
//! `var_axis_f64`, `std_axis_f64`): NumPy's `a.mean()` of an integer array is a `float64`,
//! computed from the elements converted to `f64`, which is what these do (with the `f64`
//! methods' accuracy; integers beyond 2^53 round on conversion, as in NumPy).
//!
//! [`One`]: crate::shape::One

use num_traits::{AsPrimitive, Float, PrimInt};

use super::out::Out;
use crate::kernels::reduce::{
    arg_best, by_lane, first_of_lanes, fold, fold_axis, lane_mean, lane_sum, lane_var, max_nan,
    mean, mean_lanes, min_nan, norm, prod, std, sum, sum_lanes, var, var_lanes,
};
use crate::shape::{Dims, ReduceAxis, ReduceLeading};
use crate::{Array, Element};

#[cold]
#[track_caller]
pub(crate) fn empty(op: &str, shape: impl core::fmt::Debug) -> ! {
    panic!("{op} of an empty tensor of shape {shape:?}: it has no elements")
}

/// The largest (`pick = max_nan`) or smallest element of `a`, NaN first.
///
/// # Panics
///
/// If `a` is empty, naming `what` and the tensor's `shape`.
#[inline]
#[track_caller]
pub(crate) fn extremum<T: Copy>(
    a: &[T],
    what: &str,
    shape: &dyn core::fmt::Debug,
    pick: impl Fn(T, T) -> T,
) -> T {
    let Some(&first) = a.first() else {
        empty(what, shape)
    };
    fold(a, first, |x| x, pick)
}

/// The reduction of each lane `k` of `n` elements, `f(k)`, for the short contiguous lanes of
/// [`by_lane`]: lanes of one element are a map of the operand, whose result
/// [`Out::from_flat_map_fn`] writes from an aligned start.
#[inline(always)]
fn from_lanes<T, K: Dims, O: Out<T, K>>(n: usize, f: impl FnMut(usize) -> T) -> O {
    if n == 1 {
        O::from_flat_map_fn(1, f)
    } else {
        O::from_flat_fn(1, f)
    }
}

/// Folds the lanes `(outer, n, inner)` of `a` into a tensor of shape `K` (`outer x inner`
/// elements; `O`, a tensor or a boxed one), starting from `init` with `init` passed to `map`
/// as its `extra` (see `kernels::reduce`).
#[inline]
fn fold_lanes<T: Copy, K: Dims, O: Out<T, K>>(
    a: &[T],
    lanes: (usize, usize, usize),
    init: &[T],
    map: impl Fn(T, T) -> T,
    f: impl Fn(T, T) -> T,
) -> O {
    let mut out = O::from_flat_fn(1, |k| init[k]);
    fold_axis(a, lanes, out.flat_mut(), init, map, f);
    out
}

/// The maximum (`pick = max_nan`) or minimum of each lane, NaN first.
#[inline]
#[track_caller]
fn extremum_lanes<T: Element, K: Dims, O: Out<T, K>>(
    a: &[T],
    lanes: (usize, usize, usize),
    what: &str,
    shape: &dyn core::fmt::Debug,
    pick: impl Fn(T, T) -> T,
) -> O {
    let mut first = O::from_flat_fn(1, |_| T::zero());
    if lanes.1 == 0 {
        if !first.flat().is_empty() {
            empty(what, shape);
        }
        return first;
    }
    first_of_lanes(a, lanes, first.flat_mut());
    fold_lanes::<T, K, O>(a, lanes, first.flat(), |x, _| x, pick)
}

/// The index along the axis of the first `better` element of each lane, NaN first.
#[inline]
#[track_caller]
fn arg_lanes<T: Element, K: Dims, O: Out<usize, K>>(
    a: &[T],
    (outer, n, inner): (usize, usize, usize),
    what: &str,
    shape: &dyn core::fmt::Debug,
    better: impl Fn(T, T) -> bool + Copy,
) -> O {
    let mut out = O::from_flat_fn(1, |_| 0);
    arg_into(a, (outer, n, inner), out.flat_mut(), what, shape, better);
    out
}

/// [`arg_lanes`] into `out` (`outer * inner` elements).
#[inline]
#[track_caller]
pub(crate) fn arg_into<T: Element>(
    a: &[T],
    (outer, n, inner): (usize, usize, usize),
    out: &mut [usize],
    what: &str,
    shape: &dyn core::fmt::Debug,
    better: impl Fn(T, T) -> bool + Copy,
) {
    if n == 0 && outer * inner > 0 {
        empty(what, shape);
    }
    for (k, o) in out.iter_mut().enumerate() {
        let (o_i, i) = (k / inner.max(1), k % inner.max(1));
        let lane = |j: usize| a[(o_i * n + j) * inner + i];
        let mut best = 0;
        for j in 1..n {
            let (b, x) = (lane(best), lane(j));
            if crate::kernels::reduce::is_nan(b) {
                break;
            }
            if crate::kernels::reduce::is_nan(x) || better(x, b) {
                best = j;
            }
        }
        *o = best;
    }
}

impl<T: Element, S: Dims> Array<T, S> {
    /// The sum of all elements, like `a.sum()`; 0 for an empty tensor.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).sum(), 10);
    /// ```
    #[must_use]
    pub fn sum(&self) -> T {
        sum(self.as_flat())
    }

    /// The product of all elements, like `a.prod()`; 1 for an empty tensor.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).prod(), 24);
    /// ```
    #[must_use]
    pub fn prod(&self) -> T {
        prod(self.as_flat())
    }

    /// The largest element, like `a.max()`: NaN if any element is NaN, as in NumPy.
    ///
    /// # Panics
    ///
    /// If the tensor is empty (NumPy raises `ValueError`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).max(), 5);
    /// assert!(Tensor::from([1.0, f64::NAN]).max().is_nan());
    /// ```
    #[must_use]
    #[track_caller]
    pub fn max(&self) -> T {
        extremum(self.as_flat(), "max", &S::SHAPE, max_nan)
    }

    /// The smallest element, like `a.min()`: NaN if any element is NaN, as in NumPy.
    ///
    /// # Panics
    ///
    /// If the tensor is empty.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).min(), 1);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn min(&self) -> T {
        extremum(self.as_flat(), "min", &S::SHAPE, min_nan)
    }

    /// The row-major (flat) index of the first largest element, like `a.argmax()`; the first
    /// NaN if there is one, as in NumPy.
    ///
    /// # Panics
    ///
    /// If the tensor is empty (NumPy raises `ValueError`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [5, 4]]).argmax(), 1);
    /// assert_eq!(Tensor::from([1.0, f64::NAN, 9.0]).argmax(), 1);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmax(&self) -> usize {
        if self.is_empty() {
            empty("argmax", S::SHAPE);
        }
        arg_best(self.as_flat(), |x, best| x > best)
    }

    /// The row-major (flat) index of the first smallest element, like `a.argmin()`; the first
    /// NaN if there is one, as in NumPy.
    ///
    /// # Panics
    ///
    /// If the tensor is empty.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[3, 1], [1, 4]]).argmin(), 1);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmin(&self) -> usize {
        if self.is_empty() {
            empty("argmin", S::SHAPE);
        }
        arg_best(self.as_flat(), |x, best| x < best)
    }

    /// The sum along axis `A`, keeping it as a broadcasting size-1 axis, like
    /// `np.sum(a, axis=A, keepdims=True)`. An axis past the rank is a compile error.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3};
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.sum_axis::<0>().as_flat(), &[4, 6]); // a 1 x 2 row
    /// assert_eq!(m.sum_axis::<1>().as_flat(), &[3, 7]); // a 2 x 1 column
    /// let img = Tensor3::<i32, 2, 3, 4>::ones();
    /// assert_eq!(img.sum_axis::<2>().dims(), &[2, 3, 1]);
    /// ```
    #[must_use]
    #[inline]
    pub fn sum_axis<const A: usize>(&self) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.sum_axis_to::<A, _>()
    }

    /// The product along axis `A`, keeping it, like `np.prod(a, axis=A, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).prod_axis::<1>().as_flat(), &[2, 12]);
    /// ```
    #[must_use]
    pub fn prod_axis<const A: usize>(&self) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.prod_axis_to::<A, _>()
    }

    /// The largest element along axis `A`, keeping it, like `np.max(a, axis=A, keepdims=True)`:
    /// NaN where the lane holds a NaN.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 5], [3, 4]]);
    /// assert_eq!(m.max_axis::<0>().as_flat(), &[3, 5]);
    /// assert_eq!(m.max_axis::<1>().as_flat(), &[5, 4]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn max_axis<const A: usize>(&self) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.max_axis_to::<A, _>()
    }

    /// The smallest element along axis `A`, keeping it, like `np.min(a, axis=A, keepdims=True)`.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).min_axis::<1>().as_flat(), &[1, 3]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn min_axis<const A: usize>(&self) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.min_axis_to::<A, _>()
    }

    /// The index along axis `A` of the first largest element of each lane, like
    /// `np.argmax(a, axis=A, keepdims=True)`; the first NaN if there is one.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let scores = Tensor::from([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]]);
    /// assert_eq!(scores.argmax_axis::<1>().as_flat(), &[1, 0]); // the predicted classes
    /// assert_eq!(scores.argmax_axis::<0>().as_flat(), &[1, 0, 0]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmax_axis<const A: usize>(&self) -> Array<usize, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.argmax_axis_to::<A, _>()
    }

    /// The index along axis `A` of the first smallest element of each lane, like
    /// `np.argmin(a, axis=A, keepdims=True)`; the first NaN if there is one.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[3, 1], [0, 4]]).argmin_axis::<0>().as_flat(), &[1, 0]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmin_axis<const A: usize>(&self) -> Array<usize, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.argmin_axis_to::<A, _>()
    }

    /// The sum over every axis but the last (per channel), like
    /// `a.sum(axis=(0, 1), keepdims=True)` for an `(H, W, C)` image.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let img = Tensor3::<i32, 2, 2, 3>::arange();
    /// assert_eq!(img.channel_sum().as_flat(), &[18, 22, 26]);
    /// ```
    #[must_use]
    #[inline]
    pub fn channel_sum(&self) -> Array<T, S::Kept>
    where
        S: ReduceLeading,
    {
        if const { by_lane(S::LANES) } {
            // Short contiguous lanes: each result element from its lane, along memory.
            return from_lanes(S::LANES.1, |k| lane_sum(self.as_flat(), S::LANES.1, k));
        }
        let mut out = Array::<T, S::Kept>::full(T::zero());
        sum_lanes(self.as_flat(), S::LANES, out.as_flat_mut());
        out
    }

    /// The largest element of each channel (over every axis but the last).
    ///
    /// # Panics
    ///
    /// If the leading axes hold no element and there is at least one channel.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// assert_eq!(Tensor3::<i32, 2, 2, 3>::arange().channel_max().as_flat(), &[9, 10, 11]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn channel_max(&self) -> Array<T, S::Kept>
    where
        S: ReduceLeading,
    {
        extremum_lanes(self.as_flat(), S::LANES, "channel_max", &S::SHAPE, max_nan)
    }

    /// The smallest element of each channel (over every axis but the last).
    ///
    /// # Panics
    ///
    /// If the leading axes hold no element and there is at least one channel.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// assert_eq!(Tensor3::<i32, 2, 2, 3>::arange().channel_min().as_flat(), &[0, 1, 2]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn channel_min(&self) -> Array<T, S::Kept>
    where
        S: ReduceLeading,
    {
        extremum_lanes(self.as_flat(), S::LANES, "channel_min", &S::SHAPE, min_nan)
    }
}

impl<T: Element + Float, S: Dims> Array<T, S> {
    /// The mean of all elements, like `a.mean()`; NaN for an empty tensor.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 2.0], [3.0, 4.0]]).mean(), 2.5);
    /// ```
    #[must_use]
    pub fn mean(&self) -> T {
        mean(self.as_flat())
    }

    /// The variance of all elements (`ddof = 0`), like `a.var()`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 2.0, 3.0, 4.0]).var(), 1.25);
    /// ```
    #[must_use]
    pub fn var(&self) -> T {
        self.var_ddof(0)
    }

    /// The variance of all elements with `ddof` delta degrees of freedom (divided by
    /// `n - ddof`), like `a.var(ddof=ddof)`; `ddof = 1` is the unbiased sample variance.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 2.0, 3.0, 4.0]).var_ddof(1), 5.0 / 3.0);
    /// ```
    #[must_use]
    pub fn var_ddof(&self, ddof: usize) -> T {
        var(self.as_flat(), ddof)
    }

    /// The standard deviation of all elements (`ddof = 0`), like `a.std()`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 3.0]).std(), 1.0);
    /// ```
    #[must_use]
    pub fn std(&self) -> T {
        std(self.as_flat(), 0)
    }

    /// The standard deviation with `ddof` delta degrees of freedom, like `a.std(ddof=ddof)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 3.0]).std_ddof(1), 2.0f64.sqrt());
    /// ```
    #[must_use]
    pub fn std_ddof(&self, ddof: usize) -> T {
        std(self.as_flat(), ddof)
    }

    /// The Euclidean (Frobenius) norm, like `np.linalg.norm(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([3.0, 4.0]).norm(), 5.0);
    /// ```
    #[must_use]
    pub fn norm(&self) -> T {
        norm(self.as_flat())
    }

    /// The mean along axis `A`, keeping it, like `np.mean(a, axis=A, keepdims=True)`: the
    /// result broadcasts back, so `x - x.mean_axis::<0>()` centres each column.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1.0, 2.0, 3.0], [4.0, 6.0, 8.0]]);
    /// assert_eq!(m - m.mean_axis::<1>(), Tensor::from([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0]]));
    /// ```
    #[must_use]
    #[inline]
    pub fn mean_axis<const A: usize>(&self) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.mean_axis_to::<A, _>()
    }

    /// The variance along axis `A` (`ddof = 0`), keeping it, like
    /// `np.var(a, axis=A, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 3.0], [2.0, 2.0]]).var_axis::<1>().as_flat(), &[1.0, 0.0]);
    /// ```
    #[must_use]
    #[inline]
    pub fn var_axis<const A: usize>(&self) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.var_axis_ddof::<A>(0)
    }

    /// The variance along axis `A` with `ddof` delta degrees of freedom, keeping it, like
    /// `np.var(a, axis=A, ddof=ddof, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let v = Tensor::from([[1.0, 3.0], [2.0, 2.0]]).var_axis_ddof::<1>(1);
    /// assert_eq!(v.as_flat(), &[2.0, 0.0]);
    /// ```
    #[must_use]
    #[inline]
    pub fn var_axis_ddof<const A: usize>(&self, ddof: usize) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.var_axis_ddof_to::<A, _>(ddof)
    }

    /// The standard deviation along axis `A` (`ddof = 0`), keeping it, like
    /// `np.std(a, axis=A, keepdims=True)`: `(x - x.mean_axis::<0>()) / x.std_axis::<0>()`
    /// standardises each column.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 3.0]]).std_axis::<1>().as_flat(), &[1.0]);
    /// ```
    #[must_use]
    #[inline]
    pub fn std_axis<const A: usize>(&self) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.std_axis_ddof::<A>(0)
    }

    /// The standard deviation along axis `A` with `ddof` delta degrees of freedom, keeping it.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let s = Tensor::from([[1.0, 3.0]]).std_axis_ddof::<1>(1);
    /// assert_eq!(s.as_flat(), &[2.0f64.sqrt()]);
    /// ```
    #[must_use]
    #[inline]
    pub fn std_axis_ddof<const A: usize>(&self, ddof: usize) -> Array<T, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.std_axis_ddof_to::<A, _>(ddof)
    }

    /// The mean of each channel (over every axis but the last), like
    /// `a.mean(axis=(0, 1), keepdims=True)` for an `(H, W, C)` image.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let img = Tensor3::<f64, 4, 4, 3>::from_fn(|i, j, c| (i * 4 + j) as f64 * (c + 1) as f64);
    /// let z = (img - img.channel_mean()) / img.channel_std();
    /// assert!(z.channel_mean().iter().all(|m| m.abs() < 1e-12));
    /// assert!(z.channel_std().iter().all(|s| (s - 1.0).abs() < 1e-12));
    /// ```
    #[must_use]
    #[inline]
    pub fn channel_mean(&self) -> Array<T, S::Kept>
    where
        S: ReduceLeading,
    {
        if const { by_lane(S::LANES) } {
            // Short contiguous lanes: each result element from its lane, along memory.
            return from_lanes(S::LANES.1, |k| lane_mean(self.as_flat(), S::LANES.1, k));
        }
        let mut out = Array::<T, S::Kept>::full(T::zero());
        mean_lanes(self.as_flat(), S::LANES, out.as_flat_mut());
        out
    }

    /// The variance of each channel (`ddof = 0`).
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// assert!(Tensor3::<f64, 2, 2, 3>::ones().channel_var().iter().all(|&v| v == 0.0));
    /// ```
    #[must_use]
    #[inline]
    pub fn channel_var(&self) -> Array<T, S::Kept>
    where
        S: ReduceLeading,
    {
        if const { by_lane(S::LANES) } {
            // Short contiguous lanes: each result element from its lane, along memory.
            return from_lanes(S::LANES.1, |k| {
                lane_var(self.as_flat(), S::LANES.1, k, 0, false)
            });
        }
        let mut out = Array::<T, S::Kept>::full(T::zero());
        var_lanes(self.as_flat(), S::LANES, 0, false, out.as_flat_mut());
        out
    }

    /// The standard deviation of each channel (`ddof = 0`).
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let img = Tensor3::<f64, 1, 2, 1>::from_fn(|_, j, _| j as f64);
    /// assert_eq!(img.channel_std().as_flat(), &[0.5]);
    /// ```
    #[must_use]
    #[inline]
    pub fn channel_std(&self) -> Array<T, S::Kept>
    where
        S: ReduceLeading,
    {
        if const { by_lane(S::LANES) } {
            // Short contiguous lanes: each result element from its lane, along memory.
            return from_lanes(S::LANES.1, |k| {
                lane_var(self.as_flat(), S::LANES.1, k, 0, true)
            });
        }
        let mut out = Array::<T, S::Kept>::full(T::zero());
        var_lanes(self.as_flat(), S::LANES, 0, true, out.as_flat_mut());
        out
    }
}

impl<T: Element, const N: usize> crate::Vector<T, N> {
    /// The dot product of two vectors, like `np.dot(u, v)` for 1-D arrays.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1, 2, 3]).dot(&Tensor::from([4, 5, 6])), 32);
    /// ```
    #[must_use]
    pub fn dot(&self, other: &Self) -> T {
        crate::kernels::reduce::fold_zip(
            self.as_flat(),
            other.as_flat(),
            T::zero(),
            |a, b| a * b,
            |a, b| a + b,
        )
    }
}

/// The bodies of the reductions along an axis, generic over where the result goes: an `Array`
/// for the methods above, a boxed one for `BoxedOps`.
impl<T: Element, S: Dims> Array<T, S> {
    #[inline]
    pub(crate) fn sum_axis_to<const A: usize, O: Out<T, S::Kept>>(&self) -> O
    where
        S: ReduceAxis<A>,
    {
        if const { by_lane(S::LANES) } {
            // Short contiguous lanes: each result element from its lane, along memory.
            return from_lanes(S::LANES.1, |k| lane_sum(self.as_flat(), S::LANES.1, k));
        }
        let mut out = O::from_flat_fn(1, |_| T::zero());
        sum_lanes(self.as_flat(), S::LANES, out.flat_mut());
        out
    }

    #[inline]
    pub(crate) fn prod_axis_to<const A: usize, O: Out<T, S::Kept>>(&self) -> O
    where
        S: ReduceAxis<A>,
    {
        let ones = O::from_flat_fn(1, |_| T::one());
        fold_lanes::<T, S::Kept, O>(
            self.as_flat(),
            S::LANES,
            ones.flat(),
            |x, _| x,
            |a, b| a * b,
        )
    }

    #[inline]
    #[track_caller]
    pub(crate) fn max_axis_to<const A: usize, O: Out<T, S::Kept>>(&self) -> O
    where
        S: ReduceAxis<A>,
    {
        extremum_lanes::<T, S::Kept, O>(self.as_flat(), S::LANES, "max_axis", &S::SHAPE, max_nan)
    }

    #[inline]
    #[track_caller]
    pub(crate) fn min_axis_to<const A: usize, O: Out<T, S::Kept>>(&self) -> O
    where
        S: ReduceAxis<A>,
    {
        extremum_lanes::<T, S::Kept, O>(self.as_flat(), S::LANES, "min_axis", &S::SHAPE, min_nan)
    }

    #[inline]
    #[track_caller]
    pub(crate) fn argmax_axis_to<const A: usize, O: Out<usize, S::Kept>>(&self) -> O
    where
        S: ReduceAxis<A>,
    {
        arg_lanes::<T, S::Kept, O>(
            self.as_flat(),
            S::LANES,
            "argmax_axis",
            &S::SHAPE,
            |x, b| x > b,
        )
    }

    #[inline]
    #[track_caller]
    pub(crate) fn argmin_axis_to<const A: usize, O: Out<usize, S::Kept>>(&self) -> O
    where
        S: ReduceAxis<A>,
    {
        arg_lanes::<T, S::Kept, O>(
            self.as_flat(),
            S::LANES,
            "argmin_axis",
            &S::SHAPE,
            |x, b| x < b,
        )
    }
}

/// The bodies of the float reductions along an axis, generic over where the result goes.
impl<T: Element + Float, S: Dims> Array<T, S> {
    #[inline]
    pub(crate) fn mean_axis_to<const A: usize, O: Out<T, S::Kept>>(&self) -> O
    where
        S: ReduceAxis<A>,
    {
        if const { by_lane(S::LANES) } {
            // Short contiguous lanes: each result element from its lane, along memory.
            return from_lanes(S::LANES.1, |k| lane_mean(self.as_flat(), S::LANES.1, k));
        }
        let mut out = O::from_flat_fn(1, |_| T::zero());
        mean_lanes(self.as_flat(), S::LANES, out.flat_mut());
        out
    }

    #[inline]
    pub(crate) fn var_axis_ddof_to<const A: usize, O: Out<T, S::Kept>>(&self, ddof: usize) -> O
    where
        S: ReduceAxis<A>,
    {
        if const { by_lane(S::LANES) } {
            // Short contiguous lanes: each result element from its lane, along memory.
            return from_lanes(S::LANES.1, |k| {
                lane_var(self.as_flat(), S::LANES.1, k, ddof, false)
            });
        }
        let mut out = O::from_flat_fn(1, |_| T::zero());
        var_lanes(self.as_flat(), S::LANES, ddof, false, out.flat_mut());
        out
    }

    #[inline]
    pub(crate) fn std_axis_ddof_to<const A: usize, O: Out<T, S::Kept>>(&self, ddof: usize) -> O
    where
        S: ReduceAxis<A>,
    {
        if const { by_lane(S::LANES) } {
            // Short contiguous lanes: each result element from its lane, along memory.
            return from_lanes(S::LANES.1, |k| {
                lane_var(self.as_flat(), S::LANES.1, k, ddof, true)
            });
        }
        let mut out = O::from_flat_fn(1, |_| T::zero());
        var_lanes(self.as_flat(), S::LANES, ddof, true, out.flat_mut());
        out
    }
}

/// NumPy's statistics of integer arrays, which it computes in `float64`: the float methods'
/// names with `_f64` appended (one way for integers; float tensors use `mean`, `var`, ...,
/// which keep their element type).
impl<T: Element + PrimInt + AsPrimitive<f64>, S: Dims> Array<T, S> {
    /// The elements as `f64`, the input of the statistics below.
    fn to_f64_array(&self) -> Array<f64, S> {
        self.map_ref(AsPrimitive::as_)
    }

    /// The mean of an integer tensor as `f64`, like NumPy's `a.mean()` of an integer array
    /// (a `float64`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([[1, 2], [3, 4]]).mean() -> 2.5
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).mean_f64(), 2.5);
    /// ```
    #[must_use]
    pub fn mean_f64(&self) -> f64 {
        self.to_f64_array().mean()
    }

    /// The variance (`ddof = 0`) of an integer tensor as `f64`, like NumPy's `a.var()`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([1, 2, 3, 4]).var() -> 1.25
    /// assert_eq!(Tensor::from([1, 2, 3, 4]).var_f64(), 1.25);
    /// ```
    #[must_use]
    pub fn var_f64(&self) -> f64 {
        self.to_f64_array().var()
    }

    /// The variance with `ddof` delta degrees of freedom as `f64`, like
    /// `a.var(ddof=ddof)` of an integer array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([1, 2, 3, 4]).var(ddof=1) -> 1.6666666666666667
    /// assert_eq!(Tensor::from([1u8, 2, 3, 4]).var_ddof_f64(1), 1.6666666666666667);
    /// ```
    #[must_use]
    pub fn var_ddof_f64(&self, ddof: usize) -> f64 {
        self.to_f64_array().var_ddof(ddof)
    }

    /// The standard deviation (`ddof = 0`) as `f64`, like `a.std()` of an integer array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([1, 3]).std() -> 1.0
    /// assert_eq!(Tensor::from([1, 3]).std_f64(), 1.0);
    /// ```
    #[must_use]
    pub fn std_f64(&self) -> f64 {
        self.to_f64_array().std()
    }

    /// The standard deviation with `ddof` delta degrees of freedom as `f64`, like
    /// `a.std(ddof=ddof)` of an integer array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([1, 3]).std(ddof=1) -> 1.4142135623730951
    /// assert_eq!(Tensor::from([1i64, 3]).std_ddof_f64(1), 1.4142135623730951);
    /// ```
    #[must_use]
    pub fn std_ddof_f64(&self, ddof: usize) -> f64 {
        self.to_f64_array().std_ddof(ddof)
    }

    /// The mean along axis `A` as `f64`, keeping it, like
    /// `np.mean(a, axis=A, keepdims=True)` of an integer array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([[1, 2, 3], [4, 6, 8]]).mean(axis=1, keepdims=True) -> [[2.], [6.]]
    /// let m = Tensor::from([[1, 2, 3], [4, 6, 8]]);
    /// assert_eq!(m.mean_axis_f64::<1>(), Tensor::from([[2.0], [6.0]]));
    /// ```
    #[must_use]
    pub fn mean_axis_f64<const A: usize>(&self) -> Array<f64, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.to_f64_array().mean_axis::<A>()
    }

    /// The variance (`ddof = 0`) along axis `A` as `f64`, keeping it, like
    /// `np.var(a, axis=A, keepdims=True)` of an integer array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([[1, 3], [2, 2]]).var(axis=0, keepdims=True) -> [[0.25, 0.25]]
    /// assert_eq!(Tensor::from([[1, 3], [2, 2]]).var_axis_f64::<0>(), Tensor::from([[0.25, 0.25]]));
    /// ```
    #[must_use]
    pub fn var_axis_f64<const A: usize>(&self) -> Array<f64, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.to_f64_array().var_axis::<A>()
    }

    /// The standard deviation (`ddof = 0`) along axis `A` as `f64`, keeping it, like
    /// `np.std(a, axis=A, keepdims=True)` of an integer array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([[1, 3], [2, 2]]).std(axis=1, keepdims=True) -> [[1.], [0.]]
    /// assert_eq!(Tensor::from([[1, 3], [2, 2]]).std_axis_f64::<1>(), Tensor::from([[1.0], [0.0]]));
    /// ```
    #[must_use]
    pub fn std_axis_f64<const A: usize>(&self) -> Array<f64, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        self.to_f64_array().std_axis::<A>()
    }
}
