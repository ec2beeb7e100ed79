//! The singular value decomposition, and what is built on the singular values:
//! `matrix_rank`, `pinv`, `cond`.
//!
//! Two algorithms, chosen by `K = min(M, N)` at compile time, and a closed form for 2x2
//! matrices (`svd2x2.rs`):
//! - `K <= 4`: one-sided Jacobi rotations (Hestenes' method, as LAPACK's `gesvj`). The
//!   `K` rows of a work matrix `W` (`A^T` when `M >= N`, else `A`; the rows are contiguous)
//!   are rotated in pairs until they are mutually orthogonal: then `J W = S Y` with `J` the
//!   accumulated rotations (orthogonal, `K x K`), `S` the row norms and `Y` orthonormal rows.
//!   It computes the small singular values to high relative accuracy, and at these sizes it
//!   is faster than the alternative.
//! - `K > 4`: Golub-Kahan-Reinsch (`golub_kahan.rs`): Householder bidiagonalization and
//!   implicit-shift QR on the bidiagonal, as LAPACK's `gesvd`: about `1e6` flops at 32x32
//!   against Jacobi's `2.4e6` (eight sweeps), and inner loops that are row operations rather
//!   than a dot product per pair of rows (timings in BENCHMARKS.md, "Decompositions").

use num_traits::Float;

use super::golub_kahan;
use super::level1::{dot, dot3, max_finite_abs, nrm2, rotate, scale, two_rows};
use super::svd2x2::{singular_values_2x2, svd_2x2};
use crate::shape::{Dim, MinDim, Shape};
use crate::{Element, Tensor, Vector};

/// Sweeps before giving up; random matrices converge in 6 to 10, the quadratic convergence
/// of cyclic Jacobi makes more than 30 unheard of.
const MAX_SWEEPS: usize = 60;

/// The largest `K = min(M, N)` decomposed by one-sided Jacobi; larger ones go through
/// Golub-Kahan-Reinsch, which takes fewer flops (see BENCHMARKS.md, "Decompositions").
const JACOBI_MAX_K: usize = 4;

/// Orthogonalizes the `k` rows (length `l`) of `w` by plane rotations, accumulating them into
/// the rows of `j` (`k x k`, the identity on entry) when given.
fn jacobi<T: Float>(w: &mut [T], k: usize, l: usize, mut j: Option<&mut [T]>) {
    // Rows count as orthogonal when |w_p . w_q| <= sqrt(l) * eps * |w_p| |w_q|: the rounding
    // error of the computed dot product (LAPACK's gesvj uses the same tolerance).
    let tol = T::from(l).unwrap_or_else(T::infinity).sqrt().max(T::one()) * T::epsilon();
    let big = T::one() / T::epsilon();
    for _ in 0..MAX_SWEEPS {
        let mut rotated = false;
        for p in 0..k {
            for q in p + 1..k {
                let (wp, wq) = two_rows(w, l, p, q);
                let (alpha, beta, gamma) = dot3(wp, wq);
                if alpha == T::zero()
                    || beta == T::zero()
                    || gamma.abs() <= tol * alpha.sqrt() * beta.sqrt()
                    || gamma.is_nan()
                {
                    continue;
                }
                rotated = true;
                // The rotation that zeroes the new gamma: t = tan(theta) is the smaller root of
                // t^2 + 2 zeta t - 1 = 0 (Rutishauser's formulas).
                let zeta = (beta - alpha) / (gamma + gamma);
                let root = if zeta.abs() < big {
                    (T::one() + zeta * zeta).sqrt()
                } else {
                    zeta.abs()
                };
                let t = (zeta.abs() + root).recip();
                let t = if zeta < T::zero() { -t } else { t };
                let c = (T::one() + t * t).sqrt().recip();
                let s = c * t;
                rotate(wp, wq, c, s);
                if let Some(j) = j.as_deref_mut() {
                    let (jp, jq) = two_rows(j, k, p, q);
                    rotate(jp, jq, c, s);
                }
            }
        }
        if !rotated {
            return;
        }
    }
}

/// Row norms of `w` into `s`, and in `perm` the order that sorts them descending (stable).
fn norms_sorted<T: Float>(w: &[T], l: usize, s: &mut [T], perm: &mut [usize]) {
    for (i, (s, p)) in s.iter_mut().zip(perm.iter_mut()).enumerate() {
        *s = nrm2(&w[i * l..(i + 1) * l]);
        *p = i;
    }
    // Insertion sort: K is small, and it is stable.
    for i in 1..perm.len() {
        let mut m = i;
        while m > 0 && s[perm[m - 1]] < s[perm[m]] {
            perm.swap(m - 1, m);
            m -= 1;
        }
    }
}

