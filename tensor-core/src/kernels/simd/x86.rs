//! The x86_64 backends: SSE2, AVX2+FMA and AVX-512F, as tokens and `core::arch` register
//! wrappers.
//!
//! A token ([`Sse2`], [`Avx2`], [`Avx512`]) has a private field, so it is made only by
//! [`Simd::try_new`] (which checks the features) or the `unsafe` [`Simd::new_unchecked`]. A
//! vector's register field is private to this module, and the vector is made only by the
//! [`Vector`] constructors, which take the token by value. Every intrinsic call below sits in
//! an `unsafe` block justified by that: the call has a token or a vector of its instruction
//! set in hand, which exists only if this CPU has the features. (SSE2 is part of the x86_64
//! baseline, so its intrinsics need no `unsafe`; the shared macros still write it and allow
//! `unused_unsafe` there.) This module names no kernel: [`Simd::vectorize`] runs whatever
//! generic operation it is given inside a `#[target_feature]` function.

use core::arch::x86_64::*;
use core::ops::{Add, Div, Mul, Sub};

use super::{MathVector, Simd, Vector, WithSimd};

/// `a * b + c` in one instruction, or as a multiply and an add (SSE2 has no FMA).
macro_rules! mul_add {
    (fused $fma:ident $($scalar:ident)*, $a:expr, $b:expr, $c:expr) => {
        $fma($a, $b, $c)
    };
    (unfused $add:ident $mul:ident, $a:expr, $b:expr, $c:expr) => {
        $add($mul($a, $b), $c)
    };
}

/// One element's `a * b + c`, rounded as a lane of `mul_add!`: with the scalar FMA
/// instruction (`vfmadd231ss/sd`) or as a multiply and an add.
macro_rules! mul_add_elem {
    (fused $fma:ident $sfma:ident $set:ident $get:ident, $a:expr, $b:expr, $c:expr) => {
        $get($sfma($set($a), $set($b), $set($c)))
    };
    (unfused $add:ident $mul:ident, $a:expr, $b:expr, $c:expr) => {
        $a * $b + $c
    };
}

