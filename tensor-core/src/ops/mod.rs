//! Elementwise arithmetic, broadcasting, vectorized math and reductions; comparisons and
//! masks, `%` and floor division, assignment into rows, columns and blocks, joining,
//! reordering, losses (`mse`, `cross_entropy`), and (`alloc`) data-sized selections.
//!
//! Shapes are checked here, in the type system; the loops live in `crate::kernels`.

mod arith;
mod assign;
#[cfg(feature = "alloc")]
mod boxed;
mod broadcast;
mod compare;
mod join;
mod loss;
mod mask;
mod math;
mod order;
mod out;
mod reduce;
mod rem;
mod scalar;
#[cfg(feature = "alloc")]
mod select;

pub use assign::BlockFits;
#[cfg(feature = "alloc")]
pub use boxed::{BoxedMatrix, BoxedOps};
pub use compare::ElementwiseCmp;
pub use join::{ConcatParts, StackParts};
pub use rem::FloorDivMod;
#[cfg(feature = "alloc")]
pub use select::Unique;

pub(crate) use loss::logsumexp;
#[cfg(feature = "alloc")]
pub(crate) use math::MathOperand;
pub(crate) use math::{EXP_BLOCK, exp_blocks, short_lanes};
pub(crate) use out::Out;
#[cfg(feature = "alloc")]
pub(crate) use reduce::{arg_into, empty, extremum};
