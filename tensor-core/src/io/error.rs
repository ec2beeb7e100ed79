//! [`DataError`]: what went wrong reading or writing an array file, and where.

use core::fmt;
use std::boxed::Box;
use std::path::{Path, PathBuf};
use std::string::String;
use std::vec::Vec;

use super::Dtype;
use crate::error::ShapeDisplay;

/// Where an array came from or went to: a file (when the call was given a path) and, in an
/// archive of several arrays (`.npz`, safetensors), the array's name. Its `Display` starts
/// every [`DataError`] message.
///
/// ```
/// # #[cfg(feature = "npy")] {
/// use tensor_core::Tensor;
/// use tensor_core::io::{DataError, load_npy};
///
/// let Err(DataError::Io { origin, .. }) = load_npy::<Tensor<f32, 1, 1>>("missing.npy") else { panic!() };
/// assert_eq!(origin.to_string(), "missing.npy");
/// # }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin(Box<Location>);

/// The parts of an [`Origin`], behind one pointer so that errors stay small.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Location {
    path: Option<PathBuf>,
    array: Option<String>,
}

impl Origin {
    pub(crate) fn path(path: &Path) -> Self {
        Self(Box::new(Location {
            path: Some(path.to_path_buf()),
            array: None,
        }))
    }

    pub(crate) fn memory() -> Self {
        Self::default()
    }

    pub(crate) fn with_array(&self, name: &str) -> Self {
        Self(Box::new(Location {
            path: self.0.path.clone(),
            array: Some(name.into()),
        }))
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Location { path, array } = &*self.0;
        match path {
            Some(path) => write!(f, "{}", path.display())?,
            None => f.write_str("<in-memory data>")?,
        }
        if let Some(name) = array {
            write!(f, ", array `{name}`")?;
        }
        Ok(())
    }
}

/// The file format an error is about.
///
/// ```
/// use tensor_core::io::Format;
///
/// assert_eq!(Format::Npz.to_string(), ".npz");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// NumPy's `.npy` (one array).
    Npy,
    /// NumPy's `.npz` (a zip archive of `.npy` files).
    Npz,
    /// safetensors (named tensors behind a JSON header).
    SafeTensors,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Npy => ".npy",
            Self::Npz => ".npz",
            Self::SafeTensors => "safetensors",
        })
    }
}

/// Reading or writing an array file failed. The message names the file (when the call was
/// given a path), the array in an archive, and what is wrong; a file that does not match the
/// requested tensor type names the expected and the found shape and dtype.
///
/// ```
/// # #[cfg(feature = "npy")] {
/// use tensor_core::Tensor;
/// use tensor_core::io::{DataError, read_npy, write_npy};
///
/// let mut bytes = Vec::new();
/// write_npy(&mut bytes, &Tensor::<f64, 2, 3>::zeros()).unwrap();
/// let err = read_npy::<Tensor<f32, 3, 2>>(&bytes[..]).unwrap_err();
/// assert!(matches!(err, DataError::Mismatch { .. }));
/// assert_eq!(
///     err.to_string(),
///     "<in-memory data>: expected an array of shape (3, 2) and dtype float32, \
///      found shape (2, 3) and dtype float64"
/// );
/// # }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum DataError {
    /// The file could not be opened, read or written.
    Io {
        /// The file.
        origin: Origin,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The bytes are not a valid file of the format: wrong magic string, truncated header or
    /// data, corrupt header, declared sizes that do not fit in memory, a broken zip archive.
    Malformed {
        /// The file, and the array in an archive.
        origin: Origin,
        /// The format the file was read as.
        format: Format,
        /// What is wrong.
        reason: String,
    },
    /// The array is valid but does not have the requested tensor type's shape or dtype.
    Mismatch {
        /// The file, and the array in an archive.
        origin: Origin,
        /// The shape of the requested tensor type; for a [`DynArray`](crate::DynArray),
        /// whose rows any number fits, the first entry is [`ANY_ROWS`](crate::io::ANY_ROWS)
        /// (printed `n`).
        expected_shape: Vec<usize>,
        /// The element type of the requested tensor type.
        expected_dtype: Dtype,
        /// The shape in the file's header.
        found_shape: Vec<u64>,
        /// The dtype in the file's header: NumPy's name when it is one this library knows
        /// (`float64`), else the file's own notation (`'<f2'`, `BF16`).
        found_dtype: String,
    },
    /// An archive (`.npz`, safetensors) holds no array of the requested name.
    MissingArray {
        /// The archive.
        origin: Origin,
        /// The requested name.
        name: String,
        /// The names the archive holds.
        available: Vec<String>,
    },
    /// Two arrays of the same name were added to an archive being written.
    DuplicateName {
        /// The archive.
        origin: Origin,
        /// The repeated name.
        name: String,
    },
}

