//! Float reductions: the sums behind `sum`, `mean`, `var`/`std` and `norm` of `f32` and `f64`
//! tensors, whole and along any axis: NumPy's results for short lanes, more accurate than
//! NumPy's for long ones.
//!
//! - Lanes of at most [`NUMPY_MAX`] (128) elements (rows of 64 features, a batch of 32
//!   samples along axis 0, small whole tensors) are reduced as NumPy reduces them, in the
//!   element type and in NumPy's order ([`numpy_lanes`], [`numpy_sum`]): one block of its
//!   pairwise summation along the contiguous axis, one running sum from 0 per column, row by
//!   row, along a strided axis; the mean divided in the element type; the variance from the
//!   squared deviations of that mean; the standard deviation its square root. The results are
//!   NumPy's bit for bit (`tests/reduce_numpy.rs`), with NumPy's error (at most `n / 8 + 9`
//!   roundings per element along the contiguous axis, `n` along the others) and NumPy's
//!   overflow, and cost what the plain loop costs. `norm` keeps the accurate sums below at
//!   every length (NumPy's goes through BLAS, in no order to match).
//! - Longer lanes are summed accurately, with an error that does not grow with the length:
//!   `f32` elements accumulated in `f64` (plain sums in several lanes: the accumulated error,
//!   below `n * 2^-53` relative, stays far under half an `f32` ulp up to billions of elements,
//!   so the result is the correctly rounded `f32` except in the rarest ties, and no partial sum
//!   overflows); `f64` elements with compensated summation (every addition an error-free
//!   `two_sum`, the rounding errors summed separately and added at the end: as accurate as if
//!   computed in twice the precision, then rounded). Strided lanes (an axis other than the
//!   last) sum [`LEAF`] rows pairwise, then accumulate (`f32`) or compensate (`f64`) that
//!   partial sum. `mean`, `var` and `std` finish in double-double arithmetic ([`Dd`]): the
//!   division by the count and the square root are rounded once.
//! - The parts of a longer sum (the blocks of `parallel`, the chunks of a fused `tensor!` sum)
//!   are summed as lanes of their length: a last part of at most 128 elements carries NumPy's
//!   error for its own elements only.
//!
//! The loops are written over fixed-size lane arrays, which the compiler turns into SIMD code
//! for the target; long lanes are also compiled for AVX2 and AVX-512 and chosen at run time
//! (the same operations in the same order, so every instruction set gives the same bits).
//! Infinities and NaN propagate as in the plain sums: the compensation is dropped when the
//! running sum is not finite.

use core::ops::{Add, Div, Mul, Sub};

use super::cast_slice_mut;
use super::par::{self, SUM_BLOCK};
use super::simd::dispatch::on_active;

/// The lanes of the contiguous accumulators.
const L: usize = 8;

/// Rows summed pairwise (three roundings) before their partial sum is accumulated, along a
/// strided axis (the code below spells out the tree of 8).
const LEAF: usize = 8;

/// Contiguous lanes shorter than this (and lanes of one element) are reduced one lane at a
/// time into the result ([`short_lanes`]): no buffer, no call.
const SHORT: usize = 16;

/// Reductions over at least this many elements call the long loops out of line ([`long`]),
/// compiled for the active instruction set (the AVX2/AVX-512 copies when the build does not
/// already target them; shorter ones stay inline: no call). Out of line, the lengths are run-time
/// values and the compiler keeps the lane arrays in vector registers; inlined with lengths
/// known at compile time, it unrolls short lanes fully and (measured in a `-C
/// target-cpu=native` build) turns the compensated sums into scalar code, 2.7x slower.
const DISPATCH_MIN: usize = 256;

/// A float element type of the accurate reductions.
pub(crate) trait Real:
    Copy
    + Send
    + Sync
    + 'static
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
{
    /// Whether the `f64` accumulation must be compensated to reach this type's precision.
    const COMPENSATED: bool;
    /// Zero, where NumPy's sums start.
    const ZERO: Self;
    /// `n` in this type (exact for the lane lengths of [`numpy_lanes`], at most
    /// [`NUMPY_MAX`]).
    fn count(n: usize) -> Self;
    /// The square root, rounded once.
    fn sqrt(self) -> Self;
    /// The value as `f64` (exact).
    fn widen(self) -> f64;
    /// `self`, unknown to the optimizer, which keeps it a scalar (see [`numpy_sum`]).
    #[inline(always)]
    fn opaque(self) -> Self {
        self
    }
    /// The `f64` rounded to this type.
    fn narrow(x: f64) -> Self;
}

impl Real for f32 {
    const COMPENSATED: bool = false;
    const ZERO: f32 = 0.0;
    #[inline(always)]
    #[allow(clippy::cast_precision_loss)]
    fn count(n: usize) -> f32 {
        n as f32
    }
    #[inline(always)]
    fn sqrt(self) -> f32 {
        num_traits::Float::sqrt(self)
    }
    #[inline(always)]
    fn widen(self) -> f64 {
        f64::from(self)
    }
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn opaque(mut self) -> f32 {
        // SAFETY: an empty instruction sequence that reads and writes nothing but the
        // register holding `self`, which it leaves unchanged.
        unsafe {
            core::arch::asm!("/* {0} */", inout(xmm_reg) self, options(pure, nomem, nostack))
        };
        self
    }
    #[inline(always)]
    #[allow(clippy::cast_possible_truncation)]
    fn narrow(x: f64) -> f32 {
        x as f32
    }
}

impl Real for f64 {
    const COMPENSATED: bool = true;
    const ZERO: f64 = 0.0;
    #[inline(always)]
    fn count(n: usize) -> f64 {
        count(n)
    }
    #[inline(always)]
    fn sqrt(self) -> f64 {
        sqrt(self)
    }
    #[inline(always)]
    fn widen(self) -> f64 {
        self
    }
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn opaque(mut self) -> f64 {
        // SAFETY: as for `f32`.
        unsafe {
            core::arch::asm!("/* {0} */", inout(xmm_reg) self, options(pure, nomem, nostack))
        };
        self
    }
    #[inline(always)]
    fn narrow(x: f64) -> f64 {
        x
    }
}

