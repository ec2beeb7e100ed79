//! Reductions: over the whole tensor, or along one axis keeping it (NumPy's `keepdims=True`),
//! so that the result broadcasts back: `m - m.mean_axis1()` centres each row.
//!
//! Naming: `*_axis0` reduces over the rows (NumPy's `axis=0`) to a `1 x C` row, `*_axis1`
//! reduces over the columns (`axis=1`) to an `R x 1` column.
//!
//! # Accuracy
//!
//! `sum`, `mean`, `var`/`std` (any `ddof`) and `norm` of `f32` and `f64` tensors, whole and
//! along any axis of every rank, are at least as accurate as NumPy's: `f32` elements are
//! accumulated in `f64`, `f64` elements with compensated summation (every addition an
//! error-free `two_sum`; along a strided axis, groups of 8 rows summed pairwise, then
//! compensated), and the division by the count and the square root are rounded once from the
//! unrounded sum. The error does not grow with the length: the results are the correctly
//! rounded values but for the last bit now and then, where NumPy's pairwise summation (blocks
//! of 128 along the contiguous axis) and its row-by-row sums along the other axes lose digits
//! with the length. Largest relative errors measured by `tests/reduce_accuracy.rs` against the
//! exact values (NumPy 2.4.6's from `tests/accuracy/gen_reduce_accuracy.py`; "issue" is
//! `0.1 + (j % 7) * 1e-3` at 10^7 elements, "uniform" is random in `[0, 1)` and "centred" in
//! `[-1, 1)`, whole arrays of 10^3 to 10^8 elements; "per axis" is every axis case of ranks 2
//! to 4 of 10^6 and 10^7 elements, largest over the lanes; `norm` per axis has no method).
//! The test compares case by case: 624 of the 625 cases are at most NumPy's error; the one
//! miss is `std(ddof=1)` of the 10^8 issue values, whose exact value lies 0.007 ulp from a
//! rounding tie: NumPy's result is 0.493 ulp away, ours 0.507 (the squared deviations are
//! rounded before the compensated sum).
//!
//! | op | dtype | issue 10^7: tensor / NumPy | uniform whole: tensor / NumPy | centred whole: tensor / NumPy | per axis: tensor / NumPy |
//! |---|---|---|---|---|---|
//! | `sum` | f32 | 4.7e-09 / 4.7e-09 | 4.6e-08 / 5.8e-08 | 3.9e-08 / 1.5e-06 | 6.0e-08 / 3.1e-03 |
//! | `sum` | f64 | 1.7e-17 / 1.3e-16 | 7.2e-17 / 1.8e-16 | 9.3e-17 / 5.8e-15 | 9.5e-13 / 5.1e-12 |
//! | `mean` | f32 | 5.8e-09 / 5.8e-09 | 3.1e-08 / 8.9e-08 | 4.2e-08 / 1.5e-06 | 6.0e-08 / 3.1e-03 |
//! | `mean` | f64 | 5.7e-17 / 7.8e-17 | 7.5e-17 / 1.6e-16 | 6.8e-17 / 5.7e-15 | 9.5e-13 / 5.1e-12 |
//! | `var (ddof 0)` | f32 | 3.4e-08 / 7.9e-08 | 4.2e-08 / 1.3e-07 | 4.3e-08 / 5.1e-08 | 5.9e-08 / 4.2e-06 |
//! | `var (ddof 0)` | f64 | 5.7e-17 / 5.7e-17 | 7.5e-17 / 2.1e-16 | 3.4e-17 / 1.6e-16 | 3.8e-16 / 1.5e-14 |
//! | `var (ddof 1)` | f32 | 2.1e-08 / 9.3e-08 | 3.9e-08 / 1.2e-07 | 3.3e-08 / 3.3e-08 | 4.8e-08 / 4.2e-06 |
//! | `var (ddof 1)` | f64 | 3.1e-17 / 3.1e-17 | 5.2e-17 / 2.1e-16 | 7.3e-17 / 1.6e-16 | 1.3e-16 / 1.5e-14 |
//! | `std (ddof 0)` | f32 | 4.2e-08 / 7.5e-08 | 4.4e-08 / 1.0e-07 | 4.0e-08 / 4.0e-08 | 5.9e-08 / 2.1e-06 |
//! | `std (ddof 0)` | f64 | 1.1e-16 / 1.1e-16 | 9.1e-17 / 1.2e-16 | 9.3e-17 / 1.3e-16 | 2.6e-16 / 7.3e-15 |
//! | `std (ddof 1)` | f32 | 2.5e-08 / 2.5e-08 | 4.6e-08 / 7.0e-08 | 4.4e-08 / 4.4e-08 | 5.6e-08 / 2.1e-06 |
//! | `std (ddof 1)` | f64 | 1.0e-16 / 1.1e-16 | 8.8e-17 / 1.4e-16 | 7.5e-17 / 7.5e-17 | 1.1e-16 / 7.5e-15 |
//! | `norm` | f32 | 1.8e-08 / 9.8e-05 | 4.4e-08 / 7.9e-04 | 3.4e-08 / 7.9e-04 |  |
//! | `norm` | f64 | 1.0e-16 / 1.2e-13 | 9.7e-17 / 1.5e-15 | 7.9e-17 / 7.1e-15 |  |
//!
//! Sums and products of other element types combine their elements in an unspecified order
//! (several partial sums, which vectorize and round no worse than one running sum); integer
//! overflow behaves as the element type's operator (a panic
//! with overflow checks on, wrapping otherwise, where the wrapped result does not depend on
//! the order). With overflow checks on, a partial sum can overflow even when the total fits,
//! depending on that order (`[MAX, 1, -1]`): sum in a wider type (`a.map(i64::from).sum()`)
//! when the values come close to the type's range. `mean`, `var`, `std` and `norm` are for float tensors; for integers convert
//! first, e.g. `a.map(|x| x as f64).mean()` (NumPy also computes them in float64).

