//! The product paths that the static shape selects besides the blocked product of the
//! instruction set's own tile (see `super::matmul` for the table): dot products,
//! matrix-vector and vector-matrix products, narrow outputs, and the blocked product with
//! four-row tiles for products with a few rows.
//!
//! A path is a `u8` constant passed as a const generic parameter down to the kernel, so each
//! path is its own function: the only run-time choice is the instruction set, made once.

use core::mem::MaybeUninit;

use super::dot::{dot, gemv};
use super::gemm::{Tile4x1, Tile4x2, gemm};
use super::narrow::narrow;
use super::simd::Vector;
use super::vecmat::vecmat;

/// `(1, K) @ (K, 1)`: a dot product (`c[0]`).
pub(crate) const DOT: u8 = 1;
/// `(M, K) @ (K, 1)`: a matrix-vector product, one dot product per row.
pub(crate) const GEMV: u8 = 2;
/// `(1, K) @ (K, N)`: the vector-matrix product, strips of the output in registers over the
/// whole of `K` (`super::vecmat`).
pub(crate) const ROW1: u8 = 3;
/// `(M, K) @ (K, N)` with `M <= 4`: the blocked product with a tile of four rows by two
/// vectors (so two or three rows do not fill an eight-row tile with zeros).
pub(crate) const ROWS4: u8 = 4;
/// `(M, K) @ (K, N)` with `1 < N <= 16`: row tiles over the whole of `K`, `b` read in place
/// (`super::narrow`).
pub(crate) const NARROW: u8 = 5;

/// `c = a @ b` for a row-major `m x k` `a` and `k x n` `b` along path `P` (`simd`: the token
/// of `V`'s instruction set), every element of `c` written (it need not hold values before).
///
/// # Panics
///
/// If a length does not match the dimensions, or if the path's shape does not hold (`DOT`
/// needs `m = n = 1`, `GEMV` needs `n = 1`).
#[inline(always)]
pub(crate) fn product<V: Vector, const P: u8>(
    simd: V::Simd,
    m: usize,
    k: usize,
    n: usize,
    a: &[V::Elem],
    b: &[V::Elem],
    c: &mut [MaybeUninit<V::Elem>],
) {
    assert!(a.len() == m * k && b.len() == k * n && c.len() == m * n);
    match P {
        DOT => {
            assert!(m == 1 && n == 1);
            c[0].write(dot::<V>(simd, a, b));
        }
        GEMV => {
            assert!(n == 1);
            gemv::<V>(simd, k, a, b, c);
        }
        ROW1 => {
            assert!(m == 1);
            vecmat::<V>(simd, k, n, a, b, c);
        }
        NARROW => narrow::<V>(simd, m, k, n, a, b, c),
        _ => gemm::<V, Tile4x2, Tile4x1>(simd, m, k, n, a, b, c),
    }
}
