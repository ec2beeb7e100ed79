//! The backward rules behind the facade's `grad!` macro: one vector-Jacobian product per
//! differentiable operation, for tensors of every shape and for scalars (`f32`, `f64`).
//!
//! `grad!` differentiates at compile time: it writes the forward pass as straight-line calls of
//! the library's operations and the backward pass as calls of the functions below, in reverse
//! order, each taking the gradient `g` of an operation's result and the forward values it
//! needs, and returning the gradient of one operand, of the operand's own type. Nothing is
//! recorded at run time and nothing is allocated.
//!
//! Every rule works on an [`Operand`]: an [`Array`] or a float scalar. The binary rules are
//! told the operands' shapes by their types; the result's shape is the broadcast of both,
//! which the forward operation proved when it type-checked. A gradient flowing back into a
//! broadcast operand is summed over the axes it was broadcast along (NumPy's "unbroadcast").
//!
//! ```
//! use tensor_core::{RowVector, Tensor, autodiff};
//!
//! // d/db of sum(m + b), b broadcast over the 2 rows: each element of b counts twice.
//! let m = Tensor::<f64, 2, 3>::zeros();
//! let b = RowVector::<f64, 3>::zeros();
//! let g = Tensor::<f64, 2, 3>::ones();
//! assert_eq!(autodiff::add_rhs(&g, &m, &b), RowVector::<f64, 3>::full(2.0));
//! ```

use core::mem::MaybeUninit;

use num_traits::{Float, One, Zero};

use crate::kernels::as_uninit_mut;
use crate::kernels::elementwise::unary_simd;
use crate::kernels::reduce::fold;
use crate::kernels::simd::Unary;
use crate::ops::{EXP_BLOCK, exp_blocks, short_lanes};
use crate::shape::{Axis, Const, Dims, ReshapeInto, SizeVisitor};
use crate::{Array, Element};

/// A value the backward rules read: an [`Operand`], or a reference to one (a constant the
/// loss names through a reference, such as a function's `x: &Tensor<f64, N, D>`).
///
/// ```
/// use tensor_core::{Tensor, autodiff::Value};
///
/// let x = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(<&Tensor<f64, 2, 2> as Value>::DIMS, &[2, 2]);
/// assert_eq!((&x).elems(), &[1.0, 2.0, 3.0, 4.0]);
/// ```
pub trait Value {
    /// The element type.
    type Elem: Float;
    /// The size of each axis, outermost first (empty for a scalar).
    const DIMS: &'static [usize];
    /// The elements in row-major order.
    fn elems(&self) -> &[Self::Elem];
}

impl<X: Value + ?Sized> Value for &X {
    type Elem = X::Elem;
    const DIMS: &'static [usize] = X::DIMS;

    #[inline]
    fn elems(&self) -> &[X::Elem] {
        (**self).elems()
    }
}

/// A value `grad!` differentiates: a tensor of float elements, or a float scalar (the result
/// of `sum` or `mean`, or a constant such as `2.0`). Gradients have the type of their operand.
///
/// A scalar is an operand of rank 0 with one element; it broadcasts against every shape.
///
/// ```
/// use tensor_core::{Tensor, autodiff::{Operand, Value}};
///
/// let mut t = <Tensor<f64, 1, 3> as Operand>::filled(2.0);
/// t.elems_mut()[1] = 5.0;
/// assert_eq!(t.elems(), &[2.0, 5.0, 2.0]);
/// assert_eq!(<f32 as Value>::DIMS, &[] as &[usize]);
/// ```
pub trait Operand: Value {
    /// The shape as error messages name it: `Shape<2, 3>` for a tensor, [`Scalar`] for a
    /// scalar.
    type Name;
    /// The elements in row-major order, mutably.
    fn elems_mut(&mut self) -> &mut [Self::Elem];
    /// The operand with every element `value`.
    fn filled(value: Self::Elem) -> Self;
    /// The operand whose row-major elements are those of `elems`, each written once (the
    /// storage is not filled first).
    ///
    /// # Panics
    ///
    /// If `elems` does not have exactly as many elements as the operand.
    ///
    /// ```
    /// use tensor_core::{Tensor, autodiff::Operand};
    ///
    /// let t = <Tensor<f64, 2, 2> as Operand>::from_elems([1.0, 2.0, 3.0, 4.0].map(|x| -x));
    /// assert_eq!(t, Tensor::from([[-1.0, -2.0], [-3.0, -4.0]]));
    /// assert_eq!(<f32 as Operand>::from_elems([1.5]), 1.5);
    /// ```
    fn from_elems<I>(elems: I) -> Self
    where
        I: IntoIterator<Item = Self::Elem>,
        I::IntoIter: ExactSizeIterator,
        Self: Sized,
    {
        let mut out = Self::filled(Self::Elem::zero());
        let elems = elems.into_iter();
        assert_eq!(
            elems.len(),
            out.elems().len(),
            "from_elems: wrong element count"
        );
        for (o, v) in out.elems_mut().iter_mut().zip(elems) {
            *o = v;
        }
        out
    }
}

impl<T: Element + Float, S: Dims> Value for Array<T, S> {
    type Elem = T;
    const DIMS: &'static [usize] = S::DIMS;

    #[inline]
    fn elems(&self) -> &[T] {
        self.as_flat()
    }
}

impl<T: Element + Float, S: Dims> Operand for Array<T, S> {
    type Name = S::Name;

    #[inline]
    fn elems_mut(&mut self) -> &mut [T] {
        self.as_flat_mut()
    }

    #[inline]
    fn filled(value: T) -> Self {
        Array::full(value)
    }

    #[inline]
    fn from_elems<I>(elems: I) -> Self
    where
        I: IntoIterator<Item = T>,
        I::IntoIter: ExactSizeIterator,
    {
        let elems = elems.into_iter();
        assert_eq!(elems.len(), S::SIZE, "from_elems: wrong element count");
        let write = |out: &mut [MaybeUninit<T>]| {
            for (o, v) in out.iter_mut().zip(elems) {
                o.write(v);
            }
        };
        // SAFETY: `elems` has `S::SIZE` elements (asserted), so `write` writes every element
        // of `out`.
        unsafe { Array::from_flat_uninit(write) }
    }
}

