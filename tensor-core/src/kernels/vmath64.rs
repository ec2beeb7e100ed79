//! Vectorized `f64` math: `exp`, `ln`, `tanh` and `sigmoid` of slices, as branch-free scalar
//! bodies (fdlibm's reductions, Taylor and fdlibm polynomials, selects for the special values)
//! in plain loops the compiler vectorizes, compiled once per instruction set inside its
//! token's `#[target_feature]` wrapper ([`Simd::vectorize`]; AVX-512F: 8 lanes, AVX2+FMA: 4,
//! the baseline SSE2: 2) and chosen by the same run-time dispatch as the `f32` kernels
//! ([`dispatch::active`]).
//!
//! Maximum errors measured against the platform's `f64` functions (`std`, glibc's libm, itself
//! within 1 ulp), over every test input of this module's tests (dense sweeps of each function's
//! range, the edges, denormals, infinities and NaN): see the table in BENCHMARKS.md and the
//! bounds asserted by the tests (`BOUNDS`).
//!
//! | function  | bound | special values (as IEEE, `f64::exp` and NumPy) |
//! |-----------|-------|-----------------------------------------------|
//! | `exp`     | 1 ulp | NaN -> NaN, `+inf`/`x > 709.78` -> `inf`, `-inf`/`x < -745.13` -> 0, denormal results rounded once |
//! | `ln`      | 1 ulp | NaN -> NaN, `x < 0` -> NaN, `+-0` -> `-inf`, `inf` -> `inf`, denormal inputs exact |
//! | `tanh`    | 3 ulp | NaN -> NaN, `+-inf` -> `+-1`, `-0` -> `-0`, denormals -> themselves |
//! | `sigmoid` | 3 ulp | NaN -> NaN, `-inf` -> 0, `inf` -> 1, no overflow for large `|x|` |

use core::mem::MaybeUninit;

use super::simd::{Simd, Unary, Vector, WithSimd, dispatch};

/// `ln(2)` in two parts (fdlibm): the high part has 32 trailing zero bits, so `n * LN2_HI` is
/// exact for every `|n| < 2^20`.
const LN2_HI: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000); // 6.93147180369123816490e-1
/// `ln(2) - LN2_HI`.
const LN2_LO: f64 = f64::from_bits(0x3DEA_39EF_3579_3C76); // 1.90821492927058770002e-10
/// `1.5 * 2^52`: adding and subtracting it rounds an `|x| < 2^51` to the nearest integer.
const ROUND: f64 = 6_755_399_441_055_744.0;

/// `a * b + c`: one fused instruction where the wrapper enables FMA (`FMA = true`, only with
/// `std`, which provides `f64::mul_add`), else a multiply and an add.
#[inline(always)]
fn mul_add<const FMA: bool>(a: f64, b: f64, c: f64) -> f64 {
    #[cfg(feature = "std")]
    if FMA {
        return a.mul_add(b, c);
    }
    a * b + c
}

/// `p(x) = c[0] x^(n-1) + ... + c[n-1]` by Horner's rule.
#[inline(always)]
fn horner<const FMA: bool>(x: f64, c: &[f64]) -> f64 {
    let mut p = c[0];
    for &ci in &c[1..] {
        p = mul_add::<FMA>(p, x, ci);
    }
    p
}

/// `1/k!` for `k = 13 down to 2`: the Taylor coefficients of `(e^r - 1 - r) / r^2`.
const EXP_TAYLOR: [f64; 12] = [
    1.0 / 6_227_020_800.0,
    1.0 / 479_001_600.0,
    1.0 / 39_916_800.0,
    1.0 / 3_628_800.0,
    1.0 / 362_880.0,
    1.0 / 40_320.0,
    1.0 / 5_040.0,
    1.0 / 720.0,
    1.0 / 120.0,
    1.0 / 24.0,
    1.0 / 6.0,
    0.5,
];

/// `x = n ln2 + r` with `|r| <= ln2 / 2` (Cody-Waite, exact `n LN2_HI`) for `x` already
/// clamped to `[-746, 710]`: `(n, r)`.
#[inline(always)]
fn reduce<const FMA: bool>(x: f64) -> (f64, f64) {
    let n = mul_add::<FMA>(x, core::f64::consts::LOG2_E, ROUND) - ROUND;
    let r = mul_add::<FMA>(n, -LN2_HI, x);
    (n, mul_add::<FMA>(n, -LN2_LO, r))
}

