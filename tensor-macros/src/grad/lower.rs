//! The check and the graph: a loss in the DSL becomes differentiable operations in evaluation
//! order, each distinct subexpression once.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{AngleBracketedGenericArguments, BinOp, Ident};

use super::Input;
use crate::dsl::parse::{Component, Expr, Op};

/// What `grad!` can differentiate, as listed in its errors.
pub(crate) const SUPPORTED: &str = "`+`, `-`, `*`, `/` (between tensors, broadcasting, or with \
     scalars), unary `-`, `@`, `.T`, `exp`, `ln`, `sqrt`, `square`, `powi`, `abs`, `tanh`, \
     `sigmoid`, `relu`, `sum`, `mean`, `sum_axis::<A>`, `mean_axis::<A>`, `softmax`, \
     `log_softmax`, `mse`, `cross_entropy`, `reshape`, `flatten`, and literal indices and \
     slices `x[1, ..]`, `x[.., 2..4]`";

/// A binary operator between tensors or scalars.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

/// An elementwise function with a `*_vjp(g, x, y)` rule.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Elementwise {
    Exp,
    Ln,
    Sqrt,
    Square,
    Abs,
    Tanh,
    Sigmoid,
    Relu,
}

/// A reduction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Reduction {
    Sum,
    Mean,
    SumAxis,
    MeanAxis,
}

/// A loss of a prediction against a target of the same shape.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Loss {
    /// `pred.mse(&target)`.
    Mse,
    /// `logits.cross_entropy(&target)`.
    CrossEntropy,
}

/// One node of the graph; operands are indices of earlier nodes.
pub(crate) enum Node {
    /// The input with this index in `Input::inputs`.
    Input(usize),
    /// A subexpression that uses no input, expanded as `tensor!` would.
    Const(TokenStream),
    /// `a op b`, the operator kept for its span.
    Arith(Arith, BinOp, usize, usize),
    /// `a @ b`, with the span of `@`.
    MatMul(Span, usize, usize),
    /// `a.T`, with the span of `T`.
    Transpose(Span, usize),
    /// `-a`, with the span of `-`.
    Neg(Span, usize),
    /// `a.f()`.
    Elementwise(Elementwise, Ident, usize),
    /// `a.powi(n)`, `n` a constant.
    Powi(Ident, TokenStream, usize),
    /// `a.sum()`, `a.mean()`, `a.sum_axis::<A>()`, `a.mean_axis::<A>()`.
    Reduce(
        Reduction,
        Ident,
        Option<AngleBracketedGenericArguments>,
        usize,
    ),
    /// `a.softmax()` (`false`) or `a.log_softmax()` (`true`).
    Softmax(bool, Ident, usize),
    /// `a.reshape::<..>()` or `a.flatten()`, the target type or length given or inferred.
    Reshape(Ident, Option<AngleBracketedGenericArguments>, usize),
    /// `a.mse(&b)` or `a.cross_entropy(&b)`.
    Loss(Loss, Ident, usize, usize),
    /// `a[..]` with literal indices: `a.select(rows, cols)`, then `.item()` when both are
    /// single indices; the span of the brackets.
    Index(Span, Selection, usize),
}

/// The selectors of a literal index, as `tensor!` expands them.
pub(crate) struct Selection {
    pub(crate) rows: TokenStream,
    pub(crate) cols: TokenStream,
    pub(crate) element: bool,
}

impl Node {
    /// The operands that are differentiated through.
    pub(crate) fn operands(&self) -> Vec<usize> {
        match self {
            Node::Input(_) | Node::Const(_) => vec![],
            Node::Arith(_, _, a, b) | Node::MatMul(_, a, b) | Node::Loss(_, _, a, b) => {
                vec![*a, *b]
            }
            Node::Transpose(_, a)
            | Node::Neg(_, a)
            | Node::Elementwise(_, _, a)
            | Node::Powi(_, _, a)
            | Node::Reduce(_, _, _, a)
            | Node::Softmax(_, _, a)
            | Node::Reshape(_, _, a)
            | Node::Index(_, _, a) => vec![*a],
        }
    }
}

/// The loss as a graph; the last node is the loss.
pub(crate) struct Graph {
    pub(crate) nodes: Vec<Node>,
    /// The node of each input, by index in `Input::inputs`.
    pub(crate) inputs: Vec<usize>,
}

