//! Matrix products inside a fused expression: `tensor!(x @ w + b - y)`.
//!
//! A product `x @ w` that is an operand of a fused expression expands to
//! `(&Pair(&x, &w)).fused_matmul(&mut Slot::new(), |a, b| a.matmul(b))`. When both operands
//! are matrices of static shape (`Tensor`s, or references to them), [`LazyMatMul`] applies and
//! the product becomes a [`Product`] node: a `K = 1` product (a column times a row: a feature
//! scaled by its weight, an outer product) is not made at all, each chunk of it is computed
//! where the expression reads it, in the pass that applies the bias and the rest, so the
//! product is never written to memory; any other product is computed once, by the same
//! `matmul`, into the slot (storage on the caller's stack, as the temporary of `&(x.matmul(&w))`
//! was) and read from there. For other operands (run-time tensors, boxed ones, batches)
//! [`EagerMatMul`] applies: the product is made by `matmul` and borrowed, as before.
//!
//! The choice between the two is autoref specialization: `LazyMatMul` is implemented for
//! `Pair` and `EagerMatMul` for `&Pair`, so method resolution takes the first when it applies.
//! Both call sites type-check the same `matmul` call, so a shape mismatch is `matmul`'s error
//! at the user's `@`.
//!
//! ```
//! use tensor_core::fuse::{self, EagerMatMul as _, LazyMatMul as _, Pair, Slot};
//! use tensor_core::Tensor;
//!
//! let x = Tensor::<f64, 4, 1>::arange();
//! let w = Tensor::from([[2.0]]);
//! let b = 1.0;
//! // `K = 1`: the node holds `x` and `w`; its elements are computed by `eval`.
//! let mut slot = Slot::new();
//! let p = (&Pair(&x, &w)).fused_matmul(&mut slot, |a, c| a.matmul(c));
//! assert_eq!(fuse::eval(fuse::add(&p, &b)), x.matmul(&w) + b);
//! ```

use core::marker::PhantomData;
use core::mem::MaybeUninit;

use super::leaf::broadcast_runs;
use super::{IntoFused, Layout, Leaf, Node, Stack};
use crate::kernels::elementwise::unary;
use crate::shape::{Axis, Dims};
use crate::{Array, Element};

/// The two operands of `a @ b` in a fused expression.
pub struct Pair<'a, A, B>(pub &'a A, pub &'a B);

/// Storage for a product made inside a fused expression, not filled until the product is
/// written into it (an operand's temporary, as `&(x.matmul(&w))` was).
pub struct Slot<P>(MaybeUninit<P>);

impl<P> Slot<P> {
    /// An empty slot.
    #[inline(always)]
    #[must_use]
    pub const fn new() -> Self {
        Slot(MaybeUninit::uninit())
    }
}

impl<P> Default for Slot<P> {
    #[inline(always)]
    fn default() -> Self {
        Self::new()
    }
}

/// A matrix of static shape: a rank-2 [`Array`] (`Tensor<T, R, C>`), or a reference to one.
pub trait Matrix {
    /// The element type.
    type Elem: Element;
    /// The axis of the rows.
    type Rows: Axis;
    /// The axis of the columns.
    type Cols: Axis;

    /// The elements in row-major order.
    fn flat(&self) -> &[Self::Elem];
}

impl<T: Element, A0: Axis, A1: Axis> Matrix for Array<T, (A0, A1)>
where
    (A0, A1): Dims,
{
    type Elem = T;
    type Rows = A0;
    type Cols = A1;

    #[inline(always)]
    fn flat(&self) -> &[T] {
        self.as_flat()
    }
}

impl<X: Matrix> Matrix for &X {
    type Elem = X::Elem;
    type Rows = X::Rows;
    type Cols = X::Cols;

    #[inline(always)]
    fn flat(&self) -> &[X::Elem] {
        (**self).flat()
    }
}

/// `a @ b` of two matrices of static shape as a [`Product`] node (see the module docs).
pub trait LazyMatMul<'a> {
    /// The left operand.
    type Lhs: 'a;
    /// The right operand.
    type Rhs: 'a;
    /// The product's tensor.
    type Product;
    /// The node.
    type Node;

    /// The product as a node: computed chunk by chunk where it is read when `K = 1`, else
    /// made by `eager` (`matmul`) into `slot`.
    fn fused_matmul(
        &self,
        slot: &'a mut Slot<Self::Product>,
        eager: impl FnOnce(&'a Self::Lhs, &'a Self::Rhs) -> Self::Product,
    ) -> Self::Node;
}

impl<'a, A: Matrix, B: Matrix<Elem = A::Elem>> LazyMatMul<'a> for Pair<'a, A, B>
where
    (A::Rows, B::Cols): Dims,
{
    type Lhs = A;
    type Rhs = B;
    type Product = Array<A::Elem, (A::Rows, B::Cols)>;
    type Node = Product<'a, A::Elem, (A::Rows, B::Cols)>;

    #[inline(always)]
    fn fused_matmul(
        &self,
        slot: &'a mut Slot<Self::Product>,
        eager: impl FnOnce(&'a A, &'a B) -> Self::Product,
    ) -> Self::Node {
        let (a, b) = (self.0, self.1);
        // `eager` type-checks the product's shapes (it is `matmul`): with `K = 1` on the left,
        // the right operand has one row.
        let kind = if <A::Cols as Axis>::SIZE == 1 {
            Kind::Outer {
                a: a.flat(),
                b: b.flat(),
            }
        } else {
            Kind::Stored((&*slot.0.write(eager(a, b))).into_fused())
        };
        Product {
            kind,
            _shape: PhantomData,
        }
    }
}

