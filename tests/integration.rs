//! The integration tests, as one test binary: each `tests/NAME.rs` below is a module, so the
//! library's generic code is compiled and linked once for all of them instead of once per file
//! (`cargo test --test integration -- NAME::` runs one file's tests).
//!
//! The files that stay binaries of their own are declared in `Cargo.toml` (`[[test]]`): the
//! timed guards (`perf_guard_*`, which must not share the process
//! with other tests), the release-mode accuracy run (`reduce_accuracy`) and the two that include
//! the examples' code (`examples`, `example_pretrained`). `every_test_file_is_compiled` below
//! fails when a new file is in neither list. The compile-fail cases are the package in
//! `ui-tests/` (`cargo test -p tensor-ui-tests`), the interop features' tests the package in
//! `tests/interop/` (`cargo test -p tensor-interop-tests --features interop`).

mod common;
#[cfg(any(feature = "npy", feature = "safetensors"))]
mod common_io;

mod access;
mod arange;
mod assign;
mod batch;
mod boxed;
mod boxed_ops;
mod broadcast;
mod const_tensors;
mod construct;
mod display;
mod display_layout;
mod dsl;
mod dsl_dynamic;
mod dsl_ops;
mod dtype;
mod dynamic;
mod dynamic_display;
mod dynamic_io;
mod dynamic_products;
mod elementwise;
mod fused;
mod generic;
mod grad;
mod ieee;
mod images;
mod include;
mod io_npy;
mod io_safetensors;
mod linalg_decomp;
mod linalg_decomp_closed;
mod linalg_decomp_props;
mod linalg_golden;
mod linalg_props;
mod linalg_shapes;
mod linalg_small;
mod losses;
mod math;
mod matmul_shapes;
mod nd;
mod nd_ops;
mod numeric_edge_cases;
mod numpy_beginners;
mod numpy_parity;
// Without the feature every pool runs the same serial code, which the other modules test.
#[cfg(feature = "parallel")]
mod parallel;
mod random;
mod reduce_numpy;
mod reduce_paths;
mod reduce_short;
mod reductions;
mod reshape;
mod shape_checks;
mod transpose;

/// A file in `tests/` that is neither a module above nor a `[[test]]` target would never be
/// compiled (`autotests = false`): every one must be listed.
#[test]
fn every_test_file_is_compiled() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let root = std::fs::read_to_string(format!("{dir}/integration.rs")).unwrap();
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(stem) = name.strip_suffix(".rs") else {
            continue;
        };
        let module = root.lines().any(|l| l.trim() == format!("mod {stem};"));
        let target = manifest.contains(&format!("path = \"tests/{name}\""));
        if !module && !target {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "tests/{missing:?} are not compiled: add `mod NAME;` to tests/integration.rs or a \
         `[[test]]` to Cargo.toml"
    );
}
