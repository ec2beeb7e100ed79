//! Parsing and validation of tensor literals.
//!
//! Grammar (the input of `tensor![...]`):
//!
//! ```text
//! literal := item ("," item)* ","?
//! item    := elem | list                      -- every item nested equally deep
//! list    := "[" item ("," item)* ","? "]"
//! elem    := any Rust expression that is not an array expression `[...]`
//! ```
//!
//! The nesting depth of the first element gives the rank: `tensor![1, 2]` is a row vector
//! (`Tensor<_, 1, 2>`), `tensor![[1, 2], [3, 4]]` a matrix, three levels a `Tensor3`, four a
//! `Tensor4`. Every list at the same level must have the same length.

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Token};

/// The deepest nesting a literal may have (`Tensor4`).
pub(crate) const MAX_DEPTH: usize = 4;

/// A validated literal: its dimensions (outer to inner) and its elements in row-major order.
#[cfg_attr(test, derive(Debug))]
pub(crate) struct Literal {
    /// One entry per level of nesting; `[N]` for `tensor![a, b, ..]`.
    pub(crate) dims: Vec<usize>,
    pub(crate) elements: Vec<Expr>,
}

/// An item of a literal: a scalar expression or a bracketed list of items.
enum Node {
    Scalar(Expr),
    List(Expr, Vec<Node>),
}

impl Node {
    fn new(expr: Expr) -> Self {
        match expr {
            Expr::Array(array) => {
                let children = array.elems.iter().cloned().map(Node::new).collect();
                Node::List(Expr::Array(array), children)
            }
            // An array passed through a `macro_rules!` `$e:expr` arrives wrapped in a group.
            Expr::Group(group) if matches!(*group.expr, Expr::Array(_)) => Node::new(*group.expr),
            other => Node::Scalar(other),
        }
    }

    /// The nesting depth following first items (1 for a scalar).
    fn depth(&self) -> usize {
        match self {
            Node::Scalar(_) => 1,
            // An empty list counts as a row, so `[]` is reported as an empty row.
            Node::List(_, children) => 1 + children.first().map_or(1, Node::depth),
        }
    }
}

/// The comma-separated items, before validation.
struct Items(Punctuated<Expr, Token![,]>);

impl Parse for Items {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Punctuated::parse_terminated(input).map(Items)
    }
}

/// What a list at some level is called in messages, by how many levels lie below its items.
fn list_name(levels_below: usize) -> &'static str {
    match levels_below {
        0 => "row",
        1 => "block",
        _ => "item",
    }
}

/// What a list's children are called, plural when `n != 1`.
fn children_name(levels_below: usize, n: usize) -> &'static str {
    match (levels_below, n == 1) {
        (0, true) => "element",
        (0, false) => "elements",
        (1, true) => "row",
        (1, false) => "rows",
        (2, true) => "block",
        (2, false) => "blocks",
        (_, true) => "item",
        (_, false) => "items",
    }
}

/// Names the list at `path` (1-based positions below the top level): `row 2`,
/// `row 2 of block 1`, `block 1 of item 3`.
fn describe(path: &[usize], depth: usize) -> String {
    let mut parts: Vec<String> = path
        .iter()
        .enumerate()
        .map(|(level, n)| format!("{} {n}", list_name(depth - level - 2)))
        .collect();
    parts.reverse();
    parts.join(" of ")
}

/// Walks the tree, checking that it is rectangular, and collects the elements.
struct Checker {
    depth: usize,
    dims: Vec<usize>,
    elements: Vec<Expr>,
    errors: Option<syn::Error>,
}

impl Checker {
    fn push(&mut self, e: syn::Error) {
        match &mut self.errors {
            Some(all) => all.combine(e),
            None => self.errors = Some(e),
        }
    }

    /// Checks the children of the list at `path` (level `path.len()`).
    fn children(&mut self, children: Vec<Node>, path: &mut Vec<usize>) {
        let level = path.len();
        let below = self.depth - level - 1;
        for (index, child) in children.into_iter().enumerate() {
            path.push(index + 1);
            match (child, below) {
                (Node::Scalar(expr), 0) => self.elements.push(expr),
                (Node::Scalar(expr), _) => {
                    let name = describe(path, self.depth);
                    self.push(syn::Error::new_spanned(
                        expr,
                        format!(
                            "expected {name} as `[...]`, found a scalar: the first element is \
                             nested {} levels deep, so every {} must be a bracketed list",
                            self.depth,
                            list_name(below - 1)
                        ),
                    ));
                }
                (Node::List(expr, _), 0) => {
                    let context = if level == 0 {
                        "the first item is a scalar, so this literal is a vector; write every \
                         item as a row (`[[1, 2], [3, 4]]`) or none of them (`[1, 2, 3]`)"
                            .to_string()
                    } else {
                        path.pop();
                        let row = describe(path, self.depth);
                        path.push(index + 1);
                        format!("{row} must hold scalars, like the first row")
                    };
                    self.push(syn::Error::new_spanned(
                        expr,
                        format!("expected a scalar element, found a list `[...]`: {context}"),
                    ));
                }
                (Node::List(expr, grandchildren), _) => {
                    let want = self.dims[level + 1];
                    let len = grandchildren.len();
                    if len == 0 {
                        let name = describe(path, self.depth);
                        self.push(syn::Error::new_spanned(
                            expr,
                            format!(
                                "{name} is empty: every {} needs at least one {}",
                                list_name(below - 1),
                                children_name(below - 1, 1)
                            ),
                        ));
                    } else if len != want && want != 0 {
                        let name = describe(path, self.depth);
                        let kind = list_name(below - 1);
                        self.push(syn::Error::new_spanned(
                            expr,
                            format!(
                                "{name} has {len} {}, expected {want}; all {kind}s must have the \
                                 same length",
                                children_name(below - 1, len)
                            ),
                        ));
                    } else {
                        self.children(grandchildren, path);
                    }
                }
            }
            path.pop();
        }
    }
}

