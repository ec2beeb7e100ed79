//! [`Array`]: the one tensor type, generic over its shape, and what every rank shares.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::mem::MaybeUninit;

use num_traits::FromPrimitive;

use crate::Element;
use crate::ops::Out;
use crate::shape::{Dims, SameDims};

/// A tensor whose shape `S` is a type: a tuple of axes such as `(Const<2>, Const<3>)`.
///
/// Users write the aliases: [`Tensor<T, R, C>`](crate::Tensor) for matrices,
/// [`Tensor3`](crate::Tensor3) and [`Tensor4`](crate::Tensor4) for images and batches,
/// [`RowVector`](crate::RowVector) and [`ColVector`](crate::ColVector) for the broadcasting
/// results of reductions. Every operation that does not depend on the rank (the operators,
/// elementwise math, reductions, iteration, formatting) is written once, here and in `ops`,
/// for all of them; the rank-specific ones (the matrix product, indexing by a tuple, `row`,
/// `permute`) are on the aliases.
///
/// The elements are stored inline, row-major, in the nested array `S::Storage<T>`
/// (`[[T; C]; R]` for a matrix): no allocation, `Copy` when `T` is.
///
/// ```
/// use tensor_core::{Tensor, Tensor3};
///
/// let m = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// let img = Tensor3::<f64, 2, 2, 3>::ones();
/// assert_eq!((m.sum(), img.sum()), (10.0, 12.0));
/// assert_eq!((m.ndim(), img.ndim()), (2, 3));
/// ```
#[repr(transparent)]
pub struct Array<T, S: Dims> {
    pub(crate) data: S::Storage<T>,
}

/// The size from which [`Array::from_flat_fn`] fills its result out of line.
pub(crate) const OUT_OF_LINE: usize = 256;

/// The size (in bytes) from which `matmul`, `transpose` and the broadcasting operators build
/// their by-value result in an `#[inline(never)]` function that writes it: a result written by
/// one opaque call is built by the compiler in the caller's tensor, where the inlined loop or
/// kernel wrote a temporary that was then copied whole (`matmul` at `(10000, 1)` `f64`: one
/// 80 KB `memcpy` per product; `transpose` at `(100, 100)` `f64`: 0.65x a loop into a
/// preallocated output, 1.0x out of line; `(100, 100) + (1, 100)` `f32`: 2.1x the loop, 3.4x
/// out of line). Below, the inlined code costs less than a call (`(32, 10) + (1, 10)` `f32`:
/// 31 ns inlined, 56 ns out of line).
pub(crate) const OUT_OF_LINE_BYTES: usize = 2048;

/// `out[k] = f(k)` for every `k`.
#[inline(always)]
pub(crate) fn fill<T>(out: &mut [MaybeUninit<T>], mut f: impl FnMut(usize) -> T) {
    for (k, o) in out.iter_mut().enumerate() {
        o.write(f(k));
    }
}

/// [`fill`], never inlined (see [`Array::from_flat_fn`]).
#[inline(never)]
fn fill_out_of_line<T>(out: &mut [MaybeUninit<T>], f: impl FnMut(usize) -> T) {
    fill(out, f);
}

/// [`fill_out_of_line`] with the first elements written one by one up to a 32-byte boundary
/// (see [`Array::from_flat_map_fn`]).
#[inline(never)]
fn fill_aligned_out_of_line<T>(out: &mut [MaybeUninit<T>], mut f: impl FnMut(usize) -> T) {
    let head = out.as_ptr().align_offset(32).min(out.len());
    let (head_out, rest) = out.split_at_mut(head);
    fill(head_out, &mut f);
    fill(rest, |k| f(head + k));
}

