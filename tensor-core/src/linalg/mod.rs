//! Linear algebra: matrix products, transpose and trace, and the LU-based `det`, `inv` and
//! `solve` of square float matrices.

mod lu;
mod matmul;
mod square;
mod transpose;