/// A vector type wrapping a `core::arch` register, with its arithmetic.
macro_rules! x86_vector {
    (
        $(#[$doc:meta])* $V:ident($raw:ty) of $E:ty, $n:literal lanes, $regs:literal registers, token $T:ident;
        $setzero:ident, $set1:ident, $loadu:ident, $storeu:ident,
        $add:ident, $sub:ident, $mul:ident, $div:ident, $min:ident, $max:ident,
        $($fma:tt)*
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub(crate) struct $V($raw);

        #[allow(unused_unsafe)]
        impl Add for $V {
            type Output = Self;
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                // SAFETY: `self` exists, so this CPU has the features (see the module docs).
                $V(unsafe { $add(self.0, o.0) })
            }
        }

        #[allow(unused_unsafe)]
        impl Sub for $V {
            type Output = Self;
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                // SAFETY: the vector proves the features.
                $V(unsafe { $sub(self.0, o.0) })
            }
        }

        #[allow(unused_unsafe)]
        impl Mul for $V {
            type Output = Self;
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                // SAFETY: the vector proves the features.
                $V(unsafe { $mul(self.0, o.0) })
            }
        }

        #[allow(unused_unsafe)]
        impl Div for $V {
            type Output = Self;
            #[inline(always)]
            fn div(self, o: Self) -> Self {
                // SAFETY: the vector proves the features.
                $V(unsafe { $div(self.0, o.0) })
            }
        }

        #[allow(unused_unsafe)]
        impl Vector for $V {
            type Elem = $E;
            type Simd = $T;
            const LANES: usize = $n;
            const REGISTERS: usize = $regs;

            #[inline(always)]
            fn simd(self) -> $T {
                $T(())
            }

            #[inline(always)]
            fn zero(_: $T) -> Self {
                // SAFETY: the token proves this CPU has the features.
                $V(unsafe { $setzero() })
            }

            #[inline(always)]
            fn splat(_: $T, x: $E) -> Self {
                // SAFETY: the token proves the features.
                $V(unsafe { $set1(x) })
            }

            #[inline(always)]
            fn load(_: $T, s: &[$E]) -> Self {
                assert!(s.len() >= $n);
                // SAFETY: `s` holds at least `LANES` elements (checked above); unaligned load;
                // the token proves the features.
                $V(unsafe { $loadu(s.as_ptr()) })
            }

            #[inline(always)]
            fn store(self, s: &mut [$E]) {
                assert!(s.len() >= $n);
                // SAFETY: as in `load`, for writes.
                unsafe { $storeu(s.as_mut_ptr(), self.0) }
            }

            #[inline(always)]
            unsafe fn load_ptr(_: $T, p: *const $E) -> Self {
                // SAFETY: the caller guarantees `p` is valid for `LANES` reads; the token
                // proves the features.
                $V(unsafe { $loadu(p) })
            }

            #[inline(always)]
            unsafe fn store_ptr(self, p: *mut $E) {
                // SAFETY: the caller guarantees `p` is valid for `LANES` writes; `self` proves
                // the features.
                unsafe { $storeu(p, self.0) }
            }

            #[inline(always)]
            fn mul_add(a: Self, b: Self, c: Self) -> Self {
                // SAFETY: the vector proves the features.
                $V(unsafe { mul_add!($($fma)*, a.0, b.0, c.0) })
            }

            #[inline(always)]
            fn mul_add_elem(_: $T, a: $E, b: $E, c: $E) -> $E {
                // SAFETY: the token proves the features.
                unsafe { mul_add_elem!($($fma)*, a, b, c) }
            }

            #[inline(always)]
            fn min(self, o: Self) -> Self {
                // SAFETY: the vector proves the features.
                $V(unsafe { $min(self.0, o.0) })
            }

            #[inline(always)]
            fn max(self, o: Self) -> Self {
                // SAFETY: the vector proves the features.
                $V(unsafe { $max(self.0, o.0) })
            }
        }
    };
}

x86_vector! {
    /// Four `f32` lanes in an SSE register.
    Sse2F32(__m128) of f32, 4 lanes, 16 registers, token Sse2;
    _mm_setzero_ps, _mm_set1_ps, _mm_loadu_ps, _mm_storeu_ps,
    _mm_add_ps, _mm_sub_ps, _mm_mul_ps, _mm_div_ps, _mm_min_ps, _mm_max_ps,
    unfused _mm_add_ps _mm_mul_ps
}

x86_vector! {
    /// Two `f64` lanes in an SSE register.
    Sse2F64(__m128d) of f64, 2 lanes, 16 registers, token Sse2;
    _mm_setzero_pd, _mm_set1_pd, _mm_loadu_pd, _mm_storeu_pd,
    _mm_add_pd, _mm_sub_pd, _mm_mul_pd, _mm_div_pd, _mm_min_pd, _mm_max_pd,
    unfused _mm_add_pd _mm_mul_pd
}

x86_vector! {
    /// Eight `f32` lanes in an AVX register.
    Avx2F32(__m256) of f32, 8 lanes, 16 registers, token Avx2;
    _mm256_setzero_ps, _mm256_set1_ps, _mm256_loadu_ps, _mm256_storeu_ps,
    _mm256_add_ps, _mm256_sub_ps, _mm256_mul_ps, _mm256_div_ps, _mm256_min_ps, _mm256_max_ps,
    fused _mm256_fmadd_ps _mm_fmadd_ss _mm_set_ss _mm_cvtss_f32
}

x86_vector! {
    /// Four `f64` lanes in an AVX register.
    Avx2F64(__m256d) of f64, 4 lanes, 16 registers, token Avx2;
    _mm256_setzero_pd, _mm256_set1_pd, _mm256_loadu_pd, _mm256_storeu_pd,
    _mm256_add_pd, _mm256_sub_pd, _mm256_mul_pd, _mm256_div_pd, _mm256_min_pd, _mm256_max_pd,
    fused _mm256_fmadd_pd _mm_fmadd_sd _mm_set_sd _mm_cvtsd_f64
}

