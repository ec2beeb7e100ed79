//! Code generation for `tensor!`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::literal::{self, Literal};

/// Expands `tensor![...]`: the tensor's construction, or `compile_error!`s with spans.
pub(crate) fn tensor(input: TokenStream) -> TokenStream {
    match literal::parse(input) {
        Ok(lit) => literal_tensor(&lit),
        Err(e) => error_expr(e),
    }
}

/// Every error as a `compile_error!`, the last in expression position: `compile_error!` as an
/// expression has the compiler's error type, so the user sees these errors and no cascade.
pub(crate) fn error_expr(e: syn::Error) -> TokenStream {
    let mut errors: Vec<TokenStream> = e.into_iter().map(|e| e.to_compile_error()).collect();
    match errors.pop() {
        Some(last) => quote! {{ #(#errors;)* (#last) }},
        None => quote! { ::core::compile_error!("invalid tensor literal") },
    }
}

/// `Tensor::from_array([[...], ...])`: the shape and element type are inferred from the array.
fn literal_tensor(lit: &Literal) -> TokenStream {
    let rows = lit.rows.iter().map(|row| quote! { [#(#row),*] });
    quote! { ::tensor::__private::Tensor::from_array([#(#rows),*]) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_to_from_array() {
        let out = tensor(quote!([1, 2], [3, 4])).to_string();
        assert_eq!(
            out,
            ":: tensor :: __private :: Tensor :: from_array ([[1 , 2] , [3 , 4]])"
        );
        let out = tensor(quote!(1, 2)).to_string();
        assert_eq!(
            out,
            ":: tensor :: __private :: Tensor :: from_array ([[1 , 2]])"
        );
    }

    #[test]
    fn errors_expand_to_compile_error() {
        let out = tensor(quote!([1, 2], [3])).to_string();
        assert!(out.contains("compile_error"), "{out}");
    }
}
