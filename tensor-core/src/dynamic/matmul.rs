//! The matrix products of a run-time number of rows: with a static matrix, `(n, K) @ (K, C)`,
//! and of two run-time tensors' rows, `(n, K)^T @ (n, C)`.

use crate::kernels::matmul::t_matmul_rows;
use crate::shape::RowsMatMulRhs;
use crate::{DynTensor, Element, RowsMismatch, Tensor};

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

impl<T, const K: usize> DynTensor<T, K> {
    /// The transpose `(K, n)`, like NumPy's `x.T`, as a borrowed view for the product
    /// [`x.t().matmul(&y)`](DynTransposed::matmul): `(n, K)^T @ (n, C) -> Tensor<T, K, C>`,
    /// the gradient `x.T @ err` of a linear model over a data-sized batch. In the `tensor!`
    /// expression DSL, `x.T @ y` expands to this call.
    ///
    /// A transpose has a run-time trailing dimension, which no tensor type holds, so the view
    /// is not a tensor: it multiplies a run-time tensor of the same rows and nothing else. To
    /// meet a static tensor, convert one side: `DynTensor::from(&y)`, or
    /// [`to_static`](crate::DynArray::to_static) and the static `x.t().matmul(&y)`.
    ///
    /// ```
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::<f64, 2>::from_vec(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
    /// let err = DynTensor::<f64, 1>::from_vec(vec![1.0, 0.0, -1.0]).unwrap();
    /// assert_eq!(x.t().shape(), (2, 3));
    /// let g: Tensor<f64, 2, 1> = x.t().matmul(&err); // x.T @ err
    /// assert_eq!(g, Tensor::from([[-4.0], [-4.0]]));
    /// ```
    #[must_use]
    pub const fn t(&self) -> DynTransposed<'_, T, K> {
        DynTransposed { x: self }
    }
}

impl<T: Element, const K: usize> DynTensor<T, K> {
    /// `x.t().matmul(&y)`: `(n, K)^T @ (n, C) -> Tensor<T, K, C>`, like NumPy's `x.T @ y`, the
    /// same call as the static [`Tensor::t_matmul`]. See [`DynTransposed::matmul`].
    ///
    /// # Panics
    ///
    /// If `x` and `y` have different row counts, as [`DynTransposed::matmul`].
    ///
    /// ```
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::from(Tensor::from([[1.0], [2.0], [3.0]]));
    /// let err = DynTensor::from(Tensor::from([[0.5], [0.0], [-1.0]]));
    /// assert_eq!(x.t_matmul(&err), Tensor::from([[-2.5]])); // x.T @ err
    /// ```
    #[must_use]
    #[track_caller]
    pub fn t_matmul<const C: usize>(&self, y: &DynTensor<T, C>) -> Tensor<T, K, C> {
        self.t().matmul(y)
    }
}

/// The transpose `(K, n)` of a [`DynTensor<T, K>`], borrowed: what [`DynTensor::t`] returns,
/// the left operand of [`matmul`](Self::matmul).
///
/// ```
/// use tensor_core::{DynTensor, Tensor, dynamic::DynTransposed};
///
/// let x = DynTensor::from(Tensor::from([[1.0, 2.0], [3.0, 4.0]]));
/// let xt: DynTransposed<'_, f64, 2> = x.t();
/// assert_eq!(xt.matmul(&x), Tensor::from([[10.0, 14.0], [14.0, 20.0]]));
/// ```
#[derive(Debug)]
pub struct DynTransposed<'a, T, const K: usize> {
    x: &'a DynTensor<T, K>,
}

impl<T, const K: usize> Clone for DynTransposed<'_, T, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, const K: usize> Copy for DynTransposed<'_, T, K> {}

impl<T, const K: usize> DynTransposed<'_, T, K> {
    /// The shape `(K, n)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f32, 784>::zeros(60).t().shape(), (784, 60));
    /// ```
    #[must_use]
    pub const fn shape(&self) -> (usize, usize) {
        (K, self.x.nrows())
    }
}

