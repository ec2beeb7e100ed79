//! Assignment into part of a matrix inside `tensor!`: NumPy's `m[1] = v`, `m[:, 2] = c` and
//! `m[1:3, 2:4] = b`, written `tensor!(m[1] = v)`, `tensor!(m[.., 2] = c)` and
//! `tensor!(m[1..3, 2..4] = b)`.
//!
//! Parse: the input is split at its top-level `=` (a lone `=`, not part of `==`, `<=`, `>=`,
//! `!=` or `=>`); the left side must be an index with literal, non-negative bounds, the right
//! side is any DSL operand. Check: a whole row, a whole column, an element, or a block whose
//! every bound is written. Expand: `set_row::<I>(v)`, `set_col::<J>(c)`, an element through
//! Rust's indexing (literal indices checked at compile time by a `select`), or
//! `set_block::<R0, C0>(&b)` with `b` bound to `Tensor<_, NR, NC>` first, so that a block of
//! another shape is a type error naming both shapes (NumPy raises a broadcast error).

use proc_macro2::{Spacing, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};

use super::expand::both;
use super::parse::{Component, Expr, Int};

/// The input split at its top-level assignment `=`: the tokens before, the `=`'s span, the
/// tokens after; `None` when there is no such `=`.
pub(crate) fn split(input: &TokenStream) -> Option<(TokenStream, Span, TokenStream)> {
    let trees: Vec<TokenTree> = input.clone().into_iter().collect();
    let joint_before = |i: usize| {
        i > 0 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.spacing() == Spacing::Joint)
    };
    // Inside a turbofish's angle brackets (`collect::<Vec<_>>`, `f::<Item = u8>`) an `=` is
    // not an assignment.
    let at = crate::expand::outside_turbofish(&trees).find(|&i| {
        matches!(&trees[i], TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == Spacing::Alone)
            && !joint_before(i)
    })?;
    let lhs = trees[..at].iter().cloned().collect();
    let rhs = trees[at + 1..].iter().cloned().collect();
    Some((lhs, trees[at].span(), rhs))
}

