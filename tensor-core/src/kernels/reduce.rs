//! Reductions over row-major slices: whole-slice folds and statistics, folds along an axis,
//! arg-extrema.

use num_traits::Float;

use super::accurate::{self, real_as};
use super::{cast_slice, cast_slice_mut};
use crate::Element;

/// `accurate::$f` of the slice `$s` when `T` is `f32` or `f64` (the accurate reductions),
/// converted back to `T`; else `$other`.
macro_rules! real_or {
    ($T:ty, $f:ident($s:ident $(; $arg:expr)*), $other:expr) => {{
        if let Some($s) = cast_slice::<$T, f32>($s) {
            real_as(accurate::$f::<f32>($s $(, $arg)*), <$T>::zero())
        } else if let Some($s) = cast_slice::<$T, f64>($s) {
            real_as(accurate::$f::<f64>($s $(, $arg)*), <$T>::zero())
        } else {
            $other
        }
    }};
}

/// The number of independent accumulators of a fold: enough for the compiler to keep a vector
/// register busy for `f32`/`f64` (and to reassociate, which a single running sum forbids).
const LANES: usize = 8;

/// Folds `map(a[i])` with `f`, starting from `init`, which must be an identity of `f` (or, for
/// an idempotent `f` such as a maximum, any element of `a`). The order of the combinations is
/// unspecified: `LANES` interleaved partial folds combined at the end.
#[inline]
pub(crate) fn fold<T: Copy>(a: &[T], init: T, map: impl Fn(T) -> T, f: impl Fn(T, T) -> T) -> T {
    if a.len() < 2 * LANES {
        // Short (a length known at compile time picks this branch): one running fold.
        return a.iter().fold(init, |s, &x| f(s, map(x)));
    }
    let chunks = a.chunks_exact(LANES);
    let rest = chunks.remainder();
    let mut acc = [init; LANES];
    for chunk in chunks {
        for (s, &x) in acc.iter_mut().zip(chunk) {
            *s = f(*s, map(x));
        }
    }
    let mut total = init;
    for s in acc {
        total = f(total, s);
    }
    for &x in rest {
        total = f(total, map(x));
    }
    total
}

/// The sum of the elements (0 for none): accurate for `f32`/`f64` (see `accurate`), in
/// [`fold`]'s order for the others.
#[inline(always)]
pub(crate) fn sum<T: Element>(a: &[T]) -> T {
    real_or!(T, sum(a), fold(a, T::zero(), |x| x, |p, q| p + q))
}

/// The mean of the elements (NaN for none).
#[inline(always)]
pub(crate) fn mean<T: Element + Float>(a: &[T]) -> T {
    real_or!(T, mean(a), sum(a) / count(a.len()))
}

/// The product of the elements (1 for none), in [`fold`]'s order.
#[inline]
pub(crate) fn prod<T: Element>(a: &[T]) -> T {
    fold(a, T::one(), |x| x, |p, q| p * q)
}

/// The number `n` as a float (NaN if it does not fit).
#[inline]
pub(crate) fn count<T: Float>(n: usize) -> T {
    T::from(n).unwrap_or_else(T::nan)
}

/// `n - ddof` as a float, floored at 0 as NumPy does (giving `inf`/NaN, not a panic).
#[inline]
pub(crate) fn dof<T: Float>(n: usize, ddof: usize) -> T {
    count(n.saturating_sub(ddof))
}

/// The variance with `ddof` delta degrees of freedom: squared deviations from the mean (two
/// passes, so no cancellation), summed and divided by `n - ddof`.
#[inline(always)]
pub(crate) fn var<T: Element + Float>(a: &[T], ddof: usize) -> T {
    real_or!(T, var(a; ddof), {
        let mean = sum(a) / count(a.len());
        let ss = fold(a, T::zero(), |x| (x - mean) * (x - mean), |p, q| p + q);
        ss / dof(a.len(), ddof)
    })
}

/// The standard deviation with `ddof` delta degrees of freedom (the square root rounded once
/// from the unrounded variance).
#[inline(always)]
pub(crate) fn std<T: Element + Float>(a: &[T], ddof: usize) -> T {
    real_or!(T, std(a; ddof), var(a, ddof).sqrt())
}

/// The L2 norm `sqrt(sum(x²))`.
#[inline(always)]
pub(crate) fn norm<T: Element + Float>(a: &[T]) -> T {
    real_or!(
        T,
        norm(a),
        fold(a, T::zero(), |x| x * x, |p, q| p + q).sqrt()
    )
}

