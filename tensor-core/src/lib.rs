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
//! type (`sum_axis::<0>()` of an `R x C` matrix is a `RowVector<T, C>`), so their results
//! broadcast back:
//!
//! ```
//! use tensor_core::Tensor;
//!
//! let m = Tensor::from([[1.0, 2.0, 3.0], [4.0, 6.0, 8.0]]);
//! let centred = m - m.mean_axis::<1>(); // (2, 3) - (2, 1)
//! assert_eq!(centred, Tensor::from([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0]]));
//! assert_eq!((m * 2.0).sum(), 48.0);
//! ```
//!
//! # Reading shape errors
//!
//! A shape mismatch is a type error, reported by `cargo check` and the editor as well as the
//! compiler. Read the **first line**: it names the rule and the shapes (`Shape<R, C>` is NumPy's
//! `(R, C)`), and the `-->` line under it points at the method or operator. The label under the
//! code restates the rule with the numbers. The `help:` lines that mention `typenum::bit::B0`, a
//! `...InBounds` or `...Match` trait are the mechanism of the check and can be skipped. The common
//! errors, each with its first line and its fix:
//!
//! **Reshape to a different element count.** `error[E0277]: cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ`
//!
//! A reshape keeps every element: choose a target whose dimensions multiply to the same count
//! (`reshape::<Tensor<_, 3, 2>>()`, `flatten()` to `1 x 6`), or `block` first to keep only
//! some elements.
//!
//! ```compile_fail,E0277
//! # use tensor_core::Tensor;
//! let x = Tensor::<f32, 2, 3>::zeros();
//! let y = x.reshape::<Tensor<_, 4, 2>>(); // 6 elements cannot fill 4 x 2
//! ```
//!
//! **Broadcast mismatch.** `error[E0277]: operands could not be broadcast together with shapes Shape<3, 2> and Shape<1, 3>`
//!
//! Each axis must be equal or 1, as in NumPy. A value per column is a row `Tensor<T, 1, C>`, a
//! value per row is a column `Tensor<T, R, 1>`: transpose the one that is the wrong way round
//! (`v.t()`), or the matrix.
//!
//! ```compile_fail,E0277
//! # use tensor_core::Tensor;
//! let m = Tensor::<f32, 3, 2>::zeros();
//! let per_row = Tensor::<f32, 1, 3>::zeros(); // one value per row, written as a row
//! let _ = m + per_row; // fix: m + per_row.t(), a 3 x 1 column
//! ```
//!
//! **Matrix product with mismatched inner dimensions.** `error[E0277]: cannot multiply `Shape<2, 3>` by `Shape<2, 3>`: inner dimensions 3 and 2 differ`
//!
//! `(R, K) @ (K, C)`: the left operand's column count must equal the right operand's row count.
//! Transpose one operand (`a.matmul(&b.t())`). A `Vector<T, N>` is a row: for
//! NumPy's `A @ v` with a 1-D `v`, use `a.matvec(&v)`.
//!
//! ```compile_fail,E0277
//! # use tensor_core::Tensor;
//! let a = Tensor::<f64, 2, 3>::zeros();
//! let b = Tensor::<f64, 2, 3>::zeros();
//! let _ = a.matmul(&b); // fix: a.matmul(&b.t()), 2 x 2
//! ```
//!
//! **Row, column or slice out of range.** `error[E0277]: row index 3 is out of bounds for a tensor with 3 rows`
//!
//! Indices start at 0: the last of `R` rows is `row::<{R - 1}>()`. For `block::<R0, C0, NR, NC>()`
//! the last two parameters are lengths, not end indices; its error reads
//! `rows 3..3+2 are out of bounds for a tensor with 4 rows`.
//!
//! ```compile_fail,E0277
//! # use tensor_core::Tensor;
//! let m = Tensor::<i32, 3, 3>::arange();
//! let _ = m.row::<3>(); // fix: m.row::<2>(), the last row
//! ```
//!
//! **A dimension outside the table.** `error[E0277]: the dimension in `Dim<4097>` is outside the range that shape checks compute with`
//!
//! Checks that do arithmetic on dimensions (reshape, broadcasting, bounds) use a table of
//! dimensions: `0..=4096`, powers of 2 and of 10, and 9216, 12288, 25088, 50000, 60000, 150528;
//! the feature `wide-dims` adds the multiples of 16 up to 65536, of 1024 up to 2^20 and of 1000
//! up to 10^5 (see [`shape::ToUInt`]). Use a covered size (pad 4097 to 8192, or to 4112 with
//! `wide-dims`), enable `wide-dims`, or use an operation that needs no arithmetic: indexing,
//! `map`, `zip_map`, `+=` between equal shapes and `matmul` work for every dimension.
//!
//! ```compile_fail,E0277
//! # use tensor_core::Tensor;
//! let x = Tensor::<u8, 1, 4097>::zeros();
//! let _ = x.reshape::<Tensor<_, 4097, 1>>(); // fix: x.t(), which needs no arithmetic
//! ```
//!
//! # Tensors in `const` and `static`
//!
//! Model weights and lookup tables can be `static` tensors, placed in flash on a
//! microcontroller, with their shapes checked where they are used. These are `const fn`s for
//! every element type: `from_array`, `zeros`, `ones`, `full`, `eye`, `identity`, `transpose`/`t`,
//! `reshape` (to every rank) and `flatten`, `row`/`col`, the shape queries, and element access
//! through `as_array()[i][j]` and `as_flat()[k]`; the same for [`Tensor3`] and [`Tensor4`]
//! (`full`, `zeros`, `ones`, `reshape`, `as_flat`).
//!
//! ```
//! use tensor_core::Tensor;
//!
//! // PyTorch stores a linear layer's weight as `out x in`; transpose it at compile time.
//! const W_OUT_IN: Tensor<f32, 2, 3> = Tensor::from_array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]]);
//! static W: Tensor<f32, 3, 2> = W_OUT_IN.t();
//! static B: Tensor<f32, 1, 2> = Tensor::full(0.25);
//! const W_01: f32 = W.as_array()[0][1];
//!
//! let y = Tensor::from([2.0f32, 4.0, 6.0]).matmul(&W) + B;
//! assert_eq!((y, W_01), (Tensor::from([-3.75, 6.25]), 0.5));
//! ```
//!
//! What is not `const`, and why: stable Rust cannot call trait methods or closures in a `const
//! fn`. So the operators (`+`, `*`, ...), `matmul`, reductions and the elementwise math (trait
//! methods of `Add`, `Mul`, `Float`, ...), indexing `t[(i, j)]` and `get` (the `Index` and
//! `TensorIndex` traits), `From`/`Into` and `Default`, `permute` (a trait), `arange` and
//! `linspace` (`FromPrimitive`/`Float` conversions), and `from_fn`/`map` (closures) run at run
//! time only. `into_array` is not `const` either: a `const fn` cannot yet take apart a value
//! whose element type might need dropping; `*t.as_array()` copies the array out instead. Values
//! derived from weights (a fused layer, a normalised table) are best computed ahead of time and
//! written as `from_array` literals (as a build script would).
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
mod array;
pub mod autodiff;
#[cfg(feature = "alloc")]
pub mod batch;
mod block;
#[cfg(feature = "alloc")]
mod boxed;
mod const_array;
mod construct;
#[cfg(feature = "alloc")]
pub mod dynamic;
mod element;
mod error;
mod fmt;
#[doc(hidden)]
pub mod fuse;
mod interop;
#[cfg(any(feature = "npy", feature = "safetensors"))]
pub mod io;
mod iter;
mod kernels;
mod linalg;
pub mod nd;
mod ops;
#[cfg(feature = "rand")]
mod random;
mod reshape;
pub mod shape;
mod tensor;

