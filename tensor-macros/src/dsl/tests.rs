//! Unit tests of the DSL: expansions, error messages with the tokens they point at, and a
//! systematic sweep of malformed inputs that must all end in errors, never in a panic.

use proc_macro2::TokenStream;

use crate::expand;

/// The DSL's result for `src` (parsed by the literal-or-expression rule as the macro does).
fn run(src: &str) -> syn::Result<TokenStream> {
    expand::expand(src.parse().expect("test input must lex"))
}

fn expansion(src: &str) -> String {
    run(src)
        .unwrap_or_else(|e| panic!("{src}: {e}"))
        .to_string()
}

/// The first error's message and the source text its span covers.
fn error(src: &str) -> (String, String) {
    let e = run(src)
        .err()
        .unwrap_or_else(|| panic!("`{src}` should be an error"));
    let (start, end) = (e.span().start(), e.span().end());
    assert_eq!(
        start.line, 1,
        "{src}: error span {start:?} is not on the input line"
    );
    let text: String = src
        .chars()
        .skip(start.column)
        .take(end.column.saturating_sub(start.column))
        .collect();
    (e.to_string(), text)
}

#[test]
fn matmul_transpose_and_precedence() {
    assert_eq!(expansion("a @ b"), "(a) . matmul (& (b))");
    assert_eq!(expansion("a.T"), "(a) . t ()");
    assert_eq!(expansion("a.T @ b"), "(a) . t_matmul (& (b))");
    assert_eq!(expansion("(a.T) @ b"), "(a) . t_matmul (& (b))");
    assert_eq!(expansion("a @ b.T"), "(a) . matmul (& ((b) . t ()))");
    // `@` binds like `*`: tighter than `+`, left-associative with `*`.
    assert_eq!(expansion("x @ w + b"), "((x) . matmul (& (w)) + b)");
    assert_eq!(expansion("b + x @ w"), "(b + (x) . matmul (& (w)))");
    assert_eq!(expansion("a @ b * c"), "((a) . matmul (& (b)) * c)");
    assert_eq!(expansion("a * b @ c"), "((a * b)) . matmul (& (c))");
    assert_eq!(
        expansion("a @ b @ c"),
        "((a) . matmul (& (b))) . matmul (& (c))"
    );
    assert_eq!(expansion("-a @ b"), "((- a)) . matmul (& (b))");
    assert_eq!(expansion("(a @ b).T"), "(((a) . matmul (& (b)))) . t ()");
    assert_eq!(expansion("f(a @ b, c)"), "f ((a) . matmul (& (b)) , c)");
    assert_eq!(
        expansion("a.T.sum::<f32>() as f64"),
        "(((a) . t ()) . sum :: < f32 > () as f64)"
    );
}

#[test]
fn indices_expand_to_checked_selectors() {
    let p = ":: tensor :: __private ::";
    assert_eq!(
        expansion("m[.., -1]"),
        format!("(m) . select ({p} All , {p} AtEnd :: < 1 >)")
    );
    assert_eq!(
        expansion("m[..2, ..]"),
        format!("(m) . select ({p} Span :: < 0 , 2 > , {p} All)")
    );
    assert_eq!(
        expansion("m[1, 1]"),
        format!("(m) . select ({p} At :: < 1 > , {p} At :: < 1 >) . item ()")
    );
    assert_eq!(
        expansion("m[1..3, 0]"),
        format!("(m) . select ({p} Span :: < 1 , 2 > , {p} At :: < 0 >)")
    );
    assert_eq!(
        expansion("m[1]"),
        format!("(m) . select ({p} At :: < 1 > , {p} All)")
    );
    assert_eq!(
        expansion("m[-2.., 1..]"),
        format!("(m) . select ({p} SpanEnd :: < 2 , 2 > , {p} Trim :: < 1 , 0 >)")
    );
    assert_eq!(
        expansion("m[..-1, 0..]"),
        format!("(m) . select ({p} Trim :: < 0 , 1 > , {p} All)")
    );
    assert_eq!(
        expansion("m[-3..-1, 2..=4]"),
        format!("(m) . select ({p} SpanEnd :: < 3 , 2 > , {p} Span :: < 2 , 3 >)")
    );
    assert_eq!(
        expansion("m[..=-1, -0]"),
        format!("(m) . select ({p} All , {p} At :: < 0 >)")
    );
    assert_eq!(expansion("m[i, j + 1]"), "(m) [(i , (j + 1))]");
    assert_eq!(expansion("v[k]"), "(v) [k]");
    assert_eq!(expansion("m[i, 2]"), "(m) [(i , 2)]");
}

