//! The kernel generator behind `__kernels!`: register-blocked matmul micro-kernels, fully
//! unrolled small matrix products and unrolled elementwise drivers for `tensor-core`.
//!
//! [`parse`] reads the item list (the grammar is in the doc comment of [`parse::Kernels`]),
//! [`valid`] checks tile sizes and names against the register budget, [`expand`] writes the
//! code. The generated functions are generic over `tensor-core`'s `kernels::simd::Vector`
//! trait (or over the element type, for the small products), so one expansion serves every
//! instruction set: the SIMD backend picks the vector type, the generator fixes the shape of
//! the code (how many accumulators, how far unrolled).

pub(crate) mod expand;
pub(crate) mod parse;
pub(crate) mod valid;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;

/// Parses, validates and expands a `__kernels!` invocation; on error, the combined
/// `compile_error!`s.
pub(crate) fn kernels(input: TokenStream) -> TokenStream {
    let result = syn::parse2::<parse::Kernels>(input)
        .and_then(|k| valid::validate(&k).map(|()| k))
        .map(|k| expand::expand(&k));
    match result {
        Ok(tokens) => tokens,
        Err(e) => e.to_compile_error(),
    }
}