impl DataError {
    /// The file the error is about, when the call was given a path.
    ///
    /// ```
    /// # #[cfg(feature = "npy")] {
    /// use tensor_core::Tensor;
    /// use tensor_core::io::load_npy;
    ///
    /// let err = load_npy::<Tensor<f32, 2, 2>>("no/such/file.npy").unwrap_err();
    /// assert_eq!(err.path(), Some(std::path::Path::new("no/such/file.npy")));
    /// # }
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.origin().0.path.as_deref()
    }

    /// The name of the array in an archive (`.npz`, safetensors) the error is about.
    ///
    /// ```
    /// # #[cfg(feature = "npy")] {
    /// use tensor_core::Tensor;
    /// use tensor_core::io::{NpzFile, NpzWriter};
    ///
    /// let mut out = NpzWriter::new(std::io::Cursor::new(Vec::new()));
    /// out.add("w", &Tensor::<f32, 2, 2>::zeros()).unwrap();
    /// let bytes = out.finish().unwrap().into_inner();
    /// let mut npz = NpzFile::new(std::io::Cursor::new(bytes)).unwrap();
    /// let err = npz.get::<Tensor<f32, 3, 3>>("w").unwrap_err();
    /// assert_eq!(err.array_name(), Some("w"));
    /// # }
    /// ```
    #[must_use]
    pub fn array_name(&self) -> Option<&str> {
        self.origin().0.array.as_deref()
    }

    fn origin(&self) -> &Origin {
        match self {
            Self::Io { origin, .. }
            | Self::Malformed { origin, .. }
            | Self::Mismatch { origin, .. }
            | Self::MissingArray { origin, .. }
            | Self::DuplicateName { origin, .. } => origin,
        }
    }

    pub(crate) fn malformed(origin: &Origin, format: Format, reason: impl fmt::Display) -> Self {
        Self::Malformed {
            origin: origin.clone(),
            format,
            reason: std::format!("{reason}"),
        }
    }

    pub(crate) fn io(origin: &Origin, source: std::io::Error) -> Self {
        Self::Io {
            origin: origin.clone(),
            source,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.origin())?;
        match self {
            Self::Io { source, .. } => write!(f, "{source}"),
            Self::Malformed { format, reason, .. } => {
                write!(f, "not a valid {format} file: {reason}")
            }
            Self::Mismatch {
                expected_shape,
                expected_dtype,
                found_shape,
                found_dtype,
                ..
            } => write!(
                f,
                "expected an array of shape {} and dtype {expected_dtype}, found shape {} and dtype {found_dtype}",
                ShapeDisplay(expected_shape),
                ShapeDisplay(found_shape),
            ),
            Self::MissingArray {
                name, available, ..
            } => {
                write!(f, "no array named `{name}`; the archive holds ")?;
                if available.is_empty() {
                    return f.write_str("no arrays");
                }
                for (i, a) in available.iter().enumerate() {
                    write!(f, "{}`{a}`", if i == 0 { "" } else { ", " })?;
                }
                Ok(())
            }
            Self::DuplicateName { name, .. } => {
                write!(f, "an array named `{name}` was already added")
            }
        }
    }
}

impl core::error::Error for DataError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
