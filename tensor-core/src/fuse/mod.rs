//! Fused elementwise evaluation: the code `tensor!` generates for a chain of elementwise
//! operations, evaluated in one pass over memory with no intermediate tensors.
//!
//! `tensor!((a - b) * (a - b))` expands to
//! `fuse::eval(fuse::mul(fuse::sub(&(a), &(b)), fuse::sub(&(a), &(b))))`: the builders
//! ([`add`], [`exp`], ...) make a lazy expression ([`Bin`], [`Un`] over [`Leaf`]s and
//! [`ScalarLeaf`]s), and [`eval`](fn@eval) (or [`sum`], [`mean`] at the root, and
//! [`sum_squares`], [`mean_squares`] for a `.square()` below them) computes it chunk by chunk:
//! a few hundred output elements at a time, each operation applied to the whole chunk
//! in stack buffers with the same kernels as the unfused operators (the vectorized `exp`,
//! `ln`, `tanh`, `sigmoid` of `f32`/`f64`), each output element written once (numexpr's
//! approach). The builders carry the operators' shape rules ([`BroadcastWith`], through
//! [`Combine`]), so a mismatch is the same compile error, at the user's operator.
//!
//! Operands ([`IntoFused`]) are borrowed tensors `&Array` (temporaries are borrowed where they
//! are made), matrix products `x @ w` ([`Product`]: a `K = 1` product is never made, its
//! chunks computed where they are read; see [`LazyMatMul`]), boxed tensors `&Box<Array>` (a
//! boxed operand makes the result boxed), run-time tensors `&DynArray` (the result is a `DynArray` of their rows: static
//! operands broadcast over the rows as `DynArray + Array` allows, two run-time operands must
//! have the same rows, checked when the expression is evaluated) and scalars `&T`; an
//! expression of scalars alone evaluates to a scalar.
//!
//! Not a stable API: it is what `tensor!` expands to.
//!
//! ```
//! use tensor_core::{Tensor, fuse};
//!
//! let a = Tensor::from([[1.0f32, 2.0], [3.0, 4.0]]);
//! let b = Tensor::from([0.5f32, 1.5]);
//! let d = fuse::eval(fuse::mul(fuse::sub(&a, &b), &2.0));
//! assert_eq!(d, (a - b) * 2.0);
//! assert_eq!(fuse::sum(fuse::square(fuse::sub(&a, &b))), ((a - b) * (a - b)).sum());
//! ```
//!
//! ```
//! # #[cfg(feature = "alloc")] {
//! use tensor_core::{DynTensor, Tensor, fuse};
//!
//! let x = DynTensor::<f32, 2>::from_flat_fn(3, |k| k as f32 - 2.0);
//! let b = Tensor::from([0.5f32, -0.5]);
//! let y: DynTensor<f32, 2> = fuse::eval(fuse::relu(fuse::add(&x, &b)));
//! assert_eq!(y, (&x + b).relu());
//! # }
//! ```

mod eval;
mod leaf;
mod node;
mod product;

pub use eval::{Finish, eval, mean, mean_squares, sum, sum_squares};
#[cfg(feature = "alloc")]
pub use leaf::RowsLeaf;
pub use leaf::{IntoFused, Leaf, ScalarLeaf};
pub use node::{
    Abs, Add, Bin, BinaryOp, Div, Exp, Ln, Mul, Neg, Relu, Sigmoid, Sqrt, Square, Sub, Tanh, Un,
    UnaryOp, abs, add, div, exp, ln, mul, neg, relu, sigmoid, sqrt, square, sub, tanh,
};
pub use product::{EagerMatMul, LazyMatMul, Matrix, Pair, Product, Slot};

#[cfg(feature = "alloc")]
use core::marker::PhantomData;
use core::mem::MaybeUninit;

use crate::Element;
use crate::kernels::elementwise::unary_assign;
#[cfg(feature = "alloc")]
use crate::shape::RowsBroadcast;
use crate::shape::{BroadcastWith, Dims};

/// The shape of a scalar operand (a tensor operand's shape is its [`Dims`]).
pub struct Scalar;

/// The shape of a run-time tensor operand `DynArray<T, S>`: rows of shape `S`, as many as the
/// operand holds (a value, [`Node::rows`]).
#[cfg(feature = "alloc")]
pub struct Rows<S>(PhantomData<S>);

/// The result is a tensor on the stack (every tensor operand is).
pub struct Stack;