/// Normalizes the rows of `w` to unit length (`s` holds their norms); rows of norm zero
/// become unit vectors orthogonal to every other row, so the rows are orthonormal.
fn normalize_rows<T: Float>(w: &mut [T], l: usize, s: &[T]) {
    let k = s.len();
    for (row, &si) in w.chunks_exact_mut(l).zip(s) {
        if si > T::zero() {
            scale(si.recip(), row);
        }
    }
    for i in 0..k {
        if s[i] > T::zero() {
            continue;
        }
        // Gram-Schmidt (twice) of the standard basis vectors against the rows kept so far; one
        // of any `k <= l` of them keeps at least a component of norm `1/sqrt(l)`.
        for e in 0..l {
            let (head, tail) = w.split_at_mut(i * l);
            let (row, later) = tail.split_at_mut(l);
            row.fill(T::zero());
            row[e] = T::one();
            for _ in 0..2 {
                for other in head.chunks_exact(l) {
                    super::level1::axpy(-dot(other, row), other, row);
                }
                for (r, other) in later.chunks_exact(l).enumerate() {
                    if s[i + 1 + r] > T::zero() {
                        super::level1::axpy(-dot(other, row), other, row);
                    }
                }
            }
            let norm = nrm2(row);
            if norm > T::from(0.5).unwrap() / T::from(l).unwrap().sqrt() {
                scale(norm.recip(), row);
                break;
            }
        }
    }
}

/// Scales `w` by `1 / max|w|` so that no sum of squares overflows or underflows; returns the
/// factor to multiply the singular values by (1 for a zero matrix).
fn equilibrate<T: Float>(w: &mut [T]) -> T {
    let m = max_finite_abs(w);
    if m > T::zero() {
        // Multiplied by the reciprocal (one division, not one per element; the largest
        // magnitude comes out within an ulp of 1) unless that is subnormal or overflows.
        let r = m.recip();
        if r.is_normal() {
            scale(r, w);
        } else {
            for x in w.iter_mut() {
                *x = *x / m;
            }
        }
        m
    } else {
        T::one()
    }
}

/// Golub-Kahan-Reinsch ([`golub_kahan::svd`]) of the `K` rows (length `L >= K`) of `w`,
/// equilibrated first: `d` receives the singular values divided by the returned factor, `ut`
/// the rows of `U_B^T` (`K x L`) and `vt` those of `V_B^T` (`K x K`), when given.
fn golub_kahan_on<T: Float, const K: usize, const L: usize>(
    w: &mut [T],
    d: &mut [T; K],
    ut: Option<&mut [T]>,
    vt: Option<&mut [T]>,
) -> T {
    let factor = equilibrate(w);
    let mut pv = [[T::zero(); K]; K];
    let mut e = [T::zero(); K];
    let mut tau_q = [T::zero(); K];
    let mut tau_p = [T::zero(); K];
    let mut z = [T::zero(); L];
    golub_kahan::svd(
        golub_kahan::Work {
            w,
            ut,
            vt,
            pv: pv.as_flattened_mut(),
            d,
            e: &mut e,
            tau_q: &mut tau_q,
            tau_p: &mut tau_p,
            z: &mut z,
        },
        K,
        L,
    );
    factor
}

