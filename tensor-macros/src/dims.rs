//! The table that maps const-generic dimensions to typenum numbers, generated for
//! `tensor-core`'s shape checks (`tensor_core::shape::Dim`).
//!
//! typenum's own `Const<N>: ToUInt` table covers `0..=1024` and powers of 2 and 10. Shapes in
//! machine learning go beyond it (a flattened 28x28x3 image has 2352 elements, CIFAR's 3072),
//! so this table is wider. Its cost is compile time, and it grows with the square of the
//! table: every entry is one `impl ToUInt for Dim<N>`, and rustc's coherence check compares
//! each impl with every other impl on the same type (`Dim<_>`; the const argument does not
//! separate them), so 8990 impls cost 22 times what 1025 do. Hence two tables:
//!
//! - [`Table::Default`]: `0..=4096`, the powers of 2 and of 10, and the flattened sizes of the
//!   usual datasets and layers ([`NAMED`]), about 4150 impls;
//! - [`Table::Wide`] (`tensor-core`'s feature `wide-dims`): also the multiples of 16 up to
//!   65536, of 1024 up to 2^20 and of 1000 up to 10^5, about 9000 impls.

use proc_macro2::TokenStream;
use quote::quote;

/// Which table `__dim_table!` generates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Table {
    /// `0..=4096`, powers of 2 and of 10, and [`NAMED`].
    Default,
    /// [`Table::Default`] plus the multiples of 16 up to 65536, of 1024 up to 2^20 and of
    /// 1000 up to 10^5.
    Wide,
}

/// Dimensions above 4096 that the default table names: flattened images and common layer
/// widths. 9216 (AlexNet's 256x6x6), 12288 (64x64x3), 25088 (VGG's 512x7x7), 50000 and
/// 60000 (CIFAR's and MNIST's training sets), 150528 (224x224x3).
pub(crate) const NAMED: [u64; 6] = [9216, 12288, 25088, 50000, 60000, 150528];

/// Every dimension the table covers, ascending and without duplicates.
pub(crate) fn covered(table: Table) -> Vec<u64> {
    let mut dims: Vec<u64> = (0..=4096).collect();
    dims.extend((0..=40).map(|k| 1u64 << k));
    dims.extend((0..=12).map(|k| 10u64.pow(k)));
    dims.extend(NAMED);
    if table == Table::Wide {
        dims.extend((4096..=65536).step_by(16));
        dims.extend((65536..=1 << 20).step_by(1024));
        dims.extend((1000..=100_000).step_by(1000));
    }
    dims.sort_unstable();
    dims.dedup();
    dims
}

