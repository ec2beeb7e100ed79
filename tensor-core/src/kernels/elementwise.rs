//! Elementwise loops over row-major slices: unary, binary, with a scalar, and broadcasting.
//! The `*_simd` entry points send `f32`/`f64` to the SIMD kernels and anything else to the
//! generic loops.
//!
//! The loops that build a result (`unary_simd`, `binary`, `binary_simd`, `broadcast_binary`)
//! write into `&mut [MaybeUninit<T>]` and write each of its elements exactly once, so a result
//! being built is never filled first (`ops::Out::from_flat_uninit`); storage that already
//! holds values goes in through [`super::as_uninit_mut`].

use core::mem::MaybeUninit;

use super::entry;
use super::simd::dispatch::on_active;
use super::simd::{Binary, Unary};
use super::{cast_slice, cast_slice_mut, end_of_row, par};

/// Operands shorter than this take the inline portable loop instead of the SIMD kernels: the
/// loop the compiler vectorizes for the build's target is as fast at these sizes, and it
/// costs no call through the run-time dispatch. Tensor lengths are compile-time constants, so
/// the choice folds away.
pub(crate) const INLINE_MAX: usize = 256;

/// `out[i] = op(x[i])` where `f` is the scalar `op`: `f32` and `f64` through the vectorized
/// math (`vmath`, `vmath64`), every other type through `f`. Writes every element of `out`.
///
/// # Panics
///
/// If the lengths differ.
#[inline]
pub(crate) fn unary_simd<T: Copy>(
    x: &[T],
    out: &mut [MaybeUninit<T>],
    op: Unary,
    f: impl Fn(T) -> T,
) {
    assert_eq!(x.len(), out.len());
    if let (Some(x), Some(out)) = (
        cast_slice::<T, f32>(x),
        cast_slice_mut::<_, MaybeUninit<f32>>(out),
    ) {
        return par::unary(x, out, |x, out| entry::unary_into_f32(op, x, out));
    }
    if let (Some(x), Some(out)) = (
        cast_slice::<T, f64>(x),
        cast_slice_mut::<_, MaybeUninit<f64>>(out),
    ) {
        return par::unary(x, out, |x, out| entry::unary_into_f64(op, x, out));
    }
    unary(x, out, f);
}

/// `a[i] = f(a[i], b[i])` where `f` is the operator `op`: `f32` and `f64` through the SIMD
/// kernels (the same IEEE operation per element, so the same results), others through `f`.
#[inline]
pub(crate) fn binary_assign_simd<T: Copy>(a: &mut [T], b: &[T], op: Binary, f: impl Fn(T, T) -> T) {
    if a.len() < INLINE_MAX {
        return zip_in_place(a, b, f);
    }
    if let (Some(b32), true) = (cast_slice::<T, f32>(b), a.len() == b.len())
        && let Some(a32) = cast_slice_mut::<T, f32>(a)
    {
        return par::binary_assign(a32, b32, |a, b| entry::binary_f32(op, a, b));
    }
    if let (Some(b64), true) = (cast_slice::<T, f64>(b), a.len() == b.len())
        && let Some(a64) = cast_slice_mut::<T, f64>(a)
    {
        return par::binary_assign(a64, b64, |a, b| entry::binary_f64(op, a, b));
    }
    binary_assign(a, b, f);
}

/// `out[i] = f(x[i])`, every element of `out`: from [`INLINE_MAX`] elements on, compiled for
/// the machine's best instruction set (`f` is inlined there and vectorized with its widest
/// vectors: a default x86-64 build otherwise runs such loops, `x + s` with a scalar operand
/// among them, on SSE2); below, in line.
///
/// # Panics
///
/// If the lengths differ.
#[inline]
pub(crate) fn unary<T: Copy>(x: &[T], out: &mut [MaybeUninit<T>], f: impl Fn(T) -> T) {
    assert_eq!(x.len(), out.len());
    if x.len() < INLINE_MAX {
        map_into(x, out, f);
    } else {
        unary_out_of_line(x, out, f);
    }
}

/// [`unary`] from [`INLINE_MAX`] elements on: one call that takes `out` as an argument, so
/// that a result built by it is built by the compiler in the caller's tensor. Through
/// [`on_active`] directly, `out` was a capture of its closure, which the compiler does not
/// follow: it wrote a temporary and copied it whole (4 MB for `relu` of a `(1000, 1000)`
/// `f32` tensor, a third of its time).
#[inline(never)]
fn unary_out_of_line<T: Copy>(x: &[T], out: &mut [MaybeUninit<T>], f: impl Fn(T) -> T) {
    on_active(
        #[inline(always)]
        || map_into(x, out, f),
    );
}