impl<T: Element + Float, const M: usize, const N: usize> Tensor<T, M, N> {
    /// The reduced singular value decomposition `self = U diag(S) Vt`, like NumPy's
    /// `np.linalg.svd(a, full_matrices=False)`: `U` is `M x K` and `Vt` is `K x N`, both with
    /// orthonormal rows/columns (`U^T U = I`, `Vt Vt^T = I`), and the singular values `S`
    /// (`K` of them, a [`Vector`]) are non-negative and sorted in descending order, with
    /// `K = min(M, N)` computed in the type as for [`qr`](Self::qr).
    ///
    /// A 2x2 matrix is decomposed in closed form (a rotation to upper triangular form, then
    /// LAPACK's `dlasv2`), other matrices with `K <= 4` by one-sided Jacobi rotations
    /// (LAPACK's `gesvj`); both give even the smallest singular values of a matrix graded by
    /// rows or columns to high relative accuracy. Larger `K` go through Golub-Kahan-Reinsch
    /// (Householder bidiagonalization and implicit-shift QR, as LAPACK's `gesvd` behind
    /// NumPy's) for larger `K`, which gives them to a few `eps` of the largest, as NumPy
    /// does. Every identity holds to a few `eps` relative to the largest singular value. As in
    /// NumPy, the pairs of singular vectors are unique only up to a common sign (and, for
    /// repeated singular values, up to a rotation within their subspace); for a zero singular
    /// value the vectors still form an orthonormal set.
    ///
    /// A matrix holding NaN or an infinity gives NaN in every output (NumPy raises
    /// `LinAlgError`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[3.0f64, 0.0], [0.0, -4.0], [0.0, 0.0]]);
    /// let (u, s, vt) = a.svd(); // u: (3, 2), s: (2,), vt: (2, 2)
    /// assert_eq!(s, Tensor::from([4.0, 3.0]));
    /// let usv = u.matmul(&Tensor::from_fn(|i, j| if i == j { s[i] } else { 0.0 })).matmul(&vt);
    /// assert!(usv.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-14));
    /// ```
    #[must_use]
    pub fn svd<const K: usize>(&self) -> (Tensor<T, M, K>, Vector<T, K>, Tensor<T, K, N>)
    where
        Shape<M, N>: MinDim<Min = Dim<K>>,
    {
        debug_assert_eq!(K, M.min(N));
        if self.iter().any(|x| !x.is_finite()) {
            return (
                Tensor::full(T::nan()),
                Tensor::full(T::nan()),
                Tensor::full(T::nan()),
            );
        }
        if M == 2 && N == 2 {
            let a = self.as_flat();
            let (u, s, vt) = svd_2x2(a[0], a[1], a[2], a[3]);
            return (
                Tensor::from_fn(|i, j| u[i][j]),
                Tensor::from_fn(|_, i| s[i]),
                Tensor::from_fn(|i, j| vt[i][j]),
            );
        }
        if K <= JACOBI_MAX_K {
            return self.svd_jacobi();
        }
        let mut vt = Tensor::<T, K, N>::zeros();
        let mut d = [T::zero(); K];
        if M >= N {
            // B = A (tall): W = A^T, U = U_B, Vt = V_B^T (K = N).
            let mut w = self.transpose();
            let mut ut = Tensor::<T, K, M>::zeros();
            let factor = golub_kahan_on::<T, K, M>(
                w.as_flat_mut(),
                &mut d,
                Some(ut.as_flat_mut()),
                Some(vt.as_flat_mut()),
            );
            let u = Tensor::from_fn(|r, i| ut.data[i][r]);
            let s = Tensor::from_fn(|_, i| d[i] * factor);
            (u, s, vt)
        } else {
            // B = A^T (tall): W = A, U = V_B, Vt = U_B^T (K = M).
            let mut w = *self;
            let mut vb = Tensor::<T, K, K>::zeros();
            let factor = golub_kahan_on::<T, K, N>(
                w.as_flat_mut(),
                &mut d,
                Some(vt.as_flat_mut()),
                Some(vb.as_flat_mut()),
            );
            let u = Tensor::from_fn(|r, i| vb.data[i][r]);
            let s = Tensor::from_fn(|_, i| d[i] * factor);
            (u, s, vt)
        }
    }

    /// [`svd`](Self::svd) by one-sided Jacobi, for `K <= JACOBI_MAX_K`; `self` is finite.
    fn svd_jacobi<const K: usize>(&self) -> (Tensor<T, M, K>, Vector<T, K>, Tensor<T, K, N>) {
        let mut perm = [0; K];
        let mut j = Tensor::<T, K, K>::eye();
        if M >= N {
            // W = A^T (K = N rows of length M): A = Y^T S J, so U = Y^T and Vt = J.
            let mut w = self.transpose();
            let factor = equilibrate(w.as_flat_mut());
            jacobi(w.as_flat_mut(), N, M, Some(j.as_flat_mut()));
            let mut norms = [T::zero(); K];
            norms_sorted(w.as_flat(), M, &mut norms, &mut perm);
            normalize_rows(w.as_flat_mut(), M, &norms);
            let s = Tensor::from_fn(|_, i| norms[perm[i]] * factor);
            let u = Tensor::from_fn(|r, i| w.data[perm[i]][r]);
            let vt = Tensor::from_fn(|i, c| j.data[perm[i]][c]);
            (u, s, vt)
        } else {
            // W = A (K = M rows of length N): A = J^T S Y, so U = J^T and Vt = Y.
            let mut w = *self;
            let factor = equilibrate(w.as_flat_mut());
            jacobi(w.as_flat_mut(), M, N, Some(j.as_flat_mut()));
            let mut norms = [T::zero(); K];
            norms_sorted(w.as_flat(), N, &mut norms, &mut perm);
            normalize_rows(w.as_flat_mut(), N, &norms);
            let s = Tensor::from_fn(|_, i| norms[perm[i]] * factor);
            let u = Tensor::from_fn(|r, i| j.data[perm[i]][r]);
            let vt = Tensor::from_fn(|i, c| w.data[perm[i]][c]);
            (u, s, vt)
        }
    }

