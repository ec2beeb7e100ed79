//! Building nested arrays in `const fn`s, for the rank-2 `transpose` and `col` that model
//! weights in `const` and `static` items go through (the constructors and reshapes of every
//! shape are built on `Array::copied_from` and `Array::full`).
//!
//! A `const fn` cannot call closures (so not `core::array::from_fn`) and has no value to fill
//! an array with before writing it when the array is empty. These helpers build an empty array
//! of any element type from `[]`, so every body stays safe code.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_or_builds_the_empty_array() {
        assert_eq!(repeat::<i32, 0>(None), Some([]));
        assert_eq!(repeat::<i32, 1>(None), None);
        assert_eq!(repeat2::<i32, 2, 1>(None), None);
        assert_eq!(repeat2::<i32, 0, 3>(None), Some([]));
        assert_eq!(repeat2::<i32, 2, 1>(Some(7)), Some([[7], [7]]));
    }
}
