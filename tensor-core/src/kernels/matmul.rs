//! The matrix product: the path is chosen from the static shape, at compile time.
//!
//! [`path`] maps `(R, K, C)` to one of the paths below; [`matmul_sized`] matches on
//! `const { path(R, K, C) }`, so each shape compiles to one path and no dimension is tested at
//! run time. For `f32` and `f64` the SIMD paths then choose the instruction set (once per
//! process, see `simd::dispatch`).
//!
//! | path | shapes | what runs |
//! |---|---|---|
//! | `Zero` | `K = 0` (or an empty output) | the output is zeros |
//! | `Small` | square, `2..=4`; `5..=8` without AVX2 at compile time (not odd sizes of 4-byte elements) | the generated straight-line product, any element type |
//! | `Outer` | `K = 1` | `c[i][j] = 0 + a[i] * b[j]`, inlined: the scale / outer-product loop |
//! | `Dot` | `R = C = 1`, `K >= 16` | `simd` dot product, several accumulators, blocked partial sums |
//! | `Loop` | `R * K * C <= loop_max(..)` (512; 32 768 when the build enables AVX2, except where AVX-512's kernels win: from 8 rows, tiles mostly full), `C = 1` with `K < 16`, `1 < C <= 16` with `K < 32` or `R < 4` | the i-k-j loop, inlined, dimensions known to the compiler, some rows summed together (`loop_rows`) |
//! | `Gemv` | `C = 1` | `simd` matrix-vector: four rows at a time, as the dot product |
//! | `Narrow` | `1 < C <= 16` | `simd` row tiles over the whole of `K`, `b` read in place (`super::narrow`), on AVX2's vectors under AVX-512 when they hold a row (rows of one AVX-512 vector and at most an AVX2 one on one of each); with 2 or 3 columns (`f32`; 2 `f64`) and `K` of at least two vectors, a dot product per element, as `Gemv` (`super::dot::columns`) |
//! | `Row1` | `R = 1` | `simd` vector-matrix: output strips in registers, `b` streamed in blocks of rows (`super::vecmat`) |
//! | `Rows4` | `R <= 4` | blocked product with a four-row tile |
//! | `Gemm` | the rest | blocked product with the instruction set's own tile |
//!
//! Element types other than `f32` and `f64` run the inlined loop on every path but `Zero`,
//! `Small` and `Outer`.
//!
//! The loop paths (and the blocked products) sum each output element from zero in the order
//! `p = 0, 1, .., k - 1`, exactly as the naive triple loop does, so NaN and infinities
//! propagate as IEEE says (`0 * inf` is NaN, nothing is skipped). The dot and matrix-vector
//! paths, and the narrow path's outputs of 2 or 3 columns, sum in several lanes and blocks (see
//! `super::dot`): a different rounding, with an error that grows with the logarithm of a block
//! count rather than with `K`.

use core::mem::MaybeUninit;

use num_traits::Zero;

use super::generated::small_matmul;
use super::product::{DOT, GEMV, NARROW, ROW1, ROWS4};
use super::{as_uninit_mut, cast_slice, cast_slice_mut, end_of_row};
use super::{entry, par};

/// The largest `R * K * C` run by the inlined loop for a product of `r` rows and `c` columns
/// of `elem`-byte elements: below it, the loop (vectorized by the compiler for the build's
/// target) costs no more than calling into a kernel.
///
/// A build that enables AVX2 at compile time (`-C target-cpu=native` on an AVX2 machine)
/// vectorizes the inlined loop 8 `f32` wide, with the operands' rows kept in registers: there,
/// measured on an AVX2 machine, the loop matched or beat the dispatched blocked product up to
/// about 30 000 multiply-adds (`(2,64)@(64,100)` `f32` 0.3-0.4x, `(100,10)@(10,16)` 0.4x,
/// `(7,31)@(31,100)` 0.4-0.5x, 31 x 31 0.7x when blocked), so the bound is higher, except
/// where [`avx512_kernels_win`].
const fn loop_max(r: usize, c: usize, elem: usize) -> usize {
    if cfg!(target_feature = "avx2") && !avx512_kernels_win(r, c, elem) {
        32_768
    } else {
        512
    }
}