/// The sums along axis 1 of `a` seen as `outer x n x inner`, into `out` (`outer x inner`):
/// accurate for `f32`/`f64`, [`fold_axis`] for the others.
#[inline(always)]
pub(crate) fn sum_lanes<T: Element>(a: &[T], lanes: (usize, usize, usize), out: &mut [T]) {
    if let (Some(a), Some(out)) = (cast_slice::<T, f32>(a), cast_slice_mut::<T, f32>(out)) {
        return accurate::sum_lanes(a, lanes, out);
    }
    if let (Some(a), Some(out)) = (cast_slice::<T, f64>(a), cast_slice_mut::<T, f64>(out)) {
        return accurate::sum_lanes(a, lanes, out);
    }
    let (_, n, inner) = lanes;
    if inner == 1 {
        for (o, lane) in out.iter_mut().zip(a.chunks_exact(n.max(1))) {
            *o = fold(&lane[..n], T::zero(), |x| x, |p, q| p + q);
        }
        if n == 0 {
            out.fill(T::zero());
        }
        return;
    }
    out.fill(T::zero());
    for (out_row, block) in out.chunks_exact_mut(inner).zip(a.chunks_exact(n * inner)) {
        for row in block.chunks_exact(inner) {
            for (o, &x) in out_row.iter_mut().zip(row) {
                *o = *o + x;
            }
        }
    }
}

/// Whether the reductions along the lanes `(outer, n, inner)` are computed one lane at a time
/// into their result by [`lane_sum`], [`lane_mean`] and [`lane_var`] (lane `k` is then
/// `a[k * n..(k + 1) * n]`): lanes of one element, and contiguous lanes shorter than the
/// accurate sums' short length (16). The lanes are the static shape's, so this is a constant
/// after inlining.
#[inline(always)]
pub(crate) const fn by_lane(lanes: (usize, usize, usize)) -> bool {
    accurate::short_lanes(lanes)
}

/// The sum of lane `k` of `a` for lanes of `n` elements of a [`by_lane`] shape: the value
/// [`sum_lanes`] gives it.
#[inline(always)]
pub(crate) fn lane_sum<T: Element>(a: &[T], n: usize, k: usize) -> T {
    let lane = &a[k * n..(k + 1) * n];
    real_or!(
        T,
        short_lane_sum(lane),
        fold(lane, T::zero(), |x| x, |p, q| p + q)
    )
}

/// The mean of lane `k` of a [`by_lane`] shape: the value [`mean_lanes`] gives it.
#[inline(always)]
pub(crate) fn lane_mean<T: Element + Float>(a: &[T], n: usize, k: usize) -> T {
    let lane = &a[k * n..(k + 1) * n];
    real_or!(T, short_lane_mean(lane), lane_sum(lane, n, 0) / count(n))
}

/// The variance (with `sqrt`, the standard deviation) of lane `k` of a [`by_lane`] shape with
/// `ddof`: the value [`var_lanes`] gives it.
#[inline(always)]
pub(crate) fn lane_var<T: Element + Float>(
    a: &[T],
    n: usize,
    k: usize,
    ddof: usize,
    sqrt: bool,
) -> T {
    let lane = &a[k * n..(k + 1) * n];
    real_or!(T, short_lane_var(lane; ddof; sqrt), {
        // Another float type: two passes in plain arithmetic, as `var_lanes`.
        let mean = lane_mean(lane, n, 0);
        let v = fold(lane, T::zero(), |x| (x - mean) * (x - mean), |p, q| p + q) / dof(n, ddof);
        if sqrt { v.sqrt() } else { v }
    })
}

/// The means along axis 1 of `a` seen as `outer x n x inner` (NaN when `n` is 0).
#[inline(always)]
pub(crate) fn mean_lanes<T: Element + Float>(a: &[T], lanes: (usize, usize, usize), out: &mut [T]) {
    if let (Some(a), Some(out)) = (cast_slice::<T, f32>(a), cast_slice_mut::<T, f32>(out)) {
        return accurate::mean_lanes(a, lanes, out);
    }
    if let (Some(a), Some(out)) = (cast_slice::<T, f64>(a), cast_slice_mut::<T, f64>(out)) {
        return accurate::mean_lanes(a, lanes, out);
    }
    sum_lanes(a, lanes, out);
    let n = count::<T>(lanes.1);
    out.iter_mut().for_each(|x| *x = *x / n);
}

/// The variances (with `sqrt`, the standard deviations) along axis 1 of `a` seen as
/// `outer x n x inner`, with `ddof` delta degrees of freedom.
#[inline(always)]
pub(crate) fn var_lanes<T: Element + Float>(
    a: &[T],
    lanes: (usize, usize, usize),
    ddof: usize,
    sqrt: bool,
    out: &mut [T],
) {
    if let (Some(a), Some(out)) = (cast_slice::<T, f32>(a), cast_slice_mut::<T, f32>(out)) {
        return accurate::var_lanes(a, lanes, ddof, sqrt, out);
    }
    if let (Some(a), Some(out)) = (cast_slice::<T, f64>(a), cast_slice_mut::<T, f64>(out)) {
        return accurate::var_lanes(a, lanes, ddof, sqrt, out);
    }
    // Another float type: two passes over each lane, in plain arithmetic.
    let (_, n, inner) = lanes;
    let (nf, d) = (count::<T>(n), dof::<T>(n, ddof));
    for (k, o) in out.iter_mut().enumerate() {
        let (outer_i, j) = (k / inner, k % inner);
        let lane = (0..n).map(|i| a[(outer_i * n + i) * inner + j]);
        let mean = lane.clone().fold(T::zero(), |s, x| s + x) / nf;
        let v = lane.fold(T::zero(), |s, x| s + (x - mean) * (x - mean)) / d;
        *o = if sqrt { v.sqrt() } else { v };
    }
}

