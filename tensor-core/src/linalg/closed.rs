//! Closed forms of `det` and `inv`, and the singularity rule of `solve`, for `2 x 2`, `3 x 3` and `4 x 4` matrices: the
//! determinant and the adjugate by cofactors (2x2 minors for `4 x 4`, cross products for
//! `3 x 3`), in straight-line code over flat row-major slices.
//!
//! [`square`](super::square) takes these for `N` in `2..=4` (an `if const` on the static size,
//! so no run-time branch on `N` remains) and LU for every other size.
//!
//! # When a matrix counts as singular
//!
//! With `m = max |a_ij|` over the finite elements and `eps = T::EPSILON`, the closed form
//! returns `None` exactly when
//!
//! ```text
//! |det(A)| <= n * eps * m^n
//! ```
//!
//! `det(A) / m^n` is the determinant of the matrix scaled to largest element 1, so the test is
//! scale-invariant, like LU's `|u_kk| <= n * eps * m` on each pivot (see
//! [`lu::factor`](super::lu::factor)): both compare against the rounding error of an `n x n`
//! computation on entries of size `m`. A well-conditioned matrix is `Some` on both, and a
//! matrix whose determinant the cofactor formula computes as 0 (a zero row or column, equal
//! rows, small-integer matrices of rank below `n`, ...) is `None` here; LU's rounding can
//! leave such a matrix a last pivot just above its tolerance (`tests/linalg_small.rs` finds
//! rank-deficient integer matrices that LU on `diag(A, 1)` calls invertible). In between the
//! two rules can differ only for matrices within a small factor of `n * eps` of singular: on
//! `diag(1, .., 1, t)` both say `None` exactly for `t <= n eps`. A NaN determinant (a NaN element, or `inf - inf`) is not `<=` anything: the result
//! is `Some` and holds NaN, as with LU. A matrix with an infinite element is inverted by LU
//! itself (the adjugate would give `inf * 0 = NaN` where LU and NumPy give a finite limit:
//! `inv([[inf, 0], [0, 1]]) = [[0, 0], [0, 1]]`), so the two paths agree there exactly.
//!
//! # Range
//!
//! The formulas multiply `n` elements together. When `m^n` lies in `[MIN_POSITIVE / (n eps),
//! MAX / n^n]` (for `f32` and `n = 4`: `m` between about `4e-8` and `3e9`) no product can
//! overflow and no determinant above the threshold is denormal, and the formulas run on the
//! elements as given. Outside that range the matrix is first scaled by a power of two that
//! brings `m` into `[1, 2)` (exact), and the result scaled back, so tiny or huge matrices
//! keep the same rule, bit for bit the same decision, and full accuracy. `det` checks after
//! the fact instead: a result that is finite and at least `MIN_POSITIVE / eps` is returned,
//! anything else (an overflowed intermediate, an exact 0, NaN) is recomputed scaled.

use num_traits::Float;

use super::level1::max_finite_abs;

/// Whether `n x n` matrices take the closed forms: `n` in `2..=4`.
pub(super) const fn has_closed_form(n: usize) -> bool {
    matches!(n, 2..=4)
}

/// `n` as `T`.
#[inline(always)]
fn size<T: Float>(n: usize) -> T {
    T::from(n).unwrap_or_else(T::infinity)
}

/// The largest `|a_ij|`, ignoring NaN, as a branch-free tree the compiler vectorizes; `inf`
/// if an element is infinite. Equal to [`max_finite_abs`] when every element is finite or NaN;
/// an infinite result sends the caller to its scaled path, which uses [`max_finite_abs`].
#[inline(always)]
fn max_abs<T: Float>(a: &[T]) -> T {
    // `x > y` is false when either is NaN, so NaN elements lose against any other: the form
    // of x86's `maxps`.
    let max = |x: T, y: T| if x > y { x } else { y };
    let mut acc = [a[0].abs(), a[1].abs(), a[2].abs(), a[3].abs()];
    let rest = &a[4..];
    let chunks = rest.chunks_exact(4);
    let tail = chunks.remainder();
    for c in chunks {
        for i in 0..4 {
            acc[i] = max(c[i].abs(), acc[i]);
        }
    }
    for (i, &x) in tail.iter().enumerate() {
        acc[i] = max(x.abs(), acc[i]);
    }
    max(max(acc[0], acc[1]), max(acc[2], acc[3]))
}