/// The typenum type of `n`: `UInt<UInt<UTerm, B1>, B0>` for 2.
fn typenum(n: u64) -> TokenStream {
    if n == 0 {
        return quote!(::typenum::UTerm);
    }
    let high = typenum(n >> 1);
    let bit = if n & 1 == 1 {
        quote!(::typenum::B1)
    } else {
        quote!(::typenum::B0)
    };
    quote!(::typenum::UInt<#high, #bit>)
}

/// The `#[cfg]` that keeps `n` out of the table on targets whose `usize` cannot hold it.
///
/// The macro runs on the build machine, but the table is compiled for the target: a literal
/// beyond the target's `usize` would wrap there (2^32 becomes 0 on a 32-bit target, clashing
/// with the impl for 0). `usize` has 16, 32 or 64 bits on every target Rust supports.
fn width_gate(n: u64) -> TokenStream {
    if n > u64::from(u32::MAX) {
        quote!(#[cfg(target_pointer_width = "64")])
    } else if n > u64::from(u16::MAX) {
        quote!(#[cfg(any(target_pointer_width = "32", target_pointer_width = "64"))])
    } else {
        TokenStream::new()
    }
}

/// `impl ToUInt for Dim<N> { type Output = ...; }` for every `N` the table covers, each gated
/// to the pointer widths that can hold `N` ([`width_gate`]).
pub(crate) fn table(table: Table) -> TokenStream {
    let impls = covered(table).into_iter().map(|n| {
        let gate = width_gate(n);
        let n_lit = proc_macro2::Literal::u64_unsuffixed(n);
        let ty = typenum(n);
        quote! {
            #gate
            impl crate::shape::ToUInt for crate::shape::Dim<#n_lit> {
                type Output = #ty;
            }
        }
    });
    quote! { #(#impls)* }
}

/// `impl NotOne for Const<N> {}` for every `N` the table covers except 1 (gated like
/// [`table`]): the proof, for concrete
/// shapes, that an axis of size `N` is not a size-1 axis, which lets NumPy's broadcasting of a
/// literal size-1 axis (`Tensor<T, 1, C>` with `Tensor<T, R, C>`) coexist with the bound-free
/// same-shape operators (`tensor_core::shape::NotOne`).
pub(crate) fn not_one_table(table: Table) -> TokenStream {
    let impls = covered(table).into_iter().filter(|&n| n != 1).map(|n| {
        let gate = width_gate(n);
        let n_lit = proc_macro2::Literal::u64_unsuffixed(n);
        quote! {
            #gate
            impl crate::shape::NotOne for crate::shape::Const<#n_lit> {}
        }
    });
    quote! { #(#impls)* }
}

/// The table named by the input of `__dim_table!` and `__not_one_table!`: nothing for the
/// default, `wide` for the wide one.
pub(crate) fn parse(input: TokenStream) -> syn::Result<Table> {
    let mut tokens = input.into_iter();
    let table = match tokens.next() {
        None => return Ok(Table::Default),
        Some(proc_macro2::TokenTree::Ident(id)) if id == "wide" => Table::Wide,
        Some(other) => {
            return Err(syn::Error::new(
                other.span(),
                "the table macros take nothing (the default table) or `wide`",
            ));
        }
    };
    match tokens.next() {
        None => Ok(table),
        Some(extra) => Err(syn::Error::new(
            extra.span(),
            "the table macros take nothing (the default table) or `wide`",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the docs promise of both tables: every dimension users meet.
    const PROMISED: [u64; 15] = [
        0,
        1,
        784,
        1024,
        2352,
        3072,
        4096,
        9216,
        12288,
        25088,
        60000,
        150528,
        1 << 20,
        1 << 40,
        1_000_000_000_000,
    ];

    #[test]
    fn the_default_table_covers_0_to_4096_and_the_common_ml_sizes() {
        let dims = covered(Table::Default);
        assert!((0..=4096).all(|n| dims.binary_search(&n).is_ok()));
        for n in PROMISED {
            assert!(dims.binary_search(&n).is_ok(), "{n}");
        }
        for n in [4097, 4112, 65520, 100_000 - 1000] {
            assert!(dims.binary_search(&n).is_err(), "{n}");
        }
        assert!(dims.windows(2).all(|w| w[0] < w[1]));
        // The point of the default table: under half the impls of the wide one.
        assert!(dims.len() < 4200, "{}", dims.len());
    }

    #[test]
    fn the_wide_table_adds_the_multiples() {
        let default = covered(Table::Default);
        let wide = covered(Table::Wide);
        assert!(default.iter().all(|n| wide.binary_search(n).is_ok()));
        for n in PROMISED
            .into_iter()
            .chain([4112, 65520, 65536 + 1024, 99_000])
        {
            assert!(wide.binary_search(&n).is_ok(), "{n}");
        }
        assert!(wide.binary_search(&4097).is_err());
        assert!(wide.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn input_selects_the_table() {
        assert_eq!(parse(TokenStream::new()).unwrap(), Table::Default);
        assert_eq!(parse(quote!(wide)).unwrap(), Table::Wide);
        for bad in [quote!(narrow), quote!(wide wide), quote!(1)] {
            let err = parse(bad).unwrap_err();
            assert!(
                err.to_string()
                    .contains("take nothing (the default table) or `wide`"),
                "{err}"
            );
        }
    }

    /// The attributes before each impl of the generated table (as text without spaces), by
    /// dimension. Scans the top-level tokens: `#[...]`, `impl`, the path up to `Dim<N>`, and
    /// the body.
    fn gates() -> Vec<(u64, String)> {
        use proc_macro2::TokenTree;
        let mut out = Vec::new();
        let mut attrs = String::new();
        let mut after_dim = false;
        for tt in table(Table::Wide) {
            match &tt {
                TokenTree::Punct(p) if p.as_char() == '#' => attrs.push('#'),
                TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Bracket => {
                    attrs.push_str(&tt.to_string().replace(' ', ""));
                }
                TokenTree::Ident(i) if i == "Dim" => after_dim = true,
                TokenTree::Literal(lit) if after_dim => {
                    out.push((
                        lit.to_string().parse().unwrap(),
                        core::mem::take(&mut attrs),
                    ));
                    after_dim = false;
                }
                _ => {}
            }
        }
        out
    }

    /// The pointer widths a `#[cfg]` (as the table writes it) admits.
    fn admitted(gate: &str) -> Vec<u32> {
        [16, 32, 64]
            .into_iter()
            .filter(|w| gate.is_empty() || gate.contains(&format!("target_pointer_width=\"{w}\"")))
            .collect()
    }

    #[test]
    fn each_entry_is_compiled_exactly_where_usize_holds_it() {
        let gates = gates();
        assert_eq!(
            gates.iter().map(|&(n, _)| n).collect::<Vec<_>>(),
            covered(Table::Wide)
        );
        for (n, gate) in &gates {
            let want: Vec<u32> = [16, 32, 64]
                .into_iter()
                .filter(|&w| w == 64 || *n < 1u64 << w)
                .collect();
            assert_eq!(admitted(gate), want, "{n}: {gate}");
        }
        // At each width's limit, whether or not the table holds those values.
        for (n, want) in [
            (u64::from(u16::MAX), &[16, 32, 64][..]),
            (u64::from(u16::MAX) + 1, &[32, 64]),
            (u64::from(u32::MAX), &[32, 64]),
            (u64::from(u32::MAX) + 1, &[64]),
            (u64::MAX, &[64]),
        ] {
            let gate = width_gate(n).to_string().replace(' ', "");
            assert_eq!(admitted(&gate), want, "{n}: {gate}");
        }
    }

    #[test]
    fn not_one_leaves_out_one() {
        let table = not_one_table(Table::Default).to_string();
        assert!(!table.contains("Const < 1 >"));
        assert!(table.contains("Const < 0 >") && table.contains("Const < 2 >"));
    }

    #[test]
    fn typenum_types_are_binary() {
        assert_eq!(
            typenum(6).to_string().replace(' ', ""),
            "::typenum::UInt<::typenum::UInt<::typenum::UInt<::typenum::UTerm,::typenum::B1>,\
             ::typenum::B1>,::typenum::B0>"
        );
    }
}
