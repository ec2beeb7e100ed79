//! Reductions over row-major slices: whole-slice folds, per-column folds, arg-extrema.

/// The number of independent accumulators of a fold: enough for the compiler to keep a vector
/// register busy for `f32`/`f64` (and to reassociate, which a single running sum forbids).
const LANES: usize = 8;

/// Folds `map(a[i])` with `f`, starting from `init`, which must be an identity of `f` (or, for
/// an idempotent `f` such as a maximum, any element of `a`). The order of the combinations is
/// unspecified: `LANES` interleaved partial folds combined at the end.
#[inline]
pub(crate) fn fold<T: Copy>(a: &[T], init: T, map: impl Fn(T) -> T, f: impl Fn(T, T) -> T) -> T {
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

/// Folds the rows of the `(a.len() / out.len()) x out.len()` matrix `a` into `out`, column by
/// column: `out[j] = f(...f(f(out[j], map(a[0][j], e)), map(a[1][j], e))...)` with
/// `e = extra[j]` (for example the column means). `out` holds the initial values: an identity
/// of `f`, or for an idempotent `f` such as a maximum, any element of the column.
#[inline]
pub(crate) fn fold_columns<T: Copy>(
    a: &[T],
    out: &mut [T],
    extra: &[T],
    map: impl Fn(T, T) -> T,
    f: impl Fn(T, T) -> T,
) {
    debug_assert_eq!(extra.len(), out.len());
    if out.is_empty() {
        return;
    }
    for row in a.chunks_exact(out.len()) {
        for ((o, &x), &e) in out.iter_mut().zip(row).zip(extra) {
            *o = f(*o, map(x, e));
        }
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

/// For each column of the `(a.len() / out.len()) x out.len()` matrix `a`, the row of its first
/// `better` element, NaN first (`argmax(axis=0)`). `a` must have at least one row.
#[inline]
pub(crate) fn arg_best_columns<T: PartialOrd + Copy>(
    a: &[T],
    out: &mut [usize],
    better: impl Fn(T, T) -> bool,
) {
    let c = out.len();
    out.fill(0);
    if c == 0 {
        return;
    }
    for (i, row) in a.chunks_exact(c).enumerate().skip(1) {
        for (j, (o, &x)) in out.iter_mut().zip(row).enumerate() {
            let b = a[*o * c + j];
            if !is_nan(b) && (is_nan(x) || better(x, b)) {
                *o = i;
            }
        }
    }
}
