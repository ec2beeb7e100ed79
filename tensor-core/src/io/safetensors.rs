//! safetensors files: named little-endian tensors behind a JSON header, through the
//! `safetensors` crate (`safetensors.numpy.save_file` / `load_file`, PyTorch's format for
//! shared weights).

use std::borrow::Cow;
use std::fs;
use std::path::Path;
use std::string::{String, ToString};
use std::vec::Vec;

use safetensors::tensor::{Metadata, SafeTensorError, SafeTensors, View};

use super::array::{check_header, into_array};
use super::error::{DataError, Format, Origin};
use super::{Dtype, FileArray, FileElement};

/// The length of the little-endian `u64` header size that starts every safetensors file.
const HEADER_SIZE_LEN: usize = 8;

/// A safetensors file read into memory: `safetensors.numpy.load_file(path)`. Tensors are read
/// by name, each checked against the requested tensor type (shape and dtype, no conversion).
///
/// ```
/// use tensor_core::Tensor;
/// use tensor_core::io::{SafeTensorsFile, SafeTensorsWriter};
///
/// let path = std::env::temp_dir().join("tensor-doc-safetensorsfile.safetensors");
/// let mut out = SafeTensorsWriter::new(); // save_file({"w": w, "b": b}, path)
/// out.add("w", &Tensor::<f32, 2, 3>::ones()).unwrap();
/// out.add("b", &Tensor::<f32, 1, 3>::zeros()).unwrap();
/// out.save(&path).unwrap();
///
/// let st = SafeTensorsFile::open(&path).unwrap(); // d = load_file(path)
/// assert_eq!(st.names(), ["b", "w"]);
/// let w: Tensor<f32, 2, 3> = st.get("w").unwrap(); // d["w"]
/// assert_eq!(w, Tensor::ones());
/// ```
pub struct SafeTensorsFile {
    bytes: Vec<u8>,
    header_len: usize,
    metadata: Metadata,
    origin: Origin,
}

impl core::fmt::Debug for SafeTensorsFile {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SafeTensorsFile")
            .field("origin", &self.origin)
            .field("names", &self.names())
            .finish()
    }
}

impl SafeTensorsFile {
    /// Reads a safetensors file and parses its header.
    ///
    /// # Errors
    ///
    /// [`DataError::Io`] when the file cannot be read, [`DataError::Malformed`] when its header
    /// is not valid (too short, too long, not JSON, offsets that do not cover the data); both
    /// name the path.
    ///
    /// ```
    /// use tensor_core::io::SafeTensorsFile;
    ///
    /// assert!(SafeTensorsFile::open("no/such/model.safetensors").is_err());
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Self, DataError> {
        let path = path.as_ref();
        let origin = Origin::path(path);
        let bytes = fs::read(path).map_err(|e| DataError::io(&origin, e))?;
        Self::new_at(bytes, origin)
    }

    /// Parses the header of a safetensors file held in memory.
    ///
    /// # Errors
    ///
    /// [`DataError::Malformed`] when the header is not valid.
    ///
    /// ```
    /// use tensor_core::io::SafeTensorsFile;
    ///
    /// let err = SafeTensorsFile::from_bytes(vec![1, 2, 3]).unwrap_err();
    /// assert_eq!(err.to_string(), "<in-memory data>: not a valid safetensors file: header too small");
    /// ```
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, DataError> {
        Self::new_at(bytes, Origin::memory())
    }

    fn new_at(bytes: Vec<u8>, origin: Origin) -> Result<Self, DataError> {
        check_offsets(&bytes)
            .map_err(|reason| DataError::malformed(&origin, Format::SafeTensors, reason))?;
        let (header_len, metadata) = SafeTensors::read_metadata(&bytes)
            .map_err(|e| DataError::malformed(&origin, Format::SafeTensors, e))?;
        Ok(Self {
            bytes,
            header_len,
            metadata,
            origin,
        })
    }

    /// The names of the tensors in the file, sorted.
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::io::{SafeTensorsFile, SafeTensorsWriter};
    ///
    /// let mut out = SafeTensorsWriter::new();
    /// out.add("fc.bias", &Tensor::<f64, 1, 2>::zeros()).unwrap();
    /// let st = SafeTensorsFile::from_bytes(out.to_bytes().unwrap()).unwrap();
    /// assert_eq!(st.names(), ["fc.bias"]);
    /// ```
    #[must_use]
    pub fn names(&self) -> Vec<String> {
        let mut names = self.metadata.offset_keys();
        names.sort();
        names
    }

