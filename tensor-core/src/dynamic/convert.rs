//! Crossing between static tensors and [`DynArray`]: into it for free or by copy, out of it
//! with a check of the row count.

use alloc::boxed::Box;

use crate::shape::{Const, Dims, Prepend};
use crate::{Array, DynArray, RowsMismatch, Tensor, Tensor3, Tensor4};

impl<T, S: Dims> DynArray<T, S> {
    /// The rows of a static tensor of shape `(N, S...)`, taken from its box without copying.
    fn from_boxed<const N: usize>(b: Box<Array<T, S::Output>>) -> Self
    where
        S: Prepend<Const<N>>,
    {
        Self::from_parts(N, b.into_flat_vec())
    }

    /// The rows copied from a static tensor of shape `(N, S...)`.
    fn copied_from<const N: usize>(a: &Array<T, S::Output>) -> Self
    where
        T: Copy,
        S: Prepend<Const<N>>,
    {
        Self::from_parts(N, a.as_flat().to_vec())
    }

    /// The error when the tensor does not have `n` rows.
    fn expect_rows(&self, n: usize) -> Result<(), RowsMismatch> {
        if self.nrows() == n {
            Ok(())
        } else {
            Err(RowsMismatch::Rows {
                expected: n,
                found: self.nrows(),
                row: S::DIMS,
            })
        }
    }

    /// A copy as the static tensor of shape `(N, S...)`, if the tensor has exactly `N` rows.
    /// The copy lives on the stack: for large `N` use
    /// [`to_static_boxed`](Self::to_static_boxed).
    ///
    /// ```
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::<i32, 2>::from_flat_fn(3, |k| k as i32);
    /// let m: Tensor<i32, 3, 2> = x.to_static::<3>().unwrap();
    /// assert_eq!(m, Tensor::from([[0, 1], [2, 3], [4, 5]]));
    /// assert_eq!(
    ///     x.to_static::<4>().unwrap_err().to_string(),
    ///     "cannot convert a tensor of shape (3, 2) into a tensor of shape (4, 2)"
    /// );
    /// ```
    pub fn to_static<const N: usize>(&self) -> Result<Array<T, S::Output>, RowsMismatch>
    where
        T: Copy,
        S: Prepend<Const<N>>,
    {
        self.expect_rows(N)?;
        Ok(Array::copied_from(self.as_flat()))
    }

    /// A copy as the static tensor of shape `(N, S...)` on the heap, if the tensor has
    /// exactly `N` rows; it never passes through the stack.
    ///
    /// ```
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = DynTensor::<f32, 784>::zeros(1000);
    /// let m: Box<Tensor<f32, 1000, 784>> = x.to_static_boxed::<1000>().unwrap();
    /// assert_eq!(m.shape(), (1000, 784));
    /// ```
    pub fn to_static_boxed<const N: usize>(&self) -> Result<Box<Array<T, S::Output>>, RowsMismatch>
    where
        T: Copy,
        S: Prepend<Const<N>>,
    {
        self.expect_rows(N)?;
        let flat = self.as_flat();
        Ok(Array::boxed_from_flat_fn(|k| flat[k]))
    }

    /// The static tensor of shape `(N, S...)` on the heap, taking the storage without copying
    /// (when the vector has no spare capacity), if the tensor has exactly `N` rows.
    fn into_static_boxed<const N: usize>(self) -> Result<Box<Array<T, S::Output>>, RowsMismatch>
    where
        S: Prepend<Const<N>>,
    {
        self.expect_rows(N)?;
        // `N` rows of `S::SIZE` elements: exactly the elements of the static tensor.
        Ok(Array::boxed_from_vec(self.into_vec())
            .unwrap_or_else(|_| unreachable!("N rows hold the static tensor's elements")))
    }
}

/// The conversions between the static tensor type `$Ten` and its run-time-rows twin `$Dyn`
/// (rows `[$($d),*]`): into `$Dyn` from an owned, borrowed or boxed tensor, out of it into a
/// tensor (copy) or a box (no copy).
macro_rules! conversions {
    ($($Ten:ident / $Dyn:ident [$($d:ident),+];)+) => {$(
        impl<T: Copy, const N: usize, $(const $d: usize),+> From<$Ten<T, N, $($d),+>> for crate::$Dyn<T, $($d),+> {
            /// The rows of a static tensor, copied to the heap.
            fn from(a: $Ten<T, N, $($d),+>) -> Self {
                Self::copied_from::<N>(&a)
            }
        }

        impl<T: Copy, const N: usize, $(const $d: usize),+> From<&$Ten<T, N, $($d),+>> for crate::$Dyn<T, $($d),+> {
            /// The rows of a static tensor, copied to the heap.
            fn from(a: &$Ten<T, N, $($d),+>) -> Self {
                Self::copied_from::<N>(a)
            }
        }

        impl<T, const N: usize, $(const $d: usize),+> From<Box<$Ten<T, N, $($d),+>>> for crate::$Dyn<T, $($d),+> {
            /// The rows of a boxed static tensor, taking its allocation without copying.
            fn from(a: Box<$Ten<T, N, $($d),+>>) -> Self {
                Self::from_boxed::<N>(a)
            }
        }

        impl<T: Copy, const N: usize, $(const $d: usize),+> TryFrom<&crate::$Dyn<T, $($d),+>> for $Ten<T, N, $($d),+> {
            type Error = RowsMismatch;

            /// A copy, if the run-time tensor has `N` rows (see `DynArray::to_static`).
            fn try_from(x: &crate::$Dyn<T, $($d),+>) -> Result<Self, RowsMismatch> {
                x.to_static::<N>()
            }
        }

        impl<T, const N: usize, $(const $d: usize),+> TryFrom<crate::$Dyn<T, $($d),+>> for Box<$Ten<T, N, $($d),+>> {
            type Error = RowsMismatch;

            /// The storage as a boxed static tensor, if it has `N` rows.
            fn try_from(x: crate::$Dyn<T, $($d),+>) -> Result<Self, RowsMismatch> {
                x.into_static_boxed::<N>()
            }
        }
    )+};
}

conversions! {
    Tensor / DynTensor [C];
    Tensor3 / DynTensor3 [D1, D2];
    Tensor4 / DynTensor4 [D1, D2, D3];
}
