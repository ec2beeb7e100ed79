//! Elementwise arithmetic, broadcasting, vectorized math and reductions.
//!
//! Shapes are checked here, in the type system; the loops live in `crate::kernels`.

mod arith;
mod broadcast;
mod math;
mod reduce;
mod scalar;
