//! [`FileArray`]: the tensor types array files read into and write from, and the shape and
//! dtype check at the boundary.

use std::boxed::Box;
use std::string::String;
use std::vec::Vec;

use super::error::{DataError, Origin};
use super::{Dtype, FileElement};
use crate::error::ANY_ROWS;
use crate::shape::Dims;
use crate::{Array, DynArray};

mod sealed {
    pub trait Sealed {}
}

/// A tensor type that array files hold: every [`Array`] ([`Tensor`](crate::Tensor),
/// [`Tensor3`](crate::Tensor3), [`RowVector`](crate::RowVector), ...) and its boxed form
/// (`Box<Tensor<..>>`, built on the heap, for tensors too large for the stack), of a
/// [`FileElement`] type. Its shape and element type are what a file must declare.
///
/// A `Tensor<T, R, C>` is stored as a 2-D array of shape `(R, C)`. As everywhere in this
/// library, NumPy's 1-D array of shape `(N,)` is a row of shape `(1, N)`: the broadcasting
/// [`RowVector<T, N>`](crate::RowVector) or [`Vector<T, N>`](crate::Vector) (`Tensor<T, 1,
/// N>`). Reading accepts a file of shape `(N,)` or `(1, N)` for either, and writing writes
/// `(1, N)` (the type's own rank); `np.load(..).ravel()` gives the 1-D array back.
///
/// ```
/// use tensor_core::{Tensor, Tensor3};
/// use tensor_core::io::FileArray;
///
/// assert_eq!(<Tensor<f32, 3, 4> as FileArray>::SHAPE, &[3, 4]);
/// assert_eq!(<Box<Tensor3<u8, 28, 28, 3>> as FileArray>::SHAPE, &[28, 28, 3]);
/// ```
pub trait FileArray: Sized + sealed::Sealed {
    /// The element type.
    type Elem: FileElement;
    /// The shape, from the outermost axis to the innermost.
    const SHAPE: &'static [usize];

    /// Builds the tensor from its elements in row-major order, or gives them back when there
    /// are not exactly as many as the shape holds.
    #[doc(hidden)]
    fn from_row_major(data: Vec<Self::Elem>) -> Result<Self, Vec<Self::Elem>>;

    /// The elements in row-major order.
    #[doc(hidden)]
    fn as_row_major(&self) -> &[Self::Elem];

    /// Whether the type takes any number of rows in front of [`SHAPE`](Self::SHAPE) (a
    /// [`DynArray`](crate::DynArray), whose `SHAPE` is the shape of a row).
    #[doc(hidden)]
    const ANY_ROWS: bool = false;

    /// The shape of this value, as written to a file.
    #[doc(hidden)]
    fn file_shape(&self) -> Vec<usize> {
        Self::SHAPE.to_vec()
    }
}

impl<T: FileElement, S: Dims> sealed::Sealed for Array<T, S> {}
impl<T: FileElement, S: Dims> sealed::Sealed for Box<Array<T, S>> {}

impl<T: FileElement, S: Dims> FileArray for Array<T, S> {
    type Elem = T;
    const SHAPE: &'static [usize] = S::DIMS;

    fn from_row_major(data: Vec<T>) -> Result<Self, Vec<T>> {
        if data.len() != S::SIZE {
            return Err(data);
        }
        Ok(Self::from_flat_fn(|k| data[k]))
    }

    fn as_row_major(&self) -> &[T] {
        self.as_flat()
    }
}

impl<T: FileElement, S: Dims> FileArray for Box<Array<T, S>> {
    type Elem = T;
    const SHAPE: &'static [usize] = S::DIMS;

    fn from_row_major(data: Vec<T>) -> Result<Self, Vec<T>> {
        Array::boxed_from_vec(data)
    }

    fn as_row_major(&self) -> &[T] {
        self.as_flat()
    }
}

impl<T: FileElement, S: Dims> sealed::Sealed for DynArray<T, S> {}

/// A [`DynArray`] reads a file of any number of rows of its row shape: `(n, 784)` for a
/// `DynTensor<f32, 784>`.
impl<T: FileElement, S: Dims> FileArray for DynArray<T, S> {
    type Elem = T;
    const SHAPE: &'static [usize] = S::DIMS;
    const ANY_ROWS: bool = true;

    fn from_row_major(data: Vec<T>) -> Result<Self, Vec<T>> {
        // Rows without elements leave the file's row count out of the data.
        if S::SIZE == 0 {
            return Err(data);
        }
        DynArray::from_whole_rows(data)
    }

    fn as_row_major(&self) -> &[T] {
        self.as_flat()
    }

    fn file_shape(&self) -> Vec<usize> {
        let dims = self.dims();
        dims[..=S::RANK].to_vec()
    }
}

/// Whether a file's shape fits the type `A`'s: equal, `(N,)` for a `(1, N)` row vector, or any
/// number of rows of `A::SHAPE` for a `DynArray`.
pub(crate) fn shape_fits<A: FileArray>(found: &[u64]) -> bool {
    let same = |e: &[usize], f: &[u64]| {
        e.len() == f.len() && e.iter().zip(f).all(|(&e, &f)| e as u64 == f)
    };
    let expected = A::SHAPE;
    if A::ANY_ROWS {
        return found.len() == expected.len() + 1 && same(expected, &found[1..]);
    }
    same(expected, found)
        || (expected.len() == 2 && expected[0] == 1 && same(&expected[1..], found))
}

/// The shape the type `A` asks for, as [`DataError::Mismatch`] reports it.
fn expected_shape<A: FileArray>() -> Vec<usize> {
    let rows = A::ANY_ROWS.then_some(ANY_ROWS);
    rows.into_iter().chain(A::SHAPE.iter().copied()).collect()
}

/// Checks a file's header against the requested type `A`, before its data is read.
/// `found_dtype` is the file's dtype when this library knows it, else the file's notation.
pub(crate) fn check_header<A: FileArray>(
    origin: &Origin,
    found_shape: &[u64],
    found_dtype: Result<Dtype, String>,
) -> Result<(), DataError> {
    let expected = <A::Elem as FileElement>::DTYPE;
    if found_dtype.as_ref().is_ok_and(|&d| d == expected) && shape_fits::<A>(found_shape) {
        return Ok(());
    }
    Err(DataError::Mismatch {
        origin: origin.clone(),
        expected_shape: expected_shape::<A>(),
        expected_dtype: expected,
        found_shape: found_shape.to_vec(),
        found_dtype: found_dtype.map_or_else(|s| s, |d| String::from(d.numpy_name())),
    })
}

/// Builds `A` from row-major elements read after [`check_header`] passed.
pub(crate) fn into_array<A: FileArray>(
    origin: &Origin,
    format: super::Format,
    data: Vec<A::Elem>,
) -> Result<A, DataError> {
    A::from_row_major(data).map_err(|data| {
        DataError::malformed(
            origin,
            format,
            std::format!(
                "the file holds {} elements, not {} of its shape",
                data.len(),
                if A::ANY_ROWS {
                    "whole rows"
                } else {
                    "the count"
                }
            ),
        )
    })
}
