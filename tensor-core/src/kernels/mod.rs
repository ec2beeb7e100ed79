//! The per-element loops behind every elementwise op and reduction, in one place.
//!
//! Ops in `crate::ops` check shapes in the type system, then hand row-major slices to these
//! functions. They are portable and written so the compiler vectorizes them: zipped iterators
//! over equal-length slices (no per-element bounds checks) and, for reductions, several
//! independent accumulators. A SIMD backend replaces the bodies here, not the ops.

pub(crate) mod elementwise;
pub(crate) mod matmul;
pub(crate) mod reduce;
