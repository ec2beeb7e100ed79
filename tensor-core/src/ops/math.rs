//! Vectorized math, elementwise: NumPy's ufuncs (`np.sqrt`, `np.exp`, ...), `sigmoid`, `relu`,
//! `clip`, `maximum`/`minimum` and a numerically stable row-wise `softmax`.
//!
//! Float functions go through [`num_traits::Float`], which uses `std` when the `std` feature
//! is on and the `libm` crate otherwise, except `exp`, `ln`, `tanh` and `sigmoid` of `f32`,
//! which use the library's vectorized polynomial approximations (SIMD, at most 1 ulp from the
//! correctly rounded result for `exp`, `ln` and `tanh`, 2 for `sigmoid`). NaN and
//! infinities follow IEEE 754 as NumPy's do.

use num_traits::{Float, Signed};

use super::broadcast::zip_broadcast;
use crate::kernels::elementwise::{unary_assign, unary_simd};
use crate::kernels::reduce::{fold, max_nan, min_nan};
use crate::kernels::simd::Unary;
use crate::shape::{Broadcast, BroadcastWith, Shape};
use crate::{Element, Tensor};

impl<T: Copy, const R: usize, const C: usize> Tensor<T, R, C> {
    /// A copy of `self` with `f` applied to every element, through the shared kernel.
    #[inline]
    fn map_same(&self, f: impl Fn(T) -> T) -> Self {
        let mut out = *self;
        unary_assign(out.as_flat_mut(), f);
        out
    }
}

impl<T: Float, const R: usize, const C: usize> Tensor<T, R, C> {
    /// `op` applied to every element: `f32` through the vectorized math kernel (written
    /// straight into the result), other types through the scalar `f`.
    #[inline]
    fn map_simd(&self, op: Option<Unary>, f: impl Fn(T) -> T) -> Self {
        match op {
            Some(op) => {
                let mut out = Tensor {
                    data: [[T::zero(); C]; R],
                };
                unary_simd(self.as_flat(), out.as_flat_mut(), op, f);
                out
            }
            None => self.map_same(f),
        }
    }
}