/// `m^n`, as `n` multiplications.
#[inline(always)]
fn pow_n<T: Float>(m: T, n: usize) -> T {
    (0..n).fold(T::one(), |p, _| p * m)
}

/// Whether `p = m^n` lies where the unscaled formulas neither overflow nor lose the threshold
/// to denormals (see the module docs).
#[inline(always)]
fn in_range<T: Float>(p: T, n: usize) -> bool {
    let nt = size::<T>(n);
    p >= T::min_positive_value() / (nt * T::epsilon()) && p <= T::max_value() / pow_n(nt, n)
}

/// The rule of the module docs: the determinant `d` of an `n x n` matrix whose largest
/// element's `n`-th power is `p` is at most `n eps p` (a NaN `d` is not: it propagates).
#[inline(always)]
fn singular_det<T: Float>(d: T, p: T, n: usize) -> bool {
    d.abs() <= size::<T>(n) * T::epsilon() * p
}

/// `2^k` (exact for `|k|` within the exponent range).
fn pow2<T: Float>(k: i32) -> T {
    (T::one() + T::one()).powi(k)
}

/// Two powers of two whose product `s` scales `m` into `[1, 2)` (`(1, 1)` for `m = 0`): as
/// two factors because `s` alone may overflow for a denormal `m`. Multiplying by them is exact
/// (for elements that stay normal), so the scaled path decides exactly as the unscaled one
/// would without over- and underflow.
#[cold]
fn scale_for<T: Float>(m: T) -> (T, T) {
    if m == T::zero() {
        return (T::one(), T::one());
    }
    let (mantissa, exponent, _) = m.integer_decode();
    // m = mantissa 2^exponent, mantissa < 2^64: m is in [2^e, 2^(e+1)).
    let e = i32::from(exponent) + 63 - mantissa.leading_zeros() as i32;
    let half = -e / 2;
    (pow2(half), pow2(-e - half))
}

/// `a` scaled by `s.0 * s.1` (one factor at a time), padded with zeros.
#[inline(always)]
fn scaled<T: Float>(a: &[T], s: (T, T)) -> [T; 16] {
    let mut b = [T::zero(); 16];
    for (x, &y) in b.iter_mut().zip(a) {
        *x = y * s.0 * s.1;
    }
    b
}

/// The determinant of the `N x N` row-major matrix `a`, `N` in `2..=4`.
#[inline(always)]
fn det_unscaled<T: Float, const N: usize>(a: &[T]) -> T {
    match N {
        2 => a[0] * a[3] - a[1] * a[2],
        3 => {
            let c0 = a[4] * a[8] - a[5] * a[7];
            let c1 = a[5] * a[6] - a[3] * a[8];
            let c2 = a[3] * a[7] - a[4] * a[6];
            a[0] * c0 + a[1] * c1 + a[2] * c2
        }
        _ => {
            let [s0, s1, s2, s3, s4, s5] = top_minors(a);
            let [c0, c1, c2, c3, c4, c5] = bottom_minors(a);
            (s0 * c5 - s1 * c4 + s2 * c3) + (s3 * c2 - s4 * c1 + s5 * c0)
        }
    }
}

/// The six 2x2 minors of rows 0 and 1 of a `4 x 4` matrix (columns 01, 02, 03, 12, 13, 23).
#[inline(always)]
fn top_minors<T: Float>(a: &[T]) -> [T; 6] {
    [
        a[0] * a[5] - a[4] * a[1],
        a[0] * a[6] - a[4] * a[2],
        a[0] * a[7] - a[4] * a[3],
        a[1] * a[6] - a[5] * a[2],
        a[1] * a[7] - a[5] * a[3],
        a[2] * a[7] - a[6] * a[3],
    ]
}