    /// Reads the tensor `name` as the tensor type `A`.
    ///
    /// # Errors
    ///
    /// [`DataError::MissingArray`] listing the file's tensors when it has none of that name,
    /// [`DataError::Mismatch`] naming the file, the tensor, and the expected and found shape
    /// and dtype when they differ from `A`'s.
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::io::{SafeTensorsFile, SafeTensorsWriter};
    ///
    /// let mut out = SafeTensorsWriter::new();
    /// out.add("w", &Tensor::<f32, 2, 2>::eye()).unwrap();
    /// let st = SafeTensorsFile::from_bytes(out.to_bytes().unwrap()).unwrap();
    /// assert_eq!(st.get::<Tensor<f32, 2, 2>>("w").unwrap(), Tensor::eye());
    /// let err = st.get::<Tensor<f64, 2, 2>>("w").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "<in-memory data>, array `w`: expected an array of shape (2, 2) and dtype float64, \
    ///      found shape (2, 2) and dtype float32"
    /// );
    /// ```
    pub fn get<A: FileArray>(&self, name: &str) -> Result<A, DataError> {
        let origin = self.origin.with_array(name);
        let Some(info) = self.metadata.info(name) else {
            return Err(DataError::MissingArray {
                origin: self.origin.clone(),
                name: name.into(),
                available: self.names(),
            });
        };
        let shape: Vec<u64> = info.shape.iter().map(|&d| d as u64).collect();
        check_header::<A>(&origin, &shape, dtype_of(info.dtype))?;
        // `read_metadata` checked that the offsets lie inside the file and match shape and dtype.
        let (start, end) = info.data_offsets;
        let base = HEADER_SIZE_LEN + self.header_len;
        let bytes = self.bytes.get(base + start..base + end).ok_or_else(|| {
            DataError::malformed(
                &origin,
                Format::SafeTensors,
                "the tensor's offsets lie outside the file",
            )
        })?;
        into_array(&origin, Format::SafeTensors, A::Elem::decode_le(bytes))
    }
}

/// Refuses data offsets past the end of the file before `safetensors` sees them: its 0.8
/// validation adds the offsets' end to the header length unchecked, a panic in debug builds
/// when they sum past `usize::MAX`. Headers it cannot read here are left to `safetensors`' own
/// error.
fn check_offsets(bytes: &[u8]) -> Result<(), String> {
    let Some((len, rest)) = bytes.split_first_chunk::<HEADER_SIZE_LEN>() else {
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
            return Err(std::format!(
                "the data of tensor `{name}` ends at byte {end}, past the end of the file's {data_len} data bytes"
            ));
        }
    }
    Ok(())
}

/// This library's dtype for a safetensors dtype, or the file's name for it.
fn dtype_of(dtype: safetensors::Dtype) -> Result<Dtype, String> {
    use safetensors::Dtype as S;
    Ok(match dtype {
        S::I8 => Dtype::I8,
        S::I16 => Dtype::I16,
        S::I32 => Dtype::I32,
        S::I64 => Dtype::I64,
        S::U8 => Dtype::U8,
        S::U16 => Dtype::U16,
        S::U32 => Dtype::U32,
        S::U64 => Dtype::U64,
        S::F32 => Dtype::F32,
        S::F64 => Dtype::F64,
        other => return Err(std::format!("{other:?}")),
    })
}

/// The safetensors dtype of this library's dtype.
fn safetensors_dtype(dtype: Dtype) -> safetensors::Dtype {
    use safetensors::Dtype as S;
    match dtype {
        Dtype::I8 => S::I8,
        Dtype::I16 => S::I16,
        Dtype::I32 => S::I32,
        Dtype::I64 => S::I64,
        Dtype::U8 => S::U8,
        Dtype::U16 => S::U16,
        Dtype::U32 => S::U32,
        Dtype::U64 => S::U64,
        Dtype::F32 => S::F32,
        Dtype::F64 => S::F64,
    }
}

/// One tensor to write: its dtype, shape and little-endian bytes.
struct Entry {
    dtype: Dtype,
    shape: Vec<usize>,
    bytes: Vec<u8>,
}

impl View for &Entry {
    fn dtype(&self) -> safetensors::Dtype {
        safetensors_dtype(self.dtype)
    }

