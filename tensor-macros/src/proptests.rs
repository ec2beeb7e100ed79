//! Property tests of `tensor!`'s parsing and expansion on generated token trees.
//!
//! - **Never panic**: random token trees (nested groups of random depth and delimiter, including
//!   the invisible groups `macro_rules!` makes, stray and doubled commas, empty brackets, huge
//!   and odd literals, identifiers and punctuation that mean nothing to the macro) go through
//!   [`expand::expand`] (which chooses between literal and expression), [`literal::parse`] and
//!   the full entry point [`expand::tensor`] inside `catch_unwind`. Every success must be a
//!   valid Rust expression; every error must carry a message and a span inside the input (or
//!   the call site, which the compiler shows as the macro invocation).
//! - **Valid literals**: random rectangular literals of rank 1 to 4 give their dimensions and
//!   their elements in row-major order, and expand to the matching nested array.
//! - **Ragged literals**: the first error names the first list (in reading order) whose length
//!   differs from the first list at its level, with both lengths, and points at that list.
//!
//! Spans are real source locations: each generated tree is rendered to text and lexed, and the
//! lexed spans are copied onto the generated tokens (`proc-macro2`'s `span-locations` feature).

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::{expand, literal};

/// A generated token tree. Kept apart from `proc_macro2`'s types so that it can be printed in
/// failures, rendered to text and given the spans of that text.
#[derive(Clone, Debug)]
enum Tree {
    Ident(&'static str),
    Punct(char),
    /// The source text of a literal token.
    Lit(String),
    Group(Delimiter, Vec<Tree>),
}

const IDENTS: &[&str] = &[
    "a", "b", "m", "x", "T", "t", "f", "true", "false", "let", "as", "mut", "f32", "i32", "self",
    "Tensor", "_", "move", "fn", "r",
];

const PUNCTS: &[char] = &[
    '@', '.', '-', ':', ';', ',', '+', '*', '=', '<', '>', '!', '&', '|', '?', '#', '$', '%', '^',
    '~',
];

/// Literal tokens: small numbers, the limits of the integer and float types and beyond them,
/// suffixes that do not fit their value, and non-numeric literals.
fn literal_text() -> impl Strategy<Value = String> {
    const FIXED: &[&str] = &[
        "0",
        "1",
        "2",
        "7",
        "2.5",
        "1.",
        "1e308",
        "1e999",
        "5e-324",
        "1e-400",
        "340282366920938463463374607431768211455",
        "340282366920938463463374607431768211456",
        "99999999999999999999999999999999999999999999999999999999999",
        "0xFFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF",
        "0b1010",
        "0o777",
        "1_000_000",
        "255u8",
        "256u8",
        "1i128",
        "3.0f32",
        "1e40f32",
        "1usize",
        "\"s\"",
        "'c'",
        "b'x'",
        "b\"bytes\"",
    ];
    prop_oneof![
        4 => prop::sample::select(FIXED).prop_map(str::to_string),
        1 => any::<u128>().prop_map(|n| n.to_string()),
        1 => (prop::num::f64::POSITIVE | prop::num::f64::ZERO)
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:?}")),
    ]
}

fn leaf() -> impl Strategy<Value = Tree> {
    prop_oneof![
        3 => prop::sample::select(IDENTS).prop_map(Tree::Ident),
        3 => prop::sample::select(PUNCTS).prop_map(Tree::Punct),
        4 => literal_text().prop_map(Tree::Lit),
        1 => Just(Tree::Group(Delimiter::Bracket, Vec::new())),
    ]
}

/// A comma-separated sequence of items, each one to three adjacent trees (`m [0]`, `- 1`,
/// `a @ b`), with the separators sometimes missing, doubled or replaced by `;`.
fn sequence(tree: impl Strategy<Value = Tree> + Clone) -> impl Strategy<Value = Vec<Tree>> + Clone {
    let separator = prop_oneof![
        8 => Just(vec![Tree::Punct(',')]),
        2 => Just(Vec::new()),
        1 => Just(vec![Tree::Punct(','), Tree::Punct(',')]),
        1 => Just(vec![Tree::Punct(';')]),
    ];
    let item = prop_oneof![
        4 => tree.clone().prop_map(|t| vec![t]),
        1 => prop::collection::vec(tree, 2..=3),
    ];
    prop::collection::vec((item, separator), 0..5).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(item, sep)| item.into_iter().chain(sep))
            .collect()
    })
}