/// `a[i] = f(a[i])`, on the best instruction set from [`INLINE_MAX`] elements on (as
/// [`unary`]).
#[inline]
pub(crate) fn unary_assign<T: Copy>(a: &mut [T], f: impl Fn(T) -> T) {
    on_best_isa(
        a.len(),
        #[inline(always)]
        || map_in_place(a, f),
    );
}

/// Runs `body` compiled for the machine's best instruction set ([`on_active`]: one run-time
/// dispatch, `body`'s loops vectorized with that set's widest vectors) when `len` is at least
/// [`INLINE_MAX`], in line below. The closure loops of this module and of the fused pass go
/// through it; `body` must be an `#[inline(always)]` closure, as for [`on_active`].
#[inline(always)]
pub(crate) fn on_best_isa(len: usize, body: impl FnOnce()) {
    if len < INLINE_MAX {
        body();
    } else {
        on_active(body);
    }
}

/// The loop of [`unary`].
#[inline(always)]
pub(crate) fn map_into<T: Copy>(x: &[T], out: &mut [MaybeUninit<T>], f: impl Fn(T) -> T) {
    for (o, &v) in out.iter_mut().zip(x) {
        o.write(f(v));
    }
}

/// The loop of [`unary_assign`].
#[inline(always)]
fn map_in_place<T: Copy>(a: &mut [T], f: impl Fn(T) -> T) {
    for x in a {
        *x = f(*x);
    }
}

/// `out[i] = f(a[i], b[i])`, every element of `out`: on the best instruction set from
/// [`INLINE_MAX`] elements on, in line below (as [`unary`]).
///
/// # Panics
///
/// If the lengths differ.
#[inline]
pub(crate) fn binary<T: Copy>(a: &[T], b: &[T], out: &mut [MaybeUninit<T>], f: impl Fn(T, T) -> T) {
    assert!(a.len() == out.len() && b.len() == out.len());
    if out.len() < INLINE_MAX {
        zip_into(a, b, out, f);
    } else {
        binary_out_of_line(a, b, out, f);
    }
}

/// [`binary`] from [`INLINE_MAX`] elements on, one call that takes `out` as an argument (see
/// [`unary_out_of_line`]).
#[inline(never)]
fn binary_out_of_line<T: Copy>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
    f: impl Fn(T, T) -> T,
) {
    on_active(
        #[inline(always)]
        || zip_into(a, b, out, f),
    );
}

/// `a[i] = f(a[i], b[i])`: on the best instruction set from [`INLINE_MAX`] elements on, in
/// line below (as [`unary_assign`]).
///
/// # Panics
///
/// If the lengths differ.
#[inline]
pub(crate) fn binary_assign<T: Copy>(a: &mut [T], b: &[T], f: impl Fn(T, T) -> T) {
    assert_eq!(a.len(), b.len());
    on_best_isa(
        a.len(),
        #[inline(always)]
        || zip_in_place(a, b, f),
    );
}

/// The loop of [`binary`].
#[inline(always)]
pub(crate) fn zip_into<T: Copy>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
    f: impl Fn(T, T) -> T,
) {
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        o.write(f(x, y));
    }
}

/// The loop of [`binary_assign`].
#[inline(always)]
fn zip_in_place<T: Copy>(a: &mut [T], b: &[T], f: impl Fn(T, T) -> T) {
    for (x, &y) in a.iter_mut().zip(b) {
        *x = f(*x, y);
    }
}

/// The largest rank a broadcasting operand can have.
const MAX_RANK: usize = 4;

/// `out[i] = f(a[i], b[i])` where `f` is the operator `op`: `f32` and `f64` through the SIMD
/// kernels, others through `f`. Writes every element of `out`.
///
/// # Panics
///
/// If the lengths differ.
#[inline]
pub(crate) fn binary_simd<T: Copy>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
    op: Binary,
    f: impl Fn(T, T) -> T,
) {
    if out.len() < INLINE_MAX {
        return zip_into(a, b, out, f);
    }
    if let (Some(a32), Some(b32)) = (cast_slice::<T, f32>(a), cast_slice::<T, f32>(b))
        && let Some(o32) = cast_slice_mut::<_, MaybeUninit<f32>>(out)
    {
        return par::binary(a32, b32, o32, |a, b, o| entry::binary_into_f32(op, a, b, o));
    }
    if let (Some(a64), Some(b64)) = (cast_slice::<T, f64>(a), cast_slice::<T, f64>(b))
        && let Some(o64) = cast_slice_mut::<_, MaybeUninit<f64>>(out)
    {
        return par::binary(a64, b64, o64, |a, b, o| entry::binary_into_f64(op, a, b, o));
    }
    binary(a, b, out, f);
}

