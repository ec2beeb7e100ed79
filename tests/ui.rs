//! Compile-fail cases: every shape rule the library claims, with its reviewed error message.
//! The `.stderr` files beside the cases in `ui-tests/` are the expected compiler output
//! (regenerate with `TRYBUILD=overwrite cargo test --test ui`, then review the diff).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui-tests/*.rs");
    include_cases(&t);
}

/// `include_npy!` and `include_safetensors!` (features `npy` and `safetensors`): their paths
/// resolve against the crate's directory, which trybuild's generated crate is not, so the
/// macros are pointed back at this one.
#[cfg(all(feature = "npy", feature = "safetensors"))]
fn include_cases(t: &trybuild::TestCases) {
    // SAFETY: this file's only test sets the variable before trybuild starts any process and
    // while no other thread of this test binary reads or writes the environment.
    unsafe { std::env::set_var("TENSOR_INCLUDE_BASE_DIR", env!("CARGO_MANIFEST_DIR")) };
    t.compile_fail("ui-tests/include/*.rs");
}

#[cfg(not(all(feature = "npy", feature = "safetensors")))]
fn include_cases(_: &trybuild::TestCases) {}