/// Whether a build with AVX-512 at compile time runs a product of `r` rows and `c > 1`
/// columns of `elem`-byte elements faster on the kernels than in the inlined loop (which it
/// vectorizes 16 `f32` wide): from 8 rows (the AVX-512 tile's), on the narrow kernel when
/// the output's rows fill more than half a vector, on the blocked one when at least 7/8 of its
/// tiles' lanes hold output elements (tiles of 8 rows by two vectors, one vector for the last
/// columns).
///
/// Measured on Zen 4 against the plain loop (`tests/perf_guard_matmul.rs`, `f32` unless
/// said, 2026-12-07): every tile full, `(16,16)@(16,64)`, `(8,64)@(64,64)`, 32 x 32,
/// `(16,64)@(64,32)` and `(16,64)@(64,48)` ran at 2.3-2.7x on the kernels (`f64` 2.1-5.3x),
/// 1.0-1.3x in the loop; 31 x 31 (94% of the lanes) 1.16-1.31x `f32`, 1.34-1.44x `f64`;
/// `(16,64)@(64,56)` (87.5%) 1.35-1.38x; on the narrow kernel `(31,64)@(64,10)` 1.37x `f32`,
/// 1.18x `f64`, `(8,200)@(200,12)` 1.9x, 1.3x, `(64,32)@(32,8)` 1.48x `f64` but 0.68-0.73x
/// `f32` (half a vector). Below 7/8 the kernels tied or lost: `(16,24)@(24,40)` (83%)
/// 1.0-1.05x, 24 x 24 (75%) 0.86-0.97x, `(16,64)@(64,20)` (62.5%) 0.85x, `(12,40)@(40,24)`
/// (56%) 0.49x; with fewer rows than 8, `(5,100)@(100,50)` 0.48x and `(2,64)@(64,100)` 0.49x.
const fn avx512_kernels_win(r: usize, c: usize, elem: usize) -> bool {
    cfg!(target_feature = "avx512f") && avx512_tiles_full(r, c, elem)
}

/// The shape rule of [`avx512_kernels_win`], in every build (so that it is tested in every
/// build).
const fn avx512_tiles_full(r: usize, c: usize, elem: usize) -> bool {
    let lanes = 64 / if elem == 0 { 1 } else { elem };
    if r < 8 || c < 2 {
        return false;
    }
    if c < NARROW_C {
        return 2 * c > lanes;
    }
    let whole = c / (2 * lanes) * (2 * lanes);
    let last = match c - whole {
        0 => 0,
        rest if rest <= lanes => lanes,
        _ => 2 * lanes,
    };
    let (rows, cols) = (r.div_ceil(8) * 8, whole + last);
    8 * r * c >= 7 * rows * cols
}

/// The shortest dot product of the dot kernel, whatever [`loop_max`] says: the loop's dot
/// product is one chain of dependent additions (its order is the naive loop's, which the
/// compiler may not reorder), so it does not vectorize in any build. Measured on Zen 3 in a
/// `-C target-cpu=native` build, where the loop's bound had sent dot products of up to 32 768
/// terms to it: `(1, 4096) @ (4096, 1)` ran at 1.0x the plain loop (the same code), the kernel
/// at 5.8x (`f64`) and 15x (`f32`) in the default build.
const DOT_MIN_K: usize = 16;

/// The shortest rows of the matrix-vector kernel: shorter rows have few vector steps to pay
/// for the sums across lanes, and the loop (independent rows) does as well.
const GEMV_MIN_K: usize = 16;

/// The narrowest output of the blocked product (other than one column). Narrower outputs fill
/// at most one AVX-512 `f32` vector, and a vector tile over them is latency-bound (one chain
/// per row) or half empty: measured on Zen 4 (AVX2), the padded tiles ran `(32, 784) @ (784,
/// 10)` `f32` at 0.56x and `(1, 784) @ (784, 10)` at 0.10x the inlined loop. They take the
/// narrow kernel (2.2-3.4x the loop at `(32, 784) @ (784, 10)`, BENCHMARKS.md) or, with
/// short rows or fewer than four rows, the loop. Outputs of exactly 16 columns too (one
/// AVX-512 or two AVX2 `f32` vectors): the blocked product packed and padded them for nothing
/// (`(16, 16) @ (16, 16)` `f32` 0.75x, `(100, 10) @ (10, 16)` 0.83x the loop, default build).
const NARROW_C: usize = 17;

/// The shortest rows of the narrow kernel (`super::narrow`): below, the loop does as well.
const NARROW_MIN_K: usize = 32;