x86_vector! {
    /// Sixteen `f32` lanes in an AVX-512 register.
    Avx512F32(__m512) of f32, 16 lanes, 32 registers, token Avx512;
    _mm512_setzero_ps, _mm512_set1_ps, _mm512_loadu_ps, _mm512_storeu_ps,
    _mm512_add_ps, _mm512_sub_ps, _mm512_mul_ps, _mm512_div_ps, _mm512_min_ps, _mm512_max_ps,
    fused _mm512_fmadd_ps _mm_fmadd_ss _mm_set_ss _mm_cvtss_f32
}

x86_vector! {
    /// Eight `f64` lanes in an AVX-512 register.
    Avx512F64(__m512d) of f64, 8 lanes, 32 registers, token Avx512;
    _mm512_setzero_pd, _mm512_set1_pd, _mm512_loadu_pd, _mm512_storeu_pd,
    _mm512_add_pd, _mm512_sub_pd, _mm512_mul_pd, _mm512_div_pd, _mm512_min_pd, _mm512_max_pd,
    fused _mm512_fmadd_pd _mm_fmadd_sd _mm_set_sd _mm_cvtsd_f64
}

#[allow(unused_unsafe)]
impl MathVector for Sse2F32 {
    type Mask = __m128;

    #[inline(always)]
    fn lt(self, o: Self) -> __m128 {
        // SAFETY (here and below): `self` proves the features.
        unsafe { _mm_cmplt_ps(self.0, o.0) }
    }

    #[inline(always)]
    fn eq(self, o: Self) -> __m128 {
        // SAFETY: the vector proves the features.
        unsafe { _mm_cmpeq_ps(self.0, o.0) }
    }

    #[inline(always)]
    fn is_nan(self) -> __m128 {
        // SAFETY: the vector proves the features.
        unsafe { _mm_cmpunord_ps(self.0, self.0) }
    }

    #[inline(always)]
    fn select(m: __m128, a: Self, b: Self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F32(unsafe { _mm_or_ps(_mm_and_ps(m, a.0), _mm_andnot_ps(m, b.0)) })
    }

    #[inline(always)]
    fn and(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F32(unsafe { _mm_and_ps(self.0, o.0) })
    }

    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F32(unsafe { _mm_or_ps(self.0, o.0) })
    }

    #[inline(always)]
    fn shl_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F32(unsafe { _mm_castsi128_ps(_mm_slli_epi32::<23>(_mm_castps_si128(self.0))) })
    }

    #[inline(always)]
    fn shr_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F32(unsafe { _mm_castsi128_ps(_mm_srli_epi32::<23>(_mm_castps_si128(self.0))) })
    }
}

impl MathVector for Avx2F32 {
    type Mask = __m256;

    #[inline(always)]
    fn lt(self, o: Self) -> __m256 {
        // SAFETY: `self` proves the features (here and below).
        unsafe { _mm256_cmp_ps::<_CMP_LT_OQ>(self.0, o.0) }
    }

    #[inline(always)]
    fn eq(self, o: Self) -> __m256 {
        // SAFETY: the vector proves the features.
        unsafe { _mm256_cmp_ps::<_CMP_EQ_OQ>(self.0, o.0) }
    }

    #[inline(always)]
    fn is_nan(self) -> __m256 {
        // SAFETY: the vector proves the features.
        unsafe { _mm256_cmp_ps::<_CMP_UNORD_Q>(self.0, self.0) }
    }

    #[inline(always)]
    fn select(m: __m256, a: Self, b: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F32(unsafe { _mm256_blendv_ps(b.0, a.0, m) })
    }

