//! The marker traits that turn a failed typenum comparison into a readable error.
//!
//! Each trait is implemented only for [`True`]. A shape check computes a typenum bit (`B1` or
//! `B0`) and requires it to implement one of these traits, which carry the shapes as their
//! parameters; when the bit is `B0`, the `on_unimplemented` message names the shapes.

use typenum::True;

/// Proof that two shapes hold the same number of elements (required by `reshape`, `flatten`).
#[diagnostic::on_unimplemented(
    message = "cannot reshape a tensor of shape {From} into shape {To}: element counts differ",
    label = "the element counts of {From} and {To} differ",
    note = "a reshape keeps every element: the product of the target's dimensions must equal the source's"
)]
pub trait SameElementCount<From, To> {}
impl<From, To> SameElementCount<From, To> for True {}

/// Proof that row index `I` is below the row count `R`.
#[diagnostic::on_unimplemented(
    message = "row index {I} is out of bounds for a tensor with {R} rows",
    label = "row {I} does not exist: valid rows are 0..{R}"
)]
pub trait RowIndexInBounds<const I: usize, const R: usize> {}
impl<const I: usize, const R: usize> RowIndexInBounds<I, R> for True {}

/// Proof that column index `J` is below the column count `C`.
#[diagnostic::on_unimplemented(
    message = "column index {J} is out of bounds for a tensor with {C} columns",
    label = "column {J} does not exist: valid columns are 0..{C}"
)]
pub trait ColIndexInBounds<const J: usize, const C: usize> {}
impl<const J: usize, const C: usize> ColIndexInBounds<J, C> for True {}

/// Proof that rows `START..START + LEN` lie within `R` rows.
#[diagnostic::on_unimplemented(
    message = "rows {START}..{START}+{LEN} are out of bounds for a tensor with {R} rows",
    label = "this slice needs {LEN} rows from row {START}, but the tensor has {R}"
)]
pub trait RowRangeInBounds<const START: usize, const LEN: usize, const R: usize> {}
impl<const START: usize, const LEN: usize, const R: usize> RowRangeInBounds<START, LEN, R>
    for True
{
}

/// Proof that columns `START..START + LEN` lie within `C` columns.
#[diagnostic::on_unimplemented(
    message = "columns {START}..{START}+{LEN} are out of bounds for a tensor with {C} columns",
    label = "this slice needs {LEN} columns from column {START}, but the tensor has {C}"
)]
pub trait ColRangeInBounds<const START: usize, const LEN: usize, const C: usize> {}
impl<const START: usize, const LEN: usize, const C: usize> ColRangeInBounds<START, LEN, C>
    for True
{
}

/// Proof that two shapes broadcast together (required by `+ - * /` between tensors,
/// `maximum`, `minimum`).
#[diagnostic::on_unimplemented(
    message = "operands could not be broadcast together with shapes {A} and {B}",
    label = "the shapes {A} and {B} are not compatible",
    note = "broadcasting needs each dimension of the two shapes to be equal, or one of them to be 1"
)]
pub trait BroadcastCompatible<A, B> {}
impl<A, B> BroadcastCompatible<A, B> for True {}

/// Proof that a shape can be broadcast to a target shape (required by `broadcast`).
#[diagnostic::on_unimplemented(
    message = "cannot broadcast a tensor of shape {From} to shape {To}",
    label = "{From} does not broadcast to {To}",
    note = "each dimension of the source must equal the target's or be 1"
)]
pub trait BroadcastsTo<From, To> {}
impl<From, To> BroadcastsTo<From, To> for True {}
