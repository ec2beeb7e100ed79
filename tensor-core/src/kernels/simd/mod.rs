//! SIMD backends: instruction sets as values, one vector abstraction, one place that chooses.
//!
//! - Each instruction set is a zero-sized **token** implementing [`Simd`]: `x86::Sse2`,
//!   `x86::Avx2` (with FMA), `x86::Avx512` (AVX-512F with AVX2 and FMA), `neon::Neon`, and
//!   [`portable::Portable`]. A token's only safe constructor, [`Simd::try_new`], checks the
//!   feature (run-time detection with `std`, `cfg(target_feature)` without);
//!   [`Simd::new_unchecked`] is `unsafe` and its caller proves it. So holding a token proves
//!   that this CPU has the instruction set. Tokens are `Copy` and passed by value; they
//!   compile to nothing.
//! - [`Vector`] (and [`MathVector`] for the bit tricks of the vectorized math) is implemented by
//!   a portable array type the compiler auto-vectorizes ([`portable`]), on x86_64 by wrappers
//!   of `core::arch` registers (`x86`), and on aarch64 by NEON registers (`neon`). Every
//!   constructor of a vector from scalars (`zero`, `splat`, `load`, `load_ptr`, and the
//!   scalar `mul_add_elem`) takes the token of the vector's instruction set
//!   ([`Vector::Simd`]) by value, and the register field is private to the backend, so code
//!   without a token cannot create a vector; a vector value therefore proves the feature
//!   too, and the arithmetic on vectors needs no token.
//! - [`Simd::vectorize`] runs an operation ([`WithSimd`], generic over the token) inside a
//!   function compiled with the instruction set's `#[target_feature]`s. The generic bodies
//!   (the generated micro-kernels and drivers of [`super::generated`], the blocked product of
//!   [`super::gemm`], the math of [`super::vmath`]) are `#[inline(always)]` and take the token
//!   as a parameter, so each is compiled for its features; the backends never name them (the
//!   operations and the safe entry points are in [`super::entry`]).
//! - [`dispatch::active`] picks the instruction set once (runtime detection with `std`,
//!   `cfg(target_feature)` without; the `TENSOR_KERNEL` environment variable or the
//!   `force-portable` feature override it) and [`dispatch::with_active`] runs an operation
//!   with its token.
//!
//! Soundness rests on the tokens alone: an intrinsic runs only on a token or a vector value,
//! both of which exist only after the feature check. (Outside a `#[target_feature]` function
//! the intrinsics are merely not inlined: slow, never undefined.)

pub(crate) mod dispatch;
#[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
pub(crate) mod neon;
pub(crate) mod portable;
#[cfg(target_arch = "x86_64")]
pub(crate) mod x86;

#[cfg(all(test, feature = "std"))]
pub(super) mod tests;

use core::mem::MaybeUninit;
use core::ops::{Add, Div, Mul, Sub};

/// The most lanes of any vector type (AVX-512 `f32`): the size of the padded tail buffers.
pub(crate) const MAX_LANES: usize = 16;

/// An instruction set, as a zero-sized token: holding one proves that this CPU has it.
///
/// The only safe constructor is [`Self::try_new`], which checks the feature; the token is
/// then passed by value into every kernel ([`Self::vectorize`]) and every vector constructor
/// ([`Vector::zero`], ...). It is `Copy` and has no fields, so passing it costs nothing.
pub(crate) trait Simd: Copy + Send + Sync + 'static {
    /// The name used by `TENSOR_KERNEL` and in test output.
    #[cfg_attr(not(test), allow(dead_code))]
    const NAME: &'static str;
    /// The rows of the register tile of the blocked product (`super::gemm`): 8 with 32 vector
    /// registers, 6 with 16 wide ones, else 4. The product split across threads
    /// (`super::par`) cuts the rows into bands of whole tiles.
    const GEMM_MR: usize;
    /// The `f32` vector.
    type F32: MathVector<Elem = f32, Simd = Self>;
    /// The `f64` vector.
    type F64: MathVector<Elem = f64, Simd = Self>;
    /// The instruction set of the narrower vectors this one also has, with the same
    /// arithmetic (fused multiply-adds where this one fuses them): AVX2 for AVX-512, itself
    /// for the others. A kernel whose rows fill only part of a vector runs on them: on Zen 4 a
    /// 512-bit multiply-add takes both 256-bit units, so a 256-bit one does the same useful
    /// work in half the time when 8 `f32` lanes (4 `f64`) hold the row.
    type Half: Simd;
    /// The token of [`Self::Half`] (which this CPU has, as it has this one).
    fn half(self) -> Self::Half;
    /// The token, if this CPU (with `std`: detected at run time) or this compilation target
    /// (without: `cfg(target_feature)`) has the instruction set.
    #[cfg_attr(
        not(any(
            test,
            target_arch = "x86_64",
            all(target_arch = "aarch64", target_feature = "neon")
        )),
        allow(dead_code)
    )]
    fn try_new() -> Option<Self>;
    /// The token, unchecked.
    ///
    /// # Safety
    ///
    /// This CPU has the instruction set (as [`Self::try_new`] would have said).
    #[cfg_attr(
        not(any(
            test,
            target_arch = "x86_64",
            all(target_arch = "aarch64", target_feature = "neon")
        )),
        allow(dead_code)
    )]
    unsafe fn new_unchecked() -> Self;
    /// `op.with_simd(self)`, inside a function compiled with the instruction set's features
    /// (so that `op`'s `#[inline(always)]` body is compiled for them).
    fn vectorize<Op: WithSimd>(self, op: Op) -> Op::Output;
}

