//! The marker traits that turn a failed typenum comparison into a readable error.
//!
//! Each trait is implemented only for [`True`]. A shape check computes a typenum bit (`B1` or
//! `B0`) and requires it to implement one of these traits, which carry the shapes as their
//! parameters; when the bit is `B0`, the `on_unimplemented` message names the shapes.

use typenum::True;

use super::Shape;

/// Proof that two shapes hold the same number of elements (required by `reshape`, `flatten`).
///
/// ```
/// use tensor_core::Tensor;
///
/// let x = Tensor::<i32, 2, 3>::arange();
/// assert_eq!(x.reshape::<Tensor<_, 3, 2>>(), Tensor::from([[0, 1], [2, 3], [4, 5]]));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let x = Tensor::<i32, 2, 3>::arange();
/// let _ = x.reshape::<Tensor<_, 4, 2>>(); // cannot reshape ... Shape<2, 3> into shape Shape<4, 2>
/// ```
#[diagnostic::on_unimplemented(
    message = "cannot reshape a tensor of shape {From} into shape {To}: element counts differ",
    label = "the element counts of {From} and {To} differ",
    note = "a reshape keeps every element: the product of the target's dimensions must equal the source's"
)]
pub trait SameElementCount<From, To> {}
impl<From, To> SameElementCount<From, To> for True {}

/// Proof that row index `I` is below the row count `R`.
///
/// ```
/// use tensor_core::Tensor;
///
/// let m = Tensor::<i32, 3, 2>::arange();
/// assert_eq!(m.row::<2>(), Tensor::from([4, 5]));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let m = Tensor::<i32, 3, 2>::arange();
/// let _ = m.row::<3>(); // row index 3 is out of bounds for a tensor with 3 rows
/// ```
#[diagnostic::on_unimplemented(
    message = "row index {I} is out of bounds for a tensor with {R} rows",
    label = "row {I} does not exist: valid rows are 0..{R}"
)]
pub trait RowIndexInBounds<const I: usize, const R: usize> {}
impl<const I: usize, const R: usize> RowIndexInBounds<I, R> for True {}

/// Proof that column index `J` is below the column count `C`.
///
/// ```
/// use tensor_core::Tensor;
///
/// let m = Tensor::<i32, 3, 2>::arange();
/// assert_eq!(m.col::<1>(), Tensor::from([[1], [3], [5]]));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let m = Tensor::<i32, 3, 2>::arange();
/// let _ = m.col::<2>(); // column index 2 is out of bounds for a tensor with 2 columns
/// ```
#[diagnostic::on_unimplemented(
    message = "column index {J} is out of bounds for a tensor with {C} columns",
    label = "column {J} does not exist: valid columns are 0..{C}"
)]
pub trait ColIndexInBounds<const J: usize, const C: usize> {}
impl<const J: usize, const C: usize> ColIndexInBounds<J, C> for True {}

/// Proof that rows `START..START + LEN` lie within `R` rows.
///
/// ```
/// use tensor_core::Tensor;
///
/// let m = Tensor::<i32, 4, 4>::arange();
/// assert_eq!(m.block::<2, 0, 2, 1>(), Tensor::from([[8], [12]]));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let m = Tensor::<i32, 4, 4>::arange();
/// let _ = m.block::<3, 0, 2, 4>(); // rows 3..3+2 are out of bounds for a tensor with 4 rows
/// ```
#[diagnostic::on_unimplemented(
    message = "rows {START}..{START}+{LEN} are out of bounds for a tensor with {R} rows",
    label = "this block needs {LEN} rows from row {START}, but the tensor has {R}"
)]
pub trait RowRangeInBounds<const START: usize, const LEN: usize, const R: usize> {}
impl<const START: usize, const LEN: usize, const R: usize> RowRangeInBounds<START, LEN, R>
    for True
{
}

