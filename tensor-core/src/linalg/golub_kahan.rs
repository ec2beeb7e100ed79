//! The singular value decomposition by Golub-Kahan-Reinsch: Householder bidiagonalization,
//! then implicit-shift QR sweeps on the bidiagonal with Givens rotations (Golub and Reinsch,
//! 1970; the iteration of LINPACK's `dsvdc` as JAMA writes it, with its deflation and
//! zero-splitting cases), as LAPACK's `gebrd` + `orgbr` + `bdsqr` do.
//!
//! The matrix is given as the `k` rows (length `l >= k`) of `w = B^T`, `B` the tall `l x k`
//! matrix being decomposed, so that every vector a reflection or a rotation acts on is a
//! contiguous row: the left reflections reduce rows of `w` (columns of `B`), the right ones
//! are applied as rank-one updates `w[i+1..] -= tau v z^T` over whole rows, and the singular
//! vectors are accumulated as the rows of `U_B^T` and `V_B^T`.
//!
//! About `8 l k^2 + 4 k^3 / 3` flops for the reduction and the two orthogonal factors, plus
//! `12 (l + k)` per rotation of the sweeps (about `2 k` sweeps of at most `k` rotations),
//! against one-sided Jacobi's `6 l k^2` per sweep times six to ten sweeps.

use num_traits::Float;

use super::level1::{axpy, hypot, rotate, two_rows};
use super::qr::{householder, reflect_rows};
use crate::kernels::simd::dispatch::on_active;

/// QR sweeps allowed per singular value before its subdiagonal element is declared
/// negligible anyway; two or three are typical (LAPACK's `bdsqr` allows six on average).
const MAX_SWEEPS_PER_VALUE: usize = 30;

/// The buffers of one decomposition of the `k` rows (length `l`) of `w`.
pub(super) struct Work<'a, T> {
    /// `B^T`, `k x l`; the left Householder vectors are left in its rows.
    pub w: &'a mut [T],
    /// `U_B^T`, `k x l`, written when vectors are wanted.
    pub ut: Option<&'a mut [T]>,
    /// `V_B^T`, `k x k`, written when vectors are wanted.
    pub vt: Option<&'a mut [T]>,
    /// The right Householder vectors, `k x k` (row `i` holds the tail of vector `i` from
    /// position `i + 2`).
    pub pv: &'a mut [T],
    /// The diagonal (the singular values, descending, on return), length `k`.
    pub d: &'a mut [T],
    /// The superdiagonal, length `k` (its last element is zero).
    pub e: &'a mut [T],
    /// The scalar factors of the left and right reflections, length `k` each.
    pub tau_q: &'a mut [T],
    pub tau_p: &'a mut [T],
    /// Scratch of length `l`.
    pub z: &'a mut [T],
}

/// Decomposes `B = U_B diag(d) V_B^T` (see the module docs): on return `d` holds the singular
/// values in descending order, non-negative, and `ut`/`vt` (when given) the rows of `U_B^T`
/// and `V_B^T`. `w` must hold finite values.
///
/// Inlined, with its steps, into `svd::golub_kahan_on`, where `k` and `l` are constants, so
/// every loop bound is known (against the out-of-line steps, three runs per build: `f32` 8x8
/// 1.04-1.05x -> 1.09-1.13x nalgebra and `f64` 64x64 1.07-1.08x -> 1.11-1.14x default; native
/// 32x32 0.88-0.96x -> 0.96-1.00x, 64x64 `f64` 1.29-1.34x -> 1.42-1.45x). The Householder
/// steps in `qr` stay out of line: inlined too, the QR of 3x3 `f32` lost about 25% (one run).
#[inline(always)]
pub(super) fn svd<T: Float>(work: Work<'_, T>, k: usize, l: usize) {
    let Work {
        w,
        ut,
        vt,
        pv,
        d,
        e,
        tau_q,
        tau_p,
        z,
    } = work;
    if k == 0 {
        return;
    }
    debug_assert!(l >= k);
    bidiagonalize(w, k, l, d, e, tau_q, tau_p, pv, z);
    let (mut ut, mut vt) = (ut, vt);
    if let Some(ut) = ut.as_deref_mut() {
        form_left(w, k, l, tau_q, ut);
    }
    if let Some(vt) = vt.as_deref_mut() {
        form_right(pv, k, tau_p, vt);
    }
    if k * l >= SWEEPS_ON_BEST_ISA {
        on_active(
            #[inline(always)]
            || bidiagonal_qr(d, e, k, ut, l, vt),
        );
    } else {
        bidiagonal_qr(d, e, k, ut, l, vt);
    }
}