/// Trees of random depth (up to 8 groups deep), mostly bracketed.
fn tree() -> impl Strategy<Value = Tree> + Clone {
    leaf().prop_recursive(8, 40, 4, |inner| {
        let seq = sequence(inner);
        prop_oneof![
            6 => seq.clone().prop_map(|s| Tree::Group(Delimiter::Bracket, s)),
            2 => seq.clone().prop_map(|s| Tree::Group(Delimiter::Parenthesis, s)),
            1 => seq.clone().prop_map(|s| Tree::Group(Delimiter::Brace, s)),
            // `macro_rules!` forwards `$e:expr` as an invisible group.
            1 => seq.prop_map(|s| Tree::Group(Delimiter::None, s)),
        ]
    })
}

/// Trees that are close to valid input: literals of numbers and DSL expressions (`a @ b`,
/// `m[.., -1]`, `x.T`), before [`mutated`] breaks them.
fn plausible() -> impl Strategy<Value = Vec<Tree>> {
    let number = prop_oneof![
        prop::sample::select(&["0", "1", "2", "3", "2.5", "1e308", "99999999999999999999"][..])
            .prop_map(|s| vec![Tree::Lit(s.to_string())]),
        Just(vec![Tree::Punct('-'), Tree::Lit("1".to_string())]),
        prop::sample::select(&["a", "b", "m", "x"][..]).prop_map(|s| vec![Tree::Ident(s)]),
    ];
    let index = prop_oneof![
        Just(vec![Tree::Punct('.'), Tree::Punct('.')]),
        Just(vec![
            Tree::Punct('.'),
            Tree::Punct('.'),
            Tree::Lit("2".to_string())
        ]),
        Just(vec![
            Tree::Lit("1".to_string()),
            Tree::Punct('.'),
            Tree::Punct('.')
        ]),
        Just(vec![
            Tree::Punct('.'),
            Tree::Punct('.'),
            Tree::Punct('='),
            Tree::Punct('-'),
            Tree::Lit("1".to_string())
        ]),
        Just(vec![Tree::Punct('-'), Tree::Lit("1".to_string())]),
        Just(vec![Tree::Lit("0".to_string())]),
        Just(vec![Tree::Ident("x")]),
    ];
    let indexed = (
        prop::sample::select(&["a", "m"][..]),
        prop::collection::vec(index, 1..=3),
    )
        .prop_map(|(name, indices)| {
            let inner = join_with_commas(indices);
            vec![Tree::Ident(name), Tree::Group(Delimiter::Bracket, inner)]
        });
    let operand = prop_oneof![3 => number, 1 => indexed];
    operand.prop_recursive(5, 32, 4, |inner| {
        prop_oneof![
            // a bracketed list, usually rectangular enough to reach the literal checker
            3 => prop::collection::vec(inner.clone(), 1..=4)
                .prop_map(|items| vec![Tree::Group(Delimiter::Bracket, join_with_commas(items))]),
            1 => (inner.clone(), prop::sample::select(&['@', '+', '*', '-'][..]), inner.clone())
                .prop_map(|(a, op, b)| a.into_iter().chain([Tree::Punct(op)]).chain(b).collect()),
            1 => inner.clone().prop_map(|a| {
                a.into_iter().chain([Tree::Punct('.'), Tree::Ident("T")]).collect()
            }),
            1 => inner.prop_map(|a| vec![Tree::Group(Delimiter::Parenthesis, a)]),
        ]
    })
}

fn join_with_commas(items: Vec<Vec<Tree>>) -> Vec<Tree> {
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(Tree::Punct(','));
        }
        out.extend(item);
    }
    out
}

