//! Vectorized math, elementwise, for tensors of every rank: NumPy's ufuncs (`np.sqrt`,
//! `np.exp`, ...), `sigmoid`, `relu`, `clip`, `maximum`/`minimum`, and numerically stable `softmax` and
//! `log_softmax` along the last axis. Each is written once for every shape.
//!
//! Float functions go through [`num_traits::Float`], which uses `std` when the `std` feature
//! is on and the `libm` crate otherwise, except `exp`, `ln`, `tanh` and `sigmoid` of `f32` and
//! `f64`, which use the library's vectorized polynomial approximations (SIMD; `f32`: at most
//! 1 ulp from the correctly rounded result for `exp`, `ln` and `tanh`, 3 for `sigmoid`; `f64`:
//! at most 1 ulp from the platform's libm for `exp` and `ln`, 3 for `tanh` and `sigmoid`;
//! `softmax` and `log_softmax` take their exponentials from the same vectorized `exp`). NaN
//! and infinities follow IEEE 754 as NumPy's do.

use core::mem::MaybeUninit;
use core::ops::Mul;

use num_traits::{Float, Signed};

use super::broadcast::zip_broadcast;
use super::out::Out;
use crate::kernels::elementwise::{unary, unary_assign, unary_simd};
use crate::kernels::reduce::{fold, max_nan, min_nan};
use crate::kernels::simd::Unary;
use crate::shape::{BroadcastWith, Dims};
use crate::{Array, Element};

impl<T: Copy, S: Dims> Array<T, S> {
    /// The square root of each element, like `np.sqrt(a)`: NaN for negative elements.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([4.0, 9.0]).sqrt(), Tensor::from([2.0, 3.0]));
    /// assert!(Tensor::from([-1.0f32]).sqrt()[0].is_nan());
    /// ```
    #[must_use]
    #[inline]
    pub fn sqrt(&self) -> Self
    where
        T: Float,
    {
        self.sqrt_to()
    }

    /// `e` raised to each element, like `np.exp(a)`: `inf` on overflow.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0, 1000.0]).exp(), Tensor::from([1.0, f64::INFINITY]));
    /// ```
    #[must_use]
    #[inline]
    pub fn exp(&self) -> Self
    where
        T: Float,
    {
        self.exp_to()
    }

    /// The natural logarithm of each element, like `np.log(a)`: `-inf` at 0, NaN below.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 0.0]).ln(), Tensor::from([0.0, f64::NEG_INFINITY]));
    /// ```
    #[must_use]
    #[inline]
    pub fn ln(&self) -> Self
    where
        T: Float,
    {
        self.ln_to()
    }

    /// The base-2 logarithm of each element, like `np.log2(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([8.0, 0.5]).log2(), Tensor::from([3.0, -1.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn log2(&self) -> Self
    where
        T: Float,
    {
        self.log2_to()
    }

    /// The base-10 logarithm of each element, like `np.log10(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1000.0, 0.01]).log10(), Tensor::from([3.0, -2.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn log10(&self) -> Self
    where
        T: Float,
    {
        self.log10_to()
    }

    /// The logarithm of each element in the given `base`, like `np.log(a) / np.log(base)`
    /// (Rust's `f64::log`). For the natural logarithm (NumPy's `np.log`) use [`ln`](Self::ln).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([9.0, 81.0]).log(3.0), Tensor::from([2.0, 4.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn log(&self, base: T) -> Self
    where
        T: Float,
    {
        self.log_to(base)
    }

    /// The sine of each element (radians), like `np.sin(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0f32]).sin(), Tensor::from([0.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn sin(&self) -> Self
    where
        T: Float,
    {
        self.sin_to()
    }

    /// The cosine of each element (radians), like `np.cos(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0f32]).cos(), Tensor::from([1.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn cos(&self) -> Self
    where
        T: Float,
    {
        self.cos_to()
    }

    /// The hyperbolic tangent of each element, like `np.tanh(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0, f64::INFINITY]).tanh(), Tensor::from([0.0, 1.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn tanh(&self) -> Self
    where
        T: Float,
    {
        self.tanh_to()
    }

    /// The logistic function `1 / (1 + exp(-x))` of each element: 0 and 1 at the infinities, no
    /// overflow to NaN for large `|x|`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let s = Tensor::from([0.0, -1000.0, 1000.0]).sigmoid();
    /// assert_eq!(s, Tensor::from([0.5, 0.0, 1.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn sigmoid(&self) -> Self
    where
        T: Float,
    {
        self.sigmoid_to()
    }