/// The result is a boxed tensor (an operand is boxed).
pub struct Heap;

/// The shape of an operation's result from its operands' shapes `Self` and `R`: NumPy's
/// broadcasting between tensors ([`BroadcastWith`]), the tensor's shape with a scalar.
#[diagnostic::on_unimplemented(
    message = "operands of shapes `{Self}` and `{R}` cannot be combined elementwise",
    label = "the operands of this operation",
    note = "a run-time tensor (`Rows<S>`, rows of shape `S`) combines with another whose rows have the same shape, a static tensor that broadcasts over its rows, or a scalar"
)]
pub trait Combine<R> {
    /// The result's shape.
    type Out;
}

/// NumPy's broadcasting between two static shapes, one impl per pair of ranks (an impl for
/// every `A` would also match [`Rows`], and a mismatch against a run-time tensor would no longer
/// report `BroadcastWith`'s message).
macro_rules! combine_static {
    ($(($($a:ident),+) ($($b:ident),+);)+) => {$(
        impl<$($a,)+ $($b),+> Combine<($($b,)+)> for ($($a,)+)
        where
            ($($a,)+): BroadcastWith<($($b,)+)>,
            ($($b,)+): Dims,
        {
            type Out = <($($a,)+) as BroadcastWith<($($b,)+)>>::Output;
        }
    )+};
}

combine_static! {
    (A0) (B0);
    (A0) (B0, B1);
    (A0) (B0, B1, B2);
    (A0) (B0, B1, B2, B3);
    (A0, A1) (B0);
    (A0, A1) (B0, B1);
    (A0, A1) (B0, B1, B2);
    (A0, A1) (B0, B1, B2, B3);
    (A0, A1, A2) (B0);
    (A0, A1, A2) (B0, B1);
    (A0, A1, A2) (B0, B1, B2);
    (A0, A1, A2) (B0, B1, B2, B3);
    (A0, A1, A2, A3) (B0);
    (A0, A1, A2, A3) (B0, B1);
    (A0, A1, A2, A3) (B0, B1, B2);
    (A0, A1, A2, A3) (B0, B1, B2, B3);
}

impl<A: Dims> Combine<Scalar> for A {
    type Out = A;
}

impl<B: Dims> Combine<B> for Scalar {
    type Out = B;
}

impl Combine<Scalar> for Scalar {
    type Out = Scalar;
}

/// Two run-time tensors of the same row shape: their row counts are checked at run time.
#[cfg(feature = "alloc")]
impl<S: Dims> Combine<Rows<S>> for Rows<S> {
    type Out = Rows<S>;
}

/// A static operand broadcast over the rows, as `DynArray + Array` allows ([`RowsBroadcast`]).
#[cfg(feature = "alloc")]
impl<S: RowsBroadcast<S2>, S2: Dims> Combine<S2> for Rows<S> {
    type Out = Rows<S>;
}

/// A static operand broadcast over the rows, on the left (`Array + DynArray`).
#[cfg(feature = "alloc")]
impl<S: RowsBroadcast<S2>, S2: Dims> Combine<Rows<S>> for S2 {
    type Out = Rows<S>;
}

#[cfg(feature = "alloc")]
impl<S: Dims> Combine<Scalar> for Rows<S> {
    type Out = Rows<S>;
}

#[cfg(feature = "alloc")]
impl<S: Dims> Combine<Rows<S>> for Scalar {
    type Out = Rows<S>;
}

/// Where the result of two operands stored in `Self` and `R` goes: on the heap if either is.
pub trait StoreWith<R> {
    /// [`Stack`] or [`Heap`].
    type Out;
}

impl StoreWith<Stack> for Stack {
    type Out = Stack;
}

impl StoreWith<Heap> for Stack {
    type Out = Heap;
}

impl<R> StoreWith<R> for Heap {
    type Out = Heap;
}

/// The shape of the result being computed, padded to rank 4 with leading 1s, and its size.
pub struct Layout {
    dims: [usize; 4],
    size: usize,
}

impl Layout {
    /// The layout of a result of shape `S`.
    fn of<S: Dims>() -> Layout {
        let mut dims = [1; 4];
        dims[4 - S::RANK..].copy_from_slice(S::DIMS);
        Layout {
            dims,
            size: S::SIZE,
        }
    }