/// Proof that columns `START..START + LEN` lie within `C` columns.
///
/// ```
/// use tensor_core::Tensor;
///
/// let m = Tensor::<i32, 2, 4>::arange();
/// assert_eq!(m.block::<0, 1, 2, 3>(), Tensor::from([[1, 2, 3], [5, 6, 7]]));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let m = Tensor::<i32, 2, 4>::arange();
/// let _ = m.block::<0, 2, 2, 3>(); // columns 2..2+3 are out of bounds for a tensor with 4 columns
/// ```
#[diagnostic::on_unimplemented(
    message = "columns {START}..{START}+{LEN} are out of bounds for a tensor with {C} columns",
    label = "this block needs {LEN} columns from column {START}, but the tensor has {C}"
)]
pub trait ColRangeInBounds<const START: usize, const LEN: usize, const C: usize> {}
impl<const START: usize, const LEN: usize, const C: usize> ColRangeInBounds<START, LEN, C>
    for True
{
}

/// Proof that two shapes broadcast together (required by `+ - * /` between tensors,
/// `maximum`, `minimum`).
///
/// ```
/// use tensor_core::Tensor;
///
/// let m = Tensor::<f32, 3, 2>::ones();
/// assert_eq!(m + Tensor::from([1.0, 2.0]), Tensor::from([[2.0, 3.0]; 3])); // (3, 2) + (1, 2)
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let m = Tensor::<f32, 3, 2>::ones();
/// let _ = m + Tensor::from([1.0, 2.0, 3.0]); // ... broadcast together with shapes Shape<3, 2> and Shape<1, 3>
/// ```
#[diagnostic::on_unimplemented(
    message = "operands could not be broadcast together with shapes {A} and {B}",
    label = "the shapes {A} and {B} are not compatible",
    note = "broadcasting needs each dimension of the two shapes to be equal, or one of them to be 1"
)]
pub trait BroadcastCompatible<A, B> {}
impl<A, B> BroadcastCompatible<A, B> for True {}

/// Proof that a shape can be broadcast to a target shape (required by `broadcast`).
///
/// ```
/// use tensor_core::Tensor;
///
/// let row = Tensor::from([1, 2]);
/// assert_eq!(row.broadcast::<2, 2>(), Tensor::from([[1, 2], [1, 2]]));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let row = Tensor::from([1, 2]);
/// let _ = row.broadcast::<2, 3>(); // cannot broadcast a tensor of shape Shape<1, 2> to shape Shape<2, 3>
/// ```
#[diagnostic::on_unimplemented(
    message = "cannot broadcast a tensor of shape {From} to shape {To}",
    label = "{From} does not broadcast to {To}",
    note = "each dimension of the source must equal the target's or be 1"
)]
pub trait BroadcastsTo<From, To> {}
impl<From, To> BroadcastsTo<From, To> for True {}
/// Proof that the inner dimensions of a matrix product agree: `K == K2` for
/// `Lhs = Shape<R, K>` times `Rhs = Shape<K2, C>`.
///
/// Implemented for `()` when the two dimensions are the same const parameter, so no typenum
/// arithmetic is involved and every dimension works.
///
/// ```
/// use tensor_core::Tensor;
///
/// let a = Tensor::<f64, 2, 3>::ones();
/// let b = Tensor::<f64, 3, 4>::ones();
/// assert_eq!(a.matmul(&b), Tensor::from([[3.0; 4]; 2]));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor;
///
/// let a = Tensor::<f64, 2, 3>::ones();
/// let _ = a.matmul(&a); // cannot multiply `Shape<2, 3>` by `Shape<2, 3>`: inner dimensions 3 and 2 differ
/// ```
#[diagnostic::on_unimplemented(
    message = "cannot multiply `{Lhs}` by `{Rhs}`: inner dimensions {K} and {K2} differ",
    label = "the right operand must have {K} rows (the left operand's column count), found {K2}",
    note = "a matrix product `(R, K) @ (K, C)` needs the left operand's columns to match the right operand's rows",
    note = "a `Vector<T, N>` is a row (`1 x N`): for NumPy's `A @ v` with a 1-D `v`, use `a.matvec(&v)` or `a @ v.T`"
)]
pub trait InnerDimsMatch<Lhs, Rhs, const K: usize, const K2: usize> {}
impl<Lhs, Rhs, const N: usize> InnerDimsMatch<Lhs, Rhs, N, N> for () {}