/// A change to one token tree of an input.
#[derive(Clone, Debug)]
enum Mutation {
    InsertAfter(Tree),
    Replace(Tree),
    Delete,
    /// Empties a group, or makes a token an empty `[]`.
    Empty,
    /// Wraps a token in brackets, parentheses or an invisible group.
    Wrap(Delimiter),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => leaf().prop_map(Mutation::InsertAfter),
        2 => Just(Mutation::InsertAfter(Tree::Punct(','))),
        2 => leaf().prop_map(Mutation::Replace),
        2 => Just(Mutation::Delete),
        1 => Just(Mutation::Empty),
        2 => prop::sample::select(&[Delimiter::Bracket, Delimiter::Parenthesis, Delimiter::None][..])
            .prop_map(Mutation::Wrap),
    ]
}

/// Applies `m` to the tree at preorder position `*target` of `seq`; returns whether it was
/// found.
fn apply(seq: &mut Vec<Tree>, target: &mut usize, m: &Mutation) -> bool {
    for i in 0..seq.len() {
        if *target == 0 {
            match m {
                Mutation::InsertAfter(t) => seq.insert(i + 1, t.clone()),
                Mutation::Replace(t) => seq[i] = t.clone(),
                Mutation::Delete => {
                    seq.remove(i);
                }
                Mutation::Empty => match &mut seq[i] {
                    Tree::Group(_, inner) => inner.clear(),
                    other => *other = Tree::Group(Delimiter::Bracket, Vec::new()),
                },
                Mutation::Wrap(d) => seq[i] = Tree::Group(*d, vec![seq[i].clone()]),
            }
            return true;
        }
        *target -= 1;
        if let Tree::Group(_, inner) = &mut seq[i]
            && apply(inner, target, m)
        {
            return true;
        }
    }
    false
}

fn count(seq: &[Tree]) -> usize {
    seq.iter()
        .map(|t| match t {
            Tree::Group(_, inner) => 1 + count(inner),
            _ => 1,
        })
        .sum()
}

/// A [`plausible`] input with up to three [`Mutation`]s.
fn mutated() -> impl Strategy<Value = Vec<Tree>> {
    (
        plausible(),
        prop::collection::vec((any::<prop::sample::Index>(), mutation()), 0..=3),
    )
        .prop_map(|(mut seq, mutations)| {
            for (index, m) in mutations {
                let n = count(&seq);
                if n > 0 {
                    apply(&mut seq, &mut index.index(n), &m);
                }
            }
            seq
        })
}

/// The text of `trees`. A punctuation character is joined to a following one (`..=`, `::`,
/// `@@`); every other token is followed by a space. `/` is not generated, so no comment can
/// form.
fn render(trees: &[Tree], out: &mut String) {
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            Tree::Ident(s) => out.push_str(s),
            Tree::Lit(s) => out.push_str(s),
            Tree::Punct(c) => {
                out.push(*c);
                if matches!(trees.get(i + 1), Some(Tree::Punct(_))) {
                    continue;
                }
            }
            Tree::Group(delimiter, inner) => {
                let (open, close) = match delimiter {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                render(inner, out);
                out.push_str(close);
            }
        }
        out.push(' ');
    }
}

/// The spans of `tokens` in the order [`build`] consumes them: each group's, then its
/// contents'.
fn spans_in_order(tokens: TokenStream, out: &mut Vec<Span>) {
    for token in tokens {
        out.push(token.span());
        if let TokenTree::Group(g) = token {
            spans_in_order(g.stream(), out);
        }
    }
}

/// The tokens of `trees`, with the spans of their rendered text (`spans`, in order). An
/// invisible group has no text of its own: it spans its contents.
fn build(trees: &[Tree], spans: &mut std::vec::IntoIter<Span>) -> TokenStream {
    let next = |spans: &mut std::vec::IntoIter<Span>| {
        spans
            .next()
            .expect("rendered text has a token per generated token")
    };
    trees
        .iter()
        .enumerate()
        .map(|(i, tree)| -> TokenTree {
            match tree {
                Tree::Ident(s) => Ident::new(s, next(spans)).into(),
                Tree::Punct(c) => {
                    let joint = matches!(trees.get(i + 1), Some(Tree::Punct(_)));
                    let mut p = Punct::new(
                        *c,
                        if joint {
                            Spacing::Joint
                        } else {
                            Spacing::Alone
                        },
                    );
                    p.set_span(next(spans));
                    p.into()
                }
                Tree::Lit(s) => {
                    let mut lit: Literal = s.parse().expect("generated literals lex");
                    lit.set_span(next(spans));
                    lit.into()
                }
                Tree::Group(Delimiter::None, inner) => {
                    let stream = build(inner, spans);
                    let span = group_span(&stream);
                    let mut g = Group::new(Delimiter::None, stream);
                    g.set_span(span);
                    g.into()
                }
                Tree::Group(delimiter, inner) => {
                    let span = next(spans);
                    let mut g = Group::new(*delimiter, build(inner, spans));
                    g.set_span(span);
                    g.into()
                }
            }
        })
        .collect()
}