    /// Each element raised to the integer power `n`, like `np.power(a, n)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([2.0, -3.0]).powi(3), Tensor::from([8.0, -27.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn powi(&self, n: i32) -> Self
    where
        T: Float,
    {
        self.powi_to(n)
    }

    /// Each element raised to the float power `p`, like `np.power(a, p)`: NaN for a negative
    /// element and a non-integer `p`. It is IEEE `pow` for every `p`; NumPy computes `a ** 0.5`
    /// as `sqrt`, which differs at `-inf` (NumPy: NaN, here `inf`) and `-0.0` (NumPy: `-0.0`,
    /// here `0.0`): use `sqrt` for NumPy's results there.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([4.0, 9.0]).powf(0.5), Tensor::from([2.0, 3.0]));
    /// ```
    #[must_use]
    #[inline]
    pub fn powf(&self, p: T) -> Self
    where
        T: Float,
    {
        self.powf_to(p)
    }

    /// Each element squared, like `np.square(a)`; integers overflow as their `*` does.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-3, 4]).square(), Tensor::from([9, 16]));
    /// ```
    #[must_use]
    #[inline]
    pub fn square(&self) -> Self
    where
        T: Copy + Mul<Output = T>,
    {
        self.square_to()
    }

    /// The absolute value of each element, like `np.abs(a)`. For a signed integer's minimum
    /// (`i32::MIN`) it overflows as Rust's `abs` does (a panic with overflow checks on, else
    /// the value itself, as NumPy returns).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-1.5, 2.0]).abs(), Tensor::from([1.5, 2.0]));
    /// assert_eq!(Tensor::from([-3, 4]).abs(), Tensor::from([3, 4]));
    /// ```
    #[must_use]
    #[inline]
    pub fn abs(&self) -> Self
    where
        T: Signed + Copy,
    {
        self.abs_to()
    }

    /// `max(x, 0)` for each element, like `np.maximum(a, 0)`: NaN stays NaN.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-2.0, 0.5]).relu(), Tensor::from([0.0, 0.5]));
    /// assert_eq!(Tensor::from([-2, 3]).relu(), Tensor::from([0, 3]));
    /// ```
    #[must_use]
    #[inline]
    pub fn relu(&self) -> Self
    where
        T: Element,
    {
        self.relu_to()
    }

    /// Each element limited to `[lo, hi]`, like `np.clip(a, lo, hi)`: NaN stays NaN, and as
    /// in NumPy, `lo > hi` gives `hi` everywhere (no panic, unlike `f64::clamp`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-5, 0, 5]).clip(-1, 1), Tensor::from([-1, 0, 1]));
    /// ```
    #[must_use]
    #[inline]
    pub fn clip(&self, lo: T, hi: T) -> Self
    where
        T: Element,
    {
        self.clip_to(lo, hi)
    }
}

/// An operand of the elementwise math: its row-major elements and how many blocks of shape `S`
/// they are (1 for a tensor or a boxed one; a run-time tensor's rows, `S` being its row shape).
/// The provided methods are the bodies of the math methods of `Array`, `BoxedOps` and
/// `DynArray`, each written once, generic over where the result goes ([`Out`]).
pub(crate) trait MathOperand<T: Copy, S: Dims> {
    /// The row-major elements and their number of blocks of shape `S`.
    fn operand(&self) -> (&[T], usize);

    /// A copy with `f` applied to every element, through the vectorized math kernel for `f32`
    /// when `op` names the function `f` computes, into `O`.
    #[inline]
    fn map_to<O: Out<T, S>>(&self, op: Option<Unary>, f: impl Fn(T) -> T) -> O {
        let (x, rows) = self.operand();
        let write = |out: &mut [MaybeUninit<T>]| match op {
            Some(op) => unary_simd(x, out, op, f),
            None => unary(x, out, f),
        };
        // SAFETY: `unary_simd` and `unary` write every element of `out` (`x` has its length).
        unsafe { O::from_flat_uninit(rows, write) }
    }

