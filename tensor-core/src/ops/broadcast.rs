//! Explicit broadcasting (`broadcast::<R2, C2>()`, for every rank) and the broadcasting zip
//! behind the operators.

use core::mem::MaybeUninit;

use super::out::Out;
use crate::array::OUT_OF_LINE_BYTES;
use crate::kernels::elementwise::{broadcast_binary, same_shape};
use crate::kernels::simd::Binary;
use crate::shape::{BroadcastTo, BroadcastWith, Dims, Shape, Shape3, Shape4};
use crate::{Array, Tensor, Tensor3, Tensor4};

/// Combines the row-major elements `a` of shape `A` and `b` of shape `B` element by element
/// after broadcasting them to their common shape (the lower-rank one aligned at the last
/// axis). `op`, when given, is the operator `f` computes (for the SIMD kernels). The result
/// is an `Array` or a boxed one (`O`), written by the same kernel.
#[inline]
pub(crate) fn zip_broadcast<T, A, B, O>(
    a: &[T],
    b: &[T],
    op: Option<Binary>,
    f: impl Fn(T, T) -> T,
) -> O
where
    T: Copy + Default,
    A: BroadcastWith<B>,
    B: Dims,
    O: Out<T, A::Output>,
{
    // Decided at compile time, so that one kernel call writes the result: the compiler then
    // builds it in the caller's tensor (a run-time choice between two writers left a copy of
    // the whole result behind).
    if const { same_dims(A::DIMS, B::DIMS) } {
        // SAFETY: `same_shape` writes every element of `out` (of the operands' length, as
        // they have the same shape).
        return unsafe { O::from_flat_uninit(1, |out| same_shape(a, b, out, op, f)) };
    }
    if size_of::<T>() * <A::Output as Dims>::SIZE >= OUT_OF_LINE_BYTES {
        // SAFETY: as below.
        return unsafe {
            O::from_flat_uninit(1, |out| broadcast_out_of_line::<T, A, B>(a, b, out, op, f))
        };
    }
    // SAFETY: `broadcast_write` writes every element of `out`, whose length is the product
    // of the output's dimensions (it panics otherwise).
    unsafe { O::from_flat_uninit(1, |out| broadcast_write::<T, A, B>(a, b, out, op, f)) }
}

/// `out = f(a, b)` for the shapes `A` and `B` broadcast together ([`broadcast_binary`], with
/// the shapes' dimensions, constants where it is inlined). Writes every element of `out`.
#[inline(always)]
fn broadcast_write<T: Copy, A: BroadcastWith<B>, B: Dims>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
    op: Option<Binary>,
    f: impl Fn(T, T) -> T,
) {
    let dims = <A::Output as Dims>::DIMS;
    let rank = dims.len();
    let (mut da, mut db) = ([1; 4], [1; 4]);
    da[rank - A::RANK..rank].copy_from_slice(A::DIMS);
    db[rank - B::RANK..rank].copy_from_slice(B::DIMS);
    broadcast_binary(a, &da[..rank], b, &db[..rank], out, dims, op, f);
}

/// [`broadcast_write`], never inlined, for results of [`OUT_OF_LINE_BYTES`] and more: a
/// result written by one opaque call is built by the compiler in the caller's tensor, where
/// the inlined loops wrote a temporary that was then copied whole (a `memcpy` of 4 MB, 46% of
/// the time of `(1000, 1000) + (1, 1000)` `f32`, 0.72-0.75x the plain loop). One instance per
/// pair of shapes, so the dimensions are still constants inside it.
#[inline(never)]
fn broadcast_out_of_line<T: Copy, A: BroadcastWith<B>, B: Dims>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
    op: Option<Binary>,
    f: impl Fn(T, T) -> T,
) {
    broadcast_write::<T, A, B>(a, b, out, op, f);
}