/// `a + b` as the rounded sum and its exact rounding error (Knuth's branch-free two-sum).
#[inline(always)]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let z = s - a;
    (s, (a - (s - z)) + (b - z))
}

/// The high half of `a` (26 bits) by Dekker's split, so that products of halves are exact.
#[inline(always)]
fn split(a: f64) -> (f64, f64) {
    let c = 134_217_729.0 * a; // 2^27 + 1
    let hi = c - (c - a);
    (hi, a - hi)
}

/// `a * b` as the rounded product and its exact rounding error (Dekker's two-product, without
/// relying on a fused multiply-add, which baseline x86_64 lacks).
#[inline(always)]
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let ((ah, al), (bh, bl)) = (split(a), split(b));
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

/// A double-double number `hi + lo`: the result of a compensated sum before its last rounding.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Dd {
    /// The rounded value (the plain sum: infinite or NaN exactly when it is).
    pub(crate) hi: f64,
    /// The correction, small against `hi` (0 when `hi` is not finite).
    pub(crate) lo: f64,
}

impl Dd {
    /// Zero.
    pub(crate) const ZERO: Dd = Dd { hi: 0.0, lo: 0.0 };

    /// `hi + lo` rounded once (`hi` itself when infinite or NaN: `lo` is then 0).
    #[inline(always)]
    pub(crate) fn value(self) -> f64 {
        self.hi + self.lo
    }

    /// `self + o`, compensated: the rounding error of the high parts joins the low parts.
    #[inline(always)]
    fn plus(self, o: Dd) -> Dd {
        let (hi, e) = two_sum(self.hi, o.hi);
        Dd {
            hi,
            lo: self.lo + o.lo + e,
        }
    }

    /// `self + x`, compensated.
    #[inline(always)]
    fn add(self, x: f64) -> Dd {
        let (hi, e) = two_sum(self.hi, x);
        Dd {
            hi,
            lo: self.lo + e,
        }
    }

    /// `self / d`, with the remainder carried (so the quotient's `value` is rounded once).
    #[inline]
    pub(crate) fn div(self, d: f64) -> Dd {
        let q = self.hi / d;
        if d == 1.0 || self.lo == 0.0 {
            // Exact, or `hi / d` correctly rounded already (an IEEE division).
            return Dd { hi: q, lo: 0.0 };
        }
        if !q.is_finite() || !self.hi.is_finite() || d == 0.0 {
            return Dd {
                hi: self.value() / d,
                lo: 0.0,
            };
        }
        let (p, e) = two_prod(q, d);
        let r = ((self.hi - p) - e + self.lo) / d;
        if r.is_finite() {
            Dd { hi: q, lo: r }
        } else {
            Dd { hi: q, lo: 0.0 }
        }
    }

    /// The square root, rounded once (NaN below zero, as `f64::sqrt`).
    #[inline]
    pub(crate) fn sqrt(self) -> f64 {
        if self.lo == 0.0 || !(self.hi > 0.0 && self.hi.is_finite()) {
            return sqrt(self.value());
        }
        let s = sqrt(self.hi);
        let (p, e) = two_prod(s, s);
        let r = ((self.hi - p) - e + self.lo) / (s + s);
        if r.is_finite() { s + r } else { s }
    }
}

/// `f64::sqrt` with or without `std`.
#[inline(always)]
fn sqrt(x: f64) -> f64 {
    num_traits::Float::sqrt(x)
}

/// `L` running sums and, when compensating, their rounding errors.
#[derive(Clone, Copy)]
struct Lanes {
    s: [f64; L],
    c: [f64; L],
}

impl Lanes {
    const ZERO: Lanes = Lanes {
        s: [0.0; L],
        c: [0.0; L],
    };

    /// Adds `x` lane by lane: compensated (`COMP`, `two_sum` spelled out as whole-array
    /// operations, which the compiler keeps in vector registers) or plain.
    #[cfg(not(all(target_arch = "x86_64", target_feature = "avx512f")))]
    #[inline(always)]
    fn add<const COMP: bool>(&mut self, x: [f64; L]) {
        let s = self.s;
        let t: [f64; L] = core::array::from_fn(|i| s[i] + x[i]);
        if COMP {
            let z: [f64; L] = core::array::from_fn(|i| t[i] - s[i]);
            let e: [f64; L] = core::array::from_fn(|i| (s[i] - (t[i] - z[i])) + (x[i] - z[i]));
            let c = self.c;
            self.c = core::array::from_fn(|i| c[i] + e[i]);
        }
        self.s = t;
    }

    /// [`add`](Self::add) on one 512-bit register per array, for builds that target AVX-512
    /// (`-C target-cpu=native` on an AVX-512 machine): there LLVM's tuning for the CPU put the
    /// array form on 256-bit vectors (two per array), and the seed's linear regression at
    /// `N = 10 000`, a third of whose time is these sums, ran 11% slower than with this form.
    /// The same IEEE operations lane by lane, so the same values.
    #[cfg(all(target_arch = "x86_64", target_feature = "avx512f"))]
    #[inline(always)]
    fn add<const COMP: bool>(&mut self, x: [f64; L]) {
        use core::arch::x86_64::{__m512d, _mm512_add_pd as add, _mm512_sub_pd as sub};
        use core::mem::transmute;
        const { assert!(L == 8) };
        // SAFETY: the build enables AVX-512F (the `cfg` above), so the binary runs only where
        // its instructions exist; `[f64; 8]` and `__m512d` have the same size, and every bit
        // pattern is a value of both.
        unsafe {
            let (v, a) = (
                transmute::<[f64; L], __m512d>,
                transmute::<__m512d, [f64; L]>,
            );
            let (s, x) = (v(self.s), v(x));
            let t = add(s, x);
            if COMP {
                let z = sub(t, s);
                let e = add(sub(s, sub(t, z)), sub(x, z));
                self.c = a(add(v(self.c), e));
            }
            self.s = a(t);
        }
    }