#[test]
fn literal_or_expression_rule() {
    assert!(expansion("1, 2").starts_with(":: tensor :: __private :: Tensor :: from_array"));
    assert!(expansion("[1, 2]").starts_with(":: tensor :: __private :: Tensor :: from_array"));
    assert!(expansion("-5").starts_with(":: tensor :: __private :: Tensor :: from_array"));
    assert!(expansion("x,").starts_with(":: tensor :: __private :: Tensor :: from_array"));
    // commas in a turbofish are not top-level commas
    assert_eq!(
        expansion("Tensor::<f64, 2, 2>::zeros() @ a"),
        "(Tensor :: < f64 , 2 , 2 > :: zeros ()) . matmul (& (a))"
    );
    // a plain expression is neither: the error suggests the one-element literal
    for plain in ["x", "x + 1", "t.trace()", "1.0 / 3.0", "f(y)"] {
        let (message, covered) = error(plain);
        assert!(
            message.contains("write `tensor![x,]`"),
            "{plain}: {message}"
        );
        assert_eq!(covered, plain);
    }
    // an inline literal operand is a tensor literal
    assert_eq!(
        expansion("[[1, 0], [0, 1]] @ a"),
        "(:: tensor :: __private :: Tensor :: from_array ([[1 , 0] , [0 , 1]])) . matmul (& (a))"
    );
}

#[test]
fn comparisons_are_elementwise() {
    let c = ":: tensor :: __private :: ElementwiseCmp ::";
    assert_eq!(expansion("a < 5"), format!("{c} elementwise_lt (a , 5)"));
    assert_eq!(expansion("a <= b"), format!("{c} elementwise_le (a , b)"));
    assert_eq!(
        expansion("0.5 > a"),
        format!("{c} elementwise_gt (0.5 , a)")
    );
    assert_eq!(
        expansion("a >= b.T"),
        format!("{c} elementwise_ge (a , (b) . t ())")
    );
    assert_eq!(expansion("a == b"), format!("{c} elementwise_eq (a , b)"));
    assert_eq!(
        expansion("&a != b"),
        format!("{c} elementwise_ne ((& a) , b)")
    );
    // mask logic keeps Rust's `&`, `|`, `^`, `!` (implemented elementwise for tensors), which
    // bind tighter than comparisons, as in Python: the parentheses are needed in both
    assert_eq!(
        expansion("(a > 2) & (a < 11)"),
        format!("(({c} elementwise_gt (a , 2)) & ({c} elementwise_lt (a , 11)))")
    );
    assert_eq!(
        expansion("!(a == 0)"),
        format!("(! ({c} elementwise_eq (a , 0)))")
    );
    // a comparison inside arguments and indices is one too; inside a closure it is Rust's
    assert_eq!(
        expansion("a.if_else(&(b < 1), &b)"),
        format!("(a) . if_else ((& ({c} elementwise_lt (b , 1))) , (& b))")
    );
    let (message, _) = error("a.map(|x| x < 1)");
    assert!(message.contains("write `tensor![x,]`"), "{message}");
}

