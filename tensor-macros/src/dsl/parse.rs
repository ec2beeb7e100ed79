//! Parsing of DSL expressions.
//!
//! Grammar (the input of `tensor!(...)` when it is an expression; see `crate::expand` for how
//! an expression is told from a literal):
//!
//! ```text
//! expr      := cast (binop cast)*            -- precedence and associativity as in Rust,
//!                                            -- with `@` at the level of `* / %` (as in Python)
//! binop     := "@" | "*" | "/" | "%" | "+" | "-" | "<<" | ">>" | "&" | "^" | "|"
//!            | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||"
//! cast      := unary ("as" type)*
//! unary     := ("-" | "!" | "*" | "&" "mut"?) unary | postfix
//! postfix   := primary ( "." "T"                          -- transpose
//!                      | "." ident turbofish? "(" args ")" -- method call
//!                      | "." (ident | integer)            -- field
//!                      | "(" args ")" | "[" index "]" | "?" )*
//! primary   := "(" expr ")" | "[" literal "]"             -- an inline tensor literal
//!            | literal | path | path "!" group | closure | block
//! args      := (expr ("," expr)* ","?)?
//! index     := component ("," component)?                 -- one or two axes
//! component := int | int? (".." | "..=") int?            -- int := "-"? integer literal
//!            | expr                                       -- a run-time index (no ranges)
//! ```
//!
//! Closures, blocks and macro calls are plain Rust (the DSL does not look inside them).

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{AngleBracketedGenericArguments, BinOp, Ident, LitInt, Member, Token, Type};

/// A parsed DSL expression.
pub(crate) enum Expr {
    /// `lhs op rhs`.
    Binary(Box<Expr>, Op, Box<Expr>),
    /// `-x`, `!x`, `*x`.
    Unary(syn::UnOp, Box<Expr>),
    /// `&x`, `&mut x`.
    Ref(Token![&], Option<Token![mut]>, Box<Expr>),
    /// `x as T`.
    Cast(Box<Expr>, Token![as], Box<Type>),
    /// `x.T`: the `T` is kept for its span.
    Transpose(Box<Expr>, Ident),
    /// `x.method::<..>(args)`.
    Method(
        Box<Expr>,
        Ident,
        Option<AngleBracketedGenericArguments>,
        Vec<Expr>,
    ),
    /// `x.field`, `x.0`.
    Field(Box<Expr>, Member),
    /// `f(args)`.
    Call(Box<Expr>, Vec<Expr>),
    /// `x[components]`, with the span of the brackets.
    Index(Box<Expr>, Vec<Component>, Span),
    /// `x?`.
    Try(Box<Expr>, Token![?]),
    /// `(x)`.
    Paren(Box<Expr>),
    /// An inline tensor literal `[1, 2]` or `[[1, 2], [3, 4]]`, already expanded.
    Literal(TokenStream),
    /// A leaf in plain Rust: a literal, path, closure, block or macro call.
    Rust(syn::Expr),
}

/// A binary operator.
pub(crate) enum Op {
    /// `@`: the matrix product.
    MatMul(Token![@]),
    /// A Rust binary operator, kept as written.
    Rust(BinOp),
}

/// An integer literal with an optional minus sign (`-0` is read as `0`).
#[derive(Clone, Copy)]
pub(crate) struct Int {
    pub(crate) negative: bool,
    pub(crate) value: usize,
    pub(crate) span: Span,
}

/// One axis of an index `x[..]`.
pub(crate) enum Component {
    /// `i` or `-k`.
    At(Int),
    /// `a..b` and its open and inclusive forms; the span is the range's first token.
    Range {
        start: Option<Int>,
        closed: bool,
        end: Option<Int>,
        span: Span,
    },
    /// Any other expression: a run-time index.
    Runtime(Expr),
}

/// Parses a whole DSL expression; every token must be used.
pub(crate) fn parse(tokens: TokenStream) -> syn::Result<Expr> {
    Parser::parse2(
        |input: ParseStream<'_>| {
            let e = expr(input, 0)?;
            if !input.is_empty() {
                return Err(unexpected(
                    input,
                    "an operator such as `@`, `+` or `*`, or the end of the expression",
                ));
            }
            Ok(e)
        },
        tokens,
    )
}