    /// The total of every lane, compensated: lanes combined pairwise (`two_sum` lane by
    /// lane, three levels for eight lanes).
    ///
    /// Out of line: inlined, its pairs of lanes (`i`, `i + h`) led LLVM's SLP vectorizer to
    /// pack the accumulation loop's eight lanes two by two in 128-bit registers, even in the
    /// AVX2 and AVX-512 copies (the long sums ran at half speed: `f64` `(1, 10000)` 5.3 µs,
    /// now 2.7 µs; `f32` 1.37 µs, now 0.70 µs). The arithmetic, so the result, is the same.
    #[inline(never)]
    fn total(mut self) -> Dd {
        let mut h = L / 2;
        while h > 0 {
            for i in 0..h {
                let (s, e) = two_sum(self.s[i], self.s[i + h]);
                self.s[i] = s;
                self.c[i] += self.c[i + h] + e;
            }
            h /= 2;
        }
        finite_or_plain(Dd {
            hi: self.s[0],
            lo: self.c[0],
        })
    }
}

/// `t`, or its plain sum alone when that is infinite or NaN (the correction is then
/// meaningless: `inf - inf`).
#[inline(always)]
fn finite_or_plain(t: Dd) -> Dd {
    if t.hi.is_finite() {
        t
    } else {
        Dd { hi: t.hi, lo: 0.0 }
    }
}

/// `sum(map(a[i]))`, accurately (see the module docs), in any order.
#[inline(always)]
fn sum_body<E: Real>(a: &[E], map: impl Fn(f64) -> f64) -> Dd {
    if a.len() <= NUMPY_MAX {
        return Dd {
            hi: numpy_sum(a, |x| map(x.widen())),
            lo: 0.0,
        };
    }
    if E::COMPENSATED {
        // One set of lanes: the dependency chain is one addition per 8 elements, shorter
        // than the six other operations of `two_sum`.
        let mut acc = Lanes::ZERO;
        let (chunks, rest) = a.as_chunks::<L>();
        for chunk in chunks {
            acc.add::<true>(core::array::from_fn(|i| map(chunk[i].widen())));
        }
        let mut t = acc.total();
        for &x in rest {
            t = t.add(map(x.widen()));
        }
        return finite_or_plain(t);
    }
    // Two sets of lanes: independent dependency chains for the plain (`f32`) sums.
    let mut acc = [Lanes::ZERO; 2];
    let (chunks, rest) = a.as_chunks::<{ 2 * L }>();
    for chunk in chunks {
        for (h, lanes) in acc.iter_mut().enumerate() {
            lanes.add::<false>(core::array::from_fn(|i| map(chunk[h * L + i].widen())));
        }
    }
    let [mut first, second] = acc;
    for i in 0..L {
        let (s, e) = two_sum(first.s[i], second.s[i]);
        first.s[i] = s;
        first.c[i] += second.c[i] + e;
    }
    let mut t = first.total();
    for &x in rest {
        t = t.add(map(x.widen()));
    }
    finite_or_plain(t)
}

/// Lanes of at most this many elements are reduced as NumPy reduces them ([`numpy_sum`] along
/// a contiguous axis, row by row along a strided one), longer ones accurately (`f32` in `f64`,
/// `f64` compensated). 128 is NumPy's pairwise block, the length below which its own sums
/// are one block of 8 running sums.
pub(crate) const NUMPY_MAX: usize = 128;

/// The sum of `get(a[i])` for a lane of at most [`NUMPY_MAX`] elements in NumPy's order
/// (`pairwise_sum` below its block size), in the type `A`: below 8 elements one running sum from
/// 0; from 8, 8 running sums over the interleaved elements, started from the first 8, combined as
/// `((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))`, then the last `n % 8` added in order,
/// and the total added to 0 (the identity NumPy's reduction starts from). With `A` the element
/// type and `get` the identity, NumPy's sum bit for bit (`tests/reduce_numpy.rs`): every element
/// goes through at most `n / 8 + 9` roundings.
#[inline(always)]
fn numpy_sum<E: Copy, A: Real>(a: &[E], get: impl Fn(E) -> A) -> A {
    debug_assert!(a.len() <= NUMPY_MAX);
    if a.len() < L {
        let mut s = A::ZERO;
        for &x in a {
            s = s + get(x);
        }
        return s;
    }
    if a.len() < 2 * L {
        // One block of 8 and no running sums: combined inline, each pair's sum kept a scalar
        // (`opaque`): LLVM's SLP vectorizer otherwise packed the pairs into vectors with 10
        // shuffles, and a whole `(3, 4)` tensor's sum took 2.2 ns against the plain loop's 1.6.
        let x: [A; L] = core::array::from_fn(|i| get(a[i]));
        let t: [A; 4] = core::array::from_fn(|i| A::opaque(x[2 * i] + x[2 * i + 1]));
        let mut s = (t[0] + t[1]) + (t[2] + t[3]);
        for &x in &a[L..] {
            s = s + get(x);
        }
        return A::ZERO + s;
    }
    let (chunks, rest) = a.as_chunks::<L>();
    let mut r: [A; L] = core::array::from_fn(|i| get(chunks[0][i]));
    for chunk in &chunks[1..] {
        let x: [A; L] = core::array::from_fn(|i| get(chunk[i]));
        r = core::array::from_fn(|i| r[i] + x[i]);
    }
    let mut s = pairwise_tree(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
    for &x in rest {
        s = s + get(x);
    }
    A::ZERO + s
}

/// NumPy's combination of its 8 running sums, `((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 +
/// r7))`.
///
/// Out of line for the reason [`Lanes::total`] is: inlined, its pairs of lanes led LLVM to
/// keep the running sums of [`numpy_sum`] two by two in 128-bit registers, with shuffles
/// at every step. The sums are passed as 8 scalars, in registers: an array went through
/// memory, and the native build spent more on that than on the additions
/// (`sum_axis::<1>()` of `(1000, 64)` `f64`, per row: inlined 9.2 ns (default build) and
/// 10.3 ns (native), an array argument 6.6 and 12.8 ns, scalars 6.5 and 6.3 ns; the plain loop
/// 9.6-9.8 ns).
#[inline(never)]
#[allow(
    clippy::too_many_arguments,
    reason = "the 8 sums in registers, see above"
)]
fn pairwise_tree<A: Real>(r0: A, r1: A, r2: A, r3: A, r4: A, r5: A, r6: A, r7: A) -> A {
    ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
}

