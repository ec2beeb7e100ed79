//! Parsing of `__kernels!` input.

use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitInt, Token, parenthesized};

/// The items of one `__kernels!` invocation.
///
/// Grammar (`INT` is an unsuffixed integer literal, `NAME` a Rust identifier):
///
/// ```text
/// kernels := item*
/// item    := "micro" NAME "(" "mr" "=" INT "," "nv" "=" INT ")" ";"
///          | "small" NAME "(" INT "..=" INT ")" ";"
///          | "map"   NAME "(" "unroll" "=" INT ")" ";"
///          | "map_into" NAME "(" "unroll" "=" INT ")" ";"
///          | "zip"   NAME "(" "unroll" "=" INT ")" ";"
///          | "zip_into" NAME "(" "unroll" "=" INT ")" ";"
/// ```
///
/// - `micro`: a matmul micro-kernel computing an `mr x (nv * LANES)` tile of the output with
///   `mr * nv` vector accumulators, generic over the vector type;
/// - `small`: fully unrolled `n x n` products for every `n` in the range, plus a dispatcher
///   `NAME::<T, N>` that picks the one for `N`;
/// - `map` / `map_into` / `zip` / `zip_into`: elementwise drivers applying a vector function
///   to `unroll` independent vectors per iteration (`x = f(x)`, `out = f(x)`, `a = f(a, b)`
///   and `out = f(a, b)`).
#[cfg_attr(test, derive(Debug))]
pub(crate) struct Kernels {
    /// The items, in order.
    pub(crate) items: Vec<Item>,
}

/// One generated kernel (or family of kernels).
#[cfg_attr(test, derive(Debug))]
pub(crate) struct Item {
    /// What to generate.
    pub(crate) kind: Kind,
    /// The name of the generated function.
    pub(crate) name: Ident,
}

/// The kinds of kernel, with their parameters (each literal kept for its span).
#[cfg_attr(test, derive(Debug))]
pub(crate) enum Kind {
    /// A register-blocked micro-kernel of `mr` rows by `nv` vectors.
    Micro {
        /// Rows of the tile.
        mr: LitInt,
        /// Vectors per row of the tile.
        nv: LitInt,
    },
    /// Unrolled square products for every size in `lo..=hi`.
    Small {
        /// The smallest size.
        lo: LitInt,
        /// The largest size.
        hi: LitInt,
    },
    /// An elementwise `x = f(x)` driver.
    Map {
        /// Vectors per iteration.
        unroll: LitInt,
    },
    /// An elementwise `out = f(x)` driver.
    MapInto {
        /// Vectors per iteration.
        unroll: LitInt,
    },
    /// An elementwise `a = f(a, b)` driver.
    Zip {
        /// Vectors per iteration.
        unroll: LitInt,
    },
    /// An elementwise `out = f(a, b)` driver.
    ZipInto {
        /// Vectors per iteration.
        unroll: LitInt,
    },
}

impl Parse for Kernels {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut items = Vec::new();
        while !input.is_empty() {
            items.push(input.parse()?);
        }
        Ok(Kernels { items })
    }
}

/// Parses `key = INT`, checking the key's name.
fn keyed(input: ParseStream<'_>, key: &str) -> syn::Result<LitInt> {
    let k: Ident = input.parse()?;
    if k != key {
        return Err(syn::Error::new(
            k.span(),
            format!("expected `{key} = <integer>`, found `{k}`"),
        ));
    }
    input.parse::<Token![=]>()?;
    input.parse()
}

impl Parse for Item {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let kind_ident: Ident = input.parse()?;
        let name: Ident = input.parse()?;
        let args;
        parenthesized!(args in input);
        let kind = match kind_ident.to_string().as_str() {
            "micro" => {
                let mr = keyed(&args, "mr")?;
                args.parse::<Token![,]>()?;
                let nv = keyed(&args, "nv")?;
                Kind::Micro { mr, nv }
            }
            "small" => {
                let lo = args.parse()?;
                args.parse::<Token![..=]>()?;
                let hi = args.parse()?;
                Kind::Small { lo, hi }
            }
            "map" => Kind::Map {
                unroll: keyed(&args, "unroll")?,
            },
            "map_into" => Kind::MapInto {
                unroll: keyed(&args, "unroll")?,
            },
            "zip" => Kind::Zip {
                unroll: keyed(&args, "unroll")?,
            },
            "zip_into" => Kind::ZipInto {
                unroll: keyed(&args, "unroll")?,
            },
            other => {
                return Err(syn::Error::new(
                    kind_ident.span(),
                    format!(
                        "unknown kernel kind `{other}`; expected `micro`, `small`, `map`, `map_into`, `zip` or `zip_into`"
                    ),
                ));
            }
        };
        if !args.is_empty() {
            return Err(args.error("unexpected tokens after the kernel's parameters"));
        }
        input.parse::<Token![;]>()?;
        Ok(Item { kind, name })
    }
}
