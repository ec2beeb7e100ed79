//! Compile-fail cases: every shape rule the library claims, with its reviewed error message.
//! The `.stderr` files beside the cases in `ui-tests/` are the expected compiler output
//! (regenerate with `TRYBUILD=overwrite cargo test --test ui`, then review the diff).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui-tests/*.rs");
}
