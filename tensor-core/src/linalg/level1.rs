//! The vector loops the decompositions are built from: dot products, `y += a x`, plane
//! rotations and scaling, on contiguous slices (every decomposition arranges its data so that
//! the vectors it combines are rows). Written for LLVM to vectorize: the dot product keeps
//! eight independent partial sums, which also makes its rounding error grow with `n / 8`
//! rather than `n`.

use num_traits::Float;

/// `sum_k a[k] * b[k]` over the common length.
#[inline]
pub(super) fn dot<T: Float>(a: &[T], b: &[T]) -> T {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    if n < 16 {
        return a.iter().zip(b).fold(T::zero(), |s, (&x, &y)| s + x * y);
    }
    let mut acc = [T::zero(); 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] = acc[k] + x[k] * y[k];
        }
    }
    let mut s = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    for (&x, &y) in ra.iter().zip(rb) {
        s = s + x * y;
    }
    s
}

/// The two dot products `(v.a, v.b)` in one pass over `v`, each summed in the order of
/// [`dot`] (the same bits as two calls).
#[inline]
pub(super) fn dot2<T: Float>(v: &[T], a: &[T], b: &[T]) -> (T, T) {
    let n = v.len().min(a.len()).min(b.len());
    let (v, a, b) = (&v[..n], &a[..n], &b[..n]);
    if n < 16 {
        let (mut s, mut t) = (T::zero(), T::zero());
        for ((&x, &y), &z) in v.iter().zip(a).zip(b) {
            s = s + x * y;
            t = t + x * z;
        }
        return (s, t);
    }
    let mut p = [T::zero(); 8];
    let mut q = [T::zero(); 8];
    let (cv, ca, cb) = (v.chunks_exact(8), a.chunks_exact(8), b.chunks_exact(8));
    let (rv, ra, rb) = (cv.remainder(), ca.remainder(), cb.remainder());
    for ((x, y), z) in cv.zip(ca).zip(cb) {
        for k in 0..8 {
            p[k] = p[k] + x[k] * y[k];
            q[k] = q[k] + x[k] * z[k];
        }
    }
    let sum = |c: [T; 8]| ((c[0] + c[4]) + (c[1] + c[5])) + ((c[2] + c[6]) + (c[3] + c[7]));
    let (mut s, mut t) = (sum(p), sum(q));
    for ((&x, &y), &z) in rv.iter().zip(ra).zip(rb) {
        s = s + x * y;
        t = t + x * z;
    }
    (s, t)
}

/// The three dot products `(a.a, b.b, a.b)` in one pass.
#[inline]
pub(super) fn dot3<T: Float>(a: &[T], b: &[T]) -> (T, T, T) {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut aa = [T::zero(); 4];
    let mut bb = [T::zero(); 4];
    let mut ab = [T::zero(); 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..4 {
            aa[k] = aa[k] + x[k] * x[k];
            bb[k] = bb[k] + y[k] * y[k];
            ab[k] = ab[k] + x[k] * y[k];
        }
    }
    let sum = |v: [T; 4]| (v[0] + v[2]) + (v[1] + v[3]);
    let (mut saa, mut sbb, mut sab) = (sum(aa), sum(bb), sum(ab));
    for (&x, &y) in ra.iter().zip(rb) {
        saa = saa + x * x;
        sbb = sbb + y * y;
        sab = sab + x * y;
    }
    (saa, sbb, sab)
}

/// `y += alpha * x` over the common length.
#[inline]
pub(super) fn axpy<T: Float>(alpha: T, x: &[T], y: &mut [T]) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y = *y + alpha * x;
    }
}

/// The plane rotation `(x, y) <- (c x - s y, s x + c y)`, elementwise.
#[inline]
pub(super) fn rotate<T: Float>(x: &mut [T], y: &mut [T], c: T, s: T) {
    for (x, y) in x.iter_mut().zip(y.iter_mut()) {
        let (a, b) = (*x, *y);
        *x = c * a - s * b;
        *y = s * a + c * b;
    }
}

/// `x *= alpha`.
#[inline]
pub(super) fn scale<T: Float>(alpha: T, x: &mut [T]) {
    for x in x {
        *x = *x * alpha;
    }
}

/// The Euclidean norm, without overflow or underflow in the intermediate sum of squares.
pub(super) fn nrm2<T: Float>(x: &[T]) -> T {
    let ss = dot(x, x);
    if ss.is_finite() && ss >= T::min_positive_value() / T::epsilon() {
        return ss.sqrt();
    }
    // Rescale by the largest magnitude (also the path for infinities and NaN).
    let max = x.iter().fold(T::zero(), |m, v| m.max(v.abs()));
    if max == T::zero() || !max.is_finite() {
        return if x.iter().any(|v| v.is_nan()) {
            T::nan()
        } else {
            max
        };
    }
    let ss = x.iter().fold(T::zero(), |s, &v| {
        let r = v / max;
        s + r * r
    });
    max * ss.sqrt()
}