/// An error at the next token: "expected X, found `tok`", or at the end of the input.
fn unexpected(input: ParseStream<'_>, expected: &str) -> syn::Error {
    let found = input.cursor().token_tree().map(|(tt, _)| tt);
    match found {
        Some(tt) => {
            let text = tt.to_string();
            let shown = if text.chars().count() > 40 {
                format!("{}...", text.chars().take(37).collect::<String>())
            } else {
                text
            };
            syn::Error::new(tt.span(), format!("expected {expected}, found `{shown}`"))
        }
        // syn words it "unexpected end of input, expected ...".
        None => input.error(format!("expected {expected}")),
    }
}

// Binding powers: higher binds tighter.
const OR: u8 = 1;
const AND: u8 = 2;
const CMP: u8 = 3;
const BIT_OR: u8 = 4;
const BIT_XOR: u8 = 5;
const BIT_AND: u8 = 6;
const SHIFT: u8 = 7;
const ADD: u8 = 8;
const MUL: u8 = 9;

/// The binary operator at the cursor and its binding power, without consuming it.
fn peek_op(input: ParseStream<'_>) -> syn::Result<Option<u8>> {
    if input.peek(Token![@]) {
        return Ok(Some(MUL));
    }
    let Ok(op) = input.fork().parse::<BinOp>() else {
        return Ok(None);
    };
    let prec = match op {
        BinOp::Mul(_) | BinOp::Div(_) | BinOp::Rem(_) => MUL,
        BinOp::Add(_) | BinOp::Sub(_) => ADD,
        BinOp::Shl(_) | BinOp::Shr(_) => SHIFT,
        BinOp::BitAnd(_) => BIT_AND,
        BinOp::BitXor(_) => BIT_XOR,
        BinOp::BitOr(_) => BIT_OR,
        BinOp::Eq(_) | BinOp::Ne(_) | BinOp::Lt(_) | BinOp::Le(_) | BinOp::Gt(_) | BinOp::Ge(_) => {
            CMP
        }
        BinOp::And(_) => AND,
        BinOp::Or(_) => OR,
        _ => {
            return Err(syn::Error::new(
                op.span(),
                "compound assignment is not an expression: `tensor!` builds a value; write \
                 `x = tensor!(x + y)` outside the macro",
            ));
        }
    };
    Ok(Some(prec))
}

/// `expr` with operators binding at least as tightly as `min`.
fn expr(input: ParseStream<'_>, min: u8) -> syn::Result<Expr> {
    let mut lhs = cast(input)?;
    let mut last_cmp = false;
    while let Some(prec) = peek_op(input)? {
        if prec < min {
            break;
        }
        let op = if input.peek(Token![@]) {
            Op::MatMul(input.parse()?)
        } else {
            Op::Rust(input.parse()?)
        };
        if prec == CMP && last_cmp {
            return Err(syn::Error::new(
                op_span(&op),
                "comparison operators cannot be chained: use parentheses, e.g. `(a < b) == c`",
            ));
        }
        last_cmp = prec == CMP;
        if input.is_empty() {
            return Err(syn::Error::new(
                op_span(&op),
                "expected an operand after this operator, found the end of the expression",
            ));
        }
        let rhs = expr(input, prec + 1)?;
        lhs = Expr::Binary(Box::new(lhs), op, Box::new(rhs));
    }
    Ok(lhs)
}

fn op_span(op: &Op) -> Span {
    match op {
        Op::MatMul(at) => at.span,
        Op::Rust(op) => op.span(),
    }
}

fn cast(input: ParseStream<'_>) -> syn::Result<Expr> {
    let mut e = unary(input)?;
    while input.peek(Token![as]) {
        let as_token: Token![as] = input.parse()?;
        let ty = input.call(Type::without_plus)?;
        e = Expr::Cast(Box::new(e), as_token, Box::new(ty));
    }
    Ok(e)
}

