//! [`ShapeMismatch`]: the error of converting dynamically shaped data into a tensor.

use core::fmt;

/// Data of a runtime shape did not have the static shape of the tensor it was converted into.
///
/// Returned by the fallible conversions from dynamically shaped arrays (`TryFrom` an
/// `ndarray` array, with the feature `ndarray`), for every rank. Its message names both shapes.
///
/// ```
/// use tensor_core::ShapeMismatch;
///
/// let e = ShapeMismatch::new((2, 3), (3, 2));
/// assert_eq!(e.expected(), (2, 3));
/// assert_eq!(e.found(), (3, 2));
/// assert_eq!(
///     e.to_string(),
///     "cannot convert an array of shape (3, 2) into a tensor of shape Shape<2, 3>"
/// );
/// ```
///
/// A rank-3 or rank-4 tensor's error names its whole shape:
///
/// ```
/// use tensor_core::ShapeMismatch;
///
/// let e = ShapeMismatch::from_dims(&[2, 3, 4], &[2, 4, 3]);
/// assert_eq!(e.expected_dims(), &[2, 3, 4]);
/// assert_eq!(
///     e.to_string(),
///     "cannot convert an array of shape (2, 4, 3) into a tensor of shape Shape3<2, 3, 4>"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ShapeMismatch {
    /// The tensor type's shape, padded with zeros past `rank`.
    expected: [usize; 4],
    /// The data's shape, padded with zeros past `rank`.
    found: [usize; 4],
    /// The rank of both (an `ndarray` array of a fixed rank is converted into a tensor of
    /// that rank).
    rank: usize,
}

impl ShapeMismatch {
    /// An error for data of shape `found` where a tensor of shape `expected` was wanted.
    ///
    /// ```
    /// use tensor_core::ShapeMismatch;
    ///
    /// assert_eq!(ShapeMismatch::new((1, 4), (1, 5)).found(), (1, 5));
    /// ```
    #[must_use]
    pub const fn new(expected: (usize, usize), found: (usize, usize)) -> Self {
        Self {
            expected: [expected.0, expected.1, 0, 0],
            found: [found.0, found.1, 0, 0],
            rank: 2,
        }
    }

    /// An error for data of shape `found` where a tensor of shape `expected` was wanted, for a
    /// rank from 1 to 4.
    ///
    /// # Panics
    ///
    /// If the two ranks differ or are not in `1..=4`.
    ///
    /// ```
    /// use tensor_core::ShapeMismatch;
    ///
    /// let e = ShapeMismatch::from_dims(&[8, 28, 28, 1], &[8, 28, 28, 3]);
    /// assert_eq!(e.found_dims(), &[8, 28, 28, 3]);
    /// ```
    #[must_use]
    #[track_caller]
    pub fn from_dims(expected: &[usize], found: &[usize]) -> Self {
        let rank = expected.len();
        assert!(
            rank == found.len() && (1..=4).contains(&rank),
            "ShapeMismatch::from_dims: shapes of ranks {} and {}; both must be 1 to 4",
            rank,
            found.len()
        );
        let (mut e, mut f) = ([0; 4], [0; 4]);
        e[..rank].copy_from_slice(expected);
        f[..rank].copy_from_slice(found);
        Self {
            expected: e,
            found: f,
            rank,
        }
    }

    /// The shape of the tensor type converted into, every axis.
    ///
    /// ```
    /// use tensor_core::ShapeMismatch;
    ///
    /// assert_eq!(ShapeMismatch::new((2, 2), (4, 1)).expected_dims(), &[2, 2]);
    /// ```
    #[must_use]
    pub fn expected_dims(&self) -> &[usize] {
        &self.expected[..self.rank]
    }

    /// The shape of the data that was given, every axis.
    ///
    /// ```
    /// use tensor_core::ShapeMismatch;
    ///
    /// assert_eq!(ShapeMismatch::new((2, 2), (4, 1)).found_dims(), &[4, 1]);
    /// ```
    #[must_use]
    pub fn found_dims(&self) -> &[usize] {
        &self.found[..self.rank]
    }

    /// The shape `(rows, cols)` of the tensor type converted into (its first two axes for a
    /// rank-3 or rank-4 tensor: see [`expected_dims`](Self::expected_dims)).
    ///
    /// ```
    /// use tensor_core::ShapeMismatch;
    ///
    /// assert_eq!(ShapeMismatch::new((2, 2), (4, 1)).expected(), (2, 2));
    /// ```
    #[must_use]
    pub const fn expected(&self) -> (usize, usize) {
        (self.expected[0], self.expected[1])
    }

