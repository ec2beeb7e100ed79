//! The aarch64 backend: NEON (Advanced SIMD) registers, 4 `f32` or 2 `f64` lanes, with fused
//! multiply-add.
//!
//! NEON is part of the baseline of the aarch64 targets that enable it (every aarch64 Linux,
//! macOS, Android and `aarch64-unknown-none` target; not `-softfloat`), so this module is
//! compiled only with `target_feature = "neon"`: every function of the crate then has the
//! instruction set, and the kernel needs no run-time detection or `#[target_feature]`
//! wrappers. The intrinsics are still `unsafe` to call (they are `#[target_feature]`
//! functions). As on x86, the token [`Neon`] has a private field and is made only by
//! [`Simd::try_new`] (which, here, always succeeds: the module exists only where NEON is
//! enabled), the vectors' register fields are private and every vector constructor takes the
//! token; the `SAFETY` comments below rest on that token or vector (loads and stores also
//! need valid pointers).
//!
//! Tiles: 8 x 2 vectors (16 of the 32 vector registers accumulate, as AVX-512's 8 x 2 does),
//! chosen by register count; not measured on aarch64 hardware (only emulated here).

use core::arch::aarch64::*;
use core::ops::{Add, Div, Mul, Sub};

use super::{MathVector, Simd, Vector, WithSimd};

/// The NEON token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Neon(());

impl Simd for Neon {
    const NAME: &'static str = "neon";
    const GEMM_MR: usize = 8;
    type F32 = NeonF32;
    type F64 = NeonF64;
    type Half = Neon;

    #[inline(always)]
    fn half(self) -> Neon {
        self
    }

    #[inline]
    fn try_new() -> Option<Self> {
        // This module is compiled only with `target_feature = "neon"`.
        Some(Neon(()))
    }

    #[inline(always)]
    unsafe fn new_unchecked() -> Self {
        Neon(())
    }

    #[inline(always)]
    fn vectorize<Op: WithSimd>(self, op: Op) -> Op::Output {
        // Every function of this build is compiled with NEON: no wrapper needed.
        op.with_simd(self)
    }
}

/// Four `f32` lanes in a NEON register.
#[derive(Clone, Copy)]
pub(crate) struct NeonF32(float32x4_t);

/// Two `f64` lanes in a NEON register.
#[derive(Clone, Copy)]
pub(crate) struct NeonF64(float64x2_t);

/// A vector type's arithmetic and [`Vector`] implementation from its intrinsics.
macro_rules! neon_vector {
    (
        $V:ident of $E:ty, $n:literal lanes;
        $dup:ident, $ld:ident, $st:ident, $get0:ident,
        $add:ident, $sub:ident, $mul:ident, $div:ident, $fma:ident, $lt:ident, $gt:ident, $bsl:ident
    ) => {
        #[allow(unused_unsafe)]
        impl Add for $V {
            type Output = Self;
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                // SAFETY: `self` proves NEON (see the module docs).
                $V(unsafe { $add(self.0, o.0) })
            }
        }

        #[allow(unused_unsafe)]
        impl Sub for $V {
            type Output = Self;
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                // SAFETY: the token or vector proves NEON.
                $V(unsafe { $sub(self.0, o.0) })
            }
        }

        #[allow(unused_unsafe)]
        impl Mul for $V {
            type Output = Self;
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                // SAFETY: the token or vector proves NEON.
                $V(unsafe { $mul(self.0, o.0) })
            }
        }

        #[allow(unused_unsafe)]
        impl Div for $V {
            type Output = Self;
            #[inline(always)]
            fn div(self, o: Self) -> Self {
                // SAFETY: the token or vector proves NEON.
                $V(unsafe { $div(self.0, o.0) })
            }
        }

        #[allow(unused_unsafe)]
        impl Vector for $V {
            type Elem = $E;
            type Simd = Neon;
            const LANES: usize = $n;
            const REGISTERS: usize = 32;

            #[inline(always)]
            fn simd(self) -> Neon {
                Neon(())
            }

            #[inline(always)]
            fn zero(_: Neon) -> Self {
                // SAFETY: the token proves NEON.
                $V(unsafe { $dup(0.0) })
            }

            #[inline(always)]
            fn splat(_: Neon, x: $E) -> Self {
                // SAFETY: the token proves NEON.
                $V(unsafe { $dup(x) })
            }

            #[inline(always)]
            fn load(_: Neon, s: &[$E]) -> Self {
                assert!(s.len() >= $n);
                // SAFETY: `s` holds at least `LANES` elements (checked above); `ld1` has no
                // alignment requirement beyond the element's; the token proves NEON.
                $V(unsafe { $ld(s.as_ptr()) })
            }

            #[inline(always)]
            fn store(self, s: &mut [$E]) {
                assert!(s.len() >= $n);
                // SAFETY: as in `load`, for writes.
                unsafe { $st(s.as_mut_ptr(), self.0) }
            }

            #[inline(always)]
            unsafe fn load_ptr(_: Neon, p: *const $E) -> Self {
                // SAFETY: the caller guarantees `p` is valid for reads of `LANES` elements.
                $V(unsafe { $ld(p) })
            }

            #[inline(always)]
            unsafe fn store_ptr(self, p: *mut $E) {
                // SAFETY: the caller guarantees `p` is valid for writes of `LANES` elements.
                unsafe { $st(p, self.0) }
            }

            #[inline(always)]
            fn mul_add(a: Self, b: Self, c: Self) -> Self {
                // `fmla`: c + a * b with one rounding.
                // SAFETY: the token or vector proves NEON.
                $V(unsafe { $fma(c.0, a.0, b.0) })
            }

            #[inline(always)]
            fn mul_add_elem(_: Neon, a: $E, b: $E, c: $E) -> $E {
                // The same instruction on one lane, so the scalar edges round as the lanes do
                // (LLVM emits the scalar `fmadd`).
                // SAFETY: the token or vector proves NEON.
                unsafe { $get0::<0>($fma($dup(c), $dup(a), $dup(b))) }
            }

            #[inline(always)]
            fn min(self, o: Self) -> Self {
                // `fmin` would return NaN for a NaN in either lane; the contract is x86's
                // `o` unless `self < o`, so compare and select.
                // SAFETY: the token or vector proves NEON.
                $V(unsafe { $bsl($lt(self.0, o.0), self.0, o.0) })
            }

            #[inline(always)]
            fn max(self, o: Self) -> Self {
                // SAFETY: the token or vector proves NEON.
                $V(unsafe { $bsl($gt(self.0, o.0), self.0, o.0) })
            }
        }
    };
}