/// Float functions; those with a `simd` kind use the vectorized math for `f32` (see
/// `kernels::vmath` for the error bounds) and the scalar `Float` function otherwise.
macro_rules! float_unary {
    ($($(#[$doc:meta])* $name:ident => $f:expr $(, simd $kind:ident)?;)*) => {
        impl<T: Float, const R: usize, const C: usize> Tensor<T, R, C> {
            $(
                $(#[$doc])*
                #[must_use]
                #[inline]
                pub fn $name(&self) -> Self {
                    self.map_simd(None $(.or(Some(Unary::$kind)))?, $f)
                }
            )*
        }
    };
}

float_unary! {
    /// The square root of each element, like `np.sqrt(a)`: NaN for negative elements.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([4.0, 9.0]).sqrt(), Tensor::from([2.0, 3.0]));
    /// assert!(Tensor::from([-1.0f32]).sqrt()[0].is_nan());
    /// ```
    sqrt => |x| x.sqrt();
    /// `e` raised to each element, like `np.exp(a)`: `inf` on overflow.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0, 1000.0]).exp(), Tensor::from([1.0, f64::INFINITY]));
    /// ```
    exp => |x| x.exp(), simd Exp;
    /// The natural logarithm of each element, like `np.log(a)`: `-inf` at 0, NaN below.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 0.0]).ln(), Tensor::from([0.0, f64::NEG_INFINITY]));
    /// ```
    ln => |x| x.ln(), simd Ln;
    /// The base-2 logarithm of each element, like `np.log2(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([8.0, 0.5]).log2(), Tensor::from([3.0, -1.0]));
    /// ```
    log2 => |x| x.log2();
    /// The base-10 logarithm of each element, like `np.log10(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1000.0, 0.01]).log10(), Tensor::from([3.0, -2.0]));
    /// ```
    log10 => |x| x.log10();
    /// The sine of each element (radians), like `np.sin(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0f32]).sin(), Tensor::from([0.0]));
    /// ```
    sin => |x| x.sin();
    /// The cosine of each element (radians), like `np.cos(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0f32]).cos(), Tensor::from([1.0]));
    /// ```
    cos => |x| x.cos();
    /// The hyperbolic tangent of each element, like `np.tanh(a)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0, f64::INFINITY]).tanh(), Tensor::from([0.0, 1.0]));
    /// ```
    tanh => |x| x.tanh(), simd Tanh;
    /// The logistic function `1 / (1 + exp(-x))` of each element: 0 and 1 at the infinities,
    /// no overflow to NaN for large `|x|`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let s = Tensor::from([0.0, -1000.0, 1000.0]).sigmoid();
    /// assert_eq!(s, Tensor::from([0.5, 0.0, 1.0]));
    /// ```
    sigmoid => |x| T::one() / (T::one() + (-x).exp()), simd Sigmoid;
}

impl<T: Float, const R: usize, const C: usize> Tensor<T, R, C> {
    /// The logarithm of each element in the given `base`, like `np.log(a) / np.log(base)`
    /// (Rust's `f64::log`). For the natural logarithm (NumPy's `np.log`) use [`ln`](Self::ln).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([9.0, 81.0]).log(3.0), Tensor::from([2.0, 4.0]));
    /// ```
    #[must_use]
    pub fn log(&self, base: T) -> Self {
        self.map_same(|x| x.log(base))
    }

    /// Each element raised to the integer power `n`, like `np.power(a, n)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([2.0, -3.0]).powi(3), Tensor::from([8.0, -27.0]));
    /// ```
    #[must_use]
    pub fn powi(&self, n: i32) -> Self {
        self.map_same(|x| x.powi(n))
    }

    /// Each element raised to the float power `p`, like `np.power(a, p)`: NaN for a negative
    /// element and a non-integer `p`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([4.0, 9.0]).powf(0.5), Tensor::from([2.0, 3.0]));
    /// ```
    #[must_use]
    pub fn powf(&self, p: T) -> Self {
        self.map_same(|x| x.powf(p))
    }

    /// The softmax of each row, like
    /// `e = np.exp(a - a.max(axis=1, keepdims=True)); e / e.sum(axis=1, keepdims=True)`.
    ///
    /// Numerically stable: the row maximum is subtracted first, so large inputs do not
    /// overflow. A row holding a NaN or `+inf` becomes NaN, as in NumPy.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let p = Tensor::from([[1000.0, 1000.0], [0.0, f64::NEG_INFINITY]]).softmax();
    /// assert_eq!(p, Tensor::from([[0.5, 0.5], [1.0, 0.0]]));
    /// ```
    #[must_use]
    pub fn softmax(&self) -> Self {
        let mut out = *self;
        for row in &mut out.data {
            let Some(&first) = row.first() else { break };
            let max = fold(row, first, |x| x, max_nan);
            unary_assign(row, |x| (x - max).exp());
            let sum = fold(row, T::zero(), |x| x, |a, b| a + b);
            unary_assign(row, |x| x / sum);
        }
        out
    }
}

impl<T, const R: usize, const C: usize> Tensor<T, R, C>
where
    T: Copy + core::ops::Mul<Output = T>,
{
    /// Each element squared, like `np.square(a)`; integers overflow as their `*` does.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-3, 4]).square(), Tensor::from([9, 16]));
    /// ```
    #[must_use]
    pub fn square(&self) -> Self {
        self.map_same(|x| x * x)
    }
}

impl<T: Signed + Copy, const R: usize, const C: usize> Tensor<T, R, C> {
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
    pub fn abs(&self) -> Self {
        self.map_same(|x| x.abs())
    }
}

impl<T: Element, const R: usize, const C: usize> Tensor<T, R, C> {
    /// `max(x, 0)` for each element, like `np.maximum(a, 0)`: NaN stays NaN.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-2.0, 0.5]).relu(), Tensor::from([0.0, 0.5]));
    /// assert_eq!(Tensor::from([-2, 3]).relu(), Tensor::from([0, 3]));
    /// ```
    #[must_use]
    pub fn relu(&self) -> Self {
        self.map_same(|x| max_nan(x, T::zero()))
    }

    /// Each element limited to `[lo, hi]`, like `np.clip(a, lo, hi)`: NaN stays NaN, and as in
    /// NumPy, `lo > hi` gives `hi` everywhere (no panic, unlike `f64::clamp`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-5, 0, 5]).clip(-1, 1), Tensor::from([-1, 0, 1]));
    /// ```
    #[must_use]
    pub fn clip(&self, lo: T, hi: T) -> Self {
        self.map_same(|x| min_nan(max_nan(x, lo), hi))
    }

    /// The elementwise maximum of two tensors, broadcasting, like `np.maximum(a, b)`: NaN if
    /// either element is NaN (use a NaN-free input for NumPy's `np.fmax` behaviour).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1.0, 5.0], [f64::NAN, 0.0]]);
    /// let m = a.maximum(&Tensor::from([2.0, 2.0]));
    /// assert_eq!(m.row::<0>(), Tensor::from([2.0, 5.0]));
    /// assert!(m[(1, 0)].is_nan());
    /// ```
    #[must_use]
    pub fn maximum<const R2: usize, const C2: usize>(
        &self,
        other: &Tensor<T, R2, C2>,
    ) -> Broadcast<T, Shape<R, C>, Shape<R2, C2>>
    where
        Shape<R, C>: BroadcastWith<Shape<R2, C2>>,
    {
        zip_broadcast(self, other, None, max_nan)
    }

    /// The elementwise minimum of two tensors, broadcasting, like `np.minimum(a, b)`: NaN if
    /// either element is NaN.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1, 5], [3, 0]]);
    /// assert_eq!(a.minimum(&Tensor::from([[2], [1]])), Tensor::from([[1, 2], [1, 0]]));
    /// ```
    #[must_use]
    pub fn minimum<const R2: usize, const C2: usize>(
        &self,
        other: &Tensor<T, R2, C2>,
    ) -> Broadcast<T, Shape<R, C>, Shape<R2, C2>>
    where
        Shape<R, C>: BroadcastWith<Shape<R2, C2>>,
    {
        zip_broadcast(self, other, None, min_nan)
    }
}
