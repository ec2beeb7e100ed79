//! NumPy's `.npy` format: one array per file (`np.save` / `np.load`), through `npyz`.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::string::String;
use std::vec;
use std::vec::Vec;

use super::array::{check_header, into_array};
use super::error::{DataError, Format, Origin};
use super::{Dtype, FileArray, FileElement};

/// NumPy's limit on the header length that `np.load` accepts (`max_header_size`): a longer
/// header is refused before it is read, so a corrupt length cannot ask for gigabytes.
const MAX_HEADER_LEN: usize = 10_000;

/// Reads a tensor from a `.npy` file, like `np.load(path)`, checking the file's shape and
/// dtype against the tensor type.
///
/// A file in Fortran order (`np.save` of `np.asfortranarray(a)`) is read in that order and
/// rearranged into this library's row-major order, so the tensor holds the same array as
/// `np.load` gives; both byte orders are read. A file of shape `(N,)` (NumPy's 1-D array) reads
/// into a row vector `Tensor<T, 1, N>`. For a large tensor, ask for a `Box<Tensor<..>>`: it is
/// built on the heap.
///
/// # Errors
///
/// [`DataError`] naming the path: [`Io`](DataError::Io) when the file cannot be opened or read,
/// [`Malformed`](DataError::Malformed) when it is not a valid `.npy` file (wrong magic string,
/// truncated header or data, corrupt header), [`Mismatch`](DataError::Mismatch) when its shape
/// or dtype is not the tensor type's (no conversion between element types happens).
///
/// ```
/// use tensor_core::Tensor;
/// use tensor_core::io::{load_npy, save_npy};
///
/// let path = std::env::temp_dir().join("tensor-doc-load_npy.npy");
/// save_npy(&path, &Tensor::from([[1.5f32, 2.0], [3.0, 4.0]])).unwrap();
/// let w: Tensor<f32, 2, 2> = load_npy(&path).unwrap(); // w = np.load("w.npy")
/// assert_eq!(w[(1, 0)], 3.0);
///
/// let big: Box<Tensor<f32, 2, 2>> = load_npy(&path).unwrap(); // on the heap
/// assert_eq!(*big, w);
///
/// let err = load_npy::<Tensor<f32, 4, 1>>(&path).unwrap_err();
/// assert!(err.to_string().ends_with(
///     "expected an array of shape (4, 1) and dtype float32, found shape (2, 2) and dtype float32"
/// ));
/// ```
pub fn load_npy<A: FileArray>(path: impl AsRef<Path>) -> Result<A, DataError> {
    let path = path.as_ref();
    let origin = Origin::path(path);
    let file = File::open(path).map_err(|e| DataError::io(&origin, e))?;
    read_npy_at(BufReader::new(file), &origin)
}

/// Reads a tensor from `.npy` bytes, like `np.load(file_object)`: the same checks as
/// [`load_npy`], for any reader (a byte slice, a network stream, an entry of an archive).
///
/// # Errors
///
/// As [`load_npy`]; the messages name no path.
///
/// ```
/// use tensor_core::Tensor;
/// use tensor_core::io::{read_npy, write_npy};
///
/// let mut bytes = Vec::new();
/// write_npy(&mut bytes, &Tensor::from([[1u8, 2, 3]])).unwrap();
/// let v: Tensor<u8, 1, 3> = read_npy(&bytes[..]).unwrap();
/// assert_eq!(v, Tensor::from([[1, 2, 3]]));
/// ```
pub fn read_npy<A: FileArray>(reader: impl Read) -> Result<A, DataError> {
    read_npy_at(reader, &Origin::memory())
}

/// Writes a tensor to a `.npy` file, like `np.save(path, a)`: NumPy's format version 1.0, C
/// order, little-endian, the shape of the tensor type (`(1, N)` for a `Vector<T, N>`).
///
/// # Errors
///
/// [`DataError::Io`] naming the path when the file cannot be created or written.
///
/// ```
/// use tensor_core::Tensor3;
/// use tensor_core::io::{load_npy, save_npy};
///
/// let img = Tensor3::<u8, 2, 2, 3>::from_fn(|y, x, c| (y * 6 + x * 3 + c) as u8);
/// let path = std::env::temp_dir().join("tensor-doc-save_npy.npy");
/// save_npy(&path, &img).unwrap(); // np.save("img.npy", img)
/// assert_eq!(load_npy::<Tensor3<u8, 2, 2, 3>>(&path).unwrap(), img);
/// ```
pub fn save_npy<A: FileArray>(path: impl AsRef<Path>, array: &A) -> Result<(), DataError> {
    let path = path.as_ref();
    let origin = Origin::path(path);
    let file = File::create(path).map_err(|e| DataError::io(&origin, e))?;
    let mut out = BufWriter::new(file);
    write_npy_at(&mut out, array, &origin)?;
    out.flush().map_err(|e| DataError::io(&origin, e))
}

