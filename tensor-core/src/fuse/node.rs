//! The operations of a fused expression: `+ - * /` ([`Bin`]) and unary functions ([`Un`]),
//! and the builders `tensor!` calls, which carry the shape rules of the operators.

use core::marker::PhantomData;
use core::mem::MaybeUninit;

use num_traits::{Float, Signed};

use super::leaf::broadcast_runs;
use super::{Combine, IntoFused, Layout, Node, StoreWith, written};
use crate::Element;
use crate::kernels::elementwise::{
    binary_assign, binary_assign_simd, binary_simd, map_into, on_best_isa, unary, unary_assign,
    unary_simd, zip_into,
};
use crate::kernels::reduce::max_nan;
use crate::kernels::simd::Unary;

/// A binary operation `Op` between two nodes.
pub struct Bin<L, R, Op> {
    l: L,
    r: R,
    _op: PhantomData<Op>,
}

/// A unary function `Op` of a node.
pub struct Un<X, Op> {
    x: X,
    _op: PhantomData<Op>,
}

/// An elementwise binary operator on `T`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not defined between elements of type `{T}`",
    label = "this operator"
)]
pub trait BinaryOp<T>: sealed::Kernel {
    /// `a op b`.
    fn apply(a: T, b: T) -> T;
}

/// An elementwise function on `T`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not defined for elements of type `{T}`",
    label = "this function",
    note = "`exp`, `ln`, `tanh`, `sigmoid` and `sqrt` need a float element type, `abs` a signed one"
)]
pub trait UnaryOp<T> {
    /// Whether [`map`](Self::map) needs its input apart from its output (a SIMD kernel);
    /// otherwise [`apply`](Self::apply) is composed with the operations around it, in one
    /// pass ([`Node::write_mapped`]).
    const SEPARATE: bool = false;

    /// The function of one element.
    fn apply(x: T) -> T;

    /// `out[i] = f(x[i])`, for every element of `out` (as long as `x`; it need not hold
    /// values before).
    #[inline]
    fn map(x: &[T], out: &mut [MaybeUninit<T>])
    where
        T: Copy,
    {
        unary(x, out, Self::apply);
    }
}

/// `a + b`.
pub struct Add;
/// `a - b`.
pub struct Sub;
/// `a * b`.
pub struct Mul;
/// `a / b`.
pub struct Div;

impl<T: core::ops::Add<Output = T>> BinaryOp<T> for Add {
    #[inline(always)]
    fn apply(a: T, b: T) -> T {
        a + b
    }
}

impl<T: core::ops::Sub<Output = T>> BinaryOp<T> for Sub {
    #[inline(always)]
    fn apply(a: T, b: T) -> T {
        a - b
    }
}

impl<T: core::ops::Mul<Output = T>> BinaryOp<T> for Mul {
    #[inline(always)]
    fn apply(a: T, b: T) -> T {
        a * b
    }
}

impl<T: core::ops::Div<Output = T>> BinaryOp<T> for Div {
    #[inline(always)]
    fn apply(a: T, b: T) -> T {
        a / b
    }
}

/// `out[i] = f(other[i], x)` for the elements `x` of the chunk `start..start + out.len()` of
/// `src` (of shape `dims`) broadcast to the result `at`, every element of `out`: run by run
/// along the result's last axis (`broadcast_runs`), `src` read in place. Written out first and
/// then combined, a `(16, 64)` product plus a bias row copied the row 16 times per chunk (a
/// `memcpy` call each) and made a second pass over the chunk. The whole chunk goes through
/// one [`on_best_isa`] (one dispatch however many runs: a default x86-64 build ran each run's
/// loop on SSE2).
#[inline]
fn zip_runs<T: Copy>(
    other: &[T],
    (src, dims): (&[T], &[usize]),
    at: &Layout,
    start: usize,
    out: &mut [MaybeUninit<T>],
    f: impl Fn(T, T) -> T,
) {
    on_best_isa(
        out.len(),
        #[inline(always)]
        || {
            let mut o = 0;
            // Each run's loop in line as well: the compiler decides by the closure's size, and
            // a larger one (with a branch for whole rows, tried) stayed out of line, compiled
            // for the build's baseline (13% of `linear_sigmoid` at 1 Ki).
            broadcast_runs(
                dims,
                at,
                start,
                out,
                #[inline(always)]
                |s, along, run| {
                    let n = run.len();
                    if along {
                        zip_into(&other[o..o + n], &src[s..s + n], run, &f);
                    } else {
                        let x = src[s];
                        map_into(&other[o..o + n], run, |y| f(y, x));
                    }
                    o += n;
                },
            );
        },
    );
}

