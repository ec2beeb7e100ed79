//! Where an operation writes its result: a tensor returned by value, or (feature `alloc`) a
//! boxed tensor built on the heap. Each operation's body is written once, generic over
//! [`Out`]; the methods of `Array` return `Array`, those of `BoxedOps` and `BoxedMatrix` (the
//! methods of `Box<Array<..>>`) return `Box<Array<..>>`, and both run the same kernels.

use crate::Array;
use crate::shape::Dims;

/// The storage of a result of shape `S`: [`Array<T, S>`] itself or `Box<Array<T, S>>`.
pub(crate) trait Out<T, S: Dims>: Sized {
    /// The result whose row-major element `k` is `f(k)`, written in place (for a box, into
    /// the heap allocation: nothing of the result's size passes through the stack).
    fn from_flat_fn(f: impl FnMut(usize) -> T) -> Self;

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
    fn flat(&self) -> &[T] {
        self.as_flat()
    }

    #[inline]
    fn flat_mut(&mut self) -> &mut [T] {
        self.as_flat_mut()
    }
}
