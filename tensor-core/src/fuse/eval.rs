//! Evaluating a fused expression: into a tensor (on the stack, boxed, or a run-time
//! `DynArray`) or a scalar
//! ([`eval`]), or reduced at the root ([`sum`], [`mean`]), chunk by chunk.

use core::mem::MaybeUninit;

use num_traits::Float;

use super::{Extent, IntoFused, Layout, Node, Scalar, Stack, written};
#[cfg(feature = "alloc")]
use super::{Heap, Rows};
use crate::array::OUT_OF_LINE;
use crate::kernels::accurate::{
    Dd, Real, add_parts, mean_of_parts, real_as, sum_of_parts, sum_part, sum_part_of_squares,
};
use crate::kernels::cast_slice;
use crate::kernels::reduce::{count, fold};
use crate::shape::Dims;
use crate::{Array, Element};

/// The elements of the stack buffers: one chunk of the result and the nodes' scratch chunks.
const BUF: usize = 4096;

/// The longest chunk: a multiple of every SIMD width, small enough for the buffers of a few
/// nodes to stay in the L1 cache.
const CHUNK: usize = 1024;

/// What an expression of shape `Self` evaluates to, with storage `St` ([`Stack`] or [`Heap`]).
pub trait Finish<T, St> {
    /// A tensor, a boxed tensor or a scalar.
    type Out;

    /// Evaluates `node`.
    fn finish<N: Node<Elem = T, Shape = Self, Store = St>>(node: &N) -> Self::Out;
}

impl<T: Element, St> Finish<T, St> for Scalar {
    type Out = T;

    #[inline]
    fn finish<N: Node<Elem = T, Shape = Self, Store = St>>(node: &N) -> T {
        node.value().expect("an expression of scalars has a value")
    }
}

impl<T: Element, S: Dims> Finish<T, Stack> for S {
    type Out = Array<T, S>;

    #[inline]
    fn finish<N: Node<Elem = T, Shape = S, Store = Stack>>(node: &N) -> Array<T, S> {
        let at = Layout::of::<S>();
        if S::SIZE >= OUT_OF_LINE {
            // SAFETY: `write_all` writes every element of `out`.
            unsafe { Array::from_flat_uninit(|out| write_all_out_of_line(node, &at, out)) }
        } else {
            // SAFETY: `write_copied` writes every element of `out`.
            unsafe { Array::from_flat_uninit(|out| write_copied(node, &at, out)) }
        }
    }
}

#[cfg(feature = "alloc")]
impl<T: Element, S: Dims> Finish<T, Heap> for S {
    type Out = alloc::boxed::Box<Array<T, S>>;

    #[inline]
    fn finish<N: Node<Elem = T, Shape = S, Store = Heap>>(node: &N) -> Self::Out {
        let at = Layout::of::<S>();
        // SAFETY: `write_all` writes every element of `out`.
        unsafe { Array::boxed_from_flat_uninit(|out| write_all(node, &at, out)) }
    }
}

/// Writes every element of `node`'s result `at` into `out` (`at.size` elements), chunk by
/// chunk, in place: each chunk of `out` is written once by the root operation, with the
/// operands' chunks in stack buffers. The chunks start on cache lines of `out`, after a first
/// one of the elements before its first line: a result on the stack is aligned only to its
/// element (a box to 16 bytes), and the root operation's vector loads and stores of an
/// unaligned chunk straddle lines (see BENCHMARKS.md, "Results written from an aligned
/// start").
#[inline]
fn write_all<N: Node>(node: &N, at: &Layout, out: &mut [MaybeUninit<N::Elem>]) {
    assert_eq!(out.len(), at.size);
    let head = out.as_ptr().align_offset(64).min(out.len());
    with_buffers(N::SCRATCH, at.size, |chunk, scratch| {
        let (first, rest) = out.split_at_mut(head);
        if head > 0 {
            // Fewer elements than a cache line holds: at most `chunk`.
            node.write(at, 0, first, scratch);
        }
        for (k, part) in rest.chunks_mut(chunk).enumerate() {
            node.write(at, head + k * chunk, part, scratch);
        }
    });
}

/// [`write_all`] for a small tensor on the stack: the result computed in a stack buffer,
/// then copied into `out`. Measured on the linear regression at `N = 100` (a `(100, 1)`
/// result, the whole expression inlined), writing into `out` in place was 8-10% slower than
/// this copy; from [`OUT_OF_LINE`] elements `write_all` is called.
#[inline]
fn write_copied<N: Node>(node: &N, at: &Layout, out: &mut [MaybeUninit<N::Elem>]) {
    assert_eq!(out.len(), at.size);
    with_buffers(N::SCRATCH + 1, at.size, |chunk, buffers| {
        let (buf, scratch) = buffers.split_at_mut(chunk);
        for (k, part) in out.chunks_mut(chunk).enumerate() {
            let values = written(node, at, k * chunk, &mut buf[..part.len()], scratch);
            part.write_copy_of_slice(values);
        }
    });
}

