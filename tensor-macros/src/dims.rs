//! The table that maps const-generic dimensions to typenum numbers, generated for
//! `tensor-core`'s shape checks (`tensor_core::shape::Dim`).
//!
//! typenum's own `Const<N>: ToUInt` table covers `0..=1024` and powers of 2 and 10. Shapes in
//! machine learning go beyond it (a flattened 28x28x3 image has 2352 elements, CIFAR's 3072),
//! so this table is wider. Its cost is compile time: each value is one impl.

use proc_macro2::TokenStream;
use quote::quote;

/// Every dimension the table covers, ascending and without duplicates.
pub(crate) fn covered() -> Vec<u64> {
    let mut dims: Vec<u64> = (0..=4096).collect();
    dims.extend((4096..=65536).step_by(16));
    dims.extend((65536..=1 << 20).step_by(1024));
    dims.extend((1000..=100_000).step_by(1000));
    dims.extend((0..=40).map(|k| 1u64 << k));
    dims.extend((0..=12).map(|k| 10u64.pow(k)));
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

/// `impl ToUInt for Dim<N> { type Output = ...; }` for every covered `N`, each gated to the
/// pointer widths that can hold `N` ([`width_gate`]).
pub(crate) fn table() -> TokenStream {
    let impls = covered().into_iter().map(|n| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_the_common_ml_sizes() {
        let dims = covered();
        for n in [
            0,
            1,
            784,
            1024,
            2352,
            3072,
            4096,
            12288,
            60000,
            150528,
            1 << 20,
            1 << 40,
        ] {
            assert!(dims.binary_search(&n).is_ok(), "{n}");
        }
        assert!(dims.binary_search(&4097).is_err());
        assert!(dims.windows(2).all(|w| w[0] < w[1]));
    }

    /// The attributes before each impl of the generated table (as text without spaces), by
    /// dimension. Scans the top-level tokens: `#[...]`, `impl`, the path up to `Dim<N>`, and
    /// the body.
    fn gates() -> Vec<(u64, String)> {
        use proc_macro2::TokenTree;
        let mut out = Vec::new();
        let mut attrs = String::new();
        let mut after_dim = false;
        for tt in table() {
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
        assert_eq!(gates.iter().map(|&(n, _)| n).collect::<Vec<_>>(), covered());
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
    fn typenum_types_are_binary() {
        assert_eq!(
            typenum(6).to_string().replace(' ', ""),
            "::typenum::UInt<::typenum::UInt<::typenum::UInt<::typenum::UTerm,::typenum::B1>,\
             ::typenum::B1>,::typenum::B0>"
        );
    }
}