neon_vector! {
    NeonF32 of f32, 4 lanes;
    vdupq_n_f32, vld1q_f32, vst1q_f32, vgetq_lane_f32,
    vaddq_f32, vsubq_f32, vmulq_f32, vdivq_f32, vfmaq_f32, vcltq_f32, vcgtq_f32, vbslq_f32
}

neon_vector! {
    NeonF64 of f64, 2 lanes;
    vdupq_n_f64, vld1q_f64, vst1q_f64, vgetq_lane_f64,
    vaddq_f64, vsubq_f64, vmulq_f64, vdivq_f64, vfmaq_f64, vcltq_f64, vcgtq_f64, vbslq_f64
}

#[allow(unused_unsafe)]
impl MathVector for NeonF32 {
    /// All ones in the lanes that are set (as NEON's comparisons write them).
    type Mask = uint32x4_t;

    #[inline(always)]
    fn lt(self, o: Self) -> uint32x4_t {
        // SAFETY: `self` proves NEON (here and below).
        unsafe { vcltq_f32(self.0, o.0) }
    }

    #[inline(always)]
    fn eq(self, o: Self) -> uint32x4_t {
        // SAFETY: the token or vector proves NEON.
        unsafe { vceqq_f32(self.0, o.0) }
    }

    #[inline(always)]
    fn is_nan(self) -> uint32x4_t {
        // SAFETY: the token or vector proves NEON.
        unsafe { vmvnq_u32(vceqq_f32(self.0, self.0)) }
    }

    #[inline(always)]
    fn select(m: uint32x4_t, a: Self, b: Self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF32(unsafe { vbslq_f32(m, a.0, b.0) })
    }

    #[inline(always)]
    fn and(self, o: Self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF32(unsafe {
            vreinterpretq_f32_u32(vandq_u32(
                vreinterpretq_u32_f32(self.0),
                vreinterpretq_u32_f32(o.0),
            ))
        })
    }

    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF32(unsafe {
            vreinterpretq_f32_u32(vorrq_u32(
                vreinterpretq_u32_f32(self.0),
                vreinterpretq_u32_f32(o.0),
            ))
        })
    }

    #[inline(always)]
    fn shl_mantissa(self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF32(unsafe { vreinterpretq_f32_u32(vshlq_n_u32::<23>(vreinterpretq_u32_f32(self.0))) })
    }

    #[inline(always)]
    fn shr_mantissa(self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF32(unsafe { vreinterpretq_f32_u32(vshrq_n_u32::<23>(vreinterpretq_u32_f32(self.0))) })
    }
}

#[allow(unused_unsafe)]
impl MathVector for NeonF64 {
    /// All ones in the lanes that are set (as NEON's comparisons write them).
    type Mask = uint64x2_t;

    #[inline(always)]
    fn lt(self, o: Self) -> uint64x2_t {
        // SAFETY: `self` proves NEON (here and below).
        unsafe { vcltq_f64(self.0, o.0) }
    }

    #[inline(always)]
    fn eq(self, o: Self) -> uint64x2_t {
        // SAFETY: the token or vector proves NEON.
        unsafe { vceqq_f64(self.0, o.0) }
    }

    #[inline(always)]
    fn is_nan(self) -> uint64x2_t {
        // SAFETY: the token or vector proves NEON. (No 64-bit `mvn`: the bits are the same.)
        unsafe {
            vreinterpretq_u64_u32(vmvnq_u32(vreinterpretq_u32_u64(vceqq_f64(self.0, self.0))))
        }
    }

    #[inline(always)]
    fn select(m: uint64x2_t, a: Self, b: Self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF64(unsafe { vbslq_f64(m, a.0, b.0) })
    }

    #[inline(always)]
    fn and(self, o: Self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF64(unsafe {
            vreinterpretq_f64_u64(vandq_u64(
                vreinterpretq_u64_f64(self.0),
                vreinterpretq_u64_f64(o.0),
            ))
        })
    }

    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF64(unsafe {
            vreinterpretq_f64_u64(vorrq_u64(
                vreinterpretq_u64_f64(self.0),
                vreinterpretq_u64_f64(o.0),
            ))
        })
    }

    #[inline(always)]
    fn shl_mantissa(self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF64(unsafe { vreinterpretq_f64_u64(vshlq_n_u64::<52>(vreinterpretq_u64_f64(self.0))) })
    }

    #[inline(always)]
    fn shr_mantissa(self) -> Self {
        // SAFETY: the token or vector proves NEON.
        NeonF64(unsafe { vreinterpretq_f64_u64(vshrq_n_u64::<52>(vreinterpretq_u64_f64(self.0))) })
    }
}
