//! `select` and `item` of a run-time tensor: the `tensor!` DSL's literal indices (`x[.., -1]`,
//! `x[2..5, ..]`, `x[0, 1]`), the columns checked at compile time as for a static tensor, the
//! rows at run time.

use core::ops::Range;

use crate::shape::{All, At, AtEnd, AxisSelect, Span, SpanEnd, Trim};
use crate::{DynArray, DynTensor};

mod sealed {
    pub trait Sealed {}
}

/// A selector of the rows of a run-time tensor, the first argument of
/// [`DynTensor::select`]: the selectors of [`AxisSelect`] ([`All`], [`At`], [`AtEnd`],
/// [`Span`], [`SpanEnd`], [`Trim`]), with their bounds checked against the row count at run
/// time. Sealed.
///
/// ```
/// use tensor_core::dynamic::RowsSelect;
/// use tensor_core::shape::{AtEnd, Trim};
///
/// assert_eq!(AtEnd::<1>.rows(5), 4..5);
/// assert_eq!(Trim::<1, 2>.rows(5), 1..3);
/// ```
pub trait RowsSelect: sealed::Sealed {
    /// The rows selected out of `n`.
    ///
    /// # Panics
    ///
    /// If the selection is out of bounds, with the message of the compile-time check for
    /// static axes (`index 5 is out of bounds for axis 0 with size 3`).
    #[track_caller]
    fn rows(&self, n: usize) -> Range<usize>;
}

#[cold]
#[track_caller]
fn out_of_bounds(what: core::fmt::Arguments<'_>, n: usize) -> ! {
    panic!("{what} is out of bounds for axis 0 with size {n}")
}

impl sealed::Sealed for All {}
impl RowsSelect for All {
    fn rows(&self, n: usize) -> Range<usize> {
        0..n
    }
}

impl<const I: usize> sealed::Sealed for At<I> {}
impl<const I: usize> RowsSelect for At<I> {
    #[track_caller]
    fn rows(&self, n: usize) -> Range<usize> {
        if I >= n {
            out_of_bounds(format_args!("index {I}"), n);
        }
        I..I + 1
    }
}

impl<const K: usize> sealed::Sealed for AtEnd<K> {}
impl<const K: usize> RowsSelect for AtEnd<K> {
    #[track_caller]
    fn rows(&self, n: usize) -> Range<usize> {
        if K == 0 || K > n {
            out_of_bounds(format_args!("index -{K}"), n);
        }
        n - K..n - K + 1
    }
}

impl<const START: usize, const LEN: usize> sealed::Sealed for Span<START, LEN> {}
impl<const START: usize, const LEN: usize> RowsSelect for Span<START, LEN> {
    #[track_caller]
    fn rows(&self, n: usize) -> Range<usize> {
        match START.checked_add(LEN) {
            Some(end) if end <= n => START..end,
            _ => out_of_bounds(
                format_args!("a slice of {LEN} elements from index {START}"),
                n,
            ),
        }
    }
}

impl<const K: usize, const LEN: usize> sealed::Sealed for SpanEnd<K, LEN> {}
impl<const K: usize, const LEN: usize> RowsSelect for SpanEnd<K, LEN> {
    #[track_caller]
    fn rows(&self, n: usize) -> Range<usize> {
        if LEN > K || K > n {
            out_of_bounds(format_args!("a slice of {LEN} elements from index -{K}"), n);
        }
        n - K..n - K + LEN
    }
}

impl<const FRONT: usize, const BACK: usize> sealed::Sealed for Trim<FRONT, BACK> {}
impl<const FRONT: usize, const BACK: usize> RowsSelect for Trim<FRONT, BACK> {
    #[track_caller]
    fn rows(&self, n: usize) -> Range<usize> {
        match FRONT.checked_add(BACK) {
            Some(skipped) if skipped <= n => FRONT..n - BACK,
            _ => out_of_bounds(
                format_args!(
                    "an open-ended slice that skips {FRONT} leading and {BACK} trailing elements"
                ),
                n,
            ),
        }
    }
}

impl<T: Copy, const C: usize> DynTensor<T, C> {
    /// The rows and columns chosen by two selectors, like NumPy's `x[rows, cols]` (the
    /// `tensor!` DSL's literal indices expand to this call: `tensor!(x[.., -1])` is
    /// `x.select(All, AtEnd::<1>)`). The column selector is checked at compile time, as for a
    /// static tensor's [`select`](crate::Tensor::select); the row selector against the row
    /// count at run time. The result keeps a run-time number of rows (one for [`At`]).
    ///
    /// # Panics
    ///
    /// If the rows are out of bounds, with NumPy's message (see [`RowsSelect`]).
    ///
    /// ```
    /// use tensor_core::DynTensor;
    /// use tensor_core::shape::{All, AtEnd, Span, Trim};
    ///
    /// let x = DynTensor::<i32, 3>::from_flat_fn(4, |k| k as i32);
    /// assert_eq!(x.select(All, AtEnd::<1>).as_flat(), &[2, 5, 8, 11]); // x[:, -1]
    /// assert_eq!(x.select(Span::<1, 2>, Span::<0, 2>).as_flat(), &[3, 4, 6, 7]); // x[1:3, :2]
    /// let features: DynTensor<i32, 2> = x.select(Trim::<0, 1>, Trim::<0, 1>); // x[:-1, :-1]
    /// assert_eq!(features.shape(), (3, 2));
    /// ```
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::DynTensor;
    /// use tensor_core::shape::{All, At};
    ///
    /// let x = DynTensor::<i32, 3>::zeros(4);
    /// let _ = x.select(All, At::<3>); // index 3 is out of bounds for axis 1 with size 3
    /// ```
    #[must_use]
    #[track_caller]
    pub fn select<Rows, Cols, const NC: usize>(&self, rows: Rows, cols: Cols) -> DynTensor<T, NC>
    where
        Rows: RowsSelect,
        Cols: AxisSelect<1, C, NC>,
    {
        let _ = cols;
        let rows = rows.rows(self.nrows());
        let mut data = alloc::vec::Vec::with_capacity(rows.len() * NC);
        for i in rows.clone() {
            data.extend_from_slice(&self.row(i).as_flat()[Cols::START..Cols::START + NC]);
        }
        DynArray::from_parts(rows.len(), data)
    }
}

impl<T: Copy, S: crate::shape::Dims> DynArray<T, S> {
    /// The single element of a tensor of one element, like NumPy's `a.item()`: what the
    /// `tensor!` DSL's `x[i, j]` with literal indices ends with.
    ///
    /// # Panics
    ///
    /// If the tensor does not have exactly one element, naming its shape.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    /// use tensor_core::shape::{At, AtEnd};
    ///
    /// let x = DynTensor::<i32, 3>::from_flat_fn(4, |k| k as i32);
    /// assert_eq!(x.select(AtEnd::<1>, At::<0>).item(), 9); // x[-1, 0]
    /// ```
    #[must_use]
    #[track_caller]
    pub fn item(&self) -> T {
        match self.as_flat() {
            [x] => *x,
            _ => {
                let dims = self.dims();
                panic!(
                    "can only convert a tensor of one element to a scalar, not a tensor of shape {}",
                    crate::error::ShapeDisplay(&dims[..=S::RANK])
                )
            }
        }
    }
}