    #[inline(always)]
    fn and(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F32(unsafe { _mm256_and_ps(self.0, o.0) })
    }

    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F32(unsafe { _mm256_or_ps(self.0, o.0) })
    }

    #[inline(always)]
    fn shl_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F32(unsafe {
            _mm256_castsi256_ps(_mm256_slli_epi32::<23>(_mm256_castps_si256(self.0)))
        })
    }

    #[inline(always)]
    fn shr_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F32(unsafe {
            _mm256_castsi256_ps(_mm256_srli_epi32::<23>(_mm256_castps_si256(self.0)))
        })
    }
}

impl MathVector for Avx512F32 {
    type Mask = __mmask16;

    #[inline(always)]
    fn lt(self, o: Self) -> __mmask16 {
        // SAFETY: `self` proves the features (here and below).
        unsafe { _mm512_cmp_ps_mask::<_CMP_LT_OQ>(self.0, o.0) }
    }

    #[inline(always)]
    fn eq(self, o: Self) -> __mmask16 {
        // SAFETY: the vector proves the features.
        unsafe { _mm512_cmp_ps_mask::<_CMP_EQ_OQ>(self.0, o.0) }
    }

    #[inline(always)]
    fn is_nan(self) -> __mmask16 {
        // SAFETY: the vector proves the features.
        unsafe { _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(self.0, self.0) }
    }

    #[inline(always)]
    fn select(m: __mmask16, a: Self, b: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F32(unsafe { _mm512_mask_blend_ps(m, b.0, a.0) })
    }

    #[inline(always)]
    fn and(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F32(unsafe {
            _mm512_castsi512_ps(_mm512_and_si512(
                _mm512_castps_si512(self.0),
                _mm512_castps_si512(o.0),
            ))
        })
    }

    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F32(unsafe {
            _mm512_castsi512_ps(_mm512_or_si512(
                _mm512_castps_si512(self.0),
                _mm512_castps_si512(o.0),
            ))
        })
    }

    #[inline(always)]
    fn shl_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F32(unsafe {
            _mm512_castsi512_ps(_mm512_slli_epi32::<23>(_mm512_castps_si512(self.0)))
        })
    }

    #[inline(always)]
    fn shr_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F32(unsafe {
            _mm512_castsi512_ps(_mm512_srli_epi32::<23>(_mm512_castps_si512(self.0)))
        })
    }

    #[inline(always)]
    fn frexp(self) -> Option<(Self, Self)> {
        // `getmant` to [1/2, 1) keeps the mantissa (NaN for negative lanes); `getexp` gives
        // floor(log2 |x|), one less than the exponent of that mantissa (-inf for 0).
        // SAFETY: the vector proves the features.
        Some(unsafe {
            (
                Avx512F32(_mm512_getmant_ps::<_MM_MANT_NORM_P5_1, _MM_MANT_SIGN_NAN>(
                    self.0,
                )),
                Avx512F32(_mm512_add_ps(_mm512_getexp_ps(self.0), _mm512_set1_ps(1.0))),
            )
        })
    }

    #[inline(always)]
    fn scale(self, n: Self) -> Option<Self> {
        // SAFETY: the vector proves the features.
        Some(Avx512F32(unsafe { _mm512_scalef_ps(self.0, n.0) }))
    }
}

#[allow(unused_unsafe)]
impl MathVector for Sse2F64 {
    type Mask = __m128d;

    #[inline(always)]
    fn lt(self, o: Self) -> __m128d {
        // SAFETY (here and below): `self` proves the features.
        unsafe { _mm_cmplt_pd(self.0, o.0) }
    }

    #[inline(always)]
    fn eq(self, o: Self) -> __m128d {
        // SAFETY: the vector proves the features.
        unsafe { _mm_cmpeq_pd(self.0, o.0) }
    }

    #[inline(always)]
    fn is_nan(self) -> __m128d {
        // SAFETY: the vector proves the features.
        unsafe { _mm_cmpunord_pd(self.0, self.0) }
    }

    #[inline(always)]
    fn select(m: __m128d, a: Self, b: Self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F64(unsafe { _mm_or_pd(_mm_and_pd(m, a.0), _mm_andnot_pd(m, b.0)) })
    }