    /// The singular values, sorted in descending order, like NumPy's
    /// `np.linalg.svdvals(a)` (or `svd(a, compute_uv=False)`): the `S` of
    /// [`svd`](Self::svd), at less cost (no singular vectors are accumulated).
    /// NaN or an infinity in `self` gives NaN values.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[0.0f64, 2.0, 0.0], [1.0, 0.0, 0.0]]);
    /// assert_eq!(a.singular_values(), Tensor::from([2.0, 1.0]));
    /// ```
    #[must_use]
    pub fn singular_values<const K: usize>(&self) -> Vector<T, K>
    where
        Shape<M, N>: MinDim<Min = Dim<K>>,
    {
        debug_assert_eq!(K, M.min(N));
        if self.iter().any(|x| !x.is_finite()) {
            return Tensor::full(T::nan());
        }
        if M == 2 && N == 2 {
            let a = self.as_flat();
            let s = singular_values_2x2(a[0], a[1], a[2], a[3]);
            return Tensor::from_fn(|_, i| s[i]);
        }
        if K > JACOBI_MAX_K {
            let mut d = [T::zero(); K];
            let factor = if M >= N {
                let mut w = self.transpose();
                golub_kahan_on::<T, K, M>(w.as_flat_mut(), &mut d, None, None)
            } else {
                let mut w = *self;
                golub_kahan_on::<T, K, N>(w.as_flat_mut(), &mut d, None, None)
            };
            return Tensor::from_fn(|_, i| d[i] * factor);
        }
        let mut perm = [0; K];
        let mut norms = [T::zero(); K];
        let factor = if M >= N {
            let mut w = self.transpose();
            let factor = equilibrate(w.as_flat_mut());
            jacobi(w.as_flat_mut(), N, M, None);
            norms_sorted(w.as_flat(), M, &mut norms, &mut perm);
            factor
        } else {
            let mut w = *self;
            let factor = equilibrate(w.as_flat_mut());
            jacobi(w.as_flat_mut(), M, N, None);
            norms_sorted(w.as_flat(), N, &mut norms, &mut perm);
            factor
        };
        Tensor::from_fn(|_, i| norms[perm[i]] * factor)
    }

    /// The rank: the number of singular values above a tolerance, like NumPy's
    /// `np.linalg.matrix_rank(a, tol)`. With `tol = None`, NumPy's default
    /// `S.max() * max(M, N) * eps` (`eps` of `T`), which counts the singular values that are not
    /// rounding noise of the matrix's largest scale.
    ///
    /// NaN or an infinity in `self` makes every singular value NaN, and none counts (rank 0).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1.0f64, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]]);
    /// assert_eq!(a.matrix_rank(None), 2);
    /// assert_eq!(Tensor::<f64, 3, 4>::zeros().matrix_rank(None), 0);
    /// assert_eq!(Tensor::<f32, 3, 3>::eye().matrix_rank(Some(0.5)), 3);
    /// ```
    #[must_use]
    pub fn matrix_rank<const K: usize>(&self, tol: Option<T>) -> usize
    where
        Shape<M, N>: MinDim<Min = Dim<K>>,
    {
        let s = self.singular_values();
        let tol = tol.unwrap_or_else(|| {
            let smax = s.as_flat().first().copied().unwrap_or_else(T::zero);
            smax * T::from(M.max(N)).unwrap_or_else(T::infinity) * T::epsilon()
        });
        s.iter().filter(|&&x| x > tol).count()
    }

