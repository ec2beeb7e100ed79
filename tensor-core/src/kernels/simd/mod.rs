//! SIMD backends: one vector abstraction, several instruction sets, one place that chooses.
//!
//! - [`Vector`] (and [`F32Vector`] for the bit tricks of the vectorized math) is implemented by
//!   a portable array type the compiler auto-vectorizes ([`portable`]), on x86_64 by
//!   wrappers of `core::arch` registers for SSE2, AVX2+FMA and AVX-512F (`x86`), and on
//!   aarch64 by NEON registers (`neon`).
//! - The generic bodies (the generated micro-kernels and drivers of [`super::generated`], the
//!   blocked product of [`super::gemm`], the math of [`super::vmath`]) are `#[inline(always)]`;
//!   each instruction set instantiates them inside thin `#[target_feature(enable = ...)]`
//!   functions, so every path is compiled for its own features.
//! - Each instruction set is a zero-sized type implementing [`Kernel`]; [`dispatch::active`]
//!   picks one (runtime detection with `std`, `cfg(target_feature)` without; the
//!   `TENSOR_KERNEL` environment variable or the `force-portable` feature override it) and the
//!   safe functions below route to it.
//!
//! Soundness rests on one invariant: values of an x86 vector type exist only inside functions
//! compiled with its features, because the types are private to [`x86`] and only named by the
//! `#[target_feature]` wrappers there, which are only called after their feature was checked.

pub(crate) mod dispatch;
#[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
pub(crate) mod neon;
pub(crate) mod portable;
#[cfg(target_arch = "x86_64")]
pub(crate) mod x86;

#[cfg(all(test, feature = "std"))]
mod tests;

use core::ops::{Add, Div, Mul, Sub};

/// The most lanes of any vector type (AVX-512 `f32`): the size of the padded tail buffers.
pub(crate) const MAX_LANES: usize = 16;

/// A SIMD vector of `LANES` elements. Arithmetic is lane by lane, IEEE as the scalar ops.
pub(crate) trait Vector:
    Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    /// The element type.
    type Elem: Copy + Default + Add<Output = Self::Elem> + Mul<Output = Self::Elem>;
    /// The number of lanes (at most [`MAX_LANES`]).
    const LANES: usize;
    /// All lanes zero.
    fn zero() -> Self;
    /// All lanes `x`.
    fn splat(x: Self::Elem) -> Self;
    /// The first `LANES` elements of `s`.
    ///
    /// # Panics
    ///
    /// If `s` is shorter than `LANES`.
    fn load(s: &[Self::Elem]) -> Self;
    /// Writes the lanes to the first `LANES` elements of `s`.
    ///
    /// # Panics
    ///
    /// If `s` is shorter than `LANES`.
    fn store(self, s: &mut [Self::Elem]);
    /// The `LANES` elements at `p`.
    ///
    /// # Safety
    ///
    /// `p` is valid for reads of `LANES` elements.
    unsafe fn load_ptr(p: *const Self::Elem) -> Self;
    /// Writes the lanes to `p`.
    ///
    /// # Safety
    ///
    /// `p` is valid for writes of `LANES` elements.
    unsafe fn store_ptr(self, p: *mut Self::Elem);
    /// `a * b + c`, fused (one rounding) where the instruction set has FMA.
    fn mul_add(a: Self, b: Self, c: Self) -> Self;
    /// `a * b + c` for one element, rounded exactly as a lane of [`Self::mul_add`] (so the
    /// scalar edges of a kernel agree bit for bit with its vector body).
    fn mul_add_elem(a: Self::Elem, b: Self::Elem, c: Self::Elem) -> Self::Elem;
    /// Lane-wise `if self < o { self } else { o }` (so `o` when either is NaN, as x86's `min`).
    fn min(self, o: Self) -> Self;
    /// Lane-wise `if self > o { self } else { o }` (so `o` when either is NaN, as x86's `max`).
    fn max(self, o: Self) -> Self;
}

