//! The blocked matrix product over SIMD vectors, generic over the vector type and the tile.
//!
//! `c = a @ b` for row-major operands. Loops, outermost first (after BLIS / matrixmultiply,
//! adapted to row-major operands and to no heap):
//! - `k` in blocks of [`KC`] (the packed panel of `a` stays in L1);
//! - `n` in blocks of [`NC`] columns (the `KC x NC` block of `b` stays in L2);
//! - `m` in panels of `MR` rows: a full panel is read in place (its rows are contiguous in
//!   `k`); a partial one, or rows longer than [`PACK_MIN_K`], is packed `k`-major into a stack
//!   buffer (zero-padded to `MR` rows). The last `m % MR` rows of a taller product run as a
//!   product of their own after the full panels, on four-row tiles when they are four or
//!   fewer (see [`gemm`]);
//! - `n` in tiles of `NV * LANES` columns: the generated micro-kernel keeps the `MR x NV` tile
//!   of `c` in registers for the whole `k` block (`b` is read in place: its rows are
//!   contiguous); then one-vector tiles; the last `< LANES` columns are copied, once per
//!   `k` and `n` block, into a zero-padded `kc x LANES` block and run through the one-vector
//!   micro-kernel too (their output through a small buffer), so narrow products such as
//!   `(32, 784) @ (784, 10)` stay vectorized and every column rounds alike.
//!
//! Each element of `c` is accumulated in the order `p = 0, 1, .., k - 1` (later `k` blocks
//! start from the stored partial sums), with the vector type's `mul_add` (fused with FMA).
//! No term is skipped: `0 * inf` is NaN, as IEEE and NumPy say.
//!
//! `c` need not hold values before: the first `k` block writes every element of it (its
//! tiles cover every row and column) without reading it, and only the later blocks read what
//! it wrote.

use core::mem::MaybeUninit;

use super::empty_product;
use super::generated::{micro_4x1, micro_4x2, micro_6x1, micro_6x2, micro_8x1, micro_8x2};
use super::simd::{MAX_LANES, Vector};

/// The depth of a `k` block.
// Halved on 16-bit targets, where no array may exceed 32 KiB (the `f64` tail block is
// `KC * MAX_LANES` elements).
pub(crate) const KC: usize = if usize::BITS < 32 { 128 } else { 256 };
/// The width of an `n` block.
pub(crate) const NC: usize = 512;
/// The most rows of a tile (the packing buffer holds `MR_MAX * KC` elements).
const MR_MAX: usize = 8;
/// The most vectors per tile row of an `MR_MAX`-row tile (the tile buffer holds
/// `MR_MAX * NV_MAX` vectors).
const NV_MAX: usize = 2;

/// A micro-kernel shape: `MR` rows by `NV` vectors.
pub(crate) trait Micro {
    /// Rows of the tile.
    const MR: usize;
    /// Vectors per row of the tile.
    const NV: usize;
    /// Runs the generated micro-kernel.
    ///
    /// # Safety
    ///
    /// That of the generated micro-kernels (see `generated`): the pointers are valid for
    /// the tile's reads and writes. (`simd` proves `V`'s instruction set.)
    #[allow(clippy::too_many_arguments)]
    unsafe fn run<V: Vector>(
        simd: V::Simd,
        k: usize,
        a: *const V::Elem,
        rsa: usize,
        csa: usize,
        b: *const V::Elem,
        ldb: usize,
        c: *mut V::Elem,
        ldc: usize,
        load_c: bool,
    );
}

macro_rules! tile {
    ($T:ident, $f:ident, $mr:literal x $nv:literal) => {
        #[doc = concat!("The ", stringify!($mr), " x ", stringify!($nv), " tile.")]
        // The wide tiles are for the wide vector sets of some targets only (see `generated`).
        #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
        pub(crate) struct $T;

        impl Micro for $T {
            const MR: usize = $mr;
            const NV: usize = $nv;

            #[inline(always)]
            unsafe fn run<V: Vector>(
                simd: V::Simd,
                k: usize,
                a: *const V::Elem,
                rsa: usize,
                csa: usize,
                b: *const V::Elem,
                ldb: usize,
                c: *mut V::Elem,
                ldc: usize,
                load_c: bool,
            ) {
                // SAFETY: forwarded: the caller upholds the micro-kernel's contract.
                unsafe { $f::<V>(simd, k, a, rsa, csa, b, ldb, c, ldc, load_c) }
            }
        }
    };
}