/// The span from the first to the last token of `stream`, or the call site if it is empty.
fn group_span(stream: &TokenStream) -> Span {
    let mut tokens = stream.clone().into_iter();
    let Some(first) = tokens.next() else {
        return Span::call_site();
    };
    let last = tokens.last().unwrap_or_else(|| first.clone());
    first
        .span()
        .join(last.span())
        .unwrap_or_else(|| first.span())
}

/// The generated input as tokens whose spans are locations in `src`, its rendered text, and
/// the span of one of them (`None` if the text has no tokens).
fn tokens_of(trees: &[Tree]) -> Result<(String, TokenStream, Option<Span>), TestCaseError> {
    let mut src = String::new();
    render(trees, &mut src);
    let lexed: TokenStream = src
        .parse()
        .map_err(|e| TestCaseError::fail(format!("generated text `{src}` does not lex: {e}")))?;
    let mut spans = Vec::new();
    spans_in_order(lexed, &mut spans);
    let anchor = spans.first().copied();
    let mut spans = spans.into_iter();
    let tokens = build(trees, &mut spans);
    prop_assert!(spans.next().is_none(), "`{src}` lexed into extra tokens");
    Ok((src, tokens, anchor))
}

/// Every error in `e` has a message and a span inside `src` (the text `anchor` was lexed
/// from) or at the call site.
fn check_errors(e: syn::Error, src: &str, anchor: Option<Span>) -> Result<(), TestCaseError> {
    for e in e {
        let span = e.span();
        prop_assert!(!e.to_string().trim().is_empty(), "`{src}`: empty message");
        if span.source_text().is_none() {
            continue; // the call site: the whole macro invocation
        }
        let inside = anchor.is_some_and(|a| a.join(span).is_some());
        prop_assert!(inside, "`{src}`: \"{e}\" points outside the input");
        let range = span.byte_range();
        prop_assert!(
            range.start <= range.end && range.end <= src.len(),
            "`{src}`: \"{e}\" spans {range:?}, outside the input"
        );
    }
    Ok(())
}

/// Runs the macro's three entry points on `trees` and checks the never-panic properties.
fn never_panics(trees: &[Tree]) -> Result<(), TestCaseError> {
    let (src, input, anchor) = tokens_of(trees)?;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        (
            literal::parse(input.clone()),
            expand::expand(input.clone()),
            expand::tensor(input.clone()),
            expand::is_literal(&input),
        )
    }));
    let Ok((lit, expansion, full, is_literal)) = outcome else {
        return Err(TestCaseError::fail(format!(
            "the macro panicked on `{src}`"
        )));
    };
    match lit {
        Ok(lit) => {
            let rank = lit.dims.len();
            prop_assert!(
                (1..=literal::MAX_DEPTH).contains(&rank),
                "`{src}`: rank {rank}"
            );
            prop_assert!(
                lit.dims.iter().all(|&d| d > 0),
                "`{src}`: dims {:?}",
                lit.dims
            );
            prop_assert_eq!(lit.dims.iter().product::<usize>(), lit.elements.len());
            if is_literal {
                prop_assert!(
                    expansion.is_ok(),
                    "`{src}`: a valid literal failed to expand"
                );
            }
        }
        Err(e) => check_errors(e, &src, anchor)?,
    }
    match expansion {
        Ok(code) => {
            let parsed = syn::parse2::<syn::Expr>(code.clone());
            prop_assert!(parsed.is_ok(), "`{src}` expanded to invalid Rust: {code}");
        }
        Err(e) => check_errors(e, &src, anchor)?,
    }
    let parsed = syn::parse2::<syn::Expr>(full.clone());
    prop_assert!(
        parsed.is_ok(),
        "`{src}`: the macro's output is not an expression: {full}"
    );
    Ok(())
}

