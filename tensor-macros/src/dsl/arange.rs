//! `arange(start, stop, step)` inside `tensor!`: NumPy's `np.arange` with number-literal
//! arguments, whose length the macro computes, so the result is a `Vector` of that length.
//!
//! Parse (the DSL parser gives a call of the bare name `arange`), check (literal arguments,
//! one type, a non-zero step pointing towards `stop`), expand:
//! `Tensor::<_, 1, LEN>::arange_from(start, step)`, whose values are NumPy's.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::parse::Expr;

/// Whether `f(args)` is the DSL's `arange`: the callee is the bare identifier `arange`.
pub(crate) fn is_arange(f: &Expr) -> Option<Span> {
    match f {
        Expr::Rust(syn::Expr::Path(p))
            if p.qself.is_none() && p.attrs.is_empty() && p.path.is_ident("arange") =>
        {
            p.path.get_ident().map(syn::Ident::span)
        }
        _ => None,
    }
}

/// A number-literal argument with its sign.
struct Number {
    value: Value,
    suffix: String,
    span: Span,
    negative: bool,
}

#[derive(Clone, Copy)]
enum Value {
    Int(u128),
    Float(f64),
}

impl Number {
    fn is_float(&self) -> bool {
        matches!(self.value, Value::Float(_)) || self.suffix.starts_with('f')
    }

    /// The value as `f64`; for an `f32` argument, rounded to `f32` first (what the program
    /// will hold at run time).
    fn as_f64(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let v = match self.value {
            Value::Int(v) => v as f64,
            Value::Float(v) => v,
        };
        #[allow(clippy::cast_possible_truncation)]
        let v = if self.suffix == "f32" {
            f64::from(v as f32)
        } else {
            v
        };
        if self.negative { -v } else { v }
    }

    fn as_i128(&self) -> Option<i128> {
        let Value::Int(v) = self.value else {
            return None;
        };
        let v = i128::try_from(v).ok()?;
        Some(if self.negative { -v } else { v })
    }

