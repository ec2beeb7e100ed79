//! The product with a narrow output, `(M, K) @ (K, N)` with `1 < N <= 16`: the dense output
//! layer of a classifier (`(32, 784) @ (784, 10)`), narrow regressions. (Outputs of 2 or 3
//! columns fill few lanes of a row tile: `super::entry` sends them to `super::dot::columns`
//! when `K` is long enough.)
//!
//! Tiles of `RA` rows of the output by `NV` vectors are kept in registers while `p` runs over
//! the whole of `K`: for each `p`, `NV` vectors of row `p` of `b` are loaded (read in place:
//! nothing is packed or copied) and multiplied with `a[i][p]`, broadcast, for each of the `RA`
//! rows. The `RA * NV` chains of fused multiply-adds are independent, so the loop runs at the
//! multiply-add throughput, where the plain loop waits on one chain per row.
//!
//! The vectors of a row start at `0, LANES, 2 * LANES, ..` and the last one ends at column
//! `N - 1` (it overlaps the one before it when `LANES` does not divide `N`; the overlapping
//! lanes compute the same sums, in the same order, so they agree bit for bit). An output
//! narrower than one vector reads a vector from row `p` into the rows after it; its last rows
//! come from a zero-padded copy, so no read leaves `b`. Rows past the last one repeat it and
//! their results are dropped.
//!
//! Each output element is summed from zero in the order `p = 0, 1, .., K - 1`, as the plain
//! loop does (with `mul_add`, fused where the instruction set has FMA). No term is skipped:
//! `0 * inf` is NaN.

use core::mem::MaybeUninit;

use super::empty_product;
use super::simd::{MAX_LANES, Vector};

/// The widest output of [`narrow`].
pub(crate) const NARROW_MAX_N: usize = 16;

/// `c = a @ b` for a row-major `m x k` `a`, `k x n` `b` and `m x n` `c`, `n <= NARROW_MAX_N`,
/// every element of `c` written (it need not hold values before).
///
/// # Panics
///
/// If a length does not match the dimensions, or `n` is 0 or above [`NARROW_MAX_N`].
#[inline(always)]
pub(crate) fn narrow<V: Vector>(
    simd: V::Simd,
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    assert!(a.len() == m * k && b.len() == k * n && c.len() == m * n);
    assert!(n > 0 && n <= NARROW_MAX_N);
    if empty_product(k, c) {
        return;
    }
    // The vectors of a row, and the groups of at most 4 of them run as one tile.
    let nv = n.div_ceil(V::LANES);
    let mut g = 0;
    while g < nv {
        match nv - g {
            1 => group::<V, 8, 1>(simd, m, k, n, g, a, b, c),
            2 => group::<V, 6, 2>(simd, m, k, n, g, a, b, c),
            3 => group::<V, 4, 3>(simd, m, k, n, g, a, b, c),
            _ => group::<V, 3, 4>(simd, m, k, n, g, a, b, c),
        }
        g += 4;
    }
}

/// [`narrow`] for `V::LANES < n <= V::LANES + H::LANES`, where `H` is a narrower vector of
/// the same arithmetic (`half` its token, see `Simd::Half`): the first `V::LANES` columns on
/// `V`, the last `H::LANES` on `H` (overlapping the first vector where the two do not fill the
/// row: the shared columns get the same sums, in the same order, so they agree bit for bit).
/// On Zen 4 a 512-bit multiply-add costs two 256-bit ones: `(32, 784) @ (784, 10)` `f64` is
/// then 3 units of work per row and `p` instead of 4 for two overlapping 8-lane vectors.
///
/// # Panics
///
/// As [`narrow`], and if `n` is outside that range.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn narrow_split<V: Vector, H: Vector<Elem = V::Elem>>(
    simd: V::Simd,
    half: H::Simd,
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    assert!(a.len() == m * k && b.len() == k * n && c.len() == m * n);
    assert!(V::LANES < n && n <= V::LANES + H::LANES && n <= NARROW_MAX_N);
    if empty_product(k, c) {
        return;
    }
    // Tiles of `RA` rows by one vector of each kind: `2 * RA` accumulators (32 registers with
    // AVX-512, the one instruction set with a narrower half).
    const RA: usize = 8;
    let hstart = n - H::LANES;
    let mut i = 0;
    while i < m {
        let rows: [&[V::Elem]; RA] = core::array::from_fn(|r| {
            let row = (i + r).min(m - 1);
            &a[row * k..row * k + k]
        });
        let mut wide = [V::zero(simd); RA];
        let mut narrow = [H::zero(half); RA];
        for p in 0..k {
            let brow = &b[p * n..p * n + n];
            let bw = V::load(simd, brow);
            let bh = H::load(half, &brow[hstart..]);
            for r in 0..RA {
                let x = rows[r][p];
                wide[r] = V::mul_add(V::splat(simd, x), bw, wide[r]);
                narrow[r] = H::mul_add(H::splat(half, x), bh, narrow[r]);
            }
        }
        let mut buf = [V::Elem::default(); MAX_LANES];
        for r in 0..RA.min(m - i) {
            let out = &mut c[(i + r) * n..(i + r + 1) * n];
            wide[r].store(&mut buf);
            out[..V::LANES].write_copy_of_slice(&buf[..V::LANES]);
            narrow[r].store(&mut buf);
            out[hstart..].write_copy_of_slice(&buf[..H::LANES]);
        }
        i += RA;
    }
}