/// `e^r - 1` for `|r| <= ln2 / 2`: `r + r^2 P(r)` with the Taylor polynomial to degree 13
/// (truncation below `4e-18` relative).
#[inline(always)]
fn expm1_reduced<const FMA: bool>(r: f64) -> f64 {
    mul_add::<FMA>(horner::<FMA>(r, &EXP_TAYLOR), r * r, r)
}

/// `2^n` for integral `n` in `-1022..=1023`: the exponent field built directly.
#[inline(always)]
fn pow2i(n: f64) -> f64 {
    // (n + 1023 + 1.5 * 2^52) has `n + 1023` in its low mantissa bits; shifting by 52 moves
    // them into the exponent field and pushes the rest out.
    f64::from_bits((n + (ROUND + 1023.0)).to_bits() << 52)
}

/// `e^x`.
#[inline(always)]
fn exp<const FMA: bool>(x: f64) -> f64 {
    // Beyond these the result is `inf` or 0 anyway; clamping keeps `n` small. (`max`/`min`
    // as selects: NaN becomes -746 here and is restored at the end.)
    let xc = if x > -746.0 { x } else { -746.0 };
    let xc = if xc < 710.0 { xc } else { 710.0 };
    let (n, r) = reduce::<FMA>(xc);
    let p = expm1_reduced::<FMA>(r) + 1.0;
    // 2^n in two normal factors, so that results down to the denormals are rounded once (by
    // the last product) and overflow gives `inf`.
    let n1 = mul_add::<FMA>(n, 0.5, ROUND) - ROUND;
    let y = p * pow2i(n1) * pow2i(n - n1);
    if x.is_nan() { x } else { y }
}

/// fdlibm's `log` polynomial: `ln(1 + f) = 2s + s R(s^2)` with `s = f / (2 + f)`, split in
/// odd and even powers of `w = z^2` (as bit patterns, with the decimal values fdlibm prints).
const LG: [f64; 7] = [
    f64::from_bits(0x3FE5_5555_5555_5593), // 6.666666666666735130e-1
    f64::from_bits(0x3FD9_9999_9997_FA04), // 3.999999999940941908e-1
    f64::from_bits(0x3FD2_4924_9422_9359), // 2.857142874366239149e-1
    f64::from_bits(0x3FCC_71C5_1D8E_78AF), // 2.222219843214978396e-1
    f64::from_bits(0x3FC7_4664_96CB_03DE), // 1.818357216161805012e-1
    f64::from_bits(0x3FC3_9A09_D078_C69F), // 1.531383769920937332e-1
    f64::from_bits(0x3FC2_F112_DF3E_5244), // 1.479819860511658591e-1
];

/// The natural logarithm.
#[inline(always)]
fn ln<const FMA: bool>(x: f64) -> f64 {
    // Denormals are scaled into the normal range first.
    let tiny = x < f64::MIN_POSITIVE;
    let xs = if tiny {
        x * 18_014_398_509_481_984.0
    } else {
        x
    }; // 2^54
    let adjust = if tiny { -54.0 } else { 0.0 };
    let bits = xs.to_bits();
    // The exponent field as a float: or-ing it into 2^52's mantissa.
    let field = f64::from_bits((bits >> 52) | 0x4330_0000_0000_0000) - 4_503_599_627_370_496.0;
    // x = m 2^e with m in [0.5, 1).
    let m = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FE0_0000_0000_0000);
    let e = field - 1022.0 + adjust;
    // m in [sqrt(1/2), sqrt(2)): f = m - 1 exact either way.
    let low = m < core::f64::consts::FRAC_1_SQRT_2;
    let e = if low { e - 1.0 } else { e };
    let f = if low { m + m - 1.0 } else { m - 1.0 };
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * horner::<FMA>(w, &[LG[5], LG[3], LG[1]]);
    let t2 = z * horner::<FMA>(w, &[LG[6], LG[4], LG[2], LG[0]]);
    let r = t2 + t1;
    let hfsq = 0.5 * f * f;
    let y = e * LN2_HI - ((hfsq - mul_add::<FMA>(s, hfsq + r, e * LN2_LO)) - f);
    // Special values: inf -> inf, +-0 -> -inf, negative -> NaN, NaN -> NaN.
    let y = if x == f64::INFINITY { x } else { y };
    let y = if x == 0.0 { f64::NEG_INFINITY } else { y };
    let y = if x < 0.0 { f64::NAN } else { y };
    if x.is_nan() { x } else { y }
}