/// From this many elements of `B` (`k * l`) on, the QR sweeps run on the machine's best
/// instruction set ([`on_active`]); below, in line, compiled for the build's target (on
/// AVX-512 the rotations of short rows run their 16-lane loops' scalar tails: `f32` 8x8 went
/// from 1.12x to 1.0x nalgebra in a default build).
const SWEEPS_ON_BEST_ISA: usize = 1024;

/// Householder bidiagonalization `B = Q [d, e] P^T` of `B = w^T` (LAPACK's `gebd2` for
/// `l >= k`): reflection `i` from the left zeroes `B[i+1.., i]` (row `i` of `w`, which keeps
/// the vector's tail), reflection `i` from the right zeroes `B[i, i+2..]` (column `i` of `w`;
/// its vector goes to row `i` of `pv`).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn bidiagonalize<T: Float>(
    w: &mut [T],
    k: usize,
    l: usize,
    d: &mut [T],
    e: &mut [T],
    tau_q: &mut [T],
    tau_p: &mut [T],
    pv: &mut [T],
    z: &mut [T],
) {
    for i in 0..k {
        // From the left: column i of B, rows i.. (row i of w), applied to the later columns.
        let (head, rest) = w.split_at_mut((i + 1) * l);
        let col = &mut head[i * l + i..];
        tau_q[i] = householder(col);
        d[i] = col[0];
        let v_tail = &col[1..];
        reflect_rows(tau_q[i], v_tail, &mut rest[..(k - i - 1) * l], l, i);
        if i + 1 >= k {
            e[i] = T::zero();
            tau_p[i] = T::zero();
            continue;
        }
        // From the right: row i of B, columns i+1.. (column i of w, rows i+1..), copied out.
        let x = &mut pv[i * k + i + 1..(i + 1) * k];
        for (t, x) in x.iter_mut().enumerate() {
            *x = rest[t * l + i];
        }
        let tau = householder(x);
        tau_p[i] = tau;
        e[i] = x[0];
        if tau == T::zero() {
            continue;
        }
        // Rows r > i of B, columns i+1.. (rows i+1.. of w, positions i+1..):
        // z = sum_t v_t w[i+1+t], then w[i+1+t] -= tau v_t z.
        let rows = &mut rest[..(k - i - 1) * l];
        let z = &mut z[i + 1..l];
        z.copy_from_slice(&rows[i + 1..l]);
        for (t, row) in rows.chunks_exact(l).enumerate().skip(1) {
            axpy(x[t], &row[i + 1..], z);
        }
        for (t, row) in rows.chunks_exact_mut(l).enumerate() {
            let vt = if t == 0 { T::one() } else { x[t] };
            axpy(-tau * vt, z, &mut row[i + 1..]);
        }
    }
}

/// `U_B^T = Q^T` restricted to its first `k` rows, from the left reflections kept in the rows
/// of `w`, accumulated backwards as LAPACK's `orgqr` (reflection `i` touches rows `i..` from
/// position `i` on).
#[inline(always)]
fn form_left<T: Float>(w: &[T], k: usize, l: usize, tau_q: &[T], ut: &mut [T]) {
    ut.fill(T::zero());
    for i in 0..k {
        ut[i * l + i] = T::one();
    }
    for i in (0..k).rev() {
        let v_tail = &w[i * l + i + 1..(i + 1) * l];
        reflect_rows(tau_q[i], v_tail, &mut ut[i * l..], l, i);
    }
}

/// `V_B^T = P^T` (`k x k`) from the right reflections in `pv`, accumulated backwards:
/// reflection `i` acts on positions `i+1..` of rows `i+1..`.
#[inline(always)]
fn form_right<T: Float>(pv: &[T], k: usize, tau_p: &[T], vt: &mut [T]) {
    vt.fill(T::zero());
    for i in 0..k {
        vt[i * k + i] = T::one();
    }
    for i in (0..k.saturating_sub(1)).rev() {
        let v_tail = &pv[i * k + i + 2..(i + 1) * k];
        reflect_rows(tau_p[i], v_tail, &mut vt[(i + 1) * k..], k, i + 1);
    }
}

