//! `+ - * /` between tensors (NumPy broadcasting), `+= -= *= /=` between tensors of the same
//! shape, and unary `-`: one impl each, for every shape.
//!
//! Same-shape operands need no bound at all, so code generic over every dimension type-checks
//! (`a + b` with `a, b: Tensor<f32, N, C>`); the broadcasting cases are the
//! [`BroadcastWith`] rules.
//!
//! Integer overflow behaves as Rust's operator on the element type does in `tensor-core`'s
//! build: a panic when overflow checks are on (debug builds), two's-complement wrapping when
//! they are off (release builds). Integer division by zero and `MIN / -1` (for example
//! `i32::MIN / -1`) always panic, as Rust's `/` does in every build (NumPy returns `MIN` for
//! the latter). Never UB.
//!
//! ```
//! use tensor_core::{Tensor, Tensor3, Vector};
//!
//! let m = Tensor::from([[1, 2], [3, 4]]);
//! assert_eq!(m + m, Tensor::from([[2, 4], [6, 8]]));
//! assert_eq!(m * Vector::from([10, 100]), Tensor::from([[10, 200], [30, 400]])); // rows
//! assert_eq!(m - m.sum_axis::<1>(), Tensor::from([[-2, -1], [-4, -3]])); // per-row column
//! let img = Tensor3::<i32, 2, 2, 3>::ones();
//! assert_eq!((img * Tensor3::<i32, 1, 1, 3>::arange()).sum(), 12); // per channel
//! ```
//!
//! ```compile_fail,E0277
//! use tensor_core::Tensor;
//!
//! let _ = Tensor::<f32, 3, 2>::zeros() + Tensor::<f32, 1, 3>::zeros();
//! // operands could not be broadcast together with shapes (Const<3>, Const<2>) and (Const<1>, Const<3>)
//! ```

use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use super::broadcast::zip_broadcast;
use crate::Array;
use crate::kernels::elementwise::{binary_assign_simd, unary_assign};
use crate::kernels::simd::Binary;
use crate::shape::{BroadcastWith, Dims};

/// The four owned/borrowed forms of one broadcasting operator and the two forms of its
/// in-place twin. The operator's semantics are in the module docs.
macro_rules! binary_op {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident) => {
        impl<T, S, S2> $Op<Array<T, S2>> for Array<T, S>
        where
            T: Copy + Default + $Op<Output = T>,
            S: BroadcastWith<S2>,
            S2: Dims,
        {
            type Output = Array<T, S::Output>;

            #[inline]
            fn $op(self, rhs: Array<T, S2>) -> Self::Output {
                zip_broadcast::<T, S, S2, _>(
                    self.as_flat(),
                    rhs.as_flat(),
                    Some(Binary::$Op),
                    T::$op,
                )
            }
        }

        impl<T, S, S2> $Op<&Array<T, S2>> for Array<T, S>
        where
            T: Copy + Default + $Op<Output = T>,
            S: BroadcastWith<S2>,
            S2: Dims,
        {
            type Output = Array<T, S::Output>;

            #[inline]
            fn $op(self, rhs: &Array<T, S2>) -> Self::Output {
                zip_broadcast::<T, S, S2, _>(
                    self.as_flat(),
                    rhs.as_flat(),
                    Some(Binary::$Op),
                    T::$op,
                )
            }
        }

        impl<T, S, S2> $Op<Array<T, S2>> for &Array<T, S>
        where
            T: Copy + Default + $Op<Output = T>,
            S: BroadcastWith<S2>,
            S2: Dims,
        {
            type Output = Array<T, S::Output>;

            #[inline]
            fn $op(self, rhs: Array<T, S2>) -> Self::Output {
                zip_broadcast::<T, S, S2, _>(
                    self.as_flat(),
                    rhs.as_flat(),
                    Some(Binary::$Op),
                    T::$op,
                )
            }
        }

        impl<T, S, S2> $Op<&Array<T, S2>> for &Array<T, S>
        where
            T: Copy + Default + $Op<Output = T>,
            S: BroadcastWith<S2>,
            S2: Dims,
        {
            type Output = Array<T, S::Output>;

            #[inline]
            fn $op(self, rhs: &Array<T, S2>) -> Self::Output {
                zip_broadcast::<T, S, S2, _>(
                    self.as_flat(),
                    rhs.as_flat(),
                    Some(Binary::$Op),
                    T::$op,
                )
            }
        }

        impl<T, S: Dims> $OpAssign<Array<T, S>> for Array<T, S>
        where
            T: Copy + $Op<Output = T>,
        {
            #[inline]
            fn $op_assign(&mut self, rhs: Array<T, S>) {
                binary_assign_simd(self.as_flat_mut(), rhs.as_flat(), Binary::$Op, T::$op);
            }
        }

        impl<T, S: Dims> $OpAssign<&Array<T, S>> for Array<T, S>
        where
            T: Copy + $Op<Output = T>,
        {
            #[inline]
            fn $op_assign(&mut self, rhs: &Array<T, S>) {
                binary_assign_simd(self.as_flat_mut(), rhs.as_flat(), Binary::$Op, T::$op);
            }
        }
    };
}

binary_op!(Add, add, AddAssign, add_assign);
binary_op!(Sub, sub, SubAssign, sub_assign);
binary_op!(Mul, mul, MulAssign, mul_assign);
binary_op!(Div, div, DivAssign, div_assign);

/// Elementwise negation, like NumPy's `-a`.
///
/// ```
/// use tensor_core::Tensor3;
///
/// let a = Tensor3::<f64, 2, 2, 2>::full(1.5);
/// assert_eq!(-a, Tensor3::full(-1.5));
/// ```
impl<T, S: Dims> Neg for Array<T, S>
where
    T: Copy + Neg<Output = T>,
{
    type Output = Self;

    #[inline]
    fn neg(mut self) -> Self {
        unary_assign(self.as_flat_mut(), T::neg);
        self
    }
}

/// Elementwise negation of a borrowed tensor.
///
/// ```
/// use tensor_core::Tensor;
///
/// let a = Tensor::from([[1, -2]]);
/// assert_eq!(-&a, Tensor::from([[-1, 2]]));
/// ```
impl<T, S: Dims> Neg for &Array<T, S>
where
    T: Copy + Neg<Output = T>,
{
    type Output = Array<T, S>;

    #[inline]
    fn neg(self) -> Array<T, S> {
        let mut out = Array::from_flat_fn(|k| self.as_flat()[k]);
        unary_assign(out.as_flat_mut(), T::neg);
        out
    }
}