fn unary(input: ParseStream<'_>) -> syn::Result<Expr> {
    if input.peek(Token![-]) {
        let op = syn::UnOp::Neg(input.parse()?);
        return Ok(Expr::Unary(op, Box::new(unary(input)?)));
    }
    if input.peek(Token![!]) {
        let op = syn::UnOp::Not(input.parse()?);
        return Ok(Expr::Unary(op, Box::new(unary(input)?)));
    }
    if input.peek(Token![*]) {
        let op = syn::UnOp::Deref(input.parse()?);
        return Ok(Expr::Unary(op, Box::new(unary(input)?)));
    }
    if input.peek(Token![&&]) {
        let and: Token![&&] = input.parse()?;
        let [a, b] = and.spans;
        let mutability = input.parse()?;
        let inner = Expr::Ref(Token![&](b), mutability, Box::new(unary(input)?));
        return Ok(Expr::Ref(Token![&](a), None, Box::new(inner)));
    }
    if input.peek(Token![&]) {
        let and = input.parse()?;
        let mutability = input.parse()?;
        return Ok(Expr::Ref(and, mutability, Box::new(unary(input)?)));
    }
    postfix(input)
}

fn postfix(input: ParseStream<'_>) -> syn::Result<Expr> {
    let mut e = primary(input)?;
    loop {
        if input.peek(Token![.]) && !input.peek(Token![..]) {
            let _dot: Token![.] = input.parse()?;
            if input.peek(LitInt) {
                let lit: LitInt = input.parse()?;
                let index = syn::Index {
                    index: lit.base10_parse()?,
                    span: lit.span(),
                };
                e = Expr::Field(Box::new(e), Member::Unnamed(index));
                continue;
            }
            if !input.peek(Ident) {
                return Err(unexpected(
                    input,
                    "a method or field name after `.` (or `T` for the transpose)",
                ));
            }
            let name: Ident = input.parse()?;
            if name == "T" && !input.peek(syn::token::Paren) && !input.peek(Token![::]) {
                e = Expr::Transpose(Box::new(e), name);
                continue;
            }
            let turbofish = if input.peek(Token![::]) {
                Some(AngleBracketedGenericArguments::parse_turbofish(input)?)
            } else {
                None
            };
            if input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in input);
                e = Expr::Method(Box::new(e), name, turbofish, args(&content)?);
            } else if turbofish.is_some() {
                return Err(unexpected(
                    input,
                    "`(` and the method's arguments after the turbofish",
                ));
            } else {
                e = Expr::Field(Box::new(e), Member::Named(name));
            }
        } else if input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            e = Expr::Call(Box::new(e), args(&content)?);
        } else if input.peek(syn::token::Bracket) {
            let content;
            let bracket = syn::bracketed!(content in input);
            e = Expr::Index(
                Box::new(e),
                index(&content, bracket.span.join())?,
                bracket.span.join(),
            );
        } else if input.peek(Token![?]) {
            e = Expr::Try(Box::new(e), input.parse()?);
        } else {
            return Ok(e);
        }
    }
}

fn args(input: ParseStream<'_>) -> syn::Result<Vec<Expr>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        out.push(expr(input, 0)?);
        if input.is_empty() {
            break;
        }
        if !input.peek(Token![,]) {
            return Err(unexpected(input, "`,` between arguments or `)`"));
        }
        let _: Token![,] = input.parse()?;
    }
    Ok(out)
}

fn primary(input: ParseStream<'_>) -> syn::Result<Expr> {
    if input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in input);
        if content.is_empty() {
            return Err(content.error("expected an expression inside `(...)`"));
        }
        let e = expr(&content, 0)?;
        if !content.is_empty() {
            return Err(unexpected(
                &content,
                "`)` (tuples are not supported in `tensor!` expressions)",
            ));
        }
        return Ok(Expr::Paren(Box::new(e)));
    }
    if input.peek(syn::token::Bracket) {
        let content;
        syn::bracketed!(content in input);
        let lit = crate::literal::parse(content.parse()?)?;
        return Ok(Expr::Literal(crate::expand::literal_tensor(&lit)));
    }
    if input.peek(syn::token::Brace) {
        return input.parse().map(|b| Expr::Rust(syn::Expr::Block(b)));
    }
    if input.peek(Token![|]) || input.peek(Token![||]) || input.peek(Token![move]) {
        return input.parse().map(|c| Expr::Rust(syn::Expr::Closure(c)));
    }
    if input.peek(syn::Lit) {
        return input.parse().map(|lit| Expr::Rust(syn::Expr::Lit(lit)));
    }
    let path_start = input.peek(Ident)
        || input.peek(Token![self])
        || input.peek(Token![Self])
        || input.peek(Token![super])
        || input.peek(Token![crate])
        || input.peek(Token![::])
        || input.peek(Token![<]);
    if path_start {
        if input.fork().parse::<syn::ExprMacro>().is_ok() {
            return input.parse().map(|m| Expr::Rust(syn::Expr::Macro(m)));
        }
        return input.parse().map(|p| Expr::Rust(syn::Expr::Path(p)));
    }
    if input.peek(Token![..]) {
        return Err(syn::Error::new(
            input.span(),
            "unexpected range: ranges are only allowed inside an index, e.g. `m[1..3, ..]`",
        ));
    }
    Err(unexpected(
        input,
        "an operand: a variable, a literal, a call, `(...)` or a tensor literal `[...]`",
    ))
}

