//! Unit tests of the kernel generator: accepted grammar, the shape of the generated code, and
//! errors (message and span) for every kind of mistake.

use proc_macro2::TokenStream;
use quote::quote;

use super::kernels;

/// The expansion as a string without spaces.
fn expand(input: TokenStream) -> String {
    kernels(input).to_string().replace(' ', "")
}

/// Every identifier of `tokens`, recursively (literals such as doc strings are skipped).
fn idents(tokens: TokenStream) -> Vec<String> {
    tokens
        .into_iter()
        .flat_map(|t| match t {
            proc_macro2::TokenTree::Ident(i) => vec![i.to_string()],
            proc_macro2::TokenTree::Group(g) => idents(g.stream()),
            _ => vec![],
        })
        .collect()
}

/// The error messages with their `(line, column)`, or a panic if the input expanded.
fn errors(input: &str) -> Vec<(String, (usize, usize))> {
    let tokens: TokenStream = input.parse().unwrap();
    let parsed = syn::parse2::<super::parse::Kernels>(tokens)
        .and_then(|k| super::valid::validate(&k).map(|()| k));
    match parsed {
        Ok(_) => panic!("expected an error for {input:?}"),
        Err(e) => e
            .into_iter()
            .map(|e| {
                let start = e.span().start();
                (e.to_string(), (start.line, start.column))
            })
            .collect(),
    }
}

#[test]
fn micro_kernel_has_one_fma_per_accumulator() {
    let code = expand(quote!(micro micro_8x2(mr = 8, nv = 2);));
    assert_eq!(code.matches("V::mul_add(").count(), 16);
    assert_eq!(code.matches("V::store_ptr(").count(), 16);
    assert_eq!(code.matches("V::splat(").count(), 8);
    assert!(code.contains("pub(crate)unsafefnmicro_8x2<V:crate::kernels::simd::Vector>"));
    assert!(code.contains("c_7_1=V::mul_add(a_7,b_1,c_7_1);"));
    assert!(code.contains("leta_7=V::splat(simd,*a.add(p*csa+7usize*rsa));"));
    assert!(code.contains("Generatedby`tensor_macros::__kernels!`"));
    syn::parse2::<syn::File>(kernels(quote!(micro m(mr = 3, nv = 1);))).unwrap();
}

#[test]
fn small_products_are_straight_line_and_summed_in_order() {
    let code = expand(quote!(small sm(2..=3);));
    assert!(code.contains("fnsm_2<T>(a:&[T;4usize],b:&[T;4usize],out:&mut[T;4usize])"));
    assert!(code.contains("fnsm_3<T>"));
    assert!(!code.contains("fnsm_4"));
    // out[1][0] of the 2x2 product: a10 * b00 + a11 * b10, from zero, in order.
    assert!(code.contains("T::zero()+a_1_0*b_0_0+a_1_1*b_1_0"));
    let idents = idents(kernels(quote!(small sm(2..=3);)));
    assert!(
        !idents
            .iter()
            .any(|i| ["for", "while", "loop"].contains(&i.as_str()))
    );
    assert!(code.contains("matchN{2usize=>"));
    syn::parse2::<syn::File>(kernels(quote!(small sm(1..=8);))).unwrap();
}

#[test]
fn drivers_unroll_as_asked() {
    let code = expand(quote!(map m4(unroll = 4); zip z2(unroll = 2);));
    assert!(code.contains("fnm4<V:crate::kernels::simd::Vector,F:crate::kernels::simd::MapFn<V>>"));
    assert!(code.contains("letv_3=V::load(simd,&chunk[3usize*V::LANES..]);"));
    assert!(!code.contains("v_4"));
    assert!(code.contains("letw_1=V::load(simd,&cb[1usize*V::LANES..]);"));
    assert!(!code.contains("w_2"));
    syn::parse2::<syn::File>(kernels(quote!(map m(unroll = 1); zip z(unroll = 8);))).unwrap();
    let code = expand(quote!(zip_into zi(unroll = 3);));
    assert!(code.contains("fnzi<V:crate::kernels::simd::Vector,F:crate::kernels::simd::ZipFn<V>>(simd:V::Simd,a:&[V::Elem],b:&[V::Elem],out:&mut[::core::mem::MaybeUninit<V::Elem>],)"));
    assert!(code.contains("V::store_uninit(F::apply(v_2,w_2),&mutco[2usize*V::LANES..]);"));
    syn::parse2::<syn::File>(kernels(quote!(zip_into z(unroll = 1);))).unwrap();
    let code = expand(quote!(map_into mi(unroll = 2);));
    assert!(code.contains("V::store_uninit(F::apply(v_1),&mutco[1usize*V::LANES..]);"));
    assert!(!code.contains("v_2"));
    syn::parse2::<syn::File>(kernels(quote!(map_into m(unroll = 5);))).unwrap();
}

#[test]
fn empty_input_expands_to_nothing() {
    assert!(kernels(TokenStream::new()).is_empty());
}

#[test]
fn unknown_kind_points_at_it() {
    assert_eq!(
        errors("micro a(mr = 1, nv = 1);\nmatrix b(unroll = 2);"),
        [(
            "unknown kernel kind `matrix`; expected `micro`, `small`, `map`, `map_into`, `zip` or `zip_into`"
                .into(),
            (2, 0)
        )]
    );
}

#[test]
fn wrong_key_and_suffix() {
    assert_eq!(
        errors("micro a(rows = 1, nv = 1);"),
        [("expected `mr = <integer>`, found `rows`".into(), (1, 8))]
    );
    assert_eq!(
        errors("map a(unroll = 4u8);"),
        [(
            "expected an unsuffixed integer, found `4u8`; remove the `u8` suffix".into(),
            (1, 15)
        )]
    );
}

#[test]
fn tiles_beyond_the_register_budget_are_rejected() {
    assert_eq!(
        errors("micro big(mr = 12, nv = 3);"),
        [(
            "a 12 x 3 tile needs 40 vector registers (36 accumulators, 3 for `b`, 1 for `a`), \
             more than the 32 of AVX-512; use a smaller tile"
                .into(),
            (1, 15)
        )]
    );
}

#[test]
fn all_errors_are_reported_together() {
    let e =
        errors("micro a(mr = 0, nv = 9);\nsmall a(5..=2);\nmap c(unroll = 9);\nzip d(unroll = 0);");
    let msgs: Vec<&str> = e.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "`mr` (rows of the tile) must be in 1..=16, found 0",
            "`nv` (vectors per row of the tile) must be in 1..=4, found 9",
            "kernel `a` is defined twice; give each kernel its own name",
            "empty range 5..=2; write the smaller size first",
            "`unroll` must be in 1..=8, found 9",
            "`unroll` must be in 1..=8, found 0",
        ]
    );
    assert_eq!(e[2].1, (2, 6));
    assert_eq!(e[3].1, (2, 8));
}

#[test]
fn small_sizes_are_bounded() {
    assert_eq!(
        errors("small s(2..=17);"),
        [(
            "the largest size must be in 1..=16, found 17".into(),
            (1, 12)
        )]
    );
}

#[test]
fn trailing_tokens_and_missing_semicolon() {
    assert_eq!(
        errors("map m(unroll = 2, x);"),
        [(
            "unexpected tokens after the kernel's parameters".into(),
            (1, 16)
        )]
    );
    assert_eq!(errors("map m(unroll = 2)")[0].0, "expected `;`");
}

#[test]
fn errors_become_compile_errors() {
    let out = kernels(quote!(small s(0..=2);)).to_string();
    assert!(out.contains("compile_error"), "{out}");
}