/// The six 2x2 minors of rows 2 and 3 of a `4 x 4` matrix (columns 01, 02, 03, 12, 13, 23).
#[inline(always)]
fn bottom_minors<T: Float>(a: &[T]) -> [T; 6] {
    [
        a[8] * a[13] - a[12] * a[9],
        a[8] * a[14] - a[12] * a[10],
        a[8] * a[15] - a[12] * a[11],
        a[9] * a[14] - a[13] * a[10],
        a[9] * a[15] - a[13] * a[11],
        a[10] * a[15] - a[14] * a[11],
    ]
}

/// The adjugate of the `N x N` row-major matrix `a` (row-major in the first `N * N` elements,
/// zeros after) and `det(a)`. Returned by value, so that it stays in registers.
#[inline(always)]
fn adjugate<T: Float, const N: usize>(a: &[T]) -> ([T; 16], T) {
    let z = T::zero();
    match N {
        2 => {
            let adj = [a[3], -a[1], -a[2], a[0], z, z, z, z, z, z, z, z, z, z, z, z];
            (adj, a[0] * a[3] - a[1] * a[2])
        }
        3 => {
            // The columns of the adjugate are r1 x r2, r2 x r0, r0 x r1 (rows r_i of `a`).
            let r = |i: usize| [a[3 * i], a[3 * i + 1], a[3 * i + 2]];
            let cross = |u: [T; 3], v: [T; 3]| {
                [
                    u[1] * v[2] - u[2] * v[1],
                    u[2] * v[0] - u[0] * v[2],
                    u[0] * v[1] - u[1] * v[0],
                ]
            };
            let (r0, r1, r2) = (r(0), r(1), r(2));
            let [c0, c1, c2] = [cross(r1, r2), cross(r2, r0), cross(r0, r1)];
            let adj = [
                c0[0], c1[0], c2[0], c0[1], c1[1], c2[1], c0[2], c1[2], c2[2], z, z, z, z, z, z, z,
            ];
            (adj, r0[0] * c0[0] + r0[1] * c0[1] + r0[2] * c0[2])
        }
        _ => adjugate4_any(a),
    }
}

/// [`adjugate4`], in SSE registers for `f32` on x86_64 (bit for bit the same results).
#[inline(always)]
fn adjugate4_any<T: Float>(a: &[T]) -> ([T; 16], T) {
    #[cfg(target_arch = "x86_64")]
    if let Some(a32) = crate::kernels::cast_slice::<T, f32>(a) {
        let a32: &[f32; 16] = a32.try_into().expect("a 4 x 4 matrix");
        // SAFETY: SSE is part of the x86_64 baseline, so every x86_64 CPU has it.
        let (adj, d) = unsafe { super::adjugate4_sse::adjugate4(a32) };
        let mut out = [T::zero(); 16];
        if let Some(o) = crate::kernels::cast_slice_mut::<T, f32>(&mut out) {
            o.copy_from_slice(&adj);
        }
        return (out, crate::kernels::accurate::real_as(d, T::zero()));
    }
    adjugate4(a)
}

