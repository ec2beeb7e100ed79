//! `transpose`, its NumPy-style alias `t`, and `trace`.

use core::mem::MaybeUninit;

use super::OUT_OF_LINE_BYTES;

use crate::{Element, Tensor};
#[cfg(feature = "alloc")]
use crate::{ops::Out, shape::Const};

/// The bytes from which [`Tensor::transpose`] moves elements in tiles: below, the matrix stays
/// in the L2 cache and the plain loop (a row of `self` at a time) ran as fast or faster in
/// some shape of each build (measured in a standalone harness, `f32`, tiled against the loop:
/// `(100, 100)` 0.88x, `(128, 32)` 0.70x, `(200, 50)` 0.78x by default; `(784, 128)` 1.7x by
/// default but 0.81x in a native build). A `u64`: on 16-bit targets no array is that large.
const TILED_MIN_BYTES: u64 = 1 << 20;

/// The side of [`Tensor::transpose`]'s tiles: the elements of a 64-byte cache line (16 `f32`,
/// 8 `f64`; twice that was slower for `f64`: `(1000, 1000)` 2.2x the time by default, 1.8x
/// in a native build).
const fn tile<T>() -> usize {
    match size_of::<T>() {
        0 => 0,
        size => 64 / size,
    }
}

/// Whether [`Tensor::transpose`] of an `r x c` matrix of `T` moves it in tiles: at least
/// [`TILED_MIN_BYTES`], each side at least a tile, and a tile at least 4 elements wide. The
/// plain loop reads a row of `self` and writes a column of the result, one cache line per
/// element; once the matrix leaves the L2 cache the lines are evicted before the next row
/// writes the rest of them (`benches/transpose.rs`, `(16384, 64)` `f32`: 4.5-5.5 ms before,
/// 0.40-0.48 ms in tiles).
const fn tiled<T>(r: usize, c: usize) -> bool {
    let tile = tile::<T>();
    tile >= 4
        && r >= tile
        && c >= tile
        && (r as u64)
            .saturating_mul(c as u64)
            .saturating_mul(size_of::<T>() as u64)
            >= TILED_MIN_BYTES
}

/// The transpose of a matrix of at least [`OUT_OF_LINE_BYTES`], returned from a call that is
/// never inlined and written by one (`write_tiles` for a matrix that [`tiled`] holds for,
/// `write_rows_out_of_line` below that): the result is built in the caller's tensor (the
/// return slot), where a result built in the function's own array was then copied whole: half
/// the time of `(16384, 64)` `f32` went to that copy and to filling the array first, and
/// inlined, `(100, 100)` `f64` ran at 0.65x a loop into a preallocated output (1.0x out of
/// line, `benches/transpose.rs`).
#[inline(never)]
const fn transposed_out_of_line<T: Copy, const R: usize, const C: usize>(
    a: &Tensor<T, R, C>,
) -> Tensor<T, C, R> {
    let mut out = MaybeUninit::<Tensor<T, C, R>>::uninit();
    if tiled::<T>(R, C) {
        write_tiles(a, &mut out);
    } else {
        write_rows_out_of_line(a, &mut out);
    }
    // SAFETY: `write_tiles` and `write_rows_out_of_line` write every element of `out`.
    unsafe { out.assume_init() }
}

/// [`write_by_rows`] in a call of its own, for [`transposed_out_of_line`].
#[inline(never)]
const fn write_rows_out_of_line<T: Copy, const R: usize, const C: usize>(
    a: &Tensor<T, R, C>,
    out: &mut MaybeUninit<Tensor<T, C, R>>,
) {
    write_by_rows(a, out);
}

/// Writes `a`'s transpose into `out`, every element, in square tiles of [`tile`]`::<T>()`
/// elements: each of a tile's rows of the result is written whole, from one cache line of
/// each of the tile's rows of `a`.
/// `out = a^T`, every element written: `a` read row by row (the loop of a transpose below
/// [`TILED_MIN_BYTES`]). The result is not filled first; it was filled with `a`'s first
/// element (`const_array::repeat2`), which the default build optimized away but the native
/// build did not: `(784, 128)` `f32` 59.6-76.0 -> 55.5 us, `(100, 100)` `f64` 6.9-7.8 -> 6.0-6.9
/// us there (AMD Zen 4, `benches/transpose.rs`).
#[inline(always)]
const fn write_by_rows<T: Copy, const R: usize, const C: usize>(
    a: &Tensor<T, R, C>,
    out: &mut MaybeUninit<Tensor<T, C, R>>,
) {
    // SAFETY: as in `write_tiles`.
    let rows = unsafe { &mut *out.as_mut_ptr().cast::<[[MaybeUninit<T>; R]; C]>() };
    let mut i = 0;
    while i < R {
        let mut j = 0;
        while j < C {
            rows[j][i] = MaybeUninit::new(a.data[i][j]);
            j += 1;
        }
        i += 1;
    }
}