/// An operation generic over the instruction set, run by [`Simd::vectorize`] (after pulp's
/// `WithSimd`): a type, so that its body is inlined into the `#[target_feature]` function.
pub(crate) trait WithSimd {
    /// The result.
    type Output;
    /// The operation on the instruction set of `simd` (implementations are
    /// `#[inline(always)]`).
    fn with_simd<S: Simd>(self, simd: S) -> Self::Output;
}

/// The element types of the vectors: `f32` and `f64`, each naming its vector of every
/// instruction set (so an operation is written once for both).
pub(crate) trait SimdElem: Copy + Default + 'static {
    /// The vector of `S` with this element type.
    type V<S: Simd>: MathVector<Elem = Self, Simd = S>;
}

impl SimdElem for f32 {
    type V<S: Simd> = S::F32;
}

impl SimdElem for f64 {
    type V<S: Simd> = S::F64;
}

/// A SIMD vector of `LANES` elements. Arithmetic is lane by lane, IEEE as the scalar ops.
///
/// Every function that makes a vector from scalars takes the instruction set's token
/// ([`Self::Simd`]) by value; the others take a vector. A vector value thus proves the
/// instruction set, as its token does ([`Self::simd`] gives the token back).
pub(crate) trait Vector:
    Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    /// The element type.
    type Elem: Copy + Default + Add<Output = Self::Elem> + Mul<Output = Self::Elem>;
    /// The instruction set's token.
    type Simd: Copy;
    /// The number of lanes (at most [`MAX_LANES`]).
    const LANES: usize;
    /// The vector registers of the instruction set (32 with AVX-512 and NEON): how many
    /// accumulators a kernel can keep beside its operands.
    const REGISTERS: usize = 16;
    /// The token of this vector's instruction set (which exists, as this vector does).
    fn simd(self) -> Self::Simd;
    /// All lanes zero.
    fn zero(simd: Self::Simd) -> Self;
    /// All lanes `x`.
    fn splat(simd: Self::Simd, x: Self::Elem) -> Self;
    /// The first `LANES` elements of `s`.
    ///
    /// # Panics
    ///
    /// If `s` is shorter than `LANES`.
    fn load(simd: Self::Simd, s: &[Self::Elem]) -> Self;
    /// Writes the lanes to the first `LANES` elements of `s`.
    ///
    /// # Panics
    ///
    /// If `s` is shorter than `LANES`.
    fn store(self, s: &mut [Self::Elem]);
    /// Writes the lanes to the first `LANES` elements of `s`, which need not be initialized
    /// (a result being built: see `kernels::elementwise`).
    ///
    /// # Panics
    ///
    /// If `s` is shorter than `LANES`.
    #[inline(always)]
    fn store_uninit(self, s: &mut [MaybeUninit<Self::Elem>]) {
        assert!(s.len() >= Self::LANES);
        // SAFETY: `s` holds at least `LANES` elements (checked above), and `MaybeUninit<E>`
        // has `E`'s layout; the stored lanes are initialized values.
        unsafe { self.store_ptr(s.as_mut_ptr().cast()) }
    }
    /// The `LANES` elements at `p`.
    ///
    /// # Safety
    ///
    /// `p` is valid for reads of `LANES` elements.
    unsafe fn load_ptr(simd: Self::Simd, p: *const Self::Elem) -> Self;
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
    fn mul_add_elem(simd: Self::Simd, a: Self::Elem, b: Self::Elem, c: Self::Elem) -> Self::Elem;
    /// Lane-wise `if self < o { self } else { o }` (so `o` when either is NaN, as x86's `min`).
    fn min(self, o: Self) -> Self;
    /// Lane-wise `if self > o { self } else { o }` (so `o` when either is NaN, as x86's `max`).
    fn max(self, o: Self) -> Self;
}

/// The operations of the vectorized math (`vmath` for `f32`, `vmath64` for `f64`) beyond
/// arithmetic: comparisons, selects and bit manipulation.
pub(crate) trait MathVector: Vector {
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
    /// Each lane's bits shifted left by the mantissa width (23 for `f32`, 52 for `f64`):
    /// builds exponents.
    fn shl_mantissa(self) -> Self;
    /// Each lane's bits shifted right by the mantissa width, logically: extracts exponents.
    fn shr_mantissa(self) -> Self;
    /// `(m, e)` with `self = m 2^e`, `m` in `[1/2, 1)` and `e` integral, for the positive
    /// finite lanes (denormals included), where the instruction set does it in two
    /// instructions (AVX-512F's `getmant` and `getexp`); `None` where the math extracts the
    /// fields from the bits itself. The other lanes give: `+-0` `(+-1, -inf)`, `inf`
    /// `(1, inf)`, negative lanes and NaN a NaN `m`.
    #[inline(always)]
    fn frexp(self) -> Option<(Self, Self)> {
        None
    }
    /// `self 2^n` for integral lanes `n`, rounded once (overflowing to infinity, underflowing
    /// gradually), where the instruction set does it in one instruction (AVX-512F's
    /// `scalef`); `None` where the math builds the power of two itself.
    #[inline(always)]
    fn scale(self, n: Self) -> Option<Self> {
        let _ = n;
        None
    }
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
