//! Reductions of [`DynArray`]: over all elements, and along an axis with `sum_axis::<A>()`
//! and its siblings. Along axis 0, the run-time rows, the result is a static tensor `(1,
//! S...)` (one value per feature, which broadcasts back over the rows: `&x - x.mean_axis::<0>()`);
//! along any other axis it keeps the rows. The kernels, and so the accuracy, are the static
//! tensors' (see `Array::sum`).

use alloc::vec;
use alloc::vec::Vec;

use num_traits::Float;

use crate::kernels::reduce::{
    first_of_lanes, fold_axis, max_nan, mean, mean_lanes, min_nan, std, sum, sum_lanes, var,
    var_lanes,
};
use crate::ops::{arg_into, empty, extremum};
use crate::shape::{Dims, RowsAxis};
use crate::{DynArray, Element};

impl<T: Element, S: Dims> DynArray<T, S> {
    /// The reduction along axis `A` computed by `kernel` into `outer * inner` elements.
    fn reduce_axis<const A: usize, U: Copy + Default>(
        &self,
        kernel: impl FnOnce(&[T], (usize, usize, usize), &mut [U]),
    ) -> S::Out<U>
    where
        S: RowsAxis<A>,
    {
        let lanes = S::lanes(self.nrows());
        let mut out = vec![U::default(); lanes.0 * lanes.2];
        kernel(self.as_flat(), lanes, &mut out);
        S::collect(self.nrows(), out)
    }

    /// The largest (`pick = max_nan`) or smallest element of each lane along axis `A`.
    #[track_caller]
    fn extremum_axis<const A: usize>(&self, what: &str, pick: impl Fn(T, T) -> T) -> S::Out<T>
    where
        S: RowsAxis<A>,
    {
        let dims = self.dims();
        self.reduce_axis::<A, T>(|a, lanes, out| {
            if lanes.1 == 0 {
                if !out.is_empty() {
                    empty(what, &dims[..=S::RANK]);
                }
                return;
            }
            first_of_lanes(a, lanes, out);
            let first: Vec<T> = out.to_vec();
            fold_axis(a, lanes, out, &first, |x, _| x, pick);
        })
    }

    /// The index along axis `A` of the first `better` element of each lane, NaN first.
    #[track_caller]
    fn arg_axis<const A: usize>(
        &self,
        what: &str,
        better: impl Fn(T, T) -> bool + Copy,
    ) -> S::Out<usize>
    where
        S: RowsAxis<A>,
    {
        let dims = self.dims();
        self.reduce_axis::<A, usize>(|a, lanes, out| {
            arg_into(a, lanes, out, what, &&dims[..=S::RANK], better)
        })
    }

    /// The sum of all elements; 0 for an empty tensor.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<i32, 3>::ones(4).sum(), 12);
    /// ```
    #[must_use]
    pub fn sum(&self) -> T {
        sum(self.as_flat())
    }

    /// The largest element, NaN if there is one.
    ///
    /// # Panics
    ///
    /// If the tensor is empty.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<i32, 2>::from_flat_fn(3, |k| k as i32).max(), 5);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn max(&self) -> T {
        extremum(self.as_flat(), "max", &&self.dims()[..=S::RANK], max_nan)
    }

    /// The smallest element, NaN if there is one.
    ///
    /// # Panics
    ///
    /// If the tensor is empty.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<i32, 2>::from_flat_fn(3, |k| k as i32).min(), 0);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn min(&self) -> T {
        extremum(self.as_flat(), "min", &&self.dims()[..=S::RANK], min_nan)
    }

    /// The sum along axis `A`, keeping it, like `np.sum(a, axis=A, keepdims=True)`. Axis 0
    /// (the rows) gives a static tensor of shape `(1, S...)`; any other axis keeps the rows.
    ///
    /// ```
    /// use tensor_core::{DynTensor, DynArray, RowVector, shape::{Const, One}};
    ///
    /// let x = DynTensor::<i32, 3>::from_flat_fn(2, |k| k as i32); // [[0 1 2] [3 4 5]]
    /// let per_feature: RowVector<i32, 3> = x.sum_axis::<0>();
    /// assert_eq!(per_feature.as_flat(), &[3, 5, 7]);
    /// let per_row: DynArray<i32, (One,)> = x.sum_axis::<1>();
    /// assert_eq!(per_row.as_flat(), &[3, 12]);
    /// ```
    #[must_use]
    pub fn sum_axis<const A: usize>(&self) -> S::Out<T>
    where
        S: RowsAxis<A>,
    {
        self.reduce_axis::<A, T>(|a, lanes, out| sum_lanes(a, lanes, out))
    }

    /// The largest element along axis `A`, keeping it; NaN where the lane holds one.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_vec(vec![1, 5, 3, 4]).unwrap();
    /// assert_eq!(x.max_axis::<0>().as_flat(), &[3, 5]);
    /// assert_eq!(x.max_axis::<1>().as_flat(), &[5, 4]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn max_axis<const A: usize>(&self) -> S::Out<T>
    where
        S: RowsAxis<A>,
    {
        self.extremum_axis::<A>("max_axis", max_nan)
    }

    /// The smallest element along axis `A`, keeping it; NaN where the lane holds one.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_vec(vec![1, 5, 3, 4]).unwrap();
    /// assert_eq!(x.min_axis::<1>().as_flat(), &[1, 3]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn min_axis<const A: usize>(&self) -> S::Out<T>
    where
        S: RowsAxis<A>,
    {
        self.extremum_axis::<A>("min_axis", min_nan)
    }

    /// The index along axis `A` of the first largest element of each lane, keeping the
    /// axis; the first NaN if there is one. `argmax_axis::<1>()` of class scores `(n, K)` is
    /// the predicted class of each row.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let scores = DynTensor::<f32, 3>::from_vec(vec![0.1, 0.7, 0.2, 0.5, 0.3, 0.2]).unwrap();
    /// assert_eq!(scores.argmax_axis::<1>().as_flat(), &[1, 0]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmax_axis<const A: usize>(&self) -> S::Out<usize>
    where
        S: RowsAxis<A>,
    {
        self.arg_axis::<A>("argmax_axis", |x, b| x > b)
    }

    /// The index along axis `A` of the first smallest element of each lane, keeping the
    /// axis; the first NaN if there is one.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 2>::from_vec(vec![3, 1, 0, 4]).unwrap();
    /// assert_eq!(x.argmin_axis::<0>().as_flat(), &[1, 0]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn argmin_axis<const A: usize>(&self) -> S::Out<usize>
    where
        S: RowsAxis<A>,
    {
        self.arg_axis::<A>("argmin_axis", |x, b| x < b)
    }
}