#[test]
fn arange_computes_its_length() {
    let t = ":: tensor :: __private :: Tensor :: < _ , 1 ,";
    // np.arange(2, 9, 2) -> [2 4 6 8]
    assert_eq!(
        expansion("arange(2, 9, 2)"),
        format!("{t} 4 > :: arange_from (2 , 2)")
    );
    assert_eq!(
        expansion("arange(5)"),
        format!("{t} 5 > :: arange_from (0 , 1)")
    );
    assert_eq!(
        expansion("arange(5u8)"),
        format!("{t} 5 > :: arange_from (0u8 , 1u8)")
    );
    assert_eq!(
        expansion("arange(-3, 3)"),
        format!("{t} 6 > :: arange_from (- 3 , 1)")
    );
    assert_eq!(
        expansion("arange(10, 0, -3)"),
        format!("{t} 4 > :: arange_from (10 , - 3)")
    );
    assert_eq!(
        expansion("arange(3, 3)"),
        format!("{t} 0 > :: arange_from (3 , 1)")
    );
    // floats: the length in f64 as NumPy (np.arange(1, 1.3, 0.1) has 4 elements), integers
    // written as floats
    assert_eq!(
        expansion("arange(1, 1.3, 0.1)"),
        format!("{t} 4 > :: arange_from (1.0 , 0.1)")
    );
    assert_eq!(
        expansion("arange(0, 1, 0.25f32)"),
        format!("{t} 4 > :: arange_from (0.0f32 , 0.25f32)")
    );
    assert_eq!(
        expansion("arange(2.5)"),
        format!("{t} 3 > :: arange_from (0.0 , 1.0)")
    );
    // an operand like any other
    assert_eq!(
        expansion("arange(3) @ w"),
        format!("({t} 3 > :: arange_from (0 , 1)) . matmul (& (w))")
    );
    let cases: &[(&str, &str, &str)] = &[
        (
            "arange(0, 5, 0)",
            "the step of `arange` must not be zero",
            "0",
        ),
        (
            "arange(0.0, 5.0, 0.0)",
            "the step of `arange` must not be zero",
            "0.0",
        ),
        (
            "arange(2, 9, -2)",
            "`arange(2, 9, -2)` is empty: the step points away",
            "-",
        ),
        (
            "arange(1.0, 0.0, 0.5)",
            "`arange(1, 0, 0.5)` is empty",
            "0.5",
        ),
        ("arange(5, 2)", "`arange(5, 2, 1)` is empty", "arange"),
        (
            "arange(0, n)",
            "the arguments of `arange` in `tensor!` must be number literals",
            "n",
        ),
        (
            "arange(0, -n)",
            "the arguments of `arange` in `tensor!` must be number literals",
            "-",
        ),
        ("arange()", "`arange` takes 1 to 3 arguments", "arange"),
        (
            "arange(1, 2, 3, 4)",
            "`arange` takes 1 to 3 arguments",
            "arange",
        ),
        (
            "arange(0u8, 5i32)",
            "the arguments of `arange` have different types: `u8` and `i32`",
            "5i32",
        ),
        (
            "arange(0, 100000000)",
            "`arange` gives more than",
            "100000000",
        ),
    ];
    for &(src, message, at) in cases {
        let (got, text) = error(src);
        assert!(
            got.starts_with(message),
            "`{src}`: got \"{got}\", expected \"{message}...\""
        );
        assert_eq!(text, at, "`{src}`: the error should point at `{at}`");
    }
}

#[test]
fn assignment_into_rows_columns_and_blocks() {
    let p = ":: tensor :: __private ::";
    assert_eq!(expansion("m[1] = v"), "(m) . set_row :: < 1 > (v)");
    assert_eq!(
        expansion("m[1, ..] = v.T"),
        "(m) . set_row :: < 1 > ((v) . t ())"
    );
    assert_eq!(expansion("m[.., 2] = c"), "(m) . set_col :: < 2 > (c)");
    assert_eq!(
        expansion("m[1..3, 2..4] = b"),
        format!(
            "{{ let block : {p} Tensor < _ , 2 , 2 > = b ; (m) . set_block :: < 1 , 2 > (& block) }}"
        )
    );
    assert_eq!(
        expansion("m[0, ..=2] = m[1, 0..3]"),
        format!(
            "{{ let block : {p} Tensor < _ , 1 , 3 > = (m) . select ({p} At :: < 1 > , {p} Span :: < 0 , 3 >) ; (m) . set_block :: < 0 , 0 > (& block) }}"
        )
    );
    // an element: literal indices checked by a `select`, run-time ones by Rust's indexing
    assert_eq!(
        expansion("m[1, 2] = 5"),
        format!(
            "{{ let _ = (m) . select ({p} At :: < 1 > , {p} At :: < 2 >) ; (m) [(1 , 2)] = 5 ; }}"
        )
    );
    assert_eq!(expansion("m[i, 0] = x + 1"), "(m) [(i , 0)] = (x + 1)");
    // an `=` inside a turbofish is not an assignment
    assert_eq!(
        expansion("m[1] = f::<Item = u8>(x)"),
        "(m) . set_row :: < 1 > (f :: < Item = u8 > (x))"
    );
    // comparisons and compound assignment are not assignments
    assert!(expansion("a <= b").contains("elementwise_le"));
    assert!(expansion("a == b").contains("elementwise_eq"));
    let cases: &[(&str, &str, &str)] = &[
        ("m = v", "`tensor!` assigns only into part of a tensor", "="),
        (
            "m[-1] = v",
            "an index counted from the end cannot be assigned",
            "-",
        ),
        (
            "m[1..] = b",
            "assigning to a run of rows needs its columns written",
            "1",
        ),
        (
            "m[1.., 0..2] = b",
            "in an assignment to a block, write both bounds",
            "1",
        ),
        (
            "m[i] = x",
            "assignment in `tensor!` needs literal indices",
            "[i]",
        ),
        (
            "m[i, 1..2] = x",
            "a slice cannot be combined with a run-time index",
            "1",
        ),
        (
            "m[1] =",
            "expected `m[index] = value` on both sides of `=`",
            "=",
        ),
        ("m[3..1, 0] = b", "this slice is reversed", "1"),
    ];
    for &(src, message, at) in cases {
        let (got, text) = error(src);
        assert!(
            got.starts_with(message),
            "`{src}`: got \"{got}\", expected \"{message}...\""
        );
        assert_eq!(text, at, "`{src}`: the error should point at `{at}`");
    }
}