impl Graph {
    /// Whether a node's value depends on an input (its gradient is needed).
    pub(crate) fn varies(&self, n: usize) -> bool {
        !matches!(self.nodes[n], Node::Const(_))
    }
}

struct Builder<'a> {
    names: &'a [Ident],
    nodes: Vec<Node>,
    keys: HashMap<String, usize>,
    inputs: Vec<Option<usize>>,
}

/// Checks the loss and builds its graph. Every input must be used.
pub(crate) fn lower(input: &Input) -> syn::Result<Graph> {
    let mut b = Builder {
        names: &input.inputs,
        nodes: Vec::new(),
        keys: HashMap::new(),
        inputs: vec![None; input.inputs.len()],
    };
    let root = b.lower(&input.loss)?;
    let mut unused: Option<syn::Error> = None;
    for (name, node) in input.inputs.iter().zip(&b.inputs) {
        if node.is_none() {
            let e = syn::Error::new(
                name.span(),
                format!(
                    "`{name}` is not used in the loss: `grad!` differentiates with respect to \
                     the inputs the loss uses; remove `{name}` from the inputs"
                ),
            );
            match &mut unused {
                Some(all) => all.combine(e),
                None => unused = Some(e),
            }
        }
    }
    if let Some(e) = unused {
        return Err(e);
    }
    debug_assert_eq!(root + 1, b.nodes.len());
    Ok(Graph {
        inputs: b.inputs.into_iter().flatten().collect(),
        nodes: b.nodes,
    })
}

fn unsupported(span: Span, what: &str) -> syn::Error {
    syn::Error::new(
        span,
        format!("`grad!` cannot differentiate {what}; it supports {SUPPORTED}"),
    )
}