    /// The Moore-Penrose pseudo-inverse, `N x M`, like NumPy's `np.linalg.pinv(a, rcond)`:
    /// `V diag(1/S) U^T` over the singular values above `rcond * S.max()`, the others taken as
    /// zero. `rcond = None` is NumPy's default `1e-15`, meant for `f64`; for `f32` pass a
    /// tolerance such as `Some(max(M, N) as f32 * f32::EPSILON)` (NumPy's `rtol=None`).
    ///
    /// `A pinv(A) A = A` and `pinv(A) A pinv(A) = pinv(A)` hold for every matrix, the
    /// rank-deficient ones included; for an invertible matrix it is the inverse. NaN or an
    /// infinity in `self` gives NaN everywhere.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1.0f64, 2.0], [2.0, 4.0], [0.0, 0.0]]); // rank 1
    /// let p = a.pinv(None);
    /// assert_eq!(p.shape(), (2, 3));
    /// let apa = a.matmul(&p).matmul(&a);
    /// assert!(apa.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-14));
    /// ```
    #[must_use]
    pub fn pinv<const K: usize>(&self, rcond: Option<T>) -> Tensor<T, N, M>
    where
        Shape<M, N>: MinDim<Min = Dim<K>>,
    {
        let (u, s, vt) = self.svd();
        let rcond = rcond.unwrap_or_else(|| T::from(1e-15).unwrap_or_else(T::epsilon));
        let cutoff = rcond * s.as_flat().first().copied().unwrap_or_else(T::zero);
        let inv: [T; K] = core::array::from_fn(|i| {
            if s.data[0][i] > cutoff {
                s.data[0][i].recip()
            } else {
                T::zero()
            }
        });
        // pinv = Vt^T diag(inv) U^T: scale the rows of Vt, then (Vt^T D) U^T.
        let dvt = Tensor::<T, K, N>::from_fn(|i, c| vt.data[i][c] * inv[i]);
        let mut out = dvt.t().matmul(&u.t());
        if s.iter().any(|x| x.is_nan()) {
            out = Tensor::full(T::nan());
        }
        out
    }

