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
