//! `+ - * /` and `+= -= *= /=` between a tensor of any rank and a scalar (NumPy's `a * 2.0`,
//! `2.0 * a`): on the right for any element type, on the left for the primitive integer and
//! float types; tensor and scalar each by value or by reference (`&a * &s`, as the operators
//! between tensors).
//!
//! Integer overflow behaves as for tensor operands (see `ops::arith`): a panic when overflow
//! checks are on, wrapping when they are off; integer division by zero and `MIN / -1` panic.

use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Sub, SubAssign};

use crate::Array;
use crate::kernels::elementwise::unary_assign;
use crate::shape::Dims;

macro_rules! scalar_rhs_op {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $sym:tt) => {
        #[doc = concat!("`a ", stringify!($sym), " s`: every element with the scalar `s`, like NumPy's broadcasting of a scalar.")]
        ///
        /// Generic over the element type, so `a * 2.0` also works while the element type is
        /// still being inferred.
        impl<T, S: Dims> $Op<T> for Array<T, S>
        where
            T: Copy + $Op<Output = T>,
        {
            type Output = Self;

            #[inline]
            fn $op(mut self, s: T) -> Self {
                unary_assign(self.as_flat_mut(), |x| x $sym s);
                self
            }
        }

        #[doc = concat!("`&a ", stringify!($sym), " s`: every element with the scalar `s`.")]
        impl<T, S: Dims> $Op<T> for &Array<T, S>
        where
            T: Copy + $Op<Output = T>,
        {
            type Output = Array<T, S>;

            #[inline]
            fn $op(self, s: T) -> Array<T, S> {
                let a = self.as_flat();
                Array::from_flat_fn(|k| a[k] $sym s)
            }
        }

        #[doc = concat!("`&a ", stringify!($sym), " &s`: every element with the scalar `s` (as `&a ", stringify!($sym), " s`).")]
        impl<T, S: Dims> $Op<&T> for &Array<T, S>
        where
            T: Copy + $Op<Output = T>,
        {
            type Output = Array<T, S>;

            #[inline]
            fn $op(self, s: &T) -> Array<T, S> {
                self $sym *s
            }
        }

        #[doc = concat!("`a ", stringify!($sym), "= s`: every element with the scalar `s`, in place.")]
        impl<T, S: Dims> $OpAssign<T> for Array<T, S>
        where
            T: Copy + $Op<Output = T>,
        {
            #[inline]
            fn $op_assign(&mut self, s: T) {
                unary_assign(self.as_flat_mut(), |x| x $sym s);
            }
        }
    };
}

scalar_rhs_op!(Add, add, AddAssign, add_assign, +);
scalar_rhs_op!(Sub, sub, SubAssign, sub_assign, -);
scalar_rhs_op!(Mul, mul, MulAssign, mul_assign, *);
scalar_rhs_op!(Div, div, DivAssign, div_assign, /);

/// The scalar on the left needs one impl per primitive type (Rust's orphan rule forbids
/// `impl<T> Add<Tensor<T, R, C>> for T`).
macro_rules! scalar_lhs_op {
    ($t:ty, $Op:ident, $op:ident, $sym:tt) => {
        #[doc = concat!("`s ", stringify!($sym), " a`: the scalar `s` with every element.")]
        impl<S: Dims> $Op<Array<$t, S>> for $t {
            type Output = Array<$t, S>;

            #[inline]
            fn $op(self, mut a: Array<$t, S>) -> Array<$t, S> {
                unary_assign(a.as_flat_mut(), |x| self $sym x);
                a
            }
        }

        #[doc = concat!("`s ", stringify!($sym), " &a`: the scalar `s` with every element.")]
        impl<S: Dims> $Op<&Array<$t, S>> for $t {
            type Output = Array<$t, S>;

            #[inline]
            fn $op(self, a: &Array<$t, S>) -> Array<$t, S> {
                let a = a.as_flat();
                Array::from_flat_fn(|k| self $sym a[k])
            }
        }

        #[doc = concat!("`&s ", stringify!($sym), " &a`: the scalar `s` with every element (as `s ", stringify!($sym), " &a`).")]
        impl<S: Dims> $Op<&Array<$t, S>> for &$t {
            type Output = Array<$t, S>;

            #[inline]
            fn $op(self, a: &Array<$t, S>) -> Array<$t, S> {
                *self $sym a
            }
        }
    };
}

macro_rules! scalar_lhs_ops {
    ($($t:ty)*) => {$(
        scalar_lhs_op!($t, Add, add, +);
        scalar_lhs_op!($t, Sub, sub, -);
        scalar_lhs_op!($t, Mul, mul, *);
        scalar_lhs_op!($t, Div, div, /);
    )*};
}

scalar_lhs_ops!(f32 f64 i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);
