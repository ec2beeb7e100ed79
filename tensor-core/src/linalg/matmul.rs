//! Matrix products: `matmul`, `matmul_into`, `matvec`, `dot` and `outer`.

use core::mem::MaybeUninit;

use super::OUT_OF_LINE_BYTES;

use crate::shape::{Axis, Const, Dims, MatMulRhs};
use crate::{Array, Element, Tensor, Vector};

impl<T: Element, A0: Axis, const K: usize> Array<T, (A0, Const<K>)>
where
    (A0, Const<K>): Dims,
{
    /// The matrix product `self @ rhs`, like NumPy's `a @ b`: `(R, K) @ (K, C) -> (R, C)`.
    ///
    /// `rhs` is a `Tensor<T, K, C>` (or a reference to one). A right operand whose row count is
    /// not `K` is a compile error naming both shapes:
    /// `cannot multiply Shape<2, 3> by Shape<2, 3>: inner dimensions 3 and 2 differ`.
    /// A row vector `Vector<T, K>` times a matrix is NumPy's `v @ M` (vector-matrix); for
    /// NumPy's `M @ v` (matrix-vector with a 1-D `v`) see [`matvec`](Self::matvec).
    ///
    /// The way the product is computed is chosen from the shapes at compile time (no
    /// dimension is tested at run time): `K = 1` products are the scaling / outer-product
    /// loop, small ones and narrow ones (fewer than 16 columns) the i-k-j loop inlined with
    /// the dimensions known to the compiler, square ones of sizes 2 to 8 straight-line code;
    /// for `f32` and `f64`, dot products (`(1, K) @ (K, 1)`) and matrix-vector products
    /// (`(R, K) @ (K, 1)`) run SIMD kernels with several accumulators, and the rest
    /// register-blocked SIMD products (one-row tiles for vector-matrix products), with fused
    /// multiply-adds (one rounding per term) where the CPU has FMA.
    ///
    /// Every output element is summed from zero with `+` and `*` of `T` (for integers,
    /// overflow behaves as Rust's operators: a panic in debug builds), in the order
    /// `k = 0, 1, ..`, except in the `f32`/`f64` dot and matrix-vector kernels, which sum in
    /// vector lanes and blocks (an error growing with the logarithm of `K` rather than with
    /// `K`: a dot product of 10^6 `f32` values is accurate to about 1e-7 relative).
    /// Either way the result of an element does not depend on where it sits in the output,
    /// NaN and infinities propagate as IEEE says (`0 * inf` is NaN; nothing is skipped), and
    /// the error is within the usual `k * eps * (|A| |B|)` bound.
    /// The product is returned by value, on the stack; for large matrices kept on the heap,
    /// `a.matmul(&b)` on a boxed `a` returns a boxed product
    /// ([`BoxedMatrix::matmul`](crate::BoxedMatrix::matmul), feature `alloc`), and
    /// [`matmul_into`](Self::matmul_into) writes into existing storage.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1, 2], [3, 4]]);
    /// let b = Tensor::from([[5, 6], [7, 8]]);
    /// assert_eq!(a.matmul(&b), Tensor::from([[19, 22], [43, 50]]));
    ///
    /// // (2x3) @ (3x2) -> (2x2)
    /// let x = Tensor::<f64, 2, 3>::arange();
    /// let y = Tensor::<f64, 3, 2>::ones();
    /// assert_eq!(x.matmul(&y), Tensor::from([[3.0, 3.0], [12.0, 12.0]]));
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::<f64, 2, 3>::zeros();
    /// let _ = a.matmul(&a); // cannot multiply `Shape<2, 3>` by `Shape<2, 3>`: inner dimensions 3 and 2 differ
    /// ```
    #[must_use]
    #[inline]
    pub fn matmul<Rhs: MatMulRhs<T, A0, K>>(&self, rhs: &Rhs) -> Rhs::Output {
        if size_of::<Rhs::Output>() >= OUT_OF_LINE_BYTES {
            return matmul_out_of_line(self, rhs);
        }
        let mut out = MaybeUninit::<Rhs::Output>::uninit();
        product(self, rhs, &mut out);
        // SAFETY: `product` writes the whole product into `out`.
        unsafe { out.assume_init() }
    }

    /// Writes the matrix product `self @ rhs` into `out`, overwriting it, like NumPy's
    /// `np.matmul(a, b, out=out)`. Nothing of the size of the product is placed on the stack,
    /// so `out` can be a large tensor in a `Box`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Box::new(Tensor::<f32, 64, 64>::identity());
    /// let b = Box::new(Tensor::<f32, 64, 64>::arange());
    /// let mut out = Box::new(Tensor::<f32, 64, 64>::zeros());
    /// a.matmul_into(&*b, &mut out);
    /// assert_eq!(*out, *b);
    /// ```
    #[inline]
    pub fn matmul_into<Rhs: MatMulRhs<T, A0, K>>(&self, rhs: &Rhs, out: &mut Rhs::Output) {
        // SAFETY: `__product` writes only initialized values (the product's elements) into
        // `out`, and `MaybeUninit<O>` has `O`'s layout.
        rhs.__product(self, unsafe { &mut *core::ptr::from_mut(out).cast() });
    }
}

