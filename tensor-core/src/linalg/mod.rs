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

use crate::array::OUT_OF_LINE_BYTES;