/// Parses and validates a literal, collecting every error found.
pub(crate) fn parse(tokens: TokenStream) -> syn::Result<Literal> {
    let Items(items) = Items::parse.parse2(tokens)?;
    let top: Vec<Node> = items.into_iter().map(Node::new).collect();
    let Some(first) = top.first() else {
        return Err(syn::Error::new(
            Span::call_site(),
            "empty tensor literal: write at least one element, e.g. `tensor![1, 2, 3]` or \
             `tensor![[1, 2], [3, 4]]`; for a tensor of zeros use `Tensor::<T, R, C>::zeros()`",
        ));
    };
    // The nesting of the first element gives the rank and the dimensions; the checker
    // compares every list against them.
    let depth = first.depth();
    if let (true, Node::List(expr, _)) = (depth > MAX_DEPTH, first) {
        return Err(syn::Error::new_spanned(
            expr,
            format!(
                "too many levels of brackets: a tensor literal has at most {MAX_DEPTH}, \
                 counting the macro's own (`tensor![[[[1]]]]` is a `Tensor4`), this one has \
                 {depth}"
            ),
        ));
    }
    let mut dims = vec![top.len()];
    let mut node = first;
    while let Node::List(_, children) = node {
        dims.push(children.len());
        match children.first() {
            Some(child) => node = child,
            None => break,
        }
    }
    let mut checker = Checker {
        depth,
        dims,
        elements: Vec::new(),
        errors: None,
    };
    checker.children(top, &mut Vec::new());
    match checker.errors {
        Some(e) => Err(e),
        None => Ok(Literal {
            dims: checker.dims,
            elements: checker.elements,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn err(tokens: TokenStream) -> String {
        parse(tokens).expect_err("expected an error").to_string()
    }

    fn dims(tokens: TokenStream) -> Vec<usize> {
        let lit = parse(tokens).unwrap();
        assert_eq!(lit.elements.len(), lit.dims.iter().product::<usize>());
        lit.dims
    }

    #[test]
    fn every_rank() {
        assert_eq!(dims(quote!(1, 2, 3,)), [3]);
        assert_eq!(dims(quote!([1.0, x + 1.0], [f(2), -3.0])), [2, 2]);
        assert_eq!(dims(quote!([1], [2], [3])), [3, 1]);
        assert_eq!(dims(quote!([[1, 2, 3], [4, 5, 6]])), [1, 2, 3]);
        assert_eq!(
            dims(quote!([[[1], [2]], [[3], [4]]], [[[5], [6]], [[7], [8]]])),
            [2, 2, 2, 1]
        );
    }

    #[test]
    fn ragged_lists_name_the_list_and_lengths() {
        assert_eq!(
            err(quote!([1, 2], [3])),
            "row 2 has 1 element, expected 2; all rows must have the same length"
        );
        assert!(err(quote!([1], [2, 3, 4])).starts_with("row 2 has 3 elements, expected 1"));
        assert_eq!(
            err(quote!([[1, 2], [3, 4]], [[5, 6], [7]])),
            "row 2 of block 2 has 1 element, expected 2; all rows must have the same length"
        );
        assert_eq!(
            err(quote!([[1, 2], [3, 4]], [[5, 6]])),
            "block 2 has 1 row, expected 2; all blocks must have the same length"
        );
        assert!(
            err(quote!([[[1]]], [[[2], [3]]]))
                .starts_with("block 1 of item 2 has 2 rows, expected 1")
        );
    }

    #[test]
    fn every_error_is_reported() {
        let e = parse(quote!([1, 2], [3], 4, [5, 6, 7])).unwrap_err();
        assert_eq!(e.into_iter().count(), 3);
    }

    #[test]
    fn empty_mixed_and_deep_inputs_are_errors() {
        assert!(err(quote!()).starts_with("empty tensor literal"));
        assert!(err(quote!([])).starts_with("row 1 is empty"));
        assert!(err(quote!([[1]], [[]])).starts_with("row 1 of block 2 is empty"));
        assert!(err(quote!(1, [2])).starts_with("expected a scalar element"));
        assert!(err(quote!([1], 2)).starts_with("expected row 2 as `[...]`, found a scalar"));
        assert!(err(quote!([[1, [2]]])).contains("row 1 of block 1 must hold scalars"));
        assert_eq!(
            err(quote!([[[[[1]]]]])),
            "too many levels of brackets: a tensor literal has at most 4, counting the macro's \
             own (`tensor![[[[1]]]]` is a `Tensor4`), this one has 6"
        );
        assert!(err(quote!(1,, 2)).contains("expected an expression"));
    }
}
