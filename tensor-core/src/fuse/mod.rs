//! Fused elementwise evaluation: the code `tensor!` generates for a chain of elementwise
//! operations, evaluated in one pass over memory with no intermediate tensors.
//!
//! `tensor!((a - b) * (a - b))` expands to
//! `fuse::eval(fuse::mul(fuse::sub(&(a), &(b)), fuse::sub(&(a), &(b))))`: the builders
//! ([`add`], [`exp`], ...) make a lazy expression ([`Bin`], [`Un`] over [`Leaf`]s and
//! [`ScalarLeaf`]s), and [`eval`] (or [`sum`], [`mean`] at the root) computes it chunk by
//! chunk: a few hundred output elements at a time, each operation applied to the whole chunk
//! in stack buffers with the same kernels as the unfused operators (the vectorized `exp`,
//! `ln`, `tanh`, `sigmoid` of `f32`/`f64`), each output element written once (numexpr's
//! approach). The builders carry the operators' shape rules ([`BroadcastWith`], through
//! [`Combine`]), so a mismatch is the same compile error, at the user's operator.
//!
//! Operands ([`IntoFused`]) are borrowed tensors `&Array` (temporaries such as `x @ w` are
//! borrowed where they are made), boxed tensors `&Box<Array>` (a boxed operand makes the result
//! boxed) and scalars `&T`; an expression of scalars alone evaluates to a scalar.
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

mod eval;
mod leaf;
mod node;

pub use eval::{Finish, eval, mean, sum};
pub use leaf::{IntoFused, Leaf, ScalarLeaf};
pub use node::{
    Abs, Add, Bin, BinaryOp, Div, Exp, Ln, Mul, Neg, Relu, Sigmoid, Sqrt, Square, Sub, Tanh, Un,
    UnaryOp, abs, add, div, exp, ln, mul, neg, relu, sigmoid, sqrt, square, sub, tanh,
};

use crate::Element;
use crate::shape::{BroadcastWith, Dims};

/// The shape of a scalar operand (a tensor operand's shape is its [`Dims`]).
pub struct Scalar;

/// The result is a tensor on the stack (every tensor operand is).
pub struct Stack;

/// The result is a boxed tensor (an operand is boxed).
pub struct Heap;

/// The shape of an operation's result from its operands' shapes `Self` and `R`: NumPy's
/// broadcasting between tensors ([`BroadcastWith`]), the tensor's shape with a scalar.
pub trait Combine<R> {
    /// The result's shape.
    type Out;
}

impl<A: BroadcastWith<B>, B: Dims> Combine<B> for A {
    type Out = A::Output;
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
}

/// A node of a fused expression: computes any run of the result's row-major elements.
pub trait Node {
    /// The element type.
    type Elem: Element;
    /// The shape: a [`Dims`] or [`Scalar`].
    type Shape;
    /// [`Stack`] or [`Heap`].
    type Store;
    /// How many chunk-sized scratch buffers [`write`](Self::write) needs.
    const SCRATCH: usize;

    /// The value of a scalar node, `None` for a tensor.
    fn value(&self) -> Option<Self::Elem>;

    /// The elements `start..start + n` of the result, when this node holds them already (a
    /// tensor operand of the result's size).
    fn direct(&self, at: &Layout, start: usize, n: usize) -> Option<&[Self::Elem]>;

    /// Writes the elements `start..start + out.len()` of this node, broadcast to the result
    /// `at`, into `out`; `scratch` holds `SCRATCH * out.len()` elements at least.
    fn write(&self, at: &Layout, start: usize, out: &mut [Self::Elem], scratch: &mut [Self::Elem]);
}
