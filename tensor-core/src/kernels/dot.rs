//! Dot products and matrix-vector products over SIMD vectors: the products whose output is one
//! number per row of `a` (`(1, K) @ (K, 1)` and `(M, K) @ (K, 1)`).
//!
//! Each row is multiplied with `x` lane by lane into `U` vector accumulators (element `p` goes
//! to accumulator `(p / LANES) % U`, lane `p % LANES`), so the loop has `ROWS * U` independent
//! chains of fused multiply-adds instead of one. The sum runs in blocks: a leaf of
//! [`LEAF`] vector steps per accumulator starts from zero, leaves are added into a middle sum
//! that restarts every [`MID`] leaves, and middle sums into the total. Each partial sum thus
//! holds few terms, and the rounding error grows with `LEAF + MID + K / (LEAF * MID * U *
//! LANES)` rather than with `K` as in a sequential loop (for a dot of 10^6 `f32`, about 100
//! roundings per lane instead of 10^6). The last `K % LANES` elements are summed in order,
//! then the lanes pairwise, then the two.
//!
//! Every row of a matrix-vector product goes through the same `ROWS`-row kernel (the last
//! rows repeat a row pointer and drop the copies), so an element's result does not depend on
//! its row. No term is skipped: `0 * inf` is NaN, as IEEE says.

use core::mem::MaybeUninit;

use super::empty_product;
use super::simd::{MAX_LANES, Vector};

/// Vector steps per accumulator in a leaf block.
const LEAF: usize = 16;
/// Leaves per middle sum.
const MID: usize = 64;
/// Accumulators of the dot product (per lane).
const U_DOT: usize = 4;
/// Rows per matrix-vector kernel call, and accumulators per row.
const ROWS_GEMV: usize = 4;
const U_GEMV: usize = 2;

/// The sum of the lanes of `v`, pairwise (`LANES` is a power of two).
#[inline(always)]
#[allow(clippy::needless_range_loop)] // halves of one buffer
fn hsum<V: Vector>(v: V) -> V::Elem {
    let mut buf = [V::Elem::default(); MAX_LANES];
    v.store(&mut buf);
    let mut w = V::LANES;
    while w > 1 {
        w /= 2;
        for i in 0..w {
            buf[i] = buf[i] + buf[i + w];
        }
    }
    buf[0]
}

/// `steps` groups of `U` vectors of rows `a[r]` times `x`, from zero; the accumulators of each
/// row combined pairwise.
///
/// # Safety
///
/// `a[r]` and `x` are valid for reads of `steps * U * LANES` elements.
#[inline(always)]
#[allow(clippy::needless_range_loop)] // rows index pointers and accumulators alike
unsafe fn leaf<V: Vector, const ROWS: usize, const U: usize>(
    simd: V::Simd,
    a: [*const V::Elem; ROWS],
    x: *const V::Elem,
    steps: usize,
) -> [V; ROWS] {
    let mut acc = [[V::zero(simd); U]; ROWS];
    for s in 0..steps {
        let base = s * U * V::LANES;
        for u in 0..U {
            // SAFETY: `base + u * LANES + LANES <= steps * U * LANES` elements, valid by the
            // caller's contract.
            let xv = unsafe { V::load_ptr(simd, x.add(base + u * V::LANES)) };
            for r in 0..ROWS {
                // SAFETY: as for `x`.
                let av = unsafe { V::load_ptr(simd, a[r].add(base + u * V::LANES)) };
                acc[r][u] = V::mul_add(av, xv, acc[r][u]);
            }
        }
    }
    acc.map(combine)
}

/// The sum of `U` accumulators, pairwise.
#[inline(always)]
fn combine<V: Vector, const U: usize>(mut acc: [V; U]) -> V {
    let mut w = U;
    while w > 1 {
        let half = w / 2;
        for i in 0..half {
            acc[i] = acc[i] + acc[w - half + i];
        }
        w -= half;
    }
    acc[0]
}

