//! Boxed constructors (feature `alloc`): tensors built directly on the heap.
//!
//! A `Tensor<f32, 1024, 1024>` is 4 MiB of inline data; returning it by value from
//! [`zeros`](Tensor::zeros) can overflow a thread's stack (2 MiB by default for spawned
//! threads). The `boxed_*` constructors allocate uninitialized heap memory and write every
//! element in place, so the tensor never exists on the stack. With the feature `rand`, random
//! boxed tensors come from `Tensor::boxed_random_using(distribution, &mut rng)`, or from
//! `let w: Box<Tensor<f32, 1024, 1024>> = rng.sample(StandardNormal);`.
//!
//! Keep such tensors behind the box: operations on boxed operands return boxed results built on
//! the heap (the operators on `&Box<..>`, and the traits [`BoxedOps`](crate::BoxedOps) and
//! [`BoxedMatrix`](crate::BoxedMatrix) for the math, reductions along an axis, `matmul`, `t`
//! and `reshape`). What moves the whole tensor through the stack: `*a` handed to an operation
//! (`&*a + &*b` returns the sum by value), methods taking the tensor itself by value
//! (`(*a).into_array()`), and `Box::clone` (which calls `Tensor::clone`);
//! [`to_boxed`](Tensor::to_boxed) copies one from heap to heap.

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::array::fill;
use crate::shape::Dims;
use crate::{Array, Element, Tensor};

impl<T, S: Dims> Array<T, S> {
    /// Builds a boxed tensor from a function of the row-major position, writing each element
    /// directly into the heap allocation, in order.
    ///
    /// If `f` panics, the elements already written are leaked (not dropped) and the allocation
    /// is freed.
    ///
    /// ```
    /// use tensor_core::{Array, Tensor3};
    ///
    /// let img: Box<Tensor3<u32, 512, 512, 3>> = Array::boxed_from_flat_fn(|k| k as u32);
    /// assert_eq!(img[(511, 511, 2)], 512 * 512 * 3 - 1);
    /// ```
    #[must_use]
    pub fn boxed_from_flat_fn(f: impl FnMut(usize) -> T) -> Box<Self> {
        // SAFETY: `fill` writes every element of `out`.
        unsafe { Self::boxed_from_flat_uninit(|out| fill(out, f)) }
    }

    /// [`Array::from_flat_uninit`] on the heap: `write` writes the elements straight into
    /// the allocation, which is not filled first.
    ///
    /// # Safety
    ///
    /// `write` initializes every element of the slice (of `S::SIZE` elements) it is given.
    pub(crate) unsafe fn boxed_from_flat_uninit(
        write: impl FnOnce(&mut [core::mem::MaybeUninit<T>]),
    ) -> Box<Self> {
        let mut boxed = Box::<Self>::new_uninit();
        // SAFETY: `Array` is `repr(transparent)` over its storage, a nested array `[[T; C]; R]`
        // (likewise for every rank) holding its `S::SIZE` elements contiguously with no
        // padding, so the allocation holds as many `MaybeUninit<T>`s.
        let flat = unsafe {
            core::slice::from_raw_parts_mut(
                boxed.as_mut_ptr().cast::<core::mem::MaybeUninit<T>>(),
                S::SIZE,
            )
        };
        write(flat);
        // SAFETY: the caller's `write` initialized all `S::SIZE` elements, all of `Self`.
        unsafe { boxed.assume_init() }
    }

    /// Clones the tensor into a new heap allocation, element by element.
    ///
    /// Use it instead of `Box::clone` for large tensors: `Box::clone` calls `Array::clone`,
    /// which returns the whole tensor by value, through the stack.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::<f32, 1024, 1024>::boxed_full(1.5);
    /// let b = a.to_boxed();
    /// assert_eq!(a, b);
    /// ```
    #[must_use]
    pub fn to_boxed(&self) -> Box<Self>
    where
        T: Clone,
    {
        let flat = self.as_flat();
        Self::boxed_from_flat_fn(|k| flat[k].clone())
    }
}

