//! Selections whose length depends on the data (feature `alloc`): NumPy's boolean indexing
//! `a[mask]`, `np.flatnonzero`, `np.nonzero`, and `np.unique` with its indices, inverse and counts. Their
//! results are `Vec`s: the number of elements is not known at compile time, so it cannot be
//! in a tensor's type.

use alloc::vec::Vec;

use super::order::nan_last;
use crate::Array;
use crate::shape::{Dims, SameDims};

/// The result of [`Array::unique`], NumPy's
/// `np.unique(a, return_index=True, return_inverse=True, return_counts=True)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unique<T> {
    /// The distinct elements, ascending, NaN last (all NaNs are one value, as in NumPy).
    pub values: Vec<T>,
    /// For each value, the row-major index of its first occurrence (`return_index`).
    pub indices: Vec<usize>,
    /// For each element in row-major order, the position of its value in `values`
    /// (`return_inverse`): `values[inverse[k]]` is element `k`.
    pub inverse: Vec<usize>,
    /// How many elements equal each value (`return_counts`).
    pub counts: Vec<usize>,
}

impl<T: Copy, S: Dims> Array<T, S> {
    /// The elements where `mask` is `true`, in row-major order, like NumPy's `a[mask]` for a
    /// mask of the same shape.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1, 2, 3, 4], [5, 6, 7, 8]]);
    /// assert_eq!(a.masked(&a.map(|x| x % 2 == 0)), vec![2, 4, 6, 8]);
    /// assert_eq!(a.masked(&a.gt_scalar(6)), vec![7, 8]);
    /// ```
    #[must_use]
    pub fn masked<S2: Dims>(&self, mask: &Array<bool, S2>) -> Vec<T>
    where
        S: SameDims<S2>,
    {
        self.iter()
            .zip(mask.iter())
            .filter_map(|(&x, &keep)| keep.then_some(x))
            .collect()
    }
}

impl<T: Copy + PartialEq + Default, S: Dims> Array<T, S> {
    /// The row-major indices of the nonzero elements (`true` for a mask), like
    /// `np.flatnonzero(a)`; NaN is nonzero, `-0.0` is zero.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[0, 3], [-1, 0]]);
    /// assert_eq!(m.flatnonzero(), vec![1, 2]);
    /// assert_eq!(m.gt_scalar(0).flatnonzero(), vec![1]);
    /// ```
    #[must_use]
    pub fn flatnonzero(&self) -> Vec<usize> {
        let zero = T::default();
        (0..S::SIZE)
            .filter(|&k| self.as_flat()[k] != zero)
            .collect()
    }

    /// The indices of the nonzero elements (`true` for a mask), one `Vec` per axis, like
    /// `np.nonzero(a)`'s tuple of arrays: element `k` of the result is at
    /// `(nz[0][k], nz[1][k], ...)`, in row-major order. A `Vector` (NumPy's 1-D array) has two
    /// axes here, so its first `Vec` holds zeros. NaN is nonzero, `-0.0` is zero.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.nonzero(np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]) < 5)
    /// // -> (array([0, 0, 0, 0]), array([0, 1, 2, 3]))
    /// let a = Tensor::from([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
    /// assert_eq!(a.lt_scalar(5).nonzero(), vec![vec![0, 0, 0, 0], vec![0, 1, 2, 3]]);
    /// // np.nonzero(np.array([[0, 3], [-1, 0]])) -> (array([0, 1]), array([1, 0]))
    /// assert_eq!(Tensor::from([[0, 3], [-1, 0]]).nonzero(), vec![vec![0, 1], vec![1, 0]]);
    /// ```
    #[must_use]
    pub fn nonzero(&self) -> Vec<Vec<usize>> {
        let flat = self.flatnonzero();
        let mut out: Vec<Vec<usize>> = (0..S::RANK)
            .map(|_| Vec::with_capacity(flat.len()))
            .collect();
        for mut k in flat {
            // Unravel `k` from the last axis to the first.
            for (axis, &n) in S::DIMS.iter().enumerate().rev() {
                out[axis].push(k % n);
                k /= n;
            }
        }
        out
    }
}

impl<T: Copy + PartialOrd, S: Dims> Array<T, S> {
    /// The distinct elements, sorted, with where each first occurs, where each element went,
    /// and how often each occurs, like
    /// `np.unique(a, return_index=True, return_inverse=True, return_counts=True)` (NumPy
    /// flattens `a`). NaNs count as one value, placed last; `-0.0` and `0.0` are one value,
    /// represented by the first to occur.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[3, 1, 3], [2, 1, 3]]);
    /// let u = a.unique();
    /// assert_eq!(u.values, vec![1, 2, 3]);
    /// assert_eq!(u.indices, vec![1, 3, 0]);
    /// assert_eq!(u.inverse, vec![2, 0, 2, 1, 0, 2]);
    /// assert_eq!(u.counts, vec![2, 1, 3]);
    /// ```
    #[must_use]
    pub fn unique(&self) -> Unique<T> {
        let a = self.as_flat();
        let mut order: Vec<usize> = (0..a.len()).collect();
        order.sort_by(|&i, &j| nan_last(&a[i], &a[j]));
        let mut out = Unique {
            values: Vec::new(),
            indices: Vec::new(),
            inverse: alloc::vec![0; a.len()],
            counts: Vec::new(),
        };
        for &k in &order {
            let same = out
                .values
                .last()
                .is_some_and(|last| nan_last(last, &a[k]).is_eq());
            if !same {
                out.values.push(a[k]);
                out.indices.push(k);
                out.counts.push(0);
            }
            out.inverse[k] = out.values.len() - 1;
            *out.counts.last_mut().expect("a value was pushed") += 1;
        }
        out
    }
}