/// The columns of vectors `g .. g + NV` of every row (see the module docs), in tiles of `RA`
/// rows.
#[inline(always)]
#[allow(clippy::needless_range_loop, clippy::too_many_arguments)] // tiles index rows, vectors and accumulators alike
fn group<V: Vector, const RA: usize, const NV: usize>(
    simd: V::Simd,
    m: usize,
    k: usize,
    n: usize,
    g: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    let lanes = V::LANES;
    let start = vector_starts::<NV>(g, lanes, n);
    // Rows of `b` from which a vector read stays inside `b`; the rest read a padded copy.
    let safe = if n >= lanes {
        k
    } else {
        k.saturating_sub((lanes - n).div_ceil(n))
    };
    let mut pad = [V::Elem::default(); MAX_LANES * (MAX_LANES + 1)];
    let tail = &b[safe * n..];
    pad[..tail.len()].copy_from_slice(tail);
    let mut i = 0;
    while i < m {
        let rows: [&[V::Elem]; RA] = core::array::from_fn(|r| {
            let row = (i + r).min(m - 1);
            &a[row * k..row * k + k]
        });
        let mut acc = [[V::zero(simd); NV]; RA];
        // SAFETY: rows `p < safe` of `b` hold `start[v] + LANES <= n` elements past `p * n`
        // when `n >= LANES`, and otherwise `p * n + LANES <= k * n` by the choice of `safe`.
        unsafe { run::<V, RA, NV>(&rows, 0, safe, b.as_ptr(), 0, n, &start, &mut acc) };
        // SAFETY: the padded copy holds rows `safe..k` of `b` and at least `LANES` more
        // elements (`pad` has `MAX_LANES * (MAX_LANES + 1)`; `(k - safe) * n < LANES + n`).
        unsafe { run::<V, RA, NV>(&rows, safe, k, pad.as_ptr(), safe, n, &start, &mut acc) };
        let mut buf = [V::Elem::default(); MAX_LANES];
        let w = lanes.min(n);
        for r in 0..RA.min(m - i) {
            let out = &mut c[(i + r) * n..(i + r + 1) * n];
            for v in 0..NV {
                acc[r][v].store(&mut buf);
                out[start[v]..start[v] + w].write_copy_of_slice(&buf[..w]);
            }
        }
        i += RA;
    }
}

/// The first column of each of the vectors `g .. g + NV` of an `n`-column row: `lanes` apart,
/// the last ending at column `n - 1` (or starting at 0 when `n < lanes`).
#[inline(always)]
pub(super) fn vector_starts<const NV: usize>(g: usize, lanes: usize, n: usize) -> [usize; NV] {
    core::array::from_fn(|v| ((g + v) * lanes).min(n.saturating_sub(lanes)))
}

/// `acc[r][v] += a[r][p] * b[p][start[v]..]` for `p` in `p0..p1`, where row `p` of `b` starts
/// at `b0 + (p - base) * n`.
///
/// # Safety
///
/// Each vector read `b0 + (p - base) * n + start[v]` is valid for `LANES` elements. (The rows
/// of `a` are slices: indexing is checked. The vectors of `acc` prove `V`'s instruction set.)
#[inline(always)]
#[allow(clippy::too_many_arguments, clippy::needless_range_loop)]
pub(super) unsafe fn run<V: Vector, const RA: usize, const NV: usize>(
    rows: &[&[V::Elem]; RA],
    p0: usize,
    p1: usize,
    b0: *const V::Elem,
    base: usize,
    n: usize,
    start: &[usize; NV],
    acc: &mut [[V; NV]; RA],
) {
    let simd = acc[0][0].simd();
    // The vectors but the last are consecutive (see `vector_starts`): written as offsets from
    // the first, their addresses are one register plus constant displacements. With `NV`
    // independent offsets, LLVM kept them on the stack and reloaded them every step (eight
    // vectors: 20 loads from the stack per row of `b`, `(1, 784) @ (784, 128)` `f64` at 0.8x
    // the plain loop in an AVX-512 build).
    let first = start[0];
    assert!((0..NV - 1).all(|v| start[v] == first + v * V::LANES));
    // The rows as pointers, their lengths checked once: indexed, each step compared `p` with
    // every row's length, which did not fit in the registers beside the row pointers (an
    // 8-row tile reloaded pointers and lengths from the stack each step).
    assert!(rows.iter().all(|row| row.len() >= p1));
    let rows: [*const V::Elem; RA] = core::array::from_fn(|r| rows[r].as_ptr());
    let mut p = p0;
    while p < p1 {
        // SAFETY: the caller's contract.
        let brow = unsafe { b0.add((p - base) * n) };
        let mut bv = [V::zero(simd); NV];
        for v in 0..NV {
            let at = if v + 1 < NV {
                first + v * V::LANES
            } else {
                start[v]
            };
            // SAFETY: the caller's contract (`at` is `start[v]`, asserted above).
            bv[v] = unsafe { V::load_ptr(simd, brow.add(at)) };
        }
        for r in 0..RA {
            // SAFETY: `p < p1 <= ` the row's length (asserted above).
            let x = V::splat(simd, unsafe { *rows[r].add(p) });
            for v in 0..NV {
                acc[r][v] = V::mul_add(x, bv[v], acc[r][v]);
            }
        }
        p += 1;
    }
}