impl<T: Element + Float, S: Dims> DynArray<T, S> {
    /// The mean of all elements (NaN for an empty tensor), as accurate as `Array::mean`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 2>::from_flat_fn(2, |k| k as f64).mean(), 1.5);
    /// ```
    #[must_use]
    pub fn mean(&self) -> T {
        mean(self.as_flat())
    }

    /// The variance of all elements (`ddof = 0`).
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 2>::from_flat_fn(2, |k| k as f64).var(), 1.25);
    /// ```
    #[must_use]
    pub fn var(&self) -> T {
        var(self.as_flat(), 0)
    }

    /// The standard deviation of all elements (`ddof = 0`).
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::from_vec(vec![1.0, 3.0]).unwrap().std(), 1.0);
    /// ```
    #[must_use]
    pub fn std(&self) -> T {
        std(self.as_flat(), 0)
    }

    /// The mean along axis `A`, keeping it. `mean_axis::<0>()` is the per-feature mean over
    /// the data, a static tensor `(1, S...)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<f64, 2>::from_vec(vec![1.0, 10.0, 3.0, 30.0]).unwrap();
    /// assert_eq!(x.mean_axis::<0>().as_flat(), &[2.0, 20.0]);
    /// assert_eq!(x.mean_axis::<1>().as_flat(), &[5.5, 16.5]);
    /// ```
    #[must_use]
    pub fn mean_axis<const A: usize>(&self) -> S::Out<T>
    where
        S: RowsAxis<A>,
    {
        self.reduce_axis::<A, T>(|a, lanes, out| mean_lanes(a, lanes, out))
    }

    /// The variance along axis `A` (`ddof = 0`), keeping it.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<f64, 2>::from_vec(vec![1.0, 10.0, 3.0, 30.0]).unwrap();
    /// assert_eq!(x.var_axis::<0>().as_flat(), &[1.0, 100.0]);
    /// ```
    #[must_use]
    pub fn var_axis<const A: usize>(&self) -> S::Out<T>
    where
        S: RowsAxis<A>,
    {
        self.reduce_axis::<A, T>(|a, lanes, out| var_lanes(a, lanes, 0, false, out))
    }

    /// The standard deviation along axis `A` (`ddof = 0`), keeping it: with
    /// [`mean_axis`](Self::mean_axis), the statistics of feature standardization.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<f64, 2>::from_vec(vec![1.0, 10.0, 3.0, 30.0]).unwrap();
    /// let z = (&x - x.mean_axis::<0>()) / x.std_axis::<0>();
    /// assert_eq!(z.as_flat(), &[-1.0, -1.0, 1.0, 1.0]);
    /// ```
    #[must_use]
    pub fn std_axis<const A: usize>(&self) -> S::Out<T>
    where
        S: RowsAxis<A>,
    {
        self.reduce_axis::<A, T>(|a, lanes, out| var_lanes(a, lanes, 0, true, out))
    }
}
