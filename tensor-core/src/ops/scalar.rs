//! `+ - * /` and `+= -= *= /=` between a tensor and a scalar, the scalar on either side, for
//! the primitive integer and float types (NumPy's `a * 2.0`, `2.0 * a`).
//!
//! Integer overflow behaves as for tensor operands (see `ops::arith`): a panic when overflow
//! checks are on, wrapping when they are off; integer division by zero panics.

use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Sub, SubAssign};

use crate::Tensor;
use crate::kernels::elementwise::unary_assign;

macro_rules! scalar_op {
    ($t:ty, $Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $sym:tt) => {
        #[doc = concat!("`a ", stringify!($sym), " s`: every element with the scalar `s`, like NumPy's broadcasting of a scalar.")]
        impl<const R: usize, const C: usize> $Op<$t> for Tensor<$t, R, C> {
            type Output = Self;

            #[inline]
            fn $op(mut self, s: $t) -> Self {
                unary_assign(self.as_flat_mut(), |x| x $sym s);
                self
            }
        }

        #[doc = concat!("`&a ", stringify!($sym), " s`: every element with the scalar `s`.")]
        impl<const R: usize, const C: usize> $Op<$t> for &Tensor<$t, R, C> {
            type Output = Tensor<$t, R, C>;

            #[inline]
            fn $op(self, s: $t) -> Tensor<$t, R, C> {
                *self $sym s
            }
        }

        #[doc = concat!("`s ", stringify!($sym), " a`: the scalar `s` with every element.")]
        impl<const R: usize, const C: usize> $Op<Tensor<$t, R, C>> for $t {
            type Output = Tensor<$t, R, C>;

            #[inline]
            fn $op(self, mut a: Tensor<$t, R, C>) -> Tensor<$t, R, C> {
                unary_assign(a.as_flat_mut(), |x| self $sym x);
                a
            }
        }

        #[doc = concat!("`s ", stringify!($sym), " &a`: the scalar `s` with every element.")]
        impl<const R: usize, const C: usize> $Op<&Tensor<$t, R, C>> for $t {
            type Output = Tensor<$t, R, C>;

            #[inline]
            fn $op(self, a: &Tensor<$t, R, C>) -> Tensor<$t, R, C> {
                self $sym *a
            }
        }

        #[doc = concat!("`a ", stringify!($sym), "= s`: every element with the scalar `s`, in place.")]
        impl<const R: usize, const C: usize> $OpAssign<$t> for Tensor<$t, R, C> {
            #[inline]
            fn $op_assign(&mut self, s: $t) {
                unary_assign(self.as_flat_mut(), |x| x $sym s);
            }
        }
    };
}

macro_rules! scalar_ops {
    ($($t:ty)*) => {$(
        scalar_op!($t, Add, add, AddAssign, add_assign, +);
        scalar_op!($t, Sub, sub, SubAssign, sub_assign, -);
        scalar_op!($t, Mul, mul, MulAssign, mul_assign, *);
        scalar_op!($t, Div, div, DivAssign, div_assign, /);
    )*};
}

scalar_ops!(f32 f64 i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);