use num_traits::Float;

use crate::kernels::reduce::{
    arg_best, arg_best_columns, fold, fold_axis, fold_zip, max_nan, mean, mean_lanes, min_nan,
    norm, prod, std, sum, sum_lanes, var, var_lanes,
};
use crate::{ColVector, Element, Tensor, Vector};

#[cold]
#[track_caller]
pub(crate) fn empty(op: &str, shape: impl core::fmt::Debug) -> ! {
    panic!("{op} of an empty tensor of shape {shape:?}: it has no elements")
}

impl<T: Element, const R: usize, const C: usize> Tensor<T, R, C> {
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

    /// The sum of each column, like `np.sum(a, axis=0, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).sum_axis0(), Tensor::from([[4, 6]]));
    /// ```
    #[must_use]
    pub fn sum_axis0(&self) -> Vector<T, C> {
        let mut out = Tensor::from_array([[T::zero(); C]]);
        sum_lanes(self.as_flat(), (1, R, C), out.as_flat_mut());
        out
    }

    /// The sum of each row, like `np.sum(a, axis=1, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).sum_axis1(), Tensor::from([[3], [7]]));
    /// ```
    #[must_use]
    pub fn sum_axis1(&self) -> ColVector<T, R> {
        let mut out = Tensor::from_array([[T::zero()]; R]);
        sum_lanes(self.as_flat(), (R, C, 1), out.as_flat_mut());
        out
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

    /// The product of each column, like `np.prod(a, axis=0, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).prod_axis0(), Tensor::from([[3, 8]]));
    /// ```
    #[must_use]
    pub fn prod_axis0(&self) -> Vector<T, C> {
        self.fold_axis0(T::one(), |x, _| x, |a, b| a * b, &[T::zero(); C])
    }

    /// The product of each row, like `np.prod(a, axis=1, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).prod_axis1(), Tensor::from([[2], [12]]));
    /// ```
    #[must_use]
    pub fn prod_axis1(&self) -> ColVector<T, R> {
        let mut out = Tensor::from_array([[T::one()]; R]);
        fold_axis(
            self.as_flat(),
            (R, C, 1),
            out.as_flat_mut(),
            &[T::one(); R],
            |x, _| x,
            |a, b| a * b,
        );
        out
    }

    /// The largest element, like `a.max()`: NaN if any element is NaN.
    ///
    /// # Panics
    ///
    /// If the tensor is empty (NumPy raises `ValueError`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).max(), 5);
    /// assert!(Tensor::from([1.0, f64::NAN, 3.0]).max().is_nan());
    /// ```
    #[must_use]
    #[track_caller]
    pub fn max(&self) -> T {
        let Some(&first) = self.as_flat().first() else {
            empty("max", (R, C))
        };
        fold(self.as_flat(), first, |x| x, max_nan)
    }

    /// The smallest element, like `a.min()`: NaN if any element is NaN.
    ///
    /// # Panics
    ///
    /// If the tensor is empty (NumPy raises `ValueError`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).min(), 1);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn min(&self) -> T {
        let Some(&first) = self.as_flat().first() else {
            empty("min", (R, C))
        };
        fold(self.as_flat(), first, |x| x, min_nan)
    }