    /// The argument as a Rust expression: as written, except that an integer becomes a float
    /// literal (`2` -> `2.0`) in a float `arange`, and with the common suffix when it has none.
    fn tokens(&self, float: bool, suffix: &str) -> TokenStream {
        let sign = self.negative.then(|| quote_spanned!(self.span=> -));
        let mut lit = match self.value {
            Value::Int(v) if float => Literal::f64_unsuffixed(v as f64),
            Value::Int(v) => Literal::u128_unsuffixed(v),
            Value::Float(v) => Literal::f64_unsuffixed(v),
        };
        if !suffix.is_empty() {
            lit = format!("{lit}{suffix}").parse().unwrap_or(lit);
        }
        lit.set_span(self.span);
        quote! { #sign #lit }
    }

    /// The literal zero or one of this argument's kind, for the defaults of `start` and `step`.
    fn default(value: u128, span: Span) -> Self {
        Number {
            value: Value::Int(value),
            suffix: String::new(),
            span,
            negative: false,
        }
    }
}

/// The span of an argument, for errors: its first token.
fn span_of(e: &Expr, fallback: Span) -> Span {
    match e {
        Expr::Rust(e) => e.span(),
        Expr::Unary(op, _) => op.span(),
        Expr::Ref(and, _, _) => and.span,
        Expr::Paren(x) => span_of(x, fallback),
        _ => fallback,
    }
}

/// A number literal, possibly negated, or an error at the argument.
fn number(e: &Expr, at: Span) -> syn::Result<Number> {
    let (negative, inner) = match e {
        Expr::Unary(syn::UnOp::Neg(minus), x) => (Some(minus.span), &**x),
        _ => (None, e),
    };
    let not_literal = || {
        syn::Error::new(
            span_of(e, at),
            "the arguments of `arange` in `tensor!` must be number literals: the length is \
             computed while compiling; for values known at run time, use \
             `Vector::<T, N>::try_arange(start, stop, step)`",
        )
    };
    let Expr::Rust(syn::Expr::Lit(lit)) = inner else {
        return Err(not_literal());
    };
    let span = negative.unwrap_or_else(|| lit.lit.span());
    let (value, suffix) = match &lit.lit {
        syn::Lit::Int(i) => {
            let v: u128 = i
                .base10_parse()
                .map_err(|_| syn::Error::new(i.span(), "this `arange` bound is too large"))?;
            (Value::Int(v), i.suffix().to_owned())
        }
        syn::Lit::Float(f) => {
            let v: f64 = f.base10_parse()?;
            (Value::Float(v), f.suffix().to_owned())
        }
        _ => return Err(not_literal()),
    };
    Ok(Number {
        value,
        suffix,
        span,
        negative: negative.is_some(),
    })
}

/// The largest length `arange` accepts in `tensor!` (a tensor lives on the stack).
const MAX_LEN: u128 = 1 << 24;

/// The code of `arange(args)`, called at `name`.
pub(crate) fn expand(name: Span, args: &[Expr]) -> syn::Result<TokenStream> {
    if args.is_empty() || args.len() > 3 {
        return Err(syn::Error::new(
            name,
            format!(
                "`arange` takes 1 to 3 arguments, `arange(stop)`, `arange(start, stop)` or \
                 `arange(start, stop, step)`, but {} were given",
                args.len()
            ),
        ));
    }
    let mut numbers = Vec::with_capacity(3);
    let mut errors: Option<syn::Error> = None;
    for a in args {
        match number(a, name) {
            Ok(n) => numbers.push(n),
            Err(e) => match &mut errors {
                Some(all) => all.combine(e),
                None => errors = Some(e),
            },
        }
    }
    if let Some(e) = errors {
        return Err(e);
    }
    // One type: the suffixes given must agree.
    let mut suffix: Option<&Number> = None;
    for n in numbers.iter().filter(|n| !n.suffix.is_empty()) {
        match suffix {
            Some(first) if first.suffix != n.suffix => {
                return Err(syn::Error::new(
                    n.span,
                    format!(
                        "the arguments of `arange` have different types: `{}` and `{}`",
                        first.suffix, n.suffix
                    ),
                ));
            }
            _ => suffix = Some(n),
        }
    }
    let suffix = suffix.map_or("", |n| n.suffix.as_str()).to_owned();
    let float = numbers.iter().any(Number::is_float);
    let (start, stop, step) = match numbers.len() {
        1 => {
            let stop = numbers.remove(0);
            (
                Number::default(0, stop.span),
                stop,
                Number::default(1, name),
            )
        }
        2 => {
            let stop = numbers.remove(1);
            let start = numbers.remove(0);
            (start, stop, Number::default(1, name))
        }
        _ => {
            let step = numbers.remove(2);
            let stop = numbers.remove(1);
            (numbers.remove(0), stop, step)
        }
    };
    let len = length(&start, &stop, &step, float)?;
    let mut len = Literal::u128_unsuffixed(len);
    len.set_span(name);
    let (start, step) = (start.tokens(float, &suffix), step.tokens(float, &suffix));
    let span = Span::mixed_site().located_at(name);
    let ctor = quote_spanned!(span=> ::tensor::__private::Tensor::<_, 1, #len>::arange_from);
    Ok(quote! { #ctor(#start, #step) })
}

/// `ceil((stop - start) / step)`, exact for integers and in `f64` for floats (as NumPy), or
/// an error at the step when it is zero or points away from `stop`.
fn length(start: &Number, stop: &Number, step: &Number, float: bool) -> syn::Result<u128> {
    let zero = || syn::Error::new(step.span, "the step of `arange` must not be zero");
    let away = |shown: &dyn Fn(&Number) -> String| {
        syn::Error::new(
            step.span,
            format!(
                "`arange({}, {}, {})` is empty: the step points away from `stop`; NumPy gives \
                 an empty array, a tensor needs a length: use a step of the other sign",
                shown(start),
                shown(stop),
                shown(step)
            ),
        )
    };
    let too_long = || {
        syn::Error::new(
            stop.span,
            format!("`arange` gives more than {MAX_LEN} elements, too many for a tensor"),
        )
    };
    let n = if float {
        let (a, b, s) = (start.as_f64(), stop.as_f64(), step.as_f64());
        if !(a.is_finite() && b.is_finite() && s.is_finite()) {
            return Err(syn::Error::new(
                stop.span,
                "the arguments of `arange` must be finite",
            ));
        }
        if s == 0.0 {
            return Err(zero());
        }
        let q = (b - a) / s;
        if q < 0.0 {
            return Err(away(&|n: &Number| format!("{}", n.as_f64())));
        }
        if q > MAX_LEN as f64 {
            return Err(too_long());
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = q.ceil() as u128;
        n
    } else {
        let big = || syn::Error::new(stop.span, "this `arange` bound is too large");
        let (a, b, s) = (
            start.as_i128().ok_or_else(big)?,
            stop.as_i128().ok_or_else(big)?,
            step.as_i128().ok_or_else(big)?,
        );
        if s == 0 {
            return Err(zero());
        }
        let diff = b.checked_sub(a).ok_or_else(big)?;
        if diff != 0 && (diff < 0) != (s < 0) {
            return Err(away(&|n: &Number| {
                n.as_i128().map_or_else(String::new, |v| v.to_string())
            }));
        }
        let (d, s) = (diff.unsigned_abs(), s.unsigned_abs());
        d / s + u128::from(d % s != 0)
    };
    if n > MAX_LEN {
        return Err(too_long());
    }
    Ok(n)
}