/// The fewest rows of the narrow kernel: its row tiles (3 to 8 rows) would be mostly repeats
/// for fewer, and one row of the loop (a vector-matrix product) runs as fast as an axpy.
const NARROW_MIN_R: usize = 4;

/// How a product of a given static shape is computed (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Path {
    /// `K = 0` or an empty output: zeros.
    Zero,
    /// Square, [`straight_line`] sizes: the generated straight-line product.
    Small,
    /// `K = 1`: the outer product (scaling when `C = 1`).
    Outer,
    /// Few multiply-adds: the inlined loop.
    Loop,
    /// `R = C = 1`: the dot product.
    Dot,
    /// `C = 1`: the matrix-vector product.
    Gemv,
    /// `1 < C <= 16`: row tiles over the whole of `K` (`super::narrow`).
    Narrow,
    /// `R = 1`: the vector-matrix product.
    Row1,
    /// `R <= 4`: the blocked product with a four-row tile.
    Rows4,
    /// The blocked product with the instruction set's own tile.
    Gemm,
}

/// Whether `n x n` products of elements of `elem` bytes take the generated straight-line
/// product rather than the inlined loop (which is the plain loop's code, so never slower than
/// it).
///
/// Measured against the plain loop on Zen 4 (`tests/perf_guard_matmul.rs` with squares 5 to
/// 8, 2026-12-07): in a default build (SSE2) the straight-line product ran `f64` 5 to 8 and
/// `f32` 6 and 8 at 1.05-1.19x the loop, but `f32` 5 and 7 at 0.78-0.83x (odd rows of 4-byte
/// elements fill no whole vector). In a build with AVX2 at compile time (`-C target-cpu=znver3`)
/// it ran 5 to 7 at 0.52-0.95x and 8 at 1.07-1.13x; with AVX-512 (`-C target-cpu=native`) 5 to 8
/// at 0.51-0.90x (`f32` 8 x 8 0.67x, `f64` 5 0.65x), where the vectorized loop does as well as
/// the loop. So: `2..=4` always, `5..=8` only without AVX2, and not at odd sizes of 4-byte
/// elements.
const fn straight_line(n: usize, elem: usize) -> bool {
    match n {
        2..=4 => true,
        5..=8 => {
            let odd_4_byte = elem == 4 && n % 2 == 1;
            !cfg!(target_feature = "avx2") && !odd_4_byte
        }
        _ => false,
    }
}

/// The path of `(r, k) @ (k, c)` for elements of `elem` bytes, evaluated at compile time.
pub(crate) const fn path(r: usize, k: usize, c: usize, elem: usize) -> Path {
    if r == 0 || c == 0 || k == 0 {
        Path::Zero
    } else if r == k && k == c && straight_line(r, elem) {
        Path::Small
    } else if k == 1 {
        Path::Outer
    } else if r == 1 && c == 1 && k >= DOT_MIN_K {
        Path::Dot
    } else if r.saturating_mul(k).saturating_mul(c) <= loop_max(r, c, elem)
        || (c == 1 && r > 1 && k < GEMV_MIN_K)
        || (c > 1 && c < NARROW_C && (k < NARROW_MIN_K || r < NARROW_MIN_R))
    {
        Path::Loop
    } else if c > 1 && c < NARROW_C {
        Path::Narrow
    } else if r == 1 && c == 1 {
        Path::Dot
    } else if c == 1 {
        Path::Gemv
    } else if r == 1 {
        Path::Row1
    } else if r <= 4 {
        Path::Rows4
    } else {
        Path::Gemm
    }
}

