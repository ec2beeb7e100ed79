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
//!
//! Rank 3 and 4 nest one level more per axis (`Tensor3`/`Tensor4` as tuples, `DynTensor3`/
//! `DynTensor4` as a sequence of their rows, each nested tuples), like `a.tolist()` of a 3-D or
//! 4-D array; every length is checked on reading, an error naming the place (`a[1, 2]`) and the
//! shape.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeTuple, Serializer};

use crate::shape::Dims;
use crate::{Array, Tensor, Tensor3, Tensor4};

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

/// Serializes the row-major elements `data` of shape `dims` (at least one axis) as nested
/// tuples, one level per axis.
struct Nested<'a, T> {
    data: &'a [T],
    dims: &'a [usize],
}

impl<T: Serialize> Serialize for Nested<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some((&len, inner)) = self.dims.split_first() else {
            return Row(self.data).serialize(serializer);
        };
        if inner.is_empty() {
            return Row(self.data).serialize(serializer);
        }
        let size: usize = inner.iter().product();
        let mut tuple = serializer.serialize_tuple(len)?;
        for k in 0..len {
            tuple.serialize_element(&Nested {
                data: &self.data[k * size..(k + 1) * size],
                dims: inner,
            })?;
        }
        tuple.end()
    }
}

/// Where a nested sequence of a rank-3 or rank-4 tensor sits, for error messages: the
/// tensor's row count (`None` for a run-time one, written `n`), its row shape, and the index
/// path of the sequence (`depth` indices; 0 for the whole tensor).
#[derive(Clone, Copy)]
struct Place {
    rows: Option<usize>,
    row: &'static [usize],
    path: [usize; 4],
    depth: usize,
}

impl Place {
    /// The number of elements the sequence at this place holds.
    fn len(&self) -> Option<usize> {
        match self.depth {
            0 => self.rows,
            d => Some(self.row[d - 1]),
        }
    }

    /// The place of element `k` of this sequence.
    fn child(&self, k: usize) -> Self {
        let mut path = self.path;
        path[self.depth] = k;
        Self {
            path,
            depth: self.depth + 1,
            ..*self
        }
    }
}

impl de::Expected for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, dims: &[usize]| {
            for (i, d) in dims.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{d}")?;
            }
            Ok(())
        };
        let shape = |f: &mut fmt::Formatter<'_>| -> fmt::Result {
            match self.rows {
                Some(rows) => {
                    write!(f, "Shape{}<{rows}, ", self.row.len() + 1)?;
                    list(f, self.row)?;
                    f.write_str(">")
                }
                None => {
                    f.write_str("(n, ")?;
                    list(f, self.row)?;
                    f.write_str(")")
                }
            }
        };
        if self.depth == 0 {
            f.write_str("a tensor of shape ")?;
            shape(f)?;
            match self.rows {
                Some(rows) => write!(f, ": {rows} rows of shape (")?,
                None => f.write_str(": rows of shape (")?,
            }
            list(f, self.row)?;
            return f.write_str(")");
        }
        f.write_str("a[")?;
        list(f, &self.path[..self.depth])?;
        f.write_str("] of a tensor of shape ")?;
        shape(f)?;
        write!(f, " to have {} elements", self.row[self.depth - 1])
    }
}

/// Reads the nested sequence at `place` into `out` (as many slots as it holds, row-major).
struct NestedVisitor<'a, T> {
    out: &'a mut [T],
    place: Place,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for NestedVisitor<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        de::Expected::fmt(&self.place, f)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Self { out, place } = self;
        let len = place.len().unwrap_or(0);
        let inner = &place.row[place.depth..];
        if inner.is_empty() {
            for (k, slot) in out.iter_mut().enumerate() {
                *slot = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(k, &place))?;
            }
        } else {
            let size: usize = inner.iter().product();
            let mut rest = out;
            for k in 0..len {
                let (head, tail) = core::mem::take(&mut rest).split_at_mut(size);
                rest = tail;
                let seed = NestedSeed {
                    out: head,
                    place: place.child(k),
                };
                seq.next_element_seed(seed)?
                    .ok_or_else(|| de::Error::invalid_length(k, &place))?;
            }
        }
        // Count the surplus, so the error says how long the sequence really was.
        let mut found = len;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            found += 1;
        }
        if found != len {
            return Err(de::Error::invalid_length(found, &place));
        }
        Ok(())
    }
}

/// Deserializes the nested sequence at `place` with [`NestedVisitor`].
struct NestedSeed<'a, T> {
    out: &'a mut [T],
    place: Place,
}

impl<'de, T: Deserialize<'de>> de::DeserializeSeed<'de> for NestedSeed<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let len = self.place.len().unwrap_or(0);
        deserializer.deserialize_tuple(
            len,
            NestedVisitor {
                out: self.out,
                place: self.place,
            },
        )
    }
}