impl Builder<'_> {
    /// The node with this key, created by `make` the first time.
    fn node(&mut self, key: String, make: impl FnOnce() -> Node) -> usize {
        if let Some(&n) = self.keys.get(&key) {
            return n;
        }
        self.nodes.push(make());
        let n = self.nodes.len() - 1;
        self.keys.insert(key, n);
        n
    }

    fn input_index(&self, e: &Expr) -> Option<usize> {
        let Expr::Rust(syn::Expr::Path(p)) = e else {
            return None;
        };
        if p.qself.is_some() {
            return None;
        }
        let id = p.path.get_ident()?;
        self.names.iter().position(|n| n == id)
    }

    fn mentions_input(&self, e: &Expr) -> bool {
        let tokens = |t: &TokenStream| mentions(t, self.names);
        match e {
            Expr::Binary(a, _, b) => self.mentions_input(a) || self.mentions_input(b),
            Expr::Unary(_, a)
            | Expr::Ref(_, _, a)
            | Expr::Cast(a, _, _)
            | Expr::Transpose(a, _)
            | Expr::Field(a, _)
            | Expr::Try(a, _)
            | Expr::Paren(a) => self.mentions_input(a),
            Expr::Method(a, _, turbofish, args) => {
                self.mentions_input(a)
                    || turbofish
                        .as_ref()
                        .is_some_and(|t| tokens(&t.to_token_stream()))
                    || args.iter().any(|x| self.mentions_input(x))
            }
            Expr::Call(f, args) => {
                self.mentions_input(f) || args.iter().any(|x| self.mentions_input(x))
            }
            Expr::Index(a, components, _) => {
                self.mentions_input(a)
                    || components.iter().any(|c| match c {
                        Component::Runtime(x) => self.mentions_input(x),
                        Component::At(_) | Component::Range { .. } => false,
                    })
            }
            Expr::Literal(t) => tokens(t),
            Expr::Rust(x) => tokens(&x.to_token_stream()),
        }
    }

    fn lower(&mut self, e: &Expr) -> syn::Result<usize> {
        if !self.mentions_input(e) {
            let code = crate::dsl::expand::expr(e)?;
            let key = format!("const {code}");
            return Ok(self.node(key, || Node::Const(code)));
        }
        if let Some(i) = self.input_index(e) {
            let n = self.node(format!("input {i}"), || Node::Input(i));
            self.inputs[i] = Some(n);
            return Ok(n);
        }
        match e {
            Expr::Paren(x) => self.lower(x),
            Expr::Binary(a, Op::MatMul(at), b) => {
                let (a, b) = (self.lower(a)?, self.lower(b)?);
                Ok(self.node(format!("matmul {a} {b}"), || Node::MatMul(at.span, a, b)))
            }
            Expr::Binary(a, Op::Rust(op), b) => {
                let kind = match op {
                    BinOp::Add(_) => Arith::Add,
                    BinOp::Sub(_) => Arith::Sub,
                    BinOp::Mul(_) => Arith::Mul,
                    BinOp::Div(_) => Arith::Div,
                    other => {
                        let shown = other.to_token_stream().to_string();
                        return Err(unsupported(
                            other.span(),
                            &format!("the operator `{shown}`"),
                        ));
                    }
                };
                let (a, b) = (self.lower(a)?, self.lower(b)?);
                Ok(self.node(format!("{kind:?} {a} {b}"), || Node::Arith(kind, *op, a, b)))
            }
            Expr::Unary(syn::UnOp::Neg(minus), a) => {
                let a = self.lower(a)?;
                Ok(self.node(format!("neg {a}"), || Node::Neg(minus.span, a)))
            }
            Expr::Unary(op, _) => {
                let shown = op.to_token_stream().to_string();
                Err(unsupported(op.span(), &format!("the operator `{shown}`")))
            }
            Expr::Transpose(a, t) => {
                let a = self.lower(a)?;
                Ok(self.node(format!("t {a}"), || Node::Transpose(t.span(), a)))
            }
            Expr::Method(a, name, turbofish, args) => self.method(a, name, turbofish, args),
            Expr::Rust(x) => Err(syn::Error::new(
                x.span(),
                format!(
                    "`grad!` cannot differentiate through {}: it uses an input inside; write \
                     the computation with the operations `grad!` supports ({SUPPORTED}), or \
                     compute it outside and pass it in",
                    rust_kind(x)
                ),
            )),
            Expr::Ref(and, _, _) => Err(unsupported(and.span, "a reference `&`")),
            Expr::Cast(_, as_token, _) => Err(unsupported(as_token.span, "a cast `as`")),
            Expr::Field(_, member) => Err(unsupported(member.span(), "a field access")),
            Expr::Call(f, _) => Err(unsupported(expr_span(f), "a function call")),
            Expr::Index(a, components, bracket) => {
                let crate::dsl::expand::Indexing::Select {
                    rows,
                    cols,
                    element,
                } = crate::dsl::expand::index(components, *bracket)?
                else {
                    return Err(unsupported(
                        *bracket,
                        "a run-time index (only integer literals and literal slices)",
                    ));
                };
                let a = self.lower(a)?;
                Ok(self.node(format!("index {a} {rows} {cols} {element}"), || {
                    Node::Index(
                        *bracket,
                        Selection {
                            rows,
                            cols,
                            element,
                        },
                        a,
                    )
                }))
            }
            Expr::Try(_, q) => Err(unsupported(q.span, "the `?` operator")),
            Expr::Literal(t) => Err(unsupported(
                t.clone()
                    .into_iter()
                    .next()
                    .map_or(Span::call_site(), |t| t.span()),
                "a tensor literal holding an input",
            )),
        }
    }

    fn method(
        &mut self,
        a: &Expr,
        name: &Ident,
        turbofish: &Option<AngleBracketedGenericArguments>,
        args: &[Expr],
    ) -> syn::Result<usize> {
        let text = name.to_string();
        let elementwise = match text.as_str() {
            "exp" => Some(Elementwise::Exp),
            "ln" => Some(Elementwise::Ln),
            "sqrt" => Some(Elementwise::Sqrt),
            "square" => Some(Elementwise::Square),
            "abs" => Some(Elementwise::Abs),
            "tanh" => Some(Elementwise::Tanh),
            "sigmoid" => Some(Elementwise::Sigmoid),
            "relu" => Some(Elementwise::Relu),
            _ => None,
        };
        let reduction = match text.as_str() {
            "sum" => Some(Reduction::Sum),
            "mean" => Some(Reduction::Mean),
            "sum_axis" => Some(Reduction::SumAxis),
            "mean_axis" => Some(Reduction::MeanAxis),
            _ => None,
        };
        let softmax = match text.as_str() {
            "softmax" => Some(false),
            "log_softmax" => Some(true),
            _ => None,
        };
        let loss = match text.as_str() {
            "mse" => Some(Loss::Mse),
            "cross_entropy" => Some(Loss::CrossEntropy),
            _ => None,
        };
        let reshape = matches!(text.as_str(), "reshape" | "flatten");
        let known = elementwise.is_some() || reduction.is_some() || softmax.is_some() || reshape;
        if !known && loss.is_none() && text != "powi" {
            return Err(unsupported(name.span(), &format!("the method `{text}`")));
        }
        let axis_turbofish = matches!(reduction, Some(Reduction::SumAxis | Reduction::MeanAxis));
        match (turbofish, axis_turbofish) {
            (Some(t), false) if !reshape => {
                return Err(syn::Error::new(
                    t.span(),
                    format!("`{text}` takes no generic arguments"),
                ));
            }
            (None, true) => {
                return Err(syn::Error::new(
                    name.span(),
                    format!("`{text}` needs its axis: `{text}::<0>()`"),
                ));
            }
            _ => {}
        }
        if text == "powi" {
            let [n] = args else {
                return Err(syn::Error::new(
                    name.span(),
                    "`powi` takes one argument, the integer exponent",
                ));
            };
            if self.mentions_input(n) {
                return Err(syn::Error::new(
                    expr_span(n),
                    "the exponent of `powi` must not depend on an input: `grad!` \
                     differentiates the base only",
                ));
            }
            let n = crate::dsl::expand::expr(n)?;
            let a = self.lower(a)?;
            return Ok(self.node(format!("powi {a} {n}"), || {
                Node::Powi(name.clone(), n.clone(), a)
            }));
        }
        if let Some(kind) = loss {
            let [target] = args else {
                return Err(syn::Error::new(
                    name.span(),
                    format!("`{text}` takes one argument, the target: `pred.{text}(&target)`"),
                ));
            };
            // `&target`, as the method is called outside `grad!`; the reference is not an
            // operation to differentiate.
            let target = match target {
                Expr::Ref(_, None, inner) => inner,
                other => other,
            };
            let (a, b) = (self.lower(a)?, self.lower(target)?);
            return Ok(self.node(format!("{text} {a} {b}"), || {
                Node::Loss(kind, name.clone(), a, b)
            }));
        }
        if let Some(first) = args.first() {
            return Err(syn::Error::new(
                expr_span(first),
                format!("`{text}` takes no arguments in `grad!`"),
            ));
        }
        let a = self.lower(a)?;
        let tf = turbofish.as_ref().map(|t| t.to_token_stream().to_string());
        Ok(self.node(format!("{text} {tf:?} {a}"), || {
            if reshape {
                Node::Reshape(name.clone(), turbofish.clone(), a)
            } else if let Some(f) = elementwise {
                Node::Elementwise(f, name.clone(), a)
            } else if let Some(r) = reduction {
                Node::Reduce(r, name.clone(), turbofish.clone(), a)
            } else {
                Node::Softmax(softmax == Some(true), name.clone(), a)
            }
        }))
    }
}