/// `sum(map(a[i]))`: [`sum_block`] of `a`, or, for more than [`SUM_BLOCK`] elements, the
/// compensated total of the [`sum_block`]s of its blocks of [`SUM_BLOCK`] elements, in their
/// order (on several threads with the feature `parallel`: the same result, see `par`).
#[inline(always)]
#[allow(
    clippy::absurd_extreme_comparisons,
    reason = "`SUM_BLOCK` is `usize::MAX` on 16-bit targets, where no slice is longer"
)]
fn sum_map<E: Real, F: Fn(f64) -> f64 + Copy + Send + Sync>(a: &[E], map: F) -> Dd {
    if a.len() > SUM_BLOCK {
        let total = par::blocks(a, Dd::ZERO, |b| sum_block(b, map), Dd::plus);
        return finite_or_plain(total);
    }
    sum_block(a, map)
}

/// [`sum_body`] compiled for the best instruction set of this CPU when the lane is long and
/// the build does not target AVX2 already.
#[inline(always)]
fn sum_block<E: Real, F: Fn(f64) -> f64 + Copy>(a: &[E], map: F) -> Dd {
    if a.len() >= DISPATCH_MIN {
        return long::sum(a, map);
    }
    sum_body(a, map)
}

/// The long loops ([`sum_body`], [`long_lanes`], [`strided_any`], [`numpy_lanes_body`]) out of
/// line, each compiled for the active instruction set ([`on_active`]: chosen once per process,
/// or by `TENSOR_KERNEL`, when the build does not target AVX2 or AVX-512 already; the build's
/// own otherwise), one call per reduction.
mod long {
    use super::{Dd, Real, long_lanes, numpy_lanes_body, on_active, strided_any, sum_body};

    /// [`long_lanes`].
    #[inline(never)]
    pub(super) fn lanes<E: Real, F: Fn(f64, f64) -> f64 + Copy, G: Fn(Dd) -> f64>(
        a: &[E],
        n: usize,
        out: &mut [E],
        map: F,
        finish: G,
    ) {
        on_active(
            #[inline(always)]
            || long_lanes(a, n, out, map, finish),
        );
    }

    /// [`strided_any`].
    #[inline(never)]
    pub(super) fn strided<E: Real, F: Fn(f64, f64) -> f64 + Copy, G: Fn(Dd) -> f64>(
        a: &[E],
        lanes: (usize, usize, usize),
        out: &mut [E],
        map: F,
        finish: G,
    ) {
        on_active(
            #[inline(always)]
            || strided_any(a, lanes, out, map, finish),
        );
    }

    /// [`numpy_lanes_body`].
    #[inline(never)]
    pub(super) fn numpy_lanes<E: Real, F: Fn(E, E) -> E + Copy, G: Fn(E) -> E + Copy>(
        a: &[E],
        lanes: (usize, usize, usize),
        out: &mut [E],
        get: F,
        finish: G,
    ) {
        on_active(
            #[inline(always)]
            || numpy_lanes_body(a, lanes, out, get, finish),
        );
    }

    /// [`sum_body`] of one slice.
    #[inline(never)]
    pub(super) fn sum<E: Real, F: Fn(f64) -> f64 + Copy>(a: &[E], map: F) -> Dd {
        on_active(
            #[inline(always)]
            || sum_body(a, map),
        )
    }
}

/// For each lane of `a` seen as `outer x n x inner` (the lanes run along the middle axis), of
/// more than [`NUMPY_MAX`] elements: `out[o][j] = finish(sum(map(a[o][i][j], out[o][j])))`,
/// accurately. `out` holds, on entry, the value passed to `map` with each element of its lane
/// (a mean, or anything when `map` ignores it), and receives the results.
///
/// The loop is chosen from the shape, which is a compile-time constant after inlining (no
/// run-time branch remains): contiguous lanes take the lane accumulators, strided lanes the
/// row buffers of [`strided`].
#[inline(always)]
fn lanes_map<E: Real>(
    a: &[E],
    (outer, n, inner): (usize, usize, usize),
    out: &mut [E],
    map: impl Fn(f64, f64) -> f64 + Copy,
    finish: impl Fn(Dd) -> f64 + Copy,
) {
    debug_assert!(a.len() == outer * n * inner && out.len() == outer * inner);
    debug_assert!(n > NUMPY_MAX);
    if out.is_empty() {
        return;
    }
    if inner == 1 {
        if a.len() >= DISPATCH_MIN {
            return long::lanes(a, n, out, map, finish);
        }
        long_lanes(a, n, out, map, finish);
    } else if inner <= TINY && !E::COMPENSATED {
        tiny_strided(a, (outer, n, inner), out, map, finish);
    } else {
        if a.len() >= DISPATCH_MIN {
            return long::strided(a, (outer, n, inner), out, map, finish);
        }
        strided_any(a, (outer, n, inner), out, map, finish);
    }
}

/// Strided lanes at most this wide use row buffers of this size.
const TINY: usize = 16;

/// For each lane of `a` seen as `outer x n x inner`, of at most [`NUMPY_MAX`] elements, in the
/// element type and in NumPy's order: `out[o][j] = finish(sum(get(a[o][i][j], out[o][j])))`,
/// the sum taken by [`numpy_sum`] along a contiguous lane (`inner == 1`) and row by row from 0
/// along a strided one. `out` holds, on entry, the value passed to `get` with each element of
/// its lane (the mean of the variance's second pass), and receives the results.
///
/// From [`DISPATCH_MIN`] elements on, the loops run out of line on the best instruction set
/// (the same operations in the same order on every instruction set: the same bits); below,
/// they are inlined with the shape's constant lengths.
#[inline(always)]
fn numpy_lanes<E: Real>(
    a: &[E],
    lanes: (usize, usize, usize),
    out: &mut [E],
    get: impl Fn(E, E) -> E + Copy,
    finish: impl Fn(E) -> E + Copy,
) {
    debug_assert!(lanes.1 <= NUMPY_MAX);
    if a.len() >= DISPATCH_MIN {
        return long::numpy_lanes(a, lanes, out, get, finish);
    }
    numpy_lanes_body(a, lanes, out, get, finish);
}

