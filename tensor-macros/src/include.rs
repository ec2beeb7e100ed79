//! `include_npy!` and `include_safetensors!`: an array file read while the program compiles,
//! expanded to a `Tensor` whose type (shape and element type) is the file's.
//!
//! Parse (`Args`: string literals), check (resolve the path, read and validate the file:
//! `npy.rs`, `safetensors.rs`, each through its format's crate), expand (`expand`): the
//! tensor's constructor with every element as an exact literal, plus an `include_bytes!` of
//! the file so that editing it recompiles the crate. Every error is a `compile_error!` at the
//! literal it is about, naming the path and what is wrong.

#[cfg(feature = "npy")]
mod npy;
#[cfg(feature = "safetensors")]
mod safetensors;

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::LitStr;
use syn::parse::Parser;
use syn::punctuated::Punctuated;

use crate::expand::error_expr;

/// The variable that, when set, replaces `CARGO_MANIFEST_DIR` as the directory relative paths
/// resolve against. For test harnesses that compile code in a generated crate elsewhere
/// (trybuild); the compiler does not track it, so changing it does not trigger a rebuild.
pub(crate) const BASE_DIR_VAR: &str = "TENSOR_INCLUDE_BASE_DIR";

/// The most elements a macro expands: past this, the literal would make compilation slow and
/// the binary large; such arrays are for `tensor::io` at run time.
const MAX_ELEMENTS: usize = 1 << 24;

/// The elements of an array file, in row-major order, of one of the element types files and
/// the library share.
pub(crate) enum Values {
    I8(Vec<i8>),
    I16(Vec<i16>),
    I32(Vec<i32>),
    I64(Vec<i64>),
    U8(Vec<u8>),
    U16(Vec<u16>),
    U32(Vec<u32>),
    U64(Vec<u64>),
    F32(Vec<f32>),
    F64(Vec<f64>),
}

impl Values {
    fn len(&self) -> usize {
        match self {
            Self::I8(v) => v.len(),
            Self::I16(v) => v.len(),
            Self::I32(v) => v.len(),
            Self::I64(v) => v.len(),
            Self::U8(v) => v.len(),
            Self::U16(v) => v.len(),
            Self::U32(v) => v.len(),
            Self::U64(v) => v.len(),
            Self::F32(v) => v.len(),
            Self::F64(v) => v.len(),
        }
    }

