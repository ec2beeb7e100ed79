//! The SIMD kernels as operations on an instruction-set token, and their safe entry points.
//!
//! Each kernel is a small struct of its arguments implementing [`WithSimd`]: its body, generic
//! over the token `S`, instantiates the generic loops (the blocked product of [`super::gemm`],
//! the product paths of [`super::product`], the generated drivers of [`super::generated`]
//! with the math of [`super::vmath`]) with `S`'s vectors and passes the token down.
//! [`Simd::vectorize`] runs it inside a function compiled with `S`'s features. The backends
//! (`simd::x86`, ...) know nothing of these loops: they only provide tokens, vectors and
//! `vectorize`.
//!
//! Two ways in, both safe:
//! - with a token: `gemm(simd, ..)`, `product::<P>(simd, ..)`, ... (the tests run every
//!   instruction set this CPU has this way);
//! - on the active instruction set ([`dispatch::active`], chosen once per process):
//!   `gemm_f32(..)`, `unary_into_f32(..)`, ...

use core::mem::MaybeUninit;

use super::dot::{columns, columns_max_n};
use super::gemm::{Tile4x1, Tile4x2, Tile6x1, Tile6x2, Tile8x1, Tile8x2, gemm as blocked};
use super::generated::{map_into_x4, zip_into_x4, zip_x4};
use super::narrow::narrow_split;
use super::product::{NARROW, product as path};
use super::simd::dispatch::{self, with_active};
use super::simd::{Binary, MapFn, MathVector, Simd, SimdElem, Unary, Vector, WithSimd, ZipFn};
use super::{vmath, vmath64};

/// The rows of the active instruction set's `gemm` tile ([`Simd::GEMM_MR`]).
pub(crate) fn gemm_mr() -> usize {
    dispatch::gemm_mr()
}

/// The blocked product `c = a @ b` (row-major `m x k` and `k x n` operands).
struct Gemm<'a, E> {
    mkn: (usize, usize, usize),
    a: &'a [E],
    b: &'a [E],
    c: &'a mut [MaybeUninit<E>],
}

impl<E: SimdElem> WithSimd for Gemm<'_, E> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: Simd>(self, simd: S) {
        let Gemm {
            mkn: (m, k, n),
            a,
            b,
            c,
        } = self;
        // The tile of the instruction set's registers (`S::GEMM_MR` is a constant of the
        // instance: only its arm is compiled).
        match S::GEMM_MR {
            8 => blocked::<E::V<S>, Tile8x2, Tile8x1>(simd, m, k, n, a, b, c),
            6 => blocked::<E::V<S>, Tile6x2, Tile6x1>(simd, m, k, n, a, b, c),
            _ => blocked::<E::V<S>, Tile4x2, Tile4x1>(simd, m, k, n, a, b, c),
        }
    }
}

/// `c = a @ b` for row-major `m x k` and `k x n` operands (`c` is `m x n`), the blocked
/// product with the tile of `simd`'s registers.
///
/// # Panics
///
/// If a length does not match the dimensions.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn gemm<S: Simd, E: SimdElem>(
    simd: S,
    (m, k, n): (usize, usize, usize),
    a: &[E],
    b: &[E],
    c: &mut [MaybeUninit<E>],
) {
    simd.vectorize(Gemm {
        mkn: (m, k, n),
        a,
        b,
        c,
    });
}

/// `c = a @ b` (`f32`, row-major) with the active instruction set.
#[inline]
pub(crate) fn gemm_f32(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    b: &[f32],
    c: &mut [MaybeUninit<f32>],
) {
    with_active(Gemm {
        mkn: (m, k, n),
        a,
        b,
        c,
    });
}

/// `c = a @ b` (`f64`, row-major) with the active instruction set.
#[inline]
pub(crate) fn gemm_f64(
    m: usize,
    k: usize,
    n: usize,
    a: &[f64],
    b: &[f64],
    c: &mut [MaybeUninit<f64>],
) {
    with_active(Gemm {
        mkn: (m, k, n),
        a,
        b,
        c,
    });
}

/// `c = a @ b` along the product path `P` (`super::product`).
struct Product<'a, E, const P: u8> {
    mkn: (usize, usize, usize),
    a: &'a [E],
    b: &'a [E],
    c: &'a mut [MaybeUninit<E>],
}

