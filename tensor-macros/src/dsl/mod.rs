//! The `tensor!` expression DSL: NumPy-like expressions with `@`, `.T` and Python-style
//! indexing, expanded into checked method calls.
//!
//! [`parse`] reads the tokens into an [`parse::Expr`] tree (the grammar is in its doc comment),
//! [`expand`] validates the indices and writes the Rust code.

pub(crate) mod arange;
pub(crate) mod expand;
pub(crate) mod parse;

#[cfg(test)]
mod tests;
