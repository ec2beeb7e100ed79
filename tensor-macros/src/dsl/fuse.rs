//! Elementwise fusion: a maximal subtree of elementwise operations with at least two of them
//! becomes one fused evaluation (`tensor_core::fuse`), one pass over memory with no
//! intermediate tensors, instead of one operator call (and one tensor) per operation.
//!
//! The elementwise operations are `+ - * /`, unary `-`, and the methods of [`UNARY`] called
//! without arguments; at the root of the subtree, `.sum()` or `.mean()` reduce the result
//! without making it (of a `.square()`, the squares are summed as they are made:
//! `fuse::sum_squares`, `fuse::mean_squares`). Everything else (a variable, a literal, `x.T`,
//! an index, any other call) is an operand, expanded as usual and borrowed: a temporary lives
//! until the end of the statement, as an operator's temporary does. A product `x @ w` is an
//! operand through `tensor_core::fuse::Pair`'s `fused_matmul` ([`product`]), which leaves a
//! `K = 1` product of static tensors unmade. The macro cannot tell a tensor from a scalar, and
//! need not: the operands' types decide (`tensor_core::fuse::IntoFused`), and a subtree of
//! scalars alone evaluates to a scalar.
//!
//! Each builder's path carries the span of the user's operator or method, so a shape mismatch
//! (the same `BroadcastWith` bound as the operators) is reported there.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::spanned::Spanned;
use syn::{BinOp, UnOp};

use super::parse::{Expr, Op};

/// The methods that fuse, each the name of its builder in `tensor_core::fuse`.
pub(crate) const UNARY: &[&str] = &[
    "exp", "ln", "tanh", "sigmoid", "sqrt", "square", "abs", "relu",
];

/// The reductions that fuse at the root of a subtree.
const REDUCE: &[&str] = &["sum", "mean"];

/// One elementwise operation at the top of `e` (looking through parentheses): its builder's
/// name, its span, and its operands.
fn operation(e: &Expr) -> Option<(&'static str, Span, Vec<&Expr>)> {
    match e {
        Expr::Paren(x) => operation(x),
        Expr::Binary(l, Op::Rust(op), r) => {
            let name = match op {
                BinOp::Add(_) => "add",
                BinOp::Sub(_) => "sub",
                BinOp::Mul(_) => "mul",
                BinOp::Div(_) => "div",
                _ => return None,
            };
            Some((name, op.span(), vec![&**l, &**r]))
        }
        Expr::Unary(UnOp::Neg(minus), x) => Some(("neg", minus.span, vec![&**x])),
        Expr::Method(x, name, None, args) if args.is_empty() => {
            let known = UNARY.iter().find(|&&m| name == m)?;
            Some((known, name.span(), vec![&**x]))
        }
        _ => None,
    }
}

/// The number of elementwise operations in the subtree at the top of `e`.
fn count(e: &Expr) -> usize {
    operation(e).map_or(0, |(_, _, operands)| {
        1 + operands.into_iter().map(count).sum::<usize>()
    })
}

/// A reduction of an elementwise subtree at the top of `e`: its name, span and receiver.
fn reduction(e: &Expr) -> Option<(&'static str, Span, &Expr)> {
    match e {
        Expr::Paren(x) => reduction(x),
        Expr::Method(x, name, None, args) if args.is_empty() => {
            let known = REDUCE.iter().find(|&&m| name == m)?;
            (count(x) > 0).then(|| (*known, name.span(), &**x))
        }
        _ => None,
    }
}

/// Whether `e` is the root of a subtree that fuses: two operations or more, a root reduction
/// counting as one.
pub(crate) fn fuses(e: &Expr) -> bool {
    match reduction(e) {
        Some((_, _, x)) => 1 + count(x) >= 2,
        None => count(e) >= 2,
    }
}

