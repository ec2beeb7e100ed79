//! Elementwise loops over row-major slices: unary, binary, with a scalar, and broadcasting.

/// `a[i] = f(a[i])`.
#[inline]
pub(crate) fn unary_assign<T: Copy>(a: &mut [T], f: impl Fn(T) -> T) {
    for x in a {
        *x = f(*x);
    }
}

/// `out[i] = f(a[i], b[i])`.
#[inline]
pub(crate) fn binary<T: Copy>(a: &[T], b: &[T], out: &mut [T], f: impl Fn(T, T) -> T) {
    debug_assert!(a.len() == out.len() && b.len() == out.len());
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        *o = f(x, y);
    }
}

/// `a[i] = f(a[i], b[i])`.
#[inline]
pub(crate) fn binary_assign<T: Copy>(a: &mut [T], b: &[T], f: impl Fn(T, T) -> T) {
    debug_assert_eq!(a.len(), b.len());
    for (x, &y) in a.iter_mut().zip(b) {
        *x = f(*x, y);
    }
}

/// `out[i] = f(a[i], s)`.
#[inline]
pub(crate) fn binary_scalar_rhs<T: Copy>(a: &[T], s: T, out: &mut [T], f: impl Fn(T, T) -> T) {
    debug_assert_eq!(a.len(), out.len());
    for (o, &x) in out.iter_mut().zip(a) {
        *o = f(x, s);
    }
}

/// `out[i] = f(s, b[i])`.
#[inline]
pub(crate) fn binary_scalar_lhs<T: Copy>(s: T, b: &[T], out: &mut [T], f: impl Fn(T, T) -> T) {
    debug_assert_eq!(b.len(), out.len());
    for (o, &y) in out.iter_mut().zip(b) {
        *o = f(s, y);
    }
}

/// The dimensions `(rows, cols)` of a row-major operand.
pub(crate) type Dims = (usize, usize);

/// `out = f(a, b)` with NumPy broadcasting: `out` has shape `(r, c)`; on each axis the size of
/// `a` and of `b` is either the output's or 1 (the type system has proved it).
#[inline]
pub(crate) fn broadcast_binary<T: Copy>(
    a: &[T],
    (ra, ca): Dims,
    b: &[T],
    (rb, cb): Dims,
    out: &mut [T],
    (r, c): Dims,
    f: impl Fn(T, T) -> T,
) {
    debug_assert!(a.len() == ra * ca && b.len() == rb * cb && out.len() == r * c);
    if ra == rb && ca == cb {
        return binary(a, b, out, f);
    }
    if c == 0 {
        return;
    }
    for (i, out_row) in out.chunks_exact_mut(c).enumerate() {
        let a_row = &a[if ra == 1 { 0 } else { i * ca }..][..ca];
        let b_row = &b[if rb == 1 { 0 } else { i * cb }..][..cb];
        match (ca == c, cb == c) {
            (true, true) => binary(a_row, b_row, out_row, &f),
            (true, false) => binary_scalar_rhs(a_row, b_row[0], out_row, &f),
            (false, true) => binary_scalar_lhs(a_row[0], b_row, out_row, &f),
            (false, false) => out_row.fill(f(a_row[0], b_row[0])),
        }
    }
}
