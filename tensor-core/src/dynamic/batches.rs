//! Static mini-batches of a [`DynArray`]: [`DynArray::batches`].

use crate::shape::{Const, Dims, Prepend};
use crate::{Array, DynArray};

impl<T, S: Dims> DynArray<T, S> {
    /// The rows in consecutive groups of `B`, each a view of a static tensor of shape
    /// `(B, S...)`; the last `nrows() % B` rows, too few for a batch, are
    /// [`remainder`](Batches::remainder). A training loop over them runs on static shapes and
    /// keeps every compile-time check.
    ///
    /// # Panics
    ///
    /// If `B` is 0.
    ///
    /// ```
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::<f32, 3>::from_flat_fn(70, |k| k as f32);
    /// let mut batches = x.batches::<32>();
    /// let first: &Tensor<f32, 32, 3> = batches.next().unwrap();
    /// assert_eq!(first[(1, 0)], 3.0);
    /// assert_eq!(batches.len(), 1); // one more full batch
    /// assert_eq!(batches.remainder().shape(), (6, 3)); // 70 = 2 * 32 + 6
    /// ```
    #[track_caller]
    pub fn batches<const B: usize>(&self) -> Batches<'_, T, S, B>
    where
        S: Prepend<Const<B>>,
    {
        assert!(B > 0, "a mini-batch needs at least one row");
        Batches {
            source: self,
            next: 0,
            end: self.nrows() / B,
        }
    }
}

/// The iterator of [`DynArray::batches`]: views of `B` rows at a time, as static tensors.
pub struct Batches<'a, T, S: Dims, const B: usize> {
    source: &'a DynArray<T, S>,
    /// The index of the next batch, and one past the last full one.
    next: usize,
    end: usize,
}

impl<'a, T, S: Prepend<Const<B>>, const B: usize> Batches<'a, T, S, B> {
    /// The rows after the last full batch (fewer than `B`), as a copy.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 1>::from_flat_fn(5, |k| k as i32);
    /// assert_eq!(x.batches::<2>().remainder().as_flat(), &[4]);
    /// assert_eq!(x.batches::<5>().remainder().nrows(), 0);
    /// ```
    #[must_use]
    pub fn remainder(&self) -> DynArray<T, S>
    where
        T: Copy,
    {
        let start = self.source.nrows() / B * B;
        let rest = &self.source.as_flat()[start * S::SIZE..];
        DynArray::from_flat_fn(self.source.nrows() - start, |k| rest[k])
    }
}

impl<'a, T, S: Prepend<Const<B>>, const B: usize> Iterator for Batches<'a, T, S, B> {
    type Item = &'a Array<T, S::Output>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.next == self.end {
            return None;
        }
        let len = B * S::SIZE;
        let flat = &self.source.as_flat()[self.next * len..(self.next + 1) * len];
        self.next += 1;
        Some(Array::view(flat))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.end - self.next;
        (left, Some(left))
    }
}

impl<T, S: Prepend<Const<B>>, const B: usize> ExactSizeIterator for Batches<'_, T, S, B> {}
