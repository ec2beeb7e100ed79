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
//! Most users depend on the facade crate `tensor`, which re-exports this crate and the
//! `tensor!` macro.
#![no_std]
#![deny(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod access;
mod construct;
mod element;
mod fmt;
mod iter;
mod kernels;
mod linalg;
mod reshape;
pub mod shape;
mod slice;
mod tensor;

pub use access::TensorIndex;
pub use element::Element;
pub use shape::Shape;
pub use tensor::{ColVector, SquareMatrix, Tensor, Vector};