/// What comes before an index in [`random_indices_never_panic`].
const HEADS: &[&[&str]] = &[&["m"], &["a", "@"], &["x", ".", "T"], &["f", "()"]];

/// Cases per property below: 1500 in release (`.ci/run`), 500 in debug builds (the README's
/// test command, where these three properties were most of the macro crate's test time).
const FUZZ_CASES: u32 = if cfg!(debug_assertions) { 500 } else { 1500 };

proptest! {
    #![proptest_config(ProptestConfig { cases: FUZZ_CASES, ..ProptestConfig::default() })]

    /// Random token trees at the top level, as in `tensor![...]`.
    #[test]
    fn random_token_trees_never_panic(trees in sequence(tree())) {
        never_panics(&trees)?;
    }

    /// Near-valid literals and expressions with a few tokens inserted, replaced, deleted,
    /// emptied or wrapped.
    #[test]
    fn mutated_inputs_never_panic(trees in mutated()) {
        never_panics(&trees)?;
    }

    /// Random trees after an operand, where brackets are indices: `m [...]`, `a @ [...]`,
    /// `x . T [...]`.
    #[test]
    fn random_indices_never_panic(
        head in prop::sample::select(HEADS),
        index in sequence(tree()),
        tail in sequence(tree()),
    ) {
        let mut trees: Vec<Tree> = head
            .iter()
            .map(|&s| match s {
                "()" => Tree::Group(Delimiter::Parenthesis, Vec::new()),
                "@" => Tree::Punct('@'),
                "." => Tree::Punct('.'),
                ident => Tree::Ident(IDENTS.iter().find(|&&i| i == ident).copied().unwrap_or("a")),
            })
            .collect();
        trees.push(Tree::Group(Delimiter::Bracket, index));
        trees.extend(tail);
        never_panics(&trees)?;
    }
}

/// A list of the literal grammar: a scalar element (its source text) or a bracketed list.
#[derive(Clone, Debug)]
enum Node {
    Elem(String),
    List(Vec<Node>),
}

/// Renders a literal's items; records the byte range of every list by its path (1-based
/// positions, outermost first).
struct LiteralText {
    src: String,
    lists: Vec<(Vec<usize>, Range<usize>)>,
}

impl LiteralText {
    fn new(top: &[Node], trailing_commas: &[bool]) -> Self {
        let mut text = LiteralText {
            src: String::new(),
            lists: Vec::new(),
        };
        let mut commas = trailing_commas.iter().copied().cycle();
        text.items(top, &mut Vec::new(), &mut commas);
        text
    }

    fn items(
        &mut self,
        items: &[Node],
        path: &mut Vec<usize>,
        commas: &mut impl Iterator<Item = bool>,
    ) {
        for (i, node) in items.iter().enumerate() {
            if i > 0 {
                self.src.push_str(", ");
            }
            path.push(i + 1);
            match node {
                Node::Elem(text) => self.src.push_str(text),
                Node::List(children) => {
                    let start = self.src.len();
                    self.src.push('[');
                    self.items(children, path, commas);
                    self.src.push(']');
                    self.lists.push((path.clone(), start..self.src.len()));
                }
            }
            path.pop();
        }
        if commas.next() == Some(true) {
            self.src.push(',');
        }
    }
}

/// A scalar element's source: `i` itself, negated, as a float or as an arbitrary expression.
fn element(i: usize, form: u8) -> String {
    match form % 6 {
        0 | 1 => i.to_string(),
        2 => format!("-{i}"),
        3 => format!("{i}.5f32"),
        4 => format!("x[{i}] + f({i})"),
        _ => format!("{{ {i} }}"),
    }
}

