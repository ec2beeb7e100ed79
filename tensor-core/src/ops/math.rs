//! Vectorized math, elementwise, for tensors of every rank: NumPy's ufuncs (`np.sqrt`,
//! `np.exp`, ...), `sigmoid`, `relu`, `clip`, `maximum`/`minimum`, and a numerically stable
//! row-wise `softmax` for matrices.
//!
//! Float functions go through [`num_traits::Float`], which uses `std` when the `std` feature
//! is on and the `libm` crate otherwise, except `exp`, `ln`, `tanh` and `sigmoid` of `f32` and
//! `f64`, which use the library's vectorized polynomial approximations (SIMD; `f32`: at most
//! 1 ulp from the correctly rounded result for `exp`, `ln` and `tanh`, 3 for `sigmoid`; `f64`:
//! at most 1 ulp from the platform's libm for `exp` and `ln`, 3 for `tanh` and `sigmoid`). NaN and
//! infinities follow IEEE 754 as NumPy's do.

use core::ops::Mul;

use num_traits::{Float, Signed};

use super::broadcast::zip_broadcast;
use crate::kernels::elementwise::{unary_assign, unary_simd};
use crate::kernels::reduce::{fold, max_nan, min_nan};
use crate::kernels::simd::Unary;
use crate::shape::{Broadcast, BroadcastWith, Shape, Shape3, Shape4};
use crate::{Element, Tensor, Tensor3, Tensor4};

/// `map_same` (a copy with `f` applied to every element, through the shared kernel) and
/// `map_simd` (the same, through the vectorized math kernel for `f32` when `op` names the
/// function `f` computes) for each tensor type.
macro_rules! map_same {
    ($($Ten:ident [$($d:ident),+];)+) => {$(
        impl<T: Copy, $(const $d: usize),+> $Ten<T, $($d),+> {
            #[inline]
            fn map_same(&self, f: impl Fn(T) -> T) -> Self {
                let mut out = *self;
                unary_assign(out.as_flat_mut(), f);
                out
            }

            #[inline]
            fn map_simd(&self, op: Option<Unary>, f: impl Fn(T) -> T) -> Self {
                match op {
                    Some(op) => {
                        let mut out = *self;
                        unary_simd(self.as_flat(), out.as_flat_mut(), op, f);
                        out
                    }
                    None => self.map_same(f),
                }
            }
        }
    )+};
}

map_same! {
    Tensor [R, C];
    Tensor3 [D0, D1, D2];
    Tensor4 [D0, D1, D2, D3];
}