macro_rules! scalar_operand {
    ($($t:ty),*) => {$(
        impl Value for $t {
            type Elem = $t;
            const DIMS: &'static [usize] = &[];

            #[inline]
            fn elems(&self) -> &[$t] {
                core::slice::from_ref(self)
            }
        }

        impl Operand for $t {
            type Name = Scalar;

            #[inline]
            fn elems_mut(&mut self) -> &mut [$t] {
                core::slice::from_mut(self)
            }

            #[inline]
            fn filled(value: $t) -> Self {
                value
            }

            #[inline]
            fn from_elems<I>(elems: I) -> Self
            where
                I: IntoIterator<Item = $t>,
                I::IntoIter: ExactSizeIterator,
            {
                let mut elems = elems.into_iter();
                assert_eq!(elems.len(), 1, "from_elems: wrong element count");
                elems.next().unwrap_or_default()
            }
        }

        impl ScalarMath for $t {
            #[inline]
            fn square(self) -> Self {
                self * self
            }

            #[inline]
            fn sigmoid(self) -> Self {
                1.0 / (1.0 + Float::exp(-self))
            }

            #[inline]
            fn relu(self) -> Self {
                if self < 0.0 { 0.0 } else { self }
            }

            #[inline]
            fn exp(self) -> Self {
                Float::exp(self)
            }

            #[inline]
            fn ln(self) -> Self {
                Float::ln(self)
            }

            #[inline]
            fn sqrt(self) -> Self {
                Float::sqrt(self)
            }

            #[inline]
            fn tanh(self) -> Self {
                Float::tanh(self)
            }

            #[inline]
            fn abs(self) -> Self {
                Float::abs(self)
            }

            #[inline]
            fn powi(self, n: i32) -> Self {
                Float::powi(self, n)
            }
        }
    )*};
}

scalar_operand!(f32, f64);

/// The [`Operand::Name`] of a scalar.
#[derive(Clone, Copy, Debug)]
pub struct Scalar;

/// The shape of a loss `grad!` can differentiate: a scalar's. Implemented by [`Scalar`] only.
#[diagnostic::on_unimplemented(
    message = "`grad!` needs a scalar loss, but the loss has shape {Self}",
    label = "this loss is a tensor, not a scalar",
    note = "reduce it to one number, e.g. with `.sum()` or `.mean()`"
)]
pub trait ScalarLoss {}
impl ScalarLoss for Scalar {}

/// The elementwise functions of tensors, for the scalars `f32`/`f64`, so that `grad!` can apply
/// them to scalar intermediate values (the result of `sum` or `mean`) in every build: its
/// expansion imports this trait. With `std`, `f64::exp` and the other inherent methods take
/// precedence and compute the same; without `std` (where `f64` has no `exp`), these methods go
/// through [`num_traits::Float`] (`libm`). `square`, `sigmoid` and `relu` are the tensors'
/// definitions.
///
/// ```
/// use tensor_core::autodiff::ScalarMath;
///
/// assert_eq!(ScalarMath::square(3.0f64), 9.0);
/// assert_eq!(ScalarMath::sigmoid(0.0f32), 0.5);
/// assert_eq!(ScalarMath::relu(-2.0f64), 0.0);
/// assert_eq!(ScalarMath::powi(2.0f64, 3), 8.0);
/// ```
pub trait ScalarMath: Sized {
    /// `x * x`.
    #[must_use]
    fn square(self) -> Self;
    /// `1 / (1 + e^-x)`.
    #[must_use]
    fn sigmoid(self) -> Self;
    /// `max(x, 0)`, NaN kept.
    #[must_use]
    fn relu(self) -> Self;
    /// `e^x`.
    #[must_use]
    fn exp(self) -> Self;
    /// The natural logarithm.
    #[must_use]
    fn ln(self) -> Self;
    /// The square root.
    #[must_use]
    fn sqrt(self) -> Self;
    /// The hyperbolic tangent.
    #[must_use]
    fn tanh(self) -> Self;
    /// The absolute value.
    #[must_use]
    fn abs(self) -> Self;
    /// `x^n`.
    #[must_use]
    fn powi(self, n: i32) -> Self;
}

/// The gradient of the loss with respect to itself: one.
///
/// ```
/// assert_eq!(tensor_core::autodiff::seed(&2.5f32), 1.0);
/// ```
#[must_use]
#[inline]
pub fn seed<L: Operand<Name: ScalarLoss>>(_loss: &L) -> L {
    L::filled(L::Elem::one())
}

/// The position in an operand of dimensions `dims` (right-aligned in a rank-4 shape, a
/// broadcast axis given stride 0): the per-axis strides, outermost first.
fn strides(dims: &[usize]) -> [usize; 4] {
    let mut out = [0; 4];
    let mut stride = 1;
    for (k, &d) in dims.iter().enumerate().rev() {
        let axis = 4 - dims.len() + k;
        if d != 1 {
            out[axis] = stride;
        }
        stride *= d;
    }
    out
}

