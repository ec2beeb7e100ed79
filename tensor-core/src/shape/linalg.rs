//! The shape rules of the decompositions: the smaller dimension `K = min(M, N)` of a matrix
//! as a type ([`MinDim`]), the square input of `cholesky` and `eigh`
//! ([`SquareDecomposition`]) and the equal row counts of `lstsq` ([`SameRows`]).
//!
//! `qr` and `svd` return factors whose shapes involve `K = min(M, N)`: `Q: (M, K)`,
//! `R: (K, N)`. Stable Rust cannot write `min(M, N)` as a const argument, so the methods take
//! `K` as a const parameter bounded by `Shape<M, N>: MinDim<Min = Dim<K>>`: the bound has
//! exactly one solution, which the compiler infers (`let (q, r) = a.qr();` needs no
//! annotation), and a wrong annotation is a type mismatch naming the right `Dim<K>`.

use typenum::{Eq, IsEqual, IsLessOrEqual, LeEq, True};

use typenum::{B0, B1};

use super::{Dim, Shape, ToUInt, U};

/// Picks one of two sizes with a typenum bit: `B0` picks `A`, `B1` picks `B` (how [`MinDim`]
/// chooses the smaller dimension).
///
/// ```
/// use tensor_core::shape::{Dim, PickDim};
/// use typenum::{B0, B1, Same};
///
/// fn picks<P: PickDim<1, 3, Dim: Same<D>>, D>() {}
/// picks::<B1, Dim<3>>();
/// picks::<B0, Dim<1>>();
/// ```
pub trait PickDim<const A: usize, const B: usize> {
    /// The chosen size.
    type Dim;
}

impl<const A: usize, const B: usize> PickDim<A, B> for B0 {
    type Dim = Dim<A>;
}

impl<const A: usize, const B: usize> PickDim<A, B> for B1 {
    type Dim = Dim<B>;
}

/// The smaller dimension of a matrix shape, as a [`Dim`]: `Shape<M, N>: MinDim<Min =
/// Dim<K>>` holds for `K = min(M, N)` only. Both dimensions must be in the table of
/// [`Dim`](super::Dim) (`0..=4096` and more).
///
/// ```
/// use tensor_core::{Shape, shape::{Dim, MinDim}};
///
/// fn min_is<S: MinDim<Min = Dim<K>>, const K: usize>() {}
/// min_is::<Shape<5, 3>, 3>();
/// min_is::<Shape<3, 5>, 3>();
/// min_is::<Shape<4, 4>, 4>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::{Dim, MinDim}};
///
/// fn min_is<S: MinDim<Min = Dim<K>>, const K: usize>() {}
/// min_is::<Shape<5, 3>, 5>();
/// ```
pub trait MinDim {
    /// `Dim<min(M, N)>`.
    type Min;
}

impl<const M: usize, const N: usize> MinDim for Shape<M, N>
where
    Dim<M>: ToUInt,
    Dim<N>: ToUInt,
    U<M>: IsLessOrEqual<U<N>>,
    // `M <= N` (`B1`) picks `M`, else `N`.
    LeEq<U<M>, U<N>>: PickDim<N, M>,
{
    type Min = <LeEq<U<M>, U<N>> as PickDim<N, M>>::Dim;
}

/// A square shape, `Shape<N, N>`: required by the decompositions of symmetric matrices,
/// `cholesky` and `eigh`.
///
/// ```
/// use tensor_core::{Shape, shape::SquareDecomposition};
///
/// fn check<S: SquareDecomposition>() {}
/// check::<Shape<3, 3>>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::SquareDecomposition};
///
/// fn check<S: SquareDecomposition>() {}
/// check::<Shape<3, 4>>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`cholesky` and `eigh` take a symmetric matrix, found a matrix of shape `{Self}`",
    label = "a symmetric matrix is square: it needs as many rows as columns",
    note = "for a rectangular matrix `a`, decompose `a.t().matmul(&a)`, or use `svd`/`qr`, which take any shape"
)]
pub trait SquareDecomposition {}
impl<const N: usize> SquareDecomposition for Shape<N, N> {}

/// Proof that the matrix `A` and the right-hand side `B` of a least-squares problem have the
/// same number of rows `M == M2`. Required by `lstsq` as the last link of [`SameRows`]:
/// implemented for `True` only.
///
/// ```
/// use tensor_core::Tensor;
///
/// let a = Tensor::from([[1.0f64, 0.0], [0.0, 1.0], [1.0, 1.0]]);
/// let b = Tensor::from([[1.0], [2.0], [3.0]]);
/// assert_eq!(a.lstsq(&b, None).rank, 2);
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let a = Tensor::<f64, 3, 2>::ones();
/// let _ = a.lstsq(&Tensor::<f64, 4, 1>::ones(), None); // `lstsq` needs ... 3 and 4 rows
/// ```
#[diagnostic::on_unimplemented(
    message = "`lstsq` needs `a` and `b` with the same number of rows: `a` is `{A}`, `b` is `{B}` ({M} and {M2} rows)",
    label = "`b` must have {M} rows, one per row (equation) of `a`",
    note = "`a.lstsq(&b, rcond)` minimizes `|a x - b|` over `x`: each row of `a` and of `b` is one equation"
)]
pub trait RowsMatch<A, B, const M: usize, const M2: usize> {}
impl<A, B, const M: usize, const M2: usize> RowsMatch<A, B, M, M2> for True {}

/// `Self` (the matrix `Shape<M, N>`) and the right-hand side `Shape<M2, P>` of `lstsq` have the
/// same number of rows.
///
/// The comparison is a typenum bit rather than a shared const parameter, so the compiler
/// takes `M2` from the argument and reports [`RowsMatch`], naming both shapes, instead of a
/// bare type mismatch. Both row counts must be in the table of [`Dim`](super::Dim).
///
/// ```
/// use tensor_core::{Shape, shape::SameRows};
///
/// fn check<A: SameRows<B>, B>() {}
/// check::<Shape<5, 2>, Shape<5, 3>>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::SameRows};
///
/// fn check<A: SameRows<B>, B>() {}
/// check::<Shape<5, 2>, Shape<4, 1>>();
/// ```
pub trait SameRows<B> {}

impl<const M: usize, const N: usize, const M2: usize, const P: usize> SameRows<Shape<M2, P>>
    for Shape<M, N>
where
    Dim<M>: ToUInt,
    Dim<M2>: ToUInt,
    U<M>: IsEqual<U<M2>>,
    Eq<U<M>, U<M2>>: RowsMatch<Shape<M, N>, Shape<M2, P>, M, M2>,
{
}