impl<E: SimdElem, const P: u8> WithSimd for Product<'_, E, P> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: Simd>(self, simd: S) {
        let Product {
            mkn: (m, k, n),
            a,
            b,
            c,
        } = self;
        if P == NARROW {
            let lanes = <E::V<S> as Vector>::LANES;
            if n <= columns_max_n::<E>() && 2 * n <= lanes && k >= 2 * lanes {
                // Outputs of a few columns: a dot product per element fills every lane.
                return columns::<E::V<S>>(simd, m, k, n, a, b, c);
            }
            // Narrow rows that the half-width vectors hold run on them (see `Simd::Half`), and
            // rows of one vector and at most a half one on one of each.
            let half = <E::V<S::Half> as Vector>::LANES;
            if n <= half {
                return path::<E::V<S::Half>, P>(simd.half(), m, k, n, a, b, c);
            }
            if half < lanes && lanes < n && n <= lanes + half {
                return narrow_split::<E::V<S>, E::V<S::Half>>(simd, simd.half(), m, k, n, a, b, c);
            }
        }
        path::<E::V<S>, P>(simd, m, k, n, a, b, c);
    }
}

/// `c = a @ b` along the product path `P` (dot, matrix-vector, vector-matrix, four-row tiles,
/// narrow), for row-major `m x k` and `k x n` operands.
///
/// # Panics
///
/// If a length does not match the dimensions, or the path's shape does not hold.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn product<S: Simd, E: SimdElem, const P: u8>(
    simd: S,
    (m, k, n): (usize, usize, usize),
    a: &[E],
    b: &[E],
    c: &mut [MaybeUninit<E>],
) {
    simd.vectorize(Product::<E, P> {
        mkn: (m, k, n),
        a,
        b,
        c,
    });
}

/// `c = a @ b` (`f32`, row-major) along the product path `P` with the active instruction set.
#[inline]
pub(crate) fn product_f32<const P: u8>(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    b: &[f32],
    c: &mut [MaybeUninit<f32>],
) {
    with_active(Product::<f32, P> {
        mkn: (m, k, n),
        a,
        b,
        c,
    });
}

/// `c = a @ b` (`f64`, row-major) along the product path `P` with the active instruction set.
#[inline]
pub(crate) fn product_f64<const P: u8>(
    m: usize,
    k: usize,
    n: usize,
    a: &[f64],
    b: &[f64],
    c: &mut [MaybeUninit<f64>],
) {
    with_active(Product::<f64, P> {
        mkn: (m, k, n),
        a,
        b,
        c,
    });
}

/// The element types with vectorized math: `f32` ([`vmath`]) and `f64` ([`vmath64`]).
pub(crate) trait Math: SimdElem {
    /// `e^x`.
    fn exp<V: MathVector<Elem = Self>>(v: V) -> V;
    /// The natural logarithm.
    fn ln<V: MathVector<Elem = Self>>(v: V) -> V;
    /// The hyperbolic tangent.
    fn tanh<V: MathVector<Elem = Self>>(v: V) -> V;
    /// `1 / (1 + e^-x)`.
    fn sigmoid<V: MathVector<Elem = Self>>(v: V) -> V;
}

impl Math for f32 {
    #[inline(always)]
    fn exp<V: MathVector<Elem = f32>>(v: V) -> V {
        vmath::exp(v)
    }
    #[inline(always)]
    fn ln<V: MathVector<Elem = f32>>(v: V) -> V {
        vmath::ln(v)
    }
    #[inline(always)]
    fn tanh<V: MathVector<Elem = f32>>(v: V) -> V {
        vmath::tanh(v)
    }
    #[inline(always)]
    fn sigmoid<V: MathVector<Elem = f32>>(v: V) -> V {
        vmath::sigmoid(v)
    }
}