/// Writes a tensor as `.npy` bytes to any writer, like `np.save(file_object, a)`.
///
/// # Errors
///
/// [`DataError::Io`] when the writer fails.
///
/// ```
/// use tensor_core::Tensor;
/// use tensor_core::io::write_npy;
///
/// let mut bytes = Vec::new();
/// write_npy(&mut bytes, &Tensor::<f64, 2, 3>::zeros()).unwrap();
/// assert!(bytes.starts_with(b"\x93NUMPY\x01\x00"));
/// assert_eq!(bytes.len() % 64, 48 % 64); // a 64-byte-aligned header, then 6 * 8 bytes
/// ```
pub fn write_npy<A: FileArray>(writer: impl Write, array: &A) -> Result<(), DataError> {
    write_npy_at(writer, array, &Origin::memory())
}

pub(crate) fn write_npy_at<A: FileArray>(
    writer: impl Write,
    array: &A,
    origin: &Origin,
) -> Result<(), DataError> {
    let shape: Vec<u64> = array.file_shape().iter().map(|&d| d as u64).collect();
    A::Elem::write_npy_data(writer, &shape, array.as_row_major())
        .map_err(|e| DataError::io(origin, e))
}

/// The header of a `.npy` file, and a reader positioned at its data.
pub(crate) struct NpyHead<R: Read> {
    /// The declared shape.
    pub(crate) shape: Vec<u64>,
    /// The dtype when it is one this library has, else the file's notation.
    pub(crate) dtype: Result<Dtype, String>,
    /// Whether the data is stored in Fortran (column-major) order.
    pub(crate) fortran: bool,
    file: npyz::NpyFile<io::Chain<io::Cursor<Vec<u8>>, R>>,
}

/// Reads and checks the header: the part of reading shared by every target type (the checked
/// tensor types here; any later run-time-shaped type checks `shape` its own way, then calls
/// [`NpyHead::read_data`]).
pub(crate) fn read_head<R: Read>(mut reader: R, origin: &Origin) -> Result<NpyHead<R>, DataError> {
    let malformed =
        |reason: &dyn core::fmt::Display| DataError::malformed(origin, Format::Npy, reason);
    let read_err = |e: io::Error| match e.kind() {
        io::ErrorKind::UnexpectedEof => malformed(&"the file ends inside its header"),
        _ => DataError::io(origin, e),
    };

    // The preamble: magic string, version, header length (what `npyz` reads first). Checking
    // the length here keeps a corrupt one from sizing an allocation.
    let mut preamble = vec![0u8; 10];
    reader.read_exact(&mut preamble).map_err(read_err)?;
    if &preamble[..6] != b"\x93NUMPY" {
        return Err(malformed(
            &"it does not start with the magic string \\x93NUMPY",
        ));
    }
    let header_len = match preamble[6] {
        1 => usize::from(u16::from_le_bytes([preamble[8], preamble[9]])),
        2 | 3 => {
            preamble.resize(12, 0);
            reader.read_exact(&mut preamble[10..]).map_err(read_err)?;
            u32::from_le_bytes([preamble[8], preamble[9], preamble[10], preamble[11]]) as usize
        }
        major => {
            return Err(malformed(&std::format!(
                "unsupported format version {major}.{}",
                preamble[7]
            )));
        }
    };
    if header_len > MAX_HEADER_LEN {
        return Err(malformed(&std::format!(
            "its header claims {header_len} bytes, more than NumPy's limit of {MAX_HEADER_LEN}"
        )));
    }
    let start = preamble.len();
    preamble.resize(start + header_len, 0);
    reader
        .read_exact(&mut preamble[start..])
        .map_err(read_err)?;
    check_declared_shape(&preamble[start..]).map_err(|reason| malformed(&reason))?;

    let file =
        npyz::NpyFile::new(io::Cursor::new(preamble).chain(reader)).map_err(|e| malformed(&e))?;
    let dtype = match file.dtype() {
        npyz::DType::Plain(ts) => {
            let kind = match ts.type_char() {
                npyz::TypeChar::Int => Some('i'),
                npyz::TypeChar::Uint => Some('u'),
                npyz::TypeChar::Float => Some('f'),
                _ => None,
            };
            kind.and_then(|k| Dtype::from_kind_size(k, ts.size_field()))
                .ok_or_else(|| std::format!("'{ts}'"))
        }
        other => Err(other.descr()),
    };
    Ok(NpyHead {
        shape: file.shape().to_vec(),
        dtype,
        fortran: file.order() == npyz::Order::Fortran,
        file,
    })
}