/// The rectangular literal of shape `dims` whose elements are numbered in row-major order.
fn rectangular(dims: &[usize], forms: &[u8], next: &mut usize) -> Vec<Node> {
    (0..dims[0])
        .map(|_| {
            if dims.len() == 1 {
                let i = *next;
                *next += 1;
                Node::Elem(element(i, forms[i % forms.len()]))
            } else {
                Node::List(rectangular(&dims[1..], forms, next))
            }
        })
        .collect()
}

/// The elements of `items` in reading order.
fn flatten(items: &[Node], out: &mut Vec<String>) {
    for node in items {
        match node {
            Node::Elem(text) => out.push(text.clone()),
            Node::List(children) => flatten(children, out),
        }
    }
}

/// `tokens`'s text as `proc_macro2` prints it (`- 1`, `x [0]`).
fn normalized(src: &str) -> String {
    src.parse::<TokenStream>()
        .expect("element lexes")
        .to_string()
}

/// The expected nested array of the expansion: `[[e0 , e1] , [e2 , e3]]`.
fn nested(dims: &[usize], elements: &[String]) -> String {
    if dims.len() == 1 {
        return format!("[{}]", elements.join(" , "));
    }
    let stride = elements.len() / dims[0];
    let parts: Vec<String> = elements
        .chunks(stride)
        .map(|c| nested(&dims[1..], c))
        .collect();
    format!("[{}]", parts.join(" , "))
}

fn dims_strategy() -> impl Strategy<Value = Vec<usize>> {
    (1usize..=4).prop_flat_map(|rank| {
        (1usize..=6, prop::collection::vec(1usize..=4, rank - 1)).prop_map(|(first, rest)| {
            let mut dims = vec![first];
            dims.extend(rest);
            dims
        })
    })
}

/// A list of `depth` levels whose lists have random lengths from 1 to 3.
fn ragged(depth: usize) -> BoxedStrategy<Node> {
    if depth == 0 {
        return Just(Node::Elem(String::new())).boxed();
    }
    prop::collection::vec(ragged(depth - 1), 1..=3)
        .prop_map(Node::List)
        .boxed()
}

/// Numbers the elements of `items` in reading order.
fn number(items: &mut [Node], next: &mut usize) {
    for node in items {
        match node {
            Node::Elem(text) => {
                *text = next.to_string();
                *next += 1;
            }
            Node::List(children) => number(children, next),
        }
    }
}

/// The first list (in reading order) whose length differs from that of the first list at its
/// level, found independently of the checker: `(path, its length, the expected length)`.
fn first_offender(top: &[Node]) -> Option<(Vec<usize>, usize, usize)> {
    let mut dims = vec![top.len()];
    let mut node = &top[0];
    while let Node::List(children) = node {
        dims.push(children.len());
        node = &children[0];
    }
    fn walk(
        items: &[Node],
        level: usize,
        dims: &[usize],
        path: &mut Vec<usize>,
    ) -> Option<(Vec<usize>, usize, usize)> {
        for (i, node) in items.iter().enumerate() {
            if let Node::List(children) = node {
                path.push(i + 1);
                if children.len() != dims[level + 1] {
                    return Some((path.clone(), children.len(), dims[level + 1]));
                }
                if let Some(found) = walk(children, level + 1, dims, path) {
                    return Some(found);
                }
                path.pop();
            }
        }
        None
    }
    walk(top, 0, &dims, &mut Vec::new())
}

