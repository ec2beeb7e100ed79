//! The blocked matrix product over SIMD vectors, generic over the vector type and the tile.
//!
//! `c = a @ b` for row-major operands. Loops, outermost first (after BLIS / matrixmultiply,
//! adapted to row-major operands and to no heap):
//! - `k` in blocks of [`KC`] (the packed panel of `a` stays in L1);
//! - `n` in blocks of [`NC`] columns (the `KC x NC` block of `b` stays in L2);
//! - `m` in panels of `MR` rows: a full panel is read in place (its rows are contiguous in
//!   `k`); a partial one, or rows longer than [`PACK_MIN_K`], is packed `k`-major into a stack
//!   buffer (zero-padded to `MR` rows);
//! - `n` in tiles of `NV * LANES` columns: the generated micro-kernel keeps the `MR x NV` tile
//!   of `c` in registers for the whole `k` block (`b` is read in place: its rows are
//!   contiguous); then one-vector tiles, then the last `< LANES` columns with a scalar loop the
//!   compiler vectorizes as it can.
//!
//! Each element of `c` is accumulated in the order `p = 0, 1, .., k - 1` (later `k` blocks
//! start from the stored partial sums), with the vector type's `mul_add` (fused with FMA).
//! No term is skipped: `0 * inf` is NaN, as IEEE and NumPy say.

use super::generated::{micro_4x1, micro_4x2, micro_6x1, micro_6x2, micro_8x1, micro_8x2};
use super::simd::{MAX_LANES, Vector};

