//! The reduced QR decomposition by Householder reflections, as LAPACK's `geqrf` + `orgqr`
//! (behind NumPy's `np.linalg.qr`).
//!
//! Two forms of the same reflections, chosen by the size at compile time: up to 32 x 32 the
//! work is done on the transpose, so that each column of `A` (the vectors a reflection acts
//! on) is a contiguous row; above, on a row-major copy of `A`, where a reflection is two
//! passes of `y += a x` along the rows, on the machine's best instruction set.

use num_traits::Float;

use super::level1::{axpy, dot, dot2, hypot, nrm2, scale};
use super::transpose::transpose_into;
use crate::kernels::simd::dispatch::on_active;
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
        if M * N > IN_PLACE_MIN {
            self.qr_in_place()
        } else {
            self.qr_transposed()
        }
    }

    /// [`qr`](Self::qr) on the transpose, whose rows are `A`'s columns: each reflection is
    /// applied to the later rows as a dot product and an `y += a x` per row, two rows at once.
    /// The faster form up to 32 x 32, where the rows are too short for the other to pay.
    #[inline(always)]
    fn qr_transposed<const K: usize>(&self) -> (Tensor<T, M, K>, Tensor<T, K, N>) {
        // Row j of `w` is column j of A; after the factorization it holds R's column j above
        // the diagonal and, below it, the tail of the j-th Householder vector.
        let mut w = [[T::zero(); M]; N];
        transpose_into(&self.data, &mut w);
        let mut tau = [T::zero(); K];
        factor_transposed(w.as_flattened_mut(), N, M, &mut tau);
        let mut qt = Tensor::<T, K, M>::from_fn(|i, j| if i == j { T::one() } else { T::zero() });
        form_qt(w.as_flattened(), M, &tau, qt.as_flat_mut());
        let mut q = [[T::zero(); K]; M];
        transpose_into(&qt.data, &mut q);
        let mut r = [[T::zero(); N]; K];
        transpose_into(&w, &mut r);
        zero_below_diagonal(&mut r);
        (Tensor::from_array(q), Tensor::from_array(r))
    }

    /// [`qr`](Self::qr) on a row-major copy of `A`: each reflection is applied as `w = v^T A`
    /// and `A -= tau v w^T`, two passes of `y += a x` along the rows with no horizontal sums,
    /// on the machine's best instruction set. The faster form above 32 x 32.
    #[inline(always)]
    fn qr_in_place<const K: usize>(&self) -> (Tensor<T, M, K>, Tensor<T, K, N>) {
        // `a` holds R above the diagonal after the factorization and, below it, the tails of
        // the Householder vectors (column k, rows k+1..).
        let mut a = self.data;
        let mut tau = [T::zero(); K];
        let mut v = [T::zero(); M];
        let mut w = [T::zero(); N];
        let mut q = [[T::zero(); K]; M];
        for (i, row) in q.iter_mut().enumerate().take(K) {
            row[i] = T::one();
        }
        let (a_flat, q_flat) = (a.as_flattened_mut(), q.as_flattened_mut());
        on_active(
            #[inline(always)]
            || {
                if K > 0 {
                    factor(a_flat, N, &mut tau, &mut v, &mut w);
                    form_q(a_flat, N, &tau, &mut v, q_flat, K, &mut w);
                }
            },
        );
        let mut r = [[T::zero(); N]; K];
        r.copy_from_slice(&a[..K]);
        zero_below_diagonal(&mut r);
        (Tensor::from_array(q), Tensor::from_array(r))
    }
}

/// Zeros the elements of `r` below its diagonal: a select over whole rows, not a `fill` of
/// their heads (a call to `memset` per row).
#[inline(always)]
fn zero_below_diagonal<T: Float, const N: usize>(r: &mut [[T; N]]) {
    for (i, row) in r.iter_mut().enumerate() {
        for (j, x) in row.iter_mut().enumerate() {
            if j < i {
                *x = T::zero();
            }
        }
    }
}