tile!(Tile8x2, micro_8x2, 8 x 2);
tile!(Tile8x1, micro_8x1, 8 x 1);
tile!(Tile6x2, micro_6x2, 6 x 2);
tile!(Tile6x1, micro_6x1, 6 x 1);
tile!(Tile4x2, micro_4x2, 4 x 2);
tile!(Tile4x1, micro_4x1, 4 x 1);

/// Where a tile goes: the `k` block's depth, the panel's rows and the tile's first column.
#[derive(Clone, Copy)]
struct At {
    kc: usize,
    ic: usize,
    rows: usize,
    j: usize,
    load_c: bool,
}

/// `c = a @ b`: `a` is `m x k`, `b` is `k x n`, `c` is `m x n`, all row-major, every element
/// of `c` written (see the module docs). `W` is the wide tile, `N` its one-vector variant (same
/// `MR`). `simd` is the token of `V`'s instruction set.
///
/// # Panics
///
/// If a length does not match the dimensions.
#[inline(always)]
pub(crate) fn gemm<V: Vector, W: Micro, N: Micro>(
    simd: V::Simd,
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    assert!(a.len() == m * k && b.len() == k * n && c.len() == m * n);
    assert!(W::MR == N::MR && W::MR <= MR_MAX && W::MR * W::NV <= MR_MAX * NV_MAX && N::NV == 1);
    if empty_product(k, c) {
        return;
    }
    // Full row panels read `a` in place: its rows are contiguous in `k`, and the `MR` rows
    // of a panel are `MR` streams the prefetchers follow. Measured on Zen 4 for 16..256, that
    // beats packing at every size (packing is `m * k` strided moves, 5-10% at 256). Rows far
    // apart (`k > PACK_MIN_K`, pages apart) and partial panels (zero-padded) are packed. The
    // packing buffer lives on the stack and is zeroed on each call, so small products get a
    // small one.
    let full_panels = m.is_multiple_of(W::MR);
    if k <= PACK_MIN_K && full_panels {
        blocked::<V, W, N, 0>(simd, m, k, n, a, b, c);
    } else if k <= PACK_MIN_K && m > W::MR && W::MR > 4 {
        // The full panels in place, and the last `m % MR` rows on their own: four of them
        // (the powers of two on a six-row tile) in place with four-row tiles, fewer padded
        // to four rather than to `MR`, more packed into one tile. Before, every panel was
        // packed because the last one was partial (measured on Zen 3, AVX2, `-C
        // target-cpu=native`: `f64` 64 x 64 16.1 -> 13.0 us, `f32` 9.2 -> 6.3 us).
        let top = m - m % W::MR;
        let (a_top, a_rest) = a.split_at(top * k);
        let (c_top, c_rest) = c.split_at_mut(top * n);
        blocked::<V, W, N, 0>(simd, top, k, n, a_top, b, c_top);
        last_rows::<V, W, N>(simd, m - top, k, n, a_rest, b, c_rest);
    } else {
        packed::<V, W, N>(simd, m, k, n, a, b, c);
    }
}

/// [`blocked`] with every panel packed, into the small packing buffer when `k` allows.
#[inline(always)]
fn packed<V: Vector, W: Micro, N: Micro>(
    simd: V::Simd,
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    if k <= SMALL_K {
        blocked::<V, W, N, { MR_MAX * SMALL_K }>(simd, m, k, n, a, b, c);
    } else {
        blocked::<V, W, N, { MR_MAX * KC }>(simd, m, k, n, a, b, c);
    }
}

/// [`gemm`] of the last `rows < W::MR` rows of a product (`k <= PACK_MIN_K`): four-row tiles
/// for up to four rows (in place for exactly four), the wide tile packed for more.
#[inline(always)]
fn last_rows<V: Vector, W: Micro, N: Micro>(
    simd: V::Simd,
    rows: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    debug_assert!(rows < W::MR && k <= PACK_MIN_K);
    if rows == 4 {
        blocked::<V, Tile4x2, Tile4x1, 0>(simd, rows, k, n, a, b, c);
    } else if rows < 4 {
        packed::<V, Tile4x2, Tile4x1>(simd, rows, k, n, a, b, c);
    } else {
        packed::<V, W, N>(simd, rows, k, n, a, b, c);
    }
}

/// The largest `k` that uses the small packing buffer.
const SMALL_K: usize = 64;
/// The longest rows of `a` read in place (longer ones are packed).
pub(crate) const PACK_MIN_K: usize = 1024;
/// The tile buffer of partial tiles (rows past `m`, columns past `n`).
const BUF: usize = MR_MAX * NV_MAX * MAX_LANES;
/// The zero-padded block of the last `< LANES` columns of `b`: `KC` rows of a vector.
const TAIL: usize = KC * MAX_LANES;

