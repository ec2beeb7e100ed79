//! [`FileElement`] and [`Dtype`]: the element types array files and this library share.

use core::fmt;
use std::vec::Vec;

use crate::Element;

/// An element type of an array file: the integers and floats that NumPy, safetensors and this
/// library all have. Reading never converts between them: a `float64` file does not load into
/// an `f32` tensor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dtype {
    /// `i8`: NumPy's `int8`, safetensors' `I8`.
    I8,
    /// `i16`: `int16`, `I16`.
    I16,
    /// `i32`: `int32`, `I32`.
    I32,
    /// `i64`: `int64`, `I64`.
    I64,
    /// `u8`: `uint8`, `U8`.
    U8,
    /// `u16`: `uint16`, `U16`.
    U16,
    /// `u32`: `uint32`, `U32`.
    U32,
    /// `u64`: `uint64`, `U64`.
    U64,
    /// `f32`: `float32`, `F32`.
    F32,
    /// `f64`: `float64`, `F64`.
    F64,
}

impl Dtype {
    /// NumPy's name of the dtype, as `a.dtype.name` prints it.
    ///
    /// ```
    /// use tensor_core::io::{Dtype, FileElement};
    ///
    /// assert_eq!(f32::DTYPE.numpy_name(), "float32");
    /// assert_eq!(Dtype::U8.numpy_name(), "uint8");
    /// ```
    #[must_use]
    pub const fn numpy_name(self) -> &'static str {
        match self {
            Self::I8 => "int8",
            Self::I16 => "int16",
            Self::I32 => "int32",
            Self::I64 => "int64",
            Self::U8 => "uint8",
            Self::U16 => "uint16",
            Self::U32 => "uint32",
            Self::U64 => "uint64",
            Self::F32 => "float32",
            Self::F64 => "float64",
        }
    }

    /// The size of one element in bytes.
    ///
    /// ```
    /// use tensor_core::io::Dtype;
    ///
    /// assert_eq!(Dtype::F64.size(), 8);
    /// ```
    #[must_use]
    pub const fn size(self) -> usize {
        match self {
            Self::I8 | Self::U8 => 1,
            Self::I16 | Self::U16 => 2,
            Self::I32 | Self::U32 | Self::F32 => 4,
            Self::I64 | Self::U64 | Self::F64 => 8,
        }
    }

    /// The dtype of NumPy's kind character (`'i'`, `'u'`, `'f'`) and size in bytes.
    pub(crate) fn from_kind_size(kind: char, size: u64) -> Option<Self> {
        Some(match (kind, size) {
            ('i', 1) => Self::I8,
            ('i', 2) => Self::I16,
            ('i', 4) => Self::I32,
            ('i', 8) => Self::I64,
            ('u', 1) => Self::U8,
            ('u', 2) => Self::U16,
            ('u', 4) => Self::U32,
            ('u', 8) => Self::U64,
            ('f', 4) => Self::F32,
            ('f', 8) => Self::F64,
            _ => return None,
        })
    }
}

impl fmt::Display for Dtype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.numpy_name())
    }
}

mod sealed {
    pub trait Sealed {}
}

/// An element type that array files can hold: `i8`..`i64`, `u8`..`u64`, `f32` and `f64`
/// (not `i128`, `u128`, `isize`, `usize`, which NumPy and safetensors do not store).
///
/// ```
/// use tensor_core::io::{Dtype, FileElement};
///
/// assert_eq!(<i16 as FileElement>::DTYPE, Dtype::I16);
/// ```
pub trait FileElement: Element + sealed::Sealed {
    /// The file dtype of this element type.
    const DTYPE: Dtype;

    /// Decodes little-endian bytes (a multiple of the element size) into elements.
    #[doc(hidden)]
    fn decode_le(bytes: &[u8]) -> Vec<Self>;

    /// Appends the little-endian bytes of `data` to `out`.
    #[doc(hidden)]
    fn encode_le(data: &[Self], out: &mut Vec<u8>);

    /// Reads the data of a `.npy` file whose header `npyz` has checked (either byte order).
    #[cfg(feature = "npy")]
    #[doc(hidden)]
    fn read_npy_data<R: std::io::Read>(file: npyz::NpyFile<R>) -> std::io::Result<Vec<Self>>;

    /// Writes a C-order little-endian `.npy` file of this dtype.
    #[cfg(feature = "npy")]
    #[doc(hidden)]
    fn write_npy_data<W: std::io::Write>(
        writer: W,
        shape: &[u64],
        data: &[Self],
    ) -> std::io::Result<()>;
}

macro_rules! file_element {
    ($($t:ty => $dtype:ident),* $(,)?) => {$(
        impl sealed::Sealed for $t {}

        impl FileElement for $t {
            const DTYPE: Dtype = Dtype::$dtype;

            fn decode_le(bytes: &[u8]) -> Vec<Self> {
                let (chunks, _) = bytes.as_chunks::<{ size_of::<$t>() }>();
                chunks.iter().map(|c| <$t>::from_le_bytes(*c)).collect()
            }

            fn encode_le(data: &[Self], out: &mut Vec<u8>) {
                out.reserve(size_of_val(data));
                for x in data {
                    out.extend_from_slice(&x.to_le_bytes());
                }
            }

            #[cfg(feature = "npy")]
            fn read_npy_data<R: std::io::Read>(file: npyz::NpyFile<R>) -> std::io::Result<Vec<Self>> {
                file.into_vec::<$t>()
            }

            #[cfg(feature = "npy")]
            fn write_npy_data<W: std::io::Write>(writer: W, shape: &[u64], data: &[Self]) -> std::io::Result<()> {
                use npyz::WriterBuilder;
                let mut w = npyz::WriteOptions::<$t>::new()
                    .default_dtype()
                    .shape(shape)
                    .writer(writer)
                    .begin_nd()?;
                w.extend(data.iter().copied())?;
                w.finish()
            }
        }
    )*};
}

file_element!(
    i8 => I8, i16 => I16, i32 => I32, i64 => I64,
    u8 => U8, u16 => U16, u32 => U32, u64 => U64,
    f32 => F32, f64 => F64,
);