/// Whether two shapes are equal. A loop rather than `==` on slices, which calls the C
/// library's `bcmp` when the compiler does not fold it, and freestanding `no_std` programs
/// link no C library (`ci/no-std-check`).
fn same(a: &[usize], b: &[usize]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// `dims` right-aligned in a rank-4 shape, leading axes of size 1.
fn padded(dims: &[usize]) -> [usize; 4] {
    let mut out = [1; 4];
    out[4 - dims.len()..].copy_from_slice(dims);
    out
}

/// Calls `f(o, ia, ib)` for every row-major position `o` of the broadcast result of two
/// operands of dimensions `a` and `b` (its dimensions `out`), with the positions `ia`, `ib`
/// of the elements of each operand that meet there.
fn for_each_broadcast(
    out: &[usize],
    a: &[usize],
    b: &[usize],
    mut f: impl FnMut(usize, usize, usize),
) {
    debug_assert!(out.len() <= 4 && a.len() <= out.len() && b.len() <= out.len());
    if same(a, out) && same(b, out) {
        (0..out.iter().product()).for_each(|k| f(k, k, k));
        return;
    }
    let (n, sa, sb) = (padded(out), strides(a), strides(b));
    let mut o = 0;
    for i0 in 0..n[0] {
        for i1 in 0..n[1] {
            for i2 in 0..n[2] {
                let (base_a, base_b) = (
                    i0 * sa[0] + i1 * sa[1] + i2 * sa[2],
                    i0 * sb[0] + i1 * sb[1] + i2 * sb[2],
                );
                for i3 in 0..n[3] {
                    f(o, base_a + i3 * sa[3], base_b + i3 * sb[3]);
                    o += 1;
                }
            }
        }
    }
}

/// Which operand of a binary operation a gradient is for.
#[derive(Clone, Copy)]
enum Side {
    Lhs,
    Rhs,
}

/// The gradient of one operand `X` of `a op b` whose result had gradient `g`: the sum, over
/// every result element the operand's element took part in, of `d(g, a, b)`.
#[inline]
fn binary_vjp<G, A, B, X>(
    g: &G,
    a: &A,
    b: &B,
    side: Side,
    d: impl Fn(G::Elem, G::Elem, G::Elem) -> G::Elem,
) -> X
where
    G: Operand,
    A: Value<Elem = G::Elem>,
    B: Value<Elem = G::Elem>,
    X: Operand<Elem = G::Elem>,
{
    let (ge, ae, be) = (g.elems(), a.elems(), b.elems());
    if same(A::DIMS, G::DIMS) && same(B::DIMS, G::DIMS) {
        // The same shape everywhere: one element each, no sum (the common case).
        let it = ge.iter().zip(ae).zip(be);
        return X::from_elems(it.map(|((&g, &a), &b)| d(g, a, b)));
    }
    let mut out = X::filled(G::Elem::zero());
    let acc = out.elems_mut();
    for_each_broadcast(G::DIMS, A::DIMS, B::DIMS, |o, ia, ib| {
        let at = match side {
            Side::Lhs => ia,
            Side::Rhs => ib,
        };
        acc[at] = acc[at] + d(ge[o], ae[ia], be[ib]);
    });
    out
}

/// `sign * g` summed back to the shape of `X` (NumPy's "unbroadcast"): the gradient of an
/// operand of `+` or `-`, which does not need the operands' values.
#[inline]
fn sum_to<G, X>(g: &G, negate: bool) -> X
where
    G: Operand,
    X: Operand<Elem = G::Elem>,
{
    let ge = g.elems();
    if same(X::DIMS, G::DIMS) {
        // The operand was not broadcast: the gradient passes through.
        return X::from_elems(ge.iter().map(|&g| if negate { -g } else { g }));
    }
    let mut out = X::filled(G::Elem::zero());
    let acc = out.elems_mut();
    let xd = padded(X::DIMS);
    let gd = padded(G::DIMS);
    // The operand repeats along its leading axes only (a bias row against a batch): sum the
    // blocks of its size, a vectorizable loop.
    let lead = xd.iter().position(|&d| d != 1).unwrap_or(4);
    if same(&xd[lead..], &gd[lead..]) {
        for block in ge.chunks_exact(acc.len().max(1)) {
            for (x, &g) in acc.iter_mut().zip(block) {
                *x = *x + g;
            }
        }
    } else {
        for_each_broadcast(G::DIMS, X::DIMS, X::DIMS, |o, ix, _| {
            acc[ix] = acc[ix] + ge[o]
        });
    }
    if negate {
        for x in acc {
            *x = -*x;
        }
    }
    out
}

/// The gradient of `a` in `a + b`, given the gradient `g` of the sum: `g` summed back to the
/// shape of `a` (over the axes `a` was broadcast along).
///
/// ```
/// use tensor_core::{Tensor, autodiff};
///
/// let (a, b) = (Tensor::<f64, 2, 2>::zeros(), 1.0);
/// let g = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(autodiff::add_lhs(&g, &a, &b), g);
/// assert_eq!(autodiff::add_rhs(&g, &a, &b), 10.0); // a scalar takes the whole sum
/// ```
#[must_use]
pub fn add_lhs<G, A, B>(g: &G, _a: &A, _b: &B) -> A
where
    G: Operand,
    A: Operand<Elem = G::Elem>,
    B: Value<Elem = G::Elem>,
{
    sum_to(g, false)
}

/// The gradient of `b` in `a + b`: `g` summed back to the shape of `b`.
///
/// ```
/// use tensor_core::{RowVector, Tensor, autodiff};
///
/// let (a, b) = (Tensor::<f64, 2, 2>::zeros(), RowVector::<f64, 2>::zeros());
/// let g = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(autodiff::add_rhs(&g, &a, &b), Tensor::from([[4.0, 6.0]]));
/// ```
#[must_use]
pub fn add_rhs<G, A, B>(g: &G, _a: &A, _b: &B) -> B
where
    G: Operand,
    A: Value<Elem = G::Elem>,
    B: Operand<Elem = G::Elem>,
{
    sum_to(g, false)
}

/// The gradient of `a` in `a - b`: `g` summed back to the shape of `a`.
///
/// ```
/// use tensor_core::{ColVector, Tensor, autodiff};
///
/// let (a, b) = (ColVector::<f64, 2>::zeros(), Tensor::<f64, 2, 2>::zeros());
/// let g = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(autodiff::sub_lhs(&g, &a, &b), Tensor::from([[3.0], [7.0]]));
/// ```
#[must_use]
pub fn sub_lhs<G, A, B>(g: &G, _a: &A, _b: &B) -> A
where
    G: Operand,
    A: Operand<Elem = G::Elem>,
    B: Value<Elem = G::Elem>,
{
    sum_to(g, false)
}

/// The gradient of `b` in `a - b`: `-g` summed back to the shape of `b`.
///
/// ```
/// use tensor_core::{Tensor, autodiff};
///
/// let (a, b) = (Tensor::<f64, 1, 2>::zeros(), Tensor::<f64, 1, 2>::zeros());
/// let g = Tensor::from([[1.0, 2.0]]);
/// assert_eq!(autodiff::sub_rhs(&g, &a, &b), Tensor::from([[-1.0, -2.0]]));
/// ```
#[must_use]
pub fn sub_rhs<G, A, B>(g: &G, _a: &A, _b: &B) -> B
where
    G: Operand,
    A: Value<Elem = G::Elem>,
    B: Operand<Elem = G::Elem>,
{
    sum_to(g, true)
}

/// The gradient of `a` in `a * b`: `g * b` summed back to the shape of `a`.
#[must_use]
pub fn mul_lhs<G, A, B>(g: &G, a: &A, b: &B) -> A
where
    G: Operand,
    A: Operand<Elem = G::Elem>,
    B: Value<Elem = G::Elem>,
{
    binary_vjp(g, a, b, Side::Lhs, |g, _, b| g * b)
}

/// The gradient of `b` in `a * b`: `g * a` summed back to the shape of `b`.
#[must_use]
pub fn mul_rhs<G, A, B>(g: &G, a: &A, b: &B) -> B
where
    G: Operand,
    A: Value<Elem = G::Elem>,
    B: Operand<Elem = G::Elem>,
{
    binary_vjp(g, a, b, Side::Rhs, |g, a, _| g * a)
}

/// The gradient of `a` in `a / b`: `g / b` summed back to the shape of `a`.
#[must_use]
pub fn div_lhs<G, A, B>(g: &G, a: &A, b: &B) -> A
where
    G: Operand,
    A: Operand<Elem = G::Elem>,
    B: Value<Elem = G::Elem>,
{
    binary_vjp(g, a, b, Side::Lhs, |g, _, b| g / b)
}

/// The gradient of `b` in `a / b`: `-g * a / b²` summed back to the shape of `b`.
#[must_use]
pub fn div_rhs<G, A, B>(g: &G, a: &A, b: &B) -> B
where
    G: Operand,
    A: Value<Elem = G::Elem>,
    B: Operand<Elem = G::Elem>,
{
    binary_vjp(g, a, b, Side::Rhs, |g, a, b| -(g * a) / (b * b))
}

/// The gradient of `x` in an elementwise `y = f(x)`: `g * d(x, y)`, `d` the derivative.
#[inline]
fn unary_vjp<X: Operand>(g: &X, x: &X, y: &X, d: impl Fn(X::Elem, X::Elem) -> X::Elem) -> X {
    let it = g.elems().iter().zip(x.elems()).zip(y.elems());
    X::from_elems(it.map(|((&g, &x), &y)| g * d(x, y)))
}

/// Two in the element type.
fn two<T: Float>() -> T {
    T::one() + T::one()
}

/// The gradient of `x` in `y = x.exp()`: `g * y`.
#[must_use]
pub fn exp_vjp<X: Operand>(g: &X, x: &X, y: &X) -> X {
    unary_vjp(g, x, y, |_, y| y)
}

/// The gradient of `x` in `y = x.ln()`: `g / x`.
#[must_use]
pub fn ln_vjp<X: Operand>(g: &X, x: &X, y: &X) -> X {
    unary_vjp(g, x, y, |x, _| x.recip())
}

/// The gradient of `x` in `y = x.sqrt()`: `g / (2 y)`.
#[must_use]
pub fn sqrt_vjp<X: Operand>(g: &X, x: &X, y: &X) -> X {
    unary_vjp(g, x, y, |_, y| (two::<X::Elem>() * y).recip())
}

/// The gradient of `x` in `y = x.square()`: `2 g x`.
#[must_use]
pub fn square_vjp<X: Operand>(g: &X, x: &X, y: &X) -> X {
    unary_vjp(g, x, y, |x, _| two::<X::Elem>() * x)
}

/// The gradient of `x` in `y = x.tanh()`: `g (1 - y²)`.
#[must_use]
pub fn tanh_vjp<X: Operand>(g: &X, x: &X, y: &X) -> X {
    unary_vjp(g, x, y, |_, y| X::Elem::one() - y * y)
}

/// The gradient of `x` in `y = x.sigmoid()`: `g y (1 - y)`.
#[must_use]
pub fn sigmoid_vjp<X: Operand>(g: &X, x: &X, y: &X) -> X {
    unary_vjp(g, x, y, |_, y| y * (X::Elem::one() - y))
}

/// The gradient of `x` in `y = x.relu()`: `g` where `x > 0`, else 0 (the subgradient 0 at 0).
#[must_use]
pub fn relu_vjp<X: Operand>(g: &X, x: &X, y: &X) -> X {
    let zero = X::Elem::zero();
    unary_vjp(g, x, y, |x, _| if x > zero { X::Elem::one() } else { zero })
}

/// The gradient of `x` in `y = x.abs()`: `g * sign(x)`, 0 at 0.
#[must_use]
pub fn abs_vjp<X: Operand>(g: &X, x: &X, y: &X) -> X {
    let zero = X::Elem::zero();
    unary_vjp(g, x, y, |x, _| {
        if x > zero {
            X::Elem::one()
        } else if x < zero {
            -X::Elem::one()
        } else {
            zero
        }
    })
}

/// The gradient of `x` in `y = x.powi(n)`: `g n x^(n-1)`.
#[must_use]
pub fn powi_vjp<X: Operand>(g: &X, x: &X, y: &X, n: i32) -> X {
    let factor = num_traits::cast::<i32, X::Elem>(n).unwrap_or_else(X::Elem::nan);
    unary_vjp(g, x, y, |x, _| factor * x.powi(n - 1))
}

/// The gradient of `x` in `y = -x`: `-g`.
#[must_use]
pub fn neg_vjp<X: Operand>(g: &X) -> X {
    X::from_elems(g.elems().iter().map(|&g| -g))
}

/// The gradient of `x` in `y = x.sum()`: `g` in every element.
#[must_use]
pub fn sum_vjp<X: Operand>(g: X::Elem, _x: &X) -> X {
    X::filled(g)
}

/// The gradient of `x` in `y = x.mean()`: `g / n` in every element, `n` the element count.
#[must_use]
pub fn mean_vjp<X: Operand>(g: X::Elem, _x: &X) -> X {
    let n =
        num_traits::cast::<usize, X::Elem>(X::DIMS.iter().product()).unwrap_or_else(X::Elem::nan);
    X::filled(g / n)
}

/// The gradient of `x` in a reduction along axes that keeps them as size 1 (`sum_axis`),
/// given the gradient `g` of the reduced result: `g` broadcast back to the shape of `x`.
#[must_use]
pub fn sum_axis_vjp<G, X>(g: &G, x: &X) -> X
where
    G: Operand,
    X: Operand<Elem = G::Elem>,
{
    let mut out = X::filled(G::Elem::zero());
    let (ge, acc) = (g.elems(), out.elems_mut());
    for_each_broadcast(X::DIMS, X::DIMS, G::DIMS, |o, _, ig| acc[o] = ge[ig]);
    let _ = x;
    out
}

/// The gradient of `x` in `mean_axis`: `g` broadcast back to the shape of `x`, divided by the
/// number of elements each mean was taken over.
#[must_use]
pub fn mean_axis_vjp<G, X>(g: &G, x: &X) -> X
where
    G: Operand,
    X: Operand<Elem = G::Elem>,
{
    let count = X::DIMS.iter().product::<usize>() / G::DIMS.iter().product::<usize>().max(1);
    let n = num_traits::cast::<usize, G::Elem>(count).unwrap_or_else(G::Elem::nan);
    let mut out: X = sum_axis_vjp(g, x);
    for v in out.elems_mut() {
        *v = *v / n;
    }
    out
}

/// The gradient of `a` in `y = a @ b`: `g @ b^T`, for every pair of operands `@` accepts,
/// row and column vectors (a [`One`](crate::shape::One) axis) included. `b` may be a
/// reference (a constant).
///
/// ```
/// use tensor_core::{ColVector, RowVector, Tensor, autodiff};
///
/// // A row vector times a matrix: the gradient of the row vector is `g @ b^T`.
/// let a = RowVector::<f64, 2>::ones();
/// let b = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
/// let mut g = RowVector::<f64, 3>::zeros();
/// g.as_flat_mut().copy_from_slice(&[1.0, 0.0, -1.0]);
/// let ga: RowVector<f64, 2> = autodiff::matmul_lhs(&g, &a, &b);
/// assert_eq!(ga.as_flat(), &[-2.0, -2.0]);
/// // A matrix times a column vector: the gradient of the column vector is `a^T @ g`.
/// let (m, c) = (Tensor::<f64, 2, 3>::ones(), ColVector::<f64, 3>::ones());
/// let gc: ColVector<f64, 3> = autodiff::matmul_rhs(&ColVector::<f64, 2>::ones(), &m, &c);
/// assert_eq!(gc, ColVector::full(2.0));
/// ```
#[must_use]
pub fn matmul_lhs<T, A0, B1, const K: usize, B>(
    g: &Array<T, (A0, B1)>,
    _a: &Array<T, (A0, Const<K>)>,
    b: &B,
) -> Array<T, (A0, Const<K>)>
where
    T: Element,
    A0: Axis,
    B1: Axis,
    (A0, B1): Dims,
    (A0, Const<K>): Dims,
    (B1, Const<K>): Dims,
    B: Value<Elem = T> + ?Sized,
{
    let bt: Array<T, (B1, Const<K>)> = transposed(b.elems(), K, B1::SIZE);
    product::<T, A0, B1, Const<K>, _>(g.as_flat(), bt.as_flat())
}

/// The gradient of `b` in `y = a @ b`: `a^T @ g`, for every pair of operands `@` accepts.
/// `a` may be a reference (a constant). See [`matmul_lhs`].
#[must_use]
pub fn matmul_rhs<T, A0, B1, const K: usize, A>(
    g: &Array<T, (A0, B1)>,
    a: &A,
    _b: &Array<T, (Const<K>, B1)>,
) -> Array<T, (Const<K>, B1)>
where
    T: Element,
    A0: Axis,
    B1: Axis,
    (A0, B1): Dims,
    (Const<K>, B1): Dims,
    (Const<K>, A0): Dims,
    (B1, A0): Dims,
    (B1, Const<K>): Dims,
    A: Value<Elem = T> + ?Sized,
{
    let (m, n) = (A0::SIZE, B1::SIZE);
    if m * K <= m * n + K * n {
        let at: Array<T, (Const<K>, A0)> = transposed(a.elems(), m, K);
        product::<T, Const<K>, A0, B1, _>(at.as_flat(), g.as_flat())
    } else {
        // `(g^T @ a)^T`: fewer elements to transpose when `g` is narrower than `a` (the
        // gradient of a layer's weights `(K, N)` from a batch `a` of `M` rows with `K > N`).
        let gt: Array<T, (B1, A0)> = transposed(g.as_flat(), m, n);
        let ct: Array<T, (B1, Const<K>)> =
            product::<T, B1, A0, Const<K>, _>(gt.as_flat(), a.elems());
        transposed(ct.as_flat(), n, K)
    }
}

/// The transpose of a row-major `rows x cols` matrix, as a tensor of shape `S` (`cols x rows`),
/// each element written once (the storage is not filled first), `flat` read in order.
fn transposed<T: Copy, S: Dims>(flat: &[T], rows: usize, cols: usize) -> Array<T, S> {
    assert!(flat.len() == rows * cols && S::SIZE == flat.len());
    // SAFETY: `transpose_into` writes `out[j * rows + i]` for every `i < rows` and `j < cols`:
    // each of the `rows * cols = S::SIZE` elements (asserted above).
    unsafe { Array::from_flat_uninit(|out| transpose_into(flat, rows, cols, out)) }
}

/// The body of [`transposed`]. Never inlined, as [`product_into`].
#[inline(never)]
fn transpose_into<T: Copy>(flat: &[T], rows: usize, cols: usize, out: &mut [MaybeUninit<T>]) {
    for (i, row) in flat.chunks_exact(cols.max(1)).enumerate() {
        for (j, &v) in row.iter().enumerate() {
            out[j * rows + i].write(v);
        }
    }
}

/// `a @ b` for row-major `R x M` `a` and `M x C` `b`, through the product kernel chosen from the
/// three sizes (visited as const generic arguments), as `Tensor::matmul` does, written into the
/// result's storage (not filled first).
fn product<T: Element, Rows0: Axis, Inner0: Axis, Cols0: Axis, S: Dims>(
    a: &[T],
    b: &[T],
) -> Array<T, S> {
    // SAFETY: `product_into` writes every element of `out` (`matmul_sized` does).
    unsafe { Array::from_flat_uninit(|out| product_into::<T, Rows0, Inner0, Cols0>(a, b, out)) }
}

/// The body of [`product`]: `out = a @ b`, every element of `out` written. Never inlined: a
/// result built by one opaque call is built in the caller's tensor, not copied there.
#[inline(never)]
fn product_into<T: Element, Rows0: Axis, Inner0: Axis, Cols0: Axis>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
) {
    struct Rows<'a, T, M, C>(
        &'a [T],
        &'a [T],
        &'a mut [MaybeUninit<T>],
        core::marker::PhantomData<(M, C)>,
    );
    struct Inner<'a, T, C, const R: usize>(
        &'a [T],
        &'a [T],
        &'a mut [MaybeUninit<T>],
        core::marker::PhantomData<C>,
    );
    struct Cols<'a, T, const R: usize, const M: usize>(&'a [T], &'a [T], &'a mut [MaybeUninit<T>]);
    impl<T: Element, M: Axis, C: Axis> SizeVisitor for Rows<'_, T, M, C> {
        type Output = ();
        #[inline(always)]
        fn visit<const R: usize>(self) {
            M::__visit(Inner::<T, C, R>(
                self.0,
                self.1,
                self.2,
                core::marker::PhantomData,
            ));
        }
    }
    impl<T: Element, C: Axis, const R: usize> SizeVisitor for Inner<'_, T, C, R> {
        type Output = ();
        #[inline(always)]
        fn visit<const M: usize>(self) {
            C::__visit(Cols::<T, R, M>(self.0, self.1, self.2));
        }
    }
    impl<T: Element, const R: usize, const M: usize> SizeVisitor for Cols<'_, T, R, M> {
        type Output = ();
        #[inline(always)]
        fn visit<const C: usize>(self) {
            crate::kernels::matmul::matmul_sized::<T, R, M, C>(self.0, self.1, self.2);
        }
    }
    Rows0::__visit(Rows::<T, Inner0, Cols0>(
        a,
        b,
        out,
        core::marker::PhantomData,
    ));
}