    /// The element type and each element as an exact literal expression.
    fn tokens(&self) -> (TokenStream, Vec<TokenStream>) {
        fn ints<T: Copy + Into<i128>>(v: &[T], ty: &str) -> Vec<TokenStream> {
            v.iter()
                .map(|&x| {
                    let x: i128 = x.into();
                    let lit =
                        syn::LitInt::new(&format!("{}{ty}", x.unsigned_abs()), Span::call_site());
                    if x < 0 {
                        quote!(-#lit)
                    } else {
                        lit.into_token_stream()
                    }
                })
                .collect()
        }
        macro_rules! floats {
            ($v:expr, $t:ident) => {
                $v.iter()
                    .map(|&x| {
                        if x.is_nan() {
                            // Keeps the payload: the bits NumPy wrote.
                            let bits = x.to_bits();
                            quote!(<$t>::from_bits(#bits))
                        } else if x.is_infinite() {
                            if x > 0.0 { quote!(<$t>::INFINITY) } else { quote!(<$t>::NEG_INFINITY) }
                        } else {
                            // `Debug` writes the shortest decimal that reads back as the same
                            // value, so the literal is bit-exact.
                            let lit = syn::LitFloat::new(
                                &format!("{:?}{}", x.abs(), stringify!($t)),
                                Span::call_site(),
                            );
                            if x.is_sign_negative() { quote!(-#lit) } else { lit.into_token_stream() }
                        }
                    })
                    .collect()
            };
        }
        match self {
            Self::I8(v) => (quote!(i8), ints(v, "i8")),
            Self::I16(v) => (quote!(i16), ints(v, "i16")),
            Self::I32(v) => (quote!(i32), ints(v, "i32")),
            Self::I64(v) => (quote!(i64), ints(v, "i64")),
            Self::U8(v) => (quote!(u8), ints(v, "u8")),
            Self::U16(v) => (quote!(u16), ints(v, "u16")),
            Self::U32(v) => (quote!(u32), ints(v, "u32")),
            Self::U64(v) => (quote!(u64), ints(v, "u64")),
            Self::F32(v) => (quote!(f32), floats!(v, f32)),
            Self::F64(v) => (quote!(f64), floats!(v, f64)),
        }
    }
}

/// An array read from a file: its shape (from the header) and its row-major elements.
pub(crate) struct Array {
    pub(crate) shape: Vec<usize>,
    pub(crate) values: Values,
}

/// A file to include: the path as written, where it resolved, and its bytes.
pub(crate) struct File {
    pub(crate) lit: LitStr,
    pub(crate) resolved: PathBuf,
    pub(crate) bytes: Vec<u8>,
}

impl File {
    /// An error at the path literal: "`path`: reason".
    pub(crate) fn error(&self, reason: impl std::fmt::Display) -> syn::Error {
        syn::Error::new(self.lit.span(), format!("`{}`: {reason}", self.lit.value()))
    }
}

/// Parses the macro's input as `count` string literals separated by commas (a trailing comma
/// allowed); `usage` is shown when the input does not fit.
fn parse_args(input: TokenStream, count: usize, usage: &str) -> syn::Result<Vec<LitStr>> {
    let span = input
        .clone()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |t| t.span());
    let args = Punctuated::<LitStr, syn::Token![,]>::parse_terminated
        .parse2(input)
        .map_err(|e| syn::Error::new(e.span(), format!("{e}; expected {usage}")))?;
    if args.len() != count {
        let span = args.iter().nth(count).map_or(span, LitStr::span);
        return Err(syn::Error::new(span, format!("expected {usage}")));
    }
    Ok(args.into_iter().collect())
}

/// Resolves a path literal against `TENSOR_INCLUDE_BASE_DIR` or `CARGO_MANIFEST_DIR` and reads
/// the file.
fn read_file(lit: LitStr) -> syn::Result<File> {
    let path = PathBuf::from(lit.value());
    let base = std::env::var_os(BASE_DIR_VAR).or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"));
    let resolved = match base {
        Some(base) if path.is_relative() => Path::new(&base).join(&path),
        _ => path,
    };
    match std::fs::read(&resolved) {
        Ok(bytes) => Ok(File {
            lit,
            resolved,
            bytes,
        }),
        Err(e) => Err(syn::Error::new(
            lit.span(),
            format!(
                "cannot read `{}` (resolved against the crate's directory to {}): {e}",
                lit.value(),
                resolved.display()
            ),
        )),
    }
}

/// The expansion: `{ const _: &[u8] = include_bytes!(path); Tensor::<T, ..>::from_array(..) }`.
fn expand(file: &File, array: &Array) -> syn::Result<TokenStream> {
    let count: usize = array.shape.iter().product();
    if count > MAX_ELEMENTS {
        return Err(file.error(format!(
            "{count} elements are more than the {MAX_ELEMENTS} a macro embeds; read it at run time with `tensor::io`"
        )));
    }
    if array.values.len() != count {
        return Err(file.error("the data does not hold the elements its shape says"));
    }
    let (ty, dims) = match array.shape.as_slice() {
        [n] => (quote!(RowVector), vec![*n]),
        [_, _] => (quote!(Tensor), array.shape.clone()),
        [_, _, _] => (quote!(Tensor3), array.shape.clone()),
        [_, _, _, _] => (quote!(Tensor4), array.shape.clone()),
        other => {
            return Err(file.error(format!(
                "the array has {} axes (shape {}); tensors have 1 to 4",
                other.len(),
                shape_text(other)
            )));
        }
    };
    let Some(path) = file.resolved.to_str() else {
        return Err(
            file.error("the resolved path is not valid UTF-8, which `include_bytes!` needs")
        );
    };
    let (elem, elements) = array.values.tokens();
    let nested = nest(&dims, &elements);
    let dims = dims
        .iter()
        .map(|&d| proc_macro2::Literal::usize_unsuffixed(d));
    Ok(quote! {{
        // Makes the file a dependency of the crate: editing it recompiles.
        const _: &[u8] = ::core::include_bytes!(#path);
        ::tensor::__private::#ty::<#elem, #(#dims),*>::from_array(#nested)
    }})
}

/// The nested array literal of `elements` (row-major) with shape `dims`.
fn nest(dims: &[usize], elements: &[TokenStream]) -> TokenStream {
    match dims {
        [] | [_] => quote! { [#(#elements),*] },
        [first, rest @ ..] => {
            let stride: usize = rest.iter().product();
            let parts: Vec<TokenStream> = if stride == 0 {
                vec![nest(rest, &[]); *first]
            } else {
                elements
                    .chunks(stride)
                    .map(|chunk| nest(rest, chunk))
                    .collect()
            };
            quote! { [#(#parts),*] }
        }
    }
}

/// A shape as NumPy prints it: `(3, 4)`, `(4,)`, `()`.
pub(crate) fn shape_text(shape: &[impl std::fmt::Display]) -> String {
    let parts: Vec<String> = shape.iter().map(ToString::to_string).collect();
    match parts.as_slice() {
        [one] => format!("({one},)"),
        _ => format!("({})", parts.join(", ")),
    }
}

/// Expands `include_npy!("path")`.
#[cfg(feature = "npy")]
pub(crate) fn include_npy(input: TokenStream) -> TokenStream {
    let run = || {
        let [lit] = <[LitStr; 1]>::try_from(parse_args(
            input,
            1,
            "one string literal: `include_npy!(\"path/to/file.npy\")`",
        )?)
        .map_err(|_| syn::Error::new(Span::call_site(), "expected one path"))?;
        let file = read_file(lit)?;
        let array = npy::read(&file)?;
        expand(&file, &array)
    };
    run().unwrap_or_else(error_expr)
}

/// Expands `include_safetensors!("path", "name")`.
#[cfg(feature = "safetensors")]
pub(crate) fn include_safetensors(input: TokenStream) -> TokenStream {
    let run = || {
        let usage = "a path and a tensor name: `include_safetensors!(\"path/to/model.safetensors\", \"layer.weight\")`";
        let [path, name] = <[LitStr; 2]>::try_from(parse_args(input, 2, usage)?)
            .map_err(|_| syn::Error::new(Span::call_site(), usage))?;
        let file = read_file(path)?;
        let array = safetensors::read(&file, &name)?;
        expand(&file, &array)
    };
    run().unwrap_or_else(error_expr)
}

#[cfg(test)]
mod tests;