/// [`gemm`] with a packing buffer of `PACK` elements (`PACK >= MR * min(k, KC)`, or 0: read
/// `a` in place, which needs full panels).
#[inline(always)]
fn blocked<V: Vector, W: Micro, N: Micro, const PACK: usize>(
    simd: V::Simd,
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    let zero = V::Elem::default();
    let mr = W::MR;
    let packed = PACK > 0;
    let kc_max = if packed { (PACK / mr).min(KC) } else { KC };
    let (wide, narrow) = (W::NV * V::LANES, V::LANES);
    let mut pack = [zero; PACK];
    // Neither buffer is zeroed up front (a product of a few microseconds would pay for it):
    // each part is written before it is read (see `pack_b_tail` and `tile`).
    let mut buf = [const { MaybeUninit::uninit() }; BUF];
    let mut tail = [const { MaybeUninit::uninit() }; TAIL];
    for pc in (0..k).step_by(kc_max) {
        let kc = kc_max.min(k - pc);
        for jc in (0..n).step_by(NC) {
            let end = jc + NC.min(n - jc);
            let wide_end = jc + (end - jc) / wide * wide;
            let vec_end = wide_end + (end - wide_end) / narrow * narrow;
            let tail_b = (vec_end < end).then(|| {
                let s = pack_b_tail::<V>(&mut tail, b, n, pc, kc, vec_end..end);
                BBlock {
                    s,
                    ld: narrow,
                    cols: end - vec_end,
                }
            });
            for ic in (0..m).step_by(mr) {
                let rows = mr.min(m - ic);
                let panel = if packed {
                    pack_a(&mut pack[..kc * mr], a, k, ic, rows, pc, mr);
                    Panel::Packed(&pack[..kc * mr])
                } else {
                    Panel::InPlace(&a[ic * k + pc..], k)
                };
                let mut at = At {
                    kc,
                    ic,
                    rows,
                    j: jc,
                    load_c: pc > 0,
                };
                while at.j < wide_end {
                    let bb = BBlock {
                        s: &b[pc * n + at.j..],
                        ld: n,
                        cols: wide,
                    };
                    tile::<V, W>(simd, at, panel, bb, n, c, &mut buf);
                    at.j += wide;
                }
                while at.j < vec_end {
                    let bb = BBlock {
                        s: &b[pc * n + at.j..],
                        ld: n,
                        cols: narrow,
                    };
                    tile::<V, N>(simd, at, panel, bb, n, c, &mut buf);
                    at.j += narrow;
                }
                if let Some(bb) = tail_b {
                    tile::<V, N>(simd, at, panel, bb, n, c, &mut buf);
                }
            }
        }
    }
}

/// The `a` side of a row panel: packed (`k`-major, `MR` per step) or rows of `a` in place
/// (starting at the panel's first element, with row stride `k`).
#[derive(Clone, Copy)]
enum Panel<'a, E> {
    Packed(&'a [E]),
    InPlace(&'a [E], usize),
}

/// The `b` side of a tile: `s` starts at the tile's first column in the `k` block's first row,
/// rows `ld` apart; the first `cols` columns are the product's (the rest, of a zero-padded
/// tail block, are dropped).
#[derive(Clone, Copy)]
struct BBlock<'a, E> {
    s: &'a [E],
    ld: usize,
    cols: usize,
}

/// Packs rows `ic..ic + rows`, columns `pc..pc + kc` of `a` (row stride `k`) `k`-major into
/// `pack` (`pack[p * mr + i]`), zero-filling rows `rows..mr`.
#[inline(always)]
fn pack_a<E: Copy + Default>(
    pack: &mut [E],
    a: &[E],
    k: usize,
    ic: usize,
    rows: usize,
    pc: usize,
    mr: usize,
) {
    let kc = pack.len() / mr;
    for i in 0..mr {
        if i < rows {
            let row = &a[(ic + i) * k + pc..][..kc];
            for (dst, &x) in pack.iter_mut().skip(i).step_by(mr).zip(row) {
                *dst = x;
            }
        } else {
            for dst in pack.iter_mut().skip(i).step_by(mr) {
                *dst = E::default();
            }
        }
    }
}