/// The gradient of `x` in `y = x.reshape()` (or `x.flatten()`): the
/// gradient `g` of the result, of shape `S2`, reshaped back to the shape `S` of `x`. A reshape
/// keeps the row-major order, so this is the same elements in the original shape. The bound is
/// the forward's (`S` reshapes into `S2`), so the rule applies wherever the reshape did.
///
/// ```
/// use tensor_core::{Tensor, Tensor3, autodiff};
///
/// let x = Tensor3::<f64, 2, 3, 4>::zeros();
/// let g = Tensor::<f64, 6, 4>::arange();
/// let gx = autodiff::reshape_vjp(&g, &x);
/// assert_eq!(gx, Tensor3::<f64, 2, 3, 4>::arange());
/// ```
#[must_use]
pub fn reshape_vjp<T, S, S2>(g: &Array<T, S2>, _x: &Array<T, S>) -> Array<T, S>
where
    T: Copy,
    S: Dims + ReshapeInto<S2>,
    S2: Dims,
{
    // `ReshapeInto` proves the element counts equal, so `copied_from` cannot panic.
    Array::copied_from(g.as_flat())
}

/// The length of the lanes along the last axis of `X` (1 for a scalar, at least 1).
fn lane_width<X: Operand>() -> usize {
    X::DIMS.last().copied().unwrap_or(1).max(1)
}