#[allow(
    private_interfaces,
    reason = "sealed: `Kernel` lives in a private module, so its constant cannot be named outside the crate"
)]
mod sealed {
    use crate::kernels::simd::Binary;

    /// The SIMD kernels' name of a binary operation: `f32`/`f64` tensors combined element by
    /// element go through them, as the unfused operators do.
    pub trait Kernel {
        const OP: Binary;
    }

    impl Kernel for super::Add {
        const OP: Binary = Binary::Add;
    }

    impl Kernel for super::Sub {
        const OP: Binary = Binary::Sub;
    }

    impl Kernel for super::Mul {
        const OP: Binary = Binary::Mul;
    }

    impl Kernel for super::Div {
        const OP: Binary = Binary::Div;
    }
}

/// `-x`.
pub struct Neg;
/// `x.exp()`.
pub struct Exp;
/// `x.ln()`.
pub struct Ln;
/// `x.tanh()`.
pub struct Tanh;
/// `x.sigmoid()`.
pub struct Sigmoid;
/// `x.sqrt()`.
pub struct Sqrt;
/// `x.square()`.
pub struct Square;
/// `x.abs()`.
pub struct Abs;
/// `x.relu()`.
pub struct Relu;

impl<T: core::ops::Neg<Output = T>> UnaryOp<T> for Neg {
    #[inline(always)]
    fn apply(x: T) -> T {
        -x
    }
}

/// The vectorized kernels of `f32`/`f64` (as `Array::exp` and the others use them).
macro_rules! simd_unary {
    ($Op:ident, $f:expr) => {
        impl<T: Float> UnaryOp<T> for $Op {
            const SEPARATE: bool = true;

            #[inline(always)]
            fn apply(x: T) -> T {
                $f(x)
            }

            #[inline]
            fn map(x: &[T], out: &mut [MaybeUninit<T>]) {
                unary_simd(x, out, Unary::$Op, $f);
            }
        }
    };
}

simd_unary!(Exp, |x: T| x.exp());
simd_unary!(Ln, |x: T| x.ln());
simd_unary!(Tanh, |x: T| x.tanh());
simd_unary!(Sigmoid, |x: T| T::one() / (T::one() + (-x).exp()));

impl<T: Float> UnaryOp<T> for Sqrt {
    #[inline(always)]
    fn apply(x: T) -> T {
        x.sqrt()
    }
}

impl<T: core::ops::Mul<Output = T> + Copy> UnaryOp<T> for Square {
    #[inline(always)]
    fn apply(x: T) -> T {
        x * x
    }
}

impl<T: Signed> UnaryOp<T> for Abs {
    #[inline(always)]
    fn apply(x: T) -> T {
        x.abs()
    }
}

impl<T: Element> UnaryOp<T> for Relu {
    #[inline(always)]
    fn apply(x: T) -> T {
        max_nan(x, T::zero())
    }
}

