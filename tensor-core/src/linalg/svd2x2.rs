//! The singular value decomposition of a 2x2 matrix in closed form: a plane rotation from the
//! left makes the matrix upper triangular, then LAPACK's `dlasv2` (the SVD of a 2x2 upper
//! triangular matrix, Demmel and Kahan's algorithm) diagonalizes the triangle with one rotation
//! on each side. Straight-line code with a few predictable branches: no iteration, no
//! trigonometric function.
//!
//! Accuracy: the rotation from the left keeps a matrix graded by rows or by columns graded
//! (the small singular value of `[[a, b], [c e, d e]]` comes from `e (d - c b / a)`), and
//! `dlasv2` computes both singular values of the triangle to high relative accuracy and the
//! rotations to a few ulps. Entries near the overflow threshold are scaled by `1/4` first,
//! and entries near the underflow threshold by `1 / eps^2` (both exact powers of two), so
//! that no intermediate overflows or loses its precision to underflow.

use num_traits::Float;

use super::level1::hypot;

/// The reduced SVD of `[[a, b], [c, d]]`: `(U, S, Vt)` with `A = U diag(S) Vt`, `S`
/// non-negative and descending, `U` and `Vt` rotations or reflections. `a..d` are finite.
pub(super) fn svd_2x2<T: Float>(a: T, b: T, c: T, d: T) -> ([[T; 2]; 2], [T; 2], [[T; 2]; 2]) {
    let (zero, one) = (T::zero(), T::one());
    let m = a.abs().max(b.abs()).max(c.abs().max(d.abs()));
    let four = one + one + one + one;
    // An exact power of two that brings the largest entry away from both thresholds.
    let scale = if m > T::max_value() / four {
        four.recip()
    } else if m < T::min_positive_value() / T::epsilon() {
        (T::epsilon() * T::epsilon()).recip()
    } else {
        one
    };
    let (a, b, c, d) = (a * scale, b * scale, c * scale, d * scale);
    // G A = [[f, g], [0, h]] with G = [[cs, sn], [-sn, cs]] zeroing c.
    let r = hypot(a, c);
    let (cs, sn) = if r == zero {
        (one, zero)
    } else {
        (a / r, c / r)
    };
    let (f, g, h) = (r, cs * b + sn * d, cs * d - sn * b);
    let t = triangle(f, g, h);
    // A = G^T P^T D Q^T with P, Q the rotations of `triangle`: U = G^T P^T, a rotation by the
    // sum of both angles, and Vt = Q^T; then the signs of D moved into U's columns.
    let cu = cs * t.csl - sn * t.snl;
    let su = sn * t.csl + cs * t.snl;
    let (s0, s1) = (t.ssmax.abs() / scale, t.ssmin.abs() / scale);
    let (p0, p1) = (sign_of(t.ssmax), sign_of(t.ssmin));
    (
        [[cu * p0, -su * p1], [su * p0, cu * p1]],
        [s0, s1],
        [[t.csr, t.snr], [-t.snr, t.csr]],
    )
}

/// The singular values of `[[a, b], [c, d]]`, descending: the `S` of [`svd_2x2`], from the
/// same operations.
pub(super) fn singular_values_2x2<T: Float>(a: T, b: T, c: T, d: T) -> [T; 2] {
    svd_2x2(a, b, c, d).1
}

/// `1` or `-1`, the sign bit of `x`.
fn sign_of<T: Float>(x: T) -> T {
    if x.is_sign_negative() {
        -T::one()
    } else {
        T::one()
    }
}

/// `x` with the sign of `y` (Fortran's `SIGN(x, y)`: `|x|`, negated when `y` is negative;
/// `-0.0` counts as positive).
fn sign<T: Float>(x: T, y: T) -> T {
    if y < T::zero() { -x.abs() } else { x.abs() }
}

/// The output of `dlasv2`: `[[csl, snl], [-snl, csl]] [[f, g], [0, h]] [[csr, -snr], [snr, csr]]
/// = diag(ssmax, ssmin)`, `|ssmax| >= |ssmin|`.
struct Triangle<T> {
    ssmin: T,
    ssmax: T,
    snr: T,
    csr: T,
    snl: T,
    csl: T,
}

/// LAPACK 3.12's `dlasv2` (reference implementation, the same branches and operations): the
/// SVD of the upper triangular `[[f, g], [0, h]]`.
#[allow(clippy::many_single_char_names, clippy::similar_names)]
fn triangle<T: Float>(f: T, g: T, h: T) -> Triangle<T> {
    let (zero, one) = (T::zero(), T::one());
    let two = one + one;
    let half = two.recip();
    let four = two + two;
    let eps = T::epsilon() * half; // LAPACK's dlamch('EPS'), the unit roundoff.
    let (mut ft, mut fa, mut ht, mut ha) = (f, f.abs(), h, h.abs());
    // pmax: 1, 2, 3 when f, g, h is the largest in magnitude.
    let mut pmax = 1;
    let swap = ha > fa;
    if swap {
        pmax = 3;
        core::mem::swap(&mut ft, &mut ht);
        core::mem::swap(&mut fa, &mut ha);
    }
    let gt = g;
    let ga = gt.abs();
    let (ssmin, ssmax, clt, crt, slt, srt);
    if ga == zero {
        // Diagonal.
        ssmin = ha;
        ssmax = fa;
        clt = one;
        crt = one;
        slt = zero;
        srt = zero;
    } else if ga > fa && fa / ga < eps {
        // A very large g.
        pmax = 2;
        ssmax = ga;
        ssmin = if ha > one {
            fa / (ga / ha)
        } else {
            (fa / ga) * ha
        };
        clt = one;
        slt = ht / gt;
        srt = one;
        crt = ft / gt;
    } else {
        if ga > fa {
            pmax = 2;
        }
        let d = fa - ha;
        // l = 1 copes with an infinite f or h (not reached here: the input is finite).
        let mut l = if d == fa { one } else { d / fa };
        let m = gt / ft;
        let mut t = two - l;
        let mm = m * m;
        let tt = t * t;
        let s = (tt + mm).sqrt();
        let r = if l == zero {
            m.abs()
        } else {
            (l * l + mm).sqrt()
        };
        let a = half * (s + r);
        ssmin = ha / a;
        ssmax = fa * a;
        t = if mm == zero {
            // m is tiny.
            if l == zero {
                sign(two, ft) * sign(one, gt)
            } else {
                gt / sign(d, ft) + m / t
            }
        } else {
            (m / (s + t) + m / (r + l)) * (one + a)
        };
        l = (t * t + four).sqrt();
        crt = two / l;
        srt = t / l;
        clt = (crt + srt * m) / a;
        slt = (ht / ft) * srt / a;
    }
    let (csl, snl, csr, snr) = if swap {
        (srt, crt, slt, clt)
    } else {
        (clt, slt, crt, srt)
    };
    let tsign = match pmax {
        1 => sign(one, csr) * sign(one, csl) * sign(one, f),
        2 => sign(one, snr) * sign(one, csl) * sign(one, g),
        _ => sign(one, snr) * sign(one, snl) * sign(one, h),
    };
    Triangle {
        ssmax: sign(ssmax, tsign),
        ssmin: sign(ssmin, tsign * sign(one, f) * sign(one, h)),
        snr,
        csr,
        snl,
        csl,
    }
}
