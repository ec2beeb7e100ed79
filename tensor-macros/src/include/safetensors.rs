//! Reading a tensor of a safetensors file for `include_safetensors!`, through the
//! `safetensors` crate (as `tensor::io` does at run time).

use syn::LitStr;

use super::{Array, File, Values};

/// The tensor `name`: its shape and its elements in row-major order.
pub(crate) fn read(file: &File, name: &LitStr) -> syn::Result<Array> {
    let bad = |reason: &dyn std::fmt::Display| {
        file.error(format!("not a valid safetensors file: {reason}"))
    };
    check_offsets(&file.bytes).map_err(|reason| bad(&reason))?;
    let st = safetensors::SafeTensors::deserialize(&file.bytes).map_err(|e| bad(&e))?;
    let Ok(view) = st.tensor(&name.value()) else {
        let mut names = st.names();
        names.sort_unstable();
        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        return Err(syn::Error::new(
            name.span(),
            format!(
                "`{}` holds no tensor named `{}`; it holds {}",
                file.lit.value(),
                name.value(),
                if names.is_empty() {
                    "none".into()
                } else {
                    names.join(", ")
                }
            ),
        ));
    };
    let count: usize = view.shape().iter().product();
    if count > super::MAX_ELEMENTS {
        return Err(file.error(format!(
            "tensor `{}` has {count} elements, more than the {} a macro embeds; read it at run time with `tensor::io`",
            name.value(),
            super::MAX_ELEMENTS
        )));
    }
    let data = view.data();
    macro_rules! decode {
        ($variant:ident, $t:ty) => {{
            let (chunks, _) = data.as_chunks::<{ size_of::<$t>() }>();
            Values::$variant(chunks.iter().map(|c| <$t>::from_le_bytes(*c)).collect())
        }};
    }
    use safetensors::Dtype as D;
    let values = match view.dtype() {
        D::I8 => decode!(I8, i8),
        D::I16 => decode!(I16, i16),
        D::I32 => decode!(I32, i32),
        D::I64 => decode!(I64, i64),
        D::U8 => decode!(U8, u8),
        D::U16 => decode!(U16, u16),
        D::U32 => decode!(U32, u32),
        D::U64 => decode!(U64, u64),
        D::F32 => decode!(F32, f32),
        D::F64 => decode!(F64, f64),
        other => {
            return Err(syn::Error::new(
                name.span(),
                format!(
                    "tensor `{}` of `{}` has dtype {other:?}, which tensors do not hold (integers and floats of 8 to 64 bits)",
                    name.value(),
                    file.lit.value()
                ),
            ));
        }
    };
    Ok(Array {
        shape: view.shape().to_vec(),
        values,
    })
}

/// Refuses data offsets past the end of the file (`safetensors` 0.8 adds them unchecked, a
/// panic in debug builds when they sum past `usize::MAX`).
fn check_offsets(bytes: &[u8]) -> Result<(), String> {
    let Some((len, rest)) = bytes.split_first_chunk::<8>() else {
        return Ok(());
    };
    let Some(header) = usize::try_from(u64::from_le_bytes(*len))
        .ok()
        .and_then(|n| rest.get(..n))
    else {
        return Ok(());
    };
    let Ok(serde_json::Value::Object(entries)) = serde_json::from_slice(header) else {
        return Ok(());
    };
    let data_len = (rest.len() - header.len()) as u64;
    for (name, entry) in &entries {
        let end = entry
            .get("data_offsets")
            .and_then(|o| o.get(1))
            .and_then(serde_json::Value::as_u64);
        if let Some(end) = end.filter(|&end| end > data_len) {
            return Err(format!(
                "the data of tensor `{name}` ends at byte {end}, past the end of the file's {data_len} data bytes"
            ));
        }
    }
    Ok(())
}
