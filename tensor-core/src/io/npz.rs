//! NumPy's `.npz` archives: several named `.npy` arrays in one zip file (`np.savez`,
//! `np.savez_compressed`, `np.load(path)["name"]`).

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::path::Path;
use std::string::{String, ToString};
use std::vec::Vec;

use zip::result::ZipError;
use zip::write::SimpleFileOptions;

use super::FileArray;
use super::error::{DataError, Format, Origin};
use super::npy::{read_npy_at, write_npy_at};

/// A `.npz` archive open for reading: `np.load("model.npz")`. Arrays are read by name, each
/// checked against the requested tensor type as [`load_npy`](super::load_npy) does; archives
/// written by `np.savez` (stored) and `np.savez_compressed` (deflate) both read.
///
/// ```
/// use tensor_core::Tensor;
/// use tensor_core::io::{NpzFile, NpzWriter};
///
/// let path = std::env::temp_dir().join("tensor-doc-npzfile.npz");
/// let mut out = NpzWriter::create(&path).unwrap(); // np.savez(path, w=w, b=b)
/// out.add("w", &Tensor::<f32, 2, 3>::ones()).unwrap();
/// out.add("b", &Tensor::<f32, 1, 3>::zeros()).unwrap();
/// out.finish().unwrap();
///
/// let mut npz = NpzFile::open(&path).unwrap(); // npz = np.load(path)
/// assert_eq!(npz.names(), ["b", "w"]);
/// let w: Tensor<f32, 2, 3> = npz.get("w").unwrap(); // npz["w"]
/// assert_eq!(w, Tensor::ones());
/// ```
pub struct NpzFile<R: Read + Seek> {
    archive: zip::ZipArchive<R>,
    origin: Origin,
}

impl<R: Read + Seek> core::fmt::Debug for NpzFile<R> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NpzFile")
            .field("origin", &self.origin)
            .field("names", &self.names())
            .finish()
    }
}

impl NpzFile<BufReader<File>> {
    /// Opens a `.npz` file and reads its table of contents.
    ///
    /// # Errors
    ///
    /// [`DataError::Io`] when the file cannot be opened, [`DataError::Malformed`] when it is not
    /// a zip archive; both name the path.
    ///
    /// ```
    /// use tensor_core::io::NpzFile;
    ///
    /// let err = NpzFile::open("no/such/model.npz").unwrap_err();
    /// assert!(err.to_string().starts_with("no/such/model.npz: "));
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Self, DataError> {
        let path = path.as_ref();
        let origin = Origin::path(path);
        let file = File::open(path).map_err(|e| DataError::io(&origin, e))?;
        Self::new_at(BufReader::new(file), origin)
    }
}

impl<R: Read + Seek> NpzFile<R> {
    /// Reads the table of contents of a `.npz` archive from any seekable reader (an in-memory
    /// `Cursor`, a file).
    ///
    /// # Errors
    ///
    /// [`DataError::Malformed`] when the bytes are not a zip archive.
    ///
    /// ```
    /// use std::io::Cursor;
    /// use tensor_core::io::NpzFile;
    ///
    /// assert!(NpzFile::new(Cursor::new(b"not a zip archive".to_vec())).is_err());
    /// ```
    pub fn new(reader: R) -> Result<Self, DataError> {
        Self::new_at(reader, Origin::memory())
    }

    fn new_at(reader: R, origin: Origin) -> Result<Self, DataError> {
        let archive = zip::ZipArchive::new(reader).map_err(|e| zip_error(&origin, e))?;
        Ok(Self { archive, origin })
    }

    /// The names of the arrays in the archive (its `.npy` entries without the extension, as
    /// `np.load(path).files`), sorted.
    ///
    /// ```
    /// use std::io::Cursor;
    /// use tensor_core::Tensor;
    /// use tensor_core::io::{NpzFile, NpzWriter};
    ///
    /// let mut out = NpzWriter::new(Cursor::new(Vec::new()));
    /// out.add("layer1.weight", &Tensor::<f32, 2, 2>::eye()).unwrap();
    /// let npz = NpzFile::new(Cursor::new(out.finish().unwrap().into_inner())).unwrap();
    /// assert_eq!(npz.names(), ["layer1.weight"]);
    /// ```
    #[must_use]
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .archive
            .file_names()
            .filter_map(Result::ok)
            .filter_map(|f| npyz::npz::array_name_from_file_name(&f).map(ToString::to_string))
            .collect();
        names.sort();
        names
    }

    /// Reads the array `name` as the tensor type `A`: `np.load(path)[name]`.
    ///
    /// # Errors
    ///
    /// [`DataError::MissingArray`] listing the archive's arrays when it has none of that name;
    /// otherwise the errors of [`load_npy`](super::load_npy), naming the archive and the array.
    ///
    /// ```
    /// use std::io::Cursor;
    /// use tensor_core::Tensor;
    /// use tensor_core::io::{NpzFile, NpzWriter};
    ///
    /// let mut out = NpzWriter::new(Cursor::new(Vec::new()));
    /// out.add("w", &Tensor::<i64, 1, 2>::ones()).unwrap();
    /// let mut npz = NpzFile::new(Cursor::new(out.finish().unwrap().into_inner())).unwrap();
    /// let err = npz.get::<Tensor<i64, 1, 2>>("b").unwrap_err();
    /// assert_eq!(err.to_string(), "<in-memory data>: no array named `b`; the archive holds `w`");
    /// ```
    pub fn get<A: FileArray>(&mut self, name: &str) -> Result<A, DataError> {
        let origin = self.origin.with_array(name);
        let available = self.names();
        match self
            .archive
            .by_name(&npyz::npz::file_name_from_array_name(name))
        {
            Ok(mut entry) => {
                let array = read_npy_at(&mut entry, &origin)?;
                // Read to the end of the entry, where the zip reader checks its CRC: a corrupt
                // entry is an error, not a tensor of wrong values.
                io::copy(&mut entry, &mut io::sink())
                    .map_err(|e| DataError::malformed(&origin, Format::Npz, e))?;
                Ok(array)
            }
            Err(ZipError::FileNotFound) => Err(DataError::MissingArray {
                origin: self.origin.clone(),
                name: name.into(),
                available,
            }),
            Err(e) => Err(zip_error(&origin, e)),
        }
    }
}

