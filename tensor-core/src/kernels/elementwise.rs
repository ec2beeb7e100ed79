//! Elementwise loops over row-major slices: unary, binary, with a scalar, and broadcasting.
//! The `*_simd` entry points send `f32`/`f64` to the SIMD kernels and anything else to the
//! generic loops.

use super::simd::{self, Binary, Unary};
use super::{cast_slice, cast_slice_mut};

/// `out[i] = op(x[i])` where `f` is the scalar `op`: `f32` through the vectorized math,
/// every other type through `f`.
#[inline]
pub(crate) fn unary_simd<T: Copy>(x: &[T], out: &mut [T], op: Unary, f: impl Fn(T) -> T) {
    debug_assert_eq!(x.len(), out.len());
    if let (Some(x), Some(out)) = (cast_slice::<T, f32>(x), cast_slice_mut::<T, f32>(out)) {
        return simd::unary_into_f32(op, x, out);
    }
    for (o, &v) in out.iter_mut().zip(x) {
        *o = f(v);
    }
}

/// `a[i] = f(a[i], b[i])` where `f` is the operator `op`: `f32` and `f64` through the SIMD
/// kernels (the same IEEE operation per element, so the same results), others through `f`.
#[inline]
pub(crate) fn binary_assign_simd<T: Copy>(a: &mut [T], b: &[T], op: Binary, f: impl Fn(T, T) -> T) {
    if let (Some(b32), true) = (cast_slice::<T, f32>(b), a.len() == b.len())
        && let Some(a32) = cast_slice_mut::<T, f32>(a)
    {
        return simd::binary_f32(op, a32, b32);
    }
    if let (Some(b64), true) = (cast_slice::<T, f64>(b), a.len() == b.len())
        && let Some(a64) = cast_slice_mut::<T, f64>(a)
    {
        return simd::binary_f64(op, a64, b64);
    }
    binary_assign(a, b, f);
}

/// `a[i] = f(a[i])`.
#[inline]
pub(crate) fn unary_assign<T: Copy>(a: &mut [T], f: impl Fn(T) -> T) {
    for x in a {
        *x = f(*x);
    }
}

/// `out[i] = f(a[i], b[i])`.
#[inline]
pub(crate) fn binary<T: Copy>(a: &[T], b: &[T], out: &mut [T], f: impl Fn(T, T) -> T) {
    debug_assert!(a.len() == out.len() && b.len() == out.len());
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        *o = f(x, y);
    }
}

/// `a[i] = f(a[i], b[i])`.
#[inline]
pub(crate) fn binary_assign<T: Copy>(a: &mut [T], b: &[T], f: impl Fn(T, T) -> T) {
    debug_assert_eq!(a.len(), b.len());
    for (x, &y) in a.iter_mut().zip(b) {
        *x = f(*x, y);
    }
}

/// `out[i] = f(a[i], s)`.
#[inline]
pub(crate) fn binary_scalar_rhs<T: Copy>(a: &[T], s: T, out: &mut [T], f: impl Fn(T, T) -> T) {
    debug_assert_eq!(a.len(), out.len());
    for (o, &x) in out.iter_mut().zip(a) {
        *o = f(x, s);
    }
}

/// `out[i] = f(s, b[i])`.
#[inline]
pub(crate) fn binary_scalar_lhs<T: Copy>(s: T, b: &[T], out: &mut [T], f: impl Fn(T, T) -> T) {
    debug_assert_eq!(b.len(), out.len());
    for (o, &y) in out.iter_mut().zip(b) {
        *o = f(s, y);
    }
}

/// The dimensions `(rows, cols)` of a row-major operand.
pub(crate) type Dims = (usize, usize);

/// `out[i] = f(a[i], b[i])` where `f` is the operator `op`: `f32` and `f64` through the SIMD
/// kernels, others through `f`.
#[inline]
pub(crate) fn binary_simd<T: Copy>(
    a: &[T],
    b: &[T],
    out: &mut [T],
    op: Binary,
    f: impl Fn(T, T) -> T,
) {
    if let (Some(a32), Some(b32)) = (cast_slice::<T, f32>(a), cast_slice::<T, f32>(b))
        && let Some(o32) = cast_slice_mut::<T, f32>(out)
    {
        return simd::binary_into_f32(op, a32, b32, o32);
    }
    if let (Some(a64), Some(b64)) = (cast_slice::<T, f64>(a), cast_slice::<T, f64>(b))
        && let Some(o64) = cast_slice_mut::<T, f64>(out)
    {
        return simd::binary_into_f64(op, a64, b64, o64);
    }
    binary(a, b, out, f);
}

/// `out = f(a, b)` with NumPy broadcasting: `out` has shape `(r, c)`; on each axis the size of
/// `a` and of `b` is either the output's or 1 (the type system has proved it). `op`, when
/// given, is the operator `f` computes: same-shape operands then go to the SIMD kernels.
#[inline]
#[allow(clippy::too_many_arguments)]
pub(crate) fn broadcast_binary<T: Copy>(
    a: &[T],
    (ra, ca): Dims,
    b: &[T],
    (rb, cb): Dims,
    out: &mut [T],
    (r, c): Dims,
    op: Option<Binary>,
    f: impl Fn(T, T) -> T,
) {
    debug_assert!(a.len() == ra * ca && b.len() == rb * cb && out.len() == r * c);
    if ra == rb && ca == cb {
        if let Some(op) = op {
            return binary_simd(a, b, out, op, f);
        }
        return binary(a, b, out, f);
    }
    if c == 0 {
        return;
    }
    for (i, out_row) in out.chunks_exact_mut(c).enumerate() {
        let a_row = &a[if ra == 1 { 0 } else { i * ca }..][..ca];
        let b_row = &b[if rb == 1 { 0 } else { i * cb }..][..cb];
        match (ca == c, cb == c) {
            (true, true) => binary(a_row, b_row, out_row, &f),
            (true, false) => binary_scalar_rhs(a_row, b_row[0], out_row, &f),
            (false, true) => binary_scalar_lhs(a_row[0], b_row, out_row, &f),
            (false, false) => out_row.fill(f(a_row[0], b_row[0])),
        }
    }
}