/// `out = lhs @ rhs`, written by the product's kernel.
#[inline(always)]
fn product<T: Element, A0: Axis, const K: usize, Rhs: MatMulRhs<T, A0, K>>(
    lhs: &Array<T, (A0, Const<K>)>,
    rhs: &Rhs,
    out: &mut MaybeUninit<Rhs::Output>,
) where
    (A0, Const<K>): Dims,
{
    rhs.__product(lhs, out);
}

/// `lhs @ rhs` by [`product_out_of_line`], returned from a call that is never inlined (see
/// [`OUT_OF_LINE_BYTES`]). The caller's tensor is the return slot, which nothing else has seen
/// when the call starts, so the compiler lets `product_out_of_line` write into it. When
/// `matmul` itself called `product_out_of_line` on a temporary, the temporary was copied into
/// the caller's tensor whenever that tensor's address had been taken before (a tensor of a
/// loop passed by reference in an earlier turn, as `black_box(&p)` does): `(16384, 16) @ (16,
/// 64)` `f32` went from 455-534 to 358-372 us, a 4 MiB copy less (one core, AMD Zen 4).
#[inline(never)]
fn matmul_out_of_line<T: Element, A0: Axis, const K: usize, Rhs: MatMulRhs<T, A0, K>>(
    lhs: &Array<T, (A0, Const<K>)>,
    rhs: &Rhs,
) -> Rhs::Output
where
    (A0, Const<K>): Dims,
{
    let mut out = MaybeUninit::<Rhs::Output>::uninit();
    product_out_of_line(lhs, rhs, &mut out);
    // SAFETY: `product_out_of_line` writes the whole product into `out`.
    unsafe { out.assume_init() }
}

/// [`product`], never inlined (see [`OUT_OF_LINE_BYTES`]).
#[inline(never)]
fn product_out_of_line<T: Element, A0: Axis, const K: usize, Rhs: MatMulRhs<T, A0, K>>(
    lhs: &Array<T, (A0, Const<K>)>,
    rhs: &Rhs,
    out: &mut MaybeUninit<Rhs::Output>,
) where
    (A0, Const<K>): Dims,
{
    product(lhs, rhs, out);
}

impl<T: Element, const R: usize, const K: usize> Tensor<T, R, K> {
    /// The product of the transpose with `rhs`, `self.t().matmul(rhs)`, like NumPy's
    /// `a.T @ b` (nalgebra's `tr_mul`): `(R, K)^T @ (R, C) -> (K, C)`. In the `tensor!`
    /// expression DSL, `a.T @ b` expands to this call.
    ///
    /// When `self` is a row or a column (`R = 1` or `K = 1`), its transpose holds the same
    /// elements in the same order, and the product reads `self` as it is stored: the gradient
    /// `x.T @ err` of a one-feature linear model, a dot product of two columns, copies
    /// nothing. Otherwise the transpose is formed first, as `self.t()` does. The result is
    /// that of `self.t().matmul(rhs)` either way (the same kernel on the same values), and a
    /// right operand whose row count is not `R` is the compile error of `self.t().matmul(rhs)`,
    /// naming the transposed shape: `cannot multiply Shape<1, 3> by Shape<2, 1>: inner
    /// dimensions 3 and 2 differ`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::from([[1.0], [2.0], [3.0]]); // (3, 1)
    /// let err = Tensor::from([[0.5], [0.0], [-1.0]]);
    /// assert_eq!(x.t_matmul(&err), Tensor::from([[-2.5]])); // x.T @ err
    ///
    /// let a = Tensor::from([[1, 2], [3, 4], [5, 6]]);
    /// assert_eq!(a.t_matmul(&a), a.t().matmul(&a)); // the Gram matrix a.T @ a
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::<f64, 3, 1>::zeros();
    /// let _ = x.t_matmul(&Tensor::<f64, 2, 1>::zeros()); // inner dimensions 3 and 2 differ
    /// ```
    #[must_use]
    #[inline]
    pub fn t_matmul<Rhs: MatMulRhs<T, Const<K>, R>>(&self, rhs: &Rhs) -> Rhs::Output {
        if R == 1 || K == 1 {
            Tensor::<T, K, R>::view(self.as_flat()).matmul(rhs)
        } else {
            self.t().matmul(rhs)
        }
    }

