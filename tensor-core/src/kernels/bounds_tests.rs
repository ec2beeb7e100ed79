//! Every unsafe kernel on operands that end where their allocation ends and start at every
//! element offset of a vector (so at unaligned addresses), on odd shapes and lengths with
//! tails: a read or write past an operand leaves its heap block, which valgrind memcheck
//! reports (`.ci/run` runs these tests under it on the AVX2 and portable kernels). Each result
//! must equal the same kernel's result on operands at offset 0, bit for bit.

extern crate std;

use core::mem::MaybeUninit;
use std::format;
use std::vec::Vec;

use super::entry;
use super::out_of;
use super::product::{DOT, GEMV, NARROW, ROW1, ROWS4};
use super::product_tests::values;
use super::simd::{Binary, Simd, SimdElem, Unary};

/// The element offsets tried: 0 and every misalignment of a 64-byte line for `f32` up to a
/// vector of AVX2, and one odd one past it.
const OFFSETS: [usize; 5] = [0, 1, 2, 3, 9];

/// `xs` copied to the end of a fresh allocation of exactly `off + xs.len()` elements (the
/// first `off` are filler): the returned vector's `[off..]` is `xs`, ending at the block's end.
fn at_offset<E: Copy>(xs: &[E], off: usize, fill: E) -> Vec<E> {
    let mut v = Vec::with_capacity(off + xs.len());
    v.extend(core::iter::repeat_n(fill, off));
    v.extend_from_slice(xs);
    assert_eq!(v.capacity(), v.len(), "an exact allocation");
    v
}

/// `xs` as `E` (`f32` or `f64`).
fn cast<E: SimdElem + From<f32>>(xs: &[f64]) -> Vec<E> {
    xs.iter().map(|&x| E::from(x as f32)).collect()
}

/// Runs path `P` (0: the blocked product) on `m x k @ k x n` with the operands at `off`.
fn product_at<K: Simd, E: SimdElem + From<f32>, const P: u8>(
    simd: K,
    (m, k, n): (usize, usize, usize),
    off: usize,
) -> Vec<E> {
    let a = at_offset(
        &cast::<E>(&values(m * k, (m + 7 * k) as u64)),
        off,
        E::default(),
    );
    let b = at_offset(
        &cast::<E>(&values(k * n, (n + 3 * k) as u64)),
        off,
        E::default(),
    );
    let mut c = at_offset(&std::vec![E::default(); m * n], off, E::default());
    let dims = (m, k, n);
    if P == 0 {
        entry::gemm(simd, dims, &a[off..], &b[off..], out_of(&mut c[off..]));
    } else {
        entry::product::<K, E, P>(simd, dims, &a[off..], &b[off..], out_of(&mut c[off..]));
    }
    c.split_off(off)
}

/// Every product path, on shapes with partial tiles and column tails, `f32` and `f64`.
fn products_in_bounds<K: Simd>(simd: K) {
    fn both<K: Simd, const P: u8>(simd: K, dims: (usize, usize, usize)) {
        let (r32, r64) = (
            product_at::<K, f32, P>(simd, dims, 0),
            product_at::<K, f64, P>(simd, dims, 0),
        );
        for off in OFFSETS {
            let what = format!("{} path {P} {dims:?} at +{off}", K::NAME);
            let got = product_at::<K, f32, P>(simd, dims, off);
            assert!(
                got.iter()
                    .zip(&r32)
                    .all(|(x, y)| x.to_bits() == y.to_bits()),
                "{what}"
            );
            let got = product_at::<K, f64, P>(simd, dims, off);
            assert!(
                got.iter()
                    .zip(&r64)
                    .all(|(x, y)| x.to_bits() == y.to_bits()),
                "{what}"
            );
        }
    }
    for dims in [
        (1, 1, 1),
        (3, 5, 7),
        (7, 9, 3),
        (9, 17, 33),
        (13, 31, 47),
        (5, 70, 19),
        // Full panels then the last rows on their own: four in place, fewer or more packed.
        (10, 9, 21),
        (12, 33, 17),
        (14, 70, 19),
    ] {
        both::<K, 0>(simd, dims);
    }
    for k in [1, 3, 17, 67] {
        both::<K, DOT>(simd, (1, k, 1));
        both::<K, GEMV>(simd, (5, k, 1));
        both::<K, ROW1>(simd, (1, k, 21));
        both::<K, ROWS4>(simd, (3, k, 19));
        for n in [2, 3, 7, 9, 15] {
            both::<K, NARROW>(simd, (5, k, n));
        }
    }
}

#[test]
fn products_every_kernel_stay_in_their_operands() {
    for_each_kernel!(products_in_bounds);
}