#[test]
fn malformed_inputs_say_what_was_expected_where() {
    let cases: &[(&str, &str, &str)] = &[
        ("a @", "expected an operand after this operator", "@"),
        ("@ a", "expected an operand: a variable, a literal", "@"),
        ("a @@ b", "expected an operand: a variable, a literal", "@"),
        (
            "a b",
            "expected an operator such as `@`, `+` or `*`, or the end of the expression, found `b`",
            "b",
        ),
        ("m[]", "empty index", "[]"),
        (
            "m[1, 2, 3]",
            "too many indices: a tensor has 2 axes, but 3 indices were given",
            "3",
        ),
        (
            "m[..-]",
            "slice bounds in `tensor!` must be integer literals",
            "..",
        ),
        (
            "m[i..j]",
            "slice bounds in `tensor!` must be integer literals",
            "..",
        ),
        (
            "m[3..1, ..]",
            "this slice is reversed: it starts at 3 and ends at 1",
            "1",
        ),
        (
            "m[-1..-3]",
            "this slice is reversed: it starts 1 from the end and ends 3 from the end",
            "-",
        ),
        (
            "m[-1..2]",
            "a slice from a negative start to a non-negative end",
            "-",
        ),
        (
            "m[..=]",
            "an inclusive range `a..=b` needs an end bound",
            "..=",
        ),
        (
            "m[99999999999999999999999]",
            "index `99999999999999999999999` is too large",
            "99999999999999999999999",
        ),
        (
            "m[1 2]",
            "expected `,` between indices or `]`, found `2`",
            "2",
        ),
        (
            "m[i, ..]",
            "a slice cannot be combined with a run-time index",
            "..",
        ),
        (
            "m[i, -1]",
            "a negative index cannot be combined with a run-time index",
            "-",
        ),
        (
            "a.",
            "unexpected end of input, expected a method or field name after `.`",
            "",
        ),
        (
            "a.sum::<f32>",
            "unexpected end of input, expected `(` and the method's arguments",
            "",
        ),
        ("a += b", "compound assignment is not an expression", "+="),
        ("a < b < c", "comparison operators cannot be chained", "<"),
        (
            "(a > 2) && (a < 11)",
            "`&&` needs two `bool`s, but a comparison in `tensor!` is elementwise",
            "&&",
        ),
        ("a[0] == 1 || b < c", "`||` needs two `bool`s", "||"),
        ("(a, b)", "expected `)` (tuples are not supported", ","),
        (
            "()",
            "unexpected end of input, expected an expression inside `(...)`",
            "",
        ),
        (
            "f(a b)",
            "expected `,` between arguments or `)`, found `b`",
            "b",
        ),
        (
            "a @ [1, [2]]",
            "expected a scalar element, found a list",
            "[2]",
        ),
        ("a @ []", "empty tensor literal", ""),
        ("let x = a", "expected an operand", "let"),
        ("a .. b", "expected an operator such as", ".."),
        (
            "..",
            "unexpected range: ranges are only allowed inside an index",
            "..",
        ),
    ];
    for &(src, message, at) in cases {
        let (got, text) = error(src);
        assert!(
            got.starts_with(message),
            "`{src}`: got \"{got}\", expected \"{message}...\""
        );
        if !at.is_empty() {
            // A multi-character punctuation (`..`, `+=`) is spanned by its first character.
            let points_at = text.starts_with(at) || (!text.is_empty() && at.starts_with(&text));
            assert!(
                points_at,
                "`{src}`: the error points at `{text}`, expected `{at}`"
            );
        }
    }
}

