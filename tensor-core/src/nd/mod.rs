//! Rank-3 and rank-4 tensors: images (`H x W x C`) and batches of images (`N x H x W x C`).
//!
//! [`Tensor3`] and [`Tensor4`] store their elements inline and row-major like [`Tensor`]
//! (`[[[T; D2]; D1]; D0]`), and share its vocabulary: the same constructors, `shape()`,
//! indexing by a tuple, iteration, `map`, NumPy-style `Display`. Reshapes across ranks are
//! checked at compile time (`reshape2`, `reshape3`, `reshape4`, `flatten`), and `permute`
//! reorders axes with the result shape in the type.
//!
//! [`Tensor`]: crate::Tensor

mod permute;
mod reshape;
mod types;

pub use permute::{Axes3, Axes4, Permute3, Permute4};
pub use types::{Tensor3, Tensor4};
