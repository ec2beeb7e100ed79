//! Large kernels split across threads (feature `parallel`): the blocked matrix product by
//! bands of rows, the `f32`/`f64` elementwise kernels by chunks, the accurate sums by blocks.
//!
//! Every function here takes the serial kernel and, without the feature or below the
//! thresholds, calls it directly: small operations pay for one comparison of sizes that are
//! usually compile-time constants, and never call into rayon. With the feature, work above
//! the thresholds runs on the current rayon pool (the global one, or the pool of an enclosing
//! `ThreadPool::install`); a pool of one thread takes the serial path.
//!
//! What is guaranteed: the results are those of the serial kernels, bit for bit, for every
//! pool size.
//! - Products: each band of rows is an ordinary call of the serial blocked product on those
//!   rows; an element of the output is computed by the same micro-kernel, over the same `k`
//!   blocks in the same order, whichever band holds its row (`super::gemm`: the column tiles
//!   and the `k` blocks do not depend on the number of rows).
//! - Elementwise kernels compute each element alone (the vector functions are lane by lane).
//! - Sums: long sums are split into blocks of [`SUM_BLOCK`] elements in every build, with or
//!   without the feature; each block is summed by the serial kernel and the block sums are
//!   combined in their order, compensated ([`super::accurate`]). Threads only decide which
//!   thread sums which block.

use core::mem::MaybeUninit;

#[cfg(feature = "parallel")]
use rayon::prelude::*;

/// Products with at least this many multiply-adds (`m * k * n`) are split: 256 x 256 x 256.
#[cfg(feature = "parallel")]
pub(crate) const MIN_PRODUCT: usize = 1 << 24;

/// Elementwise kernels over at least this many elements are split (64 Ki).
#[cfg(feature = "parallel")]
pub(crate) const MIN_ELEMS: usize = 1 << 16;

/// The elements of one elementwise task (16 Ki: 64 KiB of `f32`): a multiple of every
/// kernel's step (four vectors of at most 16 lanes), so each task's vector loop meets the same
/// elements as the serial loop's.
#[cfg(feature = "parallel")]
const CHUNK: usize = 1 << 14;

/// The block of the long sums (64 Ki elements), in every build: a sum of more elements is the
/// compensated total of its blocks' sums, which threads may compute in any order. (On 16-bit
/// targets, where `1 << 16` does not fit and no slice is that long: `usize::MAX`.)
pub(crate) const SUM_BLOCK: usize = if usize::BITS < 32 {
    usize::MAX
} else {
    1 << 16
};

/// The row bands of a product per thread of the pool: more bands than threads let a thread
/// that finishes early (the other one shares its core) take work from one that does not.
#[cfg(feature = "parallel")]
const BANDS_PER_THREAD: usize = 4;

/// The threads of the current rayon pool, or `None` for one (nothing to split).
#[cfg(feature = "parallel")]
fn threads() -> Option<usize> {
    let t = rayon::current_num_threads();
    (t > 1).then_some(t)
}

/// A serial product kernel: `c = a @ b` for row-major `m x k` `a` and `k x n` `b`, called as
/// `kernel(m, k, n, a, b, c)`, writing every element of `c`.
pub(crate) type ProductKernel<E> = fn(usize, usize, usize, &[E], &[E], &mut [MaybeUninit<E>]);

/// `c = a @ b` (`a` is `m x k`, `b` is `k x n`, `c` is `m x n`, row-major) by `kernel`, the
/// serial blocked product; with `parallel`, products of at least [`MIN_PRODUCT`]
/// multiply-adds run `kernel` on bands of whole tiles of rows (`mr` rows each, the kernel's
/// tile), one band per task, all reading the whole of `b`.
///
/// # Panics
///
/// If a length does not match the dimensions.
#[inline(always)]
#[cfg_attr(not(feature = "parallel"), allow(unused_variables))]
pub(crate) fn product<E: Send + Sync>(
    (m, k, n): (usize, usize, usize),
    a: &[E],
    b: &[E],
    c: &mut [MaybeUninit<E>],
    mr: fn() -> usize,
    kernel: ProductKernel<E>,
) {
    #[cfg(feature = "parallel")]
    if m.saturating_mul(k).saturating_mul(n) >= MIN_PRODUCT
        && let Some(threads) = threads()
    {
        assert!(a.len() == m * k && b.len() == k * n && c.len() == m * n);
        let mr = mr();
        let panels = m.div_ceil(mr);
        let bands = panels.min(BANDS_PER_THREAD * threads);
        if bands > 1 {
            let rows = panels.div_ceil(bands) * mr;
            return c
                .par_chunks_mut(rows * n)
                .zip(a.par_chunks(rows * k))
                .for_each(|(c, a)| kernel(c.len() / n, k, n, a, b, c));
        }
    }
    kernel(m, k, n, a, b, c);
}