/// `out = a @ b` for a row-major `R x K` `a`, `K x C` `b` and `R x C` `out`, along the path of
/// the shape (see the module docs), writing every element of `out`, which need not hold values
/// before: every path writes each element without reading it first, except the straight-line
/// `Small` product, which takes `out` zero-filled. (The SIMD paths took `out` zero-filled too,
/// until they wrote it uninitialized: the fill was 12% of `(16384, 16) @ (16, 64)` `f32`.)
///
/// The callers pass slices of tensors whose shapes the type checker matched, so the lengths
/// always agree; they are asserted.
#[inline]
pub(crate) fn matmul_sized<T, const R: usize, const K: usize, const C: usize>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
) where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    assert!(a.len() == R * K && b.len() == K * C && out.len() == R * C);
    match const { path(R, K, C, size_of::<T>()) } {
        Path::Zero => {
            out.fill(MaybeUninit::new(T::zero()));
        }
        Path::Outer => outer::<T, R, C>(a, b, out),
        Path::Loop => inlined_loop::<T, R, K, C>(a, b, out),
        Path::Small => {
            out.fill(MaybeUninit::new(T::zero()));
            // SAFETY: every element of `out` was just written.
            let out = unsafe { out.assume_init_mut() };
            if !small_matmul::<T, R>(a, b, out) {
                loop_over::<T, R, K, C>(a, b, out);
            }
        }
        Path::Dot => simd_or_loop::<T, R, K, C, DOT>(a, b, out),
        Path::Gemv => simd_or_loop::<T, R, K, C, GEMV>(a, b, out),
        Path::Narrow => simd_or_loop::<T, R, K, C, NARROW>(a, b, out),
        Path::Row1 => simd_or_loop::<T, R, K, C, ROW1>(a, b, out),
        Path::Rows4 => simd_or_loop::<T, R, K, C, ROWS4>(a, b, out),
        Path::Gemm => simd_or_loop::<T, R, K, C, GEMM>(a, b, out),
    }
}

/// `out = a @ b` for a row-major `m x K` `a` with a run-time `m` (the rows of a
/// `DynArray`), `K x C` `b` and `m x C` `out`: the path of `(m, K, C)` chosen at run time, the
/// same kernels as [`matmul_sized`] with the inner and output dimensions known to the
/// compiler (the loop path runs one row at a time with `K` and `C` static; `Small` is
/// `Loop`).
///
/// The callers pass slices of tensors whose shapes they checked; the lengths are asserted.
#[cfg(feature = "alloc")]
#[inline]
pub(crate) fn matmul_rows<T, const K: usize, const C: usize>(
    m: usize,
    a: &[T],
    b: &[T],
    out: &mut [T],
) where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    assert!(a.len() == m * K && b.len() == K * C && out.len() == m * C);
    let dims = (m, K, C);
    // SAFETY: every path below writes only initialized values.
    let out = unsafe { as_uninit_mut(out) };
    match path(m, K, C, size_of::<T>()) {
        Path::Zero => out.fill(MaybeUninit::new(T::zero())),
        Path::Outer => {
            for (a_row, out_row) in a.chunks_exact(K).zip(out.chunks_exact_mut(C)) {
                outer::<T, 1, C>(a_row, b, out_row);
            }
        }
        Path::Small | Path::Loop => rows_loop::<T, K, C>(a, b, out),
        simd => simd_path(simd, dims, a, b, out, rows_loop::<T, K, C>),
    }
}

/// The SIMD kernel of one of the SIMD paths (`Dot`, `Gemv`, `Narrow`, `Row1`, `Rows4`, `Gemm`)
/// for an `(r, k) @ (k, c)` product with run-time sizes, `fallback` for element types without
/// SIMD kernels.
#[cfg(feature = "alloc")]
#[inline(always)]
fn simd_path<T>(
    path: Path,
    dims: (usize, usize, usize),
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
    fallback: fn(&[T], &[T], &mut [MaybeUninit<T>]),
) where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    match path {
        Path::Dot => simd_or::<T, DOT>(dims, a, b, out, fallback),
        Path::Gemv => simd_or::<T, GEMV>(dims, a, b, out, fallback),
        Path::Narrow => simd_or::<T, NARROW>(dims, a, b, out, fallback),
        Path::Row1 => simd_or::<T, ROW1>(dims, a, b, out, fallback),
        Path::Rows4 => simd_or::<T, ROWS4>(dims, a, b, out, fallback),
        _ => simd_or::<T, GEMM>(dims, a, b, out, fallback),
    }
}

/// The inlined loop one row at a time, for a run-time number of rows (`K, C > 0`). Not in
/// blocks of rows as [`inlined_loop`] sums some static shapes: four rows per call ran
/// `(n, 16) @ (16, 16)` `f32` at half the speed of one (native build, `benches/dynamic.rs`).
#[cfg(feature = "alloc")]
#[inline(always)]
fn rows_loop<T, const K: usize, const C: usize>(a: &[T], b: &[T], out: &mut [MaybeUninit<T>])
where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    for (a_row, out_row) in a.chunks_exact(K).zip(out.chunks_exact_mut(C)) {
        inlined_loop::<T, 1, K, C>(a_row, b, out_row);
    }
}