impl<T, S: Dims> Array<T, S> {
    /// The number of axes, like NumPy's `a.ndim`.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor4};
    ///
    /// assert_eq!(Tensor::<f32, 28, 28>::NDIM, 2);
    /// assert_eq!(Tensor4::<f32, 8, 28, 28, 1>::NDIM, 4);
    /// ```
    pub const NDIM: usize = S::RANK;
    /// The number of elements, like NumPy's `a.size`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<f32, 28, 28>::SIZE, 784);
    /// assert_eq!(Tensor::<f32, 0, 5>::SIZE, 0);
    /// ```
    pub const SIZE: usize = S::SIZE;
    /// The size of each axis, outermost first, like NumPy's `a.shape` as a slice.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// assert_eq!(Tensor3::<f32, 28, 28, 3>::DIMS, &[28, 28, 3]);
    /// ```
    pub const DIMS: &'static [usize] = S::DIMS;
    /// The shape as a tuple, like NumPy's `a.shape`.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3};
    ///
    /// assert_eq!(Tensor::<f32, 28, 28>::SHAPE, (28, 28));
    /// assert_eq!(Tensor3::<f32, 32, 32, 3>::SHAPE, (32, 32, 3));
    /// ```
    pub const SHAPE: S::Tuple = S::SHAPE;

    /// The shape as a tuple, like NumPy's `a.shape`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<i32, 2, 3>::zeros();
    /// assert_eq!(m.shape(), (2, 3));
    /// assert_eq!(m.sum_axis::<1>().shape(), (2, 1));
    /// ```
    #[must_use]
    pub const fn shape(&self) -> S::Tuple {
        S::SHAPE
    }

    /// The number of axes, like NumPy's `a.ndim`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 2, 3>::zeros().ndim(), 2);
    /// ```
    #[must_use]
    pub const fn ndim(&self) -> usize {
        S::RANK
    }