    /// The largest element of each column, like `np.max(a, axis=0, keepdims=True)`.
    ///
    /// # Panics
    ///
    /// If the tensor has no rows.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).max_axis0(), Tensor::from([[3, 5]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn max_axis0(&self) -> Vector<T, C> {
        let Some(first) = self.data.first() else {
            empty("max_axis0", (R, C))
        };
        let mut out = Tensor::from_array([*first]);
        fold_axis(
            self.as_flat(),
            (1, R, C),
            out.as_flat_mut(),
            first,
            |x, _| x,
            max_nan,
        );
        out
    }

    /// The smallest element of each column, like `np.min(a, axis=0, keepdims=True)`.
    ///
    /// # Panics
    ///
    /// If the tensor has no rows.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).min_axis0(), Tensor::from([[1, 4]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn min_axis0(&self) -> Vector<T, C> {
        let Some(first) = self.data.first() else {
            empty("min_axis0", (R, C))
        };
        let mut out = Tensor::from_array([*first]);
        fold_axis(
            self.as_flat(),
            (1, R, C),
            out.as_flat_mut(),
            first,
            |x, _| x,
            min_nan,
        );
        out
    }

    /// The largest element of each row, like `np.max(a, axis=1, keepdims=True)`.
    ///
    /// # Panics
    ///
    /// If the tensor has no columns (and at least one row).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).max_axis1(), Tensor::from([[5], [4]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn max_axis1(&self) -> ColVector<T, R> {
        if C == 0 && R > 0 {
            empty("max_axis1", (R, C));
        }
        let mut out = Tensor::from_array([[T::zero()]; R]);
        for (o, row) in out.as_flat_mut().iter_mut().zip(self.data.iter()) {
            *o = row[0];
        }
        let first = out;
        fold_axis(
            self.as_flat(),
            (R, C, 1),
            out.as_flat_mut(),
            first.as_flat(),
            |x, _| x,
            max_nan,
        );
        out
    }

    /// The smallest element of each row, like `np.min(a, axis=1, keepdims=True)`.
    ///
    /// # Panics
    ///
    /// If the tensor has no columns (and at least one row).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).min_axis1(), Tensor::from([[1], [3]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn min_axis1(&self) -> ColVector<T, R> {
        if C == 0 && R > 0 {
            empty("min_axis1", (R, C));
        }
        let mut out = Tensor::from_array([[T::zero()]; R]);
        for (o, row) in out.as_flat_mut().iter_mut().zip(self.data.iter()) {
            *o = row[0];
        }
        let first = out;
        fold_axis(
            self.as_flat(),
            (R, C, 1),
            out.as_flat_mut(),
            first.as_flat(),
            |x, _| x,
            min_nan,
        );
        out
    }

    /// The row-major (flat) index of the first largest element, like `a.argmax()`; the first
    /// NaN if there is one, as in NumPy. `(index / C, index % C)` is its position.
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
            empty("argmax", (R, C));
        }
        arg_best(self.as_flat(), |x, best| x > best)
    }

    /// The row-major (flat) index of the first smallest element, like `a.argmin()`; the first
    /// NaN if there is one, as in NumPy.
    ///
    /// # Panics
    ///
    /// If the tensor is empty (NumPy raises `ValueError`).
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
            empty("argmin", (R, C));
        }
        arg_best(self.as_flat(), |x, best| x < best)
    }

    /// The row of the first largest element of each column, like
    /// `np.argmax(a, axis=0, keepdims=True)` (NaN first).
    ///
    /// # Panics
    ///
    /// If the tensor has no rows.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 5]]).argmax_axis0(), Tensor::from([[1, 0]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmax_axis0(&self) -> Vector<usize, C> {
        if R == 0 {
            empty("argmax_axis0", (R, C));
        }
        let mut out = Tensor::from_array([[0; C]]);
        arg_best_columns(self.as_flat(), out.as_flat_mut(), |x, best| x > best);
        out
    }

    /// The row of the first smallest element of each column, like
    /// `np.argmin(a, axis=0, keepdims=True)` (NaN first).
    ///
    /// # Panics
    ///
    /// If the tensor has no rows.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 4]]).argmin_axis0(), Tensor::from([[0, 1]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmin_axis0(&self) -> Vector<usize, C> {
        if R == 0 {
            empty("argmin_axis0", (R, C));
        }
        let mut out = Tensor::from_array([[0; C]]);
        arg_best_columns(self.as_flat(), out.as_flat_mut(), |x, best| x < best);
        out
    }

    /// The column of the first largest element of each row, like
    /// `np.argmax(a, axis=1, keepdims=True)` (NaN first).
    ///
    /// # Panics
    ///
    /// If the tensor has no columns (and at least one row).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 3]]).argmax_axis1(), Tensor::from([[1], [0]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmax_axis1(&self) -> ColVector<usize, R> {
        Tensor::from_array(
            self.data
                .each_ref()
                .map(|row| [Vector::from(*row).argmax()]),
        )
    }

    /// The column of the first smallest element of each row, like
    /// `np.argmin(a, axis=1, keepdims=True)` (NaN first).
    ///
    /// # Panics
    ///
    /// If the tensor has no columns (and at least one row).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 5], [3, 0]]).argmin_axis1(), Tensor::from([[0], [1]]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmin_axis1(&self) -> ColVector<usize, R> {
        Tensor::from_array(
            self.data
                .each_ref()
                .map(|row| [Vector::from(*row).argmin()]),
        )
    }

    /// Folds the rows column by column into a `1 x C` row; `map` also receives `extra[j]`.
    #[inline]
    fn fold_axis0(
        &self,
        init: T,
        map: impl Fn(T, T) -> T,
        f: impl Fn(T, T) -> T,
        extra: &[T; C],
    ) -> Vector<T, C> {
        let mut out = Tensor::from_array([[init; C]]);
        fold_axis(self.as_flat(), (1, R, C), out.as_flat_mut(), extra, map, f);
        out
    }
}