/// The Givens rotation `(c, s, r)` with `c f + s g = r`, `-s f + c g = 0`, `r = hypot(f, g)`;
/// the identity when both are zero.
#[inline]
fn givens<T: Float>(f: T, g: T) -> (T, T, T) {
    let (a, b, r, d) = givens_parts(f, g);
    (a / d, b / d, r)
}

/// [`givens`] as `(a, b, r, d)` with `(c, s) = (a / d, b / d)`: `(f, g, r, r)`, or `(1, 0, 0,
/// 1)` when both are zero. A sweep divides each product by `d` (`c x = f x / r`), so the next
/// rotation waits on one division after the square root, not on `c` and `s` and then their
/// products.
#[inline]
fn givens_parts<T: Float>(f: T, g: T) -> (T, T, T, T) {
    let r = hypot(f, g);
    if r == T::zero() {
        (T::one(), T::zero(), T::zero(), T::one())
    } else {
        (f, g, r, r)
    }
}

/// Rows `x` and `y` of the same `n`-column matrix, `x != y`, both mutable, in the order given.
#[inline(always)]
fn rows_pair<T>(a: &mut [T], n: usize, x: usize, y: usize) -> (&mut [T], &mut [T]) {
    if x < y {
        two_rows(a, n, x, y)
    } else {
        let (b, a) = two_rows(a, n, y, x);
        (a, b)
    }
}

/// `(row x, row y) <- (c x + s y, -s x + c y)`, rows of an `n`-column matrix.
#[inline(always)]
fn rotate_rows<T: Float>(a: Option<&mut [T]>, n: usize, x: usize, y: usize, c: T, s: T) {
    if let Some(a) = a {
        let (rx, ry) = rows_pair(a, n, x, y);
        rotate(rx, ry, c, -s);
    }
}

/// Swaps rows `x < y` of an `n`-column matrix.
#[inline]
fn swap_rows<T>(a: Option<&mut [T]>, n: usize, x: usize, y: usize) {
    if let Some(a) = a {
        let (rx, ry) = two_rows(a, n, x, y);
        rx.swap_with_slice(ry);
    }
}