/// Moving the elements between a boxed tensor and a `Vec`, without copying: the storage of a
/// tensor is `S::SIZE` contiguous `T`s (`Dims` is sealed; see `Array::as_flat`), which is the
/// layout of a boxed slice of that length.
impl<T, S: Dims> Array<T, S> {
    /// The boxed tensor whose row-major elements are `data`, taking its allocation (shrunk to
    /// its length), or `data` back if it does not hold exactly `S::SIZE` elements.
    pub(crate) fn boxed_from_vec(data: Vec<T>) -> Result<Box<Self>, Vec<T>> {
        if data.len() != S::SIZE {
            return Err(data);
        }
        let slice: Box<[T]> = data.into_boxed_slice();
        // SAFETY: the slice's allocation (none when it is zero-sized) has the layout of
        // `[T; S::SIZE]`, which is the layout of `Self` (see the impl's docs), so `Box<Self>`
        // may own and later free it; its `S::SIZE` elements are initialized and, in row-major
        // order, form a valid `Self`. Ownership moves from the slice's box to the new one.
        Ok(unsafe { Box::from_raw(Box::into_raw(slice).cast::<Self>()) })
    }

    /// The row-major elements of a boxed tensor, taking its allocation.
    pub(crate) fn into_flat_vec(self: Box<Self>) -> Vec<T> {
        let raw = Box::into_raw(self).cast::<T>();
        // SAFETY: the box's allocation has the layout of `[T; S::SIZE]` (see the impl's docs),
        // the layout `Box<[T]>` of that length frees with, and holds that many initialized
        // `T`s; ownership moves from the old box to the new one.
        let flat: Box<[T]> =
            unsafe { Box::from_raw(core::ptr::slice_from_raw_parts_mut(raw, S::SIZE)) };
        flat.into_vec()
    }
}

impl<T, const R: usize, const C: usize> Tensor<T, R, C> {
    /// Builds a boxed tensor from a function of `(row, col)`, writing each element directly
    /// into the heap allocation, in row-major order.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m: Box<Tensor<u32, 1024, 1024>> = Tensor::boxed_from_fn(|i, j| (i * 1024 + j) as u32);
    /// assert_eq!(m[(1023, 1023)], 1024 * 1024 - 1);
    /// ```
    #[must_use]
    pub fn boxed_from_fn(mut f: impl FnMut(usize, usize) -> T) -> Box<Self> {
        Self::boxed_from_flat_fn(|k| f(k / C, k % C))
    }
}

impl<T: Element, S: Dims> Array<T, S> {
    /// A boxed tensor with every element equal to `value`, built on the heap.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<f64, 2000, 1000>::boxed_full(0.5); // 16 MB, never on the stack
    /// assert!(m.iter().all(|&x| x == 0.5));
    /// ```
    #[must_use]
    pub fn boxed_full(value: T) -> Box<Self> {
        Self::boxed_from_flat_fn(|_| value)
    }

    /// A boxed tensor of zeros, built on the heap: `np.zeros((R, C))` for large shapes.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let batch = Tensor::<f32, 1000, 784>::boxed_zeros();
    /// assert_eq!(batch.shape(), (1000, 784));
    /// assert_eq!(batch[(999, 783)], 0.0);
    /// ```
    #[must_use]
    pub fn boxed_zeros() -> Box<Self> {
        Self::boxed_full(T::zero())
    }

    /// A boxed tensor of ones, built on the heap: `np.ones((R, C))` for large shapes.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<i64, 1024, 1024>::boxed_ones();
    /// assert_eq!(m.iter().sum::<i64>(), 1024 * 1024);
    /// ```
    #[must_use]
    pub fn boxed_ones() -> Box<Self> {
        Self::boxed_full(T::one())
    }
}