/// The `len` elements `write` writes into uninitialized storage at the end of a fresh
/// allocation of exactly `off + len` elements (as [`at_offset`]): the result of a kernel that
/// builds its output. An element left unwritten is read uninitialized by the comparisons of
/// the callers, which memcheck reports.
///
/// # Safety
///
/// `write` initializes every element it is given (the property checked under memcheck).
unsafe fn written_at<E: Copy>(
    len: usize,
    off: usize,
    write: impl FnOnce(&mut [MaybeUninit<E>]),
) -> Vec<E> {
    let mut v = Vec::with_capacity(off + len);
    v.resize(off + len, MaybeUninit::uninit());
    assert_eq!(v.capacity(), v.len(), "an exact allocation");
    write(&mut v[off..]);
    // SAFETY: the caller's `write` initialized `v[off..]`.
    v[off..]
        .iter()
        .map(|x| unsafe { x.assume_init() })
        .collect()
}

/// The elementwise kernels at `off`, on every length up to past a 4-vector AVX-512 step.
fn elementwise_in_bounds<K: Simd>(simd: K) {
    fn run<K: Simd, E>(simd: K, op: Binary, len: usize, off: usize) -> Vec<E>
    where
        E: SimdElem + From<f32> + PartialEq + core::fmt::Debug,
    {
        let a = at_offset(&cast::<E>(&values(len, len as u64)), off, E::default());
        let b: Vec<f64> = values(len, len as u64 + 5)
            .iter()
            .map(|x| x + 2.0)
            .collect();
        let b = at_offset(&cast::<E>(&b), off, E::default());
        let mut assign = a.clone();
        entry::binary(simd, op, &mut assign[off..], &b[off..]);
        let write = |out: &mut [MaybeUninit<E>]| {
            entry::binary_into(simd, op, &a[off..], &b[off..], out);
        };
        // SAFETY: `binary_into` writes every element of its output.
        let out = unsafe { written_at(len, off, write) };
        let assign = assign.split_off(off);
        // Finite operands (`b` in [1, 3)): `==` is exact here.
        assert_eq!(assign, out, "{} {op:?} len {len} at +{off}", K::NAME);
        out
    }
    for len in [0, 1, 3, 5, 15, 17, 31, 33, 63, 65, 67, 70] {
        for op in [Binary::Add, Binary::Sub, Binary::Mul, Binary::Div] {
            let r32 = run::<K, f32>(simd, op, len, 0);
            let r64 = run::<K, f64>(simd, op, len, 0);
            for off in OFFSETS {
                assert_eq!(
                    run::<K, f32>(simd, op, len, off),
                    r32,
                    "{op:?} {len} +{off}"
                );
                assert_eq!(
                    run::<K, f64>(simd, op, len, off),
                    r64,
                    "{op:?} {len} +{off}"
                );
            }
        }
        for op in [Unary::Exp, Unary::Ln, Unary::Tanh, Unary::Sigmoid] {
            let x = cast::<f32>(&values(len, len as u64 + 9));
            let at = |off: usize| {
                let x = at_offset(&x, off, 0.0);
                // SAFETY: `unary_into` writes every element of its output.
                unsafe { written_at(len, off, |out| entry::unary_into(simd, op, &x[off..], out)) }
            };
            let want = at(0);
            for off in OFFSETS {
                let got = at(off);
                assert!(
                    got.iter()
                        .zip(&want)
                        .all(|(x, y)| x.to_bits() == y.to_bits()),
                    "{} {op:?} len {len} at +{off}",
                    K::NAME
                );
            }
        }
    }
}

#[test]
fn elementwise_every_kernel_stay_in_their_operands() {
    for_each_kernel!(elementwise_in_bounds);
}

/// The `f64` math (dispatched to the active instruction set) at every offset.
#[test]
fn f64_math_stays_in_its_operands() {
    for len in [0, 1, 3, 7, 9, 31, 33, 35] {
        for op in [Unary::Exp, Unary::Ln, Unary::Tanh, Unary::Sigmoid] {
            let x: Vec<f64> = values(len, len as u64 + 11)
                .iter()
                .map(|v| 4.0 * v)
                .collect();
            let at = |off: usize| {
                let x = at_offset(&x, off, 0.0);
                let write = |out: &mut [MaybeUninit<f64>]| {
                    super::entry::unary_into_f64(op, &x[off..], out);
                };
                // SAFETY: `unary_into_f64` writes every element of its output.
                unsafe { written_at(len, off, write) }
            };
            let want = at(0);
            for off in OFFSETS {
                let got = at(off);
                assert!(
                    got.iter()
                        .zip(&want)
                        .all(|(x, y)| x.to_bits() == y.to_bits()),
                    "{op:?} len {len} at +{off}"
                );
            }
        }
    }
}

