//! The vector-matrix product, `(1, K) @ (K, N)`: one sample through a dense layer
//! (`(1, 784) @ (784, 128)`), a row vector times a matrix.
//!
//! Each element of `b` is used once, so the product runs at the speed `b` streams in. The
//! output is cut into strips of up to eight vectors. For each block of [`ROWS`] rows of `b`,
//! each strip's accumulators are loaded (zeros for the first block), take the block's rows
//! through the narrow kernel's inner loop (`super::narrow::run` with one row of `a`: each step
//! loads the strip's vectors of row `p` of `b`, read in place, and adds `a[p]` times them) and
//! are stored back. Eight independent chains of fused multiply-adds keep the
//! FMA units busy, where the plain loop loads and stores its output row once per `p`; the
//! blocked product this replaces streamed `b` in blocks of 256 rows and four-vector columns.
//!
//! The vectors of the output start at `0, LANES, 2 * LANES, ..` and the last one ends at
//! column `N - 1` (overlapping the one before it when `LANES` does not divide `N`: the
//! overlapping lanes compute the same sums in the same order, so they agree bit for bit).
//! Outputs narrower than a vector go to the narrow kernel (the matrix product never sends
//! them here).
//!
//! Each output element is summed from zero in the order `p = 0, 1, .., K - 1`, as the plain
//! loop does (with `mul_add`, fused where the instruction set has FMA). No term is skipped:
//! `0 * inf` is NaN.

use core::mem::MaybeUninit;

use super::empty_product;
use super::narrow::{narrow, run, vector_starts};
use super::simd::Vector;

/// The most vectors of a strip: eight chains cover the latency of a fused multiply-add at
/// two per cycle.
const STRIP: usize = 8;
/// The vectors of a strip with 32 registers (AVX-512, NEON), taken while at least that many
/// are left: a row of 128 `f64` (16 AVX-512 vectors) in one strip reads each row of `b` once
/// in a pass, as the plain loop does, where two strips of eight read each block of rows twice
/// (`(1, 784) @ (784, 128)` `f64`, AVX-512: 0.8x the plain loop with strips of eight).
const WIDE_STRIP: usize = 16;

/// The rows of `b` taken by a strip before the next strip: every strip crosses the same few
/// rows, so `b` streams in row order (a strip over all of `K` at once read it in columns,
/// which the prefetchers follow worse once `b` leaves L2), and the output goes through memory
/// once per this many rows. Measured on Zen 3 at `(1, 784) @ (784, 128)` and `(1, 64) @ (64,
/// 1000)` against 4, 8, 16 and all of `K` (BENCHMARKS.md); the differences are a few percent.
const ROWS: usize = 32;

/// `c = a @ b` for a `k`-element `a`, a row-major `k x n` `b` and an `n`-element `c`, every
/// element of `c` written (it need not hold values before: the first block of rows writes
/// every vector of it, and the later blocks read what it wrote).
///
/// # Panics
///
/// If a length does not match the dimensions.
#[inline(always)]
pub(crate) fn vecmat<V: Vector>(
    simd: V::Simd,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    assert!(a.len() == k && b.len() == k * n && c.len() == n);
    if n < V::LANES {
        return narrow::<V>(simd, 1, k, n, a, b, c);
    }
    if empty_product(k, c) {
        return;
    }
    let nv = n.div_ceil(V::LANES);
    // An output that one strip holds takes all of `K` in one pass: blocks of rows serve
    // strips that share rows, and here each block boundary stored the accumulators and loaded
    // them back at once, a store-to-load stall per vector (`(1, 784) @ (784, 128)`, AVX-512).
    let rows = if strip_width::<V>(nv) == nv { k } else { ROWS };
    for p0 in (0..k).step_by(rows) {
        let p1 = (p0 + rows).min(k);
        let mut g = 0;
        while g < nv {
            g += match strip_width::<V>(nv - g) {
                1 => strip::<V, 1>(simd, p0, p1, n, g, a, b, c),
                2 => strip::<V, 2>(simd, p0, p1, n, g, a, b, c),
                3 => strip::<V, 3>(simd, p0, p1, n, g, a, b, c),
                4 => strip::<V, 4>(simd, p0, p1, n, g, a, b, c),
                5 => strip::<V, 5>(simd, p0, p1, n, g, a, b, c),
                6 => strip::<V, 6>(simd, p0, p1, n, g, a, b, c),
                7 => strip::<V, 7>(simd, p0, p1, n, g, a, b, c),
                STRIP => strip::<V, STRIP>(simd, p0, p1, n, g, a, b, c),
                _ => strip::<V, WIDE_STRIP>(simd, p0, p1, n, g, a, b, c),
            };
        }
    }
}

/// The vectors of the next strip when `left` output vectors are left: [`WIDE_STRIP`] with 32
/// registers while at least that many are left, else up to [`STRIP`]. The last two vectors
/// (which overlap) go in one strip, which loads both before storing either: a strip of its
/// own would load the overlapping lanes after the strip before it had stored them, adding
/// this block's rows twice; so a strip never leaves exactly one vector behind.
#[inline(always)]
fn strip_width<V: Vector>(left: usize) -> usize {
    if V::REGISTERS >= 32 && left >= WIDE_STRIP && left != WIDE_STRIP + 1 {
        WIDE_STRIP
    } else if left == STRIP + 1 {
        STRIP - 1
    } else {
        left.min(STRIP)
    }
}

/// The output vectors `g .. g + NV` (see the module docs) over rows `p0..p1` of `b`, starting
/// from zero when `p0 = 0` and from `c` after; returns `NV`. Needs `n >= LANES`.
#[inline(always)]
#[allow(clippy::needless_range_loop, clippy::too_many_arguments)] // starts and accumulators alike
fn strip<V: Vector, const NV: usize>(
    simd: V::Simd,
    p0: usize,
    p1: usize,
    n: usize,
    g: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) -> usize {
    let lanes = V::LANES;
    assert!(n >= lanes && p1 <= a.len() && b.len() == a.len() * n);
    let start = vector_starts::<NV>(g, lanes, n);
    let mut acc: [[V; NV]; 1] = [core::array::from_fn(|v| {
        if p0 == 0 {
            V::zero(simd)
        } else {
            // SAFETY: the block of rows from 0 stored every vector of `c` (see `vecmat`).
            V::load(simd, unsafe { c[start[v]..].assume_init_ref() })
        }
    })];
    // SAFETY: every read is `p * n + start[v]` for `p < p1 <= k` and `start[v] + LANES <= n`,
    // so it ends at or before `p * n + n <= k * n`, the length of `b` (asserted).
    unsafe { run::<V, 1, NV>(&[a], p0, p1, b.as_ptr(), 0, n, &start, &mut acc) };
    let [acc] = acc;
    for v in 0..NV {
        acc[v].store_uninit(&mut c[start[v]..]);
    }
    NV
}
