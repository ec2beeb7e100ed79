//! `+ - * /` for [`DynArray`]: between two run-time tensors of the same row shape (row
//! counts checked at run time: the operators panic, `try_add`.. return the error), with a static
//! tensor that broadcasts over the rows (checked at compile time, as between static tensors),
//! and with a scalar; their `+= -= *= /=` twins; unary `-`.
//!
//! The by-value forms (`x - &m`) write into the left operand's storage; every other form
//! allocates its result on the heap. The loops are the static tensors' kernels.
//!
//! ```
//! use tensor_core::{DynTensor, RowVector};
//!
//! let x = DynTensor::<f64, 2>::from_flat_fn(4, |k| k as f64);
//! let mean: RowVector<f64, 2> = x.mean_axis::<0>();
//! let centred = &x - mean; // (n, 2) - (1, 2)
//! assert_eq!(centred.sum(), 0.0);
//! let twice = &x + &x; // (n, 2) + (n, 2), rows checked at run time
//! assert_eq!(twice.as_flat()[7], 14.0);
//! ```
//!
//! ```should_panic
//! use tensor_core::DynTensor;
//!
//! let _ = &DynTensor::<f32, 2>::zeros(3) + &DynTensor::<f32, 2>::zeros(4);
//! // panics: operands could not be broadcast together with shapes (3, 2) (4, 2)
//! ```

use core::mem::MaybeUninit;
use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use crate::kernels::elementwise::{
    binary_assign_simd, binary_simd, broadcast_binary, unary_assign,
};
use crate::kernels::simd::Binary;
use crate::shape::{Dims, RowsBroadcast};
use crate::{Array, DynArray, RowsMismatch};

impl<T: Copy, S: Dims> DynArray<T, S> {
    /// The error when `other` does not have this tensor's row count.
    fn same_rows<U>(&self, other: &DynArray<U, S>) -> Result<(), RowsMismatch> {
        if self.nrows() == other.nrows() {
            Ok(())
        } else {
            Err(RowsMismatch::Operands {
                left: self.nrows(),
                right: other.nrows(),
                row: S::DIMS,
            })
        }
    }

    /// `f(self, other)` element by element, through the SIMD kernel of `op`.
    fn zip_rows(
        &self,
        other: &Self,
        op: Binary,
        f: impl Fn(T, T) -> T,
    ) -> Result<Self, RowsMismatch>
    where
        T: Default,
    {
        self.same_rows(other)?;
        let (a, b) = (self.as_flat(), other.as_flat());
        // SAFETY: `binary_simd` writes every element of `out`, which has `a`'s and `b`'s length
        // (the same rows).
        Ok(unsafe { Self::from_flat_uninit(self.nrows(), |out| binary_simd(a, b, out, op, f)) })
    }

    /// `self = f(self, other)` element by element, in place.
    fn zip_rows_assign(
        &mut self,
        other: &Self,
        op: Binary,
        f: impl Fn(T, T) -> T,
    ) -> Result<(), RowsMismatch> {
        self.same_rows(other)?;
        binary_assign_simd(self.as_flat_mut(), other.as_flat(), op, f);
        Ok(())
    }

    /// The shapes of `self` and of a static operand of shape `S2`, both of rank
    /// `S::RANK + 1`, `S2` padded with leading 1s: the operands of `broadcast_binary`.
    fn broadcast_dims<S2: Dims>(&self) -> ([usize; 4], [usize; 4]) {
        let rank = S::RANK + 1;
        let dims = self.dims();
        let mut db = [1; 4];
        db[rank - S2::RANK..rank].copy_from_slice(S2::DIMS);
        (dims, db)
    }

    /// `f(row, b)` for every row, `b` a static tensor broadcast over the rows (`swap`: `f(b,
    /// row)`), into new storage.
    fn zip_static<S2: Dims>(
        &self,
        b: &Array<T, S2>,
        swap: bool,
        op: Binary,
        f: impl Fn(T, T) -> T,
    ) -> Self
    where
        T: Default,
        S: RowsBroadcast<S2>,
    {
        let rank = S::RANK + 1;
        let (dims, db) = self.broadcast_dims::<S2>();
        let (a, b) = (self.as_flat(), b.as_flat());
        let (dims, db) = (&dims[..rank], &db[..rank]);
        let write = |out: &mut [MaybeUninit<T>]| {
            if swap {
                broadcast_binary(b, db, a, dims, out, dims, Some(op), f);
            } else {
                broadcast_binary(a, dims, b, db, out, dims, Some(op), f);
            }
        };
        // SAFETY: `broadcast_binary` writes every element of `out`, of the product of `dims`.
        unsafe { Self::from_flat_uninit(self.nrows(), write) }
    }

