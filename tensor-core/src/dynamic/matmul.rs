//! The matrix product of a run-time number of rows with a static matrix.

use crate::shape::RowsMatMulRhs;
use crate::{DynTensor, Element};

impl<T: Element, const K: usize> DynTensor<T, K> {
    /// The matrix product `(n, K) @ (K, C) -> (n, C)`, like `x @ w`: a dense layer over data
    /// of any number of rows. The right operand is a `Tensor<T, K, C>` (or a
    /// `ColVector<T, K>`, giving `(n, 1)`); the inner dimensions are checked at compile time,
    /// and a mismatch is a type error naming both shapes, the rows as `n`:
    ///
    /// ```text
    /// error[E0277]: cannot multiply `DynShape<n, 784>` by `Shape<785, 10>`: inner dimensions 784 and 785 differ
    /// ```
    ///
    /// The product runs the static tensors' kernels, the path chosen from `(n, K, C)`.
    ///
    /// ```
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::<f64, 2>::from_vec(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
    /// let w = Tensor::from([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]);
    /// let y = x.matmul(&w);
    /// assert_eq!(y.shape(), (3, 3));
    /// assert_eq!(y.row(2).as_flat(), &[5.0, 6.0, 11.0]);
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::<f32, 784>::zeros(5);
    /// let _ = x.matmul(&Tensor::<f32, 785, 10>::zeros()); // inner dimensions 784 and 785 differ
    /// ```
    #[must_use]
    pub fn matmul<Rhs: RowsMatMulRhs<T, K>>(&self, w: &Rhs) -> Rhs::Output {
        w.__matmul(self)
    }
}
