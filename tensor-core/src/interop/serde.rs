//! `serde` (feature `serde`): a tensor is a sequence of `R` rows, each a sequence of `C`
//! elements, like NumPy's `a.tolist()`.
//!
//! Rows and elements are serialized as tuples (fixed length, like serde does for arrays), so
//! self-describing formats write nested lists (`[[1,2],[3,4]]` in JSON) and compact formats
//! write no lengths. Deserializing checks both lengths and reports a mismatch as an error that
//! names the expected shape, never a panic.
//!
//! With the feature `alloc`, a [`DynTensor<T, C>`](crate::DynTensor) is written the same way,
//! as a sequence of its `n` rows (a sequence with its length, since `n` is not in the type;
//! JSON cannot tell the two apart), and reads any number of rows of `C` elements.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeTuple, Serializer};

use crate::Tensor;

/// Serializes a row as a tuple of its elements.
struct Row<'a, T>(&'a [T]);

impl<T: Serialize> Serialize for Row<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(self.0.len())?;
        for x in self.0 {
            tuple.serialize_element(x)?;
        }
        tuple.end()
    }
}

impl<T: Serialize, const R: usize, const C: usize> Serialize for Tensor<T, R, C> {
    /// Writes the `R` rows of `C` elements as nested sequences.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// assert_eq!(serde_json::to_string(&m).unwrap(), "[[1,2,3],[4,5,6]]");
    /// ```
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(R)?;
        for row in &self.data {
            tuple.serialize_element(&Row(row))?;
        }
        tuple.end()
    }
}

/// Fills `slots` from a sequence, failing on too few or too many elements. `expecting` writes
/// what the sequence should be, for error messages.
fn fill_from_seq<'de, A, T, E>(
    mut seq: A,
    slots: &mut [T],
    mut next: impl FnMut(&mut A) -> Result<Option<T>, A::Error>,
    expecting: &E,
) -> Result<(), A::Error>
where
    A: SeqAccess<'de>,
    E: de::Expected,
{
    for (k, slot) in slots.iter_mut().enumerate() {
        *slot = next(&mut seq)?.ok_or_else(|| de::Error::invalid_length(k, expecting))?;
    }
    // Count the surplus, so the error says how long the sequence really was.
    let mut len = slots.len();
    while seq.next_element::<IgnoredAny>()?.is_some() {
        len += 1;
    }
    if len != slots.len() {
        return Err(de::Error::invalid_length(len, expecting));
    }
    Ok(())
}

/// Reads one row of `C` elements; `index` is its position and `rows` the tensor's static
/// row count (`None` for a run-time one), for error messages.
struct RowVisitor<T, const C: usize> {
    index: usize,
    rows: Option<usize>,
    marker: PhantomData<T>,
}

impl<'de, T, const C: usize> Visitor<'de> for RowVisitor<T, C>
where
    T: Deserialize<'de> + Default,
{
    type Value = [T; C];

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {} of a tensor of shape ", self.index)?;
        match self.rows {
            Some(rows) => write!(f, "Shape<{rows}, {C}>")?,
            None => write!(f, "(n, {C})")?,
        }
        write!(f, " to have {C} elements")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<[T; C], A::Error> {
        let mut row: [T; C] = core::array::from_fn(|_| T::default());
        fill_from_seq(seq, &mut row, |s| s.next_element(), &self)?;
        Ok(row)
    }
}

/// Deserializes one row with [`RowVisitor`], inside the outer sequence.
struct RowSeed<T, const C: usize>(RowVisitor<T, C>);

impl<'de, T, const C: usize> de::DeserializeSeed<'de> for RowSeed<T, C>
where
    T: Deserialize<'de> + Default,
{
    type Value = [T; C];

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<[T; C], D::Error> {
        deserializer.deserialize_tuple(C, self.0)
    }
}

/// Reads the `R` rows of a tensor.
struct TensorVisitor<T, const R: usize, const C: usize>(PhantomData<T>);