/// The elementwise methods, each written once and generated for every rank. An entry is
/// `"summary" #[docs of the rank-2 method] [bound on T] name(args) => per-element closure,
/// nd: (example args) input => output;`; the rank-3 and rank-4 methods get the summary, a
/// link to the rank-2 method and an example built from the last line.
macro_rules! elementwise {
    (@rank2 $(
        $summary:literal $(#[$doc:meta])*
        [$($bound:tt)+] $name:ident($($arg:ident: $ty:ty),*) => $f:expr, $(simd $kind:ident,)?
        nd: ($($ex_arg:expr),*) $x:literal => $y:literal;
    )*) => {$(
        impl<T: $($bound)+, const R: usize, const C: usize> Tensor<T, R, C> {
            #[doc = $summary]
            $(#[$doc])*
            #[must_use]
            #[inline]
            pub fn $name(&self, $($arg: $ty),*) -> Self {
                self.map_simd(None $(.or(Some(Unary::$kind)))?, $f)
            }
        }
    )*};
    (@nd $Ten:ident $dims:tt $ex_shape:literal; $(
        $summary:literal $(#[$doc:meta])*
        [$($bound:tt)+] $name:ident($($arg:ident: $ty:ty),*) => $f:expr, $(simd $kind:ident,)?
        nd: ($($ex_arg:expr),*) $x:literal => $y:literal;
    )*) => {$(
        elementwise!(@nd_one $Ten $dims $ex_shape; [$($bound)+] $summary $name($($arg: $ty),*) => $f, [$($kind)?] ($($ex_arg),*) $x => $y);
    )*};
    (@nd_one $Ten:ident [$($d:ident),+] $ex_shape:literal; [$($bound:tt)+] $summary:literal
        $name:ident($($arg:ident: $ty:ty),*) => $f:expr, [$($kind:ident)?] ($($ex_arg:expr),*) $x:literal => $y:literal
    ) => {
        impl<T: $($bound)+, $(const $d: usize),+> $Ten<T, $($d),+> {
            #[doc = $summary]
            ///
            #[doc = concat!("As [`Tensor::", stringify!($name), "`], which describes the edge cases.")]
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<f64, ", $ex_shape, ">::full(", stringify!($x), ");")]
            #[doc = concat!("assert!(t.", stringify!($name), "(", stringify!($($ex_arg),*), ").iter().all(|&y| y == ", stringify!($y), "));")]
            /// ```
            #[must_use]
            #[inline]
            pub fn $name(&self, $($arg: $ty),*) -> Self {
                self.map_simd(None $(.or(Some(Unary::$kind)))?, $f)
            }
        }
    };
    ($($entries:tt)*) => {
        elementwise!(@rank2 $($entries)*);
        elementwise!(@nd Tensor3 [D0, D1, D2] "2, 3, 4"; $($entries)*);
        elementwise!(@nd Tensor4 [D0, D1, D2, D3] "2, 2, 3, 2"; $($entries)*);
    };
}

elementwise! {
    "The square root of each element, like `np.sqrt(a)`: NaN for negative elements."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([4.0, 9.0]).sqrt(), Tensor::from([2.0, 3.0]));
    /// assert!(Tensor::from([-1.0f32]).sqrt()[0].is_nan());
    /// ```
    [Float] sqrt() => |x| x.sqrt(), nd: () 4.0 => 2.0;
    "`e` raised to each element, like `np.exp(a)`: `inf` on overflow."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0, 1000.0]).exp(), Tensor::from([1.0, f64::INFINITY]));
    /// ```
    [Float] exp() => |x| x.exp(), simd Exp, nd: () 0.0 => 1.0;
    "The natural logarithm of each element, like `np.log(a)`: `-inf` at 0, NaN below."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 0.0]).ln(), Tensor::from([0.0, f64::NEG_INFINITY]));
    /// ```
    [Float] ln() => |x| x.ln(), simd Ln, nd: () 1.0 => 0.0;
    "The base-2 logarithm of each element, like `np.log2(a)`."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([8.0, 0.5]).log2(), Tensor::from([3.0, -1.0]));
    /// ```
    [Float] log2() => |x| x.log2(), nd: () 8.0 => 3.0;
    "The base-10 logarithm of each element, like `np.log10(a)`."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1000.0, 0.01]).log10(), Tensor::from([3.0, -2.0]));
    /// ```
    [Float] log10() => |x| x.log10(), nd: () 1000.0 => 3.0;
    "The logarithm of each element in the given `base`, like `np.log(a) / np.log(base)` (Rust's `f64::log`). For the natural logarithm (NumPy's `np.log`) use [`ln`](Self::ln)."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([9.0, 81.0]).log(3.0), Tensor::from([2.0, 4.0]));
    /// ```
    [Float] log(base: T) => |x| x.log(base), nd: (3.0) 9.0 => 2.0;
    "The sine of each element (radians), like `np.sin(a)`."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0f32]).sin(), Tensor::from([0.0]));
    /// ```
    [Float] sin() => |x| x.sin(), nd: () 0.0 => 0.0;
    "The cosine of each element (radians), like `np.cos(a)`."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0f32]).cos(), Tensor::from([1.0]));
    /// ```
    [Float] cos() => |x| x.cos(), nd: () 0.0 => 1.0;
    "The hyperbolic tangent of each element, like `np.tanh(a)`."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([0.0, f64::INFINITY]).tanh(), Tensor::from([0.0, 1.0]));
    /// ```
    [Float] tanh() => |x| x.tanh(), simd Tanh, nd: () 0.0 => 0.0;
    "The logistic function `1 / (1 + exp(-x))` of each element: 0 and 1 at the infinities, no overflow to NaN for large `|x|`."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let s = Tensor::from([0.0, -1000.0, 1000.0]).sigmoid();
    /// assert_eq!(s, Tensor::from([0.5, 0.0, 1.0]));
    /// ```
    [Float] sigmoid() => |x| T::one() / (T::one() + (-x).exp()), simd Sigmoid, nd: () 0.0 => 0.5;
    "Each element raised to the integer power `n`, like `np.power(a, n)`."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([2.0, -3.0]).powi(3), Tensor::from([8.0, -27.0]));
    /// ```
    [Float] powi(n: i32) => |x| x.powi(n), nd: (3) 2.0 => 8.0;
    "Each element raised to the float power `p`, like `np.power(a, p)`: NaN for a negative element and a non-integer `p`. It is IEEE `pow` for every `p`; NumPy computes `a ** 0.5` as `sqrt`, which differs at `-inf` (NumPy: NaN, here `inf`) and `-0.0` (NumPy: `-0.0`, here `0.0`): use `sqrt` for NumPy's results there."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([4.0, 9.0]).powf(0.5), Tensor::from([2.0, 3.0]));
    /// ```
    [Float] powf(p: T) => |x| x.powf(p), nd: (0.5) 4.0 => 2.0;
    "Each element squared, like `np.square(a)`; integers overflow as their `*` does."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-3, 4]).square(), Tensor::from([9, 16]));
    /// ```
    [Copy + Mul<Output = T>] square() => |x| x * x, nd: () -3.0 => 9.0;
    "The absolute value of each element, like `np.abs(a)`. For a signed integer's minimum (`i32::MIN`) it overflows as Rust's `abs` does (a panic with overflow checks on, else the value itself, as NumPy returns)."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-1.5, 2.0]).abs(), Tensor::from([1.5, 2.0]));
    /// assert_eq!(Tensor::from([-3, 4]).abs(), Tensor::from([3, 4]));
    /// ```
    [Signed + Copy] abs() => |x| x.abs(), nd: () -1.5 => 1.5;
    "`max(x, 0)` for each element, like `np.maximum(a, 0)`: NaN stays NaN."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-2.0, 0.5]).relu(), Tensor::from([0.0, 0.5]));
    /// assert_eq!(Tensor::from([-2, 3]).relu(), Tensor::from([0, 3]));
    /// ```
    [Element] relu() => |x| max_nan(x, T::zero()), nd: () -2.0 => 0.0;
    "Each element limited to `[lo, hi]`, like `np.clip(a, lo, hi)`: NaN stays NaN, and as in NumPy, `lo > hi` gives `hi` everywhere (no panic, unlike `f64::clamp`)."
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-5, 0, 5]).clip(-1, 1), Tensor::from([-1, 0, 1]));
    /// ```
    [Element] clip(lo: T, hi: T) => |x| min_nan(max_nan(x, lo), hi), nd: (-1.0, 1.0) 5.0 => 1.0;
}

