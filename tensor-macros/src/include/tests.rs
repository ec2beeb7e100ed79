//! Unit tests of `include_npy!` and `include_safetensors!` outside the compiler: expansions of
//! the committed fixtures (`tests/fixtures/io/`), exact literals, and errors with their spans.

use proc_macro2::TokenStream;
use quote::quote;

use super::*;

/// The fixture directory, as a path literal's text relative to this crate (paths resolve
/// against `CARGO_MANIFEST_DIR`, which is `tensor-macros/` here).
fn fixture(name: &str) -> String {
    format!("../tests/fixtures/io/{name}")
}

#[cfg(feature = "npy")]
fn npy(name: &str) -> String {
    let path = fixture(name);
    include_npy(quote!(#path)).to_string()
}

#[cfg(feature = "npy")]
#[test]
fn npy_expands_to_the_files_type_and_exact_literals() {
    let out = npy("f32_3x4_c.npy");
    assert!(out.contains(":: tensor :: __private :: Tensor :: < f32 , 3 , 4 > :: from_array ([[- 1.5f32 , - 1.4f32"), "{out}");
    assert!(out.contains("include_bytes ! (\""), "{out}");
    assert!(out.contains("tests/fixtures/io/f32_3x4_c.npy"), "{out}");
    let out = npy("i8_5_c.npy");
    assert!(
        out.contains("RowVector :: < i8 , 5 > :: from_array ([57i8 , - 22i8"),
        "{out}"
    );
    assert!(npy("u8_2x3x4_f.npy").contains("Tensor3 :: < u8 , 2 , 3 , 4 >"));
    assert!(npy("f64_2x3x2x2_c.npy").contains("Tensor4 :: < f64 , 2 , 3 , 2 , 2 >"));
    assert!(npy("f32_0x3_c.npy").contains("Tensor :: < f32 , 0 , 3 > :: from_array ([])"));
    assert!(
        npy("i16_2x0x3_c.npy").contains("Tensor3 :: < i16 , 2 , 0 , 3 > :: from_array ([[] , []])")
    );
}

#[cfg(feature = "npy")]
#[test]
fn special_floats_keep_their_bits() {
    let out = npy("f64_specials_c.npy");
    for part in [
        "< f64 > :: from_bits (9221120237041090560u64)",
        "< f64 > :: INFINITY",
        "< f64 > :: NEG_INFINITY",
        "- 0.0f64",
        "5e-324f64",
        "1.7976931348623157e308f64",
        "0.3333333333333333f64",
        "- 2.5f64",
    ] {
        assert!(out.contains(part), "{part} in {out}");
    }
    // Every finite `Debug` literal parses back to the same bits.
    for x in [0.1f32, 1e-40, 1.4e-45, f32::MAX, 16_777_217.0, 3.0e-39] {
        let text = format!("{x:?}");
        assert_eq!(
            text.parse::<f32>().unwrap().to_bits(),
            x.to_bits(),
            "{text}"
        );
    }
}

/// The error messages of an expansion that failed.
fn errors(out: &TokenStream) -> Vec<String> {
    let text = out.to_string();
    assert!(text.contains("compile_error"), "{text}");
    text.split("compile_error ! {")
        .skip(1)
        .map(|s| s.split('"').nth(1).unwrap_or("").to_string())
        .collect()
}

#[cfg(feature = "npy")]
#[test]
fn npy_errors_name_the_path_and_the_problem() {
    let e = errors(&include_npy(quote!("no/such.npy")));
    assert!(
        e[0].starts_with("cannot read `no/such.npy` (resolved against the crate's directory to "),
        "{e:?}"
    );
    let path = fixture("bad_truncated.npy");
    let e = errors(&include_npy(quote!(#path)));
    assert!(
        e[0].ends_with(
            "not a valid .npy file: the data ends before the 12 elements of shape (3, 4)"
        ),
        "{e:?}"
    );
    let path = fixture("bad_f16.npy");
    let e = errors(&include_npy(quote!(#path)));
    assert!(
        e[0].ends_with("dtype '<f2' is not one tensors hold (integers and floats of 8 to 64 bits)"),
        "{e:?}"
    );
    let path = fixture("bad_scalar.npy");
    let e = errors(&include_npy(quote!(#path)));
    assert!(
        e[0].ends_with("the array has 0 axes (shape ()); tensors have 1 to 4"),
        "{e:?}"
    );
    let e = errors(&include_npy(quote!("Cargo.toml")));
    assert_eq!(
        e,
        [
            "`Cargo.toml`: not a valid .npy file: it does not start with the magic string \\\\x93NUMPY"
        ]
    );
    let e = errors(&include_npy(quote!(1)));
    assert!(
        e[0].starts_with("expected string literal; expected one string literal"),
        "{e:?}"
    );
    let e = errors(&include_npy(quote!("a", "b")));
    assert!(e[0].starts_with("expected one string literal"), "{e:?}");
}

#[cfg(feature = "npy")]
#[test]
fn corrupt_npy_bytes_are_errors_not_panics() {
    let good = std::fs::read(format!(
        "{}/{}",
        env!("CARGO_MANIFEST_DIR"),
        fixture("f32_3x4_c.npy")
    ))
    .unwrap();
    let lit = syn::LitStr::new("x.npy", proc_macro2::Span::call_site());
    let file = |bytes: Vec<u8>| File {
        lit: lit.clone(),
        resolved: "x.npy".into(),
        bytes,
    };
    for len in 0..good.len() {
        assert!(npy::read(&file(good[..len].to_vec())).is_err(), "{len}");
    }
    for i in 0..good.len() {
        for v in [0u8, b'9', b'(', b')', b',', b'\'', 0xff] {
            let mut bad = good.clone();
            bad[i] = v;
            let _ = npy::read(&file(bad));
        }
    }
    let mut huge = good.clone();
    let header =
        b"{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 2), }";
    huge[10..10 + header.len()].copy_from_slice(header);
    assert!(npy::read(&file(huge)).is_err());
}

#[cfg(feature = "safetensors")]
#[test]
fn safetensors_expands_and_reports_names() {
    let path = fixture("tensors.safetensors");
    let out = include_safetensors(quote!(#path, "u16_2x3x4")).to_string();
    assert!(
        out.contains("Tensor3 :: < u16 , 2 , 3 , 4 > :: from_array"),
        "{out}"
    );
    let e = errors(&include_safetensors(quote!(#path, "nope")));
    assert!(
        e[0].contains("holds no tensor named `nope`; it holds `f16`, `f32_0x3`, `f32_2x3x2x2`"),
        "{e:?}"
    );
    let e = errors(&include_safetensors(quote!(#path, "f16")));
    assert!(
        e[0].starts_with("tensor `f16` of `") && e[0].contains("has dtype F16"),
        "{e:?}"
    );
    let e = errors(&include_safetensors(quote!(#path)));
    assert!(
        e[0].starts_with("expected a path and a tensor name"),
        "{e:?}"
    );
    let npy = fixture("f32_3x4_c.npy");
    let e = errors(&include_safetensors(quote!(#npy, "w")));
    assert!(e[0].contains("not a valid safetensors file"), "{e:?}");
}
