//! Unit tests of `grad!`'s parsing, checks and expansion, outside the compiler.

use proc_macro2::TokenStream;
use quote::quote;

use super::{grad, lower, parse};

fn expand(tokens: TokenStream) -> String {
    grad(tokens).to_string()
}

/// The messages and the source columns of the errors of an input.
fn errors(tokens: TokenStream) -> Vec<(String, usize)> {
    let err = match parse(tokens).and_then(|i| lower::lower(&i).map(|_| ())) {
        Ok(()) => panic!("expected an error"),
        Err(e) => e,
    };
    err.into_iter()
        .map(|e| (e.to_string(), e.span().start().column))
        .collect()
}

#[test]
fn expansion_is_an_expression() {
    let out = grad(quote!(|w, b| ((x @ w + b).sigmoid() - y).square().mean()));
    syn::parse2::<syn::Expr>(out.clone()).expect("the expansion parses as an expression");
    let text = out.to_string();
    assert!(text.contains("matmul"), "{text}");
    assert!(text.contains(":: tensor :: autodiff :: add_rhs"), "{text}");
    assert!(text.contains("struct Gradients"), "{text}");
}

#[test]
fn repeated_subexpressions_are_computed_once() {
    let input = parse(quote!(|w| (x @ w).tanh() * (x @ w).tanh() + (x @ w).tanh())).unwrap();
    let graph = lower::lower(&input).unwrap();
    // x, w, x @ w, tanh, *, +
    assert_eq!(graph.nodes.len(), 6);
    let text = expand(quote!(|w| (x @ w).tanh() * (x @ w).tanh()));
    // One product forward, one backward (`x.T @ g` for `w`; `x` is a constant).
    assert_eq!(text.matches(". matmul (").count(), 1, "{text}");
    assert_eq!(text.matches("matmul_rhs").count(), 1, "{text}");
    assert!(!text.contains("matmul_lhs"), "{text}");
}

#[test]
fn constants_are_not_differentiated() {
    let text = expand(quote!(|w| (w - y).square().sum()));
    assert!(text.contains("sub_lhs"), "{text}");
    assert!(!text.contains("sub_rhs"), "{text}");
}

#[test]
fn unsupported_operations_name_the_operation_at_its_token() {
    let e = errors(quote!(|w| (w % 2.0).sum()));
    assert_eq!(e.len(), 1);
    assert!(e[0].0.contains("the operator `%`"), "{}", e[0].0);
    assert!(e[0].0.contains("`sigmoid`"), "{}", e[0].0);
    let e = errors(quote!(|w| w.sin().sum()));
    assert!(e[0].0.contains("the method `sin`"), "{}", e[0].0);
    let e = errors(quote!(|w| f(w).sum()));
    assert!(e[0].0.contains("a function call"), "{}", e[0].0);
    let e = errors(quote!(|w| { w * 2.0 }.sum()));
    assert!(e[0].0.contains("a block"), "{}", e[0].0);
    let e = errors(quote!(|w| w.powi(w).sum()));
    assert!(e[0].0.contains("exponent"), "{}", e[0].0);
}

#[test]
fn inputs_must_be_used_and_distinct() {
    let e = errors(quote!(|w, z| w.sum()));
    assert!(e[0].0.contains("`z` is not used in the loss"), "{}", e[0].0);
    let e = errors(quote!(|w, w| w.sum()));
    assert!(e[0].0.contains("listed twice"), "{}", e[0].0);
    let e = errors(quote!(|| x.sum()));
    assert!(e[0].0.contains("at least one input"), "{}", e[0].0);
    let e = errors(quote!(w.sum()));
    assert!(e[0].0.contains("expected `|`"), "{}", e[0].0);
    let e = errors(quote!(|w: f64| w.sum()));
    assert!(e[0].0.contains("`,` or `|`"), "{}", e[0].0);
}

#[test]
fn errors_expand_to_compile_error() {
    let text = expand(quote!(|w| w.sin().sum()));
    assert!(text.contains("compile_error"), "{text}");
}

/// Pieces of losses, valid and not, for the sweep below.
const PIECES: &[&str] = &[
    "w",
    "b",
    "x",
    "@",
    "+",
    "-",
    "*",
    "/",
    "%",
    ".T",
    ".exp()",
    ".sum()",
    ".mean()",
    ".sum_axis::<0>()",
    ".mean_axis()",
    ".powi(2)",
    ".powi(w)",
    ".sin()",
    ".softmax()",
    "(",
    ")",
    "[0]",
    "[.., 1..]",
    "2.0",
    "{ w }",
    "f(w)",
    "&",
    "as f32",
    "|",
    ",",
    "?",
    ".0",
    ".field",
];

proptest::proptest! {
    /// `grad!` never panics: every input expands to an expression (the code or a
    /// `compile_error!`), and every error points into the input.
    #[test]
    fn random_losses_never_panic(
        inputs in proptest::collection::vec(0usize..3, 0..3),
        pieces in proptest::collection::vec(0usize..PIECES.len(), 0..12),
    ) {
        let names = ["w", "b", "w"];
        let params: Vec<&str> = inputs.iter().map(|&i| names[i]).collect();
        let loss: Vec<&str> = pieces.iter().map(|&i| PIECES[i]).collect();
        let src = format!("|{}| {}", params.join(", "), loss.join(" "));
        let Ok(tokens) = syn::parse_str::<TokenStream>(&src) else {
            return Ok(()); // unbalanced delimiters never reach a macro
        };
        let out = grad(tokens.clone());
        proptest::prop_assert!(syn::parse2::<syn::Expr>(out).is_ok(), "{}", src);
        if let Err(e) = parse(tokens).and_then(|i| lower::lower(&i).map(|_| ())) {
            for e in e {
                let col = e.span().start().column;
                proptest::prop_assert!(col <= src.len(), "{} at column {} of {}", e, col, src);
            }
        }
    }
}

#[test]
fn reshapes_keep_their_turbofish_and_take_the_reshape_rule() {
    let text = expand(quote!(
        |a| (a.reshape::<Tensor<_, 6, 4>>().flatten() * p).sum()
    ));
    assert!(
        text.contains("reshape :: < Tensor < _ , 6 , 4 > > ()"),
        "{text}"
    );
    assert!(text.contains(". flatten ()"), "{text}");
    assert_eq!(text.matches("reshape_vjp").count(), 2, "{text}");
    let e = errors(quote!(|a| a.reshape::<Tensor<_, 2, 3>>(a).sum()));
    assert!(
        e[0].0.contains("`reshape` takes no arguments"),
        "{}",
        e[0].0
    );
}