/// `a @ b` of any other operands: the product made by `eager` (`matmul`) and returned, to be
/// borrowed as an operand (see the module docs).
pub trait EagerMatMul<'a> {
    /// The left operand.
    type Lhs: 'a;
    /// The right operand.
    type Rhs: 'a;

    /// `eager(a, b)`.
    fn fused_matmul<P>(
        &self,
        slot: &mut Slot<()>,
        eager: impl FnOnce(&'a Self::Lhs, &'a Self::Rhs) -> P,
    ) -> P;
}

impl<'a, A, B> EagerMatMul<'a> for &Pair<'a, A, B> {
    type Lhs = A;
    type Rhs = B;

    #[inline(always)]
    fn fused_matmul<P>(&self, _: &mut Slot<()>, eager: impl FnOnce(&'a A, &'a B) -> P) -> P {
        eager(self.0, self.1)
    }
}

/// A matrix product of shape `S` as an operand of a fused expression.
pub struct Product<'a, T, S> {
    kind: Kind<'a, T, S>,
    _shape: PhantomData<S>,
}

impl<T, S> Clone for Product<'_, T, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, S> Copy for Product<'_, T, S> {}

/// How a [`Product`] of shape `S` gives its elements.
enum Kind<'a, T, S> {
    /// `K = 1`: `a` (the left operand's column) times `b` (the right operand's row), element
    /// by element where it is read.
    Outer { a: &'a [T], b: &'a [T] },
    /// Any other product, made: an operand like any borrowed tensor.
    Stored(Leaf<'a, T, S, Stack>),
}

impl<T, S> Clone for Kind<'_, T, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, S> Copy for Kind<'_, T, S> {}

impl<'a, T: Element, S: Dims> IntoFused for &Product<'a, T, S> {
    type Node = Product<'a, T, S>;

    #[inline]
    fn into_fused(self) -> Self::Node {
        *self
    }
}

// SAFETY: `write` and `write_mapped` write every element of `out`: the made product's `Leaf`
// does (`Node`'s contract), and `outer` computes every element of each run.
unsafe impl<T: Element, S: Dims> Node for Product<'_, T, S> {
    type Elem = T;
    type Shape = S;
    type Store = Stack;
    const SCRATCH: usize = 0;

    #[inline]
    fn rows(&self) -> Option<(usize, &'static [usize])> {
        None
    }

    #[inline]
    fn value(&self) -> Option<T> {
        None
    }

    #[inline]
    fn direct(&self, at: &Layout, start: usize, n: usize) -> Option<&[T]> {
        match &self.kind {
            Kind::Stored(made) => made.direct(at, start, n),
            Kind::Outer { .. } => None,
        }
    }

    #[inline]
    fn write(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<T>],
        _: &mut [MaybeUninit<T>],
    ) {
        match self.kind {
            Kind::Stored(made) => made.write(at, start, out, &mut []),
            Kind::Outer { .. } => self.write_mapped(at, start, out, &mut [], |x| x),
        }
    }

    #[inline]
    fn write_mapped<F: Fn(T) -> T + Copy>(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<T>],
        _: &mut [MaybeUninit<T>],
        f: F,
    ) {
        match self.kind {
            Kind::Stored(made) => made.write_mapped(at, start, out, &mut [], f),
            Kind::Outer { a, b } if S::SIZE == at.size => outer(a, b, start, out, f),
            Kind::Outer { a, b } => broadcast_runs(S::DIMS, at, start, out, |s, along, run| {
                if along {
                    outer(a, b, s, run, f);
                } else {
                    outer(a, b, s, &mut run[..1], f);
                    let v = run[0];
                    run.fill(v);
                }
            }),
        }
    }
}

/// The elements `s..s + out.len()` of the row-major product of the column `a` and the row `b`
/// (`a.len()` rows, `b.len()` columns), mapped by `f`, into every element of `out`: each
/// `f(0 + a[i] * b[j])`, the product's element by the operations of `matmul`'s `K = 1` path,
/// so the same values.
#[inline]
fn outer<T: Element>(
    a: &[T],
    b: &[T],
    s: usize,
    out: &mut [MaybeUninit<T>],
    f: impl Fn(T) -> T + Copy,
) {
    let c = b.len();
    if c == 1 {
        let w = b[0];
        return unary(&a[s..s + out.len()], out, |x| f(T::zero() + x * w));
    }
    let (mut i, mut j, mut o) = (s / c, s % c, 0);
    while o < out.len() {
        let n = (c - j).min(out.len() - o);
        let ai = a[i];
        unary(&b[j..j + n], &mut out[o..o + n], |y| f(T::zero() + ai * y));
        (i, j, o) = (i + 1, 0, o + n);
    }
}
