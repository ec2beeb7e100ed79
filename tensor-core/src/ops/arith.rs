//! `+ - * /` between tensors of the same rank (broadcasting), `+= -= *= /=` between tensors of
//! the same shape, and unary `-`, for `Tensor`, `Tensor3` and `Tensor4`.
//!
//! Integer overflow behaves as Rust's operator on the element type does in `tensor-core`'s
//! build: a panic when overflow checks are on (debug builds), two's-complement wrapping when
//! they are off (release builds). Integer division by zero and `MIN / -1` (for example
//! `i32::MIN / -1`) always panic, as Rust's `/` does in every build (NumPy returns `MIN` for
//! the latter). Never UB.

use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use super::broadcast::zip_broadcast;
use crate::kernels::elementwise::{binary_assign_simd, unary_assign};
use crate::kernels::simd::Binary;
use crate::shape::{Broadcast, BroadcastWith, Shape, Shape3, Shape4};
use crate::{Tensor, Tensor3, Tensor4};

/// One operator for one tensor type: the four owned/borrowed forms of `a op b` (broadcasting)
/// and the two forms of `a op= b` (same shape). `$ex_*` are shapes for the doc examples: `a`,
/// a shape that broadcasts with it, their result, and one that does not.
macro_rules! binary_op {
    (
        $Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $sym:tt,
        $Ten:ident [$($d:ident),+] [$($e:ident),+] $Sh:ident,
        $ex_a:literal, $ex_b:literal, $ex_out:literal, $ex_bad:literal
    ) => {
        #[doc = concat!("Elementwise `a ", stringify!($sym), " b` with NumPy broadcasting: each axis of")]
        /// the two shapes (of the same rank) must be equal or 1, and the result takes the
        /// larger size per axis. A mismatch is a compile error naming both shapes.
        ///
        /// Every dimension must be in the table of [`Dim`](crate::shape::Dim) (`0..=4096` and more; see
        /// [`shape`](crate::shape#which-dimensions-can-be-checked)); for larger same-shape
        #[doc = concat!("tensors use `a ", stringify!($sym), "= &b` or `a.zip_map(b, f)`.")]
        ///
        /// ```
        #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
        ///
        #[doc = concat!("let a = ", stringify!($Ten), "::<f64, ", $ex_a, ">::full(6.0);")]
        #[doc = concat!("let b = ", stringify!($Ten), "::<f64, ", $ex_b, ">::full(2.0);")]
        #[doc = concat!("let c = &a ", stringify!($sym), " &b;")]
        #[doc = concat!("assert_eq!(c.shape(), (", $ex_out, "));")]
        #[doc = concat!("assert!(c.iter().all(|&x| x == 6.0 ", stringify!($sym), " 2.0));")]
        #[doc = concat!("assert_eq!(a ", stringify!($sym), " b, c);")]
        /// ```
        ///
        /// ```compile_fail
        #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
        ///
        #[doc = concat!("let a = ", stringify!($Ten), "::<f32, ", $ex_a, ">::zeros();")]
        #[doc = concat!("let b = ", stringify!($Ten), "::<f32, ", $ex_bad, ">::zeros();")]
        #[doc = concat!("let _ = a ", stringify!($sym), " b; // operands could not be broadcast together")]
        /// ```
        impl<T, $(const $d: usize,)+ $(const $e: usize),+> $Op<$Ten<T, $($e),+>> for $Ten<T, $($d),+>
        where
            T: Copy + Default + $Op<Output = T>,
            $Sh<$($d),+>: BroadcastWith<$Sh<$($e),+>>,
        {
            type Output = Broadcast<T, $Sh<$($d),+>, $Sh<$($e),+>>;

            #[inline]
            fn $op(self, rhs: $Ten<T, $($e),+>) -> Self::Output {
                zip_broadcast::<T, $Sh<$($d),+>, $Sh<$($e),+>>(self.as_flat(), rhs.as_flat(), Some(Binary::$Op), |a, b| a $sym b)
            }
        }

        #[doc = concat!("Elementwise `a ", stringify!($sym), " &b`, broadcasting as for owned operands.")]
        impl<T, $(const $d: usize,)+ $(const $e: usize),+> $Op<&$Ten<T, $($e),+>> for $Ten<T, $($d),+>
        where
            T: Copy + Default + $Op<Output = T>,
            $Sh<$($d),+>: BroadcastWith<$Sh<$($e),+>>,
        {
            type Output = Broadcast<T, $Sh<$($d),+>, $Sh<$($e),+>>;

            #[inline]
            fn $op(self, rhs: &$Ten<T, $($e),+>) -> Self::Output {
                zip_broadcast::<T, $Sh<$($d),+>, $Sh<$($e),+>>(self.as_flat(), rhs.as_flat(), Some(Binary::$Op), |a, b| a $sym b)
            }
        }

        #[doc = concat!("Elementwise `&a ", stringify!($sym), " b`, broadcasting as for owned operands.")]
        impl<T, $(const $d: usize,)+ $(const $e: usize),+> $Op<$Ten<T, $($e),+>> for &$Ten<T, $($d),+>
        where
            T: Copy + Default + $Op<Output = T>,
            $Sh<$($d),+>: BroadcastWith<$Sh<$($e),+>>,
        {
            type Output = Broadcast<T, $Sh<$($d),+>, $Sh<$($e),+>>;

            #[inline]
            fn $op(self, rhs: $Ten<T, $($e),+>) -> Self::Output {
                zip_broadcast::<T, $Sh<$($d),+>, $Sh<$($e),+>>(self.as_flat(), rhs.as_flat(), Some(Binary::$Op), |a, b| a $sym b)
            }
        }

        #[doc = concat!("Elementwise `&a ", stringify!($sym), " &b`, broadcasting as for owned operands.")]
        impl<T, $(const $d: usize,)+ $(const $e: usize),+> $Op<&$Ten<T, $($e),+>> for &$Ten<T, $($d),+>
        where
            T: Copy + Default + $Op<Output = T>,
            $Sh<$($d),+>: BroadcastWith<$Sh<$($e),+>>,
        {
            type Output = Broadcast<T, $Sh<$($d),+>, $Sh<$($e),+>>;

            #[inline]
            fn $op(self, rhs: &$Ten<T, $($e),+>) -> Self::Output {
                zip_broadcast::<T, $Sh<$($d),+>, $Sh<$($e),+>>(self.as_flat(), rhs.as_flat(), Some(Binary::$Op), |a, b| a $sym b)
            }
        }

        #[doc = concat!("In-place elementwise `a ", stringify!($sym), "= b` for tensors of the same shape, in place")]
        /// (no temporary copy). Works for every dimension (no typenum bound). With a
        #[doc = concat!("broadcasting operand, use the operator: `a = a ", stringify!($sym), " &b`.")]
        ///
        /// ```
        #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
        ///
        #[doc = concat!("let mut a = ", stringify!($Ten), "::<i32, ", $ex_a, ">::full(8);")]
        #[doc = concat!("a ", stringify!($sym), "= ", stringify!($Ten), "::full(2);")]
        #[doc = concat!("a ", stringify!($sym), "= &", stringify!($Ten), "::full(1);")]
        #[doc = concat!("assert!(a.iter().all(|&x| x == 8 ", stringify!($sym), " 2 ", stringify!($sym), " 1));")]
        /// ```
        ///
        /// ```compile_fail
        #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
        ///
        #[doc = concat!("let mut a = ", stringify!($Ten), "::<i32, ", $ex_a, ">::zeros();")]
        #[doc = concat!("a ", stringify!($sym), "= ", stringify!($Ten), "::<i32, ", $ex_b, ">::zeros(); // shapes differ")]
        /// ```
        impl<T, $(const $d: usize),+> $OpAssign<$Ten<T, $($d),+>> for $Ten<T, $($d),+>
        where
            T: Copy + $Op<Output = T>,
        {
            #[inline]
            fn $op_assign(&mut self, rhs: $Ten<T, $($d),+>) {
                binary_assign_simd(self.as_flat_mut(), rhs.as_flat(), Binary::$Op, |a, b| a $sym b);
            }
        }

        #[doc = concat!("In-place elementwise `a ", stringify!($sym), "= &b` for tensors of the same shape.")]
        impl<T, $(const $d: usize),+> $OpAssign<&$Ten<T, $($d),+>> for $Ten<T, $($d),+>
        where
            T: Copy + $Op<Output = T>,
        {
            #[inline]
            fn $op_assign(&mut self, rhs: &$Ten<T, $($d),+>) {
                binary_assign_simd(self.as_flat_mut(), rhs.as_flat(), Binary::$Op, |a, b| a $sym b);
            }
        }
    };
}