/// `out = a^T @ b` for row-major `m x K` `a` and `m x C` `b` with a run-time `m` (the rows of
/// two `DynArray`s) and a `K x C` `out`: the product `(K, m) @ (m, C)` along the path of
/// `(K, m, C)`, chosen at run time. The paths of the inlined loop (and `Outer`, `Small`) sum
/// outer products of the rows in place, `out[p][j] += a[i][p] * b[i][j]` for `i = 0, 1, ..,
/// m - 1` from zero, reading `a` as stored; each output element is summed in the naive
/// triple loop's order. The SIMD paths copy `a`'s transpose to the heap (`m * K` elements,
/// against the product's `m * K * C` multiply-adds; a one-column `a` is read as stored) and
/// run the kernels of [`matmul_rows`] on it, with their rounding (see the module docs).
///
/// The callers pass slices of tensors whose shapes they checked; the lengths are asserted.
#[cfg(feature = "alloc")]
pub(crate) fn t_matmul_rows<T, const K: usize, const C: usize>(
    m: usize,
    a: &[T],
    b: &[T],
    out: &mut [T],
) where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    assert!(a.len() == m * K && b.len() == m * C && out.len() == K * C);
    let dims = (K, m, C);
    let path = path(K, m, C, size_of::<T>());
    out.fill(T::zero());
    if path == Path::Zero {
        return;
    }
    if let Path::Small | Path::Outer | Path::Loop = path {
        for (a_row, b_row) in a.chunks_exact(K).zip(b.chunks_exact(C)) {
            for (&a_ip, out_row) in a_row.iter().zip(out.chunks_exact_mut(C)) {
                for (o, &b_ij) in out_row.iter_mut().zip(b_row) {
                    *o = *o + a_ip * b_ij;
                }
            }
        }
        return;
    }
    // SAFETY: the kernels write only initialized values.
    let out = unsafe { as_uninit_mut(out) };
    if K == 1 {
        // A one-column `a`'s transpose holds its elements in the same order.
        simd_path(path, dims, a, b, out, inner_loop::<T, C>);
        return;
    }
    let mut a_t = alloc::vec::Vec::with_capacity(K * m);
    for p in 0..K {
        a_t.extend(a.iter().skip(p).step_by(K).copied());
    }
    simd_path(path, dims, &a_t, b, out, inner_loop::<T, C>);
}

/// The product with a run-time inner dimension `k = b.len() / C` (`k, C > 0`), each element
/// summed from zero in the order `p = 0, 1, .., k - 1` (the naive loop's): the fallback of
/// [`t_matmul_rows`] on the SIMD paths for element types without SIMD kernels.
#[cfg(feature = "alloc")]
fn inner_loop<T, const C: usize>(a: &[T], b: &[T], out: &mut [MaybeUninit<T>])
where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    let k = b.len() / C;
    for (a_row, out_row) in a.chunks_exact(k).zip(out.chunks_exact_mut(C)) {
        for (j, o) in out_row.iter_mut().enumerate() {
            let column = b.iter().skip(j).step_by(C);
            o.write(
                a_row
                    .iter()
                    .zip(column)
                    .fold(T::zero(), |s, (&x, &y)| s + x * y),
            );
        }
    }
}

/// The path constant of the instruction set's own blocked product (not a `product` path).
const GEMM: u8 = 0;

/// The SIMD kernel of path `P` for `f32` and `f64`, the inlined loop for other types.
#[inline(always)]
fn simd_or_loop<T, const R: usize, const K: usize, const C: usize, const P: u8>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
) where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    simd_or::<T, P>((R, K, C), a, b, out, inlined_loop::<T, R, K, C>);
}

