//! The portable backend: fixed-size arrays with lane-by-lane loops, which the compiler turns
//! into the target's SIMD instructions (SSE2, NEON, ...) or scalar code. Multiply-add is not
//! fused (Rust never contracts `a * b + c`), so results are the same on every target.

use core::ops::{Add, Div, Mul, Sub};

use super::super::gemm::{Micro, Tile4x1, Tile4x2, gemm};
use super::{Binary, F32Vector, Kernel, Unary, Vector, bodies};

/// Four `f32` lanes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F32x4(pub(crate) [f32; 4]);

/// Two `f64` lanes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F64x2(pub(crate) [f64; 2]);

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
            const LANES: usize = $n;

            #[inline(always)]
            fn zero() -> Self {
                $V([0.0; $n])
            }

            #[inline(always)]
            fn splat(x: $E) -> Self {
                $V([x; $n])
            }

            #[inline(always)]
            fn load(s: &[$E]) -> Self {
                $V(core::array::from_fn(|i| s[..$n][i]))
            }

            #[inline(always)]
            fn store(self, s: &mut [$E]) {
                s[..$n].copy_from_slice(&self.0);
            }

            #[inline(always)]
            unsafe fn load_ptr(p: *const $E) -> Self {
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
            fn mul_add_elem(a: $E, b: $E, c: $E) -> $E {
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

/// The portable kernel: always available.
pub(crate) struct Portable;

impl Kernel for Portable {
    const NAME: &'static str = "portable";
    const GEMM_MR: usize = <Tile4x2 as Micro>::MR;

    fn available() -> bool {
        true
    }

    unsafe fn gemm_f32(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
        gemm::<F32x4, Tile4x2, Tile4x1>(m, k, n, a, b, c);
    }

    unsafe fn gemm_f64(m: usize, k: usize, n: usize, a: &[f64], b: &[f64], c: &mut [f64]) {
        gemm::<F64x2, Tile4x2, Tile4x1>(m, k, n, a, b, c);
    }

    unsafe fn unary_into_f32(op: Unary, x: &[f32], out: &mut [f32]) {
        bodies::unary_into::<F32x4>(op, x, out);
    }

    unsafe fn binary_f32(op: Binary, a: &mut [f32], b: &[f32]) {
        bodies::binary::<F32x4>(op, a, b);
    }

    unsafe fn binary_f64(op: Binary, a: &mut [f64], b: &[f64]) {
        bodies::binary::<F64x2>(op, a, b);
    }

    unsafe fn binary_into_f32(op: Binary, a: &[f32], b: &[f32], out: &mut [f32]) {
        bodies::binary_into::<F32x4>(op, a, b, out);
    }

    unsafe fn binary_into_f64(op: Binary, a: &[f64], b: &[f64], out: &mut [f64]) {
        bodies::binary_into::<F64x2>(op, a, b, out);
    }
}