impl<T: Element + Float, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The arithmetic mean of all elements, like `a.mean()`; NaN for an empty tensor.
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

    /// The mean of each column, like `np.mean(a, axis=0, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 2.0], [3.0, 4.0]]).mean_axis0(), Tensor::from([2.0, 3.0]));
    /// ```
    #[must_use]
    pub fn mean_axis0(&self) -> Vector<T, C> {
        let mut out = Tensor::from_array([[T::zero(); C]]);
        mean_lanes(self.as_flat(), (1, R, C), out.as_flat_mut());
        out
    }

    /// The mean of each row, like `np.mean(a, axis=1, keepdims=True)`. `m - m.mean_axis1()`
    /// centres each row.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1.0, 3.0], [2.0, 6.0]]);
    /// assert_eq!(m.mean_axis1(), Tensor::from([[2.0], [4.0]]));
    /// assert_eq!(m - m.mean_axis1(), Tensor::from([[-1.0, 1.0], [-2.0, 2.0]]));
    /// ```
    #[must_use]
    pub fn mean_axis1(&self) -> ColVector<T, R> {
        let mut out = Tensor::from_array([[T::zero()]; R]);
        mean_lanes(self.as_flat(), (R, C, 1), out.as_flat_mut());
        out
    }

    /// The variance of all elements with `ddof = 0`, like `a.var()`: the mean squared
    /// deviation from the mean.
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

    /// The variance with `ddof` delta degrees of freedom, like `a.var(ddof=ddof)`: the sum of
    /// squared deviations divided by `n - ddof` (`inf` or NaN when `ddof >= n`, as in NumPy).
    /// `ddof = 1` is the unbiased sample variance.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::from([1.0, 2.0, 3.0, 4.0]);
    /// assert_eq!(x.var_ddof(1), 5.0 / 3.0);
    /// ```
    #[must_use]
    pub fn var_ddof(&self, ddof: usize) -> T {
        var(self.as_flat(), ddof)
    }

    /// The variance of each column, like `np.var(a, axis=0, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 0.0], [3.0, 0.0]]).var_axis0(), Tensor::from([1.0, 0.0]));
    /// ```
    #[must_use]
    pub fn var_axis0(&self) -> Vector<T, C> {
        self.var_axis0_ddof(0)
    }

    /// The variance of each column with `ddof` delta degrees of freedom, like
    /// `np.var(a, axis=0, ddof=ddof, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0], [3.0]]).var_axis0_ddof(1), Tensor::from([2.0]));
    /// ```
    #[must_use]
    pub fn var_axis0_ddof(&self, ddof: usize) -> Vector<T, C> {
        let mut out = Tensor::from_array([[T::zero(); C]]);
        var_lanes(self.as_flat(), (1, R, C), ddof, false, out.as_flat_mut());
        out
    }

    /// The variance of each row, like `np.var(a, axis=1, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 3.0], [2.0, 2.0]]).var_axis1(), Tensor::from([[1.0], [0.0]]));
    /// ```
    #[must_use]
    pub fn var_axis1(&self) -> ColVector<T, R> {
        self.var_axis1_ddof(0)
    }

    /// The variance of each row with `ddof` delta degrees of freedom, like
    /// `np.var(a, axis=1, ddof=ddof, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 3.0]]).var_axis1_ddof(1), Tensor::from([[2.0]]));
    /// ```
    #[must_use]
    pub fn var_axis1_ddof(&self, ddof: usize) -> ColVector<T, R> {
        let mut out = Tensor::from_array([[T::zero()]; R]);
        var_lanes(self.as_flat(), (R, C, 1), ddof, false, out.as_flat_mut());
        out
    }

    /// The standard deviation of all elements with `ddof = 0`, like `a.std()`.
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

    /// The standard deviation of each column, like `np.std(a, axis=0, keepdims=True)`.
    /// `(x - x.mean_axis0()) / x.std_axis0()` normalises a dataset per column.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 0.0], [3.0, 0.0]]).std_axis0(), Tensor::from([1.0, 0.0]));
    /// ```
    #[must_use]
    pub fn std_axis0(&self) -> Vector<T, C> {
        self.std_axis0_ddof(0)
    }

    /// The standard deviation of each column with `ddof` delta degrees of freedom, like
    /// `np.std(a, axis=0, ddof=ddof, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0], [5.0]]).std_axis0_ddof(1), Tensor::from([8.0f64.sqrt()]));
    /// ```
    #[must_use]
    pub fn std_axis0_ddof(&self, ddof: usize) -> Vector<T, C> {
        let mut out = Tensor::from_array([[T::zero(); C]]);
        var_lanes(self.as_flat(), (1, R, C), ddof, true, out.as_flat_mut());
        out
    }

    /// The standard deviation of each row, like `np.std(a, axis=1, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 3.0]]).std_axis1(), Tensor::from([[1.0]]));
    /// ```
    #[must_use]
    pub fn std_axis1(&self) -> ColVector<T, R> {
        self.std_axis1_ddof(0)
    }

    /// The standard deviation of each row with `ddof` delta degrees of freedom, like
    /// `np.std(a, axis=1, ddof=ddof, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 5.0]]).std_axis1_ddof(1), Tensor::from([[8.0f64.sqrt()]]));
    /// ```
    #[must_use]
    pub fn std_axis1_ddof(&self, ddof: usize) -> ColVector<T, R> {
        let mut out = Tensor::from_array([[T::zero()]; R]);
        var_lanes(self.as_flat(), (R, C, 1), ddof, true, out.as_flat_mut());
        out
    }

    /// The Frobenius norm (the L2 norm of a vector), `sqrt(sum(x²))`, like
    /// `np.linalg.norm(a)`.
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
}

impl<T: Element, const N: usize> Vector<T, N> {
    /// The dot product of two vectors of the same length, like `np.dot(a, b)` for 1-D arrays.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1, 2, 3]).dot(&Tensor::from([4, 5, 6])), 32);
    /// ```
    #[must_use]
    pub fn dot(&self, other: &Self) -> T {
        fold_zip(
            self.as_flat(),
            other.as_flat(),
            T::zero(),
            |a, b| a * b,
            |a, b| a + b,
        )
    }
}
