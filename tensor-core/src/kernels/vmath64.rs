//! Vectorized `f64` math: `exp`, `ln`, `tanh` and `sigmoid` as branch-free vector code over
//! any `f64` [`MathVector`] (fdlibm's reductions, Taylor and fdlibm polynomials, selects for
//! the special values), the same way as the `f32` functions of [`super::vmath`]: written on
//! the vector types, so each instruction set runs its own registers (AVX-512F: 8 lanes,
//! AVX2+FMA: 4, SSE2, NEON and portable: 2), whatever tuning the build asks of the compiler.
//!
//! Maximum errors measured against the platform's `f64` functions (`std`, glibc's libm, itself
//! within 1 ulp), over every test input of this module's tests (dense sweeps of each function's
//! range, the edges, denormals, infinities and NaN), on every instruction set the CPU has: see
//! the table in BENCHMARKS.md and the bounds asserted by the tests (`BOUNDS`).
//!
//! | function  | bound | special values (as IEEE, `f64::exp` and NumPy) |
//! |-----------|-------|-----------------------------------------------|
//! | `exp`     | 1 ulp | NaN -> NaN, `+inf`/`x > 709.78` -> `inf`, `-inf`/`x < -745.13` -> 0, denormal results rounded once |
//! | `ln`      | 1 ulp | NaN -> NaN, `x < 0` -> NaN, `+-0` -> `-inf`, `inf` -> `inf`, denormal inputs exact |
//! | `tanh`    | 3 ulp | NaN -> NaN, `+-inf` -> `+-1`, `-0` -> `-0`, denormals -> themselves |
//! | `sigmoid` | 3 ulp | NaN -> NaN, `-inf` -> 0, `inf` -> 1, no overflow for large `|x|` |

use super::simd::MathVector;

/// `ln(2)` in two parts (fdlibm): the high part has 32 trailing zero bits, so `n * LN2_HI` is
/// exact for every `|n| < 2^20`.
const LN2_HI: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000); // 6.93147180369123816490e-1
/// `ln(2) - LN2_HI`.
const LN2_LO: f64 = f64::from_bits(0x3DEA_39EF_3579_3C76); // 1.90821492927058770002e-10
/// `1.5 * 2^52`: adding and subtracting it rounds an `|x| < 2^51` to the nearest integer.
const ROUND: f64 = 6_755_399_441_055_744.0;
/// The sign bit alone.
const SIGN: f64 = -0.0;
/// Every bit but the sign.
const ABS: f64 = f64::from_bits(0x7FFF_FFFF_FFFF_FFFF);

/// All lanes `c`.
#[inline(always)]
fn splat<V: MathVector<Elem = f64>>(like: V, c: f64) -> V {
    V::splat(like.simd(), c)
}