/// A square shape: `Shape<N, N>`. Required by `det`, `inv` and `solve`.
///
/// ```
/// use tensor_core::{Shape, shape::Square};
///
/// fn check<S: Square>() {}
/// check::<Shape<3, 3>>();
/// ```
///
/// ```compile_fail
/// use tensor_core::{Shape, shape::Square};
///
/// fn check<S: Square>() {}
/// check::<Shape<2, 3>>();
/// ```
#[diagnostic::on_unimplemented(
    message = "expected a square matrix, found a matrix of shape `{Self}`",
    label = "`det`, `inv` and `solve` need as many rows as columns",
    note = "the determinant and the inverse exist only for square matrices; for least squares on a tall matrix, solve the normal equations `(A.T @ A) x = A.T @ b`"
)]
pub trait Square {}
impl<const N: usize> Square for Shape<N, N> {}

/// Proof that index `I` lies within an axis of size `N` (the `axis::At<I>` selector).
///
/// ```
/// use tensor_core::{Tensor, shape::{All, At}};
///
/// let m = Tensor::<i32, 2, 3>::arange();
/// assert_eq!(m.select(At::<1>, All), Tensor::from([3, 4, 5])); // m[1, :]
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::{Tensor, shape::{All, At}};
///
/// let m = Tensor::<i32, 2, 3>::arange();
/// let _ = m.select(At::<2>, All); // index 2 is out of bounds for axis 0 with size 2
/// ```
#[diagnostic::on_unimplemented(
    message = "index {I} is out of bounds for axis {AXIS} with size {N}",
    label = "valid indices on axis {AXIS} are 0..{N}",
    note = "axis 0 counts rows, axis 1 columns; a `Vector<T, N>` is a single row: its element `j` is `v[0, j]` in `tensor!`"
)]
pub trait IndexInBounds<const AXIS: usize, const I: usize, const N: usize> {}
impl<const AXIS: usize, const I: usize, const N: usize> IndexInBounds<AXIS, I, N> for True {}

/// Proof that index `-K` (counted from the end) lies within an axis of size `N`:
/// `1 <= K <= N` (the `axis::AtEnd<K>` selector).
///
/// ```
/// use tensor_core::{Tensor, shape::{All, AtEnd}};
///
/// let m = Tensor::<i32, 2, 3>::arange();
/// assert_eq!(m.select(All, AtEnd::<3>), Tensor::from([[0], [3]])); // m[:, -3]
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::{Tensor, shape::{All, AtEnd}};
///
/// let m = Tensor::<i32, 2, 3>::arange();
/// let _ = m.select(All, AtEnd::<4>); // index -4 is out of bounds for axis 1 with size 3
/// ```
#[diagnostic::on_unimplemented(
    message = "index -{K} is out of bounds for axis {AXIS} with size {N}",
    label = "valid indices from the end on axis {AXIS} are -{N}..=-1",
    note = "axis 0 counts rows, axis 1 columns"
)]
pub trait IndexFromEndInBounds<const AXIS: usize, const K: usize, const N: usize> {}
impl<const AXIS: usize, const K: usize, const N: usize> IndexFromEndInBounds<AXIS, K, N> for True {}