/// The lanes along the last axis of an operand's elements.
fn lanes<X: Operand>(elems: &[X::Elem]) -> core::slice::ChunksExact<'_, X::Elem> {
    elems.chunks_exact(lane_width::<X>())
}

/// The gradient of `x` in `y = x.softmax()` (along the last axis): `y (g - sum(g y))`, the sum
/// along each lane.
#[must_use]
pub fn softmax_vjp<X: Operand>(g: &X, y: &X) -> X {
    let mut out = X::filled(X::Elem::zero());
    let width = lane_width::<X>();
    let lanes_out = out.elems_mut().chunks_exact_mut(width);
    for ((o, g), y) in lanes_out
        .zip(lanes::<X>(g.elems()))
        .zip(lanes::<X>(y.elems()))
    {
        let dot = g
            .iter()
            .zip(y)
            .fold(X::Elem::zero(), |s, (&g, &y)| s + g * y);
        for ((o, &g), &y) in o.iter_mut().zip(g).zip(y) {
            *o = y * (g - dot);
        }
    }
    out
}

/// The gradient of `x` in `y = x.log_softmax()` (along the last axis): `g - e^y sum(g)`, the
/// sum along each lane.
#[must_use]
pub fn log_softmax_vjp<X: Operand>(g: &X, y: &X) -> X {
    // `e^y` by the vectorized `exp` of `f32`/`f64` first, then `g - e^y sum(g)` lane by lane.
    let mut out = X::filled(X::Elem::zero());
    // SAFETY: `unary_simd` writes only initialized values (an exponential per element).
    let e = unsafe { as_uninit_mut(out.elems_mut()) };
    unary_simd(y.elems(), e, Unary::Exp, X::Elem::exp);
    let width = lane_width::<X>();
    for (o, g) in out
        .elems_mut()
        .chunks_exact_mut(width)
        .zip(lanes::<X>(g.elems()))
    {
        let total = fold(g, X::Elem::zero(), |g| g, |a, b| a + b);
        for (o, &g) in o.iter_mut().zip(g) {
            *o = g - *o * total;
        }
    }
    out
}