// SAFETY: every arm of `write` and `write_mapped` writes every element of `out`: filled,
// mapped from a direct operand, written by an operand's `write` or `write_mapped` (which
// initialize it, `Node`'s contract), and then updated in place.
unsafe impl<L, R, Op> Node for Bin<L, R, Op>
where
    L: Node,
    R: Node<Elem = L::Elem>,
    L::Shape: Combine<R::Shape>,
    L::Store: StoreWith<R::Store>,
    Op: BinaryOp<L::Elem>,
{
    type Elem = L::Elem;
    type Shape = <L::Shape as Combine<R::Shape>>::Out;
    type Store = <L::Store as StoreWith<R::Store>>::Out;
    const SCRATCH: usize = if L::SCRATCH > R::SCRATCH {
        L::SCRATCH
    } else {
        R::SCRATCH + 1
    };

    #[inline]
    fn rows(&self) -> Option<(usize, &'static [usize])> {
        match (self.l.rows(), self.r.rows()) {
            #[cfg(feature = "alloc")]
            (Some((left, row)), Some((right, _))) if left != right => {
                panic!("{}", crate::RowsMismatch::Operands { left, right, row })
            }
            (Some(l), _) => Some(l),
            (None, r) => r,
        }
    }

    #[inline]
    fn value(&self) -> Option<L::Elem> {
        Some(Op::apply(self.l.value()?, self.r.value()?))
    }

    #[inline]
    fn direct(&self, _: &Layout, _: usize, _: usize) -> Option<&[L::Elem]> {
        None
    }

    #[inline]
    fn write(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<L::Elem>],
        scratch: &mut [MaybeUninit<L::Elem>],
    ) {
        if self.l.value().is_some() || self.r.value().is_some() {
            // A scalar operand: `write_mapped`'s arms, with nothing more to apply.
            return self.write_mapped(at, start, out, scratch, |x| x);
        }
        let n = out.len();
        let f = Op::apply;
        match (self.l.direct(at, start, n), self.r.direct(at, start, n)) {
            (Some(a), Some(b)) => binary_simd(a, b, out, <Op as sealed::Kernel>::OP, f),
            (Some(a), None) if let Some((src, dims)) = self.r.broadcast() => {
                zip_runs(a, (src, dims), at, start, out, f);
            }
            (None, Some(b)) if let Some((src, dims)) = self.l.broadcast() => {
                zip_runs(b, (src, dims), at, start, out, |y, x| f(x, y));
            }
            (Some(a), None) => {
                let out = written(&self.r, at, start, out, scratch);
                binary_assign(out, a, |o, x| f(x, o));
            }
            (None, Some(b)) => {
                let out = written(&self.l, at, start, out, scratch);
                binary_assign_simd(out, b, <Op as sealed::Kernel>::OP, f);
            }
            (None, None) => {
                let out = written(&self.l, at, start, out, scratch);
                let (tmp, rest) = scratch.split_at_mut(n);
                let tmp = written(&self.r, at, start, tmp, rest);
                binary_assign_simd(out, tmp, <Op as sealed::Kernel>::OP, f);
            }
        }
    }

    #[inline]
    fn write_mapped<F: Fn(L::Elem) -> L::Elem + Copy>(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<L::Elem>],
        scratch: &mut [MaybeUninit<L::Elem>],
        g: F,
    ) {
        let f = Op::apply;
        match (self.l.value(), self.r.value()) {
            (Some(a), Some(b)) => out.fill(MaybeUninit::new(g(f(a, b)))),
            (None, Some(s)) => self
                .l
                .write_mapped(at, start, out, scratch, move |o| g(f(o, s))),
            (Some(s), None) => self
                .r
                .write_mapped(at, start, out, scratch, move |o| g(f(s, o))),
            (None, None) => unary_assign(written(self, at, start, out, scratch), g),
        }
    }
}

// SAFETY: every arm of `write` and `write_mapped` writes every element of `out`: filled,
// mapped by `Op::map` (which writes all of its output; `Un` is built only by this module's
// functions, with this module's operations), or written by the operand's `write` or
// `write_mapped` (which initialize it, `Node`'s contract), then updated in place.
unsafe impl<X: Node, Op: UnaryOp<X::Elem>> Node for Un<X, Op> {
    type Elem = X::Elem;
    type Shape = X::Shape;
    type Store = X::Store;
    const SCRATCH: usize = X::SCRATCH + 1;

    #[inline]
    fn rows(&self) -> Option<(usize, &'static [usize])> {
        self.x.rows()
    }

    #[inline]
    fn value(&self) -> Option<X::Elem> {
        Some(Op::apply(self.x.value()?))
    }

    #[inline]
    fn direct(&self, _: &Layout, _: usize, _: usize) -> Option<&[X::Elem]> {
        None
    }

    #[inline]
    fn write(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<X::Elem>],
        scratch: &mut [MaybeUninit<X::Elem>],
    ) {
        if !Op::SEPARATE || self.x.value().is_some() {
            // Composed with the operand's pass: `write_mapped`'s arms, with nothing more to
            // apply.
            return self.write_mapped(at, start, out, scratch, |x| x);
        }
        let n = out.len();
        if let Some(x) = self.x.direct(at, start, n) {
            return Op::map(x, out);
        }
        let (tmp, rest) = scratch.split_at_mut(n);
        Op::map(written(&self.x, at, start, tmp, rest), out);
    }

    #[inline]
    fn write_mapped<F: Fn(X::Elem) -> X::Elem + Copy>(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<X::Elem>],
        scratch: &mut [MaybeUninit<X::Elem>],
        g: F,
    ) {
        if let Some(v) = self.value() {
            out.fill(MaybeUninit::new(g(v)));
        } else if Op::SEPARATE {
            // The vectorized kernel's pass (`write`), then `g`.
            unary_assign(written(self, at, start, out, scratch), g);
        } else {
            self.x
                .write_mapped(at, start, out, scratch, move |v| g(Op::apply(v)));
        }
    }
}

impl<L, R, Op> IntoFused for Bin<L, R, Op>
where
    Self: Node,
{
    type Node = Self;

    #[inline]
    fn into_fused(self) -> Self {
        self
    }
}

impl<X, Op> IntoFused for Un<X, Op>
where
    Self: Node,
{
    type Node = Self;

    #[inline]
    fn into_fused(self) -> Self {
        self
    }
}