/// The `f32` operations of the vectorized math: comparisons, selects and bit manipulation.
pub(crate) trait F32Vector: Vector<Elem = f32> {
    /// A lane mask.
    type Mask: Copy;
    /// Lanes where `self < o` (false for NaN).
    fn lt(self, o: Self) -> Self::Mask;
    /// Lanes where `self == o` (false for NaN; `-0 == 0`).
    fn eq(self, o: Self) -> Self::Mask;
    /// Lanes that are NaN.
    fn is_nan(self) -> Self::Mask;
    /// `a` where `m` is set, else `b`.
    fn select(m: Self::Mask, a: Self, b: Self) -> Self;
    /// Bitwise and of the lanes' bits.
    fn and(self, o: Self) -> Self;
    /// Bitwise or of the lanes' bits.
    fn or(self, o: Self) -> Self;
    /// Each lane's bits shifted left by 23 (the mantissa width): builds exponents.
    fn shl23(self) -> Self;
    /// Each lane's bits shifted right by 23, logically: extracts exponents.
    fn shr23(self) -> Self;
}

/// A vector function for the generated `map` drivers (a type, so that it is inlined into the
/// `#[target_feature]` function instantiating the driver; see `generated`).
pub(crate) trait MapFn<V> {
    /// The function.
    fn apply(v: V) -> V;
}

/// A vector operator for the generated `zip` drivers.
pub(crate) trait ZipFn<V> {
    /// The operator.
    fn apply(a: V, b: V) -> V;
}

/// A float function of the vectorized math.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unary {
    /// `e^x`.
    Exp,
    /// The natural logarithm.
    Ln,
    /// The hyperbolic tangent.
    Tanh,
    /// `1 / (1 + e^-x)`.
    Sigmoid,
}

/// An elementwise arithmetic operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Binary {
    /// `a + b`.
    Add,
    /// `a - b`.
    Sub,
    /// `a * b`.
    Mul,
    /// `a / b`.
    Div,
}

/// An instruction set's kernels. Implemented by zero-sized types; [`Self::available`] says
/// whether this CPU (or, without `std`, this compilation target) has the instruction set.
pub(crate) trait Kernel {
    /// The name used by `TENSOR_KERNEL` and in test output.
    #[cfg_attr(not(test), allow(dead_code))]
    const NAME: &'static str;
    /// Whether the instruction set can be used here.
    #[cfg_attr(
        not(any(
            test,
            target_arch = "x86_64",
            all(target_arch = "aarch64", target_feature = "neon")
        )),
        allow(dead_code)
    )]
    fn available() -> bool;
    /// The rows of the tile of [`Self::gemm_f32`] and [`Self::gemm_f64`]: the product split
    /// across threads (`super::par`) cuts the rows into bands of whole tiles.
    const GEMM_MR: usize;
    /// `c = a @ b` for row-major `m x k` and `k x n` operands (`c` is `m x n`).
    ///
    /// # Safety
    ///
    /// `Self::available()` is true. (Lengths are checked: they panic if wrong.)
    unsafe fn gemm_f32(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]);
    /// `c = a @ b` for `f64`, as [`Self::gemm_f32`].
    ///
    /// # Safety
    ///
    /// `Self::available()` is true.
    unsafe fn gemm_f64(m: usize, k: usize, n: usize, a: &[f64], b: &[f64], c: &mut [f64]);
    /// `c = a @ b` along the product path `P` (`super::product`: dot, matrix-vector, one-row
    /// or four-row tiles), for row-major `m x k` and `k x n` operands.
    ///
    /// The default runs the portable vectors; a backend with its own registers overrides it.
    ///
    /// # Safety
    ///
    /// `Self::available()` is true. (Lengths and the path's shape are checked: they panic if
    /// wrong.)
    unsafe fn product_f32<const P: u8>(
        m: usize,
        k: usize,
        n: usize,
        a: &[f32],
        b: &[f32],
        c: &mut [f32],
    ) {
        super::product::product::<portable::F32x4, P>(m, k, n, a, b, c);
    }
    /// `c = a @ b` along the product path `P`, for `f64`, as [`Self::product_f32`].
    ///
    /// # Safety
    ///
    /// `Self::available()` is true.
    unsafe fn product_f64<const P: u8>(
        m: usize,
        k: usize,
        n: usize,
        a: &[f64],
        b: &[f64],
        c: &mut [f64],
    ) {
        super::product::product::<portable::F64x2, P>(m, k, n, a, b, c);
    }
    /// `out[i] = op(x[i])`.
    ///
    /// # Safety
    ///
    /// `Self::available()` is true. (Panics if the lengths differ.)
    unsafe fn unary_into_f32(op: Unary, x: &[f32], out: &mut [f32]);
    /// `a[i] = a[i] op b[i]`.
    ///
    /// # Safety
    ///
    /// `Self::available()` is true. (Panics if the lengths differ.)
    unsafe fn binary_f32(op: Binary, a: &mut [f32], b: &[f32]);
    /// `a[i] = a[i] op b[i]` for `f64`.
    ///
    /// # Safety
    ///
    /// `Self::available()` is true.
    unsafe fn binary_f64(op: Binary, a: &mut [f64], b: &[f64]);
    /// `out[i] = a[i] op b[i]`.
    ///
    /// # Safety
    ///
    /// `Self::available()` is true. (Panics if the lengths differ.)
    unsafe fn binary_into_f32(op: Binary, a: &[f32], b: &[f32], out: &mut [f32]);
    /// `out[i] = a[i] op b[i]` for `f64`.
    ///
    /// # Safety
    ///
    /// `Self::available()` is true.
    unsafe fn binary_into_f64(op: Binary, a: &[f64], b: &[f64], out: &mut [f64]);
}

