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

use core::marker::PhantomData;
use core::mem::MaybeUninit;

use super::{Axis, Const, Dims, InnerDimsMatch, SizeVisitor};
use crate::Array;
use crate::element::Element;
use crate::kernels;

/// Right operands of the matrix products: matrices (`Array<T, (Const<K>, B1)>`) and references
/// to them. Seals [`MatMulRhs`] and `DynTensor`'s `RowsMatMulRhs`.
pub(super) mod sealed {
    pub trait Sealed {}
    impl<T, const K: usize, B1: crate::shape::Axis> Sealed
        for crate::Array<T, (crate::shape::Const<K>, B1)>
    where
        (crate::shape::Const<K>, B1): crate::shape::Dims,
    {
    }
    impl<X: Sealed + ?Sized> Sealed for &X {}
    #[cfg(feature = "alloc")]
    impl<X: Sealed + ?Sized> Sealed for alloc::boxed::Box<X> {}
}

/// A valid right operand of `Tensor<T, R, K>::matmul`: a `Tensor<T, K, C>` (or a reference
/// to one), whose product with the left operand is [`Output`](Self::Output) `= Tensor<T, R, C>`.
///
/// Sealed: implemented for tensors only. A right operand whose row count is not `K` fails
/// with the message of [`InnerDimsMatch`].
///
/// ```
/// use tensor_core::{Tensor, shape::{Const, MatMulRhs}};
///
/// // Generic over the right operand, like `matmul` itself.
/// fn project<Rhs: MatMulRhs<f64, Const<1>, 3>>(x: &Tensor<f64, 1, 3>, w: &Rhs) -> Rhs::Output {
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
pub trait MatMulRhs<T, A0: Axis, const K: usize>: sealed::Sealed
where
    (A0, Const<K>): Dims,
{
    /// The product's type, `Tensor<T, R, C>` for a right operand `Tensor<T, K, C>`.
    type Output;

    /// Writes `lhs @ self` into every element of `out`, which need not hold a value before.
    /// Called by `Tensor::matmul` and `Tensor::matmul_into`.
    #[doc(hidden)]
    fn __product(&self, lhs: &Array<T, (A0, Const<K>)>, out: &mut MaybeUninit<Self::Output>);
}

impl<T: Element, A0: Axis, const K: usize, const K2: usize, B1: Axis> MatMulRhs<T, A0, K>
    for Array<T, (Const<K2>, B1)>
where
    (A0, Const<K>): Dims,
    (Const<K2>, B1): Dims,
    (A0, B1): Dims,
    (): InnerDimsMatch<<(A0, Const<K>) as Dims>::Name, <(Const<K2>, B1) as Dims>::Name, K, K2>,
{
    type Output = Array<T, (A0, B1)>;

    #[inline]
    fn __product(&self, lhs: &Array<T, (A0, Const<K>)>, out: &mut MaybeUninit<Self::Output>) {
        A0::__visit(ProductRows::<T, B1, K> {
            a: lhs.as_flat(),
            b: self.as_flat(),
            out: Array::flat_uninit(out),
            cols: PhantomData,
        });
    }
}

impl<T, A0: Axis, const K: usize, X> MatMulRhs<T, A0, K> for &X
where
    (A0, Const<K>): Dims,
    X: MatMulRhs<T, A0, K> + ?Sized,
{
    type Output = X::Output;

    #[inline]
    fn __product(&self, lhs: &Array<T, (A0, Const<K>)>, out: &mut MaybeUninit<X::Output>) {
        (**self).__product(lhs, out);
    }
}

/// A boxed matrix multiplies as the matrix it holds: `a.matmul(&b)` with `b: Box<Tensor<..>>`.
#[cfg(feature = "alloc")]
impl<T, A0: Axis, const K: usize, X> MatMulRhs<T, A0, K> for alloc::boxed::Box<X>
where
    (A0, Const<K>): Dims,
    X: MatMulRhs<T, A0, K> + ?Sized,
{
    type Output = X::Output;

    #[inline]
    fn __product(&self, lhs: &Array<T, (A0, Const<K>)>, out: &mut MaybeUninit<X::Output>) {
        (**self).__product(lhs, out);
    }
}

/// The product's operands on their way to [`kernels::matmul::matmul_sized`], which chooses the
/// path from the sizes as const generic arguments: visited first with the row count `R`...
struct ProductRows<'a, T, B1, const K: usize> {
    a: &'a [T],
    b: &'a [T],
    out: &'a mut [MaybeUninit<T>],
    cols: PhantomData<B1>,
}

impl<T: Element, B1: Axis, const K: usize> SizeVisitor for ProductRows<'_, T, B1, K> {
    type Output = ();

    #[inline(always)]
    fn visit<const R: usize>(self) {
        B1::__visit(ProductCols::<T, R, K> {
            a: self.a,
            b: self.b,
            out: self.out,
        });
    }
}

/// ...then with the column count `C`.
struct ProductCols<'a, T, const R: usize, const K: usize> {
    a: &'a [T],
    b: &'a [T],
    out: &'a mut [MaybeUninit<T>],
}

impl<T: Element, const R: usize, const K: usize> SizeVisitor for ProductCols<'_, T, R, K> {
    type Output = ();

    #[inline(always)]
    fn visit<const C: usize>(self) {
        kernels::matmul::matmul_sized::<T, R, K, C>(self.a, self.b, self.out);
    }
}