    /// The size of each axis, outermost first (NumPy's `a.shape` as a slice).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<f32, 4, 3>::zeros();
    /// assert_eq!(m.dims(), &[4, 3]);
    /// assert_eq!(m.sum_axis::<0>().dims(), &[1, 3]);
    /// ```
    #[must_use]
    pub const fn dims(&self) -> &'static [usize] {
        S::DIMS
    }

    /// The number of elements, like NumPy's `a.size`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 2, 3>::zeros().size(), 6);
    /// ```
    #[must_use]
    pub const fn size(&self) -> usize {
        S::SIZE
    }

    /// The number of elements (the same as [`size`](Self::size)).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 4, 4>::zeros().len(), 16);
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        S::SIZE
    }

    /// Whether the tensor has no elements.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert!(Tensor::<i32, 0, 4>::zeros().is_empty());
    /// assert!(!Tensor::<i32, 1, 1>::zeros().is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        S::SIZE == 0
    }

    /// The elements in row-major order, as one slice.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.as_flat(), &[1, 2, 3, 4]);
    ///
    /// const LUT: Tensor<u8, 1, 4> = Tensor::from_array([[0, 1, 4, 9]]);
    /// const NINE: u8 = LUT.as_flat()[3];
    /// assert_eq!(NINE, 9);
    /// ```
    #[must_use]
    #[inline(always)]
    pub const fn as_flat(&self) -> &[T] {
        let data: *const S::Storage<T> = &self.data;
        // SAFETY: `Dims` is sealed and every impl's `Storage<T>` is a nested array of exactly
        // `S::SIZE` `T`s (see `shape::axes`), laid out contiguously with no padding, so the
        // storage is `S::SIZE` initialized `T`s, borrowed for the lifetime of `&self`.
        unsafe { core::slice::from_raw_parts(data.cast::<T>(), S::SIZE) }
    }

    /// The elements in row-major order, as one mutable slice.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::from([[1, 2], [3, 4]]);
    /// m.as_flat_mut()[3] = 40;
    /// assert_eq!(m[(1, 1)], 40);
    /// ```
    #[must_use]
    #[inline(always)]
    pub const fn as_flat_mut(&mut self) -> &mut [T] {
        let data: *mut S::Storage<T> = &mut self.data;
        // SAFETY: as in `as_flat`, the storage is `S::SIZE` contiguous initialized `T`s, and
        // `&mut self` borrows them exclusively.
        unsafe { core::slice::from_raw_parts_mut(data.cast::<T>(), S::SIZE) }
    }

    /// An iterator over the elements in row-major order.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.iter().copied().max(), Some(4));
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, T> {
        self.as_flat().iter()
    }

    /// An iterator over the elements in row-major order, by mutable reference.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::from([[1, 2], [3, 4]]);
    /// m.iter_mut().for_each(|x| *x *= 10);
    /// assert_eq!(m, Tensor::from([[10, 20], [30, 40]]));
    /// ```
    pub fn iter_mut(&mut self) -> core::slice::IterMut<'_, T> {
        self.as_flat_mut().iter_mut()
    }

    /// Builds a tensor from a function of the row-major position.
    ///
    /// One flat loop for every shape, instead of one `core::array::from_fn` per axis: those
    /// nest a closure per axis and each instance is large, which made them the largest part of
    /// the code the compiler generates for a program using many shapes (18% of the integration
    /// tests' LLVM IR).
    ///
    /// From [`OUT_OF_LINE`] elements the loop is a call ([`fill_out_of_line`]): a result built
    /// by one opaque call is built by the compiler in the caller's tensor, where an inlined
    /// loop writes a temporary that is then copied whole (`memcpy`).
    #[inline]
    pub(crate) fn from_flat_fn(f: impl FnMut(usize) -> T) -> Self {
        if S::SIZE >= OUT_OF_LINE {
            // SAFETY: `fill_out_of_line` writes every element of `out`.
            unsafe { Self::from_flat_uninit(|out| fill_out_of_line(out, f)) }
        } else {
            // SAFETY: `fill` writes every element of `out`.
            unsafe { Self::from_flat_uninit(|out| fill(out, f)) }
        }
    }

    /// [`Array::from_flat_fn`] for an `f` that reads its operands at `k`, as a map does (the
    /// reductions over lanes of one element): from [`OUT_OF_LINE`] elements the result is
    /// written from a 32-byte boundary on, its first elements one by one. A by-value result lies
    /// wherever the caller's stack puts it, aligned only to its element, and the loop's vector
    /// stores then straddle cache lines: `sum_axis::<1>()` of a `(10000, 1)` `f32` column ran
    /// 15-25% slower than from an aligned start (BENCHMARKS.md). Not for `f` reading a lane of
    /// several elements per `k`: shifting the loop's start misaligns its loads of the operand,
    /// which cost `(10000, 3)` 15%; nor 64 bytes, whose head of up to 15 calls of `f` cost 12%.
    #[inline]
    pub(crate) fn from_flat_map_fn(f: impl FnMut(usize) -> T) -> Self {
        if S::SIZE < OUT_OF_LINE {
            return Self::from_flat_fn(f);
        }
        // SAFETY: `fill_aligned_out_of_line` writes every element of `out`.
        unsafe { Self::from_flat_uninit(|out| fill_aligned_out_of_line(out, f)) }
    }

    /// Builds a tensor whose row-major elements `write` writes into its storage, which is not
    /// filled first: the results of the elementwise kernels (`ops::Out`).
    ///
    /// # Safety
    ///
    /// `write` initializes every element of the slice (of `S::SIZE` elements) it is given.
    #[inline]
    pub(crate) unsafe fn from_flat_uninit(write: impl FnOnce(&mut [MaybeUninit<T>])) -> Self {
        let mut out = MaybeUninit::<Self>::uninit();
        write(Self::flat_uninit(&mut out));
        // SAFETY: the caller's `write` initialized all `S::SIZE` elements, the whole storage.
        unsafe { out.assume_init() }
    }

    /// The row-major elements of a tensor not built yet: `S::SIZE` places to write.
    #[inline]
    pub(crate) fn flat_uninit(out: &mut MaybeUninit<Self>) -> &mut [MaybeUninit<T>] {
        // SAFETY: `Array` is `repr(transparent)` over its storage, `S::SIZE` contiguous `T`s
        // (see `as_flat`), so as many `MaybeUninit<T>`s (same layout); the unique borrow of
        // `out` moves into the result.
        unsafe {
            core::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<MaybeUninit<T>>(), S::SIZE)
        }
    }

    /// `flat`, which holds exactly `S::SIZE` elements, viewed as a tensor of shape `S`
    /// (the rows and mini-batches of a [`DynArray`](crate::DynArray)).
    ///
    /// # Panics
    ///
    /// If `flat.len() != S::SIZE`.
    #[inline]
    pub(crate) fn view(flat: &[T]) -> &Self {
        assert_eq!(
            flat.len(),
            S::SIZE,
            "a view needs exactly one tensor's elements"
        );
        // SAFETY: `Array` is `repr(transparent)` over `S::Storage<T>`, a nested array of
        // exactly `S::SIZE` contiguous `T`s with `T`'s alignment and no padding (`Dims` is
        // sealed; see `as_flat`). `flat` is that many initialized, aligned `T`s (asserted; an
        // empty slice's pointer is non-null and aligned, all a zero-sized storage needs), and
        // the borrow of `flat` is carried over to the result.
        unsafe { &*flat.as_ptr().cast::<Self>() }
    }

    /// [`view`](Self::view) for a mutable slice.
    ///
    /// # Panics
    ///
    /// If `flat.len() != S::SIZE`.
    #[cfg(feature = "alloc")]
    #[inline]
    pub(crate) fn view_mut(flat: &mut [T]) -> &mut Self {
        assert_eq!(
            flat.len(),
            S::SIZE,
            "a view needs exactly one tensor's elements"
        );
        // SAFETY: as in `view`; the unique borrow of `flat` moves into the result.
        unsafe { &mut *flat.as_mut_ptr().cast::<Self>() }
    }
}

