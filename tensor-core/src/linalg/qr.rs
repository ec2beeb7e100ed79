//! The reduced QR decomposition by Householder reflections, as LAPACK's `geqrf` + `orgqr`
//! (behind NumPy's `np.linalg.qr`).
//!
//! The work is done on the transpose, so that each column of `A` (the vectors a reflection
//! acts on) is a contiguous row.

use num_traits::Float;

use super::level1::{axpy, dot, dot2, hypot, nrm2, scale};
use super::transpose::transpose_into;
use crate::shape::{Dim, MinDim, Shape};
use crate::{Element, Tensor};

impl<T: Element + Float, const M: usize, const N: usize> Tensor<T, M, N> {
    /// The reduced QR decomposition `self = Q R`, like NumPy's `np.linalg.qr(a)`
    /// (`mode='reduced'`): `Q` is `M x K` with orthonormal columns (`Q^T Q = I`) and `R` is
    /// `K x N` upper triangular, with `K = min(M, N)`.
    ///
    /// `K` is computed in the type: the bound `Shape<M, N>: MinDim<Min = Dim<K>>` holds for
    /// `K = min(M, N)` only, so the compiler infers it and `let (q, r) = a.qr();` needs no
    /// annotation (see [`MinDim`]). Both dimensions must be in the table of
    /// [`Dim`](crate::shape::Dim) (`0..=4096` and more).
    ///
    /// The factorization uses Householder reflections with LAPACK's conventions (`dlarfg`), so
    /// `Q` and `R` are NumPy's up to rounding, signs included: `R`'s diagonal may be negative
    /// (`R[k][k] = -sign(a) * norm` of the column being reduced). The backward error is of
    /// order `eps * |A|`, for every matrix, singular and rank-deficient ones included; NaN and
    /// infinite elements propagate into both factors.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[3.0f64, 1.0], [4.0, 2.0], [0.0, 2.0]]);
    /// let (q, r) = a.qr(); // q: Tensor<f64, 3, 2>, r: Tensor<f64, 2, 2>
    /// assert!((r[(0, 0)] - -5.0).abs() < 1e-12 && r[(1, 0)] == 0.0);
    /// let qr = q.matmul(&r);
    /// assert!(qr.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-12));
    /// let qtq = q.t().matmul(&q);
    /// assert!(qtq.iter().zip(&Tensor::<f64, 2, 2>::eye()).all(|(x, y)| (x - y).abs() < 1e-12));
    /// ```
    #[must_use]
    pub fn qr<const K: usize>(&self) -> (Tensor<T, M, K>, Tensor<T, K, N>)
    where
        Shape<M, N>: MinDim<Min = Dim<K>>,
    {
        debug_assert_eq!(K, M.min(N));
        // Row j of `w` is column j of A; after the factorization it holds R's column j above
        // the diagonal and, below it, the tail of the j-th Householder vector.
        let mut w = [[T::zero(); M]; N];
        transpose_into(&self.data, &mut w);
        let mut tau = [T::zero(); K];
        factor(w.as_flattened_mut(), N, M, &mut tau);
        let mut qt = Tensor::<T, K, M>::from_fn(|i, j| if i == j { T::one() } else { T::zero() });
        form_q(w.as_flattened(), M, &tau, qt.as_flat_mut());
        let mut q = [[T::zero(); K]; M];
        transpose_into(&qt.data, &mut q);
        let mut r = [[T::zero(); N]; K];
        transpose_into(&w, &mut r);
        // A select over whole rows, not a `fill` of their heads (a call to `memset` per row).
        for (i, row) in r.iter_mut().enumerate() {
            for (j, x) in row.iter_mut().enumerate() {
                if j < i {
                    *x = T::zero();
                }
            }
        }
        (Tensor::from_array(q), Tensor::from_array(r))
    }
}

/// The Householder reflection `H = I - tau v v^T` with `v[0] = 1` that maps `x` to
/// `(beta, 0, .., 0)`, as LAPACK's `dlarfg`: writes `beta` into `x[0]` and `v[1..]` into
/// `x[1..]`, and returns `tau` (0 when `x[1..]` is already zero: `H = I`).
pub(super) fn householder<T: Float>(x: &mut [T]) -> T {
    let Some((alpha, tail)) = x.split_first_mut() else {
        return T::zero();
    };
    let xnorm = nrm2(tail);
    if xnorm == T::zero() {
        return T::zero();
    }
    let a = *alpha;
    let norm = hypot(a, xnorm);
    let beta = if a >= T::zero() { -norm } else { norm };
    let tau = (beta - a) / beta;
    scale(T::one() / (a - beta), tail);
    *alpha = beta;
    tau
}