/// The gradient of `pred` in `loss = pred.mse(&target)`: `g * 2 (pred - target) / n`, `n` the
/// element count. `target` may be a reference (a constant).
///
/// ```
/// use tensor_core::{Tensor, autodiff};
///
/// let (p, t) = (Tensor::from([[1.0, 2.0]]), Tensor::from([[0.0, 4.0]]));
/// assert_eq!(autodiff::mse_lhs(1.0, &p, &t), Tensor::from([[1.0, -2.0]]));
/// ```
#[must_use]
pub fn mse_lhs<X, B>(g: X::Elem, pred: &X, target: &B) -> X
where
    X: Operand,
    B: Value<Elem = X::Elem> + ?Sized,
{
    mse_vjp(g, pred.elems(), target.elems())
}

/// The gradient of `target` in `loss = pred.mse(&target)`: `g * 2 (target - pred) / n`.
#[must_use]
pub fn mse_rhs<A, X>(g: X::Elem, pred: &A, target: &X) -> X
where
    A: Value<Elem = X::Elem> + ?Sized,
    X: Operand,
{
    mse_vjp(g, target.elems(), pred.elems())
}

/// `g * 2 (a - b) / n` as an operand of `a`'s type.
fn mse_vjp<X: Operand>(g: X::Elem, a: &[X::Elem], b: &[X::Elem]) -> X {
    let n = num_traits::cast::<usize, X::Elem>(a.len()).unwrap_or_else(X::Elem::nan);
    let two = X::Elem::one() + X::Elem::one();
    let scale = g * two / n;
    X::from_elems(a.iter().zip(b).map(|(&a, &b)| scale * (a - b)))
}

