//! Where an operation writes its result: a tensor returned by value, or (feature `alloc`) a
//! boxed tensor built on the heap, or a run-time tensor's rows. Each operation's body is
//! written once, generic over [`Out`]; the methods of `Array` return `Array`, those of
//! `BoxedOps` and `BoxedMatrix` (the methods of `Box<Array<..>>`) return `Box<Array<..>>`,
//! the elementwise math of `DynArray` returns `DynArray`, and all run the same kernels.

use core::mem::MaybeUninit;

use crate::Array;
use crate::shape::Dims;

/// The storage of a result of `rows` blocks of shape `S`: [`Array<T, S>`] itself or
/// `Box<Array<T, S>>` (one block), or a `DynArray<T, S>` of `rows` rows.
pub(crate) trait Out<T, S: Dims>: Sized {
    /// The result whose row-major element `k` is `f(k)`, written in place (for a box, into
    /// the heap allocation: nothing of the result's size passes through the stack).
    ///
    /// # Panics
    ///
    /// If a tensor or a boxed one is asked for `rows != 1`.
    fn from_flat_fn(rows: usize, f: impl FnMut(usize) -> T) -> Self;

    /// [`Out::from_flat_fn`] for an `f` that reads its operands at `k`, as a map does: a
    /// tensor returned by value is written from an aligned start
    /// ([`Array::from_flat_map_fn`]); a box or a run-time tensor's heap block is aligned
    /// already.
    fn from_flat_map_fn(rows: usize, f: impl FnMut(usize) -> T) -> Self {
        Self::from_flat_fn(rows, f)
    }

    /// The result whose row-major elements `write` writes into its storage, which is not
    /// filled first (for a box, the heap allocation).
    ///
    /// # Safety
    ///
    /// `write` initializes every element of the slice it is given (as the elementwise
    /// kernels that build results do; see `kernels::elementwise`).
    ///
    /// # Panics
    ///
    /// If a tensor or a boxed one is asked for `rows != 1`.
    unsafe fn from_flat_uninit(rows: usize, write: impl FnOnce(&mut [MaybeUninit<T>])) -> Self;

    /// The row-major elements.
    fn flat(&self) -> &[T];

    /// The row-major elements, mutably: where the kernels write.
    fn flat_mut(&mut self) -> &mut [T];
}

impl<T, S: Dims> Out<T, S> for Array<T, S> {
    #[inline]
    fn from_flat_fn(rows: usize, f: impl FnMut(usize) -> T) -> Self {
        assert_eq!(rows, 1, "a tensor is one block of its shape");
        Array::from_flat_fn(f)
    }

    #[inline]
    fn from_flat_map_fn(rows: usize, f: impl FnMut(usize) -> T) -> Self {
        assert_eq!(rows, 1, "a tensor is one block of its shape");
        Array::from_flat_map_fn(f)
    }

    #[inline]
    unsafe fn from_flat_uninit(rows: usize, write: impl FnOnce(&mut [MaybeUninit<T>])) -> Self {
        assert_eq!(rows, 1, "a tensor is one block of its shape");
        // SAFETY: the caller's `write` initializes every element.
        unsafe { Array::from_flat_uninit(write) }
    }

    #[inline]
    fn flat(&self) -> &[T] {
        self.as_flat()
    }

    #[inline]
    fn flat_mut(&mut self) -> &mut [T] {
        self.as_flat_mut()
    }
}

#[cfg(feature = "alloc")]
impl<T, S: Dims> Out<T, S> for alloc::boxed::Box<Array<T, S>> {
    #[inline]
    fn from_flat_fn(rows: usize, f: impl FnMut(usize) -> T) -> Self {
        assert_eq!(rows, 1, "a tensor is one block of its shape");
        Array::boxed_from_flat_fn(f)
    }

    #[inline]
    unsafe fn from_flat_uninit(rows: usize, write: impl FnOnce(&mut [MaybeUninit<T>])) -> Self {
        assert_eq!(rows, 1, "a tensor is one block of its shape");
        // SAFETY: the caller's `write` initializes every element.
        unsafe { Array::boxed_from_flat_uninit(write) }
    }

    #[inline]
    fn flat(&self) -> &[T] {
        self.as_flat()
    }

    #[inline]
    fn flat_mut(&mut self) -> &mut [T] {
        self.as_flat_mut()
    }
}

#[cfg(feature = "alloc")]
impl<T, S: Dims> Out<T, S> for crate::DynArray<T, S> {
    #[inline]
    fn from_flat_fn(rows: usize, f: impl FnMut(usize) -> T) -> Self {
        crate::DynArray::from_flat_fn(rows, f)
    }

    #[inline]
    unsafe fn from_flat_uninit(rows: usize, write: impl FnOnce(&mut [MaybeUninit<T>])) -> Self {
        // SAFETY: the caller's `write` initializes every element.
        unsafe { crate::DynArray::from_flat_uninit(rows, write) }
    }

    #[inline]
    fn flat(&self) -> &[T] {
        self.as_flat()
    }

    #[inline]
    fn flat_mut(&mut self) -> &mut [T] {
        self.as_flat_mut()
    }
}