/// `out[r] = sum_p a[r][p] * x[p]` for `p < k`, blocked as the module docs say.
///
/// # Safety
///
/// `a[r]` and `x` are valid for reads of `k` elements.
#[inline(always)]
#[allow(clippy::needless_range_loop)] // rows index pointers and accumulators alike
unsafe fn dots<V: Vector, const ROWS: usize, const U: usize>(
    simd: V::Simd,
    a: [*const V::Elem; ROWS],
    x: *const V::Elem,
    k: usize,
) -> [V::Elem; ROWS] {
    let group = U * V::LANES;
    let groups = k / group;
    let mut total = [V::zero(simd); ROWS];
    let mut done = 0;
    while done < groups {
        let mid_steps = (groups - done).min(LEAF * MID);
        let mut mid = [V::zero(simd); ROWS];
        let mut s = 0;
        while s < mid_steps {
            let steps = (mid_steps - s).min(LEAF);
            let off = (done + s) * group;
            // SAFETY: `off + steps * group <= groups * group <= k`.
            let part =
                unsafe { leaf::<V, ROWS, U>(simd, a.map(|p| p.add(off)), x.add(off), steps) };
            for r in 0..ROWS {
                mid[r] = mid[r] + part[r];
            }
            s += steps;
        }
        for r in 0..ROWS {
            total[r] = total[r] + mid[r];
        }
        done += mid_steps;
    }
    // The vectors left (fewer than `U`), then the last elements in order.
    let mut p = groups * group;
    let mut rest = [V::zero(simd); ROWS];
    while p + V::LANES <= k {
        // SAFETY: `p + LANES <= k`.
        let xv = unsafe { V::load_ptr(simd, x.add(p)) };
        for r in 0..ROWS {
            // SAFETY: as for `x`.
            let av = unsafe { V::load_ptr(simd, a[r].add(p)) };
            rest[r] = V::mul_add(av, xv, rest[r]);
        }
        p += V::LANES;
    }
    let mut tail = [V::Elem::default(); ROWS];
    while p < k {
        // SAFETY: `p < k`.
        let xe = unsafe { *x.add(p) };
        for r in 0..ROWS {
            // SAFETY: as for `x`.
            let ae = unsafe { *a[r].add(p) };
            tail[r] = V::mul_add_elem(simd, ae, xe, tail[r]);
        }
        p += 1;
    }
    core::array::from_fn(|r| hsum(total[r] + rest[r]) + tail[r])
}

/// The dot product `sum_p a[p] * b[p]` (`simd`: the token of `V`'s instruction set).
///
/// # Panics
///
/// If the lengths differ.
#[inline(always)]
pub(crate) fn dot<V: Vector>(simd: V::Simd, a: &[V::Elem], b: &[V::Elem]) -> V::Elem {
    assert_eq!(a.len(), b.len());
    // SAFETY: both hold `a.len()` elements.
    let [s] = unsafe { dots::<V, 1, U_DOT>(simd, [a.as_ptr()], b.as_ptr(), a.len()) };
    s
}

/// The matrix-vector product `y = a @ x` for a row-major `m x k` `a` (`m = y.len()`), every
/// element of `y` written (it need not hold values before).
///
/// # Panics
///
/// If the lengths do not match.
#[inline(always)]
pub(crate) fn gemv<V: Vector>(
    simd: V::Simd,
    k: usize,
    a: &[V::Elem],
    x: &[V::Elem],
    y: &mut [MaybeUninit<V::Elem>],
) {
    let m = y.len();
    assert!(a.len() == m * k && x.len() == k);
    let mut i = 0;
    while i < m {
        // Rows past the end repeat the last row; their results are dropped.
        let rows: [*const V::Elem; ROWS_GEMV] =
            core::array::from_fn(|r| a[(i + r).min(m - 1) * k..].as_ptr());
        // SAFETY: each row pointer starts a row of `a` with `k` elements (row `< m`); `x` holds
        // `k`.
        let out = unsafe { dots::<V, ROWS_GEMV, U_GEMV>(simd, rows, x.as_ptr(), k) };
        let n = ROWS_GEMV.min(m - i);
        y[i..i + n].write_copy_of_slice(&out[..n]);
        i += ROWS_GEMV;
    }
}