/// Reads a static tensor of shape `S` (rank 3 or 4) as nested tuples.
fn deserialize_static<'de, T, S, D>(deserializer: D) -> Result<Array<T, S>, D::Error>
where
    T: Deserialize<'de> + Default,
    S: Dims,
    D: Deserializer<'de>,
{
    let mut out = Array::<T, S>::from_flat_fn(|_| T::default());
    let place = Place {
        rows: Some(S::DIMS[0]),
        row: &S::DIMS[1..],
        path: [0; 4],
        depth: 0,
    };
    let seed = NestedSeed {
        out: out.as_flat_mut(),
        place,
    };
    de::DeserializeSeed::deserialize(seed, deserializer)?;
    Ok(out)
}

impl<T: Serialize, const D0: usize, const D1: usize, const D2: usize> Serialize
    for Tensor3<T, D0, D1, D2>
{
    /// Writes the `D0` matrices of `D1` rows of `D2` elements as nested sequences.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let t = Tensor3::<i32, 2, 2, 2>::arange();
    /// assert_eq!(serde_json::to_string(&t).unwrap(), "[[[0,1],[2,3]],[[4,5],[6,7]]]");
    /// ```
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Nested {
            data: self.as_flat(),
            dims: &[D0, D1, D2],
        }
        .serialize(serializer)
    }
}

impl<'de, T, const D0: usize, const D1: usize, const D2: usize> Deserialize<'de>
    for Tensor3<T, D0, D1, D2>
where
    T: Deserialize<'de> + Default,
{
    /// Reads `D0` matrices of `D1` rows of `D2` elements. Any other length at any level is an
    /// error naming the place and the expected shape.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let t: Tensor3<i32, 2, 1, 2> = serde_json::from_str("[[[1, 2]], [[3, 4]]]").unwrap();
    /// assert_eq!(t[(1, 0, 1)], 4);
    ///
    /// let err = serde_json::from_str::<Tensor3<i32, 2, 1, 2>>("[[[1, 2]], [[3]]]").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid length 1, expected a[1, 0] of a tensor of shape Shape3<2, 1, 2> to have 2 elements at line 1 column 15"
    /// );
    /// ```
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_static(deserializer)
    }
}

impl<T: Serialize, const D0: usize, const D1: usize, const D2: usize, const D3: usize> Serialize
    for Tensor4<T, D0, D1, D2, D3>
{
    /// Writes the tensor as nested sequences, four levels deep.
    ///
    /// ```
    /// use tensor_core::Tensor4;
    ///
    /// let t = Tensor4::<i32, 1, 2, 1, 2>::arange();
    /// assert_eq!(serde_json::to_string(&t).unwrap(), "[[[[0,1]],[[2,3]]]]");
    /// ```
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Nested {
            data: self.as_flat(),
            dims: &[D0, D1, D2, D3],
        }
        .serialize(serializer)
    }
}

impl<'de, T, const D0: usize, const D1: usize, const D2: usize, const D3: usize> Deserialize<'de>
    for Tensor4<T, D0, D1, D2, D3>
where
    T: Deserialize<'de> + Default,
{
    /// Reads nested sequences of shape `(D0, D1, D2, D3)`. Any other length at any level is an
    /// error naming the place and the expected shape.
    ///
    /// ```
    /// use tensor_core::Tensor4;
    ///
    /// let t: Tensor4<i32, 1, 2, 1, 2> = serde_json::from_str("[[[[0,1]],[[2,3]]]]").unwrap();
    /// assert_eq!(t, Tensor4::arange());
    ///
    /// let err = serde_json::from_str::<Tensor4<i32, 1, 2, 1, 2>>("[[[[0,1]]]]").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid length 1, expected a[0] of a tensor of shape Shape4<1, 2, 1, 2> to have 2 elements at line 1 column 10"
    /// );
    /// ```
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_static(deserializer)
    }
}

#[cfg(feature = "alloc")]
mod rows {
    use alloc::vec::Vec;
    use core::fmt;
    use core::marker::PhantomData;

    use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
    use serde::ser::{Serialize, SerializeSeq, Serializer};

    use serde::de;

    use super::{Nested, NestedSeed, Place, Row, RowSeed, RowVisitor};
    use crate::shape::Dims;
    use crate::{DynArray, DynTensor, DynTensor3, DynTensor4};

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

    /// Writes the `n` rows of a run-time tensor of rank 3 or 4 as a sequence of nested tuples.
    fn serialize_rows<T: Serialize, S: Dims, Ser: Serializer>(
        x: &DynArray<T, S>,
        serializer: Ser,
    ) -> Result<Ser::Ok, Ser::Error> {
        let mut seq = serializer.serialize_seq(Some(x.nrows()))?;
        for row in x.iter_rows() {
            seq.serialize_element(&Nested {
                data: row.as_flat(),
                dims: S::DIMS,
            })?;
        }
        seq.end()
    }

