//! The `4 x 4` adjugate and determinant of an `f32` matrix in SSE registers (part of every
//! x86_64 CPU, so no detection is needed): the arithmetic of the generic `adjugate4` in
//! [`super::closed`], operation for operation and in the same order, so the results are bit
//! for bit the same; only the data movement is written out, as glam's `Mat4::inverse` does.
//! Generic Rust kept the 4-lane groups in arrays that LLVM spilled to the stack (160 moves for
//! about 100 arithmetic instructions).
//!
//! With the rows `r0..r3` of `a`, `lo(j) = [a2j, a2j, a1j, a1j]`, `hi(j) = [a3j, a3j, a3j,
//! a2j]`, the minors `f(j, k) = lo(j) hi(k) - hi(j) lo(k)` and `v(j) = [a1j, a0j, a0j, a0j]`,
//! row `i` of the adjugate is `(v(x) f - v(y) f' + v(z) f'') * sign` (see `adjugate4`).

use core::arch::x86_64::{
    __m128, _mm_add_ps, _mm_loadu_ps, _mm_movelh_ps, _mm_mul_ps, _mm_set_ps, _mm_shuffle_ps,
    _mm_storeu_ps, _mm_sub_ps, _mm_unpacklo_ps,
};

/// `_MM_SHUFFLE(z, y, x, w)`: lane 0 from `w`, lane 1 from `x` (of the first operand), lanes 2
/// and 3 from `y` and `z` (of the second).
const fn lanes(w: i32, x: i32, y: i32, z: i32) -> i32 {
    (z << 6) | (y << 4) | (x << 2) | w
}

/// `[a2j, a2j, a1j, a1j]` and `[a3j, a3j, a3j, a2j]` for the column `j` whose element is in
/// every lane of `r1j`, `r2j` (`_mm_shuffle_ps(r2, r1, jjjj)` etc. are spelled out by the
/// callers, because a shuffle's lanes must be constants).
#[inline]
#[target_feature(enable = "sse")]
fn lo_hi(r21: __m128, r32: __m128) -> (__m128, __m128) {
    // r21 = [a2j, a2j, a1j, a1j] already; r32 = [a3j, a3j, a2j, a2j] -> [a3j, a3j, a3j, a2j].
    (r21, _mm_shuffle_ps::<{ lanes(0, 0, 0, 2) }>(r32, r32))
}

/// `lo(j) hi(k) - hi(j) lo(k)`.
#[inline]
#[target_feature(enable = "sse")]
fn minors(lj: __m128, hj: __m128, lk: __m128, hk: __m128) -> __m128 {
    _mm_sub_ps(_mm_mul_ps(lj, hk), _mm_mul_ps(hj, lk))
}

/// `((x fx - y fy) + z fz) * sign`, lane by lane.
#[inline]
#[target_feature(enable = "sse")]
#[allow(clippy::too_many_arguments)]
fn row(
    x: __m128,
    fx: __m128,
    y: __m128,
    fy: __m128,
    z: __m128,
    fz: __m128,
    sign: __m128,
) -> __m128 {
    let t = _mm_sub_ps(_mm_mul_ps(x, fx), _mm_mul_ps(y, fy));
    _mm_mul_ps(_mm_add_ps(t, _mm_mul_ps(z, fz)), sign)
}

/// The adjugate of the row-major `4 x 4` matrix `a` (row-major) and `det(a)`, bit for bit as
/// the generic `adjugate4` computes them. (SSE is part of the x86_64 baseline: every caller
/// may call this in an `unsafe` block without a check.)
#[inline]
#[target_feature(enable = "sse")]
pub(super) fn adjugate4(a: &[f32; 16]) -> ([f32; 16], f32) {
    // SAFETY: `a` holds 16 `f32`s: rows `i` in 0..4 start at `4 i` and have 4 elements;
    // `loadu` has no alignment requirement.
    let [r0, r1, r2, r3] = core::array::from_fn(|i| unsafe { _mm_loadu_ps(a.as_ptr().add(4 * i)) });
    let (l0, h0) = lo_hi(
        _mm_shuffle_ps::<{ lanes(0, 0, 0, 0) }>(r2, r1),
        _mm_shuffle_ps::<{ lanes(0, 0, 0, 0) }>(r3, r2),
    );
    let (l1, h1) = lo_hi(
        _mm_shuffle_ps::<{ lanes(1, 1, 1, 1) }>(r2, r1),
        _mm_shuffle_ps::<{ lanes(1, 1, 1, 1) }>(r3, r2),
    );
    let (l2, h2) = lo_hi(
        _mm_shuffle_ps::<{ lanes(2, 2, 2, 2) }>(r2, r1),
        _mm_shuffle_ps::<{ lanes(2, 2, 2, 2) }>(r3, r2),
    );
    let (l3, h3) = lo_hi(
        _mm_shuffle_ps::<{ lanes(3, 3, 3, 3) }>(r2, r1),
        _mm_shuffle_ps::<{ lanes(3, 3, 3, 3) }>(r3, r2),
    );
    let f0 = minors(l2, h2, l3, h3);
    let f1 = minors(l1, h1, l3, h3);
    let f2 = minors(l1, h1, l2, h2);
    let f3 = minors(l0, h0, l3, h3);
    let f4 = minors(l0, h0, l2, h2);
    let f5 = minors(l0, h0, l1, h1);
    // v(j) = [a1j, a0j, a0j, a0j]: [a1j, a1j, a0j, a0j], then lanes 0, 2, 2, 2.
    let v = |t: __m128| _mm_shuffle_ps::<{ lanes(0, 2, 2, 2) }>(t, t);
    let v0 = v(_mm_shuffle_ps::<{ lanes(0, 0, 0, 0) }>(r1, r0));
    let v1 = v(_mm_shuffle_ps::<{ lanes(1, 1, 1, 1) }>(r1, r0));
    let v2 = v(_mm_shuffle_ps::<{ lanes(2, 2, 2, 2) }>(r1, r0));
    let v3 = v(_mm_shuffle_ps::<{ lanes(3, 3, 3, 3) }>(r1, r0));
    let pn = _mm_set_ps(-1.0, 1.0, -1.0, 1.0);
    let np = _mm_set_ps(1.0, -1.0, 1.0, -1.0);
    let a0 = row(v1, f0, v2, f1, v3, f2, pn);
    let a1 = row(v0, f0, v2, f3, v3, f4, np);
    let a2 = row(v0, f1, v1, f3, v3, f5, pn);
    let a3 = row(v0, f2, v1, f4, v2, f5, np);
    // det = row 0 of `a` . column 0 of the adjugate, as `(p0 + p1) + (p2 + p3)`.
    let col0 = _mm_movelh_ps(_mm_unpacklo_ps(a0, a1), _mm_unpacklo_ps(a2, a3));
    let p = _mm_mul_ps(r0, col0);
    let mut adj = [0.0; 16];
    let mut products = [0.0; 4];
    // SAFETY: `adj` holds 16 `f32`s, written as 4 rows of 4 from `4 i`; `products` holds 4;
    // `storeu` has no alignment requirement.
    unsafe {
        for (i, r) in [a0, a1, a2, a3].into_iter().enumerate() {
            _mm_storeu_ps(adj.as_mut_ptr().add(4 * i), r);
        }
        _mm_storeu_ps(products.as_mut_ptr(), p);
    }
    let [p0, p1, p2, p3] = products;
    (adj, (p0 + p1) + (p2 + p3))
}
