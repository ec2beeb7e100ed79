//! Shapes in the type system, and the compile-time checks written with them.
//!
//! A shape check is a trait bound on an operation: `reshape` requires
//! `Shape<R, C>: ReshapeInto<Shape<R2, C2>>`, `row::<I>` requires `Shape<R, C>: RowInBounds<I>`.
//! The bounds are proved with [`typenum`] arithmetic while the program is type-checked, so
//! `cargo check`, rust-analyzer and the compiler all see a mismatch. The last link of every
//! check is a marker trait carrying the shapes in plain numbers and implemented only for
//! [`typenum::True`]; when the arithmetic yields `False`, its
//! `#[diagnostic::on_unimplemented]` message is the error the user reads:
//!
//! ```text
//! error[E0277]: cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ
//! error[E0277]: row index 5 is out of bounds for a tensor with 3 rows
//! ```
//!
//! # Which dimensions can be checked
//!
//! Checks that compare or multiply dimensions need each dimension as a typenum number, which
//! typenum provides for `0..=1024` and for every power of 2 and of 10. A dimension outside that
//! table makes such a check fail with "the trait `ToUInt` is not implemented for `Const<N>`".
//! Operations that need no arithmetic (construction, indexing, iteration, same-shape ops
//! expressed by the types alone) work for every dimension, and so do the checks that only
//! compare two dimensions for equality through const parameters: the matrix product's
//! [`MatMulRhs`] / [`InnerDimsMatch`] and the [`Square`] bound of `det`, `inv` and `solve`.
//! The selectors of `Tensor::select` (the `tensor!` DSL's indices) need the axis size in the
//! table, except [`All`].

mod bounds;
mod check;
mod matmul;
mod reshape;
mod select;

pub use bounds::{BlockInBounds, ColInBounds, RowInBounds};
pub use check::{
    ColIndexInBounds, ColRangeInBounds, IndexFromEndInBounds, IndexInBounds, InnerDimsMatch,
    RowIndexInBounds, RowRangeInBounds, SameElementCount, SliceFromEndInBounds, SliceInBounds,
    Square, TrimFits,
};
pub use matmul::MatMulRhs;
pub use reshape::ReshapeInto;
pub use select::{All, At, AtEnd, AxisSelect, Span, SpanEnd, Trim};

/// The shape `R x C` as a zero-sized type, used in shape-check bounds and error messages.
///
/// ```
/// use tensor_core::{Shape, shape::ReshapeInto};
///
/// fn reshapes<A: ReshapeInto<B>, B>() {}
/// reshapes::<Shape<2, 3>, Shape<3, 2>>();
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Shape<const R: usize, const C: usize>;

impl<const R: usize, const C: usize> Shape<R, C> {
    /// The dimensions `(R, C)`.
    ///
    /// ```
    /// use tensor_core::Shape;
    ///
    /// assert_eq!(Shape::<28, 28>::DIMS, (28, 28));
    /// ```
    pub const DIMS: (usize, usize) = (R, C);
}