/// The Householder reflection `H = I - tau v v^T` with `v[0] = 1` that maps `x` to
/// `(beta, 0, .., 0)`, as LAPACK's `dlarfg`: writes `beta` into `x[0]` and `v[1..]` into
/// `x[1..]`, and returns `tau` (0 when `x[1..]` is already zero: `H = I`).
///
/// Out of line: inlined into the small factorizations it made them up to 20% slower (QR of
/// 2x2 to 4x4 `f32` in a native build).
#[inline(never)]
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
fn factor_transposed<T: Float>(w: &mut [T], n: usize, m: usize, tau: &mut [T]) {
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
fn form_qt<T: Float>(w: &[T], m: usize, tau: &[T], qt: &mut [T]) {
    for (k, &t) in tau.iter().enumerate().rev() {
        let v_tail = &w[k * m + k + 1..(k + 1) * m];
        reflect_rows(t, v_tail, &mut qt[k * m..], m, k);
    }
}

/// Above this many elements (`M * N`), [`qr`](Tensor::qr) works in place on the rows
/// (`qr_in_place`), on the machine's best instruction set (detected once, as the products'
/// kernels are): at 64 x 64 it takes 0.70-0.75 of the transposed form's time in a default
/// build (0.9-1.0 in a native one); up to 32 x 32 the transposed form is as fast or faster
/// (BENCHMARKS.md, "Decompositions").
const IN_PLACE_MIN: usize = 1024;

/// The columns of `v^T A` summed at once in [`reflect_left`].
const B: usize = 16;

/// Householder QR of the row-major matrix `a` (`n` columns), as LAPACK's `geqr2`: reflection
/// `k` reduces column `k` below the diagonal (`R[k][k]` and the vector's tail are written
/// back into the column) and is applied to the later columns. `v` and `w` are scratch: one
/// element per row of `a` (a Householder vector), one per column (`v^T` times the rows).
#[inline(always)]
fn factor<T: Float>(a: &mut [T], n: usize, tau: &mut [T], v: &mut [T], w: &mut [T]) {
    let m = a.len() / n;
    for (k, tau_k) in tau.iter_mut().enumerate() {
        let rows = &mut a[k * n..];
        let v = &mut v[..m - k];
        for (x, row) in v.iter_mut().zip(rows.chunks_exact(n)) {
            *x = row[k];
        }
        *tau_k = householder(v);
        for (&x, row) in v.iter().zip(rows.chunks_exact_mut(n)) {
            row[k] = x;
        }
        v[0] = T::one();
        reflect_left(*tau_k, v, rows, n, k + 1, w);
    }
}

/// `Q` (`m x k`) from the reflections kept below the diagonal of `a`, accumulated backwards
/// as LAPACK's `orgqr` does: reflection `j` only touches rows `j..` from column `j` on. `q`
/// holds the first `k` columns of the identity on entry; `v` and `w` are [`factor`]'s scratch
/// (`w` at least as long as a row of `q`).
#[inline(always)]
fn form_q<T: Float>(a: &[T], n: usize, tau: &[T], v: &mut [T], q: &mut [T], k: usize, w: &mut [T]) {
    let m = q.len() / k;
    for (j, &t) in tau.iter().enumerate().rev() {
        let v = &mut v[..m - j];
        v[0] = T::one();
        for (x, row) in v[1..].iter_mut().zip(a[(j + 1) * n..].chunks_exact(n)) {
            *x = row[j];
        }
        reflect_left(t, v, &mut q[j * k..], k, j, w);
    }
}

/// Applies `H = I - tau v v^T` from the left to columns `from..` of the rows of `rows`
/// (row-major, `n` columns; one row per element of `v`): `w = v^T rows`, then `rows -= tau v
/// w^T`. Both passes are `y += a x` along rows, with no horizontal sums.
#[inline(always)]
fn reflect_left<T: Float>(tau: T, v: &[T], rows: &mut [T], n: usize, from: usize, w: &mut [T]) {
    if tau == T::zero() || from >= n {
        return;
    }
    // `w` by blocks of `B` columns, each summed in registers down the rows.
    for (b, wb) in w[from..n].chunks_mut(B).enumerate() {
        let c = from + b * B;
        let mut acc = [T::zero(); B];
        if wb.len() == B {
            for (row, &vi) in rows.chunks_exact(n).zip(v) {
                let r = &row[c..c + B];
                for t in 0..B {
                    acc[t] = acc[t] + vi * r[t];
                }
            }
        } else {
            for (row, &vi) in rows.chunks_exact(n).zip(v) {
                for (a, &x) in acc.iter_mut().zip(&row[c..]) {
                    *a = *a + vi * x;
                }
            }
        }
        wb.copy_from_slice(&acc[..wb.len()]);
    }
    let w = &w[from..n];
    for (row, &vi) in rows.chunks_exact_mut(n).zip(v) {
        axpy(-tau * vi, w, &mut row[from..]);
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

    /// The two forms against each other, tall, wide and square, with a zero column (whose
    /// reflection is the identity): the same factors to rounding.
    #[test]
    fn in_place_and_transposed_agree() {
        fn check<const M: usize, const N: usize, const K: usize>() {
            // Pseudo-random values in [-1, 1) (splitmix64 of the position), column 3 zero.
            let a = Tensor::<f64, M, N>::from_fn(|i, j| {
                let mut h = ((i * N + j) as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
                h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                h ^= h >> 31;
                if j == 3 {
                    0.0
                } else {
                    (h >> 11) as f64 / (1u64 << 52) as f64 - 1.0
                }
            });
            let (q1, r1) = a.qr_in_place::<K>();
            let (q2, r2) = a.qr_transposed::<K>();
            let close = |x: &[f64], y: &[f64]| x.iter().zip(y).all(|(x, y)| (x - y).abs() < 1e-12);
            assert!(close(q1.as_flat(), q2.as_flat()) && close(r1.as_flat(), r2.as_flat()));
            let qr = q1.matmul(&r1);
            assert!(close(qr.as_flat(), a.as_flat()));
        }
        check::<40, 30, 30>();
        check::<6, 8, 6>();
        check::<30, 31, 30>();
        check::<30, 37, 30>();
        check::<33, 33, 33>();
        check::<5, 3, 3>();
    }

    #[test]
    fn zero_columns_leave_the_identity() {
        let (q, r) = Tensor::<f64, 3, 2>::zeros().qr();
        assert_eq!(q, Tensor::from_fn(|i, j| if i == j { 1.0 } else { 0.0 }));
        assert_eq!(r, Tensor::zeros());
    }
}
