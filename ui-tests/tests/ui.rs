//! Compile-fail cases: every shape rule the library claims, with its reviewed error message.
//! The `.stderr` files beside the cases in `ui-tests/` are the expected compiler output
//! (regenerate with `TRYBUILD=overwrite cargo test -p tensor-ui-tests --all-features`, then
//! review the diff). Paths are relative to `ui-tests/`, this package's directory.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("*.rs");
    include_cases(&t);
}

/// `include_npy!` and `include_safetensors!` (features `npy` and `safetensors`): their paths
/// resolve against the crate's directory, which trybuild's generated crate is not, so the
/// macros are pointed at the repository's root, where the fixtures are (`tests/fixtures/io/`).
#[cfg(all(feature = "npy", feature = "safetensors"))]
fn include_cases(t: &trybuild::TestCases) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    // SAFETY: this file's only test sets the variable before trybuild starts any process and
    // while no other thread of this test binary reads or writes the environment.
    unsafe { std::env::set_var("TENSOR_INCLUDE_BASE_DIR", root) };
    t.compile_fail("include/*.rs");
}

#[cfg(not(all(feature = "npy", feature = "safetensors")))]
fn include_cases(_: &trybuild::TestCases) {}