    #[inline]
    fn sqrt_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(None, |x| x.sqrt())
    }

    #[inline]
    fn exp_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(Some(Unary::Exp), |x| x.exp())
    }

    #[inline]
    fn ln_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(Some(Unary::Ln), |x| x.ln())
    }

    #[inline]
    fn log2_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(None, |x| x.log2())
    }

    #[inline]
    fn log10_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(None, |x| x.log10())
    }

    #[inline]
    fn log_to<O: Out<T, S>>(&self, base: T) -> O
    where
        T: Float,
    {
        self.map_to(None, |x| x.log(base))
    }

    #[inline]
    fn sin_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(None, |x| x.sin())
    }

    #[inline]
    fn cos_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(None, |x| x.cos())
    }

    #[inline]
    fn tanh_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(Some(Unary::Tanh), |x| x.tanh())
    }

    #[inline]
    fn sigmoid_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        self.map_to(Some(Unary::Sigmoid), |x| T::one() / (T::one() + (-x).exp()))
    }

    #[inline]
    fn powi_to<O: Out<T, S>>(&self, n: i32) -> O
    where
        T: Float,
    {
        self.map_to(None, |x| x.powi(n))
    }

    #[inline]
    fn powf_to<O: Out<T, S>>(&self, p: T) -> O
    where
        T: Float,
    {
        self.map_to(None, |x| x.powf(p))
    }

    #[inline]
    fn square_to<O: Out<T, S>>(&self) -> O
    where
        T: Copy + Mul<Output = T>,
    {
        self.map_to(None, |x| x * x)
    }

    #[inline]
    fn abs_to<O: Out<T, S>>(&self) -> O
    where
        T: Signed + Copy,
    {
        self.map_to(None, |x| x.abs())
    }

    #[inline]
    fn relu_to<O: Out<T, S>>(&self) -> O
    where
        T: Element,
    {
        self.map_to(None, |x| max_nan(x, T::zero()))
    }

    #[inline]
    fn clip_to<O: Out<T, S>>(&self, lo: T, hi: T) -> O
    where
        T: Element,
    {
        self.map_to(None, |x| min_nan(max_nan(x, lo), hi))
    }
    /// The softmax along the last axis of `S`, into `O`.
    #[inline]
    fn softmax_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        let (x, rows) = self.operand();
        let mut out = O::from_flat_fn(rows, |k| x[k]);
        softmax_lanes(out.flat_mut(), S::DIMS[S::RANK - 1]);
        out
    }

    /// The logarithm of the softmax along the last axis of `S`, into `O`.
    #[inline]
    fn log_softmax_to<O: Out<T, S>>(&self) -> O
    where
        T: Float,
    {
        let (x, rows) = self.operand();
        let mut out = O::from_flat_fn(rows, |k| x[k]);
        log_softmax_lanes(out.flat_mut(), S::DIMS[S::RANK - 1]);
        out
    }
}

impl<T: Copy, S: Dims> MathOperand<T, S> for Array<T, S> {
    #[inline]
    fn operand(&self) -> (&[T], usize) {
        (self.as_flat(), 1)
    }
}

#[cfg(feature = "alloc")]
impl<T: Copy, S: Dims> MathOperand<T, S> for crate::DynArray<T, S> {
    #[inline]
    fn operand(&self) -> (&[T], usize) {
        (self.as_flat(), self.nrows())
    }
}

impl<T: Float, S: Dims> Array<T, S> {
    /// The softmax along the last axis (of each row of a matrix), like
    /// `e = np.exp(a - a.max(axis=-1, keepdims=True)); e / e.sum(axis=-1, keepdims=True)`.
    ///
    /// Numerically stable: the maximum along the axis is subtracted first, so large inputs do
    /// not overflow. A row holding a NaN or `+inf` becomes NaN, as in NumPy.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let p = Tensor::from([[1000.0, 1000.0], [0.0, f64::NEG_INFINITY]]).softmax();
    /// assert_eq!(p, Tensor::from([[0.5, 0.5], [1.0, 0.0]]));
    /// ```
    #[must_use]
    pub fn softmax(&self) -> Self {
        self.softmax_to()
    }

    /// The logarithm of the softmax along the last axis, like `x - logsumexp(x, axis=-1,
    /// keepdims=True)`: computed as `x - max - ln(sum(exp(x - max)))`, so it stays finite
    /// where `softmax(x).ln()` would underflow to `-inf`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::from([[0.0, 1000.0]]);
    /// assert_eq!(x.log_softmax(), Tensor::from([[-1000.0, 0.0]]));
    /// let y = Tensor::from([[1.0, 2.0, 3.0]]);
    /// assert!((y.log_softmax().exp() - y.softmax()).iter().all(|d: &f64| d.abs() < 1e-15));
    /// ```
    #[must_use]
    pub fn log_softmax(&self) -> Self {
        self.log_softmax_to()
    }
}

/// The exponentials of `softmax_lanes` and `log_softmax_lanes` are computed by the vectorized
/// `exp` this many at a time (whole lanes when they are shorter), through stack buffers.
pub(crate) const EXP_BLOCK: usize = 256;

/// A stack buffer of [`EXP_BLOCK`] elements, not filled.
type Block<T> = [MaybeUninit<T>; EXP_BLOCK];

