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
//! expressed by the types alone) work for every dimension.
//!
//! # Broadcasting
//!
//! The arithmetic operators between tensors broadcast as NumPy does ([`BroadcastWith`]): on
//! each axis the sizes must be equal or one of them 1, so `(3, 2)` combines with `(3, 2)`,
//! `(1, 2)`, `(3, 1)` and `(1, 1)` in either order, and the result type is the plain
//! `Tensor<T, R, C>` of the larger sizes. The same holds for `Tensor3` and `Tensor4` with
//! [`Shape3`] and [`Shape4`] (an image `(H, W, C)` with per-channel values `(1, 1, C)`); the two
//! operands have the same rank. A mismatch reads
//!
//! ```text
//! error[E0277]: operands could not be broadcast together with shapes Shape<3, 2> and Shape<1, 3>
//! ```
//!
//! Rust's coherence rules allow one `impl Add` between two tensors, so the same impl serves
//! same-shape and broadcasting operands, and `a + b` (likewise `- * /`, `maximum`, `minimum`)
//! needs every dimension of both operands in typenum's table. For larger same-shape tensors,
//! use the in-place operators, which carry no typenum bound (`a += &b`, with
//! `a: Tensor<f32, 1, 2000>`), or [`Tensor::zip_map`](crate::Tensor::zip_map).

mod bounds;
mod broadcast;
mod check;
mod reshape;

pub use bounds::{BlockInBounds, ColInBounds, RowInBounds};
pub use broadcast::{
    Broadcast, BroadcastAxis, BroadcastTo, BroadcastWith, Dim, DimsShape, PickDim, StaticShape,
};
pub use check::{
    BroadcastCompatible, BroadcastsTo, ColIndexInBounds, ColRangeInBounds, RowIndexInBounds,
    RowRangeInBounds, SameElementCount,
};
pub use reshape::{ElementCount, ReshapeInto};

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

/// The shape `D0 x D1 x D2` of a rank-3 tensor (an image: height x width x channels).
///
/// ```
/// use tensor_core::Shape3;
///
/// assert_eq!(Shape3::<28, 28, 3>::DIMS, (28, 28, 3));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Shape3<const D0: usize, const D1: usize, const D2: usize>;

impl<const D0: usize, const D1: usize, const D2: usize> Shape3<D0, D1, D2> {
    /// The dimensions `(D0, D1, D2)`.
    pub const DIMS: (usize, usize, usize) = (D0, D1, D2);
}

/// The shape `D0 x D1 x D2 x D3` of a rank-4 tensor (a batch of images: N x H x W x C).
///
/// ```
/// use tensor_core::Shape4;
///
/// assert_eq!(Shape4::<8, 28, 28, 1>::DIMS, (8, 28, 28, 1));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Shape4<const D0: usize, const D1: usize, const D2: usize, const D3: usize>;

impl<const D0: usize, const D1: usize, const D2: usize, const D3: usize> Shape4<D0, D1, D2, D3> {
    /// The dimensions `(D0, D1, D2, D3)`.
    pub const DIMS: (usize, usize, usize, usize) = (D0, D1, D2, D3);
}
