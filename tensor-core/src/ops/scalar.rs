//! `+ - * /` and `+= -= *= /=` between a tensor of any rank and a scalar (NumPy's `a * 2.0`,
//! `2.0 * a`): on the right for any element type, on the left for the primitive integer and
//! float types.
//!
//! Integer overflow behaves as for tensor operands (see `ops::arith`): a panic when overflow
//! checks are on, wrapping when they are off; integer division by zero and `MIN / -1` panic.

use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Sub, SubAssign};

use crate::kernels::elementwise::unary_assign;
use crate::{Tensor, Tensor3, Tensor4};

macro_rules! scalar_rhs_op {
    ($Ten:ident [$($d:ident),+], $Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $sym:tt) => {
        #[doc = concat!("`a ", stringify!($sym), " s`: every element with the scalar `s`, like NumPy's broadcasting of a scalar.")]
        ///
        /// Generic over the element type, so `a * 2.0` also works while the element type is
        /// still being inferred.
        impl<T, $(const $d: usize),+> $Op<T> for $Ten<T, $($d),+>
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
        impl<T, $(const $d: usize),+> $Op<T> for &$Ten<T, $($d),+>
        where
            T: Copy + $Op<Output = T>,
        {
            type Output = $Ten<T, $($d),+>;

            #[inline]
            fn $op(self, s: T) -> $Ten<T, $($d),+> {
                *self $sym s
            }
        }

        #[doc = concat!("`a ", stringify!($sym), "= s`: every element with the scalar `s`, in place.")]
        impl<T, $(const $d: usize),+> $OpAssign<T> for $Ten<T, $($d),+>
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

/// The four scalar operators on the right, for each tensor type.
macro_rules! scalar_rhs_ops {
    ($($Ten:ident $d:tt;)+) => {$(
        scalar_rhs_op!($Ten $d, Add, add, AddAssign, add_assign, +);
        scalar_rhs_op!($Ten $d, Sub, sub, SubAssign, sub_assign, -);
        scalar_rhs_op!($Ten $d, Mul, mul, MulAssign, mul_assign, *);
        scalar_rhs_op!($Ten $d, Div, div, DivAssign, div_assign, /);
    )+};
}

scalar_rhs_ops! {
    Tensor [R, C];
    Tensor3 [D0, D1, D2];
    Tensor4 [D0, D1, D2, D3];
}

/// The scalar on the left needs one impl per primitive type (Rust's orphan rule forbids
/// `impl<T> Add<Tensor<T, R, C>> for T`).
macro_rules! scalar_lhs_op {
    ($t:ty, $Ten:ident [$($d:ident),+], $Op:ident, $op:ident, $sym:tt) => {
        #[doc = concat!("`s ", stringify!($sym), " a`: the scalar `s` with every element.")]
        impl<$(const $d: usize),+> $Op<$Ten<$t, $($d),+>> for $t {
            type Output = $Ten<$t, $($d),+>;

            #[inline]
            fn $op(self, mut a: $Ten<$t, $($d),+>) -> $Ten<$t, $($d),+> {
                unary_assign(a.as_flat_mut(), |x| self $sym x);
                a
            }
        }

        #[doc = concat!("`s ", stringify!($sym), " &a`: the scalar `s` with every element.")]
        impl<$(const $d: usize),+> $Op<&$Ten<$t, $($d),+>> for $t {
            type Output = $Ten<$t, $($d),+>;

            #[inline]
            fn $op(self, a: &$Ten<$t, $($d),+>) -> $Ten<$t, $($d),+> {
                self $sym *a
            }
        }
    };
}

macro_rules! scalar_lhs_ops {
    ($($Ten:ident $d:tt;)+) => {$(
        scalar_lhs_ops!(@rank $Ten $d; f32 f64 i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);
    )+};
    (@rank $Ten:ident $d:tt; $($t:ty)*) => {$(
        scalar_lhs_op!($t, $Ten $d, Add, add, +);
        scalar_lhs_op!($t, $Ten $d, Sub, sub, -);
        scalar_lhs_op!($t, $Ten $d, Mul, mul, *);
        scalar_lhs_op!($t, $Ten $d, Div, div, /);
    )*};
}

scalar_lhs_ops! {
    Tensor [R, C];
    Tensor3 [D0, D1, D2];
    Tensor4 [D0, D1, D2, D3];
}
