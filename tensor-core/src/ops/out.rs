//! Where an operation writes its result: a tensor returned by value, or (feature `alloc`) a
//! boxed tensor built on the heap. Each operation's body is written once, generic over
//! [`Out`]; the methods of `Array` return `Array`, those of `BoxedOps` and `BoxedMatrix` (the
//! methods of `Box<Array<..>>`) return `Box<Array<..>>`, and both run the same kernels.

use core::mem::MaybeUninit;

use crate::Array;
use crate::shape::Dims;

/// The storage of a result of shape `S`: [`Array<T, S>`] itself or `Box<Array<T, S>>`.
pub(crate) trait Out<T, S: Dims>: Sized {
    /// The result whose row-major element `k` is `f(k)`, written in place (for a box, into
    /// the heap allocation: nothing of the result's size passes through the stack).
    fn from_flat_fn(f: impl FnMut(usize) -> T) -> Self;

    /// The result whose row-major elements `write` writes into its storage, which is not
    /// filled first (for a box, the heap allocation).
    ///
    /// # Safety
    ///
    /// `write` initializes every element of the slice it is given (as the elementwise
    /// kernels that build results do; see `kernels::elementwise`).
    unsafe fn from_flat_uninit(write: impl FnOnce(&mut [MaybeUninit<T>])) -> Self;

    /// The row-major elements.
    fn flat(&self) -> &[T];

    /// The row-major elements, mutably: where the kernels write.
    fn flat_mut(&mut self) -> &mut [T];
}

impl<T, S: Dims> Out<T, S> for Array<T, S> {
    #[inline]
    fn from_flat_fn(f: impl FnMut(usize) -> T) -> Self {
        Array::from_flat_fn(f)
    }

    #[inline]
    unsafe fn from_flat_uninit(write: impl FnOnce(&mut [MaybeUninit<T>])) -> Self {
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
    fn from_flat_fn(f: impl FnMut(usize) -> T) -> Self {
        Array::boxed_from_flat_fn(f)
    }

    #[inline]
    unsafe fn from_flat_uninit(write: impl FnOnce(&mut [MaybeUninit<T>])) -> Self {
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