/// The gradient of the logits in `loss = logits.cross_entropy(&target)`: per lane along the
/// last axis, `g * (softmax(logits) * sum(target) - target) / lanes` (for one-hot or
/// probability rows, `sum(target) = 1`: PyTorch's `softmax - target`). `target` may be a
/// reference (a constant).
///
/// ```
/// use tensor_core::{Tensor, autodiff};
///
/// let (z, y) = (Tensor::from([[0.0, 0.0]]), Tensor::from([[1.0, 0.0]]));
/// assert_eq!(autodiff::cross_entropy_logits(1.0, &z, &y), Tensor::from([[-0.5, 0.5]]));
/// ```
#[must_use]
pub fn cross_entropy_logits<X, B>(g: X::Elem, logits: &X, target: &B) -> X
where
    X: Operand,
    B: Value<Elem = X::Elem> + ?Sized,
{
    let width = lane_width::<X>();
    let scale = g / lane_count::<X>(width);
    if width <= EXP_BLOCK {
        // Lanes a block at a time, through the vectorized `exp`: `softmax = e / sum(e)`.
        let mut out = X::from_elems(logits.elems().iter().copied());
        let mut targets = target.elems().chunks_exact(width);
        short_lanes::<X::Elem, false>(out.elems_mut(), width, |o, _, e, sum| {
            let y = targets.next().expect("as many target lanes as logit lanes");
            let total = fold(y, X::Elem::zero(), |y| y, |a, b| a + b);
            for ((o, &e), &y) in o.iter_mut().zip(e).zip(y) {
                *o = scale * (e / sum * total - y);
            }
        });
        return out;
    }
    let mut out = X::filled(X::Elem::zero());
    for ((o, z), y) in out
        .elems_mut()
        .chunks_exact_mut(width)
        .zip(lanes::<X>(logits.elems()))
        .zip(target.elems().chunks_exact(width))
    {
        let lse = crate::ops::logsumexp(z);
        let total = fold(y, X::Elem::zero(), |y| y, |a, b| a + b);
        exp_blocks(z, lse, |start, e| {
            let (o, y) = (&mut o[start..][..e.len()], &y[start..][..e.len()]);
            for ((o, &e), &y) in o.iter_mut().zip(e).zip(y) {
                *o = scale * (e * total - y);
            }
        });
    }
    out
}

/// The gradient of the target in `loss = logits.cross_entropy(&target)`: `-g *
/// log_softmax(logits) / lanes`.
#[must_use]
pub fn cross_entropy_target<A, X>(g: X::Elem, logits: &A, target: &X) -> X
where
    A: Value<Elem = X::Elem> + ?Sized,
    X: Operand,
{
    let _ = target;
    let width = lane_width::<X>();
    let scale = g / lane_count::<X>(width);
    let mut out = X::filled(X::Elem::zero());
    for (o, z) in out
        .elems_mut()
        .chunks_exact_mut(width)
        .zip(logits.elems().chunks_exact(width))
    {
        let lse = crate::ops::logsumexp(z);
        for (o, &z) in o.iter_mut().zip(z) {
            *o = scale * (lse - z);
        }
    }
    out
}

/// The number of lanes of `width` elements in `X`, as `X::Elem`.
fn lane_count<X: Operand>(width: usize) -> X::Elem {
    let lanes = X::DIMS.iter().product::<usize>() / width;
    num_traits::cast::<usize, X::Elem>(lanes).unwrap_or_else(X::Elem::nan)
}

/// The row-major position of every element of `x`, in `x`'s shape: what a selection picks
/// from it says where the selected elements came from (see [`select_vjp`]).
///
/// ```
/// use tensor_core::{Tensor, autodiff, shape::{All, AtEnd}};
///
/// let x = Tensor::<f64, 2, 3>::zeros();
/// assert_eq!(autodiff::positions(&x).select(All, AtEnd::<1>), Tensor::from([[2], [5]]));
/// ```
#[must_use]
pub fn positions<T, S: Dims>(_x: &Array<T, S>) -> Array<usize, S> {
    Array::from_flat_fn(|k| k)
}