/// [`numpy_lanes`]'s loops.
#[inline(always)]
fn numpy_lanes_body<E: Real>(
    a: &[E],
    (outer, n, inner): (usize, usize, usize),
    out: &mut [E],
    get: impl Fn(E, E) -> E + Copy,
    finish: impl Fn(E) -> E + Copy,
) {
    debug_assert!(a.len() == outer * n * inner && out.len() == outer * inner);
    if out.is_empty() {
        return;
    }
    if inner == 1 || n <= 1 {
        // Contiguous lanes (a lane of one element is contiguous whatever `inner` is).
        for (k, o) in out.iter_mut().enumerate() {
            let e = *o;
            *o = finish(numpy_sum(&a[k * n..(k + 1) * n], |x| get(x, e)));
        }
        return;
    }
    // Strided lanes: each column's running sum from 0, the rows added in order (NumPy's order
    // along a strided axis, the plain loop's), a block of columns at a time, its sums kept in
    // registers over all the rows (kept in a buffer and loaded and stored for each row, as the
    // plain loop does, they ran at 0.88x its speed: `sum_axis::<0>()` of `(100, 100)` `f32`).
    // Each block is a chain of `n` dependent additions, so the blocks are wide: 256 bytes
    // (4 AVX-512 or 8 AVX2 registers), then 8 columns, then one at a time.
    for (o, out_row) in out.chunks_exact_mut(inner).enumerate() {
        let rows = &a[o * n * inner..(o + 1) * n * inner];
        if size_of::<E>() == 4 && inner >= 64 {
            column_blocks::<E, 64>(rows, out_row, get, finish);
        } else if size_of::<E>() == 8 && inner >= 32 {
            column_blocks::<E, 32>(rows, out_row, get, finish);
        } else if inner >= 8 {
            column_blocks::<E, 8>(rows, out_row, get, finish);
        } else {
            for (j, o) in out_row.iter_mut().enumerate() {
                let e = *o;
                let mut s = E::ZERO;
                for row in rows.chunks_exact(inner) {
                    s = s + get(row[j], e);
                }
                *o = finish(s);
            }
        }
    }
}

/// The strided lanes of the columns of `rows` (each `out.len()` long, at least `B`), `B`
/// columns at a time: the running sums of a block of columns kept in an array over all the
/// rows. When `B` does not divide the width, the last block is the last `B` columns, and
/// writes only those no block before it wrote (the other columns' sums, taken with `e` = 0,
/// are dropped).
#[inline(always)]
fn column_blocks<E: Real, const B: usize>(
    rows: &[E],
    out: &mut [E],
    get: impl Fn(E, E) -> E + Copy,
    finish: impl Fn(E) -> E + Copy,
) {
    let inner = out.len();
    debug_assert!(inner >= B);
    let block = |j: usize, e: &[E; B]| {
        let mut s = [E::ZERO; B];
        for row in rows.chunks_exact(inner) {
            let x: &[E; B] = row[j..j + B].try_into().expect("B columns");
            // A loop, not `array::from_fn`, which stayed a call per row for the variance.
            for k in 0..B {
                s[k] = s[k] + get(x[k], e[k]);
            }
        }
        s
    };
    let (cols, rest) = out.as_chunks_mut::<B>();
    for (c, out_cols) in cols.iter_mut().enumerate() {
        let s = block(c * B, out_cols);
        for (o, &s) in out_cols.iter_mut().zip(&s) {
            *o = finish(s);
        }
    }
    if !rest.is_empty() {
        let (j, done) = (inner - B, B - rest.len());
        let mut e = [E::ZERO; B];
        e[done..].copy_from_slice(rest);
        let s = block(j, &e);
        for (o, &s) in rest.iter_mut().zip(&s[done..]) {
            *o = finish(s);
        }
    }
}

/// Whether lane `k` of the lanes `(outer, n, inner)` is the contiguous `a[k * n..(k + 1) * n]`
/// and short enough for [`short_lane_sum`], [`short_lane_mean`] and [`short_lane_var`]: lanes
/// of one element (any `inner`), or contiguous lanes (`inner == 1`) below [`SHORT`] elements.
/// The reductions of such shapes compute their result one element at a time, along memory;
/// the shape is static, so this is a constant where it is called.
#[inline(always)]
pub(crate) const fn short_lanes((_, n, inner): (usize, usize, usize)) -> bool {
    n == 1 || (inner == 1 && n > 1 && n < SHORT)
}

/// The sum of one lane of [`short_lanes`] (the value [`sum_lanes`] gives it).
#[inline(always)]
pub(crate) fn short_lane_sum<E: Real>(lane: &[E]) -> E {
    numpy_sum(lane, |x| x)
}

/// The mean of one lane of [`short_lanes`] (the value [`mean_lanes`] gives it).
#[inline(always)]
pub(crate) fn short_lane_mean<E: Real>(lane: &[E]) -> E {
    numpy_sum(lane, |x| x) / E::count(lane.len())
}

/// The variance (`sqrt`: the standard deviation) of one lane of [`short_lanes`] with `ddof`
/// (the value [`var_lanes`] gives it).
#[inline(always)]
pub(crate) fn short_lane_var<E: Real>(lane: &[E], ddof: usize, sqrt: bool) -> E {
    numpy_var(lane, ddof, sqrt)
}

/// [`numpy_var`] of a lane of one element `x`, its two passes in one: `m = 0 + x` and
/// `(x - m)^2 / (1 - ddof)` (0, or NaN for an infinite or NaN element or when `ddof` is not 0:
/// `0 / 0`).
#[inline(always)]
fn one_var<E: Real>(x: E, ddof: usize, sqrt: bool) -> E {
    let m = E::ZERO + x;
    let v = (x - m) * (x - m);
    // `v / 1` is `v`; `v / 0` is NaN (`v` is 0 or NaN).
    let v = if ddof == 0 { v } else { v / E::ZERO };
    if sqrt { v.sqrt() } else { v }
}