#[test]
fn errors_in_both_operands_are_all_reported() {
    let e = run("m[3..1, ..] @ m[-1..2]").unwrap_err();
    assert_eq!(e.into_iter().count(), 2);
}

/// Every sequence of up to three fragments (and a stride of the four-fragment ones) that lexes
/// is run through the macro's pipeline inside `catch_unwind`: none may panic, every error
/// has a message and a span on the input line, and every success is a valid Rust expression.
/// Debug builds (the README's test command) take every two-fragment sequence and one in 7 of
/// the longer ones; `.ci/run` runs this test in release with all of them.
#[test]
fn generated_inputs_never_panic() {
    let stride = if cfg!(debug_assertions) { 7 } else { 1 };
    const FRAGMENTS: &[&str] = &[
        "a",
        "m",
        "1",
        "-1",
        "2.5",
        "@",
        "@@",
        "+",
        "-",
        "*",
        "==",
        "<",
        ">",
        "..",
        "..=",
        ",",
        ".",
        ".T",
        "T",
        "[",
        "]",
        "[]",
        "[1]",
        "[1, 2]",
        "[[1], [2, 3]]",
        "[..]",
        "[.., -1]",
        "[1, 2, 3]",
        "[..-]",
        "[-0]",
        "[3..1]",
        "[-1..2]",
        "[99999999999999999999]",
        "(",
        ")",
        "()",
        "(a)",
        "(a, b)",
        "f(a @ b)",
        "x.sum()",
        "x.sum::<",
        "::",
        "as",
        "f32",
        "?",
        "!",
        "&",
        "mut",
        "|x| x",
        "{ 1 }",
        "let",
        "=",
        "+=",
        "vec![1]",
        "'c'",
        "true",
        "\"s\"",
    ];
    let mut checked = 0usize;
    let mut sequences: Vec<Vec<usize>> = Vec::new();
    let n = FRAGMENTS.len();
    for a in 0..n {
        sequences.push(vec![a]);
        for b in 0..n {
            sequences.push(vec![a, b]);
            for c in 0..n {
                let index = a * n * n + b * n + c;
                if index.is_multiple_of(stride) {
                    sequences.push(vec![a, b, c]);
                }
                if index.is_multiple_of(31 * stride) {
                    sequences.push(vec![a, b, c, (a + b + c) % n]);
                }
            }
        }
    }
    for seq in sequences {
        let src: String = seq
            .iter()
            .map(|&i| FRAGMENTS[i])
            .collect::<Vec<_>>()
            .join(" ");
        let Ok(tokens) = src.parse::<TokenStream>() else {
            continue;
        };
        let outcome = std::panic::catch_unwind(|| {
            let result = expand::expand(tokens.clone());
            // The full entry point must not panic either.
            let _ = expand::tensor(tokens.clone());
            result.map(|t| t.to_string()).map_err(|e| {
                e.into_iter()
                    .map(|e| (e.to_string(), e.span().start(), e.span().end()))
                    .collect::<Vec<_>>()
            })
        });
        let outcome = outcome.unwrap_or_else(|_| panic!("the macro panicked on `{src}`"));
        match outcome {
            Ok(code) => {
                assert!(
                    syn::parse_str::<syn::Expr>(&code).is_ok(),
                    "`{src}` expanded to invalid Rust: {code}"
                );
            }
            Err(errors) => {
                for (message, start, end) in errors {
                    assert!(!message.is_empty(), "`{src}`: empty error message");
                    assert!(
                        start.line <= 1 && end.column <= src.len(),
                        "`{src}`: span {start:?}..{end:?} outside the input"
                    );
                }
            }
        }
        checked += 1;
    }
    assert!(checked > 100_000 / stride, "only {checked} inputs lexed");
}

/// The expansion of `src` with the fused builders' path shortened to `F::`.
fn fused(src: &str) -> String {
    expansion(src).replace(":: tensor :: __private :: fuse :: ", "F::")
}