/// The positions a selection picked: a tensor of them, or one position (an element, `.item()`).
pub trait Picked {
    /// The positions, in the order of the selection's elements.
    fn picked(&self) -> &[usize];
}

impl<S: Dims> Picked for Array<usize, S> {
    #[inline]
    fn picked(&self) -> &[usize] {
        self.as_flat()
    }
}

impl Picked for usize {
    #[inline]
    fn picked(&self) -> &[usize] {
        core::slice::from_ref(self)
    }
}

/// The gradient of `x` in `y = x[..]` (a static index or slice, `x.select(rows, cols)` or its
/// `.item()`): zeros of `x`'s shape, with each element of `g` added at the position it was
/// selected from. `picked` is the same selection applied to [`positions`]`(x)`.
///
/// ```
/// use tensor_core::{Tensor, autodiff, shape::{All, At}};
///
/// let x = Tensor::<f64, 2, 2>::zeros();
/// let row = autodiff::positions(&x).select(At::<1>, All); // x[1, ..]
/// let g = Tensor::from([[3.0, 4.0]]);
/// assert_eq!(autodiff::select_vjp(&g, &x, &row), Tensor::from([[0.0, 0.0], [3.0, 4.0]]));
/// ```
#[must_use]
pub fn select_vjp<G, X, P>(g: &G, _x: &X, picked: &P) -> X
where
    G: Operand,
    X: Operand<Elem = G::Elem>,
    P: Picked + ?Sized,
{
    let mut out = X::filled(G::Elem::zero());
    let acc = out.elems_mut();
    for (&p, &g) in picked.picked().iter().zip(g.elems()) {
        acc[p] = acc[p] + g;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RowVector, Tensor, Tensor3};

    #[test]
    fn broadcast_gradients_sum_back() {
        let a = Tensor3::<f64, 2, 3, 4>::zeros();
        let b = Tensor::<f64, 3, 1>::zeros();
        let g = Tensor3::<f64, 2, 3, 4>::ones();
        let gb: Tensor<f64, 3, 1> = add_rhs(&g, &a, &b);
        assert_eq!(gb, Tensor::full(8.0));
        let ga: Tensor3<f64, 2, 3, 4> = sub_lhs(&g, &a, &b);
        assert_eq!(ga, g);
        let s: f64 = mul_rhs(&g, &Tensor3::<f64, 2, 3, 4>::full(0.5), &3.0);
        assert_eq!(s, 12.0);
        let x = Tensor::<f64, 3, 4>::zeros();
        let gx: Tensor<f64, 3, 4> = mean_axis_vjp(&RowVector::<f64, 4>::full(3.0), &x);
        assert_eq!(gx, Tensor::full(1.0));
    }

    /// Values in `[-1, 1)` that differ from element to element (a multiplicative hash).
    fn values<const R: usize, const C: usize>(seed: u64) -> Tensor<f64, R, C> {
        let mut state = seed;
        Array::from_flat_fn(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        })
    }

    /// `matmul_rhs` (`a^T @ g`) and `matmul_lhs` (`g @ b^T`) of an `(M, K) @ (K, N)` product
    /// against the naive loop in `f64`, within `1e-13` of the sum of the terms' magnitudes.
    fn check_products<const M: usize, const K: usize, const N: usize>(seed: u64) {
        let (a, b) = (values::<M, K>(seed), values::<K, N>(seed + 1));
        let g = values::<M, N>(seed + 2);
        let gb = matmul_rhs(&g, &a, &b);
        let ga = matmul_lhs(&g, &a, &b);
        for k in 0..K {
            for j in 0..N {
                let want: f64 = (0..M).map(|i| a[(i, k)] * g[(i, j)]).sum();
                let scale: f64 = (0..M).map(|i| (a[(i, k)] * g[(i, j)]).abs()).sum();
                assert!(
                    (gb[(k, j)] - want).abs() <= 1e-13 * scale,
                    "{M}x{K}x{N} ({k}, {j})"
                );
            }
        }
        for i in 0..M {
            for k in 0..K {
                let want: f64 = (0..N).map(|j| g[(i, j)] * b[(k, j)]).sum();
                let scale: f64 = (0..N).map(|j| (g[(i, j)] * b[(k, j)]).abs()).sum();
                assert!(
                    (ga[(i, k)] - want).abs() <= 1e-13 * scale,
                    "{M}x{K}x{N} ({i}, {k})"
                );
            }
        }
    }

    #[test]
    fn product_gradients_against_the_naive_loop() {
        // `matmul_rhs` transposes `a` (M * K <= M * N + K * N) ...
        check_products::<5, 7, 3>(1);
        check_products::<2, 3, 5>(2);
        check_products::<1, 6, 1>(3);
        check_products::<4, 1, 3>(4);
        // ... or transposes `g` and the result: a batch through a narrower layer.
        check_products::<50, 7, 3>(5);
        check_products::<400, 16, 2>(6);
        check_products::<33, 9, 1>(7);
        check_products::<300, 20, 17>(8);
    }

    #[test]
    fn transposed_writes_every_element() {
        let a = Tensor::<i32, 3, 5>::from_fn(|i, j| (10 * i + j) as i32);
        let t: Tensor<i32, 5, 3> = transposed(a.as_flat(), 3, 5);
        assert_eq!(t, a.t());
        let big = Tensor::<i64, 70, 9>::from_fn(|i, j| (100 * i + j) as i64);
        let t: Tensor<i64, 9, 70> = transposed(big.as_flat(), 70, 9);
        assert_eq!(t, big.t());
    }

    #[test]
    #[should_panic(expected = "wrong element count")]
    fn from_elems_rejects_a_short_iterator() {
        let _ = <Tensor<f64, 2, 2> as Operand>::from_elems([1.0, 2.0, 3.0]);
    }
}