/// Calls `$call` with `$k` naming the active kernel type.
macro_rules! with_active {
    ($k:ident => $call:expr) => {
        match dispatch::active() {
            #[cfg(target_arch = "x86_64")]
            dispatch::Isa::Avx512 => {
                type $k = x86::Avx512;
                // SAFETY: `active` returns `Avx512` only when `Avx512::available()`.
                unsafe { $call }
            }
            #[cfg(target_arch = "x86_64")]
            dispatch::Isa::Avx2 => {
                type $k = x86::Avx2;
                // SAFETY: `active` returns `Avx2` only when `Avx2::available()`.
                unsafe { $call }
            }
            #[cfg(target_arch = "x86_64")]
            dispatch::Isa::Sse2 => {
                type $k = x86::Sse2;
                // SAFETY: `active` returns `Sse2` only when `Sse2::available()`.
                unsafe { $call }
            }
            #[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
            dispatch::Isa::Neon => {
                type $k = neon::Neon;
                // SAFETY: `active` returns `Neon` only when `Neon::available()`.
                unsafe { $call }
            }
            _ => {
                type $k = portable::Portable;
                // SAFETY: the portable kernel is always available.
                unsafe { $call }
            }
        }
    };
}

/// The rows of the active kernel's `gemm` tile ([`Kernel::GEMM_MR`]).
#[allow(unused_unsafe)] // `with_active!` wraps each call in `unsafe`; this one reads a constant
pub(crate) fn gemm_mr() -> usize {
    with_active!(K => K::GEMM_MR)
}

/// `c = a @ b` (`f32`, row-major) with the active kernel.
pub(crate) fn gemm_f32(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    with_active!(K => K::gemm_f32(m, k, n, a, b, c));
}

/// `c = a @ b` (`f64`, row-major) with the active kernel.
pub(crate) fn gemm_f64(m: usize, k: usize, n: usize, a: &[f64], b: &[f64], c: &mut [f64]) {
    with_active!(K => K::gemm_f64(m, k, n, a, b, c));
}

/// `c = a @ b` (`f32`, row-major) along the product path `P` with the active kernel.
pub(crate) fn product_f32<const P: u8>(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    b: &[f32],
    c: &mut [f32],
) {
    with_active!(K => K::product_f32::<P>(m, k, n, a, b, c));
}

/// `c = a @ b` (`f64`, row-major) along the product path `P` with the active kernel.
pub(crate) fn product_f64<const P: u8>(
    m: usize,
    k: usize,
    n: usize,
    a: &[f64],
    b: &[f64],
    c: &mut [f64],
) {
    with_active!(K => K::product_f64::<P>(m, k, n, a, b, c));
}

/// `out[i] = op(x[i])` (`f32`) with the active kernel.
pub(crate) fn unary_into_f32(op: Unary, x: &[f32], out: &mut [f32]) {
    with_active!(K => K::unary_into_f32(op, x, out));
}

