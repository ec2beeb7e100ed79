//! `grad!`: reverse-mode differentiation at expansion time.
//!
//! The input is `|w, b| loss`: the inputs to differentiate with respect to (variables in scope)
//! and a loss in the `tensor!` expression language. [`parse`] reads the inputs and hands the
//! loss to the DSL's parser; [`lower`] checks it and turns it into a graph of differentiable
//! operations in evaluation order, one node per distinct subexpression (so a subexpression
//! written twice is computed once) and one node per maximal subexpression that uses no input
//! (a constant, expanded as `tensor!` would); [`emit`] writes the forward pass (one `let` per
//! node, calling the library's operations) and the backward pass (the nodes in reverse, each
//! calling the vector-Jacobian product of `tensor_core::autodiff` for its operands, the
//! contributions to a node summed once all its consumers are done).

mod emit;
mod lower;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, Token};

/// The parsed input of `grad!`.
pub(crate) struct Input {
    /// The inputs, in the order written.
    pub(crate) inputs: Vec<Ident>,
    /// The loss, parsed by the DSL.
    pub(crate) loss: crate::dsl::parse::Expr,
}

/// The expansion of `grad!(|inputs| loss)`, or a `compile_error!` at the offending token.
pub(crate) fn grad(tokens: TokenStream) -> TokenStream {
    parse(tokens)
        .and_then(|input| {
            let graph = lower::lower(&input)?;
            Ok(emit::emit(&input, &graph))
        })
        .unwrap_or_else(crate::expand::error_expr)
}

/// Reads `|a, b, ..| loss`.
pub(crate) fn parse(tokens: TokenStream) -> syn::Result<Input> {
    Parser::parse2(
        |input: ParseStream<'_>| {
            if input.peek(Token![||]) {
                let bars: Token![||] = input.parse()?;
                return Err(syn::Error::new(
                    bars.spans[0],
                    "`grad!` needs at least one input to differentiate with respect to: \
                     `grad!(|w, b| loss)`",
                ));
            }
            if !input.peek(Token![|]) {
                return Err(input.error(
                    "expected `|`: `grad!` takes the inputs to differentiate with respect to \
                     and the loss, as in `grad!(|w, b| ((x @ w + b) - y).square().mean())`",
                ));
            }
            let _: Token![|] = input.parse()?;
            let mut inputs: Vec<Ident> = Vec::new();
            loop {
                if input.peek(Token![|]) {
                    let _: Token![|] = input.parse()?;
                    break;
                }
                if !input.peek(Ident) || input.peek(Token![mut]) || input.peek(Token![_]) {
                    return Err(input.error(
                        "expected the name of a variable in scope: the inputs of `grad!` are \
                         plain variable names (`|w, b| ...`), without patterns or types",
                    ));
                }
                let name: Ident = input.parse()?;
                if let Some(first) = inputs.iter().find(|i| **i == name) {
                    let mut e =
                        syn::Error::new(name.span(), format!("the input `{name}` is listed twice"));
                    e.combine(syn::Error::new(first.span(), "first listed here"));
                    return Err(e);
                }
                inputs.push(name);
                if input.peek(Token![,]) {
                    let _: Token![,] = input.parse()?;
                } else if !input.peek(Token![|]) {
                    return Err(input.error("expected `,` or `|` after an input"));
                }
            }
            if inputs.is_empty() {
                return Err(input
                    .error("`grad!` needs at least one input to differentiate with respect to"));
            }
            if input.is_empty() {
                return Err(input.error("expected the loss after the inputs"));
            }
            let rest: TokenStream = input.parse()?;
            let loss = crate::dsl::parse::parse(rest)?;
            Ok(Input { inputs, loss })
        },
        tokens,
    )
}