/// The fused evaluation of `e`, or `None` when `e` does not fuse.
pub(crate) fn expand(e: &Expr) -> Option<syn::Result<TokenStream>> {
    if !fuses(e) {
        return None;
    }
    let root = |name: &str, span: Span, x: &Expr| {
        let at = super::expand::user_span(span);
        let f = proc_macro2::Ident::new(name, at);
        let call = node(x).map(|n| quote_spanned! {at=> ::tensor::__private::fuse::#f(#n) })?;
        Ok(if has_product(x) {
            // The traits of the products' `fused_matmul`, in scope for the expression only.
            quote_spanned! {at=> {
                use ::tensor::__private::fuse::{EagerMatMul as _, LazyMatMul as _};
                #call
            }}
        } else {
            call
        })
    };
    Some(match reduction(e) {
        // `x.square().sum()` and `.mean()` sum the squares as they are made.
        Some((name, span, x)) => match squared(x) {
            Some(inner) => root(&format!("{name}_squares"), span, inner),
            None => root(name, span, x),
        },
        None => root("eval", Span::call_site(), e),
    })
}

/// The receiver of `e` when `e` is `x.square()` (looking through parentheses).
fn squared(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Paren(x) => squared(x),
        Expr::Method(x, name, None, args) if args.is_empty() && name == "square" => Some(x),
        _ => None,
    }
}

/// The builder calls of the subtree at the top of `e`, its operands borrowed.
fn node(e: &Expr) -> syn::Result<TokenStream> {
    if let Some(product) = product(e) {
        return product;
    }
    let Some((name, span, operands)) = operation(e) else {
        let x = super::expand::expr(e)?;
        // The borrow at the operand's first token: an error about it points into the input.
        let at = first_span(e).map_or_else(Span::call_site, super::expand::user_span);
        return Ok(quote_spanned! {at=> &(#x) });
    };
    let at = super::expand::user_span(span);
    let f = proc_macro2::Ident::new(name, at);
    let mut args = Ok(Vec::new());
    for x in operands {
        args = super::expand::both(args, node(x)).map(|(mut v, a)| {
            v.push(a);
            v
        });
    }
    let args = args?;
    // The whole call at the operator, so that a shape error points there.
    Ok(quote_spanned! {at=> ::tensor::__private::fuse::#f(#(#args),*) })
}

/// A product `a @ b` (not `a.T @ b`) as an operand, or `None` when `e` is not one:
/// `tensor_core::fuse::Pair`'s `fused_matmul`, which leaves a `K = 1` product of static
/// matrices unmade (its chunks computed where the expression reads them) and makes any other
/// with `matmul` (the closure, which also carries the shape check and its error at the `@`).
/// The traits of `fused_matmul` are imported by [`expand`]'s block.
fn product(e: &Expr) -> Option<syn::Result<TokenStream>> {
    let (l, at_token, r) = product_operands(e)?;
    Some(
        super::expand::both(super::expand::expr(l), super::expand::expr(r)).map(|(l, r)| {
            let at = super::expand::user_span(at_token.span);
            let call = proc_macro2::Ident::new("matmul", at);
            quote_spanned! {at=>
                &((&::tensor::__private::fuse::Pair(&(#l), &(#r))).fused_matmul(
                    &mut ::tensor::__private::fuse::Slot::new(),
                    |a, b| a.#call(b),
                ))
            }
        }),
    )
}

/// The operands and the `@` of `e` when it is (in parentheses or not) a product `a @ b` that
/// [`product`] expands: not `a.T @ b`, which stays `t_matmul`.
fn product_operands(e: &Expr) -> Option<(&Expr, &syn::Token![@], &Expr)> {
    match e {
        Expr::Paren(x) => product_operands(x),
        Expr::Binary(l, Op::MatMul(at_token), r) if super::expand::transposed(l).is_none() => {
            Some((l, at_token, r))
        }
        _ => None,
    }
}

/// Whether the subtree at the top of `e` has a product operand ([`product`]).
fn has_product(e: &Expr) -> bool {
    match operation(e) {
        Some((_, _, operands)) => operands
            .into_iter()
            .any(|x| product_operands(x).is_some() || has_product(x)),
        None => false,
    }
}

/// The span of the first token of `e`, when the parser kept it.
fn first_span(e: &Expr) -> Option<Span> {
    match e {
        Expr::Binary(x, _, _)
        | Expr::Cast(x, _, _)
        | Expr::Transpose(x, _)
        | Expr::Method(x, _, _, _)
        | Expr::Field(x, _)
        | Expr::Call(x, _)
        | Expr::Index(x, _, _)
        | Expr::Try(x, _)
        | Expr::Paren(x) => first_span(x),
        Expr::Unary(op, _) => Some(op.span()),
        Expr::Ref(and, _, _) => Some(and.span),
        Expr::Literal(tokens) => tokens.clone().into_iter().next().map(|t| t.span()),
        Expr::Rust(x) => Some(x.span()),
    }
}