#[test]
fn elementwise_chains_of_two_or_more_operations_fuse() {
    assert_eq!(
        fused("(a - b) * (a - b)"),
        "F::eval (F::mul (F::sub (& (a) , & (b)) , F::sub (& (a) , & (b))))"
    );
    // The product is an operand made by `fused_matmul` (left unmade when `K = 1`), its traits
    // imported around the expression; bias and sigmoid fuse over it.
    let product = "& ((& F::Pair (& (x) , & (w))) . fused_matmul (& mut F::Slot :: new () , \
                   | a , b | a . matmul (b) ,))";
    let traits = "use F::{ EagerMatMul as _ , LazyMatMul as _ } ;";
    assert_eq!(
        fused("(x @ w + b).sigmoid()"),
        format!("{{ {traits} F::eval (F::sigmoid (F::add ({product} , & (b)))) }}")
    );
    // A reduction at the root reduces the chunks: no tensor is made at all; of a square, the
    // squares are summed as they are made.
    assert_eq!(
        fused("((x @ w + b) - y).square().mean()"),
        format!("{{ {traits} F::mean_squares (F::sub (F::add ({product} , & (b)) , & (y))) }}")
    );
    assert_eq!(fused("x.square().sum()"), "F::sum_squares (& (x))");
    assert_eq!(
        fused("((a - b).square()).mean()"),
        "F::mean_squares (F::sub (& (a) , & (b)))"
    );
    assert_eq!(
        fused("(a - b).square().sqrt().sum()"),
        "F::sum (F::sqrt (F::square (F::sub (& (a) , & (b)))))"
    );
    // A product of products: the inner one is the outer one's operand, made by `matmul`.
    assert_eq!(
        fused("(a @ b) @ c + d * e"),
        format!(
            "{{ {traits} F::eval (F::add (& ((& F::Pair (& (((a) . matmul (& (b)))) , & (c))) \
             . fused_matmul (& mut F::Slot :: new () , | a , b | a . matmul (b) ,)) , \
             F::mul (& (d) , & (e)))) }}"
        )
    );
    assert_eq!(
        fused("w - lr * (x.T @ err)"),
        "F::eval (F::sub (& (w) , F::mul (& (lr) , & (((x) . t_matmul (& (err)))))))"
    );
    // Unary minus, literals and every fusing method.
    assert_eq!(
        fused("-a * 2.0"),
        "F::eval (F::mul (F::neg (& (a)) , & (2.0)))"
    );
    for m in [
        "exp", "ln", "tanh", "sigmoid", "sqrt", "square", "abs", "relu",
    ] {
        assert_eq!(
            fused(&format!("a.{m}() / 2")),
            format!("F::eval (F::div (F::{m} (& (a)) , & (2)))")
        );
    }
    assert_eq!(fused("(a - b).sum()"), "F::sum (F::sub (& (a) , & (b)))");
    // An index and a transpose are operands.
    assert_eq!(
        fused("m[0, 1] * 2.0 + 1.0"),
        "F::eval (F::add (F::mul (& ((m) . select (:: tensor :: __private :: At :: < 0 > , \
         :: tensor :: __private :: At :: < 1 >) . item ()) , & (2.0)) , & (1.0)))"
    );
}

#[test]
fn single_operations_and_other_methods_do_not_fuse() {
    // One operation: the operator itself, as before.
    assert_eq!(expansion("x @ w + b"), "((x) . matmul (& (w)) + b)");
    assert_eq!(
        expansion("(x @ w).exp()"),
        "(((x) . matmul (& (w)))) . exp ()"
    );
    assert_eq!(
        expansion("(x @ w).sum()"),
        "(((x) . matmul (& (w)))) . sum ()"
    );
    // Methods outside the set, with arguments or a turbofish, are operands.
    assert!(!fused("(a @ b).powi(2) + c").contains("F::"));
    assert!(!fused("(a @ b).max() * 2.0").contains("F::"));
    assert!(!fused("a.clip(0.0, 1.0) @ b + c").contains("F::"));
    assert!(!fused("a @ b.sum_axis::<1>() + c").contains("F::"));
    // `sum`/`mean` only at the root: inside, the reduction is an operand (a scalar).
    assert_eq!(
        fused("(a @ b).sum() * 2.0 + c"),
        "F::eval (F::add (F::mul (& ((((a) . matmul (& (b)))) . sum ()) , & (2.0)) , & (c)))"
    );
    // `%`, bit operators and comparisons do not fuse; their operands may.
    assert!(!fused("(a @ b) % 2 + c").contains("F::sub"));
    assert_eq!(
        fused("(a - b * c) < d"),
        ":: tensor :: __private :: ElementwiseCmp :: elementwise_lt (F::eval (F::sub (& (a) , F::mul (& (b) , & (c)))) , d)"
    );
    // A chain of two operations needs no other DSL syntax; one still does.
    assert!(run("a * b + c").is_ok());
    assert!(run("a * b").is_err());
}
