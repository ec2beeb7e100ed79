//! Elementwise arithmetic, broadcasting, vectorized math and reductions.
//!
//! Shapes are checked here, in the type system; the loops live in `crate::kernels`.

mod arith;
mod broadcast;
mod compare;
mod join;
mod mask;
mod math;
mod order;
mod reduce;
mod rem;
mod scalar;

pub use join::{ConcatParts, StackParts};
pub use rem::FloorDivMod;