/// `a[i] = a[i] op b[i]` (`f32`) with the active kernel.
pub(crate) fn binary_f32(op: Binary, a: &mut [f32], b: &[f32]) {
    with_active!(K => K::binary_f32(op, a, b));
}

/// `a[i] = a[i] op b[i]` (`f64`) with the active kernel.
pub(crate) fn binary_f64(op: Binary, a: &mut [f64], b: &[f64]) {
    with_active!(K => K::binary_f64(op, a, b));
}

/// `out[i] = a[i] op b[i]` (`f32`) with the active kernel.
pub(crate) fn binary_into_f32(op: Binary, a: &[f32], b: &[f32], out: &mut [f32]) {
    with_active!(K => K::binary_into_f32(op, a, b, out));
}

/// `out[i] = a[i] op b[i]` (`f64`) with the active kernel.
pub(crate) fn binary_into_f64(op: Binary, a: &[f64], b: &[f64], out: &mut [f64]) {
    with_active!(K => K::binary_into_f64(op, a, b, out));
}

/// The bodies every [`Kernel`] instantiates with its vector types, inside its
/// `#[target_feature]` wrappers.
pub(crate) mod bodies {
    use super::super::generated::{map_into_x4, zip_into_x4, zip_x4};
    use super::super::vmath;
    use super::{Binary, F32Vector, MapFn, Unary, Vector, ZipFn};

    macro_rules! map_fn {
        ($T:ident, $f:path) => {
            /// The vectorized function as a [`MapFn`].
            pub(crate) struct $T;
            impl<V: F32Vector> MapFn<V> for $T {
                #[inline(always)]
                fn apply(v: V) -> V {
                    $f(v)
                }
            }
        };
    }
    map_fn!(Exp, vmath::exp);
    map_fn!(Ln, vmath::ln);
    map_fn!(Tanh, vmath::tanh);
    map_fn!(Sigmoid, vmath::sigmoid);

    macro_rules! zip_fn {
        ($T:ident, $op:tt) => {
            /// The operator as a [`ZipFn`].
            pub(crate) struct $T;
            impl<V: Vector> ZipFn<V> for $T {
                #[inline(always)]
                fn apply(a: V, b: V) -> V {
                    a $op b
                }
            }
        };
    }
    zip_fn!(Add, +);
    zip_fn!(Sub, -);
    zip_fn!(Mul, *);
    zip_fn!(Div, /);

    /// `out[i] = op(x[i])` with the vectorized math.
    #[inline(always)]
    pub(crate) fn unary_into<V: F32Vector>(op: Unary, x: &[f32], out: &mut [f32]) {
        match op {
            Unary::Exp => map_into_x4::<V, Exp>(x, out),
            Unary::Ln => map_into_x4::<V, Ln>(x, out),
            Unary::Tanh => map_into_x4::<V, Tanh>(x, out),
            Unary::Sigmoid => map_into_x4::<V, Sigmoid>(x, out),
        }
    }

    /// `a[i] = a[i] op b[i]`.
    #[inline(always)]
    pub(crate) fn binary<V: Vector>(op: Binary, a: &mut [V::Elem], b: &[V::Elem]) {
        match op {
            Binary::Add => zip_x4::<V, Add>(a, b),
            Binary::Sub => zip_x4::<V, Sub>(a, b),
            Binary::Mul => zip_x4::<V, Mul>(a, b),
            Binary::Div => zip_x4::<V, Div>(a, b),
        }
    }

    /// `out[i] = a[i] op b[i]`.
    #[inline(always)]
    pub(crate) fn binary_into<V: Vector>(
        op: Binary,
        a: &[V::Elem],
        b: &[V::Elem],
        out: &mut [V::Elem],
    ) {
        match op {
            Binary::Add => zip_into_x4::<V, Add>(a, b, out),
            Binary::Sub => zip_into_x4::<V, Sub>(a, b, out),
            Binary::Mul => zip_into_x4::<V, Mul>(a, b, out),
            Binary::Div => zip_into_x4::<V, Div>(a, b, out),
        }
    }
}