/// Copies rows `pc..pc + kc`, columns `cols` (fewer than `LANES`) of `b` (row stride `n`) into
/// the first `kc * LANES` elements of `tail`, a row of `LANES` per row of `b`, zero-padded, and
/// returns them.
#[inline(always)]
fn pack_b_tail<'t, V: Vector>(
    tail: &'t mut [MaybeUninit<V::Elem>],
    b: &[V::Elem],
    n: usize,
    pc: usize,
    kc: usize,
    cols: core::ops::Range<usize>,
) -> &'t [V::Elem] {
    let l = V::LANES;
    let w = cols.len();
    assert!(w < l && kc * l <= tail.len());
    for p in 0..kc {
        let src = &b[(pc + p) * n..][cols.clone()];
        let dst = &mut tail[p * l..][..l];
        for (d, &x) in dst.iter_mut().zip(src) {
            d.write(x);
        }
        for d in &mut dst[w..] {
            d.write(V::Elem::default());
        }
    }
    // SAFETY: every one of the first `kc * LANES` elements was written just above (a row of
    // `w` copied and `LANES - w` zeros per `p`); `MaybeUninit<E>` has `E`'s layout.
    unsafe { core::slice::from_raw_parts(tail.as_ptr().cast::<V::Elem>(), kc * l) }
}

/// One `T::MR x T::NV` tile at `at`: in place in `c` for a full panel and full columns,
/// through `buf` for the last, partial rows or columns.
#[inline(always)]
fn tile<V: Vector, T: Micro>(
    simd: V::Simd,
    at: At,
    panel: Panel<'_, V::Elem>,
    bb: BBlock<'_, V::Elem>,
    n: usize,
    c: &mut [MaybeUninit<V::Elem>],
    buf: &mut [MaybeUninit<V::Elem>],
) {
    let width = T::NV * V::LANES;
    // The bounds the micro-kernel relies on, checked (once per tile).
    let (ap, rsa, csa) = match panel {
        Panel::Packed(s) => {
            assert!(s.len() >= at.kc * T::MR);
            (s.as_ptr(), 1, T::MR)
        }
        Panel::InPlace(s, k) => {
            assert!(at.rows == T::MR && (T::MR - 1) * k + at.kc <= s.len());
            (s.as_ptr(), k, 1)
        }
    };
    assert!(at.kc > 0 && (at.kc - 1) * bb.ld + width <= bb.s.len());
    assert!(bb.cols <= width && at.j + bb.cols <= n);
    let bp = bb.s.as_ptr();
    if at.rows == T::MR && bb.cols == width {
        assert!((at.ic + T::MR - 1) * n + at.j + width <= c.len());
        let cp = c[at.ic * n + at.j..].as_mut_ptr().cast::<V::Elem>();
        // SAFETY: element (i, p) of the panel, `i < MR`, `p < kc`, exists (the pack holds
        // `kc * MR` elements; in place, row `i` starts `i * k` into a slice that reaches
        // `(MR - 1) * k + kc`); row `p` of the `b` block has `width` elements from `p * ld`
        // (`(kc - 1) * ld + width <= len`); rows `ic..ic + MR` of `c` exist and have columns
        // `j..j + width` (all asserted above); `MaybeUninit<E>` has `E`'s layout. The tile of
        // `c` is read only with `load_c`, in a later `k` block, after the first block wrote
        // it (see the module docs).
        unsafe { T::run::<V>(simd, at.kc, ap, rsa, csa, bp, bb.ld, cp, n, at.load_c) }
    } else {
        let buf = &mut buf[..T::MR * width];
        // Every element of the tile's buffer is written before the micro-kernel reads it:
        // `c`'s values where the tile overlaps `c` (when accumulating), zeros elsewhere.
        for i in 0..T::MR {
            let row = &mut buf[i * width..][..width];
            let from_c = if i < at.rows && at.load_c { bb.cols } else { 0 };
            let src = &c[(at.ic + i.min(at.rows - 1)) * n + at.j..][..from_c];
            for (d, x) in row.iter_mut().zip(src) {
                // SAFETY: read only with `load_c`, in a later `k` block: the first block
                // wrote every element of `c` (see the module docs).
                d.write(unsafe { x.assume_init() });
            }
            for d in &mut row[from_c..] {
                d.write(V::Elem::default());
            }
        }
        let bp_out = buf.as_mut_ptr().cast::<V::Elem>();
        // SAFETY: as above for `a` and `b`; `buf` holds `MR` rows of `width` initialized
        // elements (written just above; `MaybeUninit<E>` has `E`'s layout).
        unsafe {
            T::run::<V>(
                simd, at.kc, ap, rsa, csa, bp, bb.ld, bp_out, width, at.load_c,
            )
        }
        for i in 0..at.rows {
            let row = &buf[i * width..][..bb.cols];
            let dst = &mut c[(at.ic + i) * n + at.j..][..bb.cols];
            for (d, x) in dst.iter_mut().zip(row) {
                // SAFETY: initialized above (and written by the micro-kernel).
                d.write(unsafe { x.assume_init() });
            }
        }
    }
}
