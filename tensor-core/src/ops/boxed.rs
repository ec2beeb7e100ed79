//! Operations on boxed tensors (feature `alloc`) whose results are boxed too, built on the heap.
//!
//! A static tensor is a value: `&*a + &*b` with `a, b: Box<Tensor<f32, 1024, 1024>>` adds two
//! heap tensors and returns the 4 MiB sum by value, on the stack, which overflows a 2 MiB
//! thread (a spawned thread's or a test's) and, in a debug build where the value is copied
//! more than once, the 8 MiB main thread too. On boxed operands the operators and methods below
//! return a `Box` whose elements the kernel writes straight into the heap allocation, in every
//! build: nothing of the result's size passes through the stack.
//!
//! - Operators: `&a + &b`, `a + b`, `&a * &row`, `&row - &a`, `-&a`, `&a * 2.0`, `2.0 * &a`
//!   where `a` or `b` is a `Box<Array<..>>` (the other operand may be a boxed or a stack
//!   tensor), with NumPy's broadcasting and its compile-time shape checks; `a += &b`,
//!   `a *= 2.0` in place. A boxed operand taken by value (`a * 2.0`, `-a`) is reused when the
//!   result has its shape and element type; otherwise the result is a new allocation.
//! - Methods, through the traits [`BoxedOps`] (every rank) and [`BoxedMatrix`] (matrices), in
//!   the facade's prelude: the elementwise math (`a.exp()`, `a.maximum(&b)`, `a.softmax()`,
//!   `a.map(f)`), the reductions along an axis (`a.sum_axis::<1>()`), `reshape`/`flatten`
//!   (the same allocation, no copy), and `a.matmul(&b)`, `a.t()`. They have the names and
//!   the results of the tensors' methods, boxed, and run the same code: with the trait in
//!   scope, `a.exp()` on a `Box<Tensor<..>>` calls the boxed form.
//!
//! Whole-tensor reductions (`a.sum()`, `a.max()`) return a scalar and are the tensors' own
//! methods. What stays on the stack: writing `*a` or `&*a` hands the tensor itself to an
//! operation, whose result is a value again, and `(*a).clone()`, `Box::clone` and the by-value
//! `*a + *b` copy the tensor to the stack; use [`Array::to_boxed`] to copy one.
//!
//! ```
//! use tensor_core::{BoxedMatrix, BoxedOps, RowVector, Tensor};
//!
//! // 4 MiB each, on a 2 MiB thread: nothing of that size touches its stack.
//! std::thread::Builder::new()
//!     .stack_size(2 << 20)
//!     .spawn(|| {
//!         let a = Tensor::<f32, 1024, 1024>::boxed_full(1.5);
//!         let b = Tensor::<f32, 1024, 1024>::boxed_full(2.0);
//!         let bias = RowVector::<f32, 1024>::full(0.5);
//!         let c: Box<Tensor<f32, 1024, 1024>> = &a * &b + &bias; // (1024, 1024) * (1024, 1024) + (1, 1024)
//!         assert_eq!(c[(1023, 1023)], 3.5);
//!         let p = a.matmul(&b); // a @ b, on the heap
//!         assert_eq!(p[(0, 0)], 1024.0 * 3.0);
//!         let col = c.exp().sum_axis::<1>(); // (1024, 1)
//!         assert_eq!(col.shape(), (1024, 1));
//!     })
//!     .unwrap()
//!     .join()
//!     .unwrap();
//! ```
//!
//! ```compile_fail,E0277
//! use tensor_core::Tensor;
//!
//! let a = Tensor::<f32, 1024, 1024>::boxed_zeros();
//! let b = Tensor::<f32, 1024, 512>::boxed_zeros();
//! let _ = &a + &b; // operands could not be broadcast together with shapes Shape<1024, 1024> and Shape<1024, 512>
//! ```

use alloc::boxed::Box;
use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use num_traits::{Float, Signed};

use super::broadcast::zip_broadcast;
use super::math::MathOperand;
use crate::kernels::elementwise::{binary_assign_simd, unary_assign};
use crate::kernels::simd::Binary;
use crate::shape::{BroadcastWith, Const, Dims, MatMulRhs, ReduceAxis, ReshapeInto};
use crate::{Array, ArrayOf, Element, Tensor, Vector};

mod sealed {
    pub trait Sealed {}
    impl<T, S: crate::shape::Dims> Sealed for alloc::boxed::Box<crate::Array<T, S>> {}
}