impl Math for f64 {
    #[inline(always)]
    fn exp<V: MathVector<Elem = f64>>(v: V) -> V {
        vmath64::exp(v)
    }
    #[inline(always)]
    fn ln<V: MathVector<Elem = f64>>(v: V) -> V {
        vmath64::ln(v)
    }
    #[inline(always)]
    fn tanh<V: MathVector<Elem = f64>>(v: V) -> V {
        vmath64::tanh(v)
    }
    #[inline(always)]
    fn sigmoid<V: MathVector<Elem = f64>>(v: V) -> V {
        vmath64::sigmoid(v)
    }
}

macro_rules! map_fn {
    ($T:ident, $f:ident) => {
        /// The vectorized function as a [`MapFn`].
        struct $T;
        impl<V: MathVector> MapFn<V> for $T
        where
            V::Elem: Math,
        {
            #[inline(always)]
            fn apply(v: V) -> V {
                <V::Elem as Math>::$f(v)
            }
        }
    };
}
map_fn!(Exp, exp);
map_fn!(Ln, ln);
map_fn!(Tanh, tanh);
map_fn!(Sigmoid, sigmoid);

macro_rules! zip_fn {
    ($T:ident, $op:tt) => {
        /// The operator as a [`ZipFn`].
        struct $T;
        impl<V: Vector> ZipFn<V> for $T {
            #[inline(always)]
            fn apply(a: V, b: V) -> V {
                a $op b
            }
        }
    };
}
zip_fn!(Add, +);
zip_fn!(Sub, -);
zip_fn!(Mul, *);
zip_fn!(Div, /);

/// `out[i] = op(x[i])` with the vectorized math; `out` need not be initialized (each element
/// is written once).
struct UnaryInto<'a, E> {
    op: Unary,
    x: &'a [E],
    out: &'a mut [MaybeUninit<E>],
}

impl<E: Math> WithSimd for UnaryInto<'_, E> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: Simd>(self, simd: S) {
        let UnaryInto { op, x, out } = self;
        match op {
            Unary::Exp => map_into_x4::<E::V<S>, Exp>(simd, x, out),
            Unary::Ln => map_into_x4::<E::V<S>, Ln>(simd, x, out),
            Unary::Tanh => map_into_x4::<E::V<S>, Tanh>(simd, x, out),
            Unary::Sigmoid => map_into_x4::<E::V<S>, Sigmoid>(simd, x, out),
        }
    }
}

/// `out[i] = op(x[i])` with `simd`'s vectors.
///
/// # Panics
///
/// If the lengths differ.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn unary_into<S: Simd, E: Math>(
    simd: S,
    op: Unary,
    x: &[E],
    out: &mut [MaybeUninit<E>],
) {
    simd.vectorize(UnaryInto { op, x, out });
}

/// `out[i] = op(x[i])` (`f32`) with the active instruction set; writes every element of
/// `out`.
// Not `#[inline]`: called out of line, the kernel writes a result being built straight into
// the caller's tensor (inlined, the compiler builds it in a temporary and copies it).
pub(crate) fn unary_into_f32(op: Unary, x: &[f32], out: &mut [MaybeUninit<f32>]) {
    with_active(UnaryInto { op, x, out });
}

/// `out[i] = op(x[i])` (`f64`) with the active instruction set; writes every element of
/// `out`.
// Not `#[inline]`, as `unary_into_f32`.
pub(crate) fn unary_into_f64(op: Unary, x: &[f64], out: &mut [MaybeUninit<f64>]) {
    with_active(UnaryInto { op, x, out });
}

/// `a[i] = a[i] op b[i]`.
struct BinaryAssign<'a, E> {
    op: Binary,
    a: &'a mut [E],
    b: &'a [E],
}

impl<E: SimdElem> WithSimd for BinaryAssign<'_, E> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: Simd>(self, simd: S) {
        let BinaryAssign { op, a, b } = self;
        match op {
            Binary::Add => zip_x4::<E::V<S>, Add>(simd, a, b),
            Binary::Sub => zip_x4::<E::V<S>, Sub>(simd, a, b),
            Binary::Mul => zip_x4::<E::V<S>, Mul>(simd, a, b),
            Binary::Div => zip_x4::<E::V<S>, Div>(simd, a, b),
        }
    }
}

/// `a[i] = a[i] op b[i]` with `simd`'s vectors.
///
/// # Panics
///
/// If the lengths differ.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn binary<S: Simd, E: SimdElem>(simd: S, op: Binary, a: &mut [E], b: &[E]) {
    simd.vectorize(BinaryAssign { op, a, b });
}