/// NumPy's variance (`sqrt`: its standard deviation) of a lane of at most [`NUMPY_MAX`]
/// elements, in the element type: the mean, the squared deviations from it, their sum by
/// [`numpy_sum`] divided by `n - ddof` (NaN when that is 0 and the sum is), and the square root
/// of that.
#[inline(always)]
fn numpy_var<E: Real>(a: &[E], ddof: usize, sqrt: bool) -> E {
    if let [x] = *a {
        return one_var(x, ddof, sqrt);
    }
    let m = numpy_sum(a, |x| x) / E::count(a.len());
    let v = numpy_sum(a, |x| (x - m) * (x - m)) / dof::<E>(a.len(), ddof);
    if sqrt { v.sqrt() } else { v }
}

/// Long contiguous lanes, each through the lane accumulators.
#[inline(always)]
fn long_lanes<E: Real>(
    a: &[E],
    n: usize,
    out: &mut [E],
    map: impl Fn(f64, f64) -> f64 + Copy,
    finish: impl Fn(Dd) -> f64,
) {
    for (o, lane) in out.iter_mut().zip(a.chunks_exact(n)) {
        let e = o.widen();
        *o = E::narrow(finish(sum_body(lane, move |x| map(x, e))));
    }
}

/// [`strided`] with row buffers of [`TINY`] lanes for narrow lanes, 128 for wide ones, and
/// 1024 for rows of more than 128 elements: the rows are read in strips of that width, and
/// strips of 512 bytes from rows 4 KB apart (`(1000, 1000)` `f32`) left the hardware
/// prefetcher behind, 0.81-0.86x the plain loop's row-by-row reading; strips of 4 KB run at
/// its speed (1.01-1.05x). That instance's buffers take 32 KB of stack, the others' 4 KB.
#[inline(always)]
fn strided_any<E: Real>(
    a: &[E],
    lanes: (usize, usize, usize),
    out: &mut [E],
    map: impl Fn(f64, f64) -> f64 + Copy,
    finish: impl Fn(Dd) -> f64,
) {
    if lanes.2 <= TINY {
        strided::<E, TINY>(a, lanes, out, map, finish);
    } else if lanes.2 <= 128 {
        strided::<E, 128>(a, lanes, out, map, finish);
    } else {
        strided::<E, 1024>(a, lanes, out, map, finish);
    }
}

/// Few short strided lanes (or lanes of one element): the plain row-by-row loop, in `f64`
/// (rows added in order, as NumPy does along a strided axis).
#[inline(always)]
fn tiny_strided<E: Real>(
    a: &[E],
    (_, n, inner): (usize, usize, usize),
    out: &mut [E],
    map: impl Fn(f64, f64) -> f64 + Copy,
    finish: impl Fn(Dd) -> f64,
) {
    for (out_row, block) in out.chunks_exact_mut(inner).zip(a.chunks_exact(n * inner)) {
        let mut acc = [0.0; TINY];
        let mut ex = [0.0; TINY];
        for (e, o) in ex.iter_mut().zip(out_row.iter()) {
            *e = o.widen();
        }
        for row in block.chunks_exact(inner) {
            add_row(&mut acc[..inner], row, &ex[..inner], map);
        }
        for (o, &s) in out_row.iter_mut().zip(&acc) {
            *o = E::narrow(finish(Dd { hi: s, lo: 0.0 }));
        }
    }
}

/// [`lanes_map`] for `inner > 1`: the rows are read along memory, `W` columns at a time into
/// row buffers of `W` lanes.
#[inline(always)]
fn strided<E: Real, const W: usize>(
    a: &[E],
    (_, n, inner): (usize, usize, usize),
    out: &mut [E],
    map: impl Fn(f64, f64) -> f64 + Copy,
    finish: impl Fn(Dd) -> f64,
) {
    for (o, out_row) in out.chunks_exact_mut(inner).enumerate() {
        let block = &a[o * n * inner..(o + 1) * n * inner];
        // One chunk of exactly `inner` columns when they fit (a compile-time length).
        let width = if inner <= W { inner } else { W };
        for (c, out_cols) in out_row.chunks_mut(width).enumerate() {
            let (j0, w) = (c * width, out_cols.len().min(W));
            let mut ex = [0.0; W];
            for (e, x) in ex.iter_mut().zip(out_cols.iter()) {
                *e = x.widen();
            }
            let mut s = [0.0; W];
            let mut comp = [0.0; W];
            if !E::COMPENSATED {
                // `f32` elements: one `f64` running sum per column is exact enough. The rows
                // are added `LEAF` at a time, pairwise (in `f64`, as the compensated path
                // below), so that each running sum is loaded and stored once per `LEAF` rows,
                // not once per row. A full block of `W` columns runs a loop of constant
                // length, whatever the caller knows of the shape (run-time rows included), so
                // every instance compiles to the same vectorized loop.
                let groups = block.chunks_exact(LEAF * inner);
                let rest = groups.remainder();
                for group in groups {
                    if w == W {
                        let rows: [&[E; W]; LEAF] = core::array::from_fn(|r| {
                            group[r * inner + j0..r * inner + j0 + W]
                                .try_into()
                                .expect("W columns")
                        });
                        add_leaves(&mut s, &rows, &ex, map);
                    } else {
                        let rows: [&[E]; LEAF] =
                            core::array::from_fn(|r| &group[r * inner + j0..][..w]);
                        add_leaves(&mut s[..w], &rows, &ex[..w], map);
                    }
                }
                for row in rest.chunks_exact(inner) {
                    add_row(&mut s[..w], &row[j0..j0 + w], &ex[..w], map);
                }
                for (o, &s) in out_cols.iter_mut().zip(&s[..w]) {
                    *o = E::narrow(finish(Dd { hi: s, lo: 0.0 }));
                }
                continue;
            }
            let groups = block.chunks_exact(LEAF * inner);
            let rest = groups.remainder();
            for group in groups {
                // The LEAF rows' elements of each column summed pairwise, then accumulated.
                let rows: [&[E]; LEAF] =
                    core::array::from_fn(|r| &group[r * inner + j0..r * inner + j0 + w]);
                add_leaves_compensated(&mut s[..w], &mut comp[..w], &rows, &ex[..w], map);
            }
            let mut leaf = [0.0; W];
            for row in rest.chunks_exact(inner) {
                add_row(&mut leaf[..w], &row[j0..j0 + w], &ex[..w], map);
            }
            for ((s, c), &x) in s[..w].iter_mut().zip(&mut comp[..w]).zip(&leaf[..w]) {
                let (t, e) = two_sum(*s, x);
                *s = t;
                *c += e;
            }
            for ((o, &s), &c) in out_cols.iter_mut().zip(&s[..w]).zip(&comp[..w]) {
                *o = E::narrow(finish(finite_or_plain(Dd { hi: s, lo: c })));
            }
        }
    }
}

