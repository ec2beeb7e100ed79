//! Validation of parsed `__kernels!` items: sizes within the register budget, unique names.
//! Every error is collected and reported together.

use std::collections::HashSet;

use syn::LitInt;

use super::parse::{Kernels, Kind};

/// The vector registers of the widest target (AVX-512 has 32 `zmm` registers). A micro-kernel
/// needs `mr * nv` accumulators, `nv` registers for the loaded row of `b` and one for the
/// broadcast element of `a`; beyond the budget the compiler spills and the kernel is slow.
pub(crate) const VECTOR_REGISTERS: u64 = 32;

/// The largest unrolled small product (`n x n` has `n^3` multiply-adds in straight-line code).
pub(crate) const MAX_SMALL: u64 = 16;

/// The largest unroll factor of an elementwise driver.
pub(crate) const MAX_UNROLL: u64 = 8;

/// The value of an integer literal, or an error at it.
pub(crate) fn int(lit: &LitInt) -> syn::Result<u64> {
    if !lit.suffix().is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "expected an unsuffixed integer, found `{lit}`; remove the `{}` suffix",
                lit.suffix()
            ),
        ));
    }
    lit.base10_parse()
}

/// `lit` as an integer in `lo..=hi`, or an error naming what it is.
fn in_range(lit: &LitInt, what: &str, lo: u64, hi: u64) -> syn::Result<u64> {
    let v = int(lit)?;
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(syn::Error::new(
            lit.span(),
            format!("{what} must be in {lo}..={hi}, found {v}"),
        ))
    }
}

/// Pushes `r`'s error, if any, into `errors`.
fn collect<T>(errors: &mut Vec<syn::Error>, r: syn::Result<T>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

/// Checks every item; all errors combined into one.
pub(crate) fn validate(k: &Kernels) -> syn::Result<()> {
    let mut errors = Vec::new();
    let mut names = HashSet::new();
    for item in &k.items {
        if !names.insert(item.name.to_string()) {
            errors.push(syn::Error::new(
                item.name.span(),
                format!(
                    "kernel `{}` is defined twice; give each kernel its own name",
                    item.name
                ),
            ));
        }
        match &item.kind {
            Kind::Micro { mr, nv } => {
                let m = collect(&mut errors, in_range(mr, "`mr` (rows of the tile)", 1, 16));
                let v = collect(
                    &mut errors,
                    in_range(nv, "`nv` (vectors per row of the tile)", 1, 4),
                );
                if let (Some(m), Some(v)) = (m, v) {
                    let needed = m * v + v + 1;
                    if needed > VECTOR_REGISTERS {
                        errors.push(syn::Error::new(
                            mr.span(),
                            format!(
                                "a {m} x {v} tile needs {needed} vector registers ({} accumulators, \
                                 {v} for `b`, 1 for `a`), more than the {VECTOR_REGISTERS} of \
                                 AVX-512; use a smaller tile",
                                m * v
                            ),
                        ));
                    }
                }
            }
            Kind::Small { lo, hi } => {
                let l = collect(&mut errors, in_range(lo, "the smallest size", 1, MAX_SMALL));
                let h = collect(&mut errors, in_range(hi, "the largest size", 1, MAX_SMALL));
                if let (Some(l), Some(h)) = (l, h)
                    && l > h
                {
                    errors.push(syn::Error::new(
                        lo.span(),
                        format!("empty range {l}..={h}; write the smaller size first"),
                    ));
                }
            }
            Kind::Map { unroll }
            | Kind::MapInto { unroll }
            | Kind::Zip { unroll }
            | Kind::ZipInto { unroll } => {
                collect(&mut errors, in_range(unroll, "`unroll`", 1, MAX_UNROLL));
            }
        }
    }
    let mut errors = errors.into_iter();
    match errors.next() {
        None => Ok(()),
        Some(mut first) => {
            for e in errors {
                first.combine(e);
            }
            Err(first)
        }
    }
}