/// Applies `H = I - tau v v^T` (`v = (1, v_tail)`) to the vector `y` (same length as `v`).
#[inline]
pub(super) fn reflect<T: Float>(tau: T, v_tail: &[T], y: &mut [T]) {
    if tau == T::zero() {
        return;
    }
    let (y0, y_tail) = y.split_first_mut().expect("reflect: empty vector");
    let s = tau * (*y0 + dot(v_tail, y_tail));
    *y0 = *y0 - s;
    axpy(-s, v_tail, y_tail);
}

/// Applies `H = I - tau v v^T` (`v = (1, v_tail)`) to positions `from..` of each row of
/// `rows` (consecutive rows of length `stride`), two rows per pass over `v`: the same
/// operations as [`reflect`] on each row (the same bits), with half the loads of `v`.
pub(super) fn reflect_rows<T: Float>(
    tau: T,
    v_tail: &[T],
    rows: &mut [T],
    stride: usize,
    from: usize,
) {
    if tau == T::zero() || stride == 0 {
        return;
    }
    let mut pairs = rows.chunks_exact_mut(2 * stride);
    for pair in &mut pairs {
        let (y, z) = pair.split_at_mut(stride);
        let (Some((y0, y_tail)), Some((z0, z_tail))) = (
            y.get_mut(from..).and_then(<[T]>::split_first_mut),
            z.get_mut(from..).and_then(<[T]>::split_first_mut),
        ) else {
            continue;
        };
        let (dy, dz) = dot2(v_tail, y_tail, z_tail);
        let s = tau * (*y0 + dy);
        let t = tau * (*z0 + dz);
        *y0 = *y0 - s;
        *z0 = *z0 - t;
        let (ms, mt) = (-s, -t);
        for ((y, z), &v) in y_tail.iter_mut().zip(z_tail).zip(v_tail) {
            *y = *y + ms * v;
            *z = *z + mt * v;
        }
    }
    let rest = pairs.into_remainder();
    if rest.len() >= stride {
        reflect(tau, v_tail, &mut rest[from..stride]);
    }
}

/// Householder QR of the matrix whose columns are the `n` rows (length `m`) of `w`:
/// reflection `k` reduces row `k` below position `k` and is applied to the later rows.
fn factor<T: Float>(w: &mut [T], n: usize, m: usize, tau: &mut [T]) {
    for (k, tau_k) in tau.iter_mut().enumerate() {
        let (head, rest) = w.split_at_mut((k + 1) * m);
        let col = &mut head[k * m + k..];
        *tau_k = householder(col);
        let v_tail = &col[1..];
        reflect_rows(*tau_k, v_tail, &mut rest[..(n - k - 1) * m], m, k);
    }
}

/// `Q^T` (its `K` rows are Q's columns) from the reflections in `w`, accumulated backwards
/// as LAPACK's `orgqr` does: reflection `k` only touches rows `k..K`, from position `k` on.
fn form_q<T: Float>(w: &[T], m: usize, tau: &[T], qt: &mut [T]) {
    for (k, &t) in tau.iter().enumerate().rev() {
        let v_tail = &w[k * m + k + 1..(k + 1) * m];
        reflect_rows(t, v_tail, &mut qt[k * m..], m, k);
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn wide_square_and_empty() {
        let a = Tensor::from([[1.0f64, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        let (q, r) = a.qr();
        assert_eq!((q.shape(), r.shape()), ((2, 2), (2, 3)));
        let qr = q.matmul(&r);
        assert!(qr.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-14));
        let (q, r) = Tensor::<f32, 0, 3>::zeros().qr();
        assert_eq!((q.shape(), r.shape()), ((0, 0), (0, 3)));
        let (q, r) = Tensor::<f64, 1, 1>::from([[-2.0]]).qr();
        assert_eq!((q, r), (Tensor::from([[1.0]]), Tensor::from([[-2.0]])));
    }

    #[test]
    fn zero_columns_leave_the_identity() {
        let (q, r) = Tensor::<f64, 3, 2>::zeros().qr();
        assert_eq!(q, Tensor::from_fn(|i, j| if i == j { 1.0 } else { 0.0 }));
        assert_eq!(r, Tensor::zeros());
    }
}
