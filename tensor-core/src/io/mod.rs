//! Array files in and out (features `npy` and `safetensors`, which need `std`): NumPy's
//! `.npy` and `.npz`, and safetensors, read into and written from every tensor rank, on the
//! stack or boxed.
//!
//! | NumPy / safetensors | Rust |
//! |---|---|
//! | `w = np.load("w.npy")` | `let w: Tensor<f32, 784, 128> = load_npy("w.npy")?;` |
//! | `np.save("w.npy", w)` | `save_npy("w.npy", &w)?;` |
//! | `d = np.load("m.npz"); d["w1"]` | `NpzFile::open("m.npz")?.get::<Tensor<f32, 4, 16>>("w1")?` |
//! | `np.savez("m.npz", w1=w1)` | `let mut z = NpzWriter::create("m.npz")?; z.add("w1", &w1)?; z.finish()?;` |
//! | `load_file("m.safetensors")["w1"]` | `SafeTensorsFile::open("m.safetensors")?.get::<Tensor<f32, 4, 16>>("w1")?` |
//! | `save_file({"w1": w1}, "m.safetensors")` | `let mut s = SafeTensorsWriter::new(); s.add("w1", &w1)?; s.save("m.safetensors")?;` |
//!
//! The tensor type says what the file must hold: its shape and element type are checked
//! against the file's header before the data is read, and a file that does not match is a
//! [`DataError`] naming the file, the expected and the found shape and dtype. Element types are
//! never converted (a `float64` file does not read as `f32`). A truncated or corrupt file is a
//! [`DataError`] too, never a panic.
//!
//! Layout: `.npy` files in Fortran order are rearranged on reading (the tensor holds the array
//! `np.load` returns); big-endian files are read too. Files are written in C order,
//! little-endian. NumPy's 1-D arrays, shape `(N,)`, read into the broadcasting
//! row `RowVector<T, N>` or into `Vector<T, N>` (`Tensor<T, 1, N>`), both of shape `(1, N)`.
//!
//! To embed weights in the binary instead, with their shapes checked by the compiler, see the
//! `include_npy!` and `include_safetensors!` macros of the `tensor` crate.

mod array;
mod element;
mod error;
#[cfg(feature = "npy")]
mod npy;
#[cfg(feature = "npy")]
mod npz;
#[cfg(feature = "safetensors")]
mod safetensors;

pub use crate::error::ANY_ROWS;
pub use array::FileArray;
pub use element::{Dtype, FileElement};
pub use error::{DataError, Format, Origin};
#[cfg(feature = "npy")]
pub use npy::{load_npy, read_npy, save_npy, write_npy};
#[cfg(feature = "npy")]
pub use npz::{NpzFile, NpzWriter};
#[cfg(feature = "safetensors")]
pub use safetensors::{SafeTensorsFile, SafeTensorsWriter};