/// The hyperbolic tangent. With `y = -2|x| = n ln2 + r`, `E = e^y = 2^n (1 + P)` and
/// `M = e^y - 1 = 2^n P + (2^n - 1)` (both from the same `P = e^r - 1`, each one rounding):
/// `tanh|x| = -M / (2 + M)` below `|x| = ln(3) / 2` (no cancellation in `M`), and
/// `1 - 2E / (1 + E)` above (where `2E / (1 + E) <= 1/2`); the sign of `x` is put back.
#[inline(always)]
fn tanh<const FMA: bool>(x: f64) -> f64 {
    let z = x.abs();
    // tanh(z) rounds to 1 from z = 19.06; clamping keeps 2^n normal (n >= -64).
    let zc = if z < 22.0 { z } else { 22.0 };
    let (n, r) = reduce::<FMA>(-2.0 * zc);
    let p = expm1_reduced::<FMA>(r);
    let s = pow2i(n);
    let small = z < 0.549_306_144_334_054_8;
    // n in [-64, 0]: 2^n - 1 is exact for n >= -53 (only the small branch, n >= -2, uses it).
    let em = mul_add::<FMA>(s, p, s - 1.0);
    let e = mul_add::<FMA>(s, p, s);
    let num = if small { -em } else { e + e };
    let den = if small { 2.0 + em } else { 1.0 + e };
    let q = num / den;
    let t = if small { q } else { 1.0 - q };
    // Tiny |x|: tanh(x) = x to the last bit (and -0 stays -0, denormals themselves).
    let t = if z < 1e-9 { z } else { t };
    let t = f64::from_bits(t.to_bits() | (x.to_bits() & 0x8000_0000_0000_0000));
    if x.is_nan() { x } else { t }
}

/// The logistic function `1 / (1 + e^-x)`, as `e^x / (1 + e^x)` for negative `x`.
#[inline(always)]
fn sigmoid<const FMA: bool>(x: f64) -> f64 {
    let e = exp::<FMA>(-x.abs());
    let s = 1.0 / (1.0 + e);
    let y = if x < 0.0 { e * s } else { s };
    if x.is_nan() { x } else { y }
}

/// `out[i] = f(x[i])` in chunks of `W` elements (four vectors' worth: the constant-length
/// inner loop is unrolled and vectorized into four independent dependency chains, which the
/// latency-bound polynomials need to keep the FMA units busy), then the remainder one by one
/// (with the same scalar operations, so every position gets the same result).
#[inline(always)]
fn map_chunks<const W: usize>(x: &[f64], out: &mut [MaybeUninit<f64>], f: impl Fn(f64) -> f64) {
    assert_eq!(x.len(), out.len());
    let mut xs = x.chunks_exact(W);
    let mut os = out.chunks_exact_mut(W);
    for (o, v) in (&mut os).zip(&mut xs) {
        for i in 0..W {
            o[i].write(f(v[i]));
        }
    }
    for (o, &v) in os.into_remainder().iter_mut().zip(xs.remainder()) {
        o.write(f(v));
    }
}

/// `out[i] = op(x[i])` with chunks of `W` elements, fused or not.
#[inline(always)]
fn map<const FMA: bool, const W: usize>(op: Unary, x: &[f64], out: &mut [MaybeUninit<f64>]) {
    // One loop per function (a `fn` pointer would not be inlined into the loop).
    match op {
        Unary::Exp => map_chunks::<W>(x, out, exp::<FMA>),
        Unary::Ln => map_chunks::<W>(x, out, ln::<FMA>),
        Unary::Tanh => map_chunks::<W>(x, out, tanh::<FMA>),
        Unary::Sigmoid => map_chunks::<W>(x, out, sigmoid::<FMA>),
    }
}

/// [`map`] on an instruction set: fused where it has FMA, in chunks of four of its `f64`
/// vectors (AVX-512F: 32 elements, AVX2: 16, SSE2 and portable: 8).
struct Map<'a> {
    op: Unary,
    x: &'a [f64],
    out: &'a mut [MaybeUninit<f64>],
}

