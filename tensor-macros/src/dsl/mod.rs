//! The `tensor!` expression DSL: NumPy-like expressions with `@`, `.T`, Python-style
//! indexing, elementwise comparisons (`a < 5` is a mask), `arange(start, stop, step)` and
//! assignment into part of a matrix, expanded into checked method calls.
//!
//! [`parse`] reads the tokens into an [`parse::Expr`] tree (the grammar is in its doc comment),
//! [`expand`] validates the indices (and `&&`/`||` on masks) and writes the Rust code,
//! [`arange`] checks `arange`'s literal arguments and computes its length, [`assign`] turns
//! `m[1..3, 2..4] = b` into the setters, [`fuse`] turns chains of elementwise operations into
//! one fused pass.

pub(crate) mod arange;
pub(crate) mod assign;
pub(crate) mod expand;
pub(crate) mod fuse;
pub(crate) mod parse;

#[cfg(test)]
mod tests;
