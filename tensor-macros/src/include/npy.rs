//! Reading a `.npy` file for `include_npy!`, through `npyz` (as `tensor::io` does at run time).

use super::{Array, File, Values, shape_text};

/// NumPy's limit on the header length (`np.load`'s `max_header_size`).
const MAX_HEADER_LEN: usize = 10_000;

/// The file's shape and elements in row-major order (Fortran-order files are rearranged).
pub(crate) fn read(file: &File) -> syn::Result<Array> {
    let bytes = &file.bytes[..];
    let bad = |reason: &str| file.error(format!("not a valid .npy file: {reason}"));
    if !bytes.starts_with(b"\x93NUMPY") {
        return Err(bad("it does not start with the magic string \\x93NUMPY"));
    }
    // The header length: a corrupt one must not size an allocation inside `npyz`.
    let (start, len) = match (bytes.get(6), bytes.get(8..12)) {
        (Some(1), Some(l)) => (10, usize::from(u16::from_le_bytes([l[0], l[1]]))),
        (Some(2 | 3), Some(l)) => (12, u32::from_le_bytes([l[0], l[1], l[2], l[3]]) as usize),
        (Some(&v), Some(_)) => return Err(bad(&format!("unsupported format version {v}"))),
        _ => return Err(bad("the file ends inside its header")),
    };
    if len > MAX_HEADER_LEN {
        return Err(bad(&format!(
            "its header claims {len} bytes, more than NumPy's limit of {MAX_HEADER_LEN}"
        )));
    }
    let header = bytes
        .get(start..start + len)
        .ok_or_else(|| bad("the file ends inside its header"))?;
    check_declared_shape(header).map_err(|reason| bad(&reason))?;

    let npy = npyz::NpyFile::new(bytes).map_err(|e| bad(&e.to_string()))?;
    let shape: Vec<u64> = npy.shape().to_vec();
    let fortran = npy.order() == npyz::Order::Fortran;
    let dtype = npy.dtype();
    let npyz::DType::Plain(ts) = &dtype else {
        return Err(file.error(format!(
            "dtype {} is not one tensors hold (integers and floats of 8 to 64 bits)",
            dtype.descr()
        )));
    };
    let usize_shape: Vec<usize> = shape.iter().map(|&d| d as usize).collect();
    let count = usize_shape
        .iter()
        .try_fold(1usize, |n, &d| n.checked_mul(d))
        .ok_or_else(|| bad("its declared shape has more elements than fit in memory"))?;
    if count > super::MAX_ELEMENTS {
        // Refused before reading, which would take the time and memory of the whole array.
        return Err(file.error(format!(
            "{count} elements are more than the {} a macro embeds; read it at run time with `tensor::io`",
            super::MAX_ELEMENTS
        )));
    }
    let data_err = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => bad(&format!(
            "the data ends before the {count} elements of shape {}",
            shape_text(&shape)
        )),
        _ => bad(&e.to_string()),
    };
    macro_rules! read_as {
        ($variant:ident, $t:ty) => {{
            let v: Vec<$t> = npy.into_vec::<$t>().map_err(data_err)?;
            Values::$variant(if fortran {
                fortran_to_row_major(&v, &usize_shape)
            } else {
                v
            })
        }};
    }
    let values = match (ts.type_char(), ts.size_field()) {
        (npyz::TypeChar::Int, 1) => read_as!(I8, i8),
        (npyz::TypeChar::Int, 2) => read_as!(I16, i16),
        (npyz::TypeChar::Int, 4) => read_as!(I32, i32),
        (npyz::TypeChar::Int, 8) => read_as!(I64, i64),
        (npyz::TypeChar::Uint, 1) => read_as!(U8, u8),
        (npyz::TypeChar::Uint, 2) => read_as!(U16, u16),
        (npyz::TypeChar::Uint, 4) => read_as!(U32, u32),
        (npyz::TypeChar::Uint, 8) => read_as!(U64, u64),
        (npyz::TypeChar::Float, 4) => read_as!(F32, f32),
        (npyz::TypeChar::Float, 8) => read_as!(F64, f64),
        _ => {
            return Err(file.error(format!(
                "dtype '{ts}' is not one tensors hold (integers and floats of 8 to 64 bits)"
            )));
        }
    };
    Ok(Array {
        shape: usize_shape,
        values,
    })
}

/// Refuses a declared shape whose element count overflows `usize` (`npyz` multiplies the
/// dimensions unchecked); left to `npyz` when the header does not parse.
fn check_declared_shape(header: &[u8]) -> Result<(), String> {
    use py_literal::Value;
    let Some(Value::Dict(entries)) = std::str::from_utf8(header)
        .ok()
        .and_then(|s| s.trim_end().parse().ok())
    else {
        return Ok(());
    };
    let Some((_, Value::Tuple(dims) | Value::List(dims))) = entries
        .iter()
        .find(|(k, _)| matches!(k, Value::String(s) if s == "shape"))
    else {
        return Ok(());
    };
    let mut count: usize = 1;
    for dim in dims {
        let Value::Integer(n) = dim else {
            return Ok(());
        };
        let Ok(n) = u64::try_from(n) else {
            return Ok(());
        };
        count = usize::try_from(n)
            .ok()
            .and_then(|n| count.checked_mul(n))
            .ok_or_else(|| {
                format!("its declared shape {dims:?} has more elements than fit in memory")
            })?;
    }
    Ok(())
}

/// Rearranges elements stored in Fortran (column-major) order into row-major order.
fn fortran_to_row_major<T: Copy>(data: &[T], shape: &[usize]) -> Vec<T> {
    let mut strides = Vec::with_capacity(shape.len());
    let mut s = 1;
    for &d in shape {
        strides.push(s);
        s *= d;
    }
    let mut index = vec![0usize; shape.len()];
    let mut out = Vec::with_capacity(data.len());
    for _ in 0..data.len() {
        out.push(
            data[index
                .iter()
                .zip(&strides)
                .map(|(i, s)| i * s)
                .sum::<usize>()],
        );
        for axis in (0..shape.len()).rev() {
            index[axis] += 1;
            if index[axis] < shape[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
    out
}