/// The two `const` constructors everything `const` is built on (`full`, the reshapes): they
/// write the storage through a pointer to its first element, because a `const fn` cannot call
/// the closures or trait methods that build a nested array of a generic shape.
impl<T: Copy, S: Dims> Array<T, S> {
    /// The tensor whose row-major elements are a copy of `flat`.
    ///
    /// # Panics
    ///
    /// If `flat.len()` is not the element count (callers prove it with `ReshapeInto`).
    #[inline]
    pub(crate) const fn copied_from(flat: &[T]) -> Self {
        assert!(flat.len() == S::SIZE, "copied_from: wrong element count");
        let mut data = MaybeUninit::<S::Storage<T>>::uninit();
        // SAFETY: the storage is `S::SIZE` contiguous `T`s (see `as_flat`), `flat` holds as
        // many, and a fresh `MaybeUninit` does not overlap it; after the copy every element is
        // initialized, and `T: Copy` has no drop to run twice.
        unsafe {
            core::ptr::copy_nonoverlapping(flat.as_ptr(), data.as_mut_ptr().cast::<T>(), S::SIZE);
            Self {
                data: data.assume_init(),
            }
        }
    }

    /// The tensor with every element `value`.
    #[inline]
    const fn filled(value: T) -> Self {
        let mut data = MaybeUninit::<S::Storage<T>>::uninit();
        let first = data.as_mut_ptr().cast::<T>();
        let mut k = 0;
        while k < S::SIZE {
            // SAFETY: `k < S::SIZE`, within the storage of `S::SIZE` contiguous `T`s.
            unsafe { first.add(k).write(value) };
            k += 1;
        }
        // SAFETY: the loop initialized all `S::SIZE` elements, which is the whole storage.
        Self {
            data: unsafe { data.assume_init() },
        }
    }
}