    #[inline(always)]
    fn and(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F64(unsafe { _mm_and_pd(self.0, o.0) })
    }

    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F64(unsafe { _mm_or_pd(self.0, o.0) })
    }

    #[inline(always)]
    fn shl_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F64(unsafe { _mm_castsi128_pd(_mm_slli_epi64::<52>(_mm_castpd_si128(self.0))) })
    }

    #[inline(always)]
    fn shr_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Sse2F64(unsafe { _mm_castsi128_pd(_mm_srli_epi64::<52>(_mm_castpd_si128(self.0))) })
    }
}

impl MathVector for Avx2F64 {
    type Mask = __m256d;

    #[inline(always)]
    fn lt(self, o: Self) -> __m256d {
        // SAFETY: `self` proves the features (here and below).
        unsafe { _mm256_cmp_pd::<_CMP_LT_OQ>(self.0, o.0) }
    }

    #[inline(always)]
    fn eq(self, o: Self) -> __m256d {
        // SAFETY: the vector proves the features.
        unsafe { _mm256_cmp_pd::<_CMP_EQ_OQ>(self.0, o.0) }
    }

    #[inline(always)]
    fn is_nan(self) -> __m256d {
        // SAFETY: the vector proves the features.
        unsafe { _mm256_cmp_pd::<_CMP_UNORD_Q>(self.0, self.0) }
    }

    #[inline(always)]
    fn select(m: __m256d, a: Self, b: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F64(unsafe { _mm256_blendv_pd(b.0, a.0, m) })
    }

    #[inline(always)]
    fn and(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F64(unsafe { _mm256_and_pd(self.0, o.0) })
    }

    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F64(unsafe { _mm256_or_pd(self.0, o.0) })
    }

    #[inline(always)]
    fn shl_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F64(unsafe {
            _mm256_castsi256_pd(_mm256_slli_epi64::<52>(_mm256_castpd_si256(self.0)))
        })
    }

    #[inline(always)]
    fn shr_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Avx2F64(unsafe {
            _mm256_castsi256_pd(_mm256_srli_epi64::<52>(_mm256_castpd_si256(self.0)))
        })
    }
}

impl MathVector for Avx512F64 {
    type Mask = __mmask8;

    #[inline(always)]
    fn lt(self, o: Self) -> __mmask8 {
        // SAFETY: `self` proves the features (here and below).
        unsafe { _mm512_cmp_pd_mask::<_CMP_LT_OQ>(self.0, o.0) }
    }

    #[inline(always)]
    fn eq(self, o: Self) -> __mmask8 {
        // SAFETY: the vector proves the features.
        unsafe { _mm512_cmp_pd_mask::<_CMP_EQ_OQ>(self.0, o.0) }
    }

    #[inline(always)]
    fn is_nan(self) -> __mmask8 {
        // SAFETY: the vector proves the features.
        unsafe { _mm512_cmp_pd_mask::<_CMP_UNORD_Q>(self.0, self.0) }
    }

    #[inline(always)]
    fn select(m: __mmask8, a: Self, b: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F64(unsafe { _mm512_mask_blend_pd(m, b.0, a.0) })
    }

