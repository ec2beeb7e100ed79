//! Code generation for DSL expressions: `@` becomes `matmul` (`a.T @ b` becomes
//! `a.t_matmul(&b)`), `.T` becomes `t()`, literal
//! indices become `select` calls whose selectors carry the user's spans, so an out-of-range
//! bound is reported at the bound.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::BinOp;

use super::parse::{Component, Expr, Int, Op};

/// A span at the user's `token` for error messages, but with the macro's hygiene, so that lints
/// (clippy's `zero_prefixed_literal` on a generated `0`, ...) treat the generated code as
/// coming from a macro expansion rather than from the user's source.
pub(crate) fn user_span(token: Span) -> Span {
    Span::mixed_site().located_at(token)
}

/// `a` when `e` is `a.T`, in parentheses or not: the left operand of a product that
/// `t_matmul` computes.
pub(crate) fn transposed(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Transpose(a, _) => Some(a),
        Expr::Paren(x) => transposed(x),
        _ => None,
    }
}

/// The Rust code of a DSL expression, or every error found in its indices.
pub(crate) fn expr(e: &Expr) -> syn::Result<TokenStream> {
    if let Some(fused) = super::fuse::expand(e) {
        return fused;
    }
    Ok(match e {
        Expr::Binary(lhs, op, rhs) => {
            // `a.T @ b` is `a.t_matmul(&b)`: the transpose is not formed where it need not be.
            let t_lhs = match op {
                Op::MatMul(_) => transposed(lhs),
                Op::Rust(_) => None,
            };
            let (l, r) = both(expr(t_lhs.unwrap_or(lhs)), expr(rhs))?;
            match op {
                Op::MatMul(at_token) => {
                    let name = if t_lhs.is_some() {
                        "t_matmul"
                    } else {
                        "matmul"
                    };
                    let call = proc_macro2::Ident::new(name, user_span(at_token.span));
                    quote! { (#l).#call(&(#r)) }
                }
                Op::Rust(op) => match comparison(op) {
                    Some(name) => {
                        // The whole path at the operator, so that a shape error points there.
                        let span = user_span(op_span(op));
                        let name = proc_macro2::Ident::new(name, span);
                        let path =
                            quote_spanned!(span=> ::tensor::__private::ElementwiseCmp::#name);
                        quote! { #path(#l, #r) }
                    }
                    None => {
                        if let Some(e) = logic_on_mask(lhs, op, rhs) {
                            return Err(e);
                        }
                        quote! { (#l #op #r) }
                    }
                },
            }
        }
        Expr::Unary(op, x) => {
            let x = expr(x)?;
            quote! { (#op #x) }
        }
        Expr::Ref(and, mutability, x) => {
            let x = expr(x)?;
            quote! { (#and #mutability #x) }
        }
        Expr::Cast(x, as_token, ty) => {
            let x = expr(x)?;
            quote! { (#x #as_token #ty) }
        }
        Expr::Transpose(x, t) => {
            let x = expr(x)?;
            let call = quote_spanned!(user_span(t.span())=> t);
            quote! { (#x).#call() }
        }
        Expr::Method(x, name, turbofish, args) => {
            let x = expr(x)?;
            let args = all(args)?;
            quote! { (#x).#name #turbofish (#(#args),*) }
        }
        Expr::Field(x, member) => {
            let x = expr(x)?;
            quote! { (#x).#member }
        }
        Expr::Call(f, args) => {
            if let Some(name) = super::arange::is_arange(f) {
                return super::arange::expand(name, args);
            }
            let f = expr(f)?;
            let args = all(args)?;
            quote! { #f(#(#args),*) }
        }
        Expr::Index(x, components, bracket) => {
            let (x, ix) = both(expr(x), index(components, *bracket))?;
            match ix {
                Indexing::Select {
                    rows,
                    cols,
                    element,
                } => {
                    let item = element.then(|| quote! { .item() });
                    let select = quote_spanned!(user_span(*bracket)=> select);
                    quote! { (#x).#select(#rows, #cols) #item }
                }
                Indexing::RunTime(i) => quote! { (#x)[#i] },
            }
        }
        Expr::Try(x, q) => {
            let x = expr(x)?;
            quote! { (#x #q) }
        }
        Expr::Paren(x) => {
            let x = expr(x)?;
            quote! { (#x) }
        }
        Expr::Literal(tokens) => tokens.clone(),
        Expr::Rust(e) => quote! { #e },
    })
}

/// The `ElementwiseCmp` method of a comparison operator: inside `tensor!`, `a < b` is NumPy's
/// elementwise comparison (a mask), not Rust's `PartialOrd`.
fn comparison(op: &BinOp) -> Option<&'static str> {
    Some(match op {
        BinOp::Lt(_) => "elementwise_lt",
        BinOp::Le(_) => "elementwise_le",
        BinOp::Gt(_) => "elementwise_gt",
        BinOp::Ge(_) => "elementwise_ge",
        BinOp::Eq(_) => "elementwise_eq",
        BinOp::Ne(_) => "elementwise_ne",
        _ => return None,
    })
}

fn op_span(op: &BinOp) -> Span {
    use syn::spanned::Spanned;
    op.span()
}

/// Whether `e` is (a parenthesized) comparison, whose value in `tensor!` is a mask.
fn is_comparison(e: &Expr) -> bool {
    match e {
        Expr::Paren(x) => is_comparison(x),
        Expr::Binary(_, Op::Rust(op), _) => comparison(op).is_some(),
        _ => false,
    }
}

/// `&&` or `||` with a comparison as an operand: the comparison gives a mask, which Rust's
/// short-circuit operators cannot take (NumPy rejects `and`/`or` on arrays too).
fn logic_on_mask(lhs: &Expr, op: &BinOp, rhs: &Expr) -> Option<syn::Error> {
    let (wrong, right, numpy) = match op {
        BinOp::And(_) => ("&&", "&", "&"),
        BinOp::Or(_) => ("||", "|", "|"),
        _ => return None,
    };
    (is_comparison(lhs) || is_comparison(rhs)).then(|| {
        syn::Error::new(
            op_span(op),
            format!(
                "`{wrong}` needs two `bool`s, but a comparison in `tensor!` is elementwise and \
                 gives a mask: write `{right}` for the elementwise logic (NumPy's `{numpy}`), \
                 e.g. `(a > 2) {right} (a < 11)`"
            ),
        )
    })
}

/// Whether an expression compares elementwise, calls `arange` or fuses a chain of elementwise
/// operations anywhere outside plain-Rust leaves (closures, blocks, macro calls): such an
/// expression is a DSL expression even without `@`, `.T` or indexing.
pub(crate) fn uses_dsl_operation(e: &Expr) -> bool {
    if super::fuse::fuses(e) {
        return true;
    }
    match e {
        Expr::Binary(l, op, r) => {
            matches!(op, Op::Rust(op) if comparison(op).is_some())
                || uses_dsl_operation(l)
                || uses_dsl_operation(r)
        }
        Expr::Unary(_, x)
        | Expr::Ref(_, _, x)
        | Expr::Cast(x, _, _)
        | Expr::Transpose(x, _)
        | Expr::Field(x, _)
        | Expr::Try(x, _)
        | Expr::Paren(x) => uses_dsl_operation(x),
        Expr::Call(f, _) if super::arange::is_arange(f).is_some() => true,
        Expr::Method(x, _, _, args) | Expr::Call(x, args) => {
            uses_dsl_operation(x) || args.iter().any(uses_dsl_operation)
        }
        Expr::Index(x, components, _) => {
            uses_dsl_operation(x)
                || components
                    .iter()
                    .any(|c| matches!(c, Component::Runtime(e) if uses_dsl_operation(e)))
        }
        Expr::Literal(_) | Expr::Rust(_) => false,
    }
}

/// Both results, or the errors of both combined.
pub(crate) fn both<A, B>(a: syn::Result<A>, b: syn::Result<B>) -> syn::Result<(A, B)> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(mut e), Err(f)) => {
            e.combine(f);
            Err(e)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

fn all(es: &[Expr]) -> syn::Result<Vec<TokenStream>> {
    let mut out = Ok(Vec::with_capacity(es.len()));
    for e in es {
        out = both(out, expr(e)).map(|(mut v, t)| {
            v.push(t);
            v
        });
    }
    out
}

/// What an index expands to.
pub(crate) enum Indexing {
    /// `select(rows, cols)`, followed by `.item()` when both are single indices.
    Select {
        rows: TokenStream,
        cols: TokenStream,
        element: bool,
    },
    /// A plain Rust index: `(i, j)` or `i`.
    RunTime(TokenStream),
}

pub(crate) fn index(components: &[Component], bracket: Span) -> syn::Result<Indexing> {
    if let Some(extra) = components.get(2) {
        return Err(syn::Error::new(
            component_span(extra),
            format!(
                "too many indices: a tensor has 2 axes, but {} indices were given",
                components.len()
            ),
        ));
    }
    let run_time = components
        .iter()
        .any(|c| matches!(c, Component::Runtime(_)));
    if run_time {
        let mut parts = Ok(Vec::new());
        for c in components {
            let part = match c {
                Component::Runtime(e) => expr(e),
                Component::At(i) if !i.negative => Ok(usize_lit(i.value, i.span)),
                Component::At(i) => Err(syn::Error::new(
                    i.span,
                    "a negative index cannot be combined with a run-time index: the position \
                     from the end needs the shape, which only literal indices resolve",
                )),
                Component::Range { span, .. } => Err(syn::Error::new(
                    *span,
                    "a slice cannot be combined with a run-time index: write every index of a \
                     slice as an integer literal",
                )),
            };
            parts = both(parts, part).map(|(mut v, p)| {
                v.push(p);
                v
            });
        }
        let parts = parts?;
        return Ok(Indexing::RunTime(match parts.as_slice() {
            [i] => quote! { #i },
            [i, j] => quote! { (#i, #j) },
            _ => unreachable_index(bracket)?,
        }));
    }
    let all = quote! { ::tensor::__private::All };
    match components {
        [rows] => Ok(Indexing::Select {
            rows: selector(rows)?,
            cols: all,
            element: false,
        }),
        [rows, cols] => {
            let (r, c) = both(selector(rows), selector(cols))?;
            let element = matches!((rows, cols), (Component::At(_), Component::At(_)));
            Ok(Indexing::Select {
                rows: r,
                cols: c,
                element,
            })
        }
        _ => unreachable_index(bracket),
    }
}

/// The parser never produces an empty index; report it rather than panic if it ever did.
fn unreachable_index<T>(bracket: Span) -> syn::Result<T> {
    Err(syn::Error::new(bracket, "expected one or two indices"))
}

fn component_span(c: &Component) -> Span {
    match c {
        Component::At(i) => i.span,
        Component::Range { span, .. } => *span,
        Component::Runtime(_) => Span::call_site(),
    }
}

fn usize_lit(value: usize, span: Span) -> TokenStream {
    let mut lit = Literal::usize_unsuffixed(value);
    lit.set_span(user_span(span));
    quote! { #lit }
}

/// The axis selector of one literal component (see `tensor_core::shape::AxisSelect`).
fn selector(c: &Component) -> syn::Result<TokenStream> {
    let path = |span: Span, name: &str, args: &[usize]| {
        let name = proc_macro2::Ident::new(name, user_span(span));
        let args = args.iter().map(|&a| usize_lit(a, span));
        quote_spanned!(user_span(span)=> ::tensor::__private::#name::<#(#args),*>)
    };
    match c {
        Component::At(Int {
            negative: false,
            value,
            span,
        }) => Ok(path(*span, "At", &[*value])),
        Component::At(Int {
            negative: true,
            value,
            span,
        }) => Ok(path(*span, "AtEnd", &[*value])),
        Component::Range {
            start,
            closed,
            end,
            span,
        } => range(*start, *closed, *end, *span, path),
        Component::Runtime(_) => Err(syn::Error::new(
            Span::call_site(),
            "expected a literal index",
        )),
    }
}

fn range(
    start: Option<Int>,
    closed: bool,
    end: Option<Int>,
    span: Span,
    path: impl Fn(Span, &str, &[usize]) -> TokenStream,
) -> syn::Result<TokenStream> {
    // Errors and selectors point at the end bound when there is one (the usual culprit).
    let at = end.map_or(span, |e| e.span);
    let too_large = || syn::Error::new(at, "slice bound is too large");
    let reversed = |len_desc: &str| {
        syn::Error::new(
            at,
            format!("this slice is reversed: {len_desc}; the end must not come before the start"),
        )
    };
    let inclusive = usize::from(closed);
    let all = || quote_spanned!(user_span(span)=> ::tensor::__private::All);
    let Some(e) = end else {
        return Ok(match start {
            None => all(),
            // -k..
            Some(s) if s.negative => path(s.span, "SpanEnd", &[s.value, s.value]),
            // 0..
            Some(s) if s.value == 0 => all(),
            // a..
            Some(s) => path(s.span, "Trim", &[s.value, 0]),
        });
    };
    let a = start.map_or(0, |s| s.value);
    match (start.is_some_and(|s| s.negative), e.negative) {
        // a..b, ..b, a..=b
        (false, false) => {
            let b = e.value.checked_add(inclusive).ok_or_else(too_large)?;
            let len = b
                .checked_sub(a)
                .ok_or_else(|| reversed(&format!("it starts at {a} and ends at {b}")))?;
            Ok(path(at, "Span", &[a, len]))
        }
        // ..-j, a..-j, a..=-j (`-0` is read as 0, so e.value >= 1)
        (false, true) => {
            let j = e.value - inclusive;
            Ok(if a == 0 && j == 0 {
                all()
            } else {
                path(at, "Trim", &[a, j])
            })
        }
        // -k..-j, -k..=-j
        (true, true) => {
            let j = e.value - inclusive;
            let len = a.checked_sub(j).ok_or_else(|| {
                reversed(&format!(
                    "it starts {a} from the end and ends {j} from the end"
                ))
            })?;
            Ok(path(at, "SpanEnd", &[a, len]))
        }
        // -k..b
        (true, false) => Err(syn::Error::new(
            start.map_or(span, |s| s.span),
            "a slice from a negative start to a non-negative end has a length that depends on \
             the axis size: write both bounds with the same sign, e.g. `-3..-1` or `1..3`",
        )),
    }
}