/// The SIMD kernel of path `P` for an `(r, k) @ (k, c)` product of `f32` or `f64`,
/// `fallback` for other element types.
#[inline(always)]
fn simd_or<T, const P: u8>(
    (r, k, c): (usize, usize, usize),
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
    fallback: fn(&[T], &[T], &mut [MaybeUninit<T>]),
) where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    if let (Some(a), Some(b)) = (cast_slice::<T, f32>(a), cast_slice::<T, f32>(b))
        && let Some(out) = cast_slice_mut::<_, MaybeUninit<f32>>(out)
    {
        return if P == GEMM {
            par::product((r, k, c), a, b, out, entry::gemm_mr, entry::gemm_f32)
        } else {
            entry::product_f32::<P>(r, k, c, a, b, out)
        };
    }
    if let (Some(a), Some(b)) = (cast_slice::<T, f64>(a), cast_slice::<T, f64>(b))
        && let Some(out) = cast_slice_mut::<_, MaybeUninit<f64>>(out)
    {
        return if P == GEMM {
            par::product((r, k, c), a, b, out, entry::gemm_mr, entry::gemm_f64)
        } else {
            entry::product_f64::<P>(r, k, c, a, b, out)
        };
    }
    fallback(a, b, out);
}

/// `out[i][j] = 0 + a[i] * b[j]`: the `(R, 1) @ (1, C)` product (summed from zero as every
/// path, so a `-0.0` product gives `+0.0`), every element written once, each row ended by
/// [`end_of_row`] (so that it vectorizes along the rows).
#[inline(always)]
#[allow(clippy::needless_range_loop)] // indices over three arrays, as the loop is written
fn outer<T, const R: usize, const C: usize>(a: &[T], b: &[T], out: &mut [MaybeUninit<T>])
where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    let (a, b, out) = (
        as_matrix::<T, R, 1>(a),
        as_matrix::<T, 1, C>(b),
        as_matrix_mut::<MaybeUninit<T>, R, C>(out),
    );
    for i in 0..R {
        for j in 0..C {
            out[i][j].write(T::zero() + a[i][0] * b[0][j]);
        }
        end_of_row::<T>(C);
    }
}

/// The bytes of output [`inlined_loop`] sums at once: about half the vector registers the
/// compiler uses for the build's target (16 `xmm` with SSE2, 16 `ymm` with AVX2; 32 `ymm` with
/// AVX-512, where LLVM's tuning keeps loops to 256-bit vectors), so that the partial sums stay
/// in registers beside `b`'s row and the broadcasts of `a`.
const LOOP_ACC_BYTES: usize = if cfg!(target_feature = "avx512f") {
    512
} else if cfg!(target_feature = "avx2") {
    256
} else {
    128
};

/// How many output rows of `C` elements of `T` [`inlined_loop`] sums at once, for an inner
/// dimension `k`: up to 4 rows within [`LOOP_ACC_BYTES`] when a row is 1 to 8 whole 32-byte
/// vectors and `k >= 16`, one row otherwise. One row's `k` additions per vector are a chain
/// that waits on itself; a row of few vectors has too few chains to keep the adders busy, and
/// the out-of-order core overlaps the next row's chains only when a row's code is short.
/// Measured (`tests/perf_guard_matmul.rs`, native build, Intel AVX-512): `(16, 16) @ (16, 16)`
/// 1.2x (`f32`) and 1.7x (`f64`) the single-row loop; with shorter rows, odd widths or `k < 16`
/// blocks ran at 0.43x-0.83x of it (`(31, 7) @ (7, 1)`, `(31, 64) @ (64, 10)`, `(10, 10) @
/// (10, 10)`, `(1000, 8) @ (8, 3)`), so those keep one row.
const fn loop_rows<T>(k: usize, c: usize) -> usize {
    let row = c * core::mem::size_of::<T>();
    if k < 16 || row == 0 || !row.is_multiple_of(32) || row > 256 {
        return 1;
    }
    let rows = LOOP_ACC_BYTES / row;
    if rows > 4 {
        4
    } else if rows < 1 {
        1
    } else {
        rows
    }
}