/// `exp` of each element of `x` (at most [`EXP_BLOCK`]) into `buf`, by the vectorized kernel
/// for `f32` and `f64`.
fn exps<'b, T: Float>(x: &[T], buf: &'b mut Block<T>) -> &'b [T] {
    unary_simd(x, &mut buf[..x.len()], Unary::Exp, T::exp);
    // SAFETY: `unary_simd` wrote `buf[..x.len()]`.
    unsafe { buf[..x.len()].assume_init_ref() }
}

/// `f(start, e)` for each block of [`EXP_BLOCK`] elements of `x` (of any length), in order,
/// with `e = exp(x[start..][..e.len()] - shift)` from the vectorized `exp` (the shifted values
/// and the exponentials in stack buffers).
pub(crate) fn exp_blocks<T: Float>(x: &[T], shift: T, mut f: impl FnMut(usize, &[T])) {
    let mut shifted = [const { MaybeUninit::uninit() }; EXP_BLOCK];
    let mut e = [const { MaybeUninit::uninit() }; EXP_BLOCK];
    for (i, piece) in x.chunks(EXP_BLOCK).enumerate() {
        let out = &mut shifted[..piece.len()];
        unary(piece, out, |x| x - shift);
        // SAFETY: `unary` wrote every element of `out`.
        f(
            i * EXP_BLOCK,
            exps(unsafe { out.assume_init_ref() }, &mut e),
        );
    }
}

/// `sum(exp(x - shift))`, blocks of [`exp_blocks`] summed in order.
pub(crate) fn sum_exp<T: Float>(x: &[T], shift: T) -> T {
    let mut sum = T::zero();
    exp_blocks(x, shift, |_, e| sum = sum + total(e));
    sum
}

/// For lanes of `len <= EXP_BLOCK` elements, as many whole lanes at a time as fit a block:
/// `shifted = x - max` of each lane and `e = exp(shifted)` in stack buffers, each lane's
/// `sum(e)` (its natural logarithm if `LN`, by the vectorized `ln` over the block's lanes),
/// then `finish(lane, shifted, e, sum)` writes each lane's result, lanes in order. `flat` is
/// only read before it is written (a lane written by a masked vector store and read back at
/// once stalls the load on AVX-512).
// Inlined (as `softmax_lanes` and `log_softmax_lanes`), so that the lane length, a constant
// of the tensor's type, unrolls the per-lane loops: `softmax` of `(400, 2)` `f32` 2.0 us
// out of line, 0.6 us inlined.
#[inline(always)]
pub(crate) fn short_lanes<T: Float, const LN: bool>(
    flat: &mut [T],
    len: usize,
    mut finish: impl FnMut(&mut [T], &[T], &[T], T),
) {
    let mut shifted = [const { MaybeUninit::uninit() }; EXP_BLOCK];
    let mut e = [const { MaybeUninit::uninit() }; EXP_BLOCK];
    let mut sums = [const { MaybeUninit::uninit() }; EXP_BLOCK];
    let mut lns = [const { MaybeUninit::uninit() }; EXP_BLOCK];
    for block in flat.chunks_mut(EXP_BLOCK / len * len) {
        for (lane, out) in block.chunks_exact(len).zip(shifted.chunks_exact_mut(len)) {
            let max = fold(lane, lane[0], |x| x, max_nan);
            unary(lane, out, |x| x - max);
        }
        // SAFETY: the loop wrote `shifted[..block.len()]`: `block` is whole lanes.
        let shifted = unsafe { shifted[..block.len()].assume_init_ref() };
        let e = exps(shifted, &mut e);
        let lanes = block.len() / len;
        for (sum, e) in sums.iter_mut().zip(e.chunks_exact(len)) {
            sum.write(total(e));
        }
        // SAFETY: the loop wrote `sums[..lanes]`, one per lane.
        let mut sums = unsafe { sums[..lanes].assume_init_ref() };
        if LN {
            unary_simd(sums, &mut lns[..lanes], Unary::Ln, T::ln);
            // SAFETY: `unary_simd` wrote `lns[..lanes]`.
            sums = unsafe { lns[..lanes].assume_init_ref() };
        }
        let parts = shifted.chunks_exact(len).zip(e.chunks_exact(len)).zip(sums);
        for (lane, ((s, e), &sum)) in block.chunks_exact_mut(len).zip(parts) {
            finish(lane, s, e, sum);
        }
    }
}