impl<T: Copy, S: Dims> Array<T, S> {
    /// Applies `f` to every element, keeping the shape, like NumPy's `np.vectorize(f)(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.map(|x| x as f64 / 2.0), Tensor::from([[0.5, 1.0], [1.5, 2.0]]));
    /// ```
    #[must_use]
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Array<U, S> {
        self.map_each_to(f)
    }

    /// The body of [`map`](Self::map), into `O` (a tensor or a boxed one).
    #[inline]
    pub(crate) fn map_each_to<U, O: Out<U, S>>(&self, mut f: impl FnMut(T) -> U) -> O {
        let flat = self.as_flat();
        O::from_flat_fn(1, |k| f(flat[k]))
    }

    /// Combines two tensors of the same shape element by element.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1, 2], [3, 4]]);
    /// let b = Tensor::from([[10, 20], [30, 40]]);
    /// assert_eq!(a.zip_map(b, |x, y| y - x), Tensor::from([[9, 18], [27, 36]]));
    /// ```
    #[must_use]
    pub fn zip_map<U: Copy, V>(
        self,
        other: Array<U, S>,
        mut f: impl FnMut(T, U) -> V,
    ) -> Array<V, S> {
        let (a, b) = (self.as_flat(), other.as_flat());
        Array::from_flat_fn(|k| f(a[k], b[k]))
    }
}

impl<T: Element, S: Dims> Array<T, S> {
    /// A tensor with every element equal to `value`, like `np.full(shape, value)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<f64, 2, 1>::full(0.5), Tensor::from([[0.5], [0.5]]));
    ///
    /// // In `const` and `static` items too (`full`, `zeros`, `ones`, `eye`, `from_array`, the
    /// // reshapes and `transpose` are `const fn`s):
    /// const HALF: Tensor<f64, 3, 3> = Tensor::full(0.5);
    /// assert_eq!(HALF.as_array()[2][2], 0.5);
    /// ```
    #[must_use]
    pub const fn full(value: T) -> Self {
        Self::filled(value)
    }

    /// A tensor of zeros, like `np.zeros(shape)`.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// assert!(Tensor3::<f32, 2, 2, 3>::zeros().iter().all(|&x| x == 0.0));
    ///
    /// static BIAS: tensor_core::Tensor<f32, 1, 64> = tensor_core::Tensor::zeros();
    /// assert_eq!(BIAS.as_flat()[63], 0.0);
    /// const Z: Tensor3<i8, 2, 1, 3> = Tensor3::zeros();
    /// const FIRST: i8 = Z.as_flat()[0];
    /// assert_eq!(FIRST, 0);
    /// ```
    #[must_use]
    pub const fn zeros() -> Self {
        Self::full(T::ZERO)
    }

    /// A tensor of ones, like `np.ones(shape)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 1, 3>::ones(), Tensor::from([[1, 1, 1]]));
    ///
    /// const SCALE: Tensor<u8, 2, 2> = Tensor::ones();
    /// assert_eq!(*SCALE.as_array(), [[1, 1], [1, 1]]);
    /// ```
    #[must_use]
    pub const fn ones() -> Self {
        Self::full(T::ONE)
    }

    /// `0, 1, 2, ...` in row-major order, like `np.arange(size).reshape(shape)`.
    ///
    /// # Panics
    ///
    /// If the largest value does not fit in `T`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<i32, 2, 3>::arange(), Tensor::from([[0, 1, 2], [3, 4, 5]]));
    /// ```
    #[must_use]
    pub fn arange() -> Self
    where
        T: FromPrimitive,
    {
        Self::from_flat_fn(|k| {
            T::from_usize(k).unwrap_or_else(|| {
                panic!(
                    "arange: value {k} does not fit in the element type of a tensor of shape {:?}",
                    S::SHAPE
                )
            })
        })
    }
}