/// The depth of a `k` block.
pub(crate) const KC: usize = 256;
/// The width of an `n` block.
pub(crate) const NC: usize = 512;
/// The most rows of a tile (the packing buffer holds `MR_MAX * KC` elements).
const MR_MAX: usize = 8;
/// The most vectors per tile row.
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
    /// the tile's reads and writes and the target has `V`'s instruction set.
    #[allow(clippy::too_many_arguments)]
    unsafe fn run<V: Vector>(
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
                unsafe { $f::<V>(k, a, rsa, csa, b, ldb, c, ldc, load_c) }
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

/// Where a tile goes: the `k` block, the panel's rows and the tile's first column.
#[derive(Clone, Copy)]
struct At {
    pc: usize,
    kc: usize,
    ic: usize,
    rows: usize,
    j: usize,
    load_c: bool,
}

/// `c = a @ b`: `a` is `m x k`, `b` is `k x n`, `c` is `m x n`, all row-major. `W` is the wide
/// tile, `N` its one-vector variant (same `MR`).
///
/// # Panics
///
/// If a length does not match the dimensions.
#[inline(always)]
pub(crate) fn gemm<V: Vector, W: Micro, N: Micro>(
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [V::Elem],
) {
    assert!(a.len() == m * k && b.len() == k * n && c.len() == m * n);
    assert!(W::MR == N::MR && W::MR <= MR_MAX && W::NV <= NV_MAX && N::NV == 1);
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 {
        c.fill(V::Elem::default());
        return;
    }
    // Full row panels read `a` in place: its rows are contiguous in `k`, and the `MR` rows
    // of a panel are `MR` streams the prefetchers follow. Measured on Zen 4 for 16..256, that
    // beats packing at every size (packing is `m * k` strided moves, 5-10% at 256). Rows far
    // apart (`k > PACK_MIN_K`, pages apart) and partial panels (zero-padded) are packed. The
    // buffers live on the stack and are zeroed on each call, so small products get small ones.
    let full_panels = m.is_multiple_of(W::MR);
    if k <= PACK_MIN_K && full_panels {
        blocked::<V, W, N, 0, 0>(m, k, n, a, b, c);
    } else if k <= SMALL_K {
        blocked::<V, W, N, { MR_MAX * SMALL_K }, BUF>(m, k, n, a, b, c);
    } else {
        blocked::<V, W, N, { MR_MAX * KC }, BUF>(m, k, n, a, b, c);
    }
}

/// The largest `k` that uses the small packing buffer.
const SMALL_K: usize = 64;
/// The longest rows of `a` read in place (longer ones are packed).
pub(crate) const PACK_MIN_K: usize = 1024;
/// The tile buffer of partial panels.
const BUF: usize = MR_MAX * NV_MAX * MAX_LANES;

/// [`gemm`] with a packing buffer of `PACK` elements (`PACK >= MR * min(k, KC)`, or 0: read
/// `a` in place, which needs full panels) and a tile buffer of `BUF` (0 without packing).
#[inline(always)]
fn blocked<V: Vector, W: Micro, N: Micro, const PACK: usize, const BUF: usize>(
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [V::Elem],
) {
    let zero = V::Elem::default();
    let mr = W::MR;
    let packed = PACK > 0;
    let kc_max = if packed { PACK / mr } else { KC };
    let (wide, narrow) = (W::NV * V::LANES, V::LANES);
    let mut pack = [zero; PACK];
    let mut buf = [zero; BUF];
    for pc in (0..k).step_by(kc_max) {
        let kc = kc_max.min(k - pc);
        for jc in (0..n).step_by(NC) {
            let end = jc + NC.min(n - jc);
            let wide_end = jc + (end - jc) / wide * wide;
            let vec_end = wide_end + (end - wide_end) / narrow * narrow;
            for ic in (0..m).step_by(mr) {
                let rows = mr.min(m - ic);
                let panel = if packed {
                    pack_a(&mut pack[..kc * mr], a, k, ic, rows, pc, mr);
                    Panel::Packed(&pack[..kc * mr])
                } else {
                    Panel::InPlace(&a[ic * k + pc..], k)
                };
                let mut at = At {
                    pc,
                    kc,
                    ic,
                    rows,
                    j: jc,
                    load_c: pc > 0,
                };
                while at.j < wide_end {
                    tile::<V, W>(at, panel, b, n, c, &mut buf);
                    at.j += wide;
                }
                while at.j < vec_end {
                    tile::<V, N>(at, panel, b, n, c, &mut buf);
                    at.j += narrow;
                }
                if vec_end < end {
                    columns::<V>(at, panel, mr, b, n, c, vec_end..end);
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

impl<E: Copy> Panel<'_, E> {
    /// Element `(i, p)`.
    #[inline(always)]
    fn get(&self, i: usize, p: usize, mr: usize) -> E {
        match *self {
            Panel::Packed(s) => s[p * mr + i],
            Panel::InPlace(s, k) => s[i * k + p],
        }
    }
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

/// One `T::MR x T::NV` tile at `at`: in place in `c` for a full panel, through `buf` for the
/// last, partial one.
#[inline(always)]
fn tile<V: Vector, T: Micro>(
    at: At,
    panel: Panel<'_, V::Elem>,
    b: &[V::Elem],
    n: usize,
    c: &mut [V::Elem],
    buf: &mut [V::Elem],
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
    assert!(at.j + width <= n && (at.pc + at.kc) * n <= b.len());
    let bp = b[at.pc * n + at.j..].as_ptr();
    if at.rows == T::MR {
        assert!((at.ic + T::MR - 1) * n + at.j + width <= c.len());
        let cp = c[at.ic * n + at.j..].as_mut_ptr();
        // SAFETY: element (i, p) of the panel, `i < MR`, `p < kc`, exists (the pack holds
        // `kc * MR` elements; in place, row `i` starts `i * k` into a slice that reaches
        // `(MR - 1) * k + kc`); row `pc + p` of `b` has columns `j..j + width`
        // (`j + width <= n`, `pc + kc <= k`); rows `ic..ic + MR` of `c` exist and have those
        // columns (all asserted above); `V`'s instruction set: the backends' module invariant.
        unsafe { T::run::<V>(at.kc, ap, rsa, csa, bp, n, cp, n, at.load_c) }
    } else {
        assert!(buf.len() >= T::MR * width);
        for i in 0..at.rows {
            let src = &c[(at.ic + i) * n + at.j..][..width];
            buf[i * width..][..width].copy_from_slice(src);
        }
        // SAFETY: as above for `a` and `b`; `buf` holds `MR` rows of `width` (asserted).
        unsafe {
            T::run::<V>(
                at.kc,
                ap,
                rsa,
                csa,
                bp,
                n,
                buf.as_mut_ptr(),
                width,
                at.load_c,
            );
        }
        for i in 0..at.rows {
            c[(at.ic + i) * n + at.j..][..width].copy_from_slice(&buf[i * width..][..width]);
        }
    }
}

/// The last columns (`cols`, fewer than a vector) of the panel at `at`, with a scalar loop over
/// contiguous columns, rounding as the vector lanes do (so a result does not depend on
/// whether its column fell in a tile).
#[inline(always)]
fn columns<V: Vector>(
    at: At,
    panel: Panel<'_, V::Elem>,
    mr: usize,
    b: &[V::Elem],
    n: usize,
    c: &mut [V::Elem],
    cols: core::ops::Range<usize>,
) {
    for i in 0..at.rows {
        let c_row = &mut c[(at.ic + i) * n..][cols.clone()];
        if !at.load_c {
            c_row.fill(V::Elem::default());
        }
        for p in 0..at.kc {
            let a_ip = panel.get(i, p, mr);
            let b_row = &b[(at.pc + p) * n..][cols.clone()];
            for (o, &x) in c_row.iter_mut().zip(b_row) {
                *o = V::mul_add_elem(a_ip, x, *o);
            }
        }
    }
}