    #[inline(always)]
    fn and(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F64(unsafe {
            _mm512_castsi512_pd(_mm512_and_si512(
                _mm512_castpd_si512(self.0),
                _mm512_castpd_si512(o.0),
            ))
        })
    }

    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F64(unsafe {
            _mm512_castsi512_pd(_mm512_or_si512(
                _mm512_castpd_si512(self.0),
                _mm512_castpd_si512(o.0),
            ))
        })
    }

    #[inline(always)]
    fn shl_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F64(unsafe {
            _mm512_castsi512_pd(_mm512_slli_epi64::<52>(_mm512_castpd_si512(self.0)))
        })
    }

    #[inline(always)]
    fn shr_mantissa(self) -> Self {
        // SAFETY: the vector proves the features.
        Avx512F64(unsafe {
            _mm512_castsi512_pd(_mm512_srli_epi64::<52>(_mm512_castpd_si512(self.0)))
        })
    }

    #[inline(always)]
    fn frexp(self) -> Option<(Self, Self)> {
        // `getmant` to [1/2, 1) keeps the mantissa (NaN for negative lanes); `getexp` gives
        // floor(log2 |x|), one less than the exponent of that mantissa (-inf for 0).
        // SAFETY: the vector proves the features.
        Some(unsafe {
            (
                Avx512F64(_mm512_getmant_pd::<_MM_MANT_NORM_P5_1, _MM_MANT_SIGN_NAN>(
                    self.0,
                )),
                Avx512F64(_mm512_add_pd(_mm512_getexp_pd(self.0), _mm512_set1_pd(1.0))),
            )
        })
    }

    #[inline(always)]
    fn scale(self, n: Self) -> Option<Self> {
        // SAFETY: the vector proves the features.
        Some(Avx512F64(unsafe { _mm512_scalef_pd(self.0, n.0) }))
    }
}

/// Whether the CPU (with `std`: detected at run time) or the target (without: at compile
/// time) has every listed feature.
macro_rules! has {
    ($($f:tt),+) => {{
        #[cfg(feature = "std")]
        let yes = $(std::arch::is_x86_feature_detected!($f))&&+;
        #[cfg(not(feature = "std"))]
        let yes = $(cfg!(target_feature = $f))&&+;
        yes
    }};
}

/// A token type: a private field (so only this module makes one) and its [`Simd`]
/// implementation.
macro_rules! x86_token {
    (
        $(#[$doc:meta])* $T:ident = $name:literal, features $feat:literal, detect ($($f:tt),+),
        mr $mr:literal, $V32:ty, $V64:ty, half $H:ident
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub(crate) struct $T(());

        impl Simd for $T {
            const NAME: &'static str = $name;
            const GEMM_MR: usize = $mr;
            type F32 = $V32;
            type F64 = $V64;
            type Half = $H;

            #[inline(always)]
            fn half(self) -> $H {
                // The half's features are a subset of this token's (see `detect`).
                $H(())
            }

            #[inline]
            fn try_new() -> Option<Self> {
                has!($($f),+).then_some($T(()))
            }

            #[inline(always)]
            unsafe fn new_unchecked() -> Self {
                $T(())
            }

            #[inline(always)]
            fn vectorize<Op: WithSimd>(self, op: Op) -> Op::Output {
                #[target_feature(enable = $feat)]
                fn imp<Op: WithSimd>(simd: $T, op: Op) -> Op::Output {
                    op.with_simd(simd)
                }
                // SAFETY: `self` exists, so this CPU has the features `imp` is compiled with.
                unsafe { imp(self, op) }
            }
        }
    };
}

x86_token! {
    /// SSE2 (the x86_64 baseline): 4 `f32` / 2 `f64` lanes, no FMA; 4 x 2 tiles.
    Sse2 = "sse2", features "sse2", detect ("sse2"), mr 4, Sse2F32, Sse2F64, half Sse2
}

x86_token! {
    /// AVX2 with FMA: 8 `f32` / 4 `f64` lanes; 6 x 2 tiles (12 of the 16 `ymm` registers
    /// accumulate).
    Avx2 = "avx2", features "avx2,fma", detect ("avx2", "fma"), mr 6, Avx2F32, Avx2F64, half Avx2
}

x86_token! {
    /// AVX-512F (with AVX-512VL, AVX2 and FMA): 16 `f32` / 8 `f64` lanes; 8 x 2 tiles (16 of
    /// the 32 `zmm` registers accumulate). VL gives the 256-bit vectors of `Simd::Half` all 32
    /// registers too (without it an 8-row tile of them spilled an accumulator in every step).
    Avx512 = "avx512", features "avx512f,avx512vl,avx2,fma", detect ("avx512f", "avx512vl", "avx2", "fma"), mr 8, Avx512F32, Avx512F64, half Avx2
}