/// `kernel(x, out)`, an elementwise kernel (`out[i]` from `x[i]` alone); with `parallel`, on
/// chunks of [`CHUNK`] elements when there are at least [`MIN_ELEMS`].
///
/// # Panics
///
/// If the lengths differ.
#[inline(always)]
pub(crate) fn unary<E: Send + Sync>(
    x: &[E],
    out: &mut [MaybeUninit<E>],
    kernel: impl Fn(&[E], &mut [MaybeUninit<E>]) + Sync,
) {
    assert_eq!(x.len(), out.len());
    #[cfg(feature = "parallel")]
    if out.len() >= MIN_ELEMS && threads().is_some() {
        return out
            .par_chunks_mut(CHUNK)
            .zip(x.par_chunks(CHUNK))
            .for_each(|(out, x)| kernel(x, out));
    }
    kernel(x, out);
}

/// `kernel(a, b, out)`, an elementwise kernel (`out[i]` from `a[i]` and `b[i]` alone); with
/// `parallel`, on chunks as [`unary`].
///
/// # Panics
///
/// If the lengths differ.
#[inline(always)]
pub(crate) fn binary<E: Send + Sync>(
    a: &[E],
    b: &[E],
    out: &mut [MaybeUninit<E>],
    kernel: impl Fn(&[E], &[E], &mut [MaybeUninit<E>]) + Sync,
) {
    assert!(a.len() == out.len() && b.len() == out.len());
    #[cfg(feature = "parallel")]
    if out.len() >= MIN_ELEMS && threads().is_some() {
        return out
            .par_chunks_mut(CHUNK)
            .zip(a.par_chunks(CHUNK).zip(b.par_chunks(CHUNK)))
            .for_each(|(out, (a, b))| kernel(a, b, out));
    }
    kernel(a, b, out);
}

/// `kernel(a, b)`, an in-place elementwise kernel (`a[i]` from `a[i]` and `b[i]` alone); with
/// `parallel`, on chunks as [`unary`].
///
/// # Panics
///
/// If the lengths differ.
#[inline(always)]
pub(crate) fn binary_assign<E: Send + Sync>(
    a: &mut [E],
    b: &[E],
    kernel: impl Fn(&mut [E], &[E]) + Sync,
) {
    assert_eq!(a.len(), b.len());
    #[cfg(feature = "parallel")]
    if a.len() >= MIN_ELEMS && threads().is_some() {
        return a
            .par_chunks_mut(CHUNK)
            .zip(b.par_chunks(CHUNK))
            .for_each(|(a, b)| kernel(a, b));
    }
    kernel(a, b);
}

/// `a`'s blocks of [`SUM_BLOCK`] elements (the last one shorter), each reduced by `block`, and
/// the results folded with `combine` in the blocks' order, from `init`; with `parallel` and
/// at least two blocks, the blocks are reduced on the pool's threads (the fold stays in
/// order, so the result does not depend on the pool).
#[inline(always)]
pub(crate) fn blocks<E: Sync, R: Send + Copy>(
    a: &[E],
    init: R,
    block: impl Fn(&[E]) -> R + Sync + Send,
    combine: impl Fn(R, R) -> R,
) -> R {
    #[cfg(feature = "parallel")]
    if a.len() > SUM_BLOCK && threads().is_some() {
        let mut sums = std::vec::Vec::new();
        a.par_chunks(SUM_BLOCK)
            .map(&block)
            .collect_into_vec(&mut sums);
        return sums.into_iter().fold(init, combine);
    }
    a.chunks(SUM_BLOCK).map(block).fold(init, combine)
}

#[cfg(all(test, feature = "parallel"))]
mod tests {
    //! The split kernels in pools of 2, 3 and 4 threads against the serial kernels (the same
    //! functions in a pool of one thread, and the kernels called directly), bit for bit, and
    //! against naive `f64` references, at sizes just below, at and above each threshold.

    extern crate std;

    use core::mem::MaybeUninit;
    use std::vec::Vec;

    use super::super::product_tests::values;

    use super::super::entry;
    use super::super::simd::{Binary, Unary};
    use super::super::{accurate, elementwise, out_of};
    use super::{MIN_ELEMS, MIN_PRODUCT, SUM_BLOCK};

