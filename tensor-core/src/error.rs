//! [`ShapeMismatch`]: the error of converting dynamically shaped data into a tensor.

use core::fmt;

/// Data of a runtime shape did not have the static shape of the tensor it was converted into.
///
/// Returned by the fallible conversions from dynamically shaped arrays (`TryFrom` an
/// `ndarray` array, with the feature `ndarray`). Its message names both shapes.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ShapeMismatch {
    expected: (usize, usize),
    found: (usize, usize),
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
        Self { expected, found }
    }

    /// The shape `(rows, cols)` of the tensor type converted into.
    ///
    /// ```
    /// use tensor_core::ShapeMismatch;
    ///
    /// assert_eq!(ShapeMismatch::new((2, 2), (4, 1)).expected(), (2, 2));
    /// ```
    #[must_use]
    pub const fn expected(&self) -> (usize, usize) {
        self.expected
    }

    /// The shape `(rows, cols)` of the data that was given.
    ///
    /// ```
    /// use tensor_core::ShapeMismatch;
    ///
    /// assert_eq!(ShapeMismatch::new((2, 2), (4, 1)).found(), (4, 1));
    /// ```
    #[must_use]
    pub const fn found(&self) -> (usize, usize) {
        self.found
    }
}

impl fmt::Display for ShapeMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (r, c) = self.expected;
        let (fr, fc) = self.found;
        write!(
            f,
            "cannot convert an array of shape ({fr}, {fc}) into a tensor of shape Shape<{r}, {c}>"
        )
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
    /// Flat data whose length is not a whole number of rows.
    Length {
        /// The number of elements given.
        len: usize,
        /// The shape of each row.
        row: &'static [usize],
    },
}

/// Writes `(rows, row...)` as NumPy prints a shape.
#[cfg(feature = "alloc")]
fn write_shape(f: &mut fmt::Formatter<'_>, rows: usize, row: &[usize]) -> fmt::Result {
    write!(f, "({rows}")?;
    for d in row {
        write!(f, ", {d}")?;
    }
    f.write_str(")")
}

#[cfg(feature = "alloc")]
impl fmt::Display for RowsMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Operands { left, right, row } => {
                f.write_str("operands could not be broadcast together with shapes ")?;
                write_shape(f, left, row)?;
                f.write_str(" ")?;
                write_shape(f, right, row)
            }
            Self::Rows {
                expected,
                found,
                row,
            } => {
                f.write_str("cannot convert a tensor of shape ")?;
                write_shape(f, found, row)?;
                f.write_str(" into a tensor of shape ")?;
                write_shape(f, expected, row)
            }
            Self::Length { len, row } => {
                let size: usize = row.iter().product();
                write!(f, "cannot arrange {len} elements in rows of shape (")?;
                for (i, d) in row.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    write!(f, "{sep}{d}")?;
                }
                if row.len() == 1 {
                    f.write_str(",")?;
                }
                write!(f, "): {len} is not a multiple of {size}")
            }
        }
    }
}

#[cfg(feature = "alloc")]
impl core::error::Error for RowsMismatch {}