/// Whether `tokens` hold one of `names` as an identifier (a conservative test: a name inside a
/// closure or block counts even when it is shadowed there).
fn mentions(tokens: &TokenStream, names: &[Ident]) -> bool {
    tokens.clone().into_iter().any(|t| match t {
        TokenTree::Ident(id) => names.contains(&id),
        TokenTree::Group(g) => mentions(&g.stream(), names),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}

fn rust_kind(e: &syn::Expr) -> &'static str {
    match e {
        syn::Expr::Block(_) => "a block",
        syn::Expr::Closure(_) => "a closure",
        syn::Expr::Macro(_) => "a macro call",
        _ => "this expression",
    }
}

/// The span of an expression's first token, for errors.
fn expr_span(e: &Expr) -> Span {
    match e {
        Expr::Binary(a, _, _)
        | Expr::Cast(a, _, _)
        | Expr::Transpose(a, _)
        | Expr::Method(a, _, _, _)
        | Expr::Field(a, _)
        | Expr::Call(a, _)
        | Expr::Index(a, _, _)
        | Expr::Try(a, _) => expr_span(a),
        Expr::Unary(op, _) => op.span(),
        Expr::Ref(and, _, _) => and.span,
        Expr::Paren(a) => expr_span(a),
        Expr::Literal(t) => t
            .clone()
            .into_iter()
            .next()
            .map_or(Span::call_site(), |t| t.span()),
        Expr::Rust(x) => x.span(),
    }
}