impl<T: Element, S: Dims> Default for Array<T, S> {
    /// A tensor of `T::default()` (zeros).
    fn default() -> Self {
        Self::full(T::default())
    }
}

impl<T: Clone, S: Dims> Clone for Array<T, S>
where
    S::Storage<T>: Clone,
{
    #[inline(always)]
    fn clone(&self) -> Self {
        Self {
            data: self.data.clone(),
        }
    }
}

impl<T: Copy, S: Dims> Copy for Array<T, S> where S::Storage<T>: Copy {}

impl<T: PartialEq, S: Dims + SameDims<S2>, S2: Dims> PartialEq<Array<T, S2>> for Array<T, S> {
    /// Whether two tensors of the same shape hold the same elements. The shapes may differ in
    /// how their size-1 axes are typed ([`SameDims`]).
    fn eq(&self, other: &Array<T, S2>) -> bool {
        self.as_flat() == other.as_flat()
    }
}

impl<T: Eq, S: Dims> Eq for Array<T, S> {}

impl<T: Hash, S: Dims> Hash for Array<T, S> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_flat().hash(state);
    }
}

impl<'a, T, S: Dims> IntoIterator for &'a Array<T, S> {
    type Item = &'a T;
    type IntoIter = core::slice::Iter<'a, T>;

    /// Iterates over the elements in row-major order by reference.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// let mut total = 0;
    /// for x in &m {
    ///     total += x;
    /// }
    /// assert_eq!(total, 10);
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T, S: Dims> IntoIterator for &'a mut Array<T, S> {
    type Item = &'a mut T;
    type IntoIter = core::slice::IterMut<'a, T>;

    /// Iterates over the elements in row-major order by mutable reference.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::from([[1, 2]]);
    /// for x in &mut m {
    ///     *x += 1;
    /// }
    /// assert_eq!(m, Tensor::from([[2, 3]]));
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<T: Element, S: Dims> fmt::Display for Array<T, S> {
    /// Prints like NumPy's `print(a)`: nested brackets, one row per line, columns aligned on
    /// the decimal point; floats always show the point (`1.`) and at most 8 decimals unless a
    /// precision is given (`{:.2}`). Long rows wrap at 75 columns, tensors of more than 1000
    /// elements are summarized with `...`, floats switch to scientific notation for very large
    /// or small magnitudes, and blocks of rank 3 and 4 are separated by blank lines, as NumPy
    /// does. A matrix with one row prints as NumPy's 1-D array.
    ///
    /// ```
    /// use tensor_core::{Tensor, Tensor3};
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).to_string(), "[[1 2]\n [3 4]]");
    /// assert_eq!(Tensor::from([2, 4, 6]).to_string(), "[2 4 6]");
    /// assert_eq!(Tensor::from([[1.0, -2.5], [10.0, 0.25]]).to_string(), "[[ 1.   -2.5 ]\n [10.    0.25]]");
    /// assert_eq!(format!("{:.2}", Tensor::from([1.0f32 / 3.0])), "[0.33]");
    /// assert_eq!(Tensor3::<i32, 2, 1, 2>::arange().to_string(), "[[[0 1]]\n\n [[2 3]]]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::fmt::write_array(f, self.as_flat(), printed_dims::<S>())
    }
}

/// The shape `Display` prints: `S`, except that a matrix with one row prints as NumPy's 1-D
/// array.
fn printed_dims<S: Dims>() -> &'static [usize] {
    if S::RANK == 2 && S::DIMS[0] == 1 {
        &S::DIMS[1..]
    } else {
        S::DIMS
    }
}

impl<S: Dims> fmt::Display for Array<bool, S> {
    /// Prints a mask like NumPy's `print(a)` of a boolean array: `" True"` and `"False"`, 5
    /// wide, in the layout of numeric tensors (line wrapping, summarizing, blank lines
    /// between blocks).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([true, false]).to_string(), "[ True False]");
    /// assert_eq!(Tensor::from([[true], [true]]).to_string(), "[[ True]\n [ True]]"); // as NumPy
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::fmt::write_array(f, self.as_flat(), printed_dims::<S>())
    }
}