/// `op` of `a` (shape `da`) and `b` (shape `db`) broadcast to `dims`, element by element
/// through the indices: the reference for [`super::elementwise::broadcast_binary`].
fn broadcast_reference<T: Copy>(
    a: &[T],
    da: &[usize],
    b: &[T],
    db: &[usize],
    dims: &[usize],
    f: impl Fn(T, T) -> T,
) -> Vec<T> {
    let source = |mut k: usize, d: &[usize]| {
        let (mut index, mut stride) = (0, 1);
        for axis in (0..dims.len()).rev() {
            let i = k % dims[axis];
            k /= dims[axis];
            if d[axis] != 1 {
                index += i * stride;
            }
            stride *= d[axis];
        }
        index
    };
    let len = dims.iter().product();
    (0..len)
        .map(|k| f(a[source(k, da)], b[source(k, db)]))
        .collect()
}

/// The loops that build results write every element of an uninitialized output (an element
/// left unwritten is read by the comparison, which memcheck reports): same shapes below and
/// above the inline limit, broadcasts of every rank, empty shapes, `f32`, `f64` and `i32`
/// (the generic loop), against the reference.
#[test]
fn elementwise_results_write_every_element() {
    use super::elementwise::{broadcast_binary, unary_simd};
    type Case = (&'static [usize], &'static [usize], &'static [usize]);
    let cases: [Case; 8] = [
        (&[3, 4], &[3, 4], &[3, 4]),
        (&[17, 19], &[17, 19], &[17, 19]),
        (&[5, 1, 7], &[1, 6, 7], &[5, 6, 7]),
        (&[300], &[1], &[300]),
        (&[1], &[257], &[257]),
        (&[2, 3, 1, 5], &[1, 3, 4, 5], &[2, 3, 4, 5]),
        (&[9, 1], &[1, 33], &[9, 33]),
        (&[0, 3], &[0, 3], &[0, 3]),
    ];
    fn check<T: Copy + PartialEq + core::fmt::Debug>(
        (da, db, dims): Case,
        from: impl Fn(f64) -> T,
        f: impl Fn(T, T) -> T + Copy,
        op: Binary,
    ) {
        let a: Vec<T> = values(da.iter().product(), 3)
            .into_iter()
            .map(&from)
            .collect();
        let b: Vec<T> = values(db.iter().product(), 4)
            .into_iter()
            .map(|x| from(x + 2.0))
            .collect();
        let want = broadcast_reference(&a, da, &b, db, dims, f);
        let write = |out: &mut [MaybeUninit<T>]| {
            broadcast_binary(&a, da, &b, db, out, dims, Some(op), f);
        };
        // SAFETY: `broadcast_binary` writes every element of its output (checked here).
        let got = unsafe { written_at(want.len(), 1, write) };
        assert_eq!(got, want, "{op:?} {da:?} with {db:?}");
    }
    for case in cases {
        check(case, |x| x as f32, |x, y| x + y, Binary::Add);
        check(case, |x| x as f32, |x, y| x / y, Binary::Div);
        check(case, |x| x, |x, y| x - y, Binary::Sub);
        check(case, |x| (x * 100.0) as i32, |x, y| x * y, Binary::Mul);
    }
    for len in [0, 5, 255, 256, 300] {
        let x: Vec<f64> = values(len, 6).iter().map(|v| 3.0 * v).collect();
        let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let xi: Vec<i32> = x.iter().map(|&v| (v * 10.0) as i32).collect();
        // SAFETY (each): `unary_simd` writes every element of its output (checked here).
        let got = unsafe { written_at(len, 1, |o| unary_simd(&x32, o, Unary::Exp, f32::exp)) };
        let mut want32 = std::vec![0.0f32; len];
        super::entry::unary_into_f32(Unary::Exp, &x32, super::out_of(&mut want32));
        assert_eq!(got, want32, "f32 exp, {len}");
        let got = unsafe { written_at(len, 1, |o| unary_simd(&x, o, Unary::Tanh, f64::tanh)) };
        let mut want64 = std::vec![0.0f64; len];
        super::entry::unary_into_f64(Unary::Tanh, &x, super::out_of(&mut want64));
        assert_eq!(got, want64, "f64 tanh, {len}");
        let got = unsafe { written_at(len, 1, |o| unary_simd(&xi, o, Unary::Exp, |v| v * 2)) };
        let want: Vec<i32> = xi.iter().map(|v| v * 2).collect();
        assert_eq!(got, want, "i32, {len}");
    }
}

/// Fused `tensor!` results are built in storage that is not filled first (`fuse::eval`): every
/// element is written, or the comparison reads an unwritten one, which memcheck reports.
/// Shapes below and above the inline limit and across the chunks (1024 elements, not a
/// multiple of the rows), with broadcast rows and columns, scalars and a SIMD function; on the
/// stack, boxed, and for run-time rows.
#[test]
fn fused_results_write_every_element() {
    use crate::{Array, ColVector, DynTensor, RowVector, Tensor, fuse};
    fn check<const R: usize, const C: usize>() {
        let a = Tensor::<f64, R, C>::from_flat_fn(|k| (k % 7) as f64 * 0.5 - 1.0);
        let row = RowVector::<f64, C>::from_flat_fn(|j| j as f64 * 0.25);
        let col = ColVector::<f64, R>::from_flat_fn(|i| i as f64);
        let want: Tensor<f64, R, C> = ((a + row) * 2.0 - col).square();
        let expr = || fuse::square(fuse::sub(fuse::mul(fuse::add(&a, &row), &2.0), &col));
        assert_eq!(fuse::eval(expr()), want, "({R}, {C}) on the stack");
        let boxed: std::boxed::Box<Tensor<f64, R, C>> = a.to_boxed();
        let got = fuse::eval(fuse::square(fuse::sub(
            fuse::mul(fuse::add(&boxed, &row), &2.0),
            &col,
        )));
        assert_eq!(*got, want, "({R}, {C}) boxed");
        // Both operands computed: the right one in a scratch chunk, which is not filled first.
        let both = fuse::eval(fuse::mul(fuse::add(&a, &row), fuse::sub(&a, &col)));
        assert_eq!(both, (a + row) * (a - col), "({R}, {C}) scratch");
        let sig = fuse::eval(fuse::sigmoid(fuse::sub(&a, &col)));
        let sig_want = (a - col).sigmoid();
        for (g, w) in sig.iter().zip(sig_want.iter()) {
            assert!(
                (g - w).abs() <= 1e-15,
                "({R}, {C}) sigmoid: {g} against {w}"
            );
        }
        let x = DynTensor::<f64, C>::from_flat_fn(R, |k| (k % 7) as f64 * 0.5 - 1.0);
        let got = fuse::eval(fuse::mul(fuse::add(&x, &row), &2.0));
        let want: Array<f64, _> = (a + row) * 2.0;
        assert_eq!(got.as_flat(), want.as_flat(), "({R}, {C}) run-time rows");
    }
    check::<0, 3>();
    check::<1, 1>();
    check::<3, 4>();
    check::<16, 16>();
    check::<33, 65>();
}

/// Matrix products are built in storage that is not filled first (`Tensor::matmul`, its boxed
/// form, `matvec`): every element is written on every path (memcheck reports a read of one
/// left unwritten). `K = 0`, `K = 1`, the small and inlined loops, and the SIMD paths, against
/// the naive loop.
#[test]
fn product_results_write_every_element() {
    use crate::{BoxedMatrix, Tensor};
    fn check<const R: usize, const K: usize, const C: usize>() {
        let a = Tensor::<f64, R, K>::from_flat_fn(|k| (k % 5) as f64 - 2.0);
        let b = Tensor::<f64, K, C>::from_flat_fn(|k| (k % 3) as f64 * 0.5);
        let want =
            Tensor::<f64, R, C>::from_fn(|i, j| (0..K).fold(0.0, |s, p| s + a[(i, p)] * b[(p, j)]));
        assert_eq!(a.matmul(&b), want, "({R}, {K}) @ ({K}, {C})");
        assert_eq!(
            *a.to_boxed().matmul(&b),
            want,
            "boxed ({R}, {K}) @ ({K}, {C})"
        );
        let ai = Tensor::<i32, R, K>::from_flat_fn(|k| (k % 5) as i32 - 2);
        let bi = Tensor::<i32, K, C>::from_flat_fn(|k| (k % 3) as i32);
        let want =
            Tensor::<i32, R, C>::from_fn(|i, j| (0..K).map(|p| ai[(i, p)] * bi[(p, j)]).sum());
        assert_eq!(ai.matmul(&bi), want, "i32 ({R}, {K}) @ ({K}, {C})");
    }
    check::<3, 0, 4>();
    check::<40, 1, 70>();
    check::<4, 4, 4>();
    check::<3, 5, 7>();
    check::<1, 300, 1>();
    check::<64, 40, 1>();
    check::<33, 40, 10>();
    check::<1, 70, 90>();
    check::<9, 70, 90>();
    // Inner dimensions past the blocked product's `k` block (`KC`), whose later blocks read
    // back what the first wrote: full and partial row panels, and four-row tiles.
    check::<9, 300, 40>();
    check::<3, 300, 90>();
    let m = Tensor::<f64, 50, 20>::from_flat_fn(|k| k as f64);
    let v = crate::Vector::<f64, 20>::from_flat_fn(|k| 1.0 - k as f64);
    let want =
        crate::Vector::<f64, 50>::from_flat_fn(|i| (0..20).map(|p| m[(i, p)] * v[(0, p)]).sum());
    assert_eq!(m.matvec(&v), want);
}