    /// The shape `(rows, cols)` of the data that was given (its first two axes for a rank-3
    /// or rank-4 array: see [`found_dims`](Self::found_dims)).
    ///
    /// ```
    /// use tensor_core::ShapeMismatch;
    ///
    /// assert_eq!(ShapeMismatch::new((2, 2), (4, 1)).found(), (4, 1));
    /// ```
    #[must_use]
    pub const fn found(&self) -> (usize, usize) {
        (self.found[0], self.found[1])
    }
}

impl fmt::Display for ShapeMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// `d0, d1, ..`
        fn list(f: &mut fmt::Formatter<'_>, dims: &[usize]) -> fmt::Result {
            for (i, d) in dims.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{d}")?;
            }
            Ok(())
        }
        f.write_str("cannot convert an array of shape (")?;
        list(f, self.found_dims())?;
        if self.rank == 1 {
            f.write_str(",")?;
        }
        // The shape types' names: `Shape1`, `Shape<R, C>`, `Shape3`, `Shape4`.
        let name = match self.rank {
            1 => "Shape1",
            2 => "Shape",
            3 => "Shape3",
            _ => "Shape4",
        };
        write!(f, ") into a tensor of shape {name}<")?;
        list(f, self.expected_dims())?;
        f.write_str(">")
    }
}

impl core::error::Error for ShapeMismatch {}

/// A run-time number of rows did not fit: the error of the `try_` operations of
/// [`DynArray`](crate::DynArray) and of its conversions. Its message names the shapes as NumPy
/// does, the row shape included.
///
/// ```
/// use tensor_core::{DynTensor, RowsMismatch};
///
/// let a = DynTensor::<f32, 3>::zeros(2);
/// let b = DynTensor::<f32, 3>::zeros(5);
/// let e = a.try_add(&b).unwrap_err();
/// assert_eq!(e, RowsMismatch::Operands { left: 2, right: 5, row: &[3] });
/// assert_eq!(e.to_string(), "operands could not be broadcast together with shapes (2, 3) (5, 3)");
/// ```
#[cfg(feature = "alloc")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowsMismatch {
    /// Two run-time tensors combined elementwise have different row counts.
    Operands {
        /// The left operand's rows.
        left: usize,
        /// The right operand's rows.
        right: usize,
        /// The shape of each row.
        row: &'static [usize],
    },
    /// A run-time tensor converted into a tensor with a static number of rows.
    Rows {
        /// The rows of the static tensor type.
        expected: usize,
        /// The rows of the run-time tensor.
        found: usize,
        /// The shape of each row.
        row: &'static [usize],
    },
    /// A matrix product whose inner dimensions, run-time row counts, differ: `x.t().matmul(&y)`
    /// of an `(n, K)` `x` and an `(m, C)` `y` with `n != m`.
    TransposedProduct {
        /// The left operand's shape as multiplied, `(K, n)` for the transpose of `x`.
        left: [usize; 2],
        /// The right operand's shape, `(m, C)`.
        right: [usize; 2],
    },
    /// An array of another crate (`ndarray`, `nalgebra`) converted into a run-time tensor
    /// whose row shape is not the array's trailing axes (a matrix's columns): `(5, 3)` into a
    /// `DynTensor<T, 4>`, `(5, 28, 27)` into a `DynTensor3<T, 28, 28>`.
    Columns {
        /// The shape of the array given, of rank `row.len() + 1`, padded with zeros to 4 axes.
        found: [usize; 4],
        /// The shape of each row of the tensor type.
        row: &'static [usize],
    },
    /// Flat data whose length is not a whole number of rows.
    Length {
        /// The number of elements given.
        len: usize,
        /// The shape of each row.
        row: &'static [usize],
    },
}

/// The shape `(rows, row...)` of `rows` rows of shape `row` (of rank at most 3), in a buffer
/// padded with zeros, and its rank.
#[cfg(feature = "alloc")]
pub(crate) fn rows_shape(rows: usize, row: &[usize]) -> ([usize; 4], usize) {
    let mut dims = [0; 4];
    dims[0] = rows;
    dims[1..=row.len()].copy_from_slice(row);
    (dims, row.len() + 1)
}