/// One broadcasting operator between a left operand of type `$L` and a right one of type
/// `$R` (each a tensor, a boxed tensor or a reference to one, at least one boxed), returning
/// a boxed tensor written by the operator's kernel.
macro_rules! boxed_binary_impl {
    ($Op:ident, $op:ident, [$($L:tt)+], [$($R:tt)+]) => {
        impl<T, S, S2> $Op<$($R)+> for $($L)+
        where
            T: Copy + Default + $Op<Output = T>,
            S: BroadcastWith<S2>,
            S2: Dims,
        {
            type Output = Box<Array<T, S::Output>>;

            #[inline]
            fn $op(self, rhs: $($R)+) -> Self::Output {
                zip_broadcast::<T, S, S2, _>(self.as_flat(), rhs.as_flat(), Some(Binary::$Op), T::$op)
            }
        }
    };
}

/// The forms of one operator with a boxed operand, and its in-place twins on a boxed left
/// operand. The operator's semantics are those of `ops::arith`.
macro_rules! boxed_binary_op {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident) => {
        boxed_binary_impl!($Op, $op, [&Box<Array<T, S>>], [&Box<Array<T, S2>>]);
        boxed_binary_impl!($Op, $op, [&Box<Array<T, S>>], [Box<Array<T, S2>>]);
        boxed_binary_impl!($Op, $op, [&Box<Array<T, S>>], [&Array<T, S2>]);
        boxed_binary_impl!($Op, $op, [&Box<Array<T, S>>], [Array<T, S2>]);
        boxed_binary_impl!($Op, $op, [Box<Array<T, S>>], [&Box<Array<T, S2>>]);
        boxed_binary_impl!($Op, $op, [Box<Array<T, S>>], [Box<Array<T, S2>>]);
        boxed_binary_impl!($Op, $op, [Box<Array<T, S>>], [&Array<T, S2>]);
        boxed_binary_impl!($Op, $op, [Box<Array<T, S>>], [Array<T, S2>]);
        boxed_binary_impl!($Op, $op, [&Array<T, S>], [&Box<Array<T, S2>>]);
        boxed_binary_impl!($Op, $op, [&Array<T, S>], [Box<Array<T, S2>>]);
        boxed_binary_impl!($Op, $op, [Array<T, S>], [&Box<Array<T, S2>>]);
        boxed_binary_impl!($Op, $op, [Array<T, S>], [Box<Array<T, S2>>]);

        impl<T, S: Dims> $OpAssign<&Box<Array<T, S>>> for Box<Array<T, S>>
        where
            T: Copy + $Op<Output = T>,
        {
            #[inline]
            fn $op_assign(&mut self, rhs: &Box<Array<T, S>>) {
                binary_assign_simd(self.as_flat_mut(), rhs.as_flat(), Binary::$Op, T::$op);
            }
        }

        impl<T, S: Dims> $OpAssign<&Array<T, S>> for Box<Array<T, S>>
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

boxed_binary_op!(Add, add, AddAssign, add_assign);
boxed_binary_op!(Sub, sub, SubAssign, sub_assign);
boxed_binary_op!(Mul, mul, MulAssign, mul_assign);
boxed_binary_op!(Div, div, DivAssign, div_assign);

/// Elementwise negation of a boxed tensor, in its own allocation.
///
/// ```
/// use tensor_core::Tensor;
///
/// let a = Tensor::<f32, 1024, 1024>::boxed_full(1.5);
/// assert!((-a).iter().all(|&x| x == -1.5));
/// ```
impl<T, S: Dims> Neg for Box<Array<T, S>>
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

/// Elementwise negation of a borrowed boxed tensor, into a new boxed tensor.
///
/// ```
/// use tensor_core::Tensor;
///
/// let a = Tensor::<i32, 1024, 1024>::boxed_ones();
/// assert!((-&a).iter().all(|&x| x == -1));
/// ```
impl<T, S: Dims> Neg for &Box<Array<T, S>>
where
    T: Copy + Neg<Output = T>,
{
    type Output = Box<Array<T, S>>;

    #[inline]
    fn neg(self) -> Box<Array<T, S>> {
        let mut out = self.to_boxed();
        unary_assign(out.as_flat_mut(), T::neg);
        out
    }
}

/// A boxed tensor with a scalar on the right: in place for a box taken by value, into a new
/// box for a borrowed one; and `op=`.
macro_rules! boxed_scalar_rhs_op {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $sym:tt) => {
        #[doc = concat!("`a ", stringify!($sym), " s` for a boxed `a`: every element with the scalar `s`, in `a`'s allocation.")]
        impl<T, S: Dims> $Op<T> for Box<Array<T, S>>
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

        #[doc = concat!("`&a ", stringify!($sym), " s` for a boxed `a`: every element with the scalar `s`, into a new boxed tensor.")]
        impl<T, S: Dims> $Op<T> for &Box<Array<T, S>>
        where
            T: Copy + $Op<Output = T>,
        {
            type Output = Box<Array<T, S>>;

            #[inline]
            fn $op(self, s: T) -> Box<Array<T, S>> {
                let a = self.as_flat();
                Array::boxed_from_flat_fn(|k| a[k] $sym s)
            }
        }

        #[doc = concat!("`a ", stringify!($sym), "= s` for a boxed `a`: every element with the scalar `s`, in place.")]
        impl<T, S: Dims> $OpAssign<T> for Box<Array<T, S>>
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

boxed_scalar_rhs_op!(Add, add, AddAssign, add_assign, +);
boxed_scalar_rhs_op!(Sub, sub, SubAssign, sub_assign, -);
boxed_scalar_rhs_op!(Mul, mul, MulAssign, mul_assign, *);
boxed_scalar_rhs_op!(Div, div, DivAssign, div_assign, /);

/// A scalar on the left of a boxed tensor, one impl per primitive type (as for tensors).
macro_rules! boxed_scalar_lhs_op {
    ($t:ty, $Op:ident, $op:ident, $sym:tt) => {
        #[doc = concat!("`s ", stringify!($sym), " a` for a boxed `a`, in `a`'s allocation.")]
        impl<S: Dims> $Op<Box<Array<$t, S>>> for $t {
            type Output = Box<Array<$t, S>>;

            #[inline]
            fn $op(self, mut a: Box<Array<$t, S>>) -> Box<Array<$t, S>> {
                unary_assign(a.as_flat_mut(), |x| self $sym x);
                a
            }
        }

        #[doc = concat!("`s ", stringify!($sym), " &a` for a boxed `a`, into a new boxed tensor.")]
        impl<S: Dims> $Op<&Box<Array<$t, S>>> for $t {
            type Output = Box<Array<$t, S>>;

            #[inline]
            fn $op(self, a: &Box<Array<$t, S>>) -> Box<Array<$t, S>> {
                let a = a.as_flat();
                Array::boxed_from_flat_fn(|k| self $sym a[k])
            }
        }
    };
}

macro_rules! boxed_scalar_lhs_ops {
    ($($t:ty)*) => {$(
        boxed_scalar_lhs_op!($t, Add, add, +);
        boxed_scalar_lhs_op!($t, Sub, sub, -);
        boxed_scalar_lhs_op!($t, Mul, mul, *);
        boxed_scalar_lhs_op!($t, Div, div, /);
    )*};
}

boxed_scalar_lhs_ops!(f32 f64 i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// The methods of a boxed tensor of any rank that return a tensor, with their results built
/// on the heap: the elementwise math, `map`, the reductions along an axis, `reshape` and
/// `flatten`. Each has the name, the bounds and the result of the tensor's method of that name
/// (see `Array`'s docs for the semantics: accuracy, NaN), boxed, and runs the same body.
///
/// Implemented for `Box<Array<T, S>>` only (sealed). With the trait in scope (it is in the
/// facade's prelude), `a.exp()` on a boxed `a` is this method rather than `Array::exp` on the
/// tensor inside, whose result would be a value on the stack; `(*a).exp()` still names that
/// one.
///
/// ```
/// use tensor_core::{BoxedOps, Tensor};
///
/// let a = Tensor::<f64, 1000, 1000>::boxed_full(4.0); // 8 MB
/// let r: Box<Tensor<f64, 1000, 1000>> = a.sqrt();
/// assert!(r.iter().all(|&x| x == 2.0));
/// ```
pub trait BoxedOps<T: Copy, S: Dims>: sealed::Sealed {
    /// [`Array::sqrt`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let a = Tensor::<f32, 1024, 1024>::boxed_full(9.0);
    /// assert!(a.sqrt().iter().all(|&x| x == 3.0));
    /// ```
    #[must_use]
    fn sqrt(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::exp`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let a = Tensor::<f32, 1024, 1024>::boxed_zeros();
    /// assert!(a.exp().iter().all(|&x| x == 1.0));
    /// ```
    #[must_use]
    fn exp(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::ln`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let a = Tensor::<f64, 1024, 1024>::boxed_ones();
    /// assert!(a.ln().iter().all(|&x| x == 0.0));
    /// ```
    #[must_use]
    fn ln(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::log2`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f32, 1024, 1024>::boxed_full(8.0).log2().iter().all(|&x| x == 3.0));
    /// ```
    #[must_use]
    fn log2(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::log10`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f64, 1024, 1024>::boxed_full(100.0).log10().iter().all(|&x| x == 2.0));
    /// ```
    #[must_use]
    fn log10(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::log`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f64, 1024, 1024>::boxed_full(9.0).log(3.0).iter().all(|&x| x == 2.0));
    /// ```
    #[must_use]
    fn log(&self, base: T) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::sin`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f32, 1024, 1024>::boxed_zeros().sin().iter().all(|&x| x == 0.0));
    /// ```
    #[must_use]
    fn sin(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::cos`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f32, 1024, 1024>::boxed_zeros().cos().iter().all(|&x| x == 1.0));
    /// ```
    #[must_use]
    fn cos(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::tanh`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f32, 1024, 1024>::boxed_zeros().tanh().iter().all(|&x| x == 0.0));
    /// ```
    #[must_use]
    fn tanh(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::sigmoid`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f32, 1024, 1024>::boxed_zeros().sigmoid().iter().all(|&x| x == 0.5));
    /// ```
    #[must_use]
    fn sigmoid(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::powi`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f64, 1024, 1024>::boxed_full(2.0).powi(3).iter().all(|&x| x == 8.0));
    /// ```
    #[must_use]
    fn powi(&self, n: i32) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::powf`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f64, 1024, 1024>::boxed_full(4.0).powf(0.5).iter().all(|&x| x == 2.0));
    /// ```
    #[must_use]
    fn powf(&self, p: T) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::square`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<i32, 1024, 1024>::boxed_full(-3).square().iter().all(|&x| x == 9));
    /// ```
    #[must_use]
    fn square(&self) -> Box<Array<T, S>>
    where
        T: Mul<Output = T>;

    /// [`Array::abs`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<i64, 1024, 1024>::boxed_full(-3).abs().iter().all(|&x| x == 3));
    /// ```
    #[must_use]
    fn abs(&self) -> Box<Array<T, S>>
    where
        T: Signed;

    /// [`Array::relu`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// assert!(Tensor::<f32, 1024, 1024>::boxed_full(-1.0).relu().iter().all(|&x| x == 0.0));
    /// ```
    #[must_use]
    fn relu(&self) -> Box<Array<T, S>>
    where
        T: Element;

    /// [`Array::clip`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let a = Tensor::<i32, 1024, 1024>::boxed_from_fn(|i, _| i as i32);
    /// assert_eq!(a.clip(1, 5).max(), 5);
    /// assert_eq!(a.clip(1, 5).min(), 1);
    /// ```
    #[must_use]
    fn clip(&self, lo: T, hi: T) -> Box<Array<T, S>>
    where
        T: Element;

    /// [`Array::softmax`] along the last axis, boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let p = Tensor::<f64, 1024, 1024>::boxed_zeros().softmax();
    /// assert!(p.iter().all(|&x| x == 1.0 / 1024.0));
    /// ```
    #[must_use]
    fn softmax(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::log_softmax`] along the last axis, boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let p = Tensor::<f64, 1024, 1024>::boxed_zeros().log_softmax();
    /// assert!(p.iter().all(|&x| x == -(1024f64.ln())));
    /// ```
    #[must_use]
    fn log_softmax(&self) -> Box<Array<T, S>>
    where
        T: Float;

    /// [`Array::maximum`], broadcasting, boxed; `other` is a tensor or (through `&b`) a boxed
    /// one.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, RowVector, Tensor};
    ///
    /// let a = Tensor::<f32, 1024, 1024>::boxed_from_fn(|_, j| j as f32);
    /// let m = a.maximum(&RowVector::<f32, 1024>::full(100.0));
    /// assert_eq!(m[(5, 7)], 100.0);
    /// assert_eq!(m[(5, 700)], 700.0);
    /// ```
    #[must_use]
    fn maximum<S2: Dims>(
        &self,
        other: &Array<T, S2>,
    ) -> Box<Array<T, <S as BroadcastWith<S2>>::Output>>
    where
        T: Element,
        S: BroadcastWith<S2>;

    /// [`Array::minimum`], broadcasting, boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let a = Tensor::<f32, 1024, 1024>::boxed_full(1.0);
    /// let b = Tensor::<f32, 1024, 1024>::boxed_full(-1.0);
    /// assert!(a.minimum(&b).iter().all(|&x| x == -1.0));
    /// ```
    #[must_use]
    fn minimum<S2: Dims>(
        &self,
        other: &Array<T, S2>,
    ) -> Box<Array<T, <S as BroadcastWith<S2>>::Output>>
    where
        T: Element,
        S: BroadcastWith<S2>;

    /// [`Array::map`] of a borrowed boxed tensor, boxed: `f` applied to every element in
    /// row-major order.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let a = Tensor::<u8, 1024, 1024>::boxed_full(3);
    /// let b: Box<Tensor<f32, 1024, 1024>> = a.map(|x| f32::from(x) / 2.0);
    /// assert!(b.iter().all(|&x| x == 1.5));
    /// ```
    #[must_use]
    fn map<U>(&self, f: impl FnMut(T) -> U) -> Box<Array<U, S>>;

    /// [`Array::sum_axis`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor3};
    ///
    /// let a = Tensor3::<f32, 512, 512, 4>::boxed_ones(); // (512, 512, 4) -> (512, 512, 1)
    /// assert!(a.sum_axis::<2>().iter().all(|&x| x == 4.0));
    /// ```
    #[must_use]
    fn sum_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>;

    /// [`Array::prod_axis`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor3};
    ///
    /// let a = Tensor3::<i64, 512, 512, 4>::boxed_full(2);
    /// assert!(a.prod_axis::<2>().iter().all(|&x| x == 16));
    /// ```
    #[must_use]
    fn prod_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>;

    /// [`Array::max_axis`], boxed.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor3};
    ///
    /// let a = Tensor3::<u32, 512, 512, 4>::boxed_from_flat_fn(|k| (k % 4) as u32);
    /// assert!(a.max_axis::<2>().iter().all(|&x| x == 3));
    /// ```
    #[must_use]
    #[track_caller]
    fn max_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>;

    /// [`Array::min_axis`], boxed.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor3};
    ///
    /// let a = Tensor3::<u32, 512, 512, 4>::boxed_from_flat_fn(|k| (k % 4) as u32);
    /// assert!(a.min_axis::<2>().iter().all(|&x| x == 0));
    /// ```
    #[must_use]
    #[track_caller]
    fn min_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>;

    /// [`Array::argmax_axis`], boxed.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let scores = Tensor::<f32, 100_000, 10>::boxed_from_fn(|i, j| ((i + j) % 10) as f32);
    /// let classes = scores.argmax_axis::<1>(); // (100000, 1)
    /// assert_eq!(classes[(0, 0)], 9);
    /// assert_eq!(classes[(3, 0)], 6);
    /// ```
    #[must_use]
    #[track_caller]
    fn argmax_axis<const A: usize>(&self) -> Box<Array<usize, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>;

    /// [`Array::argmin_axis`], boxed.
    ///
    /// # Panics
    ///
    /// If axis `A` has size 0 and the result would not be empty.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let scores = Tensor::<f32, 100_000, 10>::boxed_from_fn(|i, j| ((i + j) % 10) as f32);
    /// assert_eq!(scores.argmin_axis::<1>()[(3, 0)], 7);
    /// ```
    #[must_use]
    #[track_caller]
    fn argmin_axis<const A: usize>(&self) -> Box<Array<usize, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>;

    /// [`Array::mean_axis`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let x = Tensor::<f64, 100_000, 2>::boxed_from_fn(|_, j| j as f64);
    /// assert!(x.mean_axis::<1>().iter().all(|&m| m == 0.5));
    /// ```
    #[must_use]
    fn mean_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>;

    /// [`Array::var_axis`] (`ddof = 0`), boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let x = Tensor::<f64, 100_000, 2>::boxed_from_fn(|_, j| j as f64);
    /// assert!(x.var_axis::<1>().iter().all(|&v| v == 0.25));
    /// ```
    #[must_use]
    fn var_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>;

    /// [`Array::var_axis_ddof`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let x = Tensor::<f64, 100_000, 2>::boxed_from_fn(|_, j| j as f64);
    /// assert!(x.var_axis_ddof::<1>(1).iter().all(|&v| v == 0.5));
    /// ```
    #[must_use]
    fn var_axis_ddof<const A: usize>(
        &self,
        ddof: usize,
    ) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>;

    /// [`Array::std_axis`] (`ddof = 0`), boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let x = Tensor::<f64, 100_000, 2>::boxed_from_fn(|_, j| j as f64);
    /// assert!(x.std_axis::<1>().iter().all(|&s| s == 0.5));
    /// ```
    #[must_use]
    fn std_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>;

    /// [`Array::std_axis_ddof`], boxed.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let x = Tensor::<f64, 100_000, 2>::boxed_from_fn(|_, j| 2.0 * j as f64);
    /// assert!(x.std_axis_ddof::<1>(1).iter().all(|&s| s == 2f64.sqrt()));
    /// ```
    #[must_use]
    fn std_axis_ddof<const A: usize>(
        &self,
        ddof: usize,
    ) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>;

    /// [`Array::reshape`] of a boxed tensor: the same allocation, its elements in row-major
    /// order seen in the target shape (no copy). The element counts must agree, checked at
    /// compile time as for `reshape`.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor, Tensor4};
    ///
    /// let batch = Tensor4::<f32, 1000, 28, 28, 1>::boxed_from_flat_fn(|k| k as f32);
    /// let rows = batch.reshape::<Tensor<_, 1000, 784>>(); // 3 MB, not copied
    /// assert_eq!(rows[(1, 0)], 784.0);
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::{BoxedOps, Tensor};
    ///
    /// let _ = Tensor::<f32, 1024, 1024>::boxed_zeros().reshape::<Tensor<_, 1024, 1000>>();
    /// // cannot reshape a tensor of shape Shape<1024, 1024> into shape Shape<1024, 1000>
    /// ```
    #[must_use]
    fn reshape<Target>(self) -> Box<Target>
    where
        S: ReshapeInto<Target::Shape>,
        Target: ArrayOf<T>;

    /// [`Array::flatten`] of a boxed tensor: [`reshape`](Self::reshape) into the row vector
    /// `Vector<T, N>`, the same allocation.
    ///
    /// ```
    /// use tensor_core::{BoxedOps, Tensor, Vector};
    ///
    /// let v: Box<Vector<f32, 1048576>> = Tensor::<f32, 1024, 1024>::boxed_ones().flatten();
    /// assert_eq!(v.len(), 1 << 20);
    /// ```
    #[must_use]
    fn flatten<const N: usize>(self) -> Box<Vector<T, N>>
    where
        S: ReshapeInto<(Const<1>, Const<N>)>;
}

impl<T: Copy, S: Dims> BoxedOps<T, S> for Box<Array<T, S>> {
    fn sqrt(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.sqrt_to()
    }

    fn exp(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.exp_to()
    }

    fn ln(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.ln_to()
    }

    fn log2(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.log2_to()
    }

    fn log10(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.log10_to()
    }

    fn log(&self, base: T) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.log_to(base)
    }

    fn sin(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.sin_to()
    }

    fn cos(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.cos_to()
    }

    fn tanh(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.tanh_to()
    }

    fn sigmoid(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.sigmoid_to()
    }

    fn powi(&self, n: i32) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.powi_to(n)
    }

    fn powf(&self, p: T) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.powf_to(p)
    }

    fn square(&self) -> Box<Array<T, S>>
    where
        T: Mul<Output = T>,
    {
        self.square_to()
    }

    fn abs(&self) -> Box<Array<T, S>>
    where
        T: Signed,
    {
        self.abs_to()
    }

    fn relu(&self) -> Box<Array<T, S>>
    where
        T: Element,
    {
        self.relu_to()
    }

    fn clip(&self, lo: T, hi: T) -> Box<Array<T, S>>
    where
        T: Element,
    {
        self.clip_to(lo, hi)
    }

    fn softmax(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.softmax_to()
    }

    fn log_softmax(&self) -> Box<Array<T, S>>
    where
        T: Float,
    {
        self.log_softmax_to()
    }

    fn maximum<S2: Dims>(
        &self,
        other: &Array<T, S2>,
    ) -> Box<Array<T, <S as BroadcastWith<S2>>::Output>>
    where
        T: Element,
        S: BroadcastWith<S2>,
    {
        self.maximum_to(other)
    }

    fn minimum<S2: Dims>(
        &self,
        other: &Array<T, S2>,
    ) -> Box<Array<T, <S as BroadcastWith<S2>>::Output>>
    where
        T: Element,
        S: BroadcastWith<S2>,
    {
        self.minimum_to(other)
    }

    fn map<U>(&self, f: impl FnMut(T) -> U) -> Box<Array<U, S>> {
        self.map_each_to(f)
    }

    fn sum_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>,
    {
        self.sum_axis_to::<A, _>()
    }

    fn prod_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>,
    {
        self.prod_axis_to::<A, _>()
    }

    #[track_caller]
    fn max_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>,
    {
        self.max_axis_to::<A, _>()
    }

    #[track_caller]
    fn min_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>,
    {
        self.min_axis_to::<A, _>()
    }

    #[track_caller]
    fn argmax_axis<const A: usize>(&self) -> Box<Array<usize, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>,
    {
        self.argmax_axis_to::<A, _>()
    }

    #[track_caller]
    fn argmin_axis<const A: usize>(&self) -> Box<Array<usize, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element,
        S: ReduceAxis<A>,
    {
        self.argmin_axis_to::<A, _>()
    }

    fn mean_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>,
    {
        self.mean_axis_to::<A, _>()
    }

    fn var_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>,
    {
        self.var_axis_ddof_to::<A, _>(0)
    }

    fn var_axis_ddof<const A: usize>(
        &self,
        ddof: usize,
    ) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>,
    {
        self.var_axis_ddof_to::<A, _>(ddof)
    }

    fn std_axis<const A: usize>(&self) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>,
    {
        self.std_axis_ddof_to::<A, _>(0)
    }

    fn std_axis_ddof<const A: usize>(
        &self,
        ddof: usize,
    ) -> Box<Array<T, <S as ReduceAxis<A>>::Kept>>
    where
        T: Element + Float,
        S: ReduceAxis<A>,
    {
        self.std_axis_ddof_to::<A, _>(ddof)
    }

    fn reshape<Target>(self) -> Box<Target>
    where
        S: ReshapeInto<Target::Shape>,
        Target: ArrayOf<T>,
    {
        // Checked again at run time: `ReshapeInto` proves it, and the cast below relies on it.
        assert_eq!(S::SIZE, <Target::Shape as Dims>::SIZE);
        // SAFETY: `ArrayOf` is sealed and implemented only for `Array<T, Shape>`, so `Target`
        // is `Array<T, Target::Shape>`, whose layout (like `Array<T, S>`'s) is that of
        // `[T; SIZE]`: `SIZE` contiguous `T`s with `T`'s alignment (see `Array::as_flat`). The
        // two sizes are equal (checked above), so the allocation of `self` has the layout
        // `Box<Target>` frees with, and its initialized elements in row-major order are a
        // valid `Target`. Ownership moves from `self` to the new box.
        unsafe { Box::from_raw(Box::into_raw(self).cast::<Target>()) }
    }

    fn flatten<const N: usize>(self) -> Box<Vector<T, N>>
    where
        S: ReshapeInto<(Const<1>, Const<N>)>,
    {
        self.reshape()
    }
}

/// The methods of a boxed matrix that return a large matrix, built on the heap: the product
/// and the transpose. As for [`BoxedOps`], each has the name, bounds and result of the
/// matrix's method, boxed, and runs its code; in scope (the facade's prelude), `a.matmul(&b)`
/// and `a.t()` on a boxed `a` are these.
///
/// ```
/// use tensor_core::{BoxedMatrix, Tensor};
///
/// let x = Tensor::<f32, 1024, 784>::boxed_full(1.0);
/// let w = Tensor::<f32, 784, 1024>::boxed_full(0.5);
/// let y: Box<Tensor<f32, 1024, 1024>> = x.matmul(&w);
/// assert_eq!(y[(1023, 1023)], 392.0);
/// assert_eq!(y.t().shape(), (1024, 1024));
/// ```
pub trait BoxedMatrix<T: Copy, const R: usize, const C: usize>: sealed::Sealed {
    /// [`Tensor::matmul`], boxed: `self @ rhs`, `rhs` a matrix, a boxed one or a reference to
    /// either, written into a new heap allocation by [`matmul_into`](Tensor::matmul_into).
    /// The inner dimensions are checked at compile time with the tensors' message.
    ///
    /// ```
    /// use tensor_core::{BoxedMatrix, Tensor};
    ///
    /// let a = Tensor::<f64, 1024, 1024>::boxed_from_fn(|i, j| (i == j) as u8 as f64);
    /// let b = Tensor::<f64, 1024, 1024>::boxed_from_fn(|i, j| (i * 1024 + j) as f64);
    /// assert!(a.matmul(&b) == b); // I @ b
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::{BoxedMatrix, Tensor};
    ///
    /// let a = Tensor::<f32, 1024, 1024>::boxed_zeros();
    /// let b = Tensor::<f32, 1000, 1024>::boxed_zeros();
    /// let _ = a.matmul(&b); // cannot multiply Shape<1024, 1024> by Shape<1000, 1024>
    /// ```
    #[must_use]
    fn matmul<Rhs: MatMulRhs<T, Const<R>, C>>(&self, rhs: &Rhs) -> Box<Rhs::Output>
    where
        T: Element;

    /// [`Tensor::t_matmul`], boxed: `self.T @ rhs`, `(R, C)^T @ (R, N) -> (C, N)`, written
    /// into a new heap allocation; a row or column `self` is read as stored, otherwise its
    /// boxed transpose is formed first. In the `tensor!` DSL, `a.T @ b` on a boxed `a` is this.
    ///
    /// ```
    /// use tensor_core::{BoxedMatrix, Tensor};
    ///
    /// let x = Tensor::<f64, 100_000, 1>::boxed_from_fn(|i, _| i as f64); // a column
    /// let y = Tensor::<f64, 100_000, 1>::boxed_full(1.0);
    /// assert_eq!(x.t_matmul(&y)[(0, 0)], 99_999.0 * 50_000.0); // x.T @ y, x read as stored
    ///
    /// let a = Tensor::<f32, 300, 200>::boxed_from_fn(|i, j| ((i + j) % 5) as f32);
    /// assert!(a.t_matmul(&a) == a.t().matmul(&a)); // the Gram matrix a.T @ a, (200, 200)
    /// ```
    #[must_use]
    fn t_matmul<Rhs: MatMulRhs<T, Const<C>, R>>(&self, rhs: &Rhs) -> Box<Rhs::Output>
    where
        T: Element;

    /// [`Tensor::transpose`], boxed: the `C x R` transpose written into a new heap allocation.
    ///
    /// ```
    /// use tensor_core::{BoxedMatrix, Tensor};
    ///
    /// let a = Tensor::<u32, 1024, 2048>::boxed_from_fn(|i, j| (i * 2048 + j) as u32);
    /// let t: Box<Tensor<u32, 2048, 1024>> = a.transpose();
    /// assert_eq!(t[(2047, 1)], 2048 + 2047);
    /// ```
    #[must_use]
    fn transpose(&self) -> Box<Tensor<T, C, R>>;

    /// [`Tensor::t`], NumPy's `a.T`, boxed: the same as [`transpose`](Self::transpose).
    ///
    /// ```
    /// use tensor_core::{BoxedMatrix, Tensor};
    ///
    /// let a = Tensor::<f32, 1024, 1024>::boxed_from_fn(|i, _| i as f32);
    /// assert_eq!(a.t()[(0, 1023)], 1023.0);
    /// ```
    #[must_use]
    fn t(&self) -> Box<Tensor<T, C, R>>;
}

/// `lhs @ rhs` written into a new heap allocation, not filled first.
fn boxed_product<T: Element, const R: usize, const C: usize, Rhs: MatMulRhs<T, Const<R>, C>>(
    lhs: &Tensor<T, R, C>,
    rhs: &Rhs,
) -> Box<Rhs::Output> {
    let mut out = Box::new_uninit();
    rhs.__product(lhs, &mut out);
    // SAFETY: `__product` writes every element of its output.
    unsafe { out.assume_init() }
}

impl<T: Copy, const R: usize, const C: usize> BoxedMatrix<T, R, C> for Box<Tensor<T, R, C>> {
    fn matmul<Rhs: MatMulRhs<T, Const<R>, C>>(&self, rhs: &Rhs) -> Box<Rhs::Output>
    where
        T: Element,
    {
        boxed_product(self, rhs)
    }

    fn t_matmul<Rhs: MatMulRhs<T, Const<C>, R>>(&self, rhs: &Rhs) -> Box<Rhs::Output>
    where
        T: Element,
    {
        if R == 1 || C == 1 {
            boxed_product(Tensor::<T, C, R>::view(self.as_flat()), rhs)
        } else {
            BoxedMatrix::t(self).matmul(rhs)
        }
    }

    fn transpose(&self) -> Box<Tensor<T, C, R>> {
        self.transpose_to()
    }

    fn t(&self) -> Box<Tensor<T, C, R>> {
        self.transpose_to()
    }
}