/// The `4 x 4` adjugate by 2x2 minors, four lanes at a time: each row of the adjugate is three
/// products of a broadcast element row with a vector of minors (the arrangement of glam's
/// `Mat4::inverse`, applied to the rows: adj(A^T) = adj(A)^T).
#[inline(always)]
fn adjugate4<T: Float>(a: &[T]) -> ([T; 16], T) {
    let m = |i: usize, j: usize| a[4 * i + j];
    // The 2x2 minors of rows 1-3 the cofactors need, four at a time in the lane order of the
    // result rows: with `lo(j) = [m2j, m2j, m1j, m1j]` and `hi(j) = [m3j, m3j, m3j, m2j]`,
    // `minors(j, k) = lo(j) hi(k) - hi(j) lo(k)`.
    let lo = |j: usize| [m(2, j), m(2, j), m(1, j), m(1, j)];
    let hi = |j: usize| [m(3, j), m(3, j), m(3, j), m(2, j)];
    let minors = |j: usize, k: usize| -> [T; 4] {
        let (lj, hj, lk, hk) = (lo(j), hi(j), lo(k), hi(k));
        core::array::from_fn(|i| lj[i] * hk[i] - hj[i] * lk[i])
    };
    let f0 = minors(2, 3);
    let f1 = minors(1, 3);
    let f2 = minors(1, 2);
    let f3 = minors(0, 3);
    let f4 = minors(0, 2);
    let f5 = minors(0, 1);
    let v0 = [m(1, 0), m(0, 0), m(0, 0), m(0, 0)];
    let v1 = [m(1, 1), m(0, 1), m(0, 1), m(0, 1)];
    let v2 = [m(1, 2), m(0, 2), m(0, 2), m(0, 2)];
    let v3 = [m(1, 3), m(0, 3), m(0, 3), m(0, 3)];
    let (p, n) = (T::one(), -T::one());
    // Lane-wise `(x * fx - y * fy + z * fz) * sign`.
    let row =
        |x: [T; 4], fx: [T; 4], y: [T; 4], fy: [T; 4], z: [T; 4], fz: [T; 4], sign: [T; 4]| {
            let r: [T; 4] =
                core::array::from_fn(|i| (x[i] * fx[i] - y[i] * fy[i] + z[i] * fz[i]) * sign[i]);
            r
        };
    let r0 = row(v1, f0, v2, f1, v3, f2, [p, n, p, n]);
    let r1 = row(v0, f0, v2, f3, v3, f4, [n, p, n, p]);
    let r2 = row(v0, f1, v1, f3, v3, f5, [p, n, p, n]);
    let r3 = row(v0, f2, v1, f4, v2, f5, [n, p, n, p]);
    // det = row 0 of `a` . column 0 of the adjugate.
    let d = (m(0, 0) * r0[0] + m(0, 1) * r1[0]) + (m(0, 2) * r2[0] + m(0, 3) * r3[0]);
    let adj = [
        r0[0], r0[1], r0[2], r0[3], r1[0], r1[1], r1[2], r1[3], r2[0], r2[1], r2[2], r2[3], r3[0],
        r3[1], r3[2], r3[3],
    ];
    (adj, d)
}

/// The determinant of the `N x N` row-major matrix `a`, `N` in `2..=4` (see the module docs
/// for the range in which it is computed without scaling).
#[inline(always)]
pub(super) fn det<T: Float, const N: usize>(a: &[T]) -> T {
    debug_assert!((2..=4).contains(&N) && a.len() == N * N);
    let d = det_unscaled::<T, N>(a);
    // An intermediate that overflowed makes `d` inf or NaN; ones that underflowed lost at most
    // `2^-149` (f32) each, below half an ulp of any `|d| >= MIN_POSITIVE / eps`. Anything else
    // (including an exactly singular matrix and NaN elements) is recomputed scaled.
    if d.abs() >= T::min_positive_value() / T::epsilon() && d.abs() < T::infinity() {
        return d;
    }
    // det(A) = det(sA) / s^n, divided back one factor at a time so that only a determinant
    // outside T's range over- or underflows.
    let s = scale_for(max_finite_abs(a));
    let b = scaled(a, s);
    (0..N).fold(det_unscaled::<T, N>(&b[..N * N]), |d, _| d / s.0 / s.1)
}

/// Writes the inverse of the `N x N` row-major matrix `a` to `out` (`N * N` elements,
/// row-major) and returns `true`, or returns `false` (leaving `out` unspecified) if `a` is
/// singular by the rule of the module docs. Only the `N * N` entries are computed and
/// written: the result goes straight into the caller's tensor.
#[inline(always)]
pub(super) fn inverse<T: Float, const N: usize>(a: &[T], out: &mut [T]) -> bool {
    debug_assert!((2..=4).contains(&N) && a.len() == N * N && out.len() == N * N);
    let p = pow_n(max_abs(a), N);
    if in_range(p, N) {
        let (adj, d) = adjugate::<T, N>(a);
        if singular_det(d, p, N) {
            return false;
        }
        let r = d.recip();
        for (o, &x) in out.iter_mut().zip(&adj[..N * N]) {
            *o = x * r;
        }
        return true;
    }
    inverse_scaled::<T, N>(a, out)
}

