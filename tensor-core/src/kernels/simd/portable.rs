//! The portable backend: fixed-size arrays with lane-by-lane loops, which the compiler turns
//! into the target's SIMD instructions (SSE2, NEON, ...) or scalar code. Multiply-add is not
//! fused (Rust never contracts `a * b + c`), so results are the same on every target.

use core::ops::{Add, Div, Mul, Sub};

use super::{MathVector, Simd, Vector, WithSimd};

/// The portable instruction set's token: every target has it, so anyone may make one
/// ([`Portable::new`]).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Portable;

impl Portable {
    /// The token (always available).
    #[inline(always)]
    pub(crate) const fn new() -> Self {
        Portable
    }
}

impl Simd for Portable {
    const NAME: &'static str = "portable";
    const GEMM_MR: usize = 4;
    type F32 = F32x4;
    type F64 = F64x2;
    type Half = Portable;

    #[inline(always)]
    fn half(self) -> Portable {
        self
    }

    #[inline]
    fn try_new() -> Option<Self> {
        Some(Portable)
    }

    #[inline(always)]
    unsafe fn new_unchecked() -> Self {
        Portable
    }

    #[inline(always)]
    fn vectorize<Op: WithSimd>(self, op: Op) -> Op::Output {
        op.with_simd(self)
    }
}

/// Four `f32` lanes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F32x4([f32; 4]);

/// Two `f64` lanes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F64x2([f64; 2]);

macro_rules! portable_vector {
    ($V:ident, $E:ty, $n:literal) => {
        impl $V {
            #[inline(always)]
            fn zip(self, o: Self, f: impl Fn($E, $E) -> $E) -> Self {
                $V(core::array::from_fn(|i| f(self.0[i], o.0[i])))
            }
        }

        impl Add for $V {
            type Output = Self;
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                self.zip(o, |a, b| a + b)
            }
        }

        impl Sub for $V {
            type Output = Self;
            #[inline(always)]
            fn sub(self, o: Self) -> Self {
                self.zip(o, |a, b| a - b)
            }
        }

        impl Mul for $V {
            type Output = Self;
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                self.zip(o, |a, b| a * b)
            }
        }

        impl Div for $V {
            type Output = Self;
            #[inline(always)]
            fn div(self, o: Self) -> Self {
                self.zip(o, |a, b| a / b)
            }
        }

        impl Vector for $V {
            type Elem = $E;
            type Simd = Portable;
            const LANES: usize = $n;

            #[inline(always)]
            fn simd(self) -> Portable {
                Portable
            }

            #[inline(always)]
            fn zero(_: Portable) -> Self {
                $V([0.0; $n])
            }

            #[inline(always)]
            fn splat(_: Portable, x: $E) -> Self {
                $V([x; $n])
            }

            #[inline(always)]
            fn load(_: Portable, s: &[$E]) -> Self {
                $V(core::array::from_fn(|i| s[..$n][i]))
            }

            #[inline(always)]
            fn store(self, s: &mut [$E]) {
                s[..$n].copy_from_slice(&self.0);
            }

            #[inline(always)]
            unsafe fn load_ptr(_: Portable, p: *const $E) -> Self {
                // SAFETY: the caller guarantees `p` is valid for reads of `LANES` elements;
                // `read_unaligned` because `p` is only aligned for `$E`.
                $V(unsafe { p.cast::<[$E; $n]>().read_unaligned() })
            }

            #[inline(always)]
            unsafe fn store_ptr(self, p: *mut $E) {
                // SAFETY: the caller guarantees `p` is valid for writes of `LANES` elements.
                unsafe { p.cast::<[$E; $n]>().write_unaligned(self.0) }
            }

            #[inline(always)]
            fn mul_add(a: Self, b: Self, c: Self) -> Self {
                a * b + c
            }

            #[inline(always)]
            fn mul_add_elem(_: Portable, a: $E, b: $E, c: $E) -> $E {
                a * b + c
            }

            #[inline(always)]
            fn min(self, o: Self) -> Self {
                self.zip(o, |a, b| if a < b { a } else { b })
            }

            #[inline(always)]
            fn max(self, o: Self) -> Self {
                self.zip(o, |a, b| if a > b { a } else { b })
            }
        }
    };
}

portable_vector!(F32x4, f32, 4);
portable_vector!(F64x2, f64, 2);

/// [`MathVector`] for a portable vector whose lanes have the bits `$U`, with masks of all-ones
/// lanes (so that selects are bitwise, which vectorizes).
macro_rules! portable_math {
    ($V:ident, $E:ty, $U:ty, $n:literal, mantissa $m:literal) => {
        impl $V {
            #[inline(always)]
            fn bits(self, f: impl Fn($U) -> $U) -> Self {
                $V(self.0.map(|x| <$E>::from_bits(f(x.to_bits()))))
            }

            #[inline(always)]
            fn bits2(self, o: Self, f: impl Fn($U, $U) -> $U) -> Self {
                self.zip(o, |a, b| <$E>::from_bits(f(a.to_bits(), b.to_bits())))
            }

            #[inline(always)]
            fn mask(f: impl Fn(usize) -> bool) -> [$U; $n] {
                core::array::from_fn(|i| if f(i) { <$U>::MAX } else { 0 })
            }
        }

        impl MathVector for $V {
            type Mask = [$U; $n];

            #[inline(always)]
            fn lt(self, o: Self) -> [$U; $n] {
                Self::mask(|i| self.0[i] < o.0[i])
            }

            #[inline(always)]
            fn eq(self, o: Self) -> [$U; $n] {
                Self::mask(|i| self.0[i] == o.0[i])
            }

            #[inline(always)]
            fn is_nan(self) -> [$U; $n] {
                Self::mask(|i| self.0[i].is_nan())
            }

            #[inline(always)]
            fn select(m: [$U; $n], a: Self, b: Self) -> Self {
                $V(core::array::from_fn(|i| {
                    <$E>::from_bits((a.0[i].to_bits() & m[i]) | (b.0[i].to_bits() & !m[i]))
                }))
            }

            #[inline(always)]
            fn and(self, o: Self) -> Self {
                self.bits2(o, |a, b| a & b)
            }

            #[inline(always)]
            fn or(self, o: Self) -> Self {
                self.bits2(o, |a, b| a | b)
            }

            #[inline(always)]
            fn shl_mantissa(self) -> Self {
                self.bits(|x| x << $m)
            }

            #[inline(always)]
            fn shr_mantissa(self) -> Self {
                self.bits(|x| x >> $m)
            }
        }
    };
}

portable_math!(F32x4, f32, u32, 4, mantissa 23);
portable_math!(F64x2, f64, u64, 2, mantissa 52);
