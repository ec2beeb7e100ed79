//! `+ - * /` between tensors (broadcasting), `+= -= *= /=` between tensors of the same shape,
//! and unary `-`.
//!
//! Integer overflow behaves as Rust's operator on the element type does in `tensor-core`'s
//! build: a panic when overflow checks are on (debug builds), two's-complement wrapping when
//! they are off (release builds). Integer division by zero always panics. Never UB.

use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use super::broadcast::zip_broadcast;
use crate::Tensor;
use crate::kernels::elementwise::{binary_assign_simd, unary_assign};
use crate::kernels::simd::Binary;
use crate::shape::{Broadcast, BroadcastWith, Shape};

macro_rules! binary_op {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $sym:tt) => {
        #[doc = concat!("Elementwise `a ", stringify!($sym), " b` with NumPy broadcasting: each axis of")]
        /// the two shapes must be equal or 1, and the result takes the larger size per axis.
        /// A mismatch is a compile error naming both shapes.
        ///
        /// Every dimension must be in the table of [`Dim`](crate::shape::Dim) (`0..=4096` and more; see
        /// [`shape`](crate::shape#which-dimensions-can-be-checked)); for larger same-shape
        #[doc = concat!("tensors use `a ", stringify!($sym), "= &b` or `a.zip_map(b, f)`.")]
        ///
        /// ```
        /// use tensor_core::Tensor;
        ///
        /// let m = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
        /// let row = Tensor::from([1.0, 2.0]);
        /// let col = Tensor::from([[1.0], [2.0]]);
        #[doc = concat!("let by_row: Tensor<f64, 2, 2> = &m ", stringify!($sym), " &row;")]
        #[doc = concat!("let by_col = m ", stringify!($sym), " col;")]
        #[doc = concat!("assert_eq!(by_row[(1, 1)], 4.0 ", stringify!($sym), " 2.0);")]
        #[doc = concat!("assert_eq!(by_col[(1, 0)], 3.0 ", stringify!($sym), " 2.0);")]
        /// ```
        ///
        /// ```compile_fail
        /// use tensor_core::Tensor;
        ///
        /// let m = Tensor::<f32, 3, 2>::zeros();
        /// let v = Tensor::<f32, 1, 3>::zeros();
        #[doc = concat!("let _ = m ", stringify!($sym), " v; // operands could not be broadcast together")]
        /// ```
        impl<T, const R: usize, const C: usize, const R2: usize, const C2: usize>
            $Op<Tensor<T, R2, C2>> for Tensor<T, R, C>
        where
            T: Copy + Default + $Op<Output = T>,
            Shape<R, C>: BroadcastWith<Shape<R2, C2>>,
        {
            type Output = Broadcast<T, Shape<R, C>, Shape<R2, C2>>;

            #[inline]
            fn $op(self, rhs: Tensor<T, R2, C2>) -> Self::Output {
                zip_broadcast(&self, &rhs, Some(Binary::$Op), |a, b| a $sym b)
            }
        }

        #[doc = concat!("Elementwise `a ", stringify!($sym), " &b`, broadcasting as for owned operands.")]
        impl<T, const R: usize, const C: usize, const R2: usize, const C2: usize>
            $Op<&Tensor<T, R2, C2>> for Tensor<T, R, C>
        where
            T: Copy + Default + $Op<Output = T>,
            Shape<R, C>: BroadcastWith<Shape<R2, C2>>,
        {
            type Output = Broadcast<T, Shape<R, C>, Shape<R2, C2>>;

            #[inline]
            fn $op(self, rhs: &Tensor<T, R2, C2>) -> Self::Output {
                zip_broadcast(&self, rhs, Some(Binary::$Op), |a, b| a $sym b)
            }
        }

        #[doc = concat!("Elementwise `&a ", stringify!($sym), " b`, broadcasting as for owned operands.")]
        impl<T, const R: usize, const C: usize, const R2: usize, const C2: usize>
            $Op<Tensor<T, R2, C2>> for &Tensor<T, R, C>
        where
            T: Copy + Default + $Op<Output = T>,
            Shape<R, C>: BroadcastWith<Shape<R2, C2>>,
        {
            type Output = Broadcast<T, Shape<R, C>, Shape<R2, C2>>;

            #[inline]
            fn $op(self, rhs: Tensor<T, R2, C2>) -> Self::Output {
                zip_broadcast(self, &rhs, Some(Binary::$Op), |a, b| a $sym b)
            }
        }

        #[doc = concat!("Elementwise `&a ", stringify!($sym), " &b`, broadcasting as for owned operands.")]
        impl<T, const R: usize, const C: usize, const R2: usize, const C2: usize>
            $Op<&Tensor<T, R2, C2>> for &Tensor<T, R, C>
        where
            T: Copy + Default + $Op<Output = T>,
            Shape<R, C>: BroadcastWith<Shape<R2, C2>>,
        {
            type Output = Broadcast<T, Shape<R, C>, Shape<R2, C2>>;

            #[inline]
            fn $op(self, rhs: &Tensor<T, R2, C2>) -> Self::Output {
                zip_broadcast(self, rhs, Some(Binary::$Op), |a, b| a $sym b)
            }
        }

        #[doc = concat!("In-place elementwise `a ", stringify!($sym), "= b` for tensors of the same shape, in place")]
        /// (no temporary copy). Works for every dimension (no typenum bound). To combine with
        /// a row or column in place, broadcast it first: `a += &row.broadcast::<R, C>()`.
        ///
        /// ```
        /// use tensor_core::Tensor;
        ///
        /// let mut a = Tensor::from([[8, 6], [4, 2]]);
        #[doc = concat!("a ", stringify!($sym), "= Tensor::from([[2, 2], [2, 2]]);")]
        #[doc = concat!("a ", stringify!($sym), "= &Tensor::from([[1, 1], [1, 1]]);")]
        #[doc = concat!("assert_eq!(a[(0, 0)], 8 ", stringify!($sym), " 2 ", stringify!($sym), " 1);")]
        /// ```
        ///
        /// ```compile_fail
        /// use tensor_core::Tensor;
        ///
        /// let mut a = Tensor::<i32, 2, 3>::zeros();
        #[doc = concat!("a ", stringify!($sym), "= Tensor::<i32, 3, 2>::zeros(); // shapes differ")]
        /// ```
        impl<T, const R: usize, const C: usize> $OpAssign<Tensor<T, R, C>> for Tensor<T, R, C>
        where
            T: Copy + $Op<Output = T>,
        {
            #[inline]
            fn $op_assign(&mut self, rhs: Tensor<T, R, C>) {
                binary_assign_simd(self.as_flat_mut(), rhs.as_flat(), Binary::$Op, |a, b| a $sym b);
            }
        }

        #[doc = concat!("In-place elementwise `a ", stringify!($sym), "= &b` for tensors of the same shape.")]
        impl<T, const R: usize, const C: usize> $OpAssign<&Tensor<T, R, C>> for Tensor<T, R, C>
        where
            T: Copy + $Op<Output = T>,
        {
            #[inline]
            fn $op_assign(&mut self, rhs: &Tensor<T, R, C>) {
                binary_assign_simd(self.as_flat_mut(), rhs.as_flat(), Binary::$Op, |a, b| a $sym b);
            }
        }
    };
}

binary_op!(Add, add, AddAssign, add_assign, +);
binary_op!(Sub, sub, SubAssign, sub_assign, -);
binary_op!(Mul, mul, MulAssign, mul_assign, *);
binary_op!(Div, div, DivAssign, div_assign, /);

/// Elementwise negation, like NumPy's `-a`.
///
/// ```
/// use tensor_core::Tensor;
///
/// let a = Tensor::from([1.0, -2.0]);
/// assert_eq!(-&a, Tensor::from([-1.0, 2.0]));
/// assert_eq!(-a, Tensor::from([-1.0, 2.0]));
/// ```
impl<T, const R: usize, const C: usize> Neg for Tensor<T, R, C>
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
impl<T, const R: usize, const C: usize> Neg for &Tensor<T, R, C>
where
    T: Copy + Neg<Output = T>,
{
    type Output = Tensor<T, R, C>;

    #[inline]
    fn neg(self) -> Tensor<T, R, C> {
        -*self
    }
}
