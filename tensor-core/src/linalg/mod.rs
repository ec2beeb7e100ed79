//! Linear algebra: matrix products, transpose and trace, the LU-based `det`, `inv` and
//! `solve` of square float matrices and their condition estimate, and the decompositions
//! (QR, Cholesky, SVD, symmetric eigen) with what is built on them (least squares,
//! pseudo-inverse, rank, norms, condition numbers).

#[cfg(target_arch = "x86_64")]
mod adjugate4_sse;
mod cholesky;
mod closed;
mod cond;
mod eigh;
mod golub_kahan;
mod level1;
mod lstsq;
mod lu;
mod matmul;
mod norm;
mod qr;
mod square;
mod svd;
mod svd2x2;
mod transpose;

pub use cond::SolveError;
pub use lstsq::Lstsq;
pub use norm::{MatrixNorm, VectorNorm};

/// The size (in bytes) from which `matmul` and `transpose` build their by-value result in an
/// `#[inline(never)]` function that returns it: a result written by one opaque call is built
/// by the compiler in the caller's tensor, where the inlined loop or kernel wrote a temporary
/// that was then copied whole (`matmul` at `(10000, 1)` `f64`: one 80 KB `memcpy` per product;
/// `transpose` at `(100, 100)` `f64`: 0.65x a loop into a preallocated output, 1.0x out of
/// line). Below, the inlined code costs less than a call.
const OUT_OF_LINE_BYTES: usize = 2048;