#[cfg(feature = "alloc")]
impl fmt::Display for RowsMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Operands { left, right, row } => {
                let ((l, rank), (r, _)) = (rows_shape(left, row), rows_shape(right, row));
                let (l, r) = (ShapeDisplay(&l[..rank]), ShapeDisplay(&r[..rank]));
                write!(
                    f,
                    "operands could not be broadcast together with shapes {l} {r}"
                )
            }
            Self::Rows {
                expected,
                found,
                row,
            } => {
                let ((e, rank), (g, _)) = (rows_shape(expected, row), rows_shape(found, row));
                let (e, g) = (ShapeDisplay(&e[..rank]), ShapeDisplay(&g[..rank]));
                write!(
                    f,
                    "cannot convert a tensor of shape {g} into a tensor of shape {e}"
                )
            }
            Self::TransposedProduct { left, right } => {
                let (l, r) = (ShapeDisplay(&left), ShapeDisplay(&right));
                write!(
                    f,
                    "cannot multiply {l} by {r}: inner dimensions {} and {} differ",
                    left[1], right[0]
                )
            }
            Self::Columns { found, row } => {
                let (e, rank) = rows_shape(ANY_ROWS, row);
                let (e, g) = (ShapeDisplay(&e[..rank]), ShapeDisplay(&found[..rank]));
                write!(
                    f,
                    "cannot convert an array of shape {g} into a tensor of shape {e}"
                )
            }
            Self::Length { len, row } => {
                let size: usize = row.iter().product();
                let row = ShapeDisplay(row);
                write!(
                    f,
                    "cannot arrange {len} elements in rows of shape {row}: {len} is not a multiple of {size}"
                )
            }
        }
    }
}

#[cfg(feature = "alloc")]
impl core::error::Error for RowsMismatch {}

/// The size that stands for a run-time number of rows where a shape is reported (the first
/// entry of `io::DataError::Mismatch`'s `expected_shape` when the requested type is a
/// [`DynArray`](crate::DynArray), which takes any number of rows); printed `n`.
#[cfg(feature = "alloc")]
pub const ANY_ROWS: usize = usize::MAX;

/// Writes a shape as NumPy prints it: `(3, 4)`, `(4,)`, `()`; a size of [`ANY_ROWS`] prints
/// as `n`.
#[cfg(feature = "alloc")]
pub(crate) struct ShapeDisplay<'a, D>(pub(crate) &'a [D]);

#[cfg(feature = "alloc")]
impl<D: fmt::Display + Copy + TryInto<usize>> fmt::Display for ShapeDisplay<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(")?;
        for (i, &d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            if d.try_into().is_ok_and(|d| d == ANY_ROWS) {
                f.write_str("n")?;
            } else {
                write!(f, "{d}")?;
            }
        }
        if self.0.len() == 1 {
            f.write_str(",")?;
        }
        f.write_str(")")
    }
}

/// The arguments of [`Array::try_arange`](crate::Array::try_arange) do not give the tensor's
/// number of elements, or give no sequence at all. Its message names both lengths.
///
/// ```
/// use tensor_core::{ArangeError, Vector};
///
/// let e = Vector::<i32, 3>::try_arange(2, 9, 2).unwrap_err();
/// assert_eq!(e, ArangeError::Length { expected: 3, found: 4 });
/// assert_eq!(
///     e.to_string(),
///     "arange(start, stop, step) has 4 elements, but the tensor holds 3"
/// );
/// assert_eq!(Vector::<f64, 3>::try_arange(0.0, 1.0, 0.0), Err(ArangeError::ZeroStep));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArangeError {
    /// The step is zero (NumPy raises `ZeroDivisionError`).
    ZeroStep,
    /// A float argument is NaN or infinite (NumPy raises `ValueError`).
    NotFinite,
    /// The sequence has `found` elements, `ceil((stop - start) / step)` or 0 when the step
    /// points away from `stop`, but the tensor type holds `expected`.
    Length {
        /// The number of elements of the tensor type.
        expected: usize,
        /// The number of elements of the sequence (saturating at `usize::MAX`).
        found: usize,
    },
}

impl fmt::Display for ArangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::ZeroStep => f.write_str("arange: the step must not be zero"),
            Self::NotFinite => f.write_str("arange: the arguments must be finite"),
            Self::Length { expected, found } => write!(
                f,
                "arange(start, stop, step) has {found} elements, but the tensor holds {expected}"
            ),
        }
    }
}

impl core::error::Error for ArangeError {}