/// `((x0 + x1) + (x2 + x3)) + ((x4 + x5) + (x6 + x7))` with `xr = map(rows[r][k], e)`, in
/// `f64`: column `k` of `LEAF` rows of a strided lane, summed pairwise.
#[inline(always)]
fn leaf<E: Real, R: AsRef<[E]>>(
    rows: &[R; LEAF],
    k: usize,
    e: f64,
    map: impl Fn(f64, f64) -> f64,
) -> f64 {
    let x: [f64; LEAF] = core::array::from_fn(|r| map(rows[r].as_ref()[k].widen(), e));
    ((x[0] + x[1]) + (x[2] + x[3])) + ((x[4] + x[5]) + (x[6] + x[7]))
}

/// The columns that [`add_leaves_compensated`] takes at a time, through arrays of this
/// length. Indexing rows of a run-time length instead, the compiler's vectorized loop kept a
/// scalar epilogue of 8 columns (one vector's worth) for every group of rows, even at widths
/// that are multiples of 8: in a `-C target-cpu=native` build 40% of the time of
/// `var_axis::<0>` of a `(1000, 64)` `f64` tensor, 0.65x the plain loop. (The uncompensated
/// [`add_leaves`] of `f32` elements stays a loop over the row: in blocks of 8 its widening
/// was not vectorized, and `sum_axis::<0>` of `(100, 100)` `f32` fell from 1.1x to 0.5x.)
const COLS: usize = 8;

/// The rows' `COLS` columns from `k0`, as arrays.
#[inline(always)]
fn cols<'a, E: Real>(rows: &[&'a [E]; LEAF], k0: usize) -> [&'a [E; COLS]; LEAF] {
    core::array::from_fn(|r| rows[r][k0..k0 + COLS].try_into().expect("COLS columns"))
}

/// `acc[k] += leaf(rows, k, ex[k])` for each column `k` (see [`leaf`]).
#[inline(always)]
fn add_leaves<E: Real, R: AsRef<[E]>>(
    acc: &mut [f64],
    rows: &[R; LEAF],
    ex: &[f64],
    map: impl Fn(f64, f64) -> f64 + Copy,
) {
    let rows: [&[E]; LEAF] = core::array::from_fn(|r| &rows[r].as_ref()[..acc.len()]);
    for (k, (s, &e)) in acc.iter_mut().zip(ex).enumerate() {
        *s += leaf(&rows, k, e, map);
    }
}

/// `(s[k], comp[k]) = two_sum(s[k], leaf(rows, k, ex[k]))` with the rounding error added to
/// `comp[k]`, for each column `k` (see [`leaf`]): the compensated step of [`strided`].
#[inline(always)]
fn add_leaves_compensated<E: Real>(
    s: &mut [f64],
    comp: &mut [f64],
    rows: &[&[E]; LEAF],
    ex: &[f64],
    map: impl Fn(f64, f64) -> f64 + Copy,
) {
    let step = |s: &mut f64, c: &mut f64, x: f64| {
        let (t, e) = two_sum(*s, x);
        *s = t;
        *c += e;
    };
    let (s_blocks, s_rest) = s.as_chunks_mut::<COLS>();
    let (c_blocks, c_rest) = comp.as_chunks_mut::<COLS>();
    let (ex_blocks, ex_rest) = ex.as_chunks::<COLS>();
    let whole = s_blocks.len() * COLS;
    for (b, ((s, c), ex)) in s_blocks.iter_mut().zip(c_blocks).zip(ex_blocks).enumerate() {
        let block = cols(rows, b * COLS);
        for k in 0..COLS {
            step(&mut s[k], &mut c[k], leaf(&block, k, ex[k], map));
        }
    }
    for (k, ((s, c), &e)) in s_rest.iter_mut().zip(c_rest).zip(ex_rest).enumerate() {
        step(s, c, leaf(rows, whole + k, e, map));
    }
}

/// `acc[k] += map(row[k], ex[k])`.
#[inline(always)]
fn add_row<E: Real>(acc: &mut [f64], row: &[E], ex: &[f64], map: impl Fn(f64, f64) -> f64) {
    for ((s, &x), &e) in acc.iter_mut().zip(row).zip(ex) {
        *s += map(x.widen(), e);
    }
}

/// The sum of the squared deviations from `mean`, the core of the variance.
#[inline(always)]
fn sq_dev(x: f64, mean: f64) -> f64 {
    (x - mean) * (x - mean)
}

/// The sum of `a`.
#[inline(always)]
pub(crate) fn sum<E: Real>(a: &[E]) -> E {
    if a.len() <= NUMPY_MAX {
        return numpy_sum(a, |x| x);
    }
    E::narrow(sum_map(a, |x| x).value())
}

/// The sum of one part of a longer slice, to be combined with [`sum_of_parts`] or
/// [`mean_of_parts`]: the fused evaluation of `tensor!` (`crate::fuse`) sums its chunks so. A
/// part of at most [`NUMPY_MAX`] elements is summed as a lane of that length is (so a fused
/// sum of a small tensor is the operators' one), in the element type.
#[inline]
pub(crate) fn sum_part<E: Real>(a: &[E]) -> Dd {
    if a.len() <= NUMPY_MAX {
        return Dd {
            hi: numpy_sum(a, |x| x).widen(),
            lo: 0.0,
        };
    }
    sum_map(a, |x| x)
}