#[inline(never)]
const fn write_tiles<T: Copy, const R: usize, const C: usize>(
    a: &Tensor<T, R, C>,
    out: &mut MaybeUninit<Tensor<T, C, R>>,
) {
    // SAFETY: `Tensor<T, C, R>` is `repr(transparent)` over `[[T; R]; C]` (see
    // `Array::as_flat`), so `MaybeUninit` of it has the layout of `[[MaybeUninit<T>; R]; C]`,
    // which may hold any bytes; the unique borrow of `out` moves into `rows`.
    let rows = unsafe { &mut *out.as_mut_ptr().cast::<[[MaybeUninit<T>; R]; C]>() };
    let tile = tile::<T>();
    let mut i0 = 0;
    while i0 < R {
        let i1 = if R - i0 > tile { i0 + tile } else { R };
        let mut j0 = 0;
        while j0 < C {
            let j1 = if C - j0 > tile { j0 + tile } else { C };
            let mut j = j0;
            while j < j1 {
                let mut i = i0;
                while i < i1 {
                    rows[j][i] = MaybeUninit::new(a.data[i][j]);
                    i += 1;
                }
                j += 1;
            }
            j0 = j1;
        }
        i0 = i1;
    }
}

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The transpose, `C x R`: `out[j][i] = self[i][j]`, like NumPy's `a.transpose()`.
    /// A row vector becomes a column vector and back.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// assert_eq!(m.transpose(), Tensor::from([[1, 4], [2, 5], [3, 6]]));
    /// assert_eq!(Tensor::from([1, 2]).transpose(), Tensor::from([[1], [2]]));
    ///
    /// // A `const fn`: a weight matrix stored transposed, in flash.
    /// static W_T: Tensor<f32, 3, 2> = Tensor::from_array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]).t();
    /// assert_eq!(W_T.as_array()[2], [3.0, 6.0]);
    /// ```
    #[must_use]
    pub const fn transpose(&self) -> Tensor<T, C, R> {
        if size_of::<Tensor<T, C, R>>() >= OUT_OF_LINE_BYTES {
            return transposed_out_of_line(self);
        }
        let mut out = MaybeUninit::<Tensor<T, C, R>>::uninit();
        write_by_rows(self, &mut out);
        // SAFETY: `write_by_rows` writes every element of `out`.
        unsafe { out.assume_init() }
    }

    /// The transpose, spelled like NumPy's `a.T` (the same as [`transpose`](Self::transpose)).
    /// In the `tensor!` expression DSL, `a.T` expands to this call.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(a.t(), Tensor::from([[1, 3], [2, 4]]));
    /// ```
    #[must_use]
    pub const fn t(&self) -> Tensor<T, C, R> {
        self.transpose()
    }
}

#[cfg(feature = "alloc")]
impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The transpose into `O`, for `BoxedMatrix::transpose`, which builds it on the heap: the
    /// element moves of [`transpose`](Self::transpose), which as a `const fn` writes its own
    /// loop (it cannot call trait methods).
    #[inline]
    pub(crate) fn transpose_to<O: Out<T, (Const<C>, Const<R>)>>(&self) -> O {
        // Output element `k` is `out[k / R][k % R] = self[k % R][k / R]`.
        O::from_flat_fn(1, |k| self.data[k % R][k / R])
    }
}

impl<T: Element, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The sum of the main diagonal, `self[0][0] + self[1][1] + ..` over `min(R, C)` elements,
    /// like NumPy's `np.trace(a)` (which also accepts non-square matrices).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).trace(), 5);
    /// assert_eq!(Tensor::from([[1, 2, 3], [4, 5, 6]]).trace(), 6);
    /// ```
    #[must_use]
    pub fn trace(&self) -> T {
        (0..R.min(C)).fold(T::zero(), |acc, i| acc + self.data[i][i])
    }
}

/// `dst[j][i] = src[i][j]` for every row `j < min(D, C)` of `dst`: the transpose, or its
/// first `D` rows. For the decompositions, which work on transposes.
///
/// Reads `src` row by row and writes `dst` column by column, through [`transpose_flat`] (not
/// inlined, run-time sizes): as a loop over elements of constant bounds, the compiler
/// vectorizes the strided side with gathers in a build for a CPU that has them
/// (`-C target-cpu=native` with AVX-512), several times slower there than scalar code.
pub(super) fn transpose_into<T: Copy, const R: usize, const C: usize, const D: usize>(
    src: &[[T; C]; R],
    dst: &mut [[T; R]; D],
) {
    transpose_flat(src.as_flattened(), R, C, dst.as_flattened_mut(), D.min(C));
}

/// [`transpose_into`] on flat row-major slices: `dst[j * r + i] = src[i * c + j]` for
/// `i < r`, `j < d`.
#[inline(never)]
fn transpose_flat<T: Copy>(src: &[T], r: usize, c: usize, dst: &mut [T], d: usize) {
    if r == 0 || c == 0 {
        return;
    }
    for (i, row) in src.chunks_exact(c).take(r).enumerate() {
        for (out, &x) in dst.chunks_exact_mut(r).zip(&row[..d]) {
            out[i] = x;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn transpose_into_moves_every_element() {
        fn each<const R: usize, const C: usize, const D: usize>() {
            let src: [[u32; C]; R] =
                core::array::from_fn(|i| core::array::from_fn(|j| (i * C + j) as u32));
            let mut dst = [[u32::MAX; R]; D];
            super::transpose_into(&src, &mut dst);
            for (j, row) in dst.iter().enumerate() {
                for (i, &x) in row.iter().enumerate() {
                    let want = if j < C { src[i][j] } else { u32::MAX };
                    assert_eq!(x, want, "{R}x{C} into {D}: ({j}, {i})");
                }
            }
        }
        each::<0, 0, 0>();
        each::<1, 1, 1>();
        each::<3, 5, 5>();
        each::<8, 8, 8>();
        each::<9, 17, 17>();
        each::<17, 9, 9>();
        each::<17, 9, 3>();
        each::<16, 24, 16>();
        each::<33, 64, 64>();
    }

    #[test]
    fn transpose_is_an_involution_and_moves_every_element() {
        let m = Tensor::<i32, 3, 5>::arange();
        let t = m.t();
        assert_eq!(t.shape(), (5, 3));
        for i in 0..3 {
            for j in 0..5 {
                assert_eq!(t[(j, i)], m[(i, j)]);
            }
        }
        assert_eq!(t.t(), m);
    }

    #[test]
    fn trace_of_empty_is_zero() {
        assert_eq!(Tensor::<f64, 0, 0>::zeros().trace(), 0.0);
    }
}
