//! Procedural macros of the `tensor` crate. Use them through the facade crate (`tensor::tensor!`),
//! whose paths the generated code names.
//!
//! The entry points only delegate to `expand`, which tells a literal from an expression
//! (`expand::is_literal`): `literal` parses and validates literals, `dsl` parses and
//! expands expressions (`a @ b`, `a.T`, `m[.., -1]`). All of them work on `proc_macro2`
//! tokens, so they are unit-tested outside the compiler.

mod dsl;
mod expand;
mod literal;

use proc_macro::TokenStream;

/// Builds a `tensor::Tensor` from a NumPy-like literal: `tensor![1, 2, 3]` (a row vector) or
/// `tensor![[1, 2], [3, 4]]` (one bracketed row per matrix row), or evaluates a NumPy-like
/// expression: `tensor!(a @ b)`, `tensor!(a.T)`, `tensor!(m[.., -1])`. See the facade crate's
/// docs.
#[proc_macro]
pub fn tensor(input: TokenStream) -> TokenStream {
    expand::tensor(input.into()).into()
}
