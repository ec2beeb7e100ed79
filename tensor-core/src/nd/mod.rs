//! Rank-3 and rank-4 tensors: images (`H x W x C`) and batches of images (`N x H x W x C`).
//!
//! [`Tensor3`] and [`Tensor4`] store their elements inline and row-major like [`Tensor`]
//! (`[[[T; D2]; D1]; D0]`), and share its vocabulary: the same constructors, `shape()`,
//! indexing by a tuple, iteration, `map`, NumPy-style `Display`. `reshape` goes to and from
//! every rank with the element count checked at compile time (the target type picks the rank:
//! `batch.reshape::<Tensor<_, 8, 784>>()`), and `permute` reorders axes with the result shape in
//! the type.
//!
//! They also have `Tensor`'s operators (`+ - * /` with NumPy broadcasting between tensors of
//! the same rank, scalars on either side, `+= -= *= /=`, unary `-`), its elementwise math
//! (`sqrt`, `exp`, `sigmoid`, `clip`, ...) and reductions: whole-tensor, along one axis keeping
//! it (`mean_axis::<2>()` of an `H x W x C` image is `H x W x 1`), and per channel, over every axis
//! but the last (`channel_mean()` is `1 x 1 x C`, NumPy's `mean(axis=(0, 1), keepdims=True)`).
//! Normalising the channels of an image is one line:
//!
//! ```
//! use tensor_core::Tensor3;
//!
//! let img = Tensor3::<f64, 4, 4, 3>::from_fn(|i, j, c| (i * 4 + j) as f64 * (c + 1) as f64);
//! let z = (img - img.channel_mean()) / img.channel_std();
//! assert!(z.channel_mean().iter().all(|m| m.abs() < 1e-12));
//! assert!(z.channel_std().iter().all(|s| (s - 1.0).abs() < 1e-12));
//! ```
//!
//! Operands of different ranks do not combine implicitly, unlike NumPy: reshape the
//! lower-rank one first (`img - v.reshape::<Tensor3<_, 1, 1, C>>()` for a `Vector<T, C>`).
//!
//! ```compile_fail
//! use tensor_core::Tensor3;
//!
//! let img = Tensor3::<f32, 4, 4, 3>::zeros();
//! let _ = img - Tensor3::<f32, 1, 1, 4>::ones();
//! // error[E0277]: operands could not be broadcast together with shapes Shape3<4, 4, 3> and Shape3<1, 1, 4>
//! ```
//!
//! [`Tensor`]: crate::Tensor

mod permute;
mod types;

pub use permute::{Axes3, Axes4, Permute3, Permute4};
pub use types::{Tensor3, Tensor4};