/// `a[i] = a[i] op b[i]` (`f32`) with the active instruction set.
#[inline]
pub(crate) fn binary_f32(op: Binary, a: &mut [f32], b: &[f32]) {
    with_active(BinaryAssign { op, a, b });
}

/// `a[i] = a[i] op b[i]` (`f64`) with the active instruction set.
#[inline]
pub(crate) fn binary_f64(op: Binary, a: &mut [f64], b: &[f64]) {
    with_active(BinaryAssign { op, a, b });
}

/// [`zip_into_x4`] with aligned stores. A result on the stack or in a heap block is aligned
/// only to its element, and a 64-byte store at such an address always straddles two cache
/// lines. One unaligned vector covers the first `V::LANES` elements, and the rest starts at
/// the first aligned address (the elements in between are written twice, with the same
/// values): `&a + &b` of 64 Ki `f32` 8.3-8.7 -> 7.3-7.4 us in both builds. Not done for the
/// math (`map_into_x4`), which at 1 Ki lost more to the second call (173 -> 198 ns for `exp`)
/// than it gained.
#[inline(always)]
fn zip_into_aligned<V: Vector, F: ZipFn<V>>(
    simd: V::Simd,
    a: &[V::Elem],
    b: &[V::Elem],
    out: &mut [MaybeUninit<V::Elem>],
) {
    // Lengths: `zip_into_x4` asserts them (each part's).
    // Less than `V::LANES`: the pointer is aligned to the element.
    let head = out.as_ptr().align_offset(size_of::<V>()).min(V::LANES);
    let n = V::LANES;
    if head == 0 || out.len() < 2 * n {
        return zip_into_x4::<V, F>(simd, a, b, out);
    }
    zip_into_x4::<V, F>(simd, &a[..n], &b[..n], &mut out[..n]);
    zip_into_x4::<V, F>(simd, &a[head..], &b[head..], &mut out[head..]);
}

/// `out[i] = a[i] op b[i]`; `out` need not be initialized (each element is written once).
struct BinaryInto<'a, E> {
    op: Binary,
    a: &'a [E],
    b: &'a [E],
    out: &'a mut [MaybeUninit<E>],
}

impl<E: SimdElem> WithSimd for BinaryInto<'_, E> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: Simd>(self, simd: S) {
        let BinaryInto { op, a, b, out } = self;
        match op {
            Binary::Add => zip_into_aligned::<E::V<S>, Add>(simd, a, b, out),
            Binary::Sub => zip_into_aligned::<E::V<S>, Sub>(simd, a, b, out),
            Binary::Mul => zip_into_aligned::<E::V<S>, Mul>(simd, a, b, out),
            Binary::Div => zip_into_aligned::<E::V<S>, Div>(simd, a, b, out),
        }
    }
}

/// `out[i] = a[i] op b[i]` with `simd`'s vectors.
///
/// # Panics
///
/// If the lengths differ.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn binary_into<S: Simd, E: SimdElem>(
    simd: S,
    op: Binary,
    a: &[E],
    b: &[E],
    out: &mut [MaybeUninit<E>],
) {
    simd.vectorize(BinaryInto { op, a, b, out });
}

/// `out[i] = a[i] op b[i]` (`f32`) with the active instruction set; writes every element of
/// `out`.
// Not `#[inline]`: called out of line, the kernel writes a result being built straight into
// the caller's tensor (inlined, the compiler builds it in a temporary and copies it).
pub(crate) fn binary_into_f32(op: Binary, a: &[f32], b: &[f32], out: &mut [MaybeUninit<f32>]) {
    with_active(BinaryInto { op, a, b, out });
}

/// `out[i] = a[i] op b[i]` (`f64`) with the active instruction set; writes every element of
/// `out`.
// Not `#[inline]`: called out of line, the kernel writes a result being built straight into
// the caller's tensor (inlined, the compiler builds it in a temporary and copies it).
pub(crate) fn binary_into_f64(op: Binary, a: &[f64], b: &[f64], out: &mut [MaybeUninit<f64>]) {
    with_active(BinaryInto { op, a, b, out });
}
