//! Compile-time-shaped tensors for Rust: NumPy's everyday operations, with shape mismatches
//! reported by the type checker.
//!
//! ```
//! use tensor::prelude::*;
//!
//! let img = Tensor::<f32, 28, 28>::zeros();
//! let x: Vector<f32, 784> = img.flatten(); // 28x28 -> 784, checked at compile time
//! assert_eq!(x.shape(), (1, 784));
//!
//! let m = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
//! assert_eq!(m.col::<2>(), tensor![[3], [6], [9]]); // the last column
//! println!("{m}");
//! ```
//!
//! A shape error is a compile error that names the shapes:
//!
//! ```compile_fail
//! use tensor::prelude::*;
//!
//! let x = Tensor::<f32, 2, 3>::zeros();
//! let y: Tensor<f32, 4, 2> = x.reshape();
//! // error[E0277]: cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ
//! ```
//!
//! Operators are elementwise and broadcast as in NumPy; an incompatible pair does not compile:
//!
//! ```
//! use tensor::prelude::*;
//!
//! let mat = tensor![[1, 2], [3, 4]];
//! let vec = tensor![1, 2];
//! assert_eq!(mat + vec, tensor![[2, 4], [4, 6]]);
//! ```
//!
//! ```compile_fail
//! use tensor::prelude::*;
//!
//! let m = Tensor::<f32, 3, 2>::zeros();
//! let v = Tensor::<f32, 1, 3>::zeros();
//! let _ = m + v;
//! // error[E0277]: operands could not be broadcast together with shapes Shape<3, 2> and Shape<1, 3>
//! ```
//!
//! The crate is `#![no_std]` without allocation; the default `std` feature only adds
//! conveniences that need the standard library.
//!
//! Cargo features: `std` (default; implies `alloc`), `alloc` (boxed constructors for tensors
//! too large for the stack), `rand` (default; random tensors from any `rand::Rng`, also in
//! `no_std`), and the interop features `serde`, `bytemuck`, `approx`, `nalgebra`, `ndarray`.
//!
//! ```
//! # #[cfg(feature = "rand")] {
//! use tensor::prelude::*;
//! use tensor::rand::{RngExt, SeedableRng, rngs::SmallRng};
//! use tensor::rand_distr::StandardNormal;
//!
//! let mut rng = SmallRng::seed_from_u64(42); // reproducible, no_std
//! let features: Tensor<f64, 100, 5> = rng.random(); // uniform [0, 1)
//! let weights: Tensor<f32, 5, 1> = rng.sample(StandardNormal);
//! assert!(features.iter().all(|x| (0.0..1.0).contains(x)));
//! # let _ = weights;
//! # }
//! ```
#![no_std]
#![deny(missing_docs)]

pub use tensor_core::*;

/// Builds a tensor from a NumPy-like literal, or evaluates a NumPy-like expression.
///
/// **Literals**
/// - `tensor![2, 4, 6, 8]` is a row vector (`Tensor<_, 1, 4>`, NumPy's 1-D array);
/// - `tensor![[1, 2], [3, 4]]` is a matrix with one bracketed row per line;
/// - three levels of brackets make a `Tensor3` (an image, `H x W x C`), four a `Tensor4`;
/// - elements are any expressions; their type is inferred or given by a suffix (`1.0f32`).
///
/// A ragged or empty literal is a compile error pointing at the offending row.
///
/// ```
/// use tensor::{Tensor, tensor};
///
/// let v = tensor![2, 4, 6, 8];
/// let m: Tensor<f64, 2, 2> = tensor![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(v.shape(), (1, 4));
/// assert_eq!(m[(1, 0)], 3.0);
/// ```
///
/// ```compile_fail
/// let m = tensor::tensor![[1, 2], [3]]; // row 2 has 1 element, expected 2
/// ```
///
/// **Expressions** expand into checked method calls: `a @ b` is `a.matmul(&b)` (binding like
/// `*`, as in Python), `a.T` is `a.t()`, and Python-style indices with literal bounds become
/// compile-time checked selections: `m[.., -1]` (the last column), `m[..2, ..]` (the first two
/// rows), `m[1, 1]` (an element), `m[1..3, 0]`, `m[-2.., 1..]`. Every other operator, call and
/// method keeps its Rust meaning.
///
/// ```
/// use tensor::{Tensor, tensor};
///
/// let a = tensor![[1, 2], [3, 4]];
/// let b = tensor![[5, 6], [7, 8]];
/// assert_eq!(tensor!(a @ b), tensor![[19, 22], [43, 50]]);
/// assert_eq!(tensor!(a.T @ b), a.t().matmul(&b));
///
/// let m = Tensor::<i32, 3, 3>::arange();
/// assert_eq!(tensor!(m[.., -1]), tensor![[2], [5], [8]]);
/// assert_eq!(tensor!(m[..2, ..]), tensor![[0, 1, 2], [3, 4, 5]]);
/// assert_eq!(tensor!(m[1, 1]), 4);
/// // An open end takes its length from the result's type.
/// let rest: Tensor<i32, 2, 3> = tensor!(m[1.., ..]);
/// assert_eq!(rest, tensor![[3, 4, 5], [6, 7, 8]]);
/// ```
///
/// ```compile_fail
/// use tensor::{Tensor, tensor};
///
/// let m = Tensor::<i32, 3, 3>::arange();
/// let _ = tensor!(m[.., 3]); // index 3 is out of bounds for axis 1 with size 3
/// ```
///
/// ```compile_fail
/// use tensor::{Tensor, tensor};
///
/// let a = Tensor::<f64, 2, 3>::zeros();
/// let _ = tensor!(a @ a); // cannot multiply `Shape<2, 3>` by `Shape<2, 3>`: inner dimensions 3 and 2 differ
/// ```
///
/// **Literal or expression**: the macro cannot see its delimiters, so it decides from the
/// tokens. The input is a literal when it is empty, has a comma outside brackets and
/// parentheses (not counting a turbofish `::<..>`), is a single `[...]` row, or is a single
/// number, `bool` or `char` literal (`tensor![5]`); anything else is an expression, which
/// must use the DSL's syntax (`@`, `.T` or indexing). A one-element vector of a variable is
/// `tensor![x,]`; a plain `tensor![x]` is a compile error saying so.
///
/// ```compile_fail
/// let x = 1.5;
/// let _ = tensor::tensor![x / 3.0]; // expected a tensor literal or a DSL expression
/// ```
pub use tensor_macros::tensor;

/// The names most programs need: `use tensor::prelude::*;`.
///
/// ```
/// use tensor::prelude::*;
///
/// let v: Vector<i32, 3> = tensor![1, 2, 3];
/// assert_eq!(v.len(), 3);
/// ```
pub mod prelude {
    pub use crate::tensor;
    pub use tensor_core::{
        ColVector, Element, Shape, Shape3, Shape4, SquareMatrix, Tensor, Tensor3, Tensor4, Vector,
    };
}

/// Paths used by the code that `tensor!` generates. Not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use tensor_core::shape::{All, At, AtEnd, Span, SpanEnd, Trim};
    pub use tensor_core::{Tensor, Tensor3, Tensor4};
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
