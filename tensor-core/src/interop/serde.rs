//! `serde` (feature `serde`): a tensor is a sequence of `R` rows, each a sequence of `C`
//! elements, like NumPy's `a.tolist()`.
//!
//! Rows and elements are serialized as tuples (fixed length, like serde does for arrays), so
//! self-describing formats write nested lists (`[[1,2],[3,4]]` in JSON) and compact formats
//! write no lengths. Deserializing checks both lengths and reports a mismatch as an error that
//! names the expected shape, never a panic.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeTuple, Serializer};

use crate::Tensor;

/// Serializes the rows as a tuple of `C` elements.
struct Row<'a, T, const C: usize>(&'a [T; C]);

impl<T: Serialize, const C: usize> Serialize for Row<'_, T, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(C)?;
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

/// Reads one row of `C` elements; `index` is its position, for error messages.
struct RowVisitor<T, const R: usize, const C: usize> {
    index: usize,
    marker: PhantomData<T>,
}

impl<'de, T, const R: usize, const C: usize> Visitor<'de> for RowVisitor<T, R, C>
where
    T: Deserialize<'de> + Default,
{
    type Value = [T; C];

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {} of a tensor of shape Shape<{R}, {C}> to have {C} elements",
            self.index
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<[T; C], A::Error> {
        let mut row: [T; C] = core::array::from_fn(|_| T::default());
        fill_from_seq(seq, &mut row, |s| s.next_element(), &self)?;
        Ok(row)
    }
}

/// Deserializes one row with [`RowVisitor`], inside the outer sequence.
struct RowSeed<T, const R: usize, const C: usize>(RowVisitor<T, R, C>);

impl<'de, T, const R: usize, const C: usize> de::DeserializeSeed<'de> for RowSeed<T, R, C>
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
                let row = RowSeed(RowVisitor::<T, R, C> {
                    index,
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