/// The widest output that [`columns`] computes.
const COLUMNS_MAX_N: usize = 3;

/// The widest output that [`columns`] computes best for elements of type `E`: 3 `f32` or 2
/// `f64` columns. Against the narrow kernel (`super::narrow`, on half-width vectors with
/// AVX-512), `(1000, 64) @ (64, n)` and `(300, 784) @ (784, n)` in both builds and on the AVX2
/// kernel, loop time / tensor time: `f32` `n = 2` 3.2-9.8 against 2.2-4.3, `n = 3` 1.8-3.7
/// against 1.6-2.7, `n = 4` 0.97-2.9 against 1.3-2.7 (the native build at `k = 64` slower);
/// `f64` `n = 2` 1.4-2.3 against 1.3-2.4, `n = 3` 1.4-1.9 against 1.6-2.3.
pub(crate) const fn columns_max_n<E>() -> usize {
    if size_of::<E>() <= 4 { 3 } else { 2 }
}

/// The elements of `k` whose columns [`columns`] copies at a time.
const COLUMN_BLOCK: usize = 256;

/// `c = a @ b` for a row-major `m x k` `a`, `k x n` `b` and `m x n` `c` with
/// `n <= COLUMNS_MAX_N` (a classifier's two or three outputs): each element is the dot product
/// of its row of `a` and its column of `b`, as [`gemv`] computes a one-column product, so
/// every lane of every multiply-add is used where a row of `n` outputs fills `n` lanes of a
/// vector. The columns of `b` are copied, [`COLUMN_BLOCK`] rows of `b` at a time, into a
/// buffer where they are contiguous; each block's partial sums are [`gemv`]'s, and the blocks'
/// are added in order (for `k <= COLUMN_BLOCK`, one block: `gemv`'s result bit for bit). Every
/// element of `c` is written (it need not hold values before).
///
/// # Panics
///
/// If a length does not match the dimensions, or `n` is 0 or above [`COLUMNS_MAX_N`].
#[inline(always)]
pub(crate) fn columns<V: Vector>(
    simd: V::Simd,
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    assert!(a.len() == m * k && b.len() == k * n && c.len() == m * n);
    assert!(n > 0 && n <= COLUMNS_MAX_N);
    if empty_product(k, c) {
        return;
    }
    let mut cols = [V::Elem::default(); COLUMNS_MAX_N * COLUMN_BLOCK];
    let mut p0 = 0;
    while p0 < k {
        let kb = (k - p0).min(COLUMN_BLOCK);
        for (j, col) in cols.chunks_exact_mut(COLUMN_BLOCK).take(n).enumerate() {
            for (x, row) in col[..kb].iter_mut().zip(b[p0 * n..].chunks_exact(n)) {
                *x = row[j];
            }
        }
        let mut i = 0;
        while i < m {
            // Rows past the end repeat the last row; their results are dropped.
            let rows: [*const V::Elem; ROWS_GEMV] =
                core::array::from_fn(|r| a[(i + r).min(m - 1) * k + p0..].as_ptr());
            let live = ROWS_GEMV.min(m - i);
            for j in 0..n {
                // SAFETY: each row pointer is at column `p0` of a row of `a` (row `< m`), with
                // `k - p0 >= kb` elements after it; column `j` of the buffer holds `kb`.
                let part = unsafe {
                    dots::<V, ROWS_GEMV, U_GEMV>(simd, rows, cols[j * COLUMN_BLOCK..].as_ptr(), kb)
                };
                for (r, &s) in part[..live].iter().enumerate() {
                    let out = &mut c[(i + r) * n + j];
                    if p0 == 0 {
                        out.write(s);
                    } else {
                        // SAFETY: the first block wrote every element of `c`.
                        let before = unsafe { out.assume_init() };
                        out.write(before + s);
                    }
                }
            }
            i += ROWS_GEMV;
        }
        p0 += kb;
    }
}