/// [`inverse`] outside the unscaled range: `inv(A) = (adj(sA) / det(sA)) s`, the power of two
/// `s` applied last, so that only entries of the inverse outside T's range overflow.
#[cold]
#[inline(never)]
fn inverse_scaled<T: Float, const N: usize>(a: &[T], out: &mut [T]) -> bool {
    if a.iter().any(|x| x.is_infinite()) {
        return inverse_lu::<T, N>(a, out);
    }
    let m = max_finite_abs(a);
    let s = scale_for(m);
    let b = scaled(a, s);
    let (adj, d) = adjugate::<T, N>(&b[..N * N]);
    if singular_det(d, pow_n(m * s.0 * s.1, N), N) {
        return false;
    }
    let r = d.recip();
    for (o, &x) in out.iter_mut().zip(&adj[..N * N]) {
        *o = x * r * s.0 * s.1;
    }
    true
}

/// The inverse by LU with partial pivoting, for matrices with an infinite element: as for the
/// larger sizes (and NumPy), `[[inf, 0], [0, 1]]` has the inverse `[[0, 0], [0, 1]]`, where
/// the adjugate would give `inf * 0 = NaN`.
#[cold]
fn inverse_lu<T: Float, const N: usize>(a: &[T], out: &mut [T]) -> bool {
    let mut f = [T::zero(); 16];
    f[..N * N].copy_from_slice(a);
    let mut pivots = [0; 4];
    if super::lu::factor(&mut f[..N * N], N, &mut pivots[..N]).singular {
        return false;
    }
    out.fill(T::zero());
    for i in 0..N {
        out[i * N + i] = T::one();
    }
    super::lu::solve_in_place(&f[..N * N], N, &pivots[..N], out, N);
    true
}

/// Writes the solution of `a x = b` to `x` (`b` and `x` are `N x M`, row-major); `false` if
/// `a` is singular by the rule of the module docs.
///
/// The rule is decided on the closed-form determinant, but the solution comes from LU with
/// partial pivoting, as for the larger sizes: `adj(a) / det(a) b` has a residual of order
/// `cond(A) eps |b|`, where LU's is of order `eps |A| |x|` (backward stable), which is what
/// NumPy's `solve` gives and what `tests/linalg_props.rs` checks on matrices of any
/// conditioning. A matrix within rounding of the threshold can pass the rule and still meet an
/// exactly zero pivot; that is `false` too.
#[inline(always)]
pub(super) fn solve<T: Float, const N: usize>(a: &[T], b: &[T], x: &mut [T], m: usize) -> bool {
    debug_assert!(b.len() == N * m && x.len() == N * m);
    let p = pow_n(max_abs(a), N);
    // A NaN determinant is not `<=` anything: not singular, and the NaN propagates.
    let singular = if in_range(p, N) {
        singular_det(det_unscaled::<T, N>(a), p, N)
    } else {
        !inverse_scaled::<T, N>(a, &mut [T::zero(); 16][..N * N])
    };
    if singular {
        return false;
    }
    x.copy_from_slice(b);
    super::lu::solve_small::<T, N>(a, x, m)
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    /// The SSE adjugate is the generic one's arithmetic in the same order: bit for bit equal,
    /// NaN included, on random bit patterns (every exponent, subnormals, infinities, NaN),
    /// random values of a few magnitudes and integer matrices.
    #[test]
    fn sse_adjugate4_is_bit_for_bit_the_generic_one() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            // xorshift64*
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let same = |x: f32, y: f32| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan());
        for case in 0..200_000 {
            let a: [f32; 16] = core::array::from_fn(|_| {
                let r = next();
                match case % 4 {
                    0 => f32::from_bits((r >> 32) as u32),
                    1 => ((r >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 8.0,
                    2 => ((r >> 60) as i32 - 8) as f32,
                    _ => ((r >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 1e-20,
                }
            });
            let (adj, d) = super::adjugate4::<f32>(&a);
            // SAFETY: SSE is part of the x86_64 baseline.
            let (adj_sse, d_sse) = unsafe { super::super::adjugate4_sse::adjugate4(&a) };
            assert!(same(d, d_sse), "det {d} vs {d_sse} for {a:?}");
            for (k, (&x, &y)) in adj.iter().zip(&adj_sse).enumerate() {
                assert!(same(x, y), "adj[{k}] {x} vs {y} for {a:?}");
            }
        }
    }
}