    /// `f()` on a pool of `threads` threads.
    fn in_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(f)
    }

    /// The bits of each element, for exact comparisons (NaN included).
    fn bits32(x: &[f32]) -> Vec<u32> {
        x.iter().map(|v| v.to_bits()).collect()
    }

    fn bits64(x: &[f64]) -> Vec<u64> {
        x.iter().map(|v| v.to_bits()).collect()
    }

    /// The scalar operator `op` (the loop short operands take).
    fn scalar<T: num_traits::Float>(op: Binary) -> impl Fn(T, T) -> T + Copy {
        move |x, y| match op {
            Binary::Add => x + y,
            Binary::Sub => x - y,
            Binary::Mul => x * y,
            Binary::Div => x / y,
        }
    }

    /// `c = a @ b` through [`super::product`], as `matmul` calls it.
    fn product_f32(m: usize, k: usize, n: usize, a: &[f32], b: &[f32]) -> Vec<f32> {
        let mut c = std::vec![f32::NAN; m * n];
        super::product(
            (m, k, n),
            a,
            b,
            out_of(&mut c),
            entry::gemm_mr,
            entry::gemm_f32,
        );
        c
    }

    fn product_f64(m: usize, k: usize, n: usize, a: &[f64], b: &[f64]) -> Vec<f64> {
        let mut c = std::vec![f64::NAN; m * n];
        super::product(
            (m, k, n),
            a,
            b,
            out_of(&mut c),
            entry::gemm_mr,
            entry::gemm_f64,
        );
        c
    }

    /// Shapes around [`MIN_PRODUCT`]: below, at, above; rows that are and are not whole tiles;
    /// fewer rows than a tile; one column; odd sizes.
    const SHAPES: [(usize, usize, usize); 9] = [
        (255, 256, 256),
        (256, 256, 256),
        (257, 256, 256),
        (256, 255, 257),
        (301, 263, 217),
        (5, 2048, 2048),
        (4096, 4096, 1),
        (1024, 16, 1024),
        (97, 1, 173_000),
    ];

    #[test]
    fn the_shapes_cross_the_threshold() {
        let big = SHAPES
            .iter()
            .filter(|(m, k, n)| m * k * n >= MIN_PRODUCT)
            .count();
        assert!(big > 0 && big < SHAPES.len());
    }

    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "slow in debug builds; .ci/run runs it in release (native step)"
    )]
    fn products_equal_the_serial_kernel_bit_for_bit() {
        for (s, &(m, k, n)) in SHAPES.iter().enumerate() {
            let a64 = values(m * k, 2 * s as u64 + 1);
            let b64 = values(k * n, 2 * s as u64 + 2);
            let a: Vec<f32> = a64.iter().map(|&x| x as f32).collect();
            let b: Vec<f32> = b64.iter().map(|&x| x as f32).collect();
            let mut serial = std::vec![f32::NAN; m * n];
            entry::gemm_f32(m, k, n, &a, &b, out_of(&mut serial));
            let mut serial64 = std::vec![f64::NAN; m * n];
            entry::gemm_f64(m, k, n, &a64, &b64, out_of(&mut serial64));
            for threads in 1..=4 {
                let c = in_pool(threads, || product_f32(m, k, n, &a, &b));
                assert_eq!(
                    bits32(&c),
                    bits32(&serial),
                    "f32 {m}x{k}x{n}, {threads} threads"
                );
                let c = in_pool(threads, || product_f64(m, k, n, &a64, &b64));
                assert_eq!(
                    bits64(&c),
                    bits64(&serial64),
                    "f64 {m}x{k}x{n}, {threads} threads"
                );
            }
            // The serial product against the naive loop in `f64`, on a sample of rows.
            for i in (0..m).step_by(m.div_ceil(7)) {
                for j in (0..n).step_by(n.div_ceil(5)) {
                    let (mut want, mut mag) = (0.0f64, 0.0f64);
                    for p in 0..k {
                        let t = f64::from(a[i * k + p]) * f64::from(b[p * n + j]);
                        want += t;
                        mag += t.abs();
                    }
                    let got = f64::from(serial[i * n + j]);
                    let tol = 1e-6 * mag + 1e-30;
                    assert!((got - want).abs() <= tol, "({i}, {j}): {got} vs {want}");
                }
            }
        }
    }

    /// Calls of [`counted_gemm`] (one test uses it).
    static CALLS: core::sync::atomic::AtomicUsize = core::sync::atomic::AtomicUsize::new(0);

    /// [`entry::gemm_f32`], counting its calls.
    fn counted_gemm(
        m: usize,
        k: usize,
        n: usize,
        a: &[f32],
        b: &[f32],
        c: &mut [MaybeUninit<f32>],
    ) {
        CALLS.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        entry::gemm_f32(m, k, n, a, b, c);
    }

    #[test]
    fn only_work_above_the_thresholds_is_split() {
        use core::sync::atomic::{AtomicUsize, Ordering};
        let calls = |threads: usize, (m, k, n): (usize, usize, usize)| {
            let (a, b) = (std::vec![1.0f32; m * k], std::vec![1.0f32; k * n]);
            let mut c = std::vec![f32::NAN; m * n];
            CALLS.store(0, Ordering::Relaxed);
            in_pool(threads, || {
                super::product(
                    (m, k, n),
                    &a,
                    &b,
                    out_of(&mut c),
                    entry::gemm_mr,
                    counted_gemm,
                )
            });
            assert!(c.iter().all(|&x| x == k as f32));
            CALLS.load(Ordering::Relaxed)
        };
        assert_eq!(calls(2, (255, 256, 256)), 1);
        assert_eq!(calls(1, (256, 256, 256)), 1);
        let mr = entry::gemm_mr();
        let bands = 256usize.div_ceil(mr).min(super::BANDS_PER_THREAD * 2);
        assert_eq!(calls(2, (256, 256, 256)), bands);
        assert_eq!(
            calls(3, (mr, 4096, 4096)),
            1,
            "one tile of rows is not split"
        );
        let chunks = |threads: usize, len: usize| {
            let count = AtomicUsize::new(0);
            let x = std::vec![1.0f32; len];
            let mut out = std::vec![0.0f32; len];
            in_pool(threads, || {
                super::unary(&x, out_of(&mut out), |x, out| {
                    count.fetch_add(1, Ordering::Relaxed);
                    for (o, &v) in out.iter_mut().zip(x) {
                        o.write(v);
                    }
                })
            });
            assert_eq!(out, x);
            count.into_inner()
        };
        assert_eq!(chunks(2, MIN_ELEMS - 1), 1);
        assert_eq!(chunks(1, MIN_ELEMS), 1);
        assert_eq!(chunks(2, MIN_ELEMS), MIN_ELEMS / super::CHUNK);
        assert_eq!(chunks(2, MIN_ELEMS + 1), MIN_ELEMS / super::CHUNK + 1);
    }

    #[test]
    fn products_propagate_nan_and_inf_in_every_band() {
        let (m, k, n) = (512, 256, 256);
        let mut a: Vec<f64> = values(m * k, 7);
        let b: Vec<f64> = values(k * n, 8);
        a[3 * k] = f64::NAN;
        a[(m - 1) * k + 5] = f64::INFINITY;
        let serial = in_pool(1, || product_f64(m, k, n, &a, &b));
        let parallel = in_pool(3, || product_f64(m, k, n, &a, &b));
        assert_eq!(bits64(&parallel), bits64(&serial));
        assert!(parallel[3 * n..4 * n].iter().all(|x| x.is_nan()));
        assert!(
            parallel[(m - 1) * n..]
                .iter()
                .all(|x| x.is_infinite() || x.is_nan())
        );
    }

    /// Lengths around [`MIN_ELEMS`] and the chunk size, and odd ones.
    const LENGTHS: [usize; 7] = [
        MIN_ELEMS - 1,
        MIN_ELEMS,
        MIN_ELEMS + 1,
        3 * MIN_ELEMS + 17,
        1 << 20,
        (1 << 20) + 5,
        1,
    ];

    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "slow in debug builds; .ci/run runs it in release (native step)"
    )]
    fn elementwise_kernels_equal_the_serial_ones_bit_for_bit() {
        for (s, &len) in LENGTHS.iter().enumerate() {
            let a64: Vec<f64> = values(len, 10 + s as u64)
                .iter()
                .map(|x| 20.0 * x)
                .collect();
            let b64: Vec<f64> = values(len, 20 + s as u64);
            let a: Vec<f32> = a64.iter().map(|&x| x as f32).collect();
            let b: Vec<f32> = b64.iter().map(|&x| x as f32).collect();
            let ops = [Binary::Add, Binary::Sub, Binary::Mul, Binary::Div];
            let funcs = [Unary::Exp, Unary::Ln, Unary::Tanh, Unary::Sigmoid];
            for threads in 1..=3 {
                for op in ops {
                    let mut want = std::vec![0.0f32; len];
                    entry::binary_into_f32(op, &a, &b, out_of(&mut want));
                    let mut got = std::vec![0.0f32; len];
                    in_pool(threads, || {
                        elementwise::binary_simd(&a, &b, out_of(&mut got), op, scalar(op))
                    });
                    assert_eq!(bits32(&got), bits32(&want), "{op:?} {len} {threads}");
                    let mut got = a.clone();
                    in_pool(threads, || {
                        elementwise::binary_assign_simd(&mut got, &b, op, scalar(op))
                    });
                    assert_eq!(bits32(&got), bits32(&want), "{op:?}= {len} {threads}");
                    let mut want = std::vec![0.0f64; len];
                    entry::binary_into_f64(op, &a64, &b64, out_of(&mut want));
                    let mut got = a64.clone();
                    in_pool(threads, || {
                        elementwise::binary_assign_simd(&mut got, &b64, op, scalar(op))
                    });
                    assert_eq!(bits64(&got), bits64(&want), "f64 {op:?}= {len} {threads}");
                }
                for f in funcs {
                    let mut want = std::vec![0.0f32; len];
                    entry::unary_into_f32(f, &a, out_of(&mut want));
                    let mut got = std::vec![0.0f32; len];
                    in_pool(threads, || {
                        elementwise::unary_simd(&a, out_of(&mut got), f, |x| x)
                    });
                    assert_eq!(bits32(&got), bits32(&want), "{f:?} {len} {threads}");
                    let mut want = std::vec![0.0f64; len];
                    super::super::entry::unary_into_f64(f, &a64, out_of(&mut want));
                    let mut got = std::vec![0.0f64; len];
                    in_pool(threads, || {
                        elementwise::unary_simd(&a64, out_of(&mut got), f, |x| x)
                    });
                    assert_eq!(bits64(&got), bits64(&want), "f64 {f:?} {len} {threads}");
                }
            }
        }
    }

    #[test]
    fn sums_do_not_depend_on_the_pool() {
        let lengths = [
            SUM_BLOCK - 1,
            SUM_BLOCK,
            SUM_BLOCK + 1,
            2 * SUM_BLOCK,
            5 * SUM_BLOCK + 333,
            1 << 20,
        ];
        for (s, &len) in lengths.iter().enumerate() {
            // Values of mixed magnitudes and an offset, so that rounding differs by order.
            let a64: Vec<f64> = values(len, 30 + s as u64)
                .iter()
                .enumerate()
                .map(|(i, x)| 1.0 + x * (1.0 + (i % 97) as f64 * 1e3))
                .collect();
            let a: Vec<f32> = a64.iter().map(|&x| x as f32).collect();
            let serial = in_pool(1, || {
                (
                    accurate::sum(&a).to_bits(),
                    accurate::var(&a, 1).to_bits(),
                    accurate::norm(&a).to_bits(),
                    accurate::sum(&a64).to_bits(),
                    accurate::mean(&a64).to_bits(),
                    accurate::std(&a64, 0).to_bits(),
                )
            });
            for threads in 2..=4 {
                let got = in_pool(threads, || {
                    (
                        accurate::sum(&a).to_bits(),
                        accurate::var(&a, 1).to_bits(),
                        accurate::norm(&a).to_bits(),
                        accurate::sum(&a64).to_bits(),
                        accurate::mean(&a64).to_bits(),
                        accurate::std(&a64, 0).to_bits(),
                    )
                });
                assert_eq!(got, serial, "length {len}, {threads} threads");
            }
            // Against the exact sum: `f32` elements summed in `i128` units of 2^-149 would be
            // exact; the compensated `f64` reference of long double-double sums is enough here.
            let (mut hi, mut lo) = (0.0f64, 0.0f64);
            for &x in &a {
                let s = hi + f64::from(x);
                let z = s - hi;
                lo += (hi - (s - z)) + (f64::from(x) - z);
                hi = s;
            }
            let want = (hi + lo) as f32;
            let got = f32::from_bits(serial.0);
            assert!(
                (got - want).abs() <= want.abs() * f32::EPSILON,
                "{len}: {got} vs {want}"
            );
        }
    }

    #[test]
    fn sums_propagate_nan_and_inf_across_blocks() {
        let mut a = std::vec![1.0f64; 3 * SUM_BLOCK];
        a[2 * SUM_BLOCK + 3] = f64::INFINITY;
        let s = in_pool(3, || accurate::sum(&a));
        assert_eq!(s, f64::INFINITY);
        a[5] = f64::NEG_INFINITY;
        assert!(in_pool(3, || accurate::sum(&a)).is_nan());
        assert!(in_pool(1, || accurate::sum(&a)).is_nan());
    }
}