/// `out = f(a, b)` with NumPy broadcasting between row-major operands of the same rank:
/// `dims` is the shape of `out`, `da` and `db` those of `a` and `b`; on each axis their size is
/// the output's or 1 (the type system has proved it). `op`, when given, is the operator `f`
/// computes: same-shape operands then go to the SIMD kernels. Writes every element of `out`.
///
/// # Panics
///
/// If a length does not match its shape, or a shape is not `dims` with some axes 1.
///
/// Same shapes go to [`binary_simd`]; broadcasting ones to the nested loops of
/// [`broadcast_loops`].
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn broadcast_binary<T: Copy>(
    a: &[T],
    da: &[usize],
    b: &[T],
    db: &[usize],
    out: &mut [MaybeUninit<T>],
    dims: &[usize],
    op: Option<Binary>,
    f: impl Fn(T, T) -> T,
) {
    debug_assert!(da.len() == dims.len() && db.len() == dims.len() && dims.len() <= MAX_RANK);
    // The shapes are constants after inlining for static tensors: these checks fold away.
    assert!(out.len() == dims.iter().product::<usize>());
    assert!(a.len() == da.iter().product::<usize>());
    assert!(b.len() == db.iter().product::<usize>());
    for k in 0..dims.len() {
        assert!((da[k] == dims[k] || da[k] == 1) && (db[k] == dims[k] || db[k] == 1));
    }
    if da == db {
        return same_shape(a, b, out, op, f);
    }
    if out.is_empty() {
        return;
    }
    broadcast_loops(a, da, b, db, out, dims, f);
}

/// `out[i] = f(a[i], b[i])` for operands of the same shape: through the SIMD kernels of `op`
/// when given ([`binary_simd`]), else the plain loop. Writes every element of `out`.
#[inline]
pub(crate) fn same_shape<T: Copy>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
    op: Option<Binary>,
    f: impl Fn(T, T) -> T,
) {
    match op {
        Some(op) => binary_simd(a, b, out, op, f),
        None => binary(a, b, out, f),
    }
}

/// [`broadcast_binary`] with operands of different shapes: the nested loops a user would
/// write, over the shapes padded to rank 4 (a repeated axis has stride 0). The shapes are
/// compile-time constants after inlining, so the loops unroll and vectorize as the plain loop
/// does, and no run-time branch on the dimensions remains. Each row ends with [`end_of_row`],
/// so that short rows vectorize along the row where AVX-512 made the compiler gather and
/// scatter across rows.
#[inline(always)]
fn broadcast_loops<T: Copy>(
    a: &[T],
    da: &[usize],
    b: &[T],
    db: &[usize],
    out: &mut [MaybeUninit<T>],
    dims: &[usize],
    f: impl Fn(T, T) -> T,
) {
    let pad = MAX_RANK - dims.len();
    let (mut n, mut sa, mut sb) = ([1; MAX_RANK], [0; MAX_RANK], [0; MAX_RANK]);
    let (mut pa, mut pb) = (1, 1);
    for k in (0..dims.len()).rev() {
        n[pad + k] = dims[k];
        sa[pad + k] = if da[k] == 1 { 0 } else { pa };
        sb[pad + k] = if db[k] == 1 { 0 } else { pb };
        pa *= da[k];
        pb *= db[k];
    }
    let mut o = 0;
    for i0 in 0..n[0] {
        for i1 in 0..n[1] {
            for i2 in 0..n[2] {
                let (ra, rb) = (
                    i0 * sa[0] + i1 * sa[1] + i2 * sa[2],
                    i0 * sb[0] + i1 * sb[1] + i2 * sb[2],
                );
                for i3 in 0..n[3] {
                    out[o + i3].write(f(a[ra + i3 * sa[3]], b[rb + i3 * sb[3]]));
                }
                end_of_row::<T>(n[3]);
                o += n[3];
            }
        }
    }
}