/// [`write_all`], never inlined: a tensor on the stack written by one opaque call is built by
/// the compiler in the caller's tensor (as `Array::from_flat_fn` does from [`OUT_OF_LINE`]
/// elements), where the inlined chunk loop wrote a temporary that was then copied whole.
#[inline(never)]
fn write_all_out_of_line<N: Node>(node: &N, at: &Layout, out: &mut [MaybeUninit<N::Elem>]) {
    write_all(node, at, out);
}

/// A run-time tensor, whatever the storage of the static operands: its elements written once,
/// chunk by chunk, into storage allocated for them (not filled first).
///
/// # Panics
///
/// If two run-time operands have different row counts (as the `DynArray` operators).
#[cfg(feature = "alloc")]
impl<T: Element, S: Dims, St> Finish<T, St> for Rows<S> {
    type Out = crate::DynArray<T, S>;

    #[inline]
    fn finish<N: Node<Elem = T, Shape = Self, Store = St>>(node: &N) -> Self::Out {
        let at = Self::layout(node);
        let rows = at.dims[3 - S::RANK];
        let mut out = alloc::vec::Vec::with_capacity(at.size);
        write_all(node, &at, &mut out.spare_capacity_mut()[..at.size]);
        // SAFETY: `write_all` initialized the first `at.size` elements, within the capacity.
        unsafe { out.set_len(at.size) };
        crate::DynArray::from_parts(rows, out)
    }
}

/// Evaluates a fused expression in one pass: a tensor of the broadcast shape (boxed when an
/// operand is boxed, a `DynArray` when one is), or a scalar when every operand is one.
///
/// ```
/// use tensor_core::{Tensor, fuse};
///
/// let x = Tensor::from([[0.0f32, 1.0], [2.0, 3.0]]);
/// let b = Tensor::from([0.5f32, -0.5]);
/// assert_eq!(fuse::eval(fuse::sigmoid(fuse::add(&x, &b))), (x + b).sigmoid());
/// assert_eq!(fuse::eval(fuse::mul(&2.0, fuse::add(&1.0, &3.0))), 8.0);
/// ```
#[inline]
pub fn eval<N: Node>(node: N) -> <N::Shape as Finish<N::Elem, N::Store>>::Out
where
    N::Shape: Finish<N::Elem, N::Store>,
{
    N::Shape::finish(&node)
}

/// The sum of the elements of a fused expression (as `Array::sum`, accurate for `f32`/`f64`),
/// without its tensor.
///
/// ```
/// use tensor_core::{Tensor, fuse};
///
/// let a = Tensor::from([1.0, 2.0, 3.0]);
/// assert_eq!(fuse::sum(fuse::mul(&a, &a)), 14.0);
/// ```
#[inline]
pub fn sum<N: Node>(node: N) -> N::Elem
where
    N::Shape: Extent,
{
    reduce(&node, Summand::Element).0.sum()
}

/// The sum of the squares of the elements of an operand or a fused expression,
/// `tensor!(x.square().sum())`, in one pass: the squares are summed as they are made, never
/// stored. Up to 128 elements it is `x.square().sum()`, bit for bit (NumPy's, in the element
/// type). Beyond, for `f32` each square is computed in `f64`, exactly, so the result is at
/// least as accurate as `x.square().sum()`, whose squares are rounded to `f32` first (and
/// overflow to infinity from `|x| > 1.8e19`; here only a total beyond `f32::MAX` does); for
/// `f64` and other element types it is the same computation.
///
/// ```
/// use tensor_core::{Tensor, fuse};
///
/// let a = Tensor::from([1.0, 2.0, 3.0]);
/// assert_eq!(fuse::sum_squares(&a), 14.0);
/// assert_eq!(fuse::sum_squares(fuse::sub(&a, &1.0)), 5.0);
/// ```
#[inline]
pub fn sum_squares<X: IntoFused>(x: X) -> <X::Node as Node>::Elem
where
    <X::Node as Node>::Shape: Extent,
{
    reduce(&x.into_fused(), Summand::Square).0.sum()
}

/// The mean of the elements of a fused expression (as `Array::mean`), without its tensor.
///
/// ```
/// use tensor_core::{Tensor, fuse};
///
/// let a = Tensor::from([1.0, 2.0, 3.0]);
/// assert_eq!(fuse::mean(fuse::sub(&a, &1.0)), 1.0);
/// ```
#[inline]
pub fn mean<N: Node>(node: N) -> N::Elem
where
    N::Shape: Extent,
    N::Elem: Float,
{
    let (acc, size) = reduce(&node, Summand::Element);
    acc.mean(size)
}