/// The components of an index `[..]`.
fn index(input: ParseStream<'_>, bracket: Span) -> syn::Result<Vec<Component>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        out.push(component(input)?);
        if input.is_empty() {
            break;
        }
        if !input.peek(Token![,]) {
            return Err(unexpected(input, "`,` between indices or `]`"));
        }
        let _: Token![,] = input.parse()?;
    }
    if out.is_empty() {
        return Err(syn::Error::new(
            bracket,
            "empty index: write a row `m[i]`, an element `m[i, j]` or slices such as `m[.., 0]`",
        ));
    }
    Ok(out)
}

fn int(input: ParseStream<'_>) -> syn::Result<Option<Int>> {
    let negative = input.peek(Token![-]) && input.peek2(LitInt);
    let minus: Option<Token![-]> = if negative { Some(input.parse()?) } else { None };
    if !input.peek(LitInt) {
        return Ok(None);
    }
    let lit: LitInt = input.parse()?;
    let value: usize = lit.base10_parse().map_err(|_| {
        syn::Error::new(
            lit.span(),
            format!("index `{lit}` is too large: indices must fit in `usize`"),
        )
    })?;
    let span = minus.map_or(lit.span(), |m| m.span);
    Ok(Some(Int {
        negative: negative && value != 0,
        value,
        span,
    }))
}

/// One component: a literal index or range when the tokens up to the next `,` form one,
/// otherwise a run-time index expression.
fn component(input: ParseStream<'_>) -> syn::Result<Component> {
    let fork = input.fork();
    let first = fork.span();
    let start = int(&fork)?;
    let range = if fork.peek(Token![..=]) {
        let _: Token![..=] = fork.parse()?;
        Some(true)
    } else if fork.peek(Token![..]) {
        let _: Token![..] = fork.parse()?;
        Some(false)
    } else {
        None
    };
    let parsed = match range {
        Some(closed) => {
            let end = int(&fork)?;
            if closed && end.is_none() && (fork.is_empty() || fork.peek(Token![,])) {
                return Err(syn::Error::new(
                    first,
                    "an inclusive range `a..=b` needs an end bound",
                ));
            }
            Component::Range {
                start,
                closed,
                end,
                span: first,
            }
        }
        None => match start {
            Some(i) => Component::At(i),
            None => return run_time(input),
        },
    };
    if fork.is_empty() || fork.peek(Token![,]) {
        use syn::parse::discouraged::Speculative;
        input.advance_to(&fork);
        return Ok(parsed);
    }
    if range.is_some() {
        return Err(syn::Error::new(
            first,
            "slice bounds in `tensor!` must be integer literals such as `1..3` or `..-1`: the \
             result's shape depends on them; for bounds known only at run time, index \
             outside the macro",
        ));
    }
    run_time(input)
}

fn run_time(input: ParseStream<'_>) -> syn::Result<Component> {
    let e = expr(input, 0)?;
    if input.peek(Token![..]) || input.peek(Token![..=]) {
        return Err(syn::Error::new(
            input.span(),
            "slice bounds in `tensor!` must be integer literals such as `1..3` or `..-1`: the \
             result's shape depends on them; for bounds known only at run time, index \
             outside the macro",
        ));
    }
    Ok(Component::Runtime(e))
}