    /// The layout of a result of shape `(rows, S...)`.
    #[cfg(feature = "alloc")]
    fn rows<S: Dims>(rows: usize) -> Layout {
        let mut dims = [1; 4];
        dims[4 - S::RANK..].copy_from_slice(S::DIMS);
        dims[3 - S::RANK] = rows;
        Layout {
            dims,
            size: rows * S::SIZE,
        }
    }
}

/// The shape of a tensor result: its [`Layout`], known from its type ([`Dims`]) or from the
/// row count of its run-time operands ([`Rows`]).
pub trait Extent {
    /// The layout of `node`'s result.
    fn layout<N: Node>(node: &N) -> Layout;
}

impl<S: Dims> Extent for S {
    #[inline]
    fn layout<N: Node>(_: &N) -> Layout {
        Layout::of::<S>()
    }
}

#[cfg(feature = "alloc")]
impl<S: Dims> Extent for Rows<S> {
    #[inline]
    fn layout<N: Node>(node: &N) -> Layout {
        let (rows, _) = node
            .rows()
            .expect("an expression over a run-time tensor has rows");
        Layout::rows::<S>(rows)
    }
}

/// A node of a fused expression: computes any run of the result's row-major elements.
///
/// # Safety
///
/// [`write`](Self::write) and [`write_mapped`](Self::write_mapped) initialize every element
/// of their `out`: the evaluation builds its result in storage that is not filled first and
/// reads it as initialized afterwards.
pub unsafe trait Node {
    /// The element type.
    type Elem: Element;
    /// The shape: a [`Dims`] or [`Scalar`].
    type Shape;
    /// [`Stack`] or [`Heap`].
    type Store;
    /// How many chunk-sized scratch buffers [`write`](Self::write) needs.
    const SCRATCH: usize;

    /// The row count of a run-time tensor node (a [`Rows`] shape) and the shape of its rows,
    /// `None` for a static tensor or a scalar.
    ///
    /// # Panics
    ///
    /// If two run-time operands have different row counts, with the message of the
    /// `DynArray` operators ([`RowsMismatch`](crate::RowsMismatch)).
    fn rows(&self) -> Option<(usize, &'static [usize])>;

    /// The value of a scalar node, `None` for a tensor.
    fn value(&self) -> Option<Self::Elem>;

    /// The elements `start..start + n` of the result, when this node holds them already (a
    /// tensor operand of the result's size).
    fn direct(&self, at: &Layout, start: usize, n: usize) -> Option<&[Self::Elem]>;

    /// The elements and the shape of a static tensor operand (`None` for every other node).
    /// Where [`direct`](Self::direct) gives `None` for such an operand, it is broadcast to a
    /// larger result, and an operation combines it with its other, full-size operand run by
    /// run, reading it in place, instead of writing it out first (a dense layer's bias row
    /// added to a made product).
    #[inline]
    fn broadcast(&self) -> Option<(&[Self::Elem], &'static [usize])> {
        None
    }

    /// Writes the elements `start..start + out.len()` of this node, broadcast to the result
    /// `at`, into `out`, every element of it (`out` need not hold values before: a chunk of
    /// the result's new storage, or a scratch buffer); `scratch` has room for
    /// `SCRATCH * out.len()` elements at least, and holds no values the node may read.
    fn write(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<Self::Elem>],
        scratch: &mut [MaybeUninit<Self::Elem>],
    );

    /// [`write`](Self::write) with `f` applied to every element: `out[i] = f(x)` for each
    /// element `x` of this node. Here: written, then mapped in place. A node that can apply
    /// `f` in its own pass does (an operand read into `out`, an unmade product, an operation
    /// with a scalar, which hands `f` on composed with itself), so a chain of scalar
    /// operations is one pass over the chunk, each element going through the same operations
    /// in the same order.
    #[inline]
    fn write_mapped<F: Fn(Self::Elem) -> Self::Elem + Copy>(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<Self::Elem>],
        scratch: &mut [MaybeUninit<Self::Elem>],
        f: F,
    ) {
        unary_assign(written(self, at, start, out, scratch), f);
    }
}

/// [`Node::write`], then `out` as the values it now holds.
#[inline(always)]
fn written<'o, N: Node + ?Sized>(
    node: &N,
    at: &Layout,
    start: usize,
    out: &'o mut [MaybeUninit<N::Elem>],
    scratch: &mut [MaybeUninit<N::Elem>],
) -> &'o mut [N::Elem] {
    node.write(at, start, out, scratch);
    // SAFETY: `write` initialized every element of `out` (`Node`'s contract).
    unsafe { out.assume_init_mut() }
}