/// The mean of the squares of the elements of an operand or a fused expression,
/// `tensor!(x.square().mean())` (a mean squared error), in one pass: as [`sum_squares`].
///
/// ```
/// use tensor_core::{Tensor, fuse};
///
/// let a = Tensor::from([1.0, 2.0, 3.0]);
/// assert_eq!(fuse::mean_squares(&a), 14.0 / 3.0);
/// assert_eq!(fuse::mean_squares(fuse::sub(&a, &2.0)), 2.0 / 3.0);
/// ```
#[inline]
pub fn mean_squares<X: IntoFused>(x: X) -> <X::Node as Node>::Elem
where
    <X::Node as Node>::Shape: Extent,
    <X::Node as Node>::Elem: Float,
{
    let (acc, size) = reduce(&x.into_fused(), Summand::Square);
    acc.mean(size)
}

/// What [`reduce`] sums: the elements, or their squares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Summand {
    Element,
    Square,
}

impl Summand {
    /// The compensated sum of these summands of `chunk` (`f32` or `f64`).
    #[inline]
    fn part<E: Real>(self, chunk: &[E]) -> Dd {
        match self {
            Summand::Element => sum_part(chunk),
            Summand::Square => sum_part_of_squares(chunk),
        }
    }
}

/// The running sum of the chunks of `node` (of their elements, or of their squares), and
/// their number of elements.
fn reduce<N: Node>(node: &N, summand: Summand) -> (Acc<N::Elem>, usize)
where
    N::Shape: Extent,
{
    let at = N::Shape::layout(node);
    let acc = with_buffers(N::SCRATCH + 1, at.size, |chunk, buffers| {
        let (buf, scratch) = buffers.split_at_mut(chunk);
        let mut acc = Acc {
            parts: Dd::ZERO,
            plain: num_traits::Zero::zero(),
        };
        let mut start = 0;
        while start < at.size {
            let n = chunk.min(at.size - start);
            acc.add(written(node, &at, start, &mut buf[..n], scratch), summand);
            start += n;
        }
        acc
    });
    (acc, at.size)
}

/// A sum over chunks: for `f32` and `f64` their parts combined in double-double, each part
/// summed as `Array::sum` sums a tensor of its length (`accurate::sum_part`); plain for the
/// other types.
struct Acc<T> {
    parts: Dd,
    plain: T,
}

impl<T: Element> Acc<T> {
    #[inline]
    fn add(&mut self, chunk: &[T], summand: Summand) {
        if let Some(c) = cast_slice::<T, f32>(chunk) {
            self.parts = add_parts(self.parts, summand.part(c));
        } else if let Some(c) = cast_slice::<T, f64>(chunk) {
            self.parts = add_parts(self.parts, summand.part(c));
        } else if summand == Summand::Square {
            self.plain = self.plain + fold(chunk, T::zero(), |x| x * x, |p, q| p + q);
        } else {
            self.plain = self.plain + fold(chunk, T::zero(), |x| x, |p, q| p + q);
        }
    }

    #[inline]
    fn sum(self) -> T {
        if is::<T, f32>() {
            real_as(sum_of_parts::<f32>(self.parts), T::zero())
        } else if is::<T, f64>() {
            real_as(sum_of_parts::<f64>(self.parts), T::zero())
        } else {
            self.plain
        }
    }

    #[inline]
    fn mean(self, n: usize) -> T
    where
        T: Float,
    {
        if is::<T, f32>() {
            real_as(mean_of_parts::<f32>(self.parts, n), T::zero())
        } else if is::<T, f64>() {
            real_as(mean_of_parts::<f64>(self.parts, n), T::zero())
        } else {
            self.plain / count(n)
        }
    }
}

/// Whether `T` is `U`.
#[inline(always)]
fn is<T, U: 'static>() -> bool {
    cast_slice::<T, U>(&[]).is_some()
}

/// Runs `f` with the chunk length and `count` chunk-sized buffers in one stack buffer (the
/// scratch chunks of a node, and the result's chunk when it is reduced), not filled: chunks
/// of [`CHUNK`] elements (fewer for a deep expression, or a small result), a multiple of 16
/// unless the result is smaller.
///
/// # Panics
///
/// If the expression needs more than 255 buffers (`BUF / 16 - 1`; one per level of nesting
/// on the right of an operator, or of a vectorized function's argument).
#[inline]
fn with_buffers<T: Element, R>(
    count: usize,
    size: usize,
    f: impl FnOnce(usize, &mut [MaybeUninit<T>]) -> R,
) -> R {
    let per = count + 1;
    assert!(
        per * 16 <= BUF,
        "a fused expression needs {count} buffers, more than {} fit",
        BUF / 16 - 1
    );
    let chunk = ((BUF / per).min(CHUNK) / 16 * 16).min(size.max(1));
    let mut raw = CacheLines([const { MaybeUninit::<T>::uninit() }; BUF]);
    f(chunk, &mut raw.0[..chunk * count])
}

/// The stack buffers of [`with_buffers`], starting on a cache line (64 bytes), so that the
/// chunks (multiples of 16 elements) start on one too and a vector load or store of one never
/// spans two lines.
#[repr(C, align(64))]
struct CacheLines<T>([MaybeUninit<T>; BUF]);