    /// The matrix-vector product with a row vector taken as a column, like NumPy's `M @ v`
    /// for a 1-D `v` (or `np.matvec`): `(R, K) @ (K,) -> (R,)`, returned as a row vector.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// let v = Tensor::from([1, 0, -1]);
    /// assert_eq!(m.matvec(&v), Tensor::from([-2, -2]));
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::<i32, 2, 3>::zeros();
    /// let _ = m.matvec(&Tensor::from([1, 2])); // expected a vector of length 3
    /// ```
    #[must_use]
    pub fn matvec(&self, v: &Vector<T, K>) -> Vector<T, R> {
        let mut out = MaybeUninit::uninit();
        crate::kernels::matmul::matmul_sized::<T, R, K, 1>(
            self.as_flat(),
            v.as_flat(),
            Vector::flat_uninit(&mut out),
        );
        // SAFETY: `matmul_sized` writes every element of its output.
        unsafe { out.assume_init() }
    }
}

impl<T: Element, const N: usize> Tensor<T, 1, N> {
    /// The outer product of two vectors, like NumPy's `np.outer(v, w)`:
    /// `out[i][j] = v[i] * w[j]`, an `N x M` matrix.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let v = Tensor::from([1, 2]);
    /// let w = Tensor::from([3, 4, 5]);
    /// assert_eq!(v.outer(&w), Tensor::from([[3, 4, 5], [6, 8, 10]]));
    /// ```
    #[must_use]
    pub fn outer<const M: usize>(&self, other: &Vector<T, M>) -> Tensor<T, N, M> {
        let [a] = &self.data;
        let [b] = &other.data;
        Tensor::from_fn(|i, j| a[i] * b[j])
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn reference_operands_and_chains() {
        let a = Tensor::from([[1, 2], [3, 4]]);
        let r = &a;
        assert_eq!(a.matmul(&r), a.matmul(&a));
        assert_eq!(a.matmul(&a).matmul(&a), Tensor::from([[37, 54], [81, 118]]));
    }

    #[test]
    fn vector_matrix_and_matrix_vector() {
        let m = Tensor::from([[1, 2], [3, 4], [5, 6]]);
        assert_eq!(Tensor::from([1, 1, 1]).matmul(&m), Tensor::from([9, 12]));
        assert_eq!(m.matvec(&Tensor::from([1, -1])), Tensor::from([-1, -1, -1]));
        assert_eq!(
            m.matmul(&Tensor::from([[1], [-1]])),
            Tensor::from([[-1], [-1], [-1]])
        );
    }

    #[test]
    fn zero_sized_products() {
        let a = Tensor::<f64, 2, 0>::zeros();
        let b = Tensor::<f64, 0, 3>::zeros();
        assert_eq!(a.matmul(&b), Tensor::<f64, 2, 3>::zeros());
        assert_eq!(b.matmul(&Tensor::<f64, 3, 0>::zeros()).shape(), (0, 0));
    }

    #[test]
    fn dimensions_beyond_typenums_table() {
        // 4099 is outside the table of `shape::Dim`: the product needs no arithmetic on
        // dimensions.
        let v = Tensor::<i64, 1, 4099>::ones();
        let c = Tensor::<i64, 4099, 1>::ones();
        assert_eq!(v.matmul(&c), Tensor::from([4099]));
    }
}