/// The message for the list at `path` in a literal of `rank`: `row 2 of block 1 has 3
/// elements, expected 2; all rows must have the same length`.
fn ragged_message(rank: usize, path: &[usize], len: usize, want: usize) -> String {
    // What a list at each level is called, counted from the elements up.
    const KIND: [&str; 3] = ["row", "block", "item"];
    const CHILDREN: [&str; 3] = ["element", "row", "block"];
    let kind = |level: usize| KIND[rank - 1 - level];
    let name: Vec<String> = path
        .iter()
        .enumerate()
        .rev()
        .map(|(l, p)| format!("{} {p}", kind(l + 1)))
        .collect();
    let level = path.len();
    let plural = if len == 1 { "" } else { "s" };
    format!(
        "{} has {len} {}{plural}, expected {want}; all {}s must have the same length",
        name.join(" of "),
        CHILDREN[rank - 1 - level],
        kind(level)
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// A rectangular literal parses to its dimensions and its elements in row-major order,
    /// and expands to the nested array of that shape.
    #[test]
    fn rectangular_literals_parse_in_row_major_order(
        dims in dims_strategy(),
        forms in prop::collection::vec(any::<u8>(), 1..8),
        commas in prop::collection::vec(any::<bool>(), 1..8),
    ) {
        let mut count = 0;
        let top = rectangular(&dims, &forms, &mut count);
        let mut text = LiteralText::new(&top, &commas);
        // A lone element that is not a number needs the comma that makes it a literal.
        if count == 1 && !text.src.ends_with(',') {
            text.src.push(',');
        }
        let input: TokenStream = text.src.parse().expect("literal lexes");
        let lit = literal::parse(input.clone())
            .map_err(|e| TestCaseError::fail(format!("`{}`: {e}", text.src)))?;
        prop_assert_eq!(&lit.dims, &dims, "`{}`", text.src);
        let mut want = Vec::new();
        flatten(&top, &mut want);
        let want: Vec<String> = want.iter().map(|e| normalized(e)).collect();
        let got: Vec<String> = lit.elements.iter().map(|e| quote::quote!(#e).to_string()).collect();
        prop_assert_eq!(&got, &want, "`{}`", text.src);

        let ty = ["Tensor", "Tensor", "Tensor3", "Tensor4"][dims.len() - 1];
        let array = if dims.len() == 1 { format!("[{}]", nested(&dims, &want)) } else { nested(&dims, &want) };
        let expansion = expand::expand(input).map_err(|e| TestCaseError::fail(format!("`{}`: {e}", text.src)))?;
        prop_assert_eq!(
            expansion.to_string(),
            format!(":: tensor :: __private :: {ty} :: from_array ({array})"),
            "`{}`", text.src
        );
    }

    /// In a literal with lists of random lengths, the first error names the first list whose
    /// length differs from the first list at its level, gives both lengths, and points at it;
    /// a literal that happens to be rectangular parses.
    #[test]
    fn ragged_literals_name_the_first_offending_list(
        (rank, mut top) in (2usize..=4).prop_flat_map(|rank| {
            (Just(rank), prop::collection::vec(ragged(rank - 1), 1..=3))
        }),
        commas in prop::collection::vec(any::<bool>(), 1..8),
    ) {
        number(&mut top, &mut 0);
        let text = LiteralText::new(&top, &commas);
        let result = literal::parse(text.src.parse().expect("literal lexes"));
        match first_offender(&top) {
            None => {
                let lit = result.map_err(|e| TestCaseError::fail(format!("`{}`: {e}", text.src)))?;
                prop_assert_eq!(lit.dims.len(), rank);
            }
            Some((path, len, want)) => {
                let Err(e) = result else {
                    return Err(TestCaseError::fail(format!("`{}` should be ragged", text.src)));
                };
                let first = e.into_iter().next().expect("an error");
                prop_assert_eq!(first.to_string(), ragged_message(rank, &path, len, want), "`{}`", text.src);
                let range = &text.lists.iter().find(|(p, _)| *p == path).expect("list was rendered").1;
                prop_assert_eq!(first.span().byte_range(), range.clone(), "`{}`", text.src);
            }
        }
    }
}

/// Inputs far beyond what the generators reach: deep nesting and long lists end in errors
/// or expansions, never a panic or a stack overflow.
#[test]
fn deep_and_long_inputs() {
    for depth in [5, 16, 64] {
        let src = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let e = expand::expand(src.parse().unwrap()).unwrap_err();
        assert!(
            e.to_string().starts_with("too many levels of brackets"),
            "{e}"
        );
        let src = format!("m{}", "[0]".repeat(depth));
        let _ = expand::expand(src.parse().unwrap());
    }
    let long: String = (0..10_000).map(|i| format!("{i}, ")).collect();
    let lit = literal::parse(long.parse().unwrap()).unwrap();
    assert_eq!(lit.dims, [10_000]);
    let ragged = format!("[{long}], [1]");
    let e = literal::parse(ragged.parse().unwrap()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 2 has 1 element, expected 10000; all rows must have the same length"
    );
}
