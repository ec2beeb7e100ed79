//! The portable backend: fixed-size arrays with lane-by-lane loops, which the compiler turns
//! into the target's SIMD instructions (SSE2, NEON, ...) or scalar code. Multiply-add is not
//! fused (Rust never contracts `a * b + c`), so results are the same on every target.

use core::ops::{Add, Div, Mul, Sub};

use super::{F32Vector, Simd, Vector, WithSimd};

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
    const FMA: bool = false;
    const GEMM_MR: usize = 4;
    type F32 = F32x4;
    type F64 = F64x2;

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

impl F32x4 {
    #[inline(always)]
    fn bits(self, f: impl Fn(u32) -> u32) -> Self {
        F32x4(self.0.map(|x| f32::from_bits(f(x.to_bits()))))
    }

    #[inline(always)]
    fn bits2(self, o: Self, f: impl Fn(u32, u32) -> u32) -> Self {
        self.zip(o, |a, b| f32::from_bits(f(a.to_bits(), b.to_bits())))
    }
}

impl F32Vector for F32x4 {
    /// All ones (`u32::MAX`) in the lanes that are set: selects are bitwise, which vectorizes.
    type Mask = [u32; 4];

    #[inline(always)]
    fn lt(self, o: Self) -> [u32; 4] {
        core::array::from_fn(|i| if self.0[i] < o.0[i] { u32::MAX } else { 0 })
    }

    #[inline(always)]
    fn eq(self, o: Self) -> [u32; 4] {
        core::array::from_fn(|i| if self.0[i] == o.0[i] { u32::MAX } else { 0 })
    }

    #[inline(always)]
    fn is_nan(self) -> [u32; 4] {
        core::array::from_fn(|i| if self.0[i].is_nan() { u32::MAX } else { 0 })
    }

    #[inline(always)]
    fn select(m: [u32; 4], a: Self, b: Self) -> Self {
        F32x4(core::array::from_fn(|i| {
            f32::from_bits((a.0[i].to_bits() & m[i]) | (b.0[i].to_bits() & !m[i]))
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
    fn shl23(self) -> Self {
        self.bits(|x| x << 23)
    }

    #[inline(always)]
    fn shr23(self) -> Self {
        self.bits(|x| x >> 23)
    }
}