pub use access::TensorIndex;
pub use array::Array;
#[cfg(feature = "alloc")]
pub use dynamic::{DynArray, DynTensor, DynTensor3, DynTensor4};
pub use element::{Element, Notation};
#[cfg(feature = "alloc")]
pub use error::RowsMismatch;
pub use error::{ArangeError, ShapeMismatch};
pub use linalg::{Lstsq, MatrixNorm, SolveError, VectorNorm};
pub use nd::{Tensor3, Tensor4};
#[cfg(feature = "alloc")]
pub use ops::Unique;
pub use ops::{BlockFits, ConcatParts, ElementwiseCmp, FloorDivMod, StackParts};
#[cfg(feature = "alloc")]
pub use ops::{BoxedMatrix, BoxedOps};
pub use reshape::ArrayOf;
pub use shape::{Shape, Shape1, Shape3, Shape4};
pub use tensor::{ColVector, RowVector, Tensor, Vector};

/// The `num-traits` crate, re-exported: element types are bounded by its traits ([`Zero`] and
/// [`One`] for every [`Element`], [`Float`] for `sqrt`, `mean`, `inv`...), so generic code and
/// custom element types name the same version.
///
/// [`Zero`]: num_traits::Zero
/// [`One`]: num_traits::One
/// [`Float`]: num_traits::Float
///
/// ```
/// use tensor_core::{Tensor, num_traits::Float};
///
/// fn rms<T: tensor_core::Element + Float, const N: usize>(v: &Tensor<T, 1, N>) -> T {
///     v.square().mean().sqrt()
/// }
/// assert_eq!(rms(&Tensor::from([3.0, 4.0, 5.0, 5.0])), 4.330127018922194);
/// ```
pub use num_traits;
/// The `rand` crate (feature `rand`), re-exported so that generators and traits match the
/// version tensors implement `Distribution` for.
#[cfg(feature = "rand")]
pub use rand;
/// The `rand_distr` crate (feature `rand`): [`StandardNormal`](rand_distr::StandardNormal),
/// [`Normal`](rand_distr::Normal) and the other distributions.
#[cfg(feature = "rand")]
pub use rand_distr;
