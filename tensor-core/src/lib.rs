//! Types, shape checks and operations of the [`tensor`](https://docs.rs/tensor) crate.
//!
//! Everything here is `#![no_std]` and allocation-free: a [`Tensor<T, R, C>`] stores its
//! `R x C` elements inline, row-major, and its shape lives in its type. Operations whose shapes
//! do not fit are rejected by the type checker, so `cargo check`, rust-analyzer and the compiler
//! all report them, with messages that name the shapes:
//!
//! ```text
//! error[E0277]: cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ
//! ```
//!
//! Arithmetic is elementwise and broadcasts as in NumPy; reductions keep their axis in the
//! type (`sum_axis0() -> Tensor<T, 1, C>`), so their results broadcast back:
//!
//! ```
//! use tensor_core::Tensor;
//!
//! let m = Tensor::from([[1.0, 2.0, 3.0], [4.0, 6.0, 8.0]]);
//! let centred = m - m.mean_axis1(); // (2, 3) - (2, 1)
//! assert_eq!(centred, Tensor::from([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0]]));
//! assert_eq!((m * 2.0).sum(), 48.0);
//! ```
//!
//! Most users depend on the facade crate `tensor`, which re-exports this crate and the
//! `tensor!` macro.
#![no_std]
#![deny(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod access;
#[cfg(feature = "alloc")]
mod boxed;
mod construct;
mod element;
mod error;
mod fmt;
mod interop;
mod iter;
mod kernels;
mod linalg;
pub mod nd;
mod ops;
#[cfg(feature = "rand")]
mod random;
mod reshape;
pub mod shape;
mod slice;
mod tensor;

pub use access::TensorIndex;
pub use element::{Element, Notation};
pub use error::ShapeMismatch;
pub use nd::{Tensor3, Tensor4};
pub use shape::{Shape, Shape3, Shape4};
pub use tensor::{ColVector, SquareMatrix, Tensor, Vector};

/// The `rand` crate (feature `rand`), re-exported so that generators and traits match the
/// version tensors implement `Distribution` for.
#[cfg(feature = "rand")]
pub use rand;
/// The `rand_distr` crate (feature `rand`): [`StandardNormal`](rand_distr::StandardNormal),
/// [`Normal`](rand_distr::Normal) and the other distributions.
#[cfg(feature = "rand")]
pub use rand_distr;