    fn shape(&self) -> &[usize] {
        &self.shape
    }

    fn data(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(&self.bytes)
    }

    fn data_len(&self) -> usize {
        self.bytes.len()
    }
}

/// Named tensors to write as a safetensors file: `save_file({"name": array, ...}, path)`.
///
/// ```
/// use tensor_core::{Tensor, Tensor3};
/// use tensor_core::io::{SafeTensorsFile, SafeTensorsWriter};
///
/// let mut out = SafeTensorsWriter::new();
/// out.add("image", &Tensor3::<u8, 4, 4, 3>::zeros()).unwrap();
/// let st = SafeTensorsFile::from_bytes(out.to_bytes().unwrap()).unwrap();
/// assert_eq!(st.get::<Tensor3<u8, 4, 4, 3>>("image").unwrap(), Tensor3::zeros());
/// ```
#[derive(Default)]
pub struct SafeTensorsWriter {
    entries: Vec<(String, Entry)>,
}

impl core::fmt::Debug for SafeTensorsWriter {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let names: Vec<&str> = self.entries.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("SafeTensorsWriter")
            .field("names", &names)
            .finish()
    }
}

impl SafeTensorsWriter {
    /// An empty set of tensors.
    ///
    /// ```
    /// use tensor_core::io::SafeTensorsWriter;
    ///
    /// let bytes = SafeTensorsWriter::new().to_bytes().unwrap();
    /// assert_eq!(&bytes[8..], b"{}      "); // an empty JSON header, padded to 8 bytes
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a copy of `array` under `name`.
    ///
    /// # Errors
    ///
    /// [`DataError::DuplicateName`] when a tensor of that name was already added.
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::io::SafeTensorsWriter;
    ///
    /// let mut out = SafeTensorsWriter::new();
    /// out.add("w", &Tensor::<i32, 2, 2>::zeros()).unwrap();
    /// assert_eq!(
    ///     out.add("w", &Tensor::<i32, 1, 1>::zeros()).unwrap_err().to_string(),
    ///     "<in-memory data>: an array named `w` was already added"
    /// );
    /// ```
    pub fn add<A: FileArray>(&mut self, name: &str, array: &A) -> Result<(), DataError> {
        if self.entries.iter().any(|(n, _)| n == name) {
            return Err(DataError::DuplicateName {
                origin: Origin::memory(),
                name: name.into(),
            });
        }
        let mut bytes = Vec::new();
        A::Elem::encode_le(array.as_row_major(), &mut bytes);
        let entry = Entry {
            dtype: A::Elem::DTYPE,
            shape: array.file_shape(),
            bytes,
        };
        self.entries.push((name.to_string(), entry));
        Ok(())
    }

    /// The file's bytes: header, then the tensors' data.
    ///
    /// # Errors
    ///
    /// [`DataError::Malformed`] when the header would exceed the format's 100 MB limit.
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::io::SafeTensorsWriter;
    ///
    /// let mut out = SafeTensorsWriter::new();
    /// out.add("x", &Tensor::<f32, 1, 2>::ones()).unwrap();
    /// let bytes = out.to_bytes().unwrap();
    /// assert_eq!(&bytes[bytes.len() - 8..], &[0, 0, 0x80, 0x3f, 0, 0, 0x80, 0x3f]); // 1.0f32 twice
    /// ```
    pub fn to_bytes(&self) -> Result<Vec<u8>, DataError> {
        self.serialize(&Origin::memory())
    }

    fn serialize(&self, origin: &Origin) -> Result<Vec<u8>, DataError> {
        safetensors::serialize(self.entries.iter().map(|(n, e)| (n.as_str(), e)), None)
            .map_err(|e: SafeTensorError| DataError::malformed(origin, Format::SafeTensors, e))
    }

    /// Writes the file `path`.
    ///
    /// # Errors
    ///
    /// [`DataError::Io`] naming the path when it cannot be written.
    ///
    /// ```
    /// use tensor_core::io::SafeTensorsWriter;
    ///
    /// assert!(SafeTensorsWriter::new().save("no/such/dir/m.safetensors").is_err());
    /// ```
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), DataError> {
        let path = path.as_ref();
        let origin = Origin::path(path);
        let bytes = self.serialize(&origin)?;
        fs::write(path, bytes).map_err(|e| DataError::io(&origin, e))
    }
}