    /// `row = f(row, b)` for every row, in place.
    fn zip_static_assign<S2: Dims>(&mut self, b: &Array<T, S2>, op: Binary, f: impl Fn(T, T) -> T)
    where
        T: Default,
        S: RowsBroadcast<S2>,
    {
        if S2::SIZE == S::SIZE && S::SIZE > 0 {
            // `b` is one row (`(1, S...)` or `S`): the same-shape kernel on each row.
            for row in self.as_flat_mut().chunks_exact_mut(S::SIZE) {
                binary_assign_simd(row, b.as_flat(), op, &f);
            }
        } else {
            *self = self.zip_static(b, false, op, f);
        }
    }

    /// `self + other`, or the error if the row counts differ.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let a = DynTensor::<i32, 2>::ones(2);
    /// assert_eq!(a.try_add(&a).unwrap().as_flat(), &[2; 4]);
    /// assert!(a.try_add(&DynTensor::ones(3)).is_err());
    /// ```
    pub fn try_add(&self, other: &Self) -> Result<Self, RowsMismatch>
    where
        T: Default + Add<Output = T>,
    {
        self.zip_rows(other, Binary::Add, T::add)
    }

    /// `self - other`, or the error if the row counts differ.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let a = DynTensor::<i32, 2>::ones(2);
    /// assert_eq!(a.try_sub(&a).unwrap().as_flat(), &[0; 4]);
    /// ```
    pub fn try_sub(&self, other: &Self) -> Result<Self, RowsMismatch>
    where
        T: Default + Sub<Output = T>,
    {
        self.zip_rows(other, Binary::Sub, T::sub)
    }

    /// `self * other` elementwise, or the error if the row counts differ.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let a = DynTensor::<i32, 2>::full(2, 3);
    /// assert_eq!(a.try_mul(&a).unwrap().as_flat(), &[9; 4]);
    /// ```
    pub fn try_mul(&self, other: &Self) -> Result<Self, RowsMismatch>
    where
        T: Default + Mul<Output = T>,
    {
        self.zip_rows(other, Binary::Mul, T::mul)
    }

    /// `self / other` elementwise, or the error if the row counts differ.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let a = DynTensor::<f32, 2>::full(2, 3.0);
    /// assert_eq!(a.try_div(&a).unwrap().as_flat(), &[1.0; 4]);
    /// ```
    pub fn try_div(&self, other: &Self) -> Result<Self, RowsMismatch>
    where
        T: Default + Div<Output = T>,
    {
        self.zip_rows(other, Binary::Div, T::div)
    }
}

/// Panics with the error's message, at the caller of the operator.
#[cold]
#[track_caller]
fn fail(e: RowsMismatch) -> ! {
    panic!("{e}")
}