    /// The 2-norm condition number `S.max() / S.min()`, like NumPy's `np.linalg.cond(a)`, for
    /// a matrix of any shape: `inf` for a singular matrix (a zero singular value), NaN when
    /// `self` holds NaN or an infinity. See [`cond_ord`](Self::cond_ord) for the other norms
    /// and [`rcond`](Self::rcond) for a cheap estimate.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1.0f64, 0.0], [0.0, 1e-3]]);
    /// assert!((a.cond() - 1e3).abs() < 1e-9);
    /// assert_eq!(Tensor::from([[1.0, 1.0], [1.0, 1.0]]).cond(), f64::INFINITY);
    /// ```
    #[must_use]
    pub fn cond<const K: usize>(&self) -> T
    where
        Shape<M, N>: MinDim<Min = Dim<K>>,
    {
        let s = self.singular_values();
        match s.as_flat() {
            [] => T::nan(),
            [first, .., last] if *last == T::zero() && first.is_finite() => T::infinity(),
            [first, .., last] => *first / *last,
            [only] if only.is_nan() => T::nan(),
            [only] if *only == T::zero() => T::infinity(),
            [_] => T::one(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn rank_deficient_vectors_are_completed() {
        let a = Tensor::from([[1.0f64, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.0]]);
        let (u, s, vt) = a.svd();
        assert!((s[0] - 2.0).abs() < 1e-15 && s[1] == 0.0 && s[2] == 0.0);
        let utu = u.t().matmul(&u);
        let vvt = vt.matmul(&vt.t());
        let eye = Tensor::<f64, 3, 3>::eye();
        assert!(utu.iter().zip(&eye).all(|(x, y)| (x - y).abs() < 1e-15));
        assert!(vvt.iter().zip(&eye).all(|(x, y)| (x - y).abs() < 1e-15));
        let z = Tensor::<f32, 2, 4>::zeros().svd();
        assert_eq!(z.1, Tensor::zeros());
        assert_eq!(z.0.t().matmul(&z.0), Tensor::eye());
        assert_eq!(z.2.matmul(&z.2.t()), Tensor::eye());
    }

    /// `U diag(S) Vt = A`, `U^T U = I`, `Vt Vt^T = I` and `S` sorted, to `16 n eps`.
    fn check_identities<const M: usize, const N: usize, const K: usize>(a: &Tensor<f64, M, N>)
    where
        crate::Shape<M, N>: crate::shape::MinDim<Min = crate::shape::Dim<K>>,
    {
        let (u, s, vt) = a.svd();
        let tol = 16.0 * M.max(N) as f64 * f64::EPSILON;
        let smax = s[0].max(f64::MIN_POSITIVE);
        assert!(s.as_flat().windows(2).all(|w| w[0] >= w[1] && w[1] >= 0.0));
        assert_eq!(a.singular_values(), s);
        let us = Tensor::<f64, M, K>::from_fn(|i, j| u[(i, j)] * s[j]);
        let usv = us.matmul(&vt);
        assert!(usv.iter().zip(a).all(|(x, y)| (x - y).abs() <= tol * smax));
        let utu = u.t().matmul(&u);
        let vvt = vt.matmul(&vt.t());
        let eye = Tensor::<f64, K, K>::eye();
        assert!(utu.iter().zip(&eye).all(|(x, y)| (x - y).abs() <= tol));
        assert!(vvt.iter().zip(&eye).all(|(x, y)| (x - y).abs() <= tol));
    }

    /// Upper bidiagonal inputs (the reduction leaves them as they are) with a zero on the
    /// diagonal: in the middle (the split at a negligible `s[k]`), last (the deflation of a
    /// negligible `s[p-1]`), first, and several; square, tall and wide.
    #[test]
    fn golub_kahan_zero_diagonal() {
        fn bidiagonal<const M: usize, const N: usize>(d: &[f64], e: &[f64]) -> Tensor<f64, M, N> {
            Tensor::from_fn(|i, j| {
                if i == j {
                    d[i]
                } else if j == i + 1 {
                    e[i]
                } else {
                    0.0
                }
            })
        }
        let e = [1.0, 0.5, -2.0, 1.5, 0.25, 1.0];
        for d in [
            [1.0, 2.0, 0.0, 3.0, 1.0, 0.5],
            [1.0, 2.0, 3.0, 1.0, 0.5, 0.0],
            [0.0, 2.0, 3.0, 1.0, 0.5, 4.0],
            [0.0, 2.0, 0.0, 1.0, 0.0, 0.0],
            [1e-300, 1.0, 1e-300, 1.0, 1e300, 1.0],
        ] {
            check_identities::<6, 6, 6>(&bidiagonal(&d, &e));
            check_identities::<8, 6, 6>(&bidiagonal(&d, &e));
            check_identities::<5, 7, 5>(&bidiagonal(&d, &e));
            check_identities::<5, 5, 5>(&bidiagonal(&d, &e));
        }
        check_identities::<7, 7, 7>(&Tensor::zeros());
        check_identities::<9, 5, 5>(&Tensor::from_fn(|i, j| (i * j) as f64)); // rank one
    }

    #[test]
    fn extreme_scales_do_not_overflow() {
        let a = Tensor::from([[3e300f64, 0.0], [0.0, 4e300]]);
        assert_eq!(a.singular_values(), Tensor::from([4e300, 3e300]));
        let b = Tensor::from([[3e-310f64, 0.0], [0.0, 4e-310]]);
        let s = b.singular_values();
        assert!((s[0] - 4e-310).abs() < 1e-320 && (s[1] - 3e-310).abs() < 1e-320);
        // Golub-Kahan's sizes, scaled to the edges of the range (the equilibration divides
        // when the reciprocal of the largest element is not a normal number).
        let c = |scale: f64| {
            Tensor::<f64, 6, 5>::from_fn(|i, j| {
                (((i * 5 + j) as f64).sin() + f64::from(u8::from(i == j))) * scale
            })
        };
        let s = c(1.0).singular_values();
        for (scale, tol) in [
            (1e300, 1e-13),
            (1e307, 1e-13),
            (1e-300, 1e-13),
            (1e-310, 1e-9),
        ] {
            let t = c(scale).singular_values();
            for i in 0..5 {
                assert!(
                    (t[i] / scale - s[i]).abs() <= tol * s[0],
                    "{scale}: {t:?} {s:?}"
                );
            }
        }
    }

    #[test]
    fn non_finite_input_gives_nan() {
        let a = Tensor::from([[1.0, f64::INFINITY], [0.0, 1.0]]);
        assert!(a.singular_values().iter().all(|x| x.is_nan()));
        let (u, s, vt) = a.svd();
        assert!(u.iter().chain(&s).chain(&vt).all(|x| x.is_nan()));
        assert!(a.cond().is_nan());
        assert_eq!(a.matrix_rank(None), 0);
        assert!(a.pinv(None).iter().all(|x| x.is_nan()));
    }

    #[test]
    fn empty_and_single() {
        assert_eq!(Tensor::<f64, 0, 3>::zeros().matrix_rank(None), 0);
        assert_eq!(Tensor::<f64, 3, 0>::zeros().pinv(None).shape(), (0, 3));
        assert_eq!(Tensor::from([[-2.0f64]]).cond(), 1.0);
    }
}