/// `p(x) = c[0] x^(n-1) + ... + c[n-1]` by Horner's rule.
#[inline(always)]
fn horner<V: MathVector<Elem = f64>>(x: V, c: &[f64]) -> V {
    let mut p = splat(x, c[0]);
    for &ci in &c[1..] {
        p = V::mul_add(p, x, splat(x, ci));
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
fn reduce<V: MathVector<Elem = f64>>(x: V) -> (V, V) {
    let n = V::mul_add(x, splat(x, core::f64::consts::LOG2_E), splat(x, ROUND)) - splat(x, ROUND);
    let r = V::mul_add(n, splat(x, -LN2_HI), x);
    (n, V::mul_add(n, splat(x, -LN2_LO), r))
}

/// `e^r - 1` for `|r| <= ln2 / 2`: `r + r^2 P(r)` with the Taylor polynomial to degree 13
/// (truncation below `4e-18` relative).
#[inline(always)]
fn expm1_reduced<V: MathVector<Elem = f64>>(r: V) -> V {
    V::mul_add(horner(r, &EXP_TAYLOR), r * r, r)
}

/// `2^n` for integral `n` in `-1022..=1023`: the exponent field built directly.
#[inline(always)]
fn pow2i<V: MathVector<Elem = f64>>(n: V) -> V {
    // (n + 1023 + 1.5 * 2^52) has `n + 1023` in its low mantissa bits; shifting by 52 moves
    // them into the exponent field and pushes the rest out.
    (n + splat(n, ROUND + 1023.0)).shl_mantissa()
}

/// `p 2^n` for integral `n` in `-1076..=1024`, with `2^n` in two normal factors: the first
/// product is exact, the second rounds (once, down to the denormals, and to `inf` on
/// overflow).
#[inline(always)]
fn scale_bits<V: MathVector<Elem = f64>>(p: V, n: V) -> V {
    let n1 = V::mul_add(n, splat(p, 0.5), splat(p, ROUND)) - splat(p, ROUND);
    p * pow2i(n1) * pow2i(n - n1)
}

/// `e^x`.
#[inline(always)]
pub(crate) fn exp<V: MathVector<Elem = f64>>(x: V) -> V {
    // Beyond these the result is `inf` or 0 anyway; clamping keeps `n` small. (NaN becomes
    // -746 here, as `max` returns its argument then, and is restored at the end.)
    let xc = x.max(splat(x, -746.0)).min(splat(x, 710.0));
    let (n, r) = reduce(xc);
    let p = expm1_reduced(r) + splat(x, 1.0);
    // p 2^n rounded once, so that results down to the denormals are accurate and overflow
    // gives `inf`.
    let y = match p.scale(n) {
        Some(y) => y,
        None => scale_bits(p, n),
    };
    V::select(x.is_nan(), x, y)
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

/// `(m, e)` with `x = m 2^e`, `m` in `[1/2, 1)`, for positive finite `x`, from the bits: the
/// exponent field as a float (or-ing it into 2^52's mantissa) and the mantissa with the
/// exponent of 1/2; denormals are scaled into the normal range first (by 2^54).
#[inline(always)]
fn frexp_bits<V: MathVector<Elem = f64>>(x: V) -> (V, V) {
    let tiny = x.lt(splat(x, f64::MIN_POSITIVE));
    let xs = V::select(tiny, x * splat(x, 18_014_398_509_481_984.0), x);
    let adjust = V::select(tiny, splat(x, -54.0), V::zero(x.simd()));
    let field = xs
        .shr_mantissa()
        .or(splat(x, f64::from_bits(0x4330_0000_0000_0000)))
        - splat(x, 4_503_599_627_370_496.0);
    let m = xs
        .and(splat(x, f64::from_bits(0x000F_FFFF_FFFF_FFFF)))
        .or(splat(x, f64::from_bits(0x3FE0_0000_0000_0000)));
    (m, field - splat(x, 1022.0) + adjust)
}

/// The natural logarithm.
#[inline(always)]
pub(crate) fn ln<V: MathVector<Elem = f64>>(x: V) -> V {
    match x.frexp() {
        // The special lanes come out right by themselves: `+-0` give `e = -inf` (so `-inf`),
        // `inf` gives `e = inf` with `f = 0` (so `inf`), negative lanes and NaN a NaN `m`.
        Some((m, e)) => ln_split(m, e),
        None => {
            let (m, e) = frexp_bits(x);
            special_ln(x, ln_split(m, e))
        }
    }
}

/// `ln(m 2^e)` for `m` in `[1/2, 1)`.
#[inline(always)]
fn ln_split<V: MathVector<Elem = f64>>(m: V, e: V) -> V {
    // m in [sqrt(1/2), sqrt(2)): f = m - 1 exact either way.
    let low = m.lt(splat(m, core::f64::consts::FRAC_1_SQRT_2));
    let one = splat(m, 1.0);
    let e = V::select(low, e - one, e);
    let f = V::select(low, m + m - one, m - one);
    let s = f / (splat(m, 2.0) + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * horner(w, &[LG[5], LG[3], LG[1]]);
    let t2 = z * horner(w, &[LG[6], LG[4], LG[2], LG[0]]);
    let r = t2 + t1;
    let hfsq = splat(m, 0.5) * f * f;
    // fdlibm's `e LN2_HI - ((hfsq - (s (hfsq + r) + e LN2_LO)) - f)`, the first product and
    // the last subtraction as one multiply-add: the product is exact, so fused or not the
    // result is rounded once, the same.
    V::mul_add(
        e,
        splat(m, LN2_HI),
        f - (hfsq - V::mul_add(s, hfsq + r, e * splat(m, LN2_LO))),
    )
}

/// `ln`'s special values over `y`: `+-0` -> `-inf`, negative -> NaN, `inf` and NaN
/// themselves.
#[inline(always)]
fn special_ln<V: MathVector<Elem = f64>>(x: V, y: V) -> V {
    let zero = V::zero(x.simd());
    let y = V::select(x.eq(zero), splat(x, f64::NEG_INFINITY), y);
    let y = V::select(x.lt(zero), splat(x, f64::NAN), y);
    V::select(x.lt(splat(x, f64::INFINITY)), y, x)
}

/// The hyperbolic tangent. With `y = -2|x| = n ln2 + r`, `E = e^y = 2^n (1 + P)` and
/// `M = e^y - 1 = 2^n P + (2^n - 1)` (both from the same `P = e^r - 1`, each one rounding):
/// `tanh|x| = -M / (2 + M)` below `|x| = ln(3) / 2` (no cancellation in `M`), and
/// `1 - 2E / (1 + E)` above (where `2E / (1 + E) <= 1/2`); the sign of `x` is put back.
#[inline(always)]
pub(crate) fn tanh<V: MathVector<Elem = f64>>(x: V) -> V {
    let z = x.and(splat(x, ABS));
    // tanh(z) rounds to 1 from z = 19.06; clamping keeps 2^n normal (n >= -64). A NaN
    // becomes 22 (`min` returns its argument then) and is restored at the end.
    let zc = z.min(splat(x, 22.0));
    let (n, r) = reduce(splat(x, -2.0) * zc);
    let p = expm1_reduced(r);
    let s = pow2i(n);
    let one = splat(x, 1.0);
    let small = z.lt(splat(x, 0.549_306_144_334_054_8));
    // n in [-64, 0]: 2^n - 1 is exact for n >= -53 (only the small branch, n >= -2, uses it).
    let em = V::mul_add(s, p, s - one);
    let e = V::mul_add(s, p, s);
    let num = V::select(small, V::zero(x.simd()) - em, e + e);
    let den = V::select(small, splat(x, 2.0) + em, one + e);
    let q = num / den;
    let t = V::select(small, q, one - q);
    // Tiny |x|: tanh(x) = x to the last bit (and -0 stays -0, denormals themselves).
    let t = V::select(z.lt(splat(x, 1e-9)), z, t);
    let t = t.or(x.and(splat(x, SIGN)));
    V::select(x.is_nan(), x, t)
}

/// The logistic function `1 / (1 + e^-x)`, as `e^x / (1 + e^x)` for negative `x`.
#[inline(always)]
pub(crate) fn sigmoid<V: MathVector<Elem = f64>>(x: V) -> V {
    // -|x|: the sign bit set.
    let e = exp(x.or(splat(x, SIGN)));
    let one = splat(x, 1.0);
    let s = one / (one + e);
    let y = V::select(x.lt(V::zero(x.simd())), e * s, s);
    V::select(x.is_nan(), x, y)
}

#[cfg(all(test, feature = "std"))]
mod tests {
    extern crate std;

    use std::vec::Vec;
    use std::{eprintln, vec};

    use super::super::entry::{unary_into, unary_into_f64};
    use super::super::simd::{Simd, Unary};
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

    fn within_bounds<K: Simd>(simd: K) {
        for (op, bound) in BOUNDS {
            let xs = inputs(op);
            let mut out = vec![0.0; xs.len()];
            unary_into(simd, op, &xs, out_of(&mut out));
            let (ulp, at) = worst(op, &xs, &out);
            eprintln!(
                "f64 {op:?} on {}: max {ulp} ulp (at {at:e}), {} inputs",
                K::NAME,
                xs.len()
            );
            assert!(
                ulp <= bound,
                "{op:?} on {}: {ulp} ulp at {at:e}, bound {bound}",
                K::NAME
            );
        }
    }

    /// Every instruction set this CPU has (fused: AVX2, AVX-512, NEON; unfused: SSE2 and the
    /// portable vectors).
    #[test]
    fn within_the_documented_bounds_on_every_kernel() {
        for_each_kernel!(within_bounds);
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
        assert!(run(Unary::Ln, -5e-324).is_nan());
        assert!(run(Unary::Ln, f64::NEG_INFINITY).is_nan());
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

    /// AVX-512F's one-instruction `frexp` and `scale` give what the bit tricks give.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn avx512_agrees_with_avx2_bit_for_bit() {
        for (op, _) in BOUNDS {
            super::super::simd::tests::avx512_agrees_with_avx2(op, &inputs(op));
        }
    }

    fn independent_of_position<K: Simd>(simd: K) {
        // The unrolled body, single vectors and the padded tail agree bit for bit.
        let xs: Vec<f64> = (0..67).map(|i| (i as f64 - 33.0) * 0.37).collect();
        for (op, _) in BOUNDS {
            let mut whole = vec![0.0; xs.len()];
            unary_into(simd, op, &xs, out_of(&mut whole));
            for (i, &x) in xs.iter().enumerate() {
                let mut one = [0.0];
                unary_into(simd, op, &[x], out_of(&mut one));
                assert_eq!(
                    one[0].to_bits(),
                    whole[i].to_bits(),
                    "{op:?} on {} at {i}",
                    K::NAME
                );
            }
        }
    }

    #[test]
    fn same_result_at_every_position_and_length() {
        for_each_kernel!(independent_of_position);
    }
}