/// Every form of one operator for `DynArray` (see the module docs).
macro_rules! dyn_binary_op {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $sym:tt) => {
        impl<T: Copy + Default + $Op<Output = T>, S: Dims> $Op<&DynArray<T, S>> for &DynArray<T, S> {
            type Output = DynArray<T, S>;

            /// # Panics
            ///
            /// If the row counts differ, with both shapes in the message.
            #[track_caller]
            fn $op(self, rhs: &DynArray<T, S>) -> DynArray<T, S> {
                self.zip_rows(rhs, Binary::$Op, |a, b| a $sym b).unwrap_or_else(|e| fail(e))
            }
        }

        impl<T: Copy + $Op<Output = T>, S: Dims> $Op<&DynArray<T, S>> for DynArray<T, S> {
            type Output = Self;

            /// # Panics
            ///
            /// If the row counts differ, with both shapes in the message.
            #[track_caller]
            fn $op(mut self, rhs: &DynArray<T, S>) -> Self {
                self.zip_rows_assign(rhs, Binary::$Op, |a, b| a $sym b).unwrap_or_else(|e| fail(e));
                self
            }
        }

        impl<T: Copy + $Op<Output = T>, S: Dims> $Op<DynArray<T, S>> for DynArray<T, S> {
            type Output = Self;

            /// # Panics
            ///
            /// If the row counts differ, with both shapes in the message.
            #[track_caller]
            fn $op(self, rhs: DynArray<T, S>) -> Self {
                self $sym &rhs
            }
        }

        impl<T: Copy + $Op<Output = T>, S: Dims> $OpAssign<&DynArray<T, S>> for DynArray<T, S> {
            /// # Panics
            ///
            /// If the row counts differ, with both shapes in the message.
            #[track_caller]
            fn $op_assign(&mut self, rhs: &DynArray<T, S>) {
                self.zip_rows_assign(rhs, Binary::$Op, |a, b| a $sym b).unwrap_or_else(|e| fail(e));
            }
        }

        impl<T: Copy + Default + $Op<Output = T>, S: RowsBroadcast<S2>, S2: Dims> $Op<&Array<T, S2>> for &DynArray<T, S> {
            type Output = DynArray<T, S>;

            fn $op(self, rhs: &Array<T, S2>) -> DynArray<T, S> {
                self.zip_static(rhs, false, Binary::$Op, |a, b| a $sym b)
            }
        }

        impl<T: Copy + Default + $Op<Output = T>, S: RowsBroadcast<S2>, S2: Dims> $Op<Array<T, S2>> for &DynArray<T, S> {
            type Output = DynArray<T, S>;

            fn $op(self, rhs: Array<T, S2>) -> DynArray<T, S> {
                self.zip_static(&rhs, false, Binary::$Op, |a, b| a $sym b)
            }
        }

        impl<T: Copy + Default + $Op<Output = T>, S: RowsBroadcast<S2>, S2: Dims> $Op<&Array<T, S2>> for DynArray<T, S> {
            type Output = Self;

            fn $op(mut self, rhs: &Array<T, S2>) -> Self {
                self.zip_static_assign(rhs, Binary::$Op, |a, b| a $sym b);
                self
            }
        }

        impl<T: Copy + Default + $Op<Output = T>, S: RowsBroadcast<S2>, S2: Dims> $Op<Array<T, S2>> for DynArray<T, S> {
            type Output = Self;

            fn $op(mut self, rhs: Array<T, S2>) -> Self {
                self.zip_static_assign(&rhs, Binary::$Op, |a, b| a $sym b);
                self
            }
        }

        impl<T: Copy + Default + $Op<Output = T>, S: RowsBroadcast<S2>, S2: Dims> $Op<&DynArray<T, S>> for &Array<T, S2> {
            type Output = DynArray<T, S>;

            fn $op(self, rhs: &DynArray<T, S>) -> DynArray<T, S> {
                rhs.zip_static(self, true, Binary::$Op, |a, b| a $sym b)
            }
        }

        impl<T: Copy + Default + $Op<Output = T>, S: RowsBroadcast<S2>, S2: Dims> $Op<&DynArray<T, S>> for Array<T, S2> {
            type Output = DynArray<T, S>;

            fn $op(self, rhs: &DynArray<T, S>) -> DynArray<T, S> {
                rhs.zip_static(&self, true, Binary::$Op, |a, b| a $sym b)
            }
        }

        impl<T: Copy + Default + $Op<Output = T>, S: RowsBroadcast<S2>, S2: Dims> $OpAssign<&Array<T, S2>> for DynArray<T, S> {
            fn $op_assign(&mut self, rhs: &Array<T, S2>) {
                self.zip_static_assign(rhs, Binary::$Op, |a, b| a $sym b);
            }
        }

        impl<T: Copy + Default + $Op<Output = T>, S: RowsBroadcast<S2>, S2: Dims> $OpAssign<Array<T, S2>> for DynArray<T, S> {
            fn $op_assign(&mut self, rhs: Array<T, S2>) {
                self.zip_static_assign(&rhs, Binary::$Op, |a, b| a $sym b);
            }
        }

        impl<T: Copy + $Op<Output = T>, S: Dims> $Op<T> for DynArray<T, S> {
            type Output = Self;

            fn $op(mut self, s: T) -> Self {
                unary_assign(self.as_flat_mut(), |x| x $sym s);
                self
            }
        }

        impl<T: Copy + $Op<Output = T>, S: Dims> $Op<T> for &DynArray<T, S> {
            type Output = DynArray<T, S>;

            fn $op(self, s: T) -> DynArray<T, S> {
                self.clone() $sym s
            }
        }

        impl<T: Copy + $Op<Output = T>, S: Dims> $OpAssign<T> for DynArray<T, S> {
            fn $op_assign(&mut self, s: T) {
                unary_assign(self.as_flat_mut(), |x| x $sym s);
            }
        }
    };
}

dyn_binary_op!(Add, add, AddAssign, add_assign, +);
dyn_binary_op!(Sub, sub, SubAssign, sub_assign, -);
dyn_binary_op!(Mul, mul, MulAssign, mul_assign, *);
dyn_binary_op!(Div, div, DivAssign, div_assign, /);

impl<T: Copy + Neg<Output = T>, S: Dims> Neg for DynArray<T, S> {
    type Output = Self;

    fn neg(mut self) -> Self {
        unary_assign(self.as_flat_mut(), T::neg);
        self
    }
}

impl<T: Copy + Neg<Output = T>, S: Dims> Neg for &DynArray<T, S> {
    type Output = DynArray<T, S>;

    fn neg(self) -> DynArray<T, S> {
        -self.clone()
    }
}