impl<T: Float, const R: usize, const C: usize> Tensor<T, R, C> {
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

/// `maximum` and `minimum` (broadcasting) for one tensor type; `$ex_*` as in `ops::arith`.
macro_rules! extrema {
    ($($Ten:ident [$($d:ident),+] [$($e:ident),+] $Sh:ident, $ex_a:literal, $ex_b:literal, $ex_out:literal;)+) => {$(
        impl<T: Element, $(const $d: usize),+> $Ten<T, $($d),+> {
            /// The elementwise maximum of two tensors, broadcasting, like `np.maximum(a, b)`:
            /// NaN if either element is NaN (use a NaN-free input for NumPy's `np.fmax`
            /// behaviour).
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let a = ", stringify!($Ten), "::<f64, ", $ex_a, ">::full(1.0);")]
            #[doc = concat!("let m = a.maximum(&", stringify!($Ten), "::<f64, ", $ex_b, ">::full(2.0));")]
            #[doc = concat!("assert_eq!(m.shape(), (", $ex_out, "));")]
            /// assert!(m.iter().all(|&x| x == 2.0));
            #[doc = concat!("let nan = ", stringify!($Ten), "::<f64, ", $ex_b, ">::full(f64::NAN);")]
            /// assert!(a.maximum(&nan).iter().all(|x| x.is_nan()));
            /// ```
            #[must_use]
            pub fn maximum<$(const $e: usize),+>(
                &self,
                other: &$Ten<T, $($e),+>,
            ) -> Broadcast<T, $Sh<$($d),+>, $Sh<$($e),+>>
            where
                $Sh<$($d),+>: BroadcastWith<$Sh<$($e),+>>,
            {
                zip_broadcast::<T, $Sh<$($d),+>, $Sh<$($e),+>>(self.as_flat(), other.as_flat(), None, max_nan)
            }

            /// The elementwise minimum of two tensors, broadcasting, like `np.minimum(a, b)`:
            /// NaN if either element is NaN.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let a = ", stringify!($Ten), "::<i32, ", $ex_a, ">::full(1);")]
            #[doc = concat!("let m = a.minimum(&", stringify!($Ten), "::<i32, ", $ex_b, ">::full(-2));")]
            #[doc = concat!("assert_eq!(m.shape(), (", $ex_out, "));")]
            /// assert!(m.iter().all(|&x| x == -2));
            /// ```
            #[must_use]
            pub fn minimum<$(const $e: usize),+>(
                &self,
                other: &$Ten<T, $($e),+>,
            ) -> Broadcast<T, $Sh<$($d),+>, $Sh<$($e),+>>
            where
                $Sh<$($d),+>: BroadcastWith<$Sh<$($e),+>>,
            {
                zip_broadcast::<T, $Sh<$($d),+>, $Sh<$($e),+>>(self.as_flat(), other.as_flat(), None, min_nan)
            }
        }
    )+};
}

extrema! {
    Tensor [R, C] [R2, C2] Shape, "3, 2", "1, 2", "3, 2";
    Tensor3 [D0, D1, D2] [E0, E1, E2] Shape3, "4, 4, 3", "1, 1, 3", "4, 4, 3";
    Tensor4 [D0, D1, D2, D3] [E0, E1, E2, E3] Shape4, "2, 4, 4, 3", "1, 1, 1, 3", "2, 4, 4, 3";
}