/// The code of `lhs = rhs`, `=` at `eq`.
pub(crate) fn expand(lhs: TokenStream, eq: Span, rhs: TokenStream) -> syn::Result<TokenStream> {
    if lhs.is_empty() || rhs.is_empty() {
        return Err(syn::Error::new(
            eq,
            "expected `m[index] = value` on both sides of `=`",
        ));
    }
    let (lhs, rhs) = both(super::parse::parse(lhs), super::parse::parse(rhs))?;
    let Expr::Index(target, components, bracket) = &lhs else {
        return Err(syn::Error::new(
            eq,
            "`tensor!` assigns only into part of a tensor: `m[i] = row`, `m[.., j] = col` or \
             `m[a..b, c..d] = block`; assign a whole tensor outside the macro",
        ));
    };
    let (target, value) = both(super::expand::expr(target), super::expand::expr(&rhs))?;
    let span = Span::mixed_site().located_at(*bracket);
    let lit = |v: usize| {
        let mut l = proc_macro2::Literal::usize_unsuffixed(v);
        l.set_span(span);
        l
    };
    match components.as_slice() {
        // m[i], m[i, ..]
        [Component::At(i)]
        | [
            Component::At(i),
            Component::Range {
                start: None,
                end: None,
                closed: false,
                ..
            },
        ] => {
            let i = lit(start(i)?);
            let call = quote_spanned!(span=> set_row::<#i>);
            Ok(quote! { (#target).#call(#value) })
        }
        // m[.., j]
        [
            Component::Range {
                start: None,
                end: None,
                closed: false,
                ..
            },
            Component::At(j),
        ] => {
            let j = lit(start(j)?);
            let call = quote_spanned!(span=> set_col::<#j>);
            Ok(quote! { (#target).#call(#value) })
        }
        // m[i, j]: an element, its literal indices checked at compile time by a `select`
        [Component::At(i), Component::At(j)] => {
            let (i, j) = both(start(i), start(j))?;
            let (i, j) = (lit(i), lit(j));
            let select = quote_spanned!(span=> select);
            let p = quote_spanned!(span=> ::tensor::__private);
            Ok(quote! {{
                let _ = (#target).#select(#p::At::<#i>, #p::At::<#j>);
                (#target)[(#i, #j)] = #value;
            }})
        }
        // m[i, j] with an index known at run time: Rust's indexing, checked at run time
        [a, b] if [a, b].iter().any(|c| matches!(c, Component::Runtime(_))) => {
            let (i, j) = both(run_time(a), run_time(b))?;
            Ok(quote! { (#target)[(#i, #j)] = #value })
        }
        [rows, cols] => {
            let (r, c) = both(bounds(rows, *bracket), bounds(cols, *bracket))?;
            let (r0, nr, c0, nc) = (lit(r.0), lit(r.1), lit(c.0), lit(c.1));
            let ty = quote_spanned!(span=> ::tensor::__private::Tensor<_, #nr, #nc>);
            let call = quote_spanned!(span=> set_block::<#r0, #c0>);
            Ok(quote! {{
                let block: #ty = #value;
                (#target).#call(&block)
            }})
        }
        [Component::Runtime(_)] => Err(syn::Error::new(
            *bracket,
            "assignment in `tensor!` needs literal indices to pick a row; for a row known at \
             run time, assign outside the macro",
        )),
        [only] => Err(syn::Error::new(
            component_span(only, *bracket),
            "assigning to a run of rows needs its columns written, e.g. `m[1..3, 0..4] = b`, \
             or one row `m[1] = v`",
        )),
        _ => Err(syn::Error::new(
            *bracket,
            "expected one or two indices on the left of `=`",
        )),
    }
}

fn component_span(c: &Component, fallback: Span) -> Span {
    match c {
        Component::At(i) => i.span,
        Component::Range { span, .. } => *span,
        Component::Runtime(_) => fallback,
    }
}

/// An index of an element assignment with a run-time index: the expression, or a
/// non-negative literal.
fn run_time(c: &Component) -> syn::Result<TokenStream> {
    match c {
        Component::Runtime(e) => super::expand::expr(e),
        Component::At(i) => {
            let mut l = proc_macro2::Literal::usize_unsuffixed(start(i)?);
            l.set_span(i.span);
            Ok(quote! { #l })
        }
        Component::Range { span, .. } => Err(syn::Error::new(
            *span,
            "a slice cannot be combined with a run-time index: write every index of a slice as \
             an integer literal",
        )),
    }
}

/// A non-negative literal index.
fn start(i: &Int) -> syn::Result<usize> {
    if i.negative {
        return Err(syn::Error::new(
            i.span,
            "an index counted from the end cannot be assigned to in `tensor!`: write it from \
             the start",
        ));
    }
    Ok(i.value)
}

/// `(start, length)` of a component with every bound written: `i`, `a..b`, `..b`, `a..=b`.
fn bounds(c: &Component, bracket: Span) -> syn::Result<(usize, usize)> {
    let unwritten = |span: Span| {
        syn::Error::new(
            span,
            "in an assignment to a block, write both bounds of each slice (`1..3`, `..2`), or \
             assign a whole row `m[i] = v` or column `m[.., j] = c`: the block's shape must be \
             known",
        )
    };
    match c {
        Component::At(i) => Ok((start(i)?, 1)),
        Component::Range {
            start: s,
            closed,
            end: Some(e),
            ..
        } => {
            let a = match s {
                Some(s) => start(s)?,
                None => 0,
            };
            let b = start(e)? + usize::from(*closed);
            let len = b.checked_sub(a).ok_or_else(|| {
                syn::Error::new(
                    e.span,
                    format!("this slice is reversed: it starts at {a} and ends at {b}"),
                )
            })?;
            Ok((a, len))
        }
        Component::Range { span, .. } => Err(unwritten(*span)),
        Component::Runtime(_) => Err(syn::Error::new(
            bracket,
            "assignment in `tensor!` needs literal indices; for indices known at run time, \
             index outside the macro",
        )),
    }
}