impl WithSimd for Map<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: Simd>(self, _: S) {
        let Map { op, x, out } = self;
        // Constants of the instance: only the taken arm is compiled.
        match (S::FMA, <S::F64 as Vector>::LANES) {
            (true, 8) => map::<true, 32>(op, x, out),
            (true, 4) => map::<true, 16>(op, x, out),
            (true, _) => map::<true, 8>(op, x, out),
            _ => map::<false, 8>(op, x, out),
        }
    }
}

/// `out[i] = op(x[i])` for `f64`, on the instruction set the kernels use; `out` need not be
/// initialized (each element is written once).
///
/// # Panics
///
/// If the lengths differ.
// Not `#[inline]`: called out of line, the kernel writes a result being built straight into
// the caller's tensor (inlined, the compiler builds it in a temporary and copies it).
pub(crate) fn unary_into_f64(op: Unary, x: &[f64], out: &mut [MaybeUninit<f64>]) {
    dispatch::with_active(Map { op, x, out });
}

/// The scalar bodies, for the tests: `op(x)` as every kernel computes it, fused or not.
#[cfg(test)]
fn scalar(op: Unary, x: f64, fma: bool) -> f64 {
    match (op, fma) {
        (Unary::Exp, false) => exp::<false>(x),
        (Unary::Exp, true) => exp::<true>(x),
        (Unary::Ln, false) => ln::<false>(x),
        (Unary::Ln, true) => ln::<true>(x),
        (Unary::Tanh, false) => tanh::<false>(x),
        (Unary::Tanh, true) => tanh::<true>(x),
        (Unary::Sigmoid, false) => sigmoid::<false>(x),
        (Unary::Sigmoid, true) => sigmoid::<true>(x),
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    extern crate std;

    use std::vec::Vec;
    use std::{eprintln, vec};

    use super::*;
    use crate::kernels::out_of;

    /// The distance in units in the last place between two `f64`s (0 if both are NaN or
    /// equal, `u64::MAX` if only one is NaN).
    fn ulps(a: f64, b: f64) -> u64 {
        if a.is_nan() || b.is_nan() {
            return if a.is_nan() && b.is_nan() {
                0
            } else {
                u64::MAX
            };
        }
        if a == b {
            return 0;
        }
        // Map the bit patterns onto a line where adjacent floats are adjacent integers.
        let key = |x: f64| {
            let b = x.to_bits() as i64;
            if b < 0 { i64::MIN - b } else { b }
        };
        key(a).abs_diff(key(b))
    }

    /// `op` as the platform's libm computes it (the reference).
    fn reference(op: Unary, x: f64) -> f64 {
        match op {
            Unary::Exp => x.exp(),
            Unary::Ln => x.ln(),
            Unary::Tanh => x.tanh(),
            Unary::Sigmoid => {
                if x < 0.0 {
                    let e = x.exp();
                    e / (1.0 + e)
                } else {
                    1.0 / (1.0 + (-x).exp())
                }
            }
        }
    }

    /// The documented bounds, in ulp against the reference.
    const BOUNDS: [(Unary, u64); 4] = [
        (Unary::Exp, 1),
        (Unary::Ln, 1),
        (Unary::Tanh, 3),
        (Unary::Sigmoid, 3),
    ];

    /// Dense sweeps of each function's interesting range, plus the edges.
    fn inputs(op: Unary) -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            f64::MIN_POSITIVE / 3.0,
            5e-324,
            -5e-324,
            1e-300,
            1e-20,
            -1e-20,
            1.0,
            -1.0,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            709.78,
            709.782_712_893_384,
            709.79,
            -708.4,
            -745.13,
            -745.2,
            -744.0,
            0.625,
            19.06,
            22.0,
            -22.0,
            36.0,
            -36.0,
        ];
        let (lo, hi) = match op {
            Unary::Exp => (-746.0, 710.0),
            Unary::Ln => (0.0, 4.0),
            Unary::Tanh => (-25.0, 25.0),
            Unary::Sigmoid => (-750.0, 750.0),
        };
        let n = 400_000;
        v.extend((0..=n).map(|i| lo + (hi - lo) * i as f64 / n as f64));
        // Every scale: random mantissas at each binary exponent, both signs.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for e in -1074..1024 {
            for _ in 0..40 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let m = 1.0 + (state >> 12) as f64 / (1u64 << 52) as f64;
                let x = m * 2f64.powi(e);
                v.push(x);
                v.push(-x);
            }
        }
        // Near 0 densely (tanh's and expm1's small-argument paths).
        v.extend((1..20_000).map(|i| i as f64 * 1e-5));
        v.extend((1..20_000).map(|i| -(i as f64) * 1e-5));
        v
    }

    /// The largest error of `f` against the reference, and where.
    fn worst(op: Unary, xs: &[f64], got: &[f64]) -> (u64, f64) {
        xs.iter()
            .zip(got)
            .map(|(&x, &g)| (ulps(g, reference(op, x)), x))
            .fold((0, 0.0), |w, c| if c.0 > w.0 { c } else { w })
    }

    #[test]
    fn within_the_documented_bounds_fused_unfused_and_dispatched() {
        for (op, bound) in BOUNDS {
            let xs = inputs(op);
            let mut out = vec![0.0; xs.len()];
            unary_into_f64(op, &xs, out_of(&mut out));
            let dispatched = worst(op, &xs, &out);
            let unfused: Vec<f64> = xs.iter().map(|&x| scalar(op, x, false)).collect();
            let fused: Vec<f64> = xs.iter().map(|&x| scalar(op, x, true)).collect();
            let (u, f) = (worst(op, &xs, &unfused), worst(op, &xs, &fused));
            eprintln!(
                "f64 {op:?}: max {} ulp dispatched (at {:e}), {} unfused (at {:e}), {} fused (at {:e}), {} inputs",
                dispatched.0,
                dispatched.1,
                u.0,
                u.1,
                f.0,
                f.1,
                xs.len()
            );
            for (name, w) in [("dispatched", dispatched), ("unfused", u), ("fused", f)] {
                assert!(
                    w.0 <= bound,
                    "{op:?} {name}: {} ulp at {:e}, bound {bound}",
                    w.0,
                    w.1
                );
            }
        }
    }

    #[test]
    fn special_values() {
        let run = |op, x: f64| {
            let mut o = [0.0];
            unary_into_f64(op, &[x], out_of(&mut o));
            o[0]
        };
        assert!(run(Unary::Exp, f64::NAN).is_nan());
        assert_eq!(run(Unary::Exp, f64::INFINITY), f64::INFINITY);
        assert_eq!(run(Unary::Exp, f64::NEG_INFINITY), 0.0);
        assert_eq!(run(Unary::Exp, 710.0), f64::INFINITY);
        assert_eq!(run(Unary::Exp, -746.0), 0.0);
        assert_eq!(run(Unary::Exp, 0.0), 1.0);
        assert_eq!(run(Unary::Exp, -745.0), 5e-324);
        assert!(run(Unary::Ln, -1.0).is_nan());
        assert!(run(Unary::Ln, f64::NAN).is_nan());
        assert_eq!(run(Unary::Ln, 0.0), f64::NEG_INFINITY);
        assert_eq!(run(Unary::Ln, -0.0), f64::NEG_INFINITY);
        assert_eq!(run(Unary::Ln, f64::INFINITY), f64::INFINITY);
        assert_eq!(run(Unary::Ln, 1.0), 0.0);
        assert_eq!(run(Unary::Ln, 5e-324), 5e-324f64.ln());
        assert_eq!(run(Unary::Tanh, f64::INFINITY), 1.0);
        assert_eq!(run(Unary::Tanh, f64::NEG_INFINITY), -1.0);
        assert!(run(Unary::Tanh, f64::NAN).is_nan());
        assert_eq!(run(Unary::Tanh, -0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(run(Unary::Tanh, 5e-324), 5e-324);
        assert_eq!(run(Unary::Sigmoid, f64::NEG_INFINITY), 0.0);
        assert_eq!(run(Unary::Sigmoid, f64::INFINITY), 1.0);
        assert_eq!(run(Unary::Sigmoid, 0.0), 0.5);
        assert!(run(Unary::Sigmoid, f64::NAN).is_nan());
    }

    #[test]
    fn same_result_at_every_position_and_length() {
        // The vectorized body, its remainder loop and a one-element call agree bit for bit.
        let xs: Vec<f64> = (0..67).map(|i| (i as f64 - 33.0) * 0.37).collect();
        for (op, _) in BOUNDS {
            let mut whole = vec![0.0; xs.len()];
            unary_into_f64(op, &xs, out_of(&mut whole));
            for (i, &x) in xs.iter().enumerate() {
                let mut one = [0.0];
                unary_into_f64(op, &[x], out_of(&mut one));
                assert_eq!(one[0].to_bits(), whole[i].to_bits(), "{op:?} at {i}");
            }
        }
    }
}