/// A `.npz` archive being written: `np.savez(path, name=array, ...)`. Each array is stored
/// uncompressed as a `.npy` entry, as `np.savez` does; call [`finish`](Self::finish) to write
/// the archive's table of contents.
///
/// ```
/// use std::io::Cursor;
/// use tensor_core::{Tensor, Tensor4};
/// use tensor_core::io::{NpzFile, NpzWriter};
///
/// let mut out = NpzWriter::new(Cursor::new(Vec::new()));
/// out.add("kernel", &Tensor4::<f32, 2, 3, 3, 1>::ones()).unwrap();
/// let bytes = out.finish().unwrap().into_inner();
/// let mut npz = NpzFile::new(Cursor::new(bytes)).unwrap();
/// assert_eq!(npz.get::<Tensor4<f32, 2, 3, 3, 1>>("kernel").unwrap(), Tensor4::ones());
/// ```
pub struct NpzWriter<W: Write + Seek> {
    zip: zip::ZipWriter<W>,
    origin: Origin,
    names: BTreeSet<String>,
}

impl<W: Write + Seek> core::fmt::Debug for NpzWriter<W> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NpzWriter")
            .field("origin", &self.origin)
            .field("names", &self.names)
            .finish()
    }
}

impl NpzWriter<BufWriter<File>> {
    /// Creates (or truncates) the file `path` for a new archive.
    ///
    /// # Errors
    ///
    /// [`DataError::Io`] naming the path when the file cannot be created.
    ///
    /// ```
    /// use tensor_core::io::NpzWriter;
    ///
    /// assert!(NpzWriter::create("no/such/dir/model.npz").is_err());
    /// ```
    pub fn create(path: impl AsRef<Path>) -> Result<Self, DataError> {
        let path = path.as_ref();
        let origin = Origin::path(path);
        let file = File::create(path).map_err(|e| DataError::io(&origin, e))?;
        Ok(Self {
            zip: zip::ZipWriter::new(BufWriter::new(file)),
            origin,
            names: BTreeSet::new(),
        })
    }
}

impl<W: Write + Seek> NpzWriter<W> {
    /// Starts an archive in any seekable writer (an in-memory `Cursor`, a file).
    ///
    /// ```
    /// use std::io::Cursor;
    /// use tensor_core::io::NpzWriter;
    ///
    /// let empty = NpzWriter::new(Cursor::new(Vec::new())).finish().unwrap();
    /// assert!(!empty.into_inner().is_empty()); // an empty archive still has its end record
    /// ```
    pub fn new(writer: W) -> Self {
        Self {
            zip: zip::ZipWriter::new(writer),
            origin: Origin::memory(),
            names: BTreeSet::new(),
        }
    }

    /// Adds `array` under `name` (the entry `name.npy`).
    ///
    /// # Errors
    ///
    /// [`DataError::DuplicateName`] when an array of that name was already added,
    /// [`DataError::Io`] when writing fails.
    ///
    /// ```
    /// use std::io::Cursor;
    /// use tensor_core::Tensor;
    /// use tensor_core::io::NpzWriter;
    ///
    /// let mut out = NpzWriter::new(Cursor::new(Vec::new()));
    /// out.add("w", &Tensor::<f32, 1, 1>::ones()).unwrap();
    /// assert!(out.add("w", &Tensor::<f32, 1, 1>::ones()).is_err());
    /// ```
    pub fn add<A: FileArray>(&mut self, name: &str, array: &A) -> Result<(), DataError> {
        let origin = self.origin.with_array(name);
        if !self.names.insert(name.into()) {
            return Err(DataError::DuplicateName {
                origin: self.origin.clone(),
                name: name.into(),
            });
        }
        let bytes = size_of_val(array.as_row_major()) as u64;
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .large_file(bytes >= u64::from(u32::MAX) - 4096);
        self.zip
            .start_file(npyz::npz::file_name_from_array_name(name), options)
            .map_err(|e| zip_error(&origin, e))?;
        write_npy_at(&mut self.zip, array, &origin)
    }

    /// Writes the table of contents and returns the writer.
    ///
    /// # Errors
    ///
    /// [`DataError::Io`] when writing fails.
    ///
    /// ```
    /// use std::io::Cursor;
    /// use tensor_core::Tensor;
    /// use tensor_core::io::NpzWriter;
    ///
    /// let mut out = NpzWriter::new(Cursor::new(Vec::new()));
    /// out.add("x", &Tensor::<u8, 1, 4>::ones()).unwrap();
    /// let bytes = out.finish().unwrap().into_inner();
    /// assert!(bytes.starts_with(b"PK"));
    /// ```
    pub fn finish(self) -> Result<W, DataError> {
        let origin = self.origin;
        let mut w = self.zip.finish().map_err(|e| zip_error(&origin, e))?;
        w.flush().map_err(|e| DataError::io(&origin, e))?;
        Ok(w)
    }
}

fn zip_error(origin: &Origin, e: ZipError) -> DataError {
    match e {
        ZipError::Io(e) if e.kind() != std::io::ErrorKind::UnexpectedEof => {
            DataError::io(origin, e)
        }
        e => DataError::malformed(origin, Format::Npz, e),
    }
}