/// `sqrt(a^2 + b^2)` without overflow or underflow: the plain formula when the sum of squares
/// is a normal number (libm's `hypot` is several times slower), rescaled otherwise.
#[inline]
pub(super) fn hypot<T: Float>(a: T, b: T) -> T {
    let ss = a * a + b * b;
    if ss.is_normal() {
        return ss.sqrt();
    }
    if ss == T::zero() && a == T::zero() && b == T::zero() {
        return T::zero();
    }
    a.hypot(b)
}

/// Rows `i` and `j > i` of a row-major matrix with `n` columns, both mutable.
#[inline]
pub(super) fn two_rows<T>(a: &mut [T], n: usize, i: usize, j: usize) -> (&mut [T], &mut [T]) {
    debug_assert!(i < j);
    let (head, tail) = a.split_at_mut(j * n);
    (&mut head[i * n..(i + 1) * n], &mut tail[..n])
}

/// The largest finite magnitude in `a` (0 if there is none), in eight running maxima from 16
/// elements on (one is a chain of dependent comparisons): the scale of the closed forms'
/// singularity test and of LU's tolerance, and the SVD's equilibration.
#[inline]
pub(super) fn max_finite_abs<T: Float>(a: &[T]) -> T {
    // `|x|` when it is finite and above `m`, else `m` (`x < inf` is false for inf and NaN).
    let larger = |m: T, x: T| {
        let x = x.abs();
        if x < T::infinity() && x > m { x } else { m }
    };
    if a.len() < 16 {
        return a.iter().fold(T::zero(), |m, &x| larger(m, x));
    }
    let mut m = [T::zero(); 8];
    let chunks = a.chunks_exact(8);
    for (m, &x) in m.iter_mut().zip(chunks.remainder()) {
        *m = larger(*m, x);
    }
    for c in chunks {
        for (m, &x) in m.iter_mut().zip(c) {
            *m = larger(*m, x);
        }
    }
    m.into_iter().fold(T::zero(), T::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_and_norm_against_naive_loops() {
        for n in 0..40 {
            let a: [f64; 40] = core::array::from_fn(|i| (i as f64 * 0.37).sin());
            let b: [f64; 40] = core::array::from_fn(|i| (i as f64 * 0.11).cos());
            let naive: f64 = a[..n].iter().zip(&b[..n]).map(|(x, y)| x * y).sum();
            assert!((dot(&a[..n], &b[..n]) - naive).abs() < 1e-13);
            let (aa, bb, ab) = dot3(&a[..n], &b[..n]);
            let c: [f64; 40] = core::array::from_fn(|i| (i as f64 * 0.53).sin() - 0.2);
            let (va, vb) = dot2(&c[..n], &a[..n], &b[..n]);
            assert_eq!(va.to_bits(), dot(&c[..n], &a[..n]).to_bits());
            assert_eq!(vb.to_bits(), dot(&c[..n], &b[..n]).to_bits());
            assert!((ab - naive).abs() < 1e-13);
            assert!((aa - dot(&a[..n], &a[..n])).abs() < 1e-13);
            assert!((bb - dot(&b[..n], &b[..n])).abs() < 1e-13);
        }
        assert_eq!(nrm2(&[3.0e300, 4.0e300]), 5.0e300);
        assert_eq!(nrm2(&[3.0e-300, 4.0e-300]), 5.0e-300);
        assert_eq!(nrm2::<f64>(&[]), 0.0);
        assert!(nrm2(&[1.0, f64::NAN]).is_nan());
        assert_eq!(nrm2(&[1.0, f64::INFINITY]), f64::INFINITY);
        assert_eq!(hypot(3.0, -4.0), 5.0);
        assert_eq!(hypot(3e300, 4e300), 5e300);
        assert_eq!(hypot(3e-310, 4e-310), 5e-310);
        assert_eq!(hypot(0.0, 0.0), 0.0);
        for n in 0..40 {
            let a: [f64; 40] = core::array::from_fn(|i| (i as f64 * 0.77).sin() * 3.0);
            let naive = a[..n].iter().fold(0.0f64, |m, x| m.max(x.abs()));
            assert_eq!(max_finite_abs(&a[..n]), naive);
        }
        let odd = [
            1.0,
            f64::NAN,
            -7.0,
            f64::INFINITY,
            2.0,
            3.0,
            4.0,
            5.0,
            f64::NEG_INFINITY,
            -6.5,
        ];
        assert_eq!(max_finite_abs(&odd), 7.0);
        assert_eq!(max_finite_abs(&[f64::NAN, f64::INFINITY]), 0.0);
        assert_eq!(hypot(f64::INFINITY, f64::NAN), f64::INFINITY);
        assert!(hypot(1.0, f64::NAN).is_nan());
    }
}
