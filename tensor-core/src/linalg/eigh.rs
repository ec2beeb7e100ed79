//! Eigenvalues and eigenvectors of a symmetric matrix: Householder reduction to tridiagonal
//! form, then the implicit QL algorithm with Wilkinson shifts (the Algol procedures `tred2`
//! and `tql2` of Bowdler, Martin, Reinsch and Wilkinson, Handbook for Automatic Computation
//! vol. II, as in EISPACK), as LAPACK's `syev` does with `sytrd` + `steqr`.
//!
//! Everything is stored transposed (`u[j][k]` is the textbook `V[k][j]`), so that every
//! inner loop, the rotations of the QL sweeps included, runs over contiguous rows.

use num_traits::Float;

use super::level1::{axpy, dot, hypot, rotate, two_rows};
use crate::shape::{Shape, SquareDecomposition};
use crate::{Element, Tensor, Vector};

/// QL iterations per eigenvalue before moving on; two or three are typical.
const MAX_ITERATIONS: usize = 60;

/// Householder tridiagonalization of the symmetric matrix whose lower triangle is the upper
/// triangle of `u` (`u = A^T`): on return `d` is the diagonal, `e[1..]` the subdiagonal and
/// the rows of `u` the columns of the orthogonal `Q` with `A = Q T Q^T`.
#[inline(always)]
fn tridiagonalize<T: Float>(u: &mut [T], n: usize, d: &mut [T], e: &mut [T]) {
    if n == 0 {
        return;
    }
    for j in 0..n {
        d[j] = u[j * n + n - 1];
    }
    for i in (1..n).rev() {
        let scale = d[..i].iter().fold(T::zero(), |s, x| s + x.abs());
        let mut h = T::zero();
        if scale == T::zero() {
            e[i] = d[i - 1];
            for j in 0..i {
                d[j] = u[j * n + i - 1];
                u[j * n + i] = T::zero();
                u[i * n + j] = T::zero();
            }
        } else {
            // The Householder vector, scaled to avoid overflow and underflow.
            for x in &mut d[..i] {
                *x = *x / scale;
                h = h + *x * *x;
            }
            let f = d[i - 1];
            let g = if f > T::zero() { -h.sqrt() } else { h.sqrt() };
            e[i] = scale * g;
            h = h - f * g;
            d[i - 1] = f - g;
            e[..i].fill(T::zero());
            // e = A d (the lower triangle of A is the upper triangle of u's rows).
            for j in 0..i {
                let f = d[j];
                u[i * n + j] = f;
                let row = &u[j * n..j * n + i];
                let mut g = e[j] + row[j] * f;
                g = g + dot(&row[j + 1..i], &d[j + 1..i]);
                axpy(f, &row[j + 1..i], &mut e[j + 1..i]);
                e[j] = g;
            }
            let mut f = T::zero();
            for j in 0..i {
                e[j] = e[j] / h;
                f = f + e[j] * d[j];
            }
            let hh = f / (h + h);
            for j in 0..i {
                e[j] = e[j] - hh * d[j];
            }
            // A -= d e^T + e d^T on the lower triangle.
            for j in 0..i {
                let (f, g) = (d[j], e[j]);
                let row = &mut u[j * n..j * n + i];
                for k in j..i {
                    row[k] = row[k] - (f * e[k] + g * d[k]);
                }
                d[j] = u[j * n + i - 1];
                u[j * n + i] = T::zero();
            }
        }
        d[i] = h;
    }
    // Accumulate the transformations.
    for i in 0..n - 1 {
        u[i * n + n - 1] = u[i * n + i];
        u[i * n + i] = T::one();
        let h = d[i + 1];
        if h != T::zero() {
            for k in 0..=i {
                d[k] = u[(i + 1) * n + k] / h;
            }
            for j in 0..=i {
                let (head, tail) = u.split_at_mut((i + 1) * n);
                let v = &tail[..=i];
                let row = &mut head[j * n..j * n + i + 1];
                let g = dot(v, row);
                axpy(-g, &d[..=i], row);
            }
        }
        u[(i + 1) * n..(i + 1) * n + i + 1].fill(T::zero());
    }
    for j in 0..n {
        d[j] = u[j * n + n - 1];
        u[j * n + n - 1] = T::zero();
    }
    u[n * n - 1] = T::one();
    e[0] = T::zero();
}