/// The i-k-j loop over contiguous rows of `b` and the output (see the module docs), on the
/// operands as arrays: the dimensions are known to the compiler, as in a user's own loop.
/// Each output row is summed from zero, [`loop_rows`] rows at a time: each element is summed
/// `p = 0, 1, .., K - 1` as in the naive loop, and the rows of a block are independent chains
/// of additions that the CPU overlaps.
#[inline(always)]
#[allow(clippy::needless_range_loop)] // the user's loop, written as users write it
fn inlined_loop<T, const R: usize, const K: usize, const C: usize>(
    a: &[T],
    b: &[T],
    out: &mut [MaybeUninit<T>],
) where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    let (a, b, out) = (
        as_matrix::<T, R, K>(a),
        as_matrix::<T, K, C>(b),
        as_matrix_mut::<MaybeUninit<T>, R, C>(out),
    );
    let first = match const { loop_rows::<T>(K, C) } {
        4 => row_blocks::<T, K, C, 4>(a, b, out),
        3 => row_blocks::<T, K, C, 3>(a, b, out),
        2 => row_blocks::<T, K, C, 2>(a, b, out),
        _ => 0,
    };
    for (out_row, a_row) in out[first..].iter_mut().zip(&a[first..]) {
        // Zeroed row by row, not the whole output first: a row read back right after a
        // wider store of zeros that it straddles stalls (store forwarding fails).
        *out_row = [MaybeUninit::new(T::zero()); C];
        // SAFETY: every element of the row was just written, and `[MaybeUninit<T>; C]` has the
        // layout of `[T; C]`.
        let row = unsafe { &mut *core::ptr::from_mut(out_row).cast::<[T; C]>() };
        for p in 0..K {
            for j in 0..C {
                row[j] = row[j] + a_row[p] * b[p][j];
            }
        }
    }
}

/// The rows of [`inlined_loop`] in blocks of `N`, as many whole blocks as `out` holds, each
/// block zeroed and summed in place (summed in a local array and copied out, 32 x 32 `f32`
/// ran 1.3 us against 0.92 us); returns the number of rows written.
#[inline(always)]
#[allow(clippy::needless_range_loop)] // the user's loop, written as users write it
fn row_blocks<T, const K: usize, const C: usize, const N: usize>(
    a: &[[T; K]],
    b: &[[T; C]; K],
    out: &mut [[MaybeUninit<T>; C]],
) -> usize
where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    let (blocks, _) = out.as_chunks_mut::<N>();
    for (out_rows, a_rows) in blocks.iter_mut().zip(a.chunks_exact(N)) {
        *out_rows = [[MaybeUninit::new(T::zero()); C]; N];
        // SAFETY: every element of the rows was just written, and `[[MaybeUninit<T>; C]; N]`
        // has the layout of `[[T; C]; N]`.
        let rows = unsafe { &mut *core::ptr::from_mut(out_rows).cast::<[[T; C]; N]>() };
        for p in 0..K {
            let x: [T; N] = core::array::from_fn(|r| a_rows[r][p]);
            for j in 0..C {
                for r in 0..N {
                    rows[r][j] = rows[r][j] + x[r] * b[p][j];
                }
            }
        }
    }
    blocks.len() * N
}

/// [`inlined_loop`] into storage that holds values: the fallback of the SIMD paths.
#[inline(always)]
fn loop_over<T, const R: usize, const K: usize, const C: usize>(a: &[T], b: &[T], out: &mut [T])
where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    // SAFETY: `inlined_loop` writes only initialized values.
    inlined_loop::<T, R, K, C>(a, b, unsafe { as_uninit_mut(out) });
}

/// A row-major slice of `R * C` elements as the array it came from.
///
/// # Panics
///
/// If the length is not `R * C`.
#[inline(always)]
fn as_matrix<T, const R: usize, const C: usize>(s: &[T]) -> &[[T; C]; R] {
    assert_eq!(s.len(), R * C);
    // SAFETY: `[[T; C]; R]` is `R * C` contiguous `T`s with `T`'s alignment (arrays have no
    // padding), and `s` holds exactly that many (asserted); the borrow is carried over.
    unsafe { &*s.as_ptr().cast::<[[T; C]; R]>() }
}

/// [`as_matrix`] for a mutable slice.
#[inline(always)]
fn as_matrix_mut<T, const R: usize, const C: usize>(s: &mut [T]) -> &mut [[T; C]; R] {
    assert_eq!(s.len(), R * C);
    // SAFETY: as in `as_matrix`; the unique borrow is moved into the result.
    unsafe { &mut *s.as_mut_ptr().cast::<[[T; C]; R]>() }
}

