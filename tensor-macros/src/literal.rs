//! Parsing and validation of tensor literals.
//!
//! Grammar (the input of `tensor![...]`):
//!
//! ```text
//! literal := vector | matrix
//! vector  := elem ("," elem)* ","?          -- a row vector, shape 1 x N
//! matrix  := row ("," row)* ","?            -- shape R x C, every row of length C
//! row     := "[" elem ("," elem)* ","? "]"
//! elem    := any Rust expression that is not an array expression `[...]`
//! ```

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprArray, Token};

/// A validated literal: rectangular rows of element expressions.
#[derive(Debug)]
pub(crate) struct Literal {
    pub(crate) rows: Vec<Vec<Expr>>,
}

/// The comma-separated items, before validation.
struct Items(Punctuated<Expr, Token![,]>);

impl Parse for Items {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Punctuated::parse_terminated(input).map(Items)
    }
}

fn is_row(e: &Expr) -> bool {
    matches!(e, Expr::Array(_))
}

/// Parses and validates a literal, collecting every error found.
pub(crate) fn parse(tokens: TokenStream) -> syn::Result<Literal> {
    let Items(items) = Items::parse.parse2(tokens)?;
    let items: Vec<Expr> = items.into_iter().collect();
    let Some(first) = items.first() else {
        return Err(syn::Error::new(
            Span::call_site(),
            "empty tensor literal: write at least one element, e.g. `tensor![1, 2, 3]` or \
             `tensor![[1, 2], [3, 4]]`; for a tensor of zeros use `Tensor::<T, R, C>::zeros()`",
        ));
    };
    let mut errors: Option<syn::Error> = None;
    let mut push = |e: syn::Error| match &mut errors {
        Some(all) => all.combine(e),
        None => errors = Some(e),
    };

    if !is_row(first) {
        for item in &items {
            if is_row(item) {
                push(syn::Error::new_spanned(
                    item,
                    "expected a scalar element, found a row `[...]`: the first item is a \
                     scalar, so this literal is a vector; write every item as a row \
                     (`[[1, 2], [3, 4]]`) or none of them (`[1, 2, 3]`)",
                ));
            }
        }
        return match errors {
            Some(e) => Err(e),
            None => Ok(Literal { rows: vec![items] }),
        };
    }

    let mut rows = Vec::with_capacity(items.len());
    let mut expected: Option<usize> = None;
    for (index, item) in items.into_iter().enumerate() {
        let n = index + 1;
        let Expr::Array(ExprArray { elems, .. }) = &item else {
            push(syn::Error::new_spanned(
                &item,
                format!(
                    "expected row {n} as `[...]`, found a scalar: the first item is a row, so \
                     this literal is a matrix and every item must be a bracketed row"
                ),
            ));
            continue;
        };
        if elems.is_empty() {
            push(syn::Error::new_spanned(
                &item,
                format!("row {n} is empty: every row needs at least one element"),
            ));
            continue;
        }
        for elem in elems {
            if is_row(elem) {
                push(syn::Error::new_spanned(
                    elem,
                    format!(
                        "row {n} contains a nested row `[...]`: a tensor literal has at most \
                         two levels of brackets (rows of scalars)"
                    ),
                ));
            }
        }
        let len = elems.len();
        match expected {
            None => expected = Some(len),
            Some(want) if want != len => push(syn::Error::new_spanned(
                &item,
                format!(
                    "row {n} has {len} element{}, expected {want}; all rows must have the same \
                     length",
                    if len == 1 { "" } else { "s" }
                ),
            )),
            Some(_) => {}
        }
        rows.push(elems.iter().cloned().collect());
    }
    match errors {
        Some(e) => Err(e),
        None => Ok(Literal { rows }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn err(tokens: TokenStream) -> String {
        parse(tokens).expect_err("expected an error").to_string()
    }

    #[test]
    fn vector_and_matrix() {
        let shape = |l: Literal| (l.rows.len(), l.rows[0].len());
        assert_eq!(shape(parse(quote!(1, 2, 3,)).unwrap()), (1, 3));
        assert_eq!(
            shape(parse(quote!([1.0, x + 1.0], [f(2), -3.0])).unwrap()),
            (2, 2)
        );
        assert_eq!(shape(parse(quote!([1], [2], [3])).unwrap()), (3, 1));
    }

    #[test]
    fn ragged_rows_name_the_row_and_lengths() {
        assert_eq!(
            err(quote!([1, 2], [3])),
            "row 2 has 1 element, expected 2; all rows must have the same length"
        );
        assert!(err(quote!([1], [2, 3, 4])).starts_with("row 2 has 3 elements, expected 1"));
    }

    #[test]
    fn every_error_is_reported() {
        let e = parse(quote!([1, 2], [3], 4, [5, 6, 7])).unwrap_err();
        assert_eq!(e.into_iter().count(), 3);
    }

    #[test]
    fn empty_mixed_and_nested_inputs_are_errors() {
        assert!(err(quote!()).starts_with("empty tensor literal"));
        assert!(err(quote!([])).starts_with("row 1 is empty"));
        assert!(err(quote!(1, [2])).starts_with("expected a scalar element"));
        assert!(err(quote!([1], 2)).starts_with("expected row 2 as `[...]`"));
        assert!(err(quote!([[1]])).starts_with("row 1 contains a nested row"));
        assert!(err(quote!(1,, 2)).contains("expected an expression"));
    }
}