    /// Reads the rows of a run-time tensor of rank 3 or 4.
    struct NestedRowsVisitor<T, S>(PhantomData<(T, S)>);

    impl<'de, T, S: Dims> Visitor<'de> for NestedRowsVisitor<T, S>
    where
        T: Deserialize<'de> + Default + Clone,
    {
        type Value = DynArray<T, S>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            de::Expected::fmt(&top::<S>(), f)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DynArray<T, S>, A::Error> {
            // The length announced by the data, trusted only up to a bound.
            let rows_hint = seq.size_hint().unwrap_or(0).min(4096);
            let mut data = Vec::with_capacity(rows_hint * S::SIZE);
            let mut rows = 0;
            loop {
                let start = data.len();
                data.resize(start + S::SIZE, T::default());
                let seed = NestedSeed {
                    out: &mut data[start..],
                    place: top::<S>().child(rows),
                };
                if seq.next_element_seed(seed)?.is_none() {
                    data.truncate(start);
                    break;
                }
                rows += 1;
            }
            Ok(DynArray::from_parts(rows, data))
        }
    }

    /// The place of a whole run-time tensor of row shape `S`.
    fn top<S: Dims>() -> Place {
        Place {
            rows: None,
            row: S::DIMS,
            path: [0; 4],
            depth: 0,
        }
    }

    impl<T: Serialize, const D1: usize, const D2: usize> Serialize for DynTensor3<T, D1, D2> {
        /// Writes the `n` rows, each `D1` rows of `D2` elements, as nested sequences.
        ///
        /// ```
        /// use tensor_core::DynTensor3;
        ///
        /// let x = DynTensor3::<i32, 1, 2>::from_flat_fn(2, |k| k as i32);
        /// assert_eq!(serde_json::to_string(&x).unwrap(), "[[[0,1]],[[2,3]]]");
        /// ```
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serialize_rows(self, serializer)
        }
    }

    impl<'de, T, const D1: usize, const D2: usize> Deserialize<'de> for DynTensor3<T, D1, D2>
    where
        T: Deserialize<'de> + Default + Clone,
    {
        /// Reads any number of rows of shape `(D1, D2)`. Any other length inside a row is an
        /// error naming the place and the expected shape.
        ///
        /// ```
        /// use tensor_core::DynTensor3;
        ///
        /// let x: DynTensor3<i32, 1, 2> = serde_json::from_str("[[[0, 1]], [[2, 3]], [[4, 5]]]").unwrap();
        /// assert_eq!(x.shape(), (3, 1, 2));
        ///
        /// let err = serde_json::from_str::<DynTensor3<i32, 1, 2>>("[[[0, 1]], [[2, 3, 4]]]").unwrap_err();
        /// assert_eq!(
        ///     err.to_string(),
        ///     "invalid length 3, expected a[1, 0] of a tensor of shape (n, 1, 2) to have 2 elements at line 1 column 21"
        /// );
        /// ```
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_seq(NestedRowsVisitor(PhantomData))
        }
    }

    impl<T: Serialize, const D1: usize, const D2: usize, const D3: usize> Serialize
        for DynTensor4<T, D1, D2, D3>
    {
        /// Writes the `n` rows, each of shape `(D1, D2, D3)`, as nested sequences.
        ///
        /// ```
        /// use tensor_core::DynTensor4;
        ///
        /// let x = DynTensor4::<i32, 1, 1, 2>::from_flat_fn(2, |k| k as i32);
        /// assert_eq!(serde_json::to_string(&x).unwrap(), "[[[[0,1]]],[[[2,3]]]]");
        /// ```
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serialize_rows(self, serializer)
        }
    }

    impl<'de, T, const D1: usize, const D2: usize, const D3: usize> Deserialize<'de>
        for DynTensor4<T, D1, D2, D3>
    where
        T: Deserialize<'de> + Default + Clone,
    {
        /// Reads any number of rows of shape `(D1, D2, D3)`. Any other length inside a row is
        /// an error naming the place and the expected shape.
        ///
        /// ```
        /// use tensor_core::DynTensor4;
        ///
        /// let x: DynTensor4<i32, 1, 1, 2> = serde_json::from_str("[[[[0, 1]]]]").unwrap();
        /// assert_eq!(x.shape(), (1, 1, 1, 2));
        /// assert!(serde_json::from_str::<DynTensor4<i32, 1, 1, 2>>("[[[0, 1]]]").is_err());
        /// ```
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_seq(NestedRowsVisitor(PhantomData))
        }
    }
}