/// The implicit QL algorithm on the tridiagonal matrix `(d, e)` from [`tridiagonalize`],
/// applying each rotation to the rows of `u` (when given). On return `d` holds the
/// eigenvalues, sorted ascending with the rows of `u`.
#[inline(always)]
fn tridiagonal_ql<T: Float>(d: &mut [T], e: &mut [T], n: usize, mut u: Option<&mut [T]>) {
    if n == 0 {
        return;
    }
    for i in 1..n {
        e[i - 1] = e[i];
    }
    e[n - 1] = T::zero();
    let eps = T::epsilon();
    let two = T::one() + T::one();
    let mut f = T::zero();
    let mut tst1 = T::zero();
    for l in 0..n {
        tst1 = tst1.max(d[l].abs() + e[l].abs());
        // The first negligible subdiagonal element at or after l.
        let mut m = l;
        while m < n - 1 && e[m].abs() > eps * tst1 {
            m += 1;
        }
        if m > l {
            for _ in 0..MAX_ITERATIONS {
                // The implicit (Wilkinson) shift.
                let g = d[l];
                let mut p = (d[l + 1] - g) / (two * e[l]);
                let mut r = hypot(p, T::one());
                if p < T::zero() {
                    r = -r;
                }
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                let dl1 = d[l + 1];
                let mut h = g - d[l];
                for x in &mut d[l + 2..n] {
                    *x = *x - h;
                }
                f = f + h;
                // The QL sweep, from m up to l.
                p = d[m];
                let (mut c, mut c2, mut c3) = (T::one(), T::one(), T::one());
                let el1 = e[l + 1];
                let (mut s, mut s2) = (T::zero(), T::zero());
                for i in (l..m).rev() {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    let g = c * e[i];
                    h = c * p;
                    r = hypot(p, e[i]);
                    e[i + 1] = s * r;
                    let (ei, di) = (e[i], d[i]);
                    s = ei / r;
                    c = p / r;
                    // `c d_i - s g`, divided by `r` once: the next rotation waits on one
                    // division after the square root, not on `c` and `s` and then their
                    // products.
                    p = (p * di - ei * g) / r;
                    d[i + 1] = h + s * (c * g + s * di);
                    if let Some(u) = u.as_deref_mut() {
                        let (ui, ui1) = two_rows(u, n, i, i + 1);
                        rotate(ui, ui1, c, s);
                    }
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                if e[l].abs() <= eps * tst1 || e[l].is_nan() {
                    break;
                }
            }
        }
        d[l] = d[l] + f;
        e[l] = T::zero();
    }
    // Selection sort, ascending, moving the vectors along.
    for i in 0..n.saturating_sub(1) {
        let mut k = i;
        for j in i + 1..n {
            if d[j] < d[k] {
                k = j;
            }
        }
        if k != i {
            d.swap(i, k);
            if let Some(u) = u.as_deref_mut() {
                let (ui, uk) = two_rows(u, n, i, k);
                ui.swap_with_slice(uk);
            }
        }
    }
}

/// The largest `N` whose [`tridiagonalize`] and [`tridiagonal_ql`] are inlined with `n = N`,
/// so that their loops have constant bounds: `eigh` 3x3 went from 0.97x to 1.41x nalgebra
/// (`f32`, default build) and 4x4 from 0.92x to 1.02x; inlined at 8, `f32` lost 12%.
const INLINED_MAX: usize = 4;

/// [`tridiagonalize`] then [`tridiagonal_ql`] of the `N x N` `u` (see there), accumulating
/// the eigenvectors in `u` when `vectors`: inlined up to [`INLINED_MAX`], out of line above.
#[inline(always)]
fn eigen_in_place<T: Float, const N: usize>(
    u: &mut [T],
    d: &mut [T; N],
    e: &mut [T; N],
    vectors: bool,
) {
    if N <= INLINED_MAX {
        tridiagonalize(u, N, d, e);
        tridiagonal_ql(d, e, N, vectors.then_some(u));
    } else {
        tridiagonalize_out_of_line(u, N, d, e);
        tridiagonal_ql_out_of_line(d, e, N, vectors.then_some(u));
    }
}

/// [`tridiagonalize`], not inlined.
#[inline(never)]
fn tridiagonalize_out_of_line<T: Float>(u: &mut [T], n: usize, d: &mut [T], e: &mut [T]) {
    tridiagonalize(u, n, d, e);
}

/// [`tridiagonal_ql`], not inlined.
#[inline(never)]
fn tridiagonal_ql_out_of_line<T: Float>(d: &mut [T], e: &mut [T], n: usize, u: Option<&mut [T]>) {
    tridiagonal_ql(d, e, n, u);
}

/// The eigendecomposition of the symmetric 2x2 matrix `[[a, b], [b, c]]` in closed form: one
/// Jacobi rotation (Golub and Van Loan, Algorithm 8.5.1 `symSchur2`) with `t = tan(theta)` the
/// root of `t^2 + 2 tau t - 1 = 0` of magnitude at most 1, computed without cancellation. Returns
/// the eigenvalues in ascending order and the matrix whose columns are their (orthonormal)
/// eigenvectors.
///
/// `tau = (c - a) / 2b` is formed from the halves, which cannot overflow; when it overflows
/// anyway (`b` negligible against `c - a`), `t = 0` and the matrix is diagonal to working
/// precision.
fn symmetric_2x2<T: Float>(a: T, b: T, c: T) -> ([T; 2], [[T; 2]; 2]) {
    let (zero, one) = (T::zero(), T::one());
    let (w, v) = if b == zero {
        ([a, c], [[one, zero], [zero, one]])
    } else {
        let half = (one + one).recip();
        let tau = (half * c - half * a) / b;
        let t = (tau.abs() + hypot(one, tau)).recip();
        let t = if tau < zero { -t } else { t };
        let cs = hypot(one, t).recip();
        let sn = t * cs;
        // J = [[cs, sn], [-sn, cs]] and J^T A J = diag(a - t b, c + t b).
        ([a - t * b, c + t * b], [[cs, sn], [-sn, cs]])
    };
    if w[1] < w[0] {
        ([w[1], w[0]], [[v[0][1], v[0][0]], [v[1][1], v[1][0]]])
    } else {
        (w, v)
    }
}

impl<T: Element + Float, const N: usize, const C: usize> Tensor<T, N, C> {
    /// The eigenvalues and eigenvectors of a symmetric matrix, like NumPy's
    /// `np.linalg.eigh(a)`: the eigenvalues in ascending order, and the eigenvectors as the
    /// columns of an orthogonal matrix `V` (`V^T V = I`), so that `self @ V[:, i] = w[i] *
    /// V[:, i]` and `self = V diag(w) V^T`.
    ///
    /// As NumPy's (with its default `UPLO='L'`), only the lower triangle of `self` is read:
    /// the upper one is assumed to mirror it. Each eigenvector is unique up to its sign (up to
    /// a rotation within the eigenspace of a repeated eigenvalue), as in NumPy. The eigenvalues
    /// are accurate to a few `eps * max|w|`. A NaN or an infinity in the lower triangle gives
    /// NaN everywhere (NumPy returns NaN as well, or raises).
    ///
    /// Householder tridiagonalization and the implicit QL algorithm (LAPACK's `syev`); a
    /// 2x2 matrix in closed form (one Jacobi rotation).
    /// A non-square matrix is a compile error
    /// (`` `cholesky` and `eigh` take a symmetric matrix, found ... `Shape<3, 4>` ``).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[2.0f64, 1.0], [1.0, 2.0]]);
    /// let (w, v) = a.eigh();
    /// assert!((w[0] - 1.0).abs() < 1e-14 && (w[1] - 3.0).abs() < 1e-14);
    /// let av = a.matmul(&v);
    /// assert!((0..2).all(|i| (0..2).all(|j| (av[(i, j)] - w[j] * v[(i, j)]).abs() < 1e-14)));
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::Tensor;
    ///
    /// let _ = Tensor::<f64, 3, 4>::zeros().eigh(); // `cholesky` and `eigh` take a symmetric matrix ...
    /// ```
    #[must_use]
    pub fn eigh(&self) -> (Vector<T, N>, Tensor<T, N, N>)
    where
        Shape<N, C>: SquareDecomposition,
    {
        if !self.lower_is_finite() {
            return (Tensor::full(T::nan()), Tensor::full(T::nan()));
        }
        if N == 2 {
            let (w, v) = self.symmetric_2x2();
            return (
                Tensor::from_fn(|_, i| w[i]),
                Tensor::from_fn(|i, j| v[i][j]),
            );
        }
        // u = A^T: u's upper triangle is A's lower triangle.
        let mut u = Tensor::<T, N, N>::from_fn(|i, j| self.data[j][i]);
        let mut d = [T::zero(); N];
        let mut e = [T::zero(); N];
        eigen_in_place(u.as_flat_mut(), &mut d, &mut e, true);
        (Tensor::from_fn(|_, i| d[i]), u.transpose())
    }

    /// The eigenvalues of a symmetric matrix in ascending order, like NumPy's
    /// `np.linalg.eigvalsh(a)`: the `w` of [`eigh`](Self::eigh), without accumulating the
    /// eigenvectors through the QL sweeps. Reads the lower triangle only.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let w = Tensor::from([[2.0f64, 0.0], [0.0, -1.0]]).eigvalsh();
    /// assert_eq!(w, Tensor::from([-1.0, 2.0]));
    /// ```
    #[must_use]
    pub fn eigvalsh(&self) -> Vector<T, N>
    where
        Shape<N, C>: SquareDecomposition,
    {
        if !self.lower_is_finite() {
            return Tensor::full(T::nan());
        }
        if N == 2 {
            let (w, _) = self.symmetric_2x2();
            return Tensor::from_fn(|_, i| w[i]);
        }
        let mut u = Tensor::<T, N, N>::from_fn(|i, j| self.data[j][i]);
        let mut d = [T::zero(); N];
        let mut e = [T::zero(); N];
        eigen_in_place(u.as_flat_mut(), &mut d, &mut e, false);
        Tensor::from_fn(|_, i| d[i])
    }

    /// [`symmetric_2x2`] of a 2x2 `self`, from its lower triangle.
    fn symmetric_2x2(&self) -> ([T; 2], [[T; 2]; 2]) {
        debug_assert!(N == 2 && C == 2);
        let a = self.as_flat();
        symmetric_2x2(a[0], a[2], a[3])
    }

    /// Every element on or below the diagonal is finite.
    fn lower_is_finite(&self) -> bool {
        self.data
            .iter()
            .enumerate()
            .all(|(i, row)| row.iter().take(i + 1).all(|x| x.is_finite()))
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    /// `A V = V diag(w)`, `V^T V = I` and ascending `w` for the 2x2 closed form, within
    /// `4 eps` of `max |w|` (and of 1), over diagonal, nearly diagonal, equal-diagonal, tiny
    /// and huge matrices.
    #[test]
    fn closed_form_2x2() {
        fn check<T: num_traits::Float + crate::Element + Into<f64>>(a: T, b: T, c: T) {
            let m = Tensor::from([[a, T::nan()], [b, c]]); // the upper triangle is not read
            let (w, v) = m.eigh();
            assert_eq!(m.eigvalsh(), w);
            let f = |x: T| -> f64 { x.into() };
            let (a, b, c) = (f(a), f(b), f(c));
            let (w0, w1) = (f(w[0]), f(w[1]));
            let eps = f(T::epsilon());
            let scale = w0.abs().max(w1.abs()).max(f64::MIN_POSITIVE);
            assert!(w0 <= w1, "ascending: {w0} {w1}");
            for (j, wj) in [w0, w1].into_iter().enumerate() {
                let (x, y) = (f(v[(0, j)]), f(v[(1, j)]));
                assert!(
                    (a * x + b * y - wj * x).abs() <= 4.0 * eps * scale,
                    "A v = w v"
                );
                assert!(
                    (b * x + c * y - wj * y).abs() <= 4.0 * eps * scale,
                    "A v = w v"
                );
                assert!((x * x + y * y - 1.0).abs() <= 4.0 * eps, "|v| = 1");
            }
            let dot = f(v[(0, 0)]) * f(v[(0, 1)]) + f(v[(1, 0)]) * f(v[(1, 1)]);
            assert!(dot.abs() <= 4.0 * eps, "v0 . v1 = 0");
        }
        for (a, b, c) in [
            (2.0, 1.0, 2.0),
            (3.0, 0.0, 1.0),
            (1.0, 0.0, 3.0),
            (1.0, 1e-300, 1.0),
            (1.0, 1e-200, 2.0),
            (1e300, 1e300, -1e300),
            (8e307, 5e307, 8e307),
            (-5e-310, 3e-310, 1e-310),
            (0.0, 0.0, 0.0),
            (1.0, -2.0, 1.0 + 1e-15),
            (4.0, 1e-8, 4.0),
        ] {
            check::<f64>(a, b, c);
            let f32_of = |x: f64| (x as f32).clamp(-1e38, 1e38);
            check::<f32>(f32_of(a), f32_of(b), f32_of(c));
        }
    }

    #[test]
    fn diagonal_empty_and_nan() {
        let (w, v) = Tensor::from([[3.0f64, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 2.0]]).eigh();
        assert_eq!(w, Tensor::from([1.0, 2.0, 3.0]));
        assert_eq!(
            v.map(f64::abs),
            Tensor::from([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
        );
        let (w, v) = Tensor::<f32, 0, 0>::zeros().eigh();
        assert_eq!((w.shape(), v.shape()), ((1, 0), (0, 0)));
        let (w, v) = Tensor::from([[1.0, 0.0], [f64::NAN, 1.0]]).eigh();
        assert!(w.iter().chain(&v).all(|x| x.is_nan()));
        // The upper triangle is not read, as in NumPy.
        let w = Tensor::from([[1.0, f64::NAN], [0.0, 1.0]]).eigvalsh();
        assert_eq!(w, Tensor::from([1.0, 1.0]));
    }
}