/// Proof that the `LEN` elements from index `START` lie within an axis of size `N`
/// (the `axis::Span<START, LEN>` selector).
///
/// ```
/// use tensor_core::{Tensor, shape::{All, Span}};
///
/// let m = Tensor::<i32, 2, 3>::arange();
/// assert_eq!(m.select(All, Span::<1, 2>), Tensor::from([[1, 2], [4, 5]])); // m[:, 1:3]
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::{Tensor, shape::{All, Span}};
///
/// let m = Tensor::<i32, 2, 3>::arange();
/// let _ = m.select(All, Span::<2, 2>); // a slice of 2 elements from index 2 is out of bounds ...
/// ```
#[diagnostic::on_unimplemented(
    message = "a slice of {LEN} elements from index {START} is out of bounds for axis {AXIS} with size {N}",
    label = "this slice ends after index {START} + {LEN}, but axis {AXIS} has {N} elements",
    note = "axis 0 counts rows, axis 1 columns; a `Vector<T, N>` is a single row: its elements `a..b` are `v[.., a..b]` in `tensor!`"
)]
pub trait SliceInBounds<const AXIS: usize, const START: usize, const LEN: usize, const N: usize> {}
impl<const AXIS: usize, const START: usize, const LEN: usize, const N: usize>
    SliceInBounds<AXIS, START, LEN, N> for True
{
}

/// Proof that the `LEN` elements from index `-K` lie within an axis of size `N`:
/// `LEN <= K <= N` (the `axis::SpanEnd<K, LEN>` selector).
///
/// ```
/// use tensor_core::{Tensor, shape::{All, SpanEnd}};
///
/// let v = Tensor::from([1, 2, 3, 4]);
/// assert_eq!(v.select(All, SpanEnd::<3, 2>), Tensor::from([2, 3])); // v[-3:-1]
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::{Tensor, shape::{All, SpanEnd}};
///
/// let v = Tensor::from([1, 2, 3, 4]);
/// let _ = v.select(All, SpanEnd::<5, 2>); // a slice of 2 elements from index -5 is out of bounds ...
/// ```
#[diagnostic::on_unimplemented(
    message = "a slice of {LEN} elements from index -{K} is out of bounds for axis {AXIS} with size {N}",
    label = "this slice starts {K} elements from the end, but axis {AXIS} has {N} elements",
    note = "axis 0 counts rows, axis 1 columns"
)]
pub trait SliceFromEndInBounds<const AXIS: usize, const K: usize, const LEN: usize, const N: usize>
{
}
impl<const AXIS: usize, const K: usize, const LEN: usize, const N: usize>
    SliceFromEndInBounds<AXIS, K, LEN, N> for True
{
}

/// Proof that dropping `FRONT` elements at the front and `BACK` at the back of an axis of size
/// `N` leaves `LEN`: `FRONT + LEN + BACK == N` (the `axis::Trim<FRONT, BACK>` selector).
///
/// ```
/// use tensor_core::{Tensor, shape::{All, Trim}};
///
/// let m = Tensor::<i32, 2, 4>::arange();
/// let inner: Tensor<i32, 2, 2> = m.select(All, Trim::<1, 1>); // m[:, 1:-1]
/// assert_eq!(inner, Tensor::from([[1, 2], [5, 6]]));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::{Tensor, shape::{All, Trim}};
///
/// let m = Tensor::<i32, 2, 4>::arange();
/// let _: Tensor<i32, 2, 3> = m.select(All, Trim::<1, 1>); // ... does not have 3 elements
/// ```
#[diagnostic::on_unimplemented(
    message = "an open-ended slice that skips {FRONT} leading and {BACK} trailing elements of axis {AXIS} with size {N} does not have {LEN} elements",
    label = "the result's type asks for {LEN} elements on axis {AXIS}",
    note = "the length of an open-ended slice comes from the result's type: annotate it with the right size"
)]
pub trait TrimFits<
    const AXIS: usize,
    const FRONT: usize,
    const BACK: usize,
    const LEN: usize,
    const N: usize,
>
{
}
impl<const AXIS: usize, const FRONT: usize, const BACK: usize, const LEN: usize, const N: usize>
    TrimFits<AXIS, FRONT, BACK, LEN, N> for True
{
}
