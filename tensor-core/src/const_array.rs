//! Building nested arrays in `const fn`s, for the constructors, reshapes and the transpose that
//! model weights in `const` and `static` items go through.
//!
//! A `const fn` cannot call closures (so not `core::array::from_fn`) and has no value to fill
//! an array with before writing it when the array is empty. These helpers copy whole rows out
//! of a flat slice (`as_chunks`, `first_chunk`), and build an empty array of any element type
//! from `[]`, so every body stays safe code.

/// `[x; N]`; with no `x`, the empty array when `N == 0`, else `None`.
pub(crate) const fn repeat<T: Copy, const N: usize>(x: Option<T>) -> Option<[T; N]> {
    match x {
        Some(x) => Some([x; N]),
        None => {
            let empty: [T; 0] = [];
            match empty.as_slice().first_chunk::<N>() {
                Some(&a) => Some(a),
                None => None,
            }
        }
    }
}

/// `[[T; C]; R]` with every element `x`; with no `x`, the empty array when `R * C == 0`.
pub(crate) const fn repeat2<T: Copy, const R: usize, const C: usize>(
    x: Option<T>,
) -> Option<[[T; C]; R]> {
    repeat::<[T; C], R>(repeat::<T, C>(x))
}

/// `[[T; C]; R]` holding the row-major `flat`.
///
/// # Panics
///
/// If `flat.len() != R * C`.
pub(crate) const fn rows<T: Copy, const R: usize, const C: usize>(flat: &[T]) -> [[T; C]; R] {
    if flat.is_empty() {
        if let Some(a) = repeat2::<T, R, C>(None) {
            return a;
        }
    } else if C > 0 {
        let (rows, rest) = flat.as_chunks::<C>();
        if rest.is_empty()
            && rows.len() == R
            && let Some(&a) = rows.first_chunk::<R>()
        {
            return a;
        }
    }
    panic!("rows: the slice's length is not the array's element count")
}

/// `[[[T; D2]; D1]; D0]` holding the row-major `flat`.
///
/// # Panics
///
/// If `flat.len() != D0 * D1 * D2`.
pub(crate) const fn rows3<T: Copy, const D0: usize, const D1: usize, const D2: usize>(
    flat: &[T],
) -> [[[T; D2]; D1]; D0] {
    if flat.is_empty() {
        if let Some(a) = repeat::<[[T; D2]; D1], D0>(repeat2::<T, D1, D2>(None)) {
            return a;
        }
    } else if D2 > 0 {
        let (cells, rest) = flat.as_chunks::<D2>();
        if rest.is_empty() {
            return rows::<[T; D2], D0, D1>(cells);
        }
    }
    panic!("rows3: the slice's length is not the array's element count")
}

/// `[[[[T; D3]; D2]; D1]; D0]` holding the row-major `flat`.
///
/// # Panics
///
/// If `flat.len() != D0 * D1 * D2 * D3`.
pub(crate) const fn rows4<
    T: Copy,
    const D0: usize,
    const D1: usize,
    const D2: usize,
    const D3: usize,
>(
    flat: &[T],
) -> [[[[T; D3]; D2]; D1]; D0] {
    if flat.is_empty() {
        if let Some(a) = repeat2::<[[T; D3]; D2], D0, D1>(repeat2::<T, D2, D3>(None)) {
            return a;
        }
    } else if D3 > 0 {
        let (cells, rest) = flat.as_chunks::<D3>();
        if rest.is_empty() {
            return rows3::<[T; D3], D0, D1, D2>(cells);
        }
    }
    panic!("rows4: the slice's length is not the array's element count")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_copies_in_row_major_order() {
        assert_eq!(
            rows::<i32, 2, 3>(&[1, 2, 3, 4, 5, 6]),
            [[1, 2, 3], [4, 5, 6]]
        );
        assert_eq!(rows3::<i32, 2, 1, 2>(&[1, 2, 3, 4]), [[[1, 2]], [[3, 4]]]);
        assert_eq!(
            rows4::<u8, 1, 2, 1, 2>(&[1, 2, 3, 4]),
            [[[[1, 2]], [[3, 4]]]]
        );
        const M: [[f32; 2]; 2] = rows(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(M, [[1.0, 2.0], [3.0, 4.0]]);
    }

    #[test]
    fn empty_arrays_of_every_zero_axis() {
        let none: &[i32] = &[];
        assert_eq!(rows::<i32, 0, 3>(none), [[0; 3]; 0]);
        assert_eq!(rows::<i32, 3, 0>(none), [[0; 0]; 3]);
        assert_eq!(rows3::<i32, 2, 0, 2>(none), [[[0; 2]; 0]; 2]);
        assert_eq!(rows3::<i32, 2, 2, 0>(none), [[[0; 0]; 2]; 2]);
        assert_eq!(rows4::<i32, 1, 1, 1, 0>(none), [[[[0; 0]; 1]; 1]; 1]);
        assert_eq!(rows4::<i32, 1, 0, 1, 1>(none), [[[[0; 1]; 1]; 0]; 1]);
        assert_eq!(repeat::<i32, 0>(None), Some([]));
        assert_eq!(repeat::<i32, 1>(None), None);
        assert_eq!(repeat2::<i32, 2, 1>(None), None);
        assert_eq!(repeat2::<i32, 2, 1>(Some(7)), Some([[7], [7]]));
    }

    #[test]
    #[should_panic(expected = "length")]
    fn rows_rejects_a_short_slice() {
        let _ = rows::<i32, 2, 2>(&[1, 2, 3]);
    }

    #[test]
    #[should_panic(expected = "length")]
    fn rows_rejects_a_non_empty_slice_for_an_empty_array() {
        let _ = rows3::<i32, 2, 0, 2>(&[1]);
    }
}
