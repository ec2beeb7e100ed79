//! The inner-dimension check of the matrix product.
//!
//! `Tensor::matmul` takes its right operand as any `Rhs: MatMulRhs<T, R, K>` rather than as
//! `&Tensor<T, K, C>`. Both reject a mismatch at type-check time, but with the concrete type
//! rustc reports a bare `E0308: expected Tensor<_, 3, _>, found Tensor<_, 2, _>`. With the
//! generic operand the right-hand type is known before the bound is checked, and the bound's
//! last link, [`InnerDimsMatch`], names both shapes:
//!
//! ```text
//! error[E0277]: cannot multiply `Shape<2, 3>` by `Shape<2, 3>`: inner dimensions 3 and 2 differ
//! ```
//!
//! No typenum arithmetic is involved (`InnerDimsMatch<_, _, N, N>` is implemented for equal
//! const parameters), so matrix products type-check for every dimension, beyond the table of
//! [`Dim`](super::Dim) too.

use super::{InnerDimsMatch, Shape};
use crate::Tensor;
use crate::element::Element;
use crate::kernels;

mod sealed {
    pub trait Sealed {}
    impl<T, const R: usize, const C: usize> Sealed for crate::Tensor<T, R, C> {}
    impl<X: Sealed + ?Sized> Sealed for &X {}
}

/// A valid right operand of `Tensor<T, R, K>::matmul`: a `Tensor<T, K, C>` (or a reference
/// to one), whose product with the left operand is [`Output`](Self::Output) `= Tensor<T, R, C>`.
///
/// Sealed: implemented for tensors only. A right operand whose row count is not `K` fails
/// with the message of [`InnerDimsMatch`].
///
/// ```
/// use tensor_core::{Tensor, shape::MatMulRhs};
///
/// // Generic over the right operand's column count, like `matmul` itself.
/// fn project<Rhs: MatMulRhs<f64, 1, 3>>(x: &Tensor<f64, 1, 3>, w: &Rhs) -> Rhs::Output {
///     x.matmul(w)
/// }
/// let y = project(&Tensor::from([1.0, 2.0, 3.0]), &Tensor::<f64, 3, 2>::ones());
/// assert_eq!(y, Tensor::from([6.0, 6.0]));
/// ```
///
/// ```compile_fail
/// use tensor_core::{Tensor, shape::MatMulRhs};
///
/// fn takes<Rhs: MatMulRhs<f64, 2, 3>>(_: &Rhs) {}
/// takes(&Tensor::<f64, 2, 3>::zeros()); // inner dimensions 3 and 2 differ
/// ```
pub trait MatMulRhs<T, const R: usize, const K: usize>: sealed::Sealed {
    /// The product's type, `Tensor<T, R, C>` for a right operand `Tensor<T, K, C>`.
    type Output;

    /// Writes `lhs @ self` into `out`. Called by `Tensor::matmul` and `Tensor::matmul_into`.
    #[doc(hidden)]
    fn __matmul_into(&self, lhs: &Tensor<T, R, K>, out: &mut Self::Output);

    /// A zero-filled output.
    #[doc(hidden)]
    fn __zeros() -> Self::Output;
}

impl<T: Element, const R: usize, const K: usize, const K2: usize, const C: usize> MatMulRhs<T, R, K>
    for Tensor<T, K2, C>
where
    (): InnerDimsMatch<Shape<R, K>, Shape<K2, C>, K, K2>,
{
    type Output = Tensor<T, R, C>;

    #[inline]
    fn __matmul_into(&self, lhs: &Tensor<T, R, K>, out: &mut Tensor<T, R, C>) {
        kernels::matmul::matmul_sized::<T, R, K, C>(
            lhs.as_flat(),
            self.as_flat(),
            out.as_flat_mut(),
        );
    }

    #[inline]
    fn __zeros() -> Tensor<T, R, C> {
        Tensor::zeros()
    }
}

impl<T, const R: usize, const K: usize, X> MatMulRhs<T, R, K> for &X
where
    X: MatMulRhs<T, R, K> + ?Sized,
{
    type Output = X::Output;

    fn __matmul_into(&self, lhs: &Tensor<T, R, K>, out: &mut X::Output) {
        (**self).__matmul_into(lhs, out);
    }

    fn __zeros() -> X::Output {
        X::__zeros()
    }
}