/// [`sum_part`] of the squares of `a`: the fused `tensor!(x.square().sum())` and `.mean()`,
/// one pass over each chunk. Each square is taken in `f64` (exact for `f32` elements), or, in
/// a part of at most [`NUMPY_MAX`] elements, in the element type, as the operators take it.
#[inline]
pub(crate) fn sum_part_of_squares<E: Real>(a: &[E]) -> Dd {
    if a.len() <= NUMPY_MAX {
        return Dd {
            hi: numpy_sum(a, |x| x * x).widen(),
            lo: 0.0,
        };
    }
    sum_map(a, |x| x * x)
}

/// `a + b` of two partial sums, compensated.
#[inline]
pub(crate) fn add_parts(a: Dd, b: Dd) -> Dd {
    a.plus(b)
}

/// The sum of the parts `total` (from [`sum_part`] and [`add_parts`]), rounded once.
#[inline]
pub(crate) fn sum_of_parts<E: Real>(total: Dd) -> E {
    E::narrow(finite_or_plain(total).value())
}

/// The mean of `n` elements whose parts sum to `total`, rounded once (NaN when `n` is 0).
#[inline]
pub(crate) fn mean_of_parts<E: Real>(total: Dd, n: usize) -> E {
    E::narrow(finite_or_plain(total).div(count(n)).value())
}

/// The mean of `a` (NaN when empty).
#[inline(always)]
pub(crate) fn mean<E: Real>(a: &[E]) -> E {
    if a.len() <= NUMPY_MAX {
        return short_lane_mean(a);
    }
    E::narrow(mean_f64(a))
}

/// The mean of `a` in `f64`, rounded once.
#[inline(always)]
fn mean_f64<E: Real>(a: &[E]) -> f64 {
    sum_map(a, |x| x).div(count(a.len())).value()
}

/// The variance of `a` with `ddof` delta degrees of freedom (two passes: the mean, then the
/// squared deviations from it).
#[inline(always)]
pub(crate) fn var<E: Real>(a: &[E], ddof: usize) -> E {
    if a.len() <= NUMPY_MAX {
        return numpy_var(a, ddof, false);
    }
    E::narrow(var_dd(a, ddof).value())
}

/// The standard deviation of `a` with `ddof` delta degrees of freedom.
#[inline(always)]
pub(crate) fn std<E: Real>(a: &[E], ddof: usize) -> E {
    if a.len() <= NUMPY_MAX {
        return numpy_var(a, ddof, true);
    }
    E::narrow(var_dd(a, ddof).sqrt())
}

#[inline(always)]
fn var_dd<E: Real>(a: &[E], ddof: usize) -> Dd {
    let m = mean_f64(a);
    sum_map(a, move |x| sq_dev(x, m)).div(dof::<f64>(a.len(), ddof))
}

/// The L2 norm of `a`.
#[inline(always)]
pub(crate) fn norm<E: Real>(a: &[E]) -> E {
    E::narrow(sum_map(a, |x| x * x).sqrt())
}

/// The sums of the lanes of `a` seen as `outer x n x inner` (see [`lanes_map`]).
#[inline(always)]
pub(crate) fn sum_lanes<E: Real>(a: &[E], lanes: (usize, usize, usize), out: &mut [E]) {
    if lanes.1 <= NUMPY_MAX {
        return numpy_lanes(a, lanes, out, |x, _| x, |s| s);
    }
    lanes_map(a, lanes, out, |x, _| x, Dd::value);
}

/// The means of the lanes.
#[inline(always)]
pub(crate) fn mean_lanes<E: Real>(a: &[E], lanes: (usize, usize, usize), out: &mut [E]) {
    if lanes.1 <= NUMPY_MAX {
        let n = E::count(lanes.1);
        return numpy_lanes(a, lanes, out, |x, _| x, |s| s / n);
    }
    let n = count(lanes.1);
    lanes_map(a, lanes, out, |x, _| x, |s| s.div(n).value());
}

/// The variances (`sqrt`: the standard deviations) of the lanes with `ddof`.
#[inline(always)]
pub(crate) fn var_lanes<E: Real>(
    a: &[E],
    lanes: (usize, usize, usize),
    ddof: usize,
    sqrt: bool,
    out: &mut [E],
) {
    if lanes.1 == 1 {
        for (o, &x) in out.iter_mut().zip(a) {
            *o = one_var(x, ddof, sqrt);
        }
        return;
    }
    mean_lanes(a, lanes, out);
    if lanes.1 <= NUMPY_MAX {
        // NumPy's second pass in the element type: the squared deviations from the means (NaN
        // when `n - ddof` is 0: `0 / 0`).
        let d = dof::<E>(lanes.1, ddof);
        return if sqrt {
            numpy_lanes(a, lanes, out, |x, m| (x - m) * (x - m), |s| (s / d).sqrt())
        } else {
            numpy_lanes(a, lanes, out, |x, m| (x - m) * (x - m), |s| s / d)
        };
    }
    let d = dof::<f64>(lanes.1, ddof);
    if sqrt {
        lanes_map(a, lanes, out, sq_dev, |s| s.div(d).sqrt());
    } else {
        lanes_map(a, lanes, out, sq_dev, |s| s.div(d).value());
    }
}

/// `n` as `f64`.
#[inline(always)]
#[allow(clippy::cast_precision_loss)]
fn count(n: usize) -> f64 {
    n as f64
}

/// `n - ddof` floored at 0 (NumPy's divisor).
#[inline(always)]
fn dof<R: Real>(n: usize, ddof: usize) -> R {
    R::count(n.saturating_sub(ddof))
}

/// `x` (of type `R`) as a `T`, when `T` is `R` (else `fallback`).
#[inline(always)]
pub(crate) fn real_as<T: Copy, R: Real>(x: R, fallback: T) -> T {
    let mut out = [fallback];
    if let Some(o) = cast_slice_mut::<T, R>(&mut out) {
        o[0] = x;
    }
    out[0]
}