/// Folds `map(a[i], b[i])` with `f` like [`fold`] (a dot product with `*` and `+`).
#[inline]
pub(crate) fn fold_zip<T: Copy>(
    a: &[T],
    b: &[T],
    init: T,
    map: impl Fn(T, T) -> T,
    f: impl Fn(T, T) -> T,
) -> T {
    debug_assert_eq!(a.len(), b.len());
    let (ca, cb) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    let mut acc = [init; LANES];
    for (xa, xb) in ca.zip(cb) {
        for ((s, &x), &y) in acc.iter_mut().zip(xa).zip(xb) {
            *s = f(*s, map(x, y));
        }
    }
    let mut total = init;
    for s in acc {
        total = f(total, s);
    }
    for (&x, &y) in ra.iter().zip(rb) {
        total = f(total, map(x, y));
    }
    total
}

/// Folds axis 1 of `a`, seen as a row-major `outer x n x inner` array, into `out`
/// (`outer x inner`): `out[o][i] = f(...f(out[o][i], map(a[o][0][i], e))..., map(a[o][n-1][i], e))`
/// with `e = extra[o][i]` (for example the means along the axis). `out` holds the initial
/// values: an identity of `f`, or for an idempotent `f` such as a maximum, any element of the
/// lane. Any axis of a row-major tensor, and any run of neighbouring axes, has this form.
///
/// The inner loop runs over `inner` contiguous elements (vectorizable); when `inner == 1`
/// each lane is contiguous and folded with [`fold`].
#[inline]
pub(crate) fn fold_axis<T: Copy>(
    a: &[T],
    (outer, n, inner): (usize, usize, usize),
    out: &mut [T],
    extra: &[T],
    map: impl Fn(T, T) -> T,
    f: impl Fn(T, T) -> T,
) {
    debug_assert!(a.len() == outer * n * inner && out.len() == outer * inner);
    debug_assert_eq!(extra.len(), out.len());
    if n == 0 || out.is_empty() {
        return;
    }
    if inner == 1 {
        for ((o, lane), &e) in out.iter_mut().zip(a.chunks_exact(n)).zip(extra) {
            *o = fold(lane, *o, |x| map(x, e), &f);
        }
        return;
    }
    let blocks = out.chunks_exact_mut(inner).zip(extra.chunks_exact(inner));
    for ((out_row, extra_row), block) in blocks.zip(a.chunks_exact(n * inner)) {
        for row in block.chunks_exact(inner) {
            for ((o, &x), &e) in out_row.iter_mut().zip(row).zip(extra_row) {
                *o = f(*o, map(x, e));
            }
        }
    }
}

/// Copies the first element of each lane of axis 1 of `a` (seen as `outer x n x inner`) into
/// `out` (`outer x inner`): the initial values of a maximum or minimum. `n` must not be 0.
#[inline]
pub(crate) fn first_of_lanes<T: Copy>(
    a: &[T],
    (_, n, inner): (usize, usize, usize),
    out: &mut [T],
) {
    if inner == 0 {
        return;
    }
    for (out_row, block) in out.chunks_exact_mut(inner).zip(a.chunks_exact(n * inner)) {
        out_row.copy_from_slice(&block[..inner]);
    }
}

/// `x != x`: true only for a NaN (for every element type, including integers, where it is
/// never true).
#[inline]
#[allow(clippy::eq_op)]
pub(crate) fn is_nan<T: PartialEq>(x: T) -> bool {
    x != x
}

/// The larger of `a` and `b`, or NaN when either is NaN (NumPy's `np.maximum`).
#[inline]
pub(crate) fn max_nan<T: PartialOrd + Copy>(a: T, b: T) -> T {
    if a > b || is_nan(a) { a } else { b }
}

/// The smaller of `a` and `b`, or NaN when either is NaN (NumPy's `np.minimum`).
#[inline]
pub(crate) fn min_nan<T: PartialOrd + Copy>(a: T, b: T) -> T {
    if a < b || is_nan(a) { a } else { b }
}

/// The index of the first element `better` than all others, where a NaN beats everything
/// (NumPy's `argmax`/`argmin`). `a` must not be empty.
#[inline]
pub(crate) fn arg_best<T: PartialOrd + Copy>(a: &[T], better: impl Fn(T, T) -> bool) -> usize {
    let mut best = 0;
    for (i, &x) in a.iter().enumerate().skip(1) {
        let b = a[best];
        if is_nan(b) {
            break;
        }
        if is_nan(x) || better(x, b) {
            best = i;
        }
    }
    best
}