/// Every operator for one tensor type (see `binary_op` for the example shapes).
macro_rules! tensor_ops {
    ($($Ten:ident $d:tt $e:tt $Sh:ident, $ex_a:literal, $ex_b:literal, $ex_out:literal, $ex_bad:literal;)+) => {$(
        binary_op!(Add, add, AddAssign, add_assign, +, $Ten $d $e $Sh, $ex_a, $ex_b, $ex_out, $ex_bad);
        binary_op!(Sub, sub, SubAssign, sub_assign, -, $Ten $d $e $Sh, $ex_a, $ex_b, $ex_out, $ex_bad);
        binary_op!(Mul, mul, MulAssign, mul_assign, *, $Ten $d $e $Sh, $ex_a, $ex_b, $ex_out, $ex_bad);
        binary_op!(Div, div, DivAssign, div_assign, /, $Ten $d $e $Sh, $ex_a, $ex_b, $ex_out, $ex_bad);
        neg!($Ten $d, $ex_a);
    )+};
}

/// Unary `-` for one tensor type, owned and borrowed.
macro_rules! neg {
    ($Ten:ident [$($d:ident),+], $ex:literal) => {
        /// Elementwise negation, like NumPy's `-a`.
        ///
        /// ```
        #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
        ///
        #[doc = concat!("let a = ", stringify!($Ten), "::<f64, ", $ex, ">::full(1.5);")]
        #[doc = concat!("assert_eq!(-&a, ", stringify!($Ten), "::full(-1.5));")]
        #[doc = concat!("assert_eq!(-a, ", stringify!($Ten), "::full(-1.5));")]
        /// ```
        impl<T, $(const $d: usize),+> Neg for $Ten<T, $($d),+>
        where
            T: Copy + Neg<Output = T>,
        {
            type Output = Self;

            #[inline]
            fn neg(mut self) -> Self {
                unary_assign(self.as_flat_mut(), |x| -x);
                self
            }
        }

        /// Elementwise negation of a borrowed tensor.
        impl<T, $(const $d: usize),+> Neg for &$Ten<T, $($d),+>
        where
            T: Copy + Neg<Output = T>,
        {
            type Output = $Ten<T, $($d),+>;

            #[inline]
            fn neg(self) -> $Ten<T, $($d),+> {
                -*self
            }
        }
    };
}

tensor_ops! {
    Tensor [R, C] [R2, C2] Shape, "3, 2", "1, 2", "3, 2", "1, 3";
    Tensor3 [D0, D1, D2] [E0, E1, E2] Shape3, "4, 4, 3", "1, 1, 3", "4, 4, 3", "1, 1, 4";
    Tensor4 [D0, D1, D2, D3] [E0, E1, E2, E3] Shape4, "2, 4, 4, 3", "1, 1, 1, 3", "2, 4, 4, 3", "2, 1, 1, 4";
}
