//! Procedural macros of the `tensor` crate. Use them through the facade crate (`tensor::tensor!`),
//! whose paths the generated code names.
//!
//! The entry points only delegate to `expand`, which tells a literal from an expression
//! (`expand::is_literal`): `literal` parses and validates literals, `dsl` parses and
//! expands expressions (`a @ b`, `a.T`, `m[.., -1]`), `dims` generates `tensor-core`'s table
//! of dimensions, `kernels` its SIMD kernels. All of them work on `proc_macro2` tokens, so they are unit-tested outside
//! the compiler.

#![deny(missing_docs)]

mod dims;
mod dsl;
mod expand;
mod grad;
#[cfg(any(feature = "npy", feature = "safetensors"))]
mod include;
mod kernels;
mod literal;

#[cfg(test)]
mod proptests;

use proc_macro::TokenStream;

/// Builds a `tensor::Tensor` from a NumPy-like literal: `tensor![1, 2, 3]` (a row vector) or
/// `tensor![[1, 2], [3, 4]]` (one bracketed row per matrix row), or evaluates a NumPy-like
/// expression: `tensor!(a @ b)`, `tensor!(a.T)`, `tensor!(m[.., -1])`. See the facade crate's
/// docs.
#[proc_macro]
pub fn tensor(input: TokenStream) -> TokenStream {
    expand::tensor(input.into()).into()
}

/// Reverse-mode differentiation at compile time: `grad!(|w, b| loss)` evaluates the loss (a
/// `tensor!` expression) and its gradients with respect to the inputs `w`, `b`, as
/// `(loss, g)` with `g.w`, `g.b` of the inputs' types. See the facade crate's docs.
#[proc_macro]
pub fn grad(input: TokenStream) -> TokenStream {
    grad::grad(input.into()).into()
}

/// Embeds a `.npy` file as a tensor whose shape and element type are the file's:
/// `include_npy!("weights/w1.npy")`, the path relative to the calling crate's directory. See
/// the facade crate's docs.
#[cfg(feature = "npy")]
#[proc_macro]
pub fn include_npy(input: TokenStream) -> TokenStream {
    include::include_npy(input.into()).into()
}

/// Embeds a tensor of a safetensors file, by name, as a tensor whose shape and element type
/// are the file's: `include_safetensors!("model.safetensors", "fc1.weight")`. See the facade
/// crate's docs.
#[cfg(feature = "safetensors")]
#[proc_macro]
pub fn include_safetensors(input: TokenStream) -> TokenStream {
    include::include_safetensors(input.into()).into()
}

/// Generates `tensor-core`'s table from const-generic dimensions to typenum numbers (the
/// `ToUInt` impls of `tensor_core::shape::Dim`): `__dim_table!()` the default table,
/// `__dim_table!(wide)` the wide one (`tensor-core`'s feature `wide-dims`). Internal to
/// `tensor-core`.
#[doc(hidden)]
#[proc_macro]
pub fn __dim_table(input: TokenStream) -> TokenStream {
    match dims::parse(input.into()) {
        Ok(table) => dims::table(table).into(),
        Err(err) => err.to_compile_error().into(),
    }
}

/// Generates `tensor-core`'s `NotOne` impls (every dimension of the table but 1), the proof
/// that lets a literal size-1 axis broadcast in concrete shapes: `__not_one_table!()` or
/// `__not_one_table!(wide)`, as `__dim_table!`. Internal to `tensor-core`.
#[doc(hidden)]
#[proc_macro]
pub fn __not_one_table(input: TokenStream) -> TokenStream {
    match dims::parse(input.into()) {
        Ok(table) => dims::not_one_table(table).into(),
        Err(err) => err.to_compile_error().into(),
    }
}

/// Generates `tensor-core`'s SIMD kernels: register-blocked matmul micro-kernels, unrolled
/// small products and unrolled elementwise drivers (grammar: `kernels::parse::Kernels`).
/// Internal to `tensor-core`: the generated code names `crate::kernels::simd`.
#[doc(hidden)]
#[proc_macro]
pub fn __kernels(input: TokenStream) -> TokenStream {
    kernels::kernels(input.into()).into()
}