impl<T: fmt::Debug, S: Dims> fmt::Debug for Array<T, S>
where
    S::Storage<T>: fmt::Debug,
{
    /// Prints the shape and the nested rows: `Tensor<2, 2>[[1, 2], [3, 4]]`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(format!("{:?}", Tensor::from([[1, 2], [3, 4]])), "Tensor<2, 2>[[1, 2], [3, 4]]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Tensor<")?;
        for (k, d) in S::DIMS.iter().enumerate() {
            if k > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{d}")?;
        }
        write!(f, ">{:?}", self.data)
    }
}

#[cfg(test)]
mod tests {
    use core::mem::MaybeUninit;

    use crate::shape::{Const, One};
    use crate::{Array, Tensor, Tensor3, Tensor4};

    #[test]
    fn fill_aligned_out_of_line_writes_f_of_each_index_at_every_alignment() {
        // Every start within a 64-byte line, so the head written one by one has every length
        // from 0 to 7 (and is the whole slice when that is shorter).
        let mut buf = [MaybeUninit::<u32>::uninit(); 300];
        for start in 0..17 {
            for len in [0, 1, 5, 16, 17, 100, 283] {
                let out = &mut buf[start..start + len];
                super::fill_aligned_out_of_line(out, |k| 3 * k as u32 + 1);
                for (k, o) in out.iter().enumerate() {
                    // SAFETY: `fill_aligned_out_of_line` wrote every element.
                    assert_eq!(
                        unsafe { o.assume_init() },
                        3 * k as u32 + 1,
                        "start {start}, length {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn as_flat_is_the_row_major_storage_of_every_rank() {
        let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
        assert_eq!(m.as_flat(), &[1, 2, 3, 4, 5, 6]);
        let t = Tensor3::from_array([[[1u8, 2], [3, 4]], [[5, 6], [7, 8]]]);
        assert_eq!(t.as_flat(), &[1, 2, 3, 4, 5, 6, 7, 8]);
        let mut c: Array<f64, (Const<3>, One)> = Array::zeros();
        c.as_flat_mut()[2] = 4.0;
        assert_eq!(c.as_flat(), &[0.0, 0.0, 4.0]);
        let e = Tensor4::<u16, 2, 0, 3, 1>::zeros();
        assert!(e.as_flat().is_empty());
    }

    #[test]
    fn const_constructors_fill_every_element() {
        const F: Tensor3<i64, 2, 3, 4> = Tensor3::full(-7);
        assert!(F.iter().all(|&x| x == -7) && F.len() == 24);
        const Z: Tensor<u8, 0, 5> = Tensor::zeros();
        assert!(Z.as_flat().is_empty());
        const W: Tensor4<(), 2, 2, 2, 2> = Tensor4::from_array([[[[(); 2]; 2]; 2]; 2]);
        assert_eq!(W.as_flat().len(), 16);
        static ONES: Tensor<f32, 3, 1> = Tensor::ones();
        assert_eq!(ONES.as_array(), &[[1.0], [1.0], [1.0]]);
    }

    #[test]
    fn copied_from_keeps_the_order_and_handles_empty_shapes() {
        const M: Tensor<i32, 2, 3> = Tensor::copied_from(&[1, 2, 3, 4, 5, 6]);
        assert_eq!(M.as_array(), &[[1, 2, 3], [4, 5, 6]]);
        let e = Tensor3::<i32, 2, 0, 2>::copied_from(&[]);
        assert!(e.is_empty());
    }

    #[test]
    #[should_panic(expected = "element count")]
    fn copied_from_rejects_a_wrong_length() {
        let _ = Tensor::<i32, 2, 2>::copied_from(&[1, 2, 3]);
    }
}