impl<'de, T, const R: usize, const C: usize> Visitor<'de> for TensorVisitor<T, R, C>
where
    T: Deserialize<'de> + Default,
{
    type Value = Tensor<T, R, C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a tensor of shape Shape<{R}, {C}>: {R} rows of {C} elements"
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Tensor<T, R, C>, A::Error> {
        let mut data: [[T; C]; R] =
            core::array::from_fn(|_| core::array::from_fn(|_| T::default()));
        let mut index = 0;
        fill_from_seq(
            seq,
            &mut data,
            |s| {
                let row = RowSeed(RowVisitor::<T, C> {
                    index,
                    rows: Some(R),
                    marker: PhantomData,
                });
                index += 1;
                s.next_element_seed(row)
            },
            &self,
        )?;
        Ok(Tensor { data })
    }
}

impl<'de, T, const R: usize, const C: usize> Deserialize<'de> for Tensor<T, R, C>
where
    T: Deserialize<'de> + Default,
{
    /// Reads `R` rows of `C` elements. Any other number of rows or elements in a row is an
    /// error naming the expected shape.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m: Tensor<f64, 2, 2> = serde_json::from_str("[[1.0, 2.0], [3.0, 4.0]]").unwrap();
    /// assert_eq!(m, Tensor::from([[1.0, 2.0], [3.0, 4.0]]));
    ///
    /// let err = serde_json::from_str::<Tensor<f64, 2, 2>>("[[1.0, 2.0]]").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid length 1, expected a tensor of shape Shape<2, 2>: 2 rows of 2 elements at line 1 column 12"
    /// );
    /// ```
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_tuple(R, TensorVisitor(PhantomData))
    }
}

#[cfg(feature = "alloc")]
mod rows {
    use alloc::vec::Vec;
    use core::fmt;
    use core::marker::PhantomData;

    use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
    use serde::ser::{Serialize, SerializeSeq, Serializer};

    use super::{Row, RowSeed, RowVisitor};
    use crate::DynTensor;

    impl<T: Serialize, const C: usize> Serialize for DynTensor<T, C> {
        /// Writes the `n` rows of `C` elements as nested sequences, as a static tensor of
        /// `n` rows is written.
        ///
        /// ```
        /// use tensor_core::DynTensor;
        ///
        /// let x = DynTensor::<i32, 3>::from_vec(vec![1, 2, 3, 4, 5, 6]).unwrap();
        /// assert_eq!(serde_json::to_string(&x).unwrap(), "[[1,2,3],[4,5,6]]");
        /// assert_eq!(serde_json::to_string(&DynTensor::<i32, 3>::zeros(0)).unwrap(), "[]");
        /// ```
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut seq = serializer.serialize_seq(Some(self.nrows()))?;
            for row in self.iter_rows() {
                seq.serialize_element(&Row(row.as_flat()))?;
            }
            seq.end()
        }
    }

    /// Reads the rows of a run-time tensor.
    struct RowsVisitor<T, const C: usize>(PhantomData<T>);

    impl<'de, T, const C: usize> Visitor<'de> for RowsVisitor<T, C>
    where
        T: Deserialize<'de> + Default,
    {
        type Value = DynTensor<T, C>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a tensor of shape (n, {C}): rows of {C} elements")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DynTensor<T, C>, A::Error> {
            // The length announced by the data, trusted only up to a bound.
            let rows_hint = seq.size_hint().unwrap_or(0).min(4096);
            let mut data = Vec::with_capacity(rows_hint * C);
            let mut rows = 0;
            while let Some(row) = seq.next_element_seed(RowSeed(RowVisitor::<T, C> {
                index: rows,
                rows: None,
                marker: PhantomData,
            }))? {
                data.extend(row);
                rows += 1;
            }
            Ok(DynTensor::from_parts(rows, data))
        }
    }

    impl<'de, T, const C: usize> Deserialize<'de> for DynTensor<T, C>
    where
        T: Deserialize<'de> + Default,
    {
        /// Reads any number of rows of `C` elements. A row of another length is an error
        /// naming the row and the expected shape.
        ///
        /// ```
        /// use tensor_core::DynTensor;
        ///
        /// let x: DynTensor<f64, 2> = serde_json::from_str("[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]").unwrap();
        /// assert_eq!(x.shape(), (3, 2));
        ///
        /// let err = serde_json::from_str::<DynTensor<f64, 2>>("[[1.0, 2.0], [3.0]]").unwrap_err();
        /// assert_eq!(
        ///     err.to_string(),
        ///     "invalid length 1, expected row 1 of a tensor of shape (n, 2) to have 2 elements at line 1 column 18"
        /// );
        /// ```
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_seq(RowsVisitor(PhantomData))
        }
    }
}