/// The i-k-j loop with run-time dimensions: the reference of the unit tests.
#[cfg(test)]
pub(crate) fn portable<T>(a: &[T], b: &[T], out: &mut [T], k: usize, n: usize)
where
    T: Copy + Zero + core::ops::Mul<Output = T>,
{
    out.fill(T::zero());
    if k == 0 || n == 0 {
        return;
    }
    for (a_row, out_row) in a.chunks_exact(k).zip(out.chunks_exact_mut(n)) {
        for (&a_ip, b_row) in a_row.iter().zip(b.chunks_exact(n)) {
            for (o, &b_pj) in out_row.iter_mut().zip(b_row) {
                *o = *o + a_ip * b_pj;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::matmul_sized;

    #[test]
    fn matches_the_naive_triple_loop() {
        let (m, k, n) = (3, 4, 5);
        let a: [i64; 12] = core::array::from_fn(|x| x as i64 - 5);
        let b: [i64; 20] = core::array::from_fn(|x| (x as i64 * 7) % 11 - 3);
        let mut out = [99; 15];
        matmul_sized::<i64, 3, 4, 5>(&a, &b, super::super::out_of(&mut out));
        for i in 0..m {
            for j in 0..n {
                let want: i64 = (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum();
                assert_eq!(out[i * n + j], want, "({i}, {j})");
            }
        }
    }

    /// The inlined loop at shapes whose rows are not a whole number of its row blocks, at
    /// widths that give one to four rows per block and at those it sums one row at a time:
    /// bit for bit the naive loop, whose order it keeps.
    #[test]
    fn loop_path_is_the_naive_loop_bit_for_bit() {
        fn case<const R: usize, const K: usize, const C: usize>() {
            assert_eq!(
                super::path(R, K, C, 4),
                super::Path::Loop,
                "({R}, {K}, {C})"
            );
            let mut s = (R * 1000 + K * 10 + C) as u32 | 1;
            let mut next = || {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                (s >> 8) as f32 / (1 << 23) as f32 - 1.0
            };
            let (mut a, mut b) = ([0.0f32; 640], [0.0f32; 640]);
            a[..R * K].fill_with(&mut next);
            b[..K * C].fill_with(&mut next);
            let (a, b) = (&a[..R * K], &b[..K * C]);
            let (mut got, mut want) = ([f32::NAN; 160], [0.0f32; 160]);
            let (got, want) = (&mut got[..R * C], &mut want[..R * C]);
            matmul_sized::<f32, R, K, C>(a, b, super::super::out_of(got));
            super::portable(a, b, want, K, C);
            for (g, w) in got.iter().zip(want.iter()) {
                assert_eq!(g.to_bits(), w.to_bits(), "({R}, {K}, {C}): {g} against {w}");
            }
        }
        case::<3, 4, 5>();
        case::<5, 3, 7>();
        case::<7, 31, 2>();
        case::<9, 10, 16>();
        case::<13, 7, 1>();
        case::<6, 2, 3>();
        case::<11, 5, 12>();
        case::<7, 3, 10>();
        case::<7, 20, 8>();
        case::<6, 16, 16>();
        case::<9, 31, 16>();
        case::<3, 40, 16>();
    }

    /// The measured shapes of `avx512_kernels_win`'s docs fall on the side they were
    /// measured on.
    #[test]
    fn avx512_kernels_take_the_shapes_they_won() {
        // (rows, columns, element bytes, whether the kernels won).
        for (r, c, e, won) in [
            (16, 64, 4, true),
            (16, 64, 8, true),
            (8, 64, 4, true),
            (32, 32, 4, true),
            (31, 31, 4, true),
            (31, 31, 8, true),
            (16, 56, 4, true),
            (24, 24, 8, true),
            (31, 10, 4, true),
            (8, 12, 4, true),
            (64, 8, 8, true),
            (24, 24, 4, false),
            (16, 40, 4, false),
            (16, 20, 4, false),
            (12, 24, 4, false),
            (5, 50, 4, false),
            (5, 50, 8, false),
            (2, 100, 4, false),
            (64, 8, 4, false),
            (64, 1, 4, false),
        ] {
            assert_eq!(
                super::avx512_tiles_full(r, c, e),
                won,
                "({r}, {c}), {e} bytes"
            );
        }
    }

    #[test]
    fn empty_inner_dimension_gives_zeros() {
        let mut out = [7.0f64; 6];
        matmul_sized::<f64, 2, 0, 3>(&[], &[], super::super::out_of(&mut out));
        assert_eq!(out, [0.0; 6]);
    }

    #[test]
    fn nan_and_inf_propagate() {
        let mut out = [0.0f64; 1];
        matmul_sized::<f64, 1, 2, 1>(
            &[0.0, 1.0],
            &[f64::INFINITY, 2.0],
            super::super::out_of(&mut out),
        );
        assert!(out[0].is_nan(), "0 * inf must be NaN, got {}", out[0]);
    }
}
