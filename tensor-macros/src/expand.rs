//! Code generation for `tensor!`.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::quote;

use crate::dsl;
use crate::literal::{self, Literal};

/// Expands `tensor!`: a literal's construction or an expression's method calls, or
/// `compile_error!`s with spans.
pub(crate) fn tensor(input: TokenStream) -> TokenStream {
    expand(input).unwrap_or_else(error_expr)
}

/// The expansion of `tensor!`'s input, or every error found in it.
pub(crate) fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    if is_literal(&input) {
        literal::parse(input).map(|lit| literal_tensor(&lit))
    } else {
        if let Some((lhs, eq, rhs)) = dsl::assign::split(&input) {
            return dsl::assign::expand(lhs, eq, rhs);
        }
        let expr = dsl::parse::parse(input.clone())?;
        if uses_dsl_syntax(&input) || dsl::expand::uses_dsl_operation(&expr) {
            return dsl::expand::expr(&expr);
        }
        Err(syn::Error::new_spanned(
            &input,
            "expected a tensor literal or a DSL expression, found a plain expression: it uses \
             none of `@`, `.T`, indexing or a comparison; write `tensor![x,]` for a one-element tensor, or \
             drop the macro for plain Rust arithmetic",
        ))
    }
}

/// Whether an expression uses the DSL's own syntax anywhere: `@`, `.T`, or indexing
/// (`m[...]`, `(a @ b)[0]`). Without it, the macro has nothing to do, and a lone expression
/// is more likely a one-element literal missing its comma.
fn uses_dsl_syntax(input: &TokenStream) -> bool {
    let trees: Vec<TokenTree> = input.clone().into_iter().collect();
    trees.iter().enumerate().any(|(i, tree)| match tree {
        TokenTree::Punct(p) if p.as_char() == '@' => true,
        TokenTree::Punct(p) if p.as_char() == '.' => {
            matches!(trees.get(i + 1), Some(TokenTree::Ident(t)) if t == "T")
        }
        TokenTree::Group(g) => {
            let indexes = g.delimiter() == Delimiter::Bracket
                && i > 0
                && matches!(trees[i - 1], TokenTree::Ident(_) | TokenTree::Group(_));
            indexes || uses_dsl_syntax(&g.stream())
        }
        _ => false,
    })
}

/// Whether the input is a literal rather than a DSL expression.
///
/// A proc macro does not see which delimiters it was called with (`tensor![..]` and
/// `tensor!(..)` are the same to it), so the decision is made on the tokens alone. The input
/// is a **literal** when
/// - it is empty (reported as an empty literal),
/// - it has a comma outside any brackets or parentheses (`1, 2, 3`, `[1, 2], [3, 4]`, `x,`),
/// - it is a single `[...]` row (`[[1, 2, 3]]`, a 1 x 3 matrix), or
/// - it is a single number, boolean or character literal, possibly negated (`5`, `-1.5`):
///   a one-element vector.
///
/// Anything else is an **expression**, which must use the DSL's syntax (`a @ b`, `m[.., -1]`,
/// `x.T`); a plain expression (`x`, `f(y)`, `1.0 / 3.0`) is an error that suggests the
/// one-element literal `tensor![x,]`.
pub(crate) fn is_literal(input: &TokenStream) -> bool {
    let trees: Vec<TokenTree> = input.clone().into_iter().collect();
    let top_level_comma = has_top_level_comma(&trees);
    let is_scalar = |t: &TokenTree| match t {
        TokenTree::Literal(_) => true,
        TokenTree::Ident(i) => i == "true" || i == "false",
        _ => false,
    };
    match trees.as_slice() {
        [] => true,
        _ if top_level_comma => true,
        [TokenTree::Group(g)] => g.delimiter() == Delimiter::Bracket,
        [t] => is_scalar(t),
        [TokenTree::Punct(minus), t] => minus.as_char() == '-' && is_scalar(t),
        _ => false,
    }
}

/// Whether a `,` appears outside any group and outside the angle brackets of a turbofish
/// (`Tensor::<f64, 2, 2>::zeros()` has no top-level comma).
fn has_top_level_comma(trees: &[TokenTree]) -> bool {
    outside_turbofish(trees).any(|i| matches!(&trees[i], TokenTree::Punct(p) if p.as_char() == ','))
}

/// The positions of the tokens of `trees` that lie outside the angle brackets of every
/// turbofish (`collect::<Vec<_>>`, `f::<Item = u8>`), the brackets themselves left out: where
/// a top-level `,` or `=` can be. A `<` not after `::` is a comparison and counts.
pub(crate) fn outside_turbofish(trees: &[TokenTree]) -> impl Iterator<Item = usize> + '_ {
    let punct = move |i: usize| match trees.get(i) {
        Some(TokenTree::Punct(p)) => Some(p.as_char()),
        _ => None,
    };
    let mut angle_depth = 0usize;
    (0..trees.len()).filter(move |&i| match punct(i) {
        Some('<')
            if angle_depth > 0
                || (i >= 2 && punct(i - 1) == Some(':') && punct(i - 2) == Some(':')) =>
        {
            angle_depth += 1;
            false
        }
        // `->` inside generic arguments (`fn() -> T`) closes nothing.
        Some('>') if angle_depth > 0 && !(i >= 1 && punct(i - 1) == Some('-')) => {
            angle_depth -= 1;
            false
        }
        _ => angle_depth == 0,
    })
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

/// `Tensor::from_array([[...], ...])` (or `Tensor3`, `Tensor4` by rank): the shape and the
/// element type are inferred from the nested array.
pub(crate) fn literal_tensor(lit: &Literal) -> TokenStream {
    let (ty, dims) = match lit.dims.as_slice() {
        [n] => (quote!(Tensor), vec![1, *n]),
        [_, _] => (quote!(Tensor), lit.dims.clone()),
        [_, _, _] => (quote!(Tensor3), lit.dims.clone()),
        _ => (quote!(Tensor4), lit.dims.clone()),
    };
    let array = nest(&dims, &lit.elements);
    quote! { ::tensor::__private::#ty::from_array(#array) }
}

/// The nested array literal of `elements` (row-major) with shape `dims`.
fn nest(dims: &[usize], elements: &[syn::Expr]) -> TokenStream {
    match dims {
        [] | [_] => quote! { [#(#elements),*] },
        [_, rest @ ..] => {
            let stride: usize = rest.iter().product();
            let parts = elements
                .chunks(stride.max(1))
                .map(|chunk| nest(rest, chunk));
            quote! { [#(#parts),*] }
        }
    }
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