/// Refuses a declared shape whose element count overflows `u64` or `usize` (`npyz` 0.9
/// multiplies the dimensions unchecked, a panic in debug builds). The header text is parsed
/// with `py_literal`, the parser `npyz` uses; anything it cannot read is left to `npyz`'s own
/// error.
fn check_declared_shape(header: &[u8]) -> Result<(), String> {
    use py_literal::Value;
    let Some(value) = core::str::from_utf8(header)
        .ok()
        .and_then(|s| s.trim_end().parse::<Value>().ok())
    else {
        return Ok(());
    };
    let Value::Dict(entries) = value else {
        return Ok(());
    };
    let Some((_, Value::Tuple(dims) | Value::List(dims))) = entries
        .iter()
        .find(|(k, _)| matches!(k, Value::String(s) if s == "shape"))
    else {
        return Ok(());
    };
    let mut count: u64 = 1;
    for dim in dims {
        let Value::Integer(n) = dim else {
            return Ok(());
        };
        // Negative or non-u64 dimensions: `npyz` reports them.
        let Ok(n) = u64::try_from(n) else {
            return Ok(());
        };
        count = count
            .checked_mul(n)
            .filter(|&c| usize::try_from(c).is_ok())
            .ok_or_else(|| {
                std::format!("its declared shape {dims:?} has more elements than fit in memory")
            })?;
    }
    Ok(())
}

impl<R: Read> NpyHead<R> {
    /// Reads the `count` elements of type `T` (whose dtype the caller checked) and returns them
    /// in row-major order.
    pub(crate) fn read_data<T: FileElement>(self, origin: &Origin) -> Result<Vec<T>, DataError> {
        let fortran = self.fortran;
        let shape: Vec<usize> = self.shape.iter().map(|&d| d as usize).collect();
        let data = T::read_npy_data(self.file).map_err(|e| match e.kind() {
            io::ErrorKind::UnexpectedEof => DataError::malformed(
                origin,
                Format::Npy,
                "the data ends before the shape's elements",
            ),
            io::ErrorKind::InvalidData => DataError::malformed(origin, Format::Npy, e),
            _ => DataError::io(origin, e),
        })?;
        Ok(if fortran {
            fortran_to_row_major(&data, &shape)
        } else {
            data
        })
    }
}

pub(crate) fn read_npy_at<A: FileArray>(
    reader: impl Read,
    origin: &Origin,
) -> Result<A, DataError> {
    let head = read_head(reader, origin)?;
    check_header::<A>(origin, &head.shape, head.dtype.clone())?;
    let data = head.read_data::<A::Elem>(origin)?;
    into_array(origin, Format::Npy, data)
}

/// Rearranges elements stored in Fortran (column-major) order into row-major order.
fn fortran_to_row_major<T: Copy>(data: &[T], shape: &[usize]) -> Vec<T> {
    // Fortran strides: the first axis is contiguous.
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
        // Advance the row-major multi-index: the last axis fastest.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fortran_order_matches_transposed_indexing() {
        // A 2 x 3 array [[0, 1, 2], [3, 4, 5]] stored column by column.
        let stored = [0, 3, 1, 4, 2, 5];
        assert_eq!(fortran_to_row_major(&stored, &[2, 3]), [0, 1, 2, 3, 4, 5]);
        // Rank 3: element (i, j, k) at i + 2 j + 6 k.
        let shape = [2, 3, 4];
        let stored: Vec<usize> = (0..24).collect();
        let out = fortran_to_row_major(&stored, &shape);
        let mut n = 0;
        for i in 0..2 {
            for j in 0..3 {
                for k in 0..4 {
                    assert_eq!(out[n], i + 2 * j + 6 * k);
                    n += 1;
                }
            }
        }
        assert!(fortran_to_row_major::<u8>(&[], &[0, 3]).is_empty());
    }

    #[test]
    fn overflowing_shapes_are_refused_before_npyz_sees_them() {
        let h = b"{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 2), }";
        assert!(check_declared_shape(h).is_err());
        let ok = b"{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }";
        assert!(check_declared_shape(ok).is_ok());
    }
}