/// Whether two shapes' dimensions are the same list.
const fn same_dims(a: &[usize], b: &[usize]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// `broadcast` for one tensor type: `$idx` names one index per axis, `$ex_*` are shapes for
/// the doc examples (a source, a target it broadcasts to, one it does not).
macro_rules! broadcast_method {
    ($($Ten:ident [$($d:ident),+] [$($e:ident),+] [$($idx:ident),+] $Sh:ident, $ex_a:literal, $ex_to:literal, $ex_bad:literal;)+) => {$(
        impl<T: Copy, $(const $d: usize),+> $Ten<T, $($d),+> {
            /// This tensor repeated along its axes of size 1 to the target shape, like NumPy's
            /// `np.broadcast_to(a, shape)` (as a copy). On each axis the size must equal the
            /// target's or be 1; anything else is a compile error naming both shapes.
            ///
            /// The operators broadcast by themselves (`m + row`); `broadcast` is for when a
            /// full-size tensor is wanted, for example as the right operand of `+=`.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let small = ", stringify!($Ten), "::<i32, ", $ex_a, ">::arange();")]
            #[doc = concat!("let full = small.broadcast::<", $ex_to, ">();")]
            #[doc = concat!("assert_eq!(full.shape(), (", $ex_to, "));")]
            #[doc = concat!("assert_eq!(full - small, ", stringify!($Ten), "::zeros());")]
            /// ```
            ///
            /// ```compile_fail
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let small = ", stringify!($Ten), "::<i32, ", $ex_a, ">::arange();")]
            #[doc = concat!("let _ = small.broadcast::<", $ex_bad, ">(); // cannot broadcast")]
            /// ```
            #[must_use]
            pub fn broadcast<$(const $e: usize),+>(&self) -> $Ten<T, $($e),+>
            where
                $Sh<$($d),+>: BroadcastTo<$Sh<$($e),+>>,
            {
                $Ten::from_fn(|$($idx),+| self[($(if $d == 1 { 0 } else { $idx }),+)])
            }
        }
    )+};
}

broadcast_method! {
    Tensor [R, C] [R2, C2] [i, j] Shape, "1, 3", "2, 3", "2, 4";
    Tensor3 [D0, D1, D2] [E0, E1, E2] [i, j, k] Shape3, "1, 1, 3", "4, 4, 3", "4, 4, 2";
    Tensor4 [D0, D1, D2, D3] [E0, E1, E2, E3] [n, i, j, k] Shape4, "1, 2, 1, 3", "5, 2, 4, 3", "5, 3, 4, 3";
}

/// The row-major index, in an operand of shape `src` (aligned at the last axis of `dims`,
/// size-1 axes repeated), of the element that lands at row-major index `k` of the broadcast
/// shape `dims`.
#[inline]
fn broadcast_source(mut k: usize, dims: &[usize], src: &[usize]) -> usize {
    let pad = dims.len() - src.len();
    let (mut index, mut stride) = (0, 1);
    for axis in (0..dims.len()).rev() {
        let i = k % dims[axis];
        k /= dims[axis];
        if let Some(axis) = axis.checked_sub(pad) {
            if src[axis] != 1 {
                index += i * stride;
            }
            stride *= src[axis];
        }
    }
    index
}

/// Combines the row-major elements `a` of shape `A` and `b` of shape `B` (element types may
/// differ from each other and from the result's) after broadcasting them to their common
/// shape, like [`zip_broadcast`] but without SIMD kernels: behind comparisons, mask logic and
/// `%`.
#[inline]
pub(crate) fn zip_broadcast_map<T: Copy, U: Copy, V, A, B>(
    a: &[T],
    b: &[U],
    f: impl Fn(T, U) -> V,
) -> Array<V, A::Output>
where
    A: BroadcastWith<B>,
    B: Dims,
{
    let dims = <A::Output as Dims>::DIMS;
    if A::DIMS == B::DIMS {
        return Array::from_flat_fn(|k| f(a[k], b[k]));
    }
    Array::from_flat_fn(|k| {
        f(
            a[broadcast_source(k, dims, A::DIMS)],
            b[broadcast_source(k, dims, B::DIMS)],
        )
    })
}

/// [`zip_broadcast_map`] for three operands (`where`): `a` of shape `A`, `b` of shape `B` and
/// `c` of shape `C`, broadcast to `Out`, which the caller computes as `A` with `B`, then with
/// `C`.
#[inline]
pub(crate) fn zip3_broadcast_map<
    T: Copy,
    U: Copy,
    W: Copy,
    V,
    A: Dims,
    B: Dims,
    C: Dims,
    Out: Dims,
>(
    a: &[T],
    b: &[U],
    c: &[W],
    f: impl Fn(T, U, W) -> V,
) -> Array<V, Out> {
    let dims = Out::DIMS;
    Array::from_flat_fn(|k| {
        f(
            a[broadcast_source(k, dims, A::DIMS)],
            b[broadcast_source(k, dims, B::DIMS)],
            c[broadcast_source(k, dims, C::DIMS)],
        )
    })
}
