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

/// `impl ToUInt for Dim<N> { type Output = ...; }` for every covered `N`.
pub(crate) fn table() -> TokenStream {
    let impls = covered().into_iter().map(|n| {
        let n_lit = proc_macro2::Literal::usize_unsuffixed(n as usize);
        let ty = typenum(n);
        quote! {
            impl crate::shape::ToUInt for crate::shape::Dim<#n_lit> {
                type Output = #ty;
            }
        }
    });
    quote! { #(#impls)* }
}

/// `impl NotOne for Const<N> {}` for every covered `N` except 1: the proof, for concrete
/// shapes, that an axis of size `N` is not a size-1 axis, which lets NumPy's broadcasting of a
/// literal size-1 axis (`Tensor<T, 1, C>` with `Tensor<T, R, C>`) coexist with the bound-free
/// same-shape operators (`tensor_core::shape::NotOne`).
pub(crate) fn not_one_table() -> TokenStream {
    let impls = covered().into_iter().filter(|&n| n != 1).map(|n| {
        let n_lit = proc_macro2::Literal::usize_unsuffixed(n as usize);
        quote! {
            impl crate::shape::NotOne for crate::shape::Const<#n_lit> {}
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

    #[test]
    fn not_one_leaves_out_one() {
        let table = not_one_table().to_string();
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