/// The singular values of the upper bidiagonal matrix with diagonal `s` and superdiagonal
/// `e` (`e[k-1] = 0`), by implicit-shift QR sweeps; each rotation from the left is applied to
/// the rows of `ut` (length `l`), each from the right to the rows of `vt` (length `k`). On
/// return `s` is non-negative and sorted descending, the rows moved along.
#[inline(always)]
fn bidiagonal_qr<T: Float>(
    s: &mut [T],
    e: &mut [T],
    k: usize,
    mut ut: Option<&mut [T]>,
    l: usize,
    mut vt: Option<&mut [T]>,
) {
    let eps = T::epsilon();
    // Below this, a sum of magnitudes is rounding noise of underflow (JAMA's 2^-966).
    let tiny = T::min_positive_value() / eps;
    let two = T::one() + T::one();
    let mut p = k;
    let mut sweeps = 0;
    while p > 0 {
        // kk: the largest index below p - 1 with a negligible e[kk] (or -1).
        let mut kk = p as isize - 2;
        while kk >= 0 {
            let j = kk as usize;
            if e[j].abs() <= tiny + eps * (s[j].abs() + s[j + 1].abs())
                || sweeps >= MAX_SWEEPS_PER_VALUE
            {
                e[j] = T::zero();
                break;
            }
            kk -= 1;
        }
        let case;
        if kk == p as isize - 2 {
            // e[p-2] is negligible: s[p-1] has converged.
            case = 4;
        } else {
            // ks: the largest index in kk+1..p with a negligible s[ks] (or kk).
            let mut ks = p as isize - 1;
            while ks > kk {
                let j = ks as usize;
                let mut t = e[j].abs();
                if ks != kk + 1 {
                    t = t + e[j - 1].abs();
                }
                if s[j].abs() <= tiny + eps * t {
                    s[j] = T::zero();
                    break;
                }
                ks -= 1;
            }
            if ks == kk {
                case = 3;
            } else if ks == p as isize - 1 {
                case = 1;
            } else {
                case = 2;
                kk = ks;
            }
        }
        let lo = (kk + 1) as usize;
        match case {
            // s[p-1] is zero: chase e[p-2] up the last column with rotations from the right.
            1 => {
                let mut f = e[p - 2];
                e[p - 2] = T::zero();
                for j in (lo..p - 1).rev() {
                    let (cs, sn, t) = givens(s[j], f);
                    s[j] = t;
                    if j != lo {
                        f = -sn * e[j - 1];
                        e[j - 1] = cs * e[j - 1];
                    }
                    rotate_rows(vt.as_deref_mut(), k, j, p - 1, cs, sn);
                }
            }
            // s[lo-1] is zero: split, chasing e[lo-1] along row lo-1 with rotations from the
            // left.
            2 => {
                let mut f = e[lo - 1];
                e[lo - 1] = T::zero();
                for j in lo..p {
                    let (cs, sn, t) = givens(s[j], f);
                    s[j] = t;
                    f = -sn * e[j];
                    e[j] = cs * e[j];
                    rotate_rows(ut.as_deref_mut(), l, j, lo - 1, cs, sn);
                }
            }
            // One implicit QR sweep on the block lo..p, shifted by the eigenvalue of the
            // trailing 2x2 of B^T B closer to its last diagonal element (Wilkinson's shift).
            3 => {
                let scale = s[p - 1]
                    .abs()
                    .max(s[p - 2].abs())
                    .max(e[p - 2].abs())
                    .max(s[lo].abs())
                    .max(e[lo].abs());
                let sp = s[p - 1] / scale;
                let spm1 = s[p - 2] / scale;
                let epm1 = e[p - 2] / scale;
                let sk = s[lo] / scale;
                let ek = e[lo] / scale;
                let b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / two;
                let c = (sp * epm1) * (sp * epm1);
                let mut shift = T::zero();
                if b != T::zero() || c != T::zero() {
                    let mut r = (b * b + c).sqrt();
                    if b < T::zero() {
                        r = -r;
                    }
                    shift = c / (b + r);
                }
                let mut f = (sk + sp) * (sk - sp) + shift;
                let mut g = sk * ek;
                for j in lo..p - 1 {
                    let (a, b, t, d) = givens_parts(f, g);
                    if j != lo {
                        e[j - 1] = t;
                    }
                    let (sj, ej, sj1) = (s[j], e[j], s[j + 1]);
                    f = (a * sj + b * ej) / d;
                    e[j] = (a * ej - b * sj) / d;
                    g = b * sj1 / d;
                    s[j + 1] = a * sj1 / d;
                    rotate_rows(vt.as_deref_mut(), k, j, j + 1, a / d, b / d);
                    let (a, b, t, d) = givens_parts(f, g);
                    s[j] = t;
                    let (ej, sj1, ej1) = (e[j], s[j + 1], e[j + 1]);
                    f = (a * ej + b * sj1) / d;
                    s[j + 1] = (a * sj1 - b * ej) / d;
                    g = b * ej1 / d;
                    e[j + 1] = a * ej1 / d;
                    rotate_rows(ut.as_deref_mut(), l, j, j + 1, a / d, b / d);
                }
                e[p - 2] = f;
                sweeps += 1;
            }
            // s[p-1] has converged: make it non-negative and move it to its place in the
            // (descending) order of the converged values after it.
            _ => {
                let mut j = p - 1;
                if s[j] <= T::zero() {
                    s[j] = if s[j] < T::zero() { -s[j] } else { T::zero() };
                    if let Some(vt) = vt.as_deref_mut() {
                        for x in &mut vt[j * k..(j + 1) * k] {
                            *x = -*x;
                        }
                    }
                }
                while j + 1 < k && s[j] < s[j + 1] {
                    s.swap(j, j + 1);
                    swap_rows(vt.as_deref_mut(), k, j, j + 1);
                    swap_rows(ut.as_deref_mut(), l, j, j + 1);
                    j += 1;
                }
                sweeps = 0;
                p -= 1;
            }
        }
    }
}