/// The node of an operand.
type N<A> = <A as IntoFused>::Node;
/// The element type of an operand.
type E<A> = <N<A> as Node>::Elem;
/// The shape of an operand.
type Sh<A> = <N<A> as Node>::Shape;
/// The storage of an operand.
type St<A> = <N<A> as Node>::Store;

/// The node `l op r`, for every builder below.
#[inline]
fn bin<L: IntoFused, R: IntoFused, Op>(l: L, r: R) -> Bin<N<L>, N<R>, Op> {
    Bin {
        l: l.into_fused(),
        r: r.into_fused(),
        _op: PhantomData,
    }
}

/// The node `op(x)`, for every builder below.
#[inline]
fn un<X: IntoFused, Op>(x: X) -> Un<N<X>, Op> {
    Un {
        x: x.into_fused(),
        _op: PhantomData,
    }
}

/// `l + r` (NumPy's broadcasting, as `Array + Array`), unevaluated.
#[inline]
pub fn add<L: IntoFused, R: IntoFused>(l: L, r: R) -> Bin<N<L>, N<R>, Add>
where
    N<R>: Node<Elem = E<L>>,
    Sh<L>: Combine<Sh<R>>,
    St<L>: StoreWith<St<R>>,
    Add: BinaryOp<E<L>>,
{
    bin(l, r)
}

/// `l - r`, unevaluated.
#[inline]
pub fn sub<L: IntoFused, R: IntoFused>(l: L, r: R) -> Bin<N<L>, N<R>, Sub>
where
    N<R>: Node<Elem = E<L>>,
    Sh<L>: Combine<Sh<R>>,
    St<L>: StoreWith<St<R>>,
    Sub: BinaryOp<E<L>>,
{
    bin(l, r)
}

/// `l * r`, unevaluated.
#[inline]
pub fn mul<L: IntoFused, R: IntoFused>(l: L, r: R) -> Bin<N<L>, N<R>, Mul>
where
    N<R>: Node<Elem = E<L>>,
    Sh<L>: Combine<Sh<R>>,
    St<L>: StoreWith<St<R>>,
    Mul: BinaryOp<E<L>>,
{
    bin(l, r)
}

/// `l / r`, unevaluated.
#[inline]
pub fn div<L: IntoFused, R: IntoFused>(l: L, r: R) -> Bin<N<L>, N<R>, Div>
where
    N<R>: Node<Elem = E<L>>,
    Sh<L>: Combine<Sh<R>>,
    St<L>: StoreWith<St<R>>,
    Div: BinaryOp<E<L>>,
{
    bin(l, r)
}

/// `-x`, unevaluated.
#[inline]
pub fn neg<X: IntoFused>(x: X) -> Un<N<X>, Neg>
where
    Neg: UnaryOp<E<X>>,
{
    un(x)
}

/// `x.exp()`, unevaluated.
#[inline]
pub fn exp<X: IntoFused>(x: X) -> Un<N<X>, Exp>
where
    Exp: UnaryOp<E<X>>,
{
    un(x)
}

/// `x.ln()`, unevaluated.
#[inline]
pub fn ln<X: IntoFused>(x: X) -> Un<N<X>, Ln>
where
    Ln: UnaryOp<E<X>>,
{
    un(x)
}

/// `x.tanh()`, unevaluated.
#[inline]
pub fn tanh<X: IntoFused>(x: X) -> Un<N<X>, Tanh>
where
    Tanh: UnaryOp<E<X>>,
{
    un(x)
}

/// `x.sigmoid()`, unevaluated.
#[inline]
pub fn sigmoid<X: IntoFused>(x: X) -> Un<N<X>, Sigmoid>
where
    Sigmoid: UnaryOp<E<X>>,
{
    un(x)
}

/// `x.sqrt()`, unevaluated.
#[inline]
pub fn sqrt<X: IntoFused>(x: X) -> Un<N<X>, Sqrt>
where
    Sqrt: UnaryOp<E<X>>,
{
    un(x)
}

/// `x.square()`, unevaluated.
#[inline]
pub fn square<X: IntoFused>(x: X) -> Un<N<X>, Square>
where
    Square: UnaryOp<E<X>>,
{
    un(x)
}

/// `x.abs()`, unevaluated.
#[inline]
pub fn abs<X: IntoFused>(x: X) -> Un<N<X>, Abs>
where
    Abs: UnaryOp<E<X>>,
{
    un(x)
}

/// `x.relu()`, unevaluated.
#[inline]
pub fn relu<X: IntoFused>(x: X) -> Un<N<X>, Relu>
where
    Relu: UnaryOp<E<X>>,
{
    un(x)
}