/// Subtracts from each lane of `len` elements its maximum, in place (a lane holding NaN or
/// `+inf` becomes NaN).
fn shift_lanes<T: Float>(flat: &mut [T], len: usize) {
    for lane in flat.chunks_exact_mut(len) {
        let max = fold(lane, lane[0], |x| x, max_nan);
        unary_assign(lane, |x| x - max);
    }
}

/// The sum of the elements in `fold`'s order.
fn total<T: Float>(x: &[T]) -> T {
    fold(x, T::zero(), |x| x, |a, b| a + b)
}

/// `softmax` in place along each lane of `len` consecutive elements (the last axis of a
/// row-major array): `e / sum(e)` with `e = exp(x - max)`, the exponentials computed by the
/// vectorized `exp` over blocks of lanes (or pieces of a lane longer than a block).
#[inline(always)]
fn softmax_lanes<T: Float>(flat: &mut [T], len: usize) {
    let len = len.max(1);
    if len <= EXP_BLOCK {
        return short_lanes::<T, false>(flat, len, |lane, _, e, sum| {
            for (o, &e) in lane.iter_mut().zip(e) {
                *o = e / sum;
            }
        });
    }
    shift_lanes(flat, len);
    let mut buf = [const { MaybeUninit::uninit() }; EXP_BLOCK];
    for lane in flat.chunks_exact_mut(len) {
        for piece in lane.chunks_mut(EXP_BLOCK) {
            let e = exps(piece, &mut buf);
            piece.copy_from_slice(e);
        }
        let sum = total(lane);
        unary_assign(lane, |x| x / sum);
    }
}

/// `log_softmax` in place along each lane of `len` consecutive elements: `(x - max) -
/// ln(sum(exp(x - max)))` (SciPy's order), the exponentials computed by the vectorized `exp`
/// over blocks of lanes (or pieces of a lane longer than a block).
#[inline(always)]
fn log_softmax_lanes<T: Float>(flat: &mut [T], len: usize) {
    let len = len.max(1);
    if len <= EXP_BLOCK {
        return short_lanes::<T, true>(flat, len, |lane, shifted, _, ln_sum| {
            for (o, &s) in lane.iter_mut().zip(shifted) {
                *o = s - ln_sum;
            }
        });
    }
    for lane in flat.chunks_exact_mut(len) {
        let max = fold(lane, lane[0], |x| x, max_nan);
        let ln_sum = sum_exp(lane, max).ln();
        unary_assign(lane, |x| (x - max) - ln_sum);
    }
}

impl<T: Element, S: Dims> Array<T, S> {
    /// The elementwise maximum of two tensors, broadcasting, like `np.maximum(a, b)`: NaN if
    /// either element is NaN (use a NaN-free input for NumPy's `np.fmax` behaviour).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::<f64, 3, 2>::full(1.0);
    /// let m = a.maximum(&Tensor::<f64, 1, 2>::full(2.0));
    /// assert_eq!(m.shape(), (3, 2));
    /// assert!(m.iter().all(|&x| x == 2.0));
    /// let nan = Tensor::<f64, 1, 2>::full(f64::NAN);
    /// assert!(a.maximum(&nan).iter().all(|x| x.is_nan()));
    /// ```
    #[must_use]
    pub fn maximum<S2: Dims>(&self, other: &Array<T, S2>) -> Array<T, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        self.maximum_to(other)
    }

    /// The body of [`maximum`](Self::maximum), into `O` (a tensor or a boxed one).
    #[inline]
    pub(crate) fn maximum_to<S2: Dims, O: Out<T, S::Output>>(&self, other: &Array<T, S2>) -> O
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast::<T, S, S2, O>(self.as_flat(), other.as_flat(), None, max_nan)
    }

    /// The elementwise minimum of two tensors, broadcasting, like `np.minimum(a, b)`: NaN if
    /// either element is NaN.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let a = Tensor3::<i32, 4, 4, 3>::full(1);
    /// let m = a.minimum(&Tensor3::<i32, 1, 1, 3>::full(-2));
    /// assert_eq!(m.shape(), (4, 4, 3));
    /// assert!(m.iter().all(|&x| x == -2));
    /// ```
    #[must_use]
    pub fn minimum<S2: Dims>(&self, other: &Array<T, S2>) -> Array<T, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        self.minimum_to(other)
    }

    /// The body of [`minimum`](Self::minimum), into `O` (a tensor or a boxed one).
    #[inline]
    pub(crate) fn minimum_to<S2: Dims, O: Out<T, S::Output>>(&self, other: &Array<T, S2>) -> O
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast::<T, S, S2, O>(self.as_flat(), other.as_flat(), None, min_nan)
    }
}