impl<T: Element, const K: usize> DynTransposed<'_, T, K> {
    /// The product `(n, K)^T @ (n, C) -> (K, C)`, like NumPy's `x.T @ y`: a static
    /// `Tensor<T, K, C>`, the gradient `x.T @ err` of a linear model, or the Gram matrix
    /// `x.T @ x`. The two row counts must be equal, and are checked at run time.
    ///
    /// The small products sum the outer products of the rows, `out[p][j] += x[i][p] *
    /// y[i][j]` for `i = 0, 1, .., n - 1` from zero, as the naive loop does; the larger ones
    /// (as chosen for [`Tensor::matmul`] from the shape `(K, n, C)`) copy the transpose of
    /// `x` to the heap (a temporary as large as `x`; a one-column `x` is read as stored) and
    /// run the static tensors' SIMD kernels on it. With no rows, the product is zeros.
    ///
    /// The result is returned by value, through the stack, as the static `matmul`'s: for a
    /// large `K x C` (the Gram matrix of 784 `f32` features is 2.4 MB, more than a spawned
    /// thread's 2 MiB stack), write it into a boxed tensor with
    /// [`matmul_into`](Self::matmul_into).
    ///
    /// # Panics
    ///
    /// If `x` and `y` have different row counts, with the message of
    /// [`try_matmul`](Self::try_matmul)'s error.
    ///
    /// ```
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::from(Tensor::from([[1, 2], [3, 4], [5, 6]]));
    /// assert_eq!(x.t().matmul(&x), Tensor::from([[35, 44], [44, 56]])); // x.T @ x
    /// ```
    ///
    /// ```should_panic
    /// use tensor_core::DynTensor;
    ///
    /// let _ = DynTensor::<f32, 2>::zeros(3).t().matmul(&DynTensor::<f32, 1>::zeros(4));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn matmul<const C: usize>(&self, y: &DynTensor<T, C>) -> Tensor<T, K, C> {
        let mut out = Tensor::zeros();
        self.matmul_into(y, &mut out);
        out
    }

    /// Writes [`matmul`](Self::matmul)'s product into `out`, overwriting it, like NumPy's
    /// `np.matmul(x.T, y, out=out)`. Nothing of the size of the product is placed on the
    /// stack, so `out` can be a large tensor in a `Box`.
    ///
    /// # Panics
    ///
    /// If `x` and `y` have different row counts, with the message of
    /// [`try_matmul`](Self::try_matmul)'s error; `out` is then left as it was.
    ///
    /// ```
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::<f32, 784>::ones(3);
    /// let mut gram = Tensor::<f32, 784, 784>::boxed_zeros(); // 2.4 MB, never on the stack
    /// x.t().matmul_into(&x, &mut gram);
    /// assert_eq!(gram.as_flat()[784 * 784 - 1], 3.0);
    /// ```
    #[track_caller]
    pub fn matmul_into<const C: usize>(&self, y: &DynTensor<T, C>, out: &mut Tensor<T, K, C>) {
        if let Err(e) = self.check_rows(y) {
            fail(e);
        }
        t_matmul_rows::<T, K, C>(
            self.x.nrows(),
            self.x.as_flat(),
            y.as_flat(),
            out.as_flat_mut(),
        );
    }

    /// [`matmul`](Self::matmul), returning [`RowsMismatch::TransposedProduct`] when the row counts
    /// differ.
    ///
    /// ```
    /// use tensor_core::{DynTensor, RowsMismatch};
    ///
    /// let x = DynTensor::<f32, 2>::zeros(3);
    /// let e = x.t().try_matmul(&DynTensor::<f32, 1>::zeros(4)).unwrap_err();
    /// assert_eq!(e, RowsMismatch::TransposedProduct { left: [2, 3], right: [4, 1] });
    /// assert_eq!(e.to_string(), "cannot multiply (2, 3) by (4, 1): inner dimensions 3 and 4 differ");
    /// assert_eq!(x.t().try_matmul(&DynTensor::<f32, 1>::ones(3)).unwrap().as_flat(), &[0.0; 2]);
    /// ```
    pub fn try_matmul<const C: usize>(
        &self,
        y: &DynTensor<T, C>,
    ) -> Result<Tensor<T, K, C>, RowsMismatch> {
        self.check_rows(y)?;
        Ok(self.matmul(y))
    }

    /// The error when `y`'s rows are not `x`'s.
    fn check_rows<const C: usize>(&self, y: &DynTensor<T, C>) -> Result<(), RowsMismatch> {
        let (n, m) = (self.x.nrows(), y.nrows());
        if n == m {
            Ok(())
        } else {
            Err(RowsMismatch::TransposedProduct {
                left: [K, n],
                right: [m, C],
            })
        }
    }
}

/// Panics with the error's message, at the caller of the product.
#[cold]
#[track_caller]
fn fail(e: RowsMismatch) -> ! {
    panic!("{e}")
}
