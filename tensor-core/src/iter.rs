//! Iteration and elementwise mapping.

use crate::Tensor;

impl<T, const R: usize, const C: usize> IntoIterator for Tensor<T, R, C> {
    type Item = T;
    type IntoIter = core::iter::Flatten<core::array::IntoIter<[T; C], R>>;

    /// Consumes the tensor, yielding its elements in row-major order.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let v: Vec<i32> = Tensor::from([[1, 2], [3, 4]]).into_iter().collect();
    /// assert_eq!(v, [1, 2, 3, 4]);
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter().flatten()
    }
}
