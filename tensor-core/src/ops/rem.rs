//! `%` between tensors and with a scalar, and NumPy's floor division and modulo
//! ([`floor_div`](Array::floor_div), [`floor_mod`](Array::floor_mod)), written once for every
//! shape.
//!
//! # Signs: Rust's `%` is not NumPy's `%`
//!
//! `%` on tensors is Rust's `%` on each element: the remainder of the division truncated
//! toward zero, with the sign of the dividend (`-7 % 2 == -1`, `7.5 % -2.0 == 1.5`), like C's
//! `fmod` and NumPy's `np.fmod`. NumPy's `%` (`np.mod`, `np.remainder`) and `//`
//! (`np.floor_divide`) round the quotient down instead, so the remainder has the sign of the
//! divisor (`-7 % 2 == 1`, `-7 // 2 == -4`): those are [`floor_mod`](Array::floor_mod) and
//! [`floor_div`](Array::floor_div), for integers and floats. Rust's `rem_euclid` is a third
//! convention (never negative), which agrees with NumPy only for positive divisors.
//! Likewise `/` between integer tensors truncates (`-3 / 2 == -1`) where NumPy's `/` returns
//! floats (`-1.5`, [`true_div`](Array::true_div)) and `//` floors (`-2`,
//! [`floor_div`](Array::floor_div)).
//!
//! | `a`, `b` (integers) | Rust `a / b` | `true_div` (= NumPy `a / b`) | `floor_div` (= NumPy `a // b`) |
//! |---|---|---|---|
//! | `7, 2` | `3` | `3.5` | `3` |
//! | `-7, 2` | `-3` | `-3.5` | `-4` |
//! | `1, 0` | panics | `inf` | panics |
//!
//! | `a`, `b` | Rust `a % b` (= `np.fmod`) | `floor_mod` (= NumPy `a % b`) | `floor_div` (= NumPy `a // b`) |
//! |---|---|---|---|
//! | `7, 2` | `1` | `1` | `3` |
//! | `-7, 2` | `-1` | `1` | `-4` |
//! | `7, -2` | `1` | `-1` | `-4` |
//! | `-7.5, 2.0` | `-1.5` | `0.5` | `-4.0` |
//!
//! Integer division or remainder by zero panics, as Rust's does (NumPy returns 0 with a
//! warning), and so does `MIN` by `-1` in `floor_div` (NumPy wraps); float division by zero
//! gives IEEE results as NumPy does (`floor_mod(x, 0.0)` is NaN, `floor_div(1.0, 0.0)` is
//! `inf`).
//!
//! ```
//! use tensor_core::Tensor;
//!
//! let a = Tensor::from([-7, -1, 0, 5, 7]);
//! assert_eq!(a % 3, Tensor::from([-1, -1, 0, 2, 1])); // Rust's, like np.fmod(a, 3)
//! assert_eq!(a.floor_mod_scalar(3), Tensor::from([2, 2, 0, 2, 1])); // NumPy's a % 3
//! assert_eq!(a.floor_div_scalar(3), Tensor::from([-3, -1, 0, 1, 2])); // NumPy's a // 3
//! ```

use core::ops::{Rem, RemAssign};

use num_traits::{AsPrimitive, PrimInt};

use super::broadcast::zip_broadcast_map;
use crate::Array;
use crate::shape::{BroadcastWith, Dims};

/// Elements with NumPy's floor division and modulo (`//` and `%`, `np.divmod`): the
/// primitive integers and floats.
///
/// ```
/// use tensor_core::FloorDivMod;
///
/// assert_eq!((-7).floor_div_mod(2), (-4, 1));
/// assert_eq!(7.0f64.floor_div_mod(-2.0), (-4.0, -1.0));
/// ```
pub trait FloorDivMod: Copy {
    /// `(self // rhs, self % rhs)` as NumPy computes them: the quotient rounded toward
    /// negative infinity and the remainder with the sign of `rhs` (for floats, NumPy's
    /// `npy_divmod`: the remainder from `fmod`, the quotient corrected to be consistent with
    /// it, `-0.0`/`+0.0` signed as NumPy signs them).
    ///
    /// # Panics
    ///
    /// For integers, if `rhs` is zero, or the quotient overflows (`MIN // -1`).
    #[must_use]
    fn floor_div_mod(self, rhs: Self) -> (Self, Self);
}

/// One impl per signed integer type; unsigned types truncate and floor alike.
macro_rules! floor_div_mod_int {
    ($($t:ty)*) => {$(
        impl FloorDivMod for $t {
            #[inline]
            #[allow(unused_comparisons)] // `< 0` is always false for the unsigned types
            fn floor_div_mod(self, rhs: Self) -> (Self, Self) {
                let (q, r) = (self / rhs, self % rhs);
                if r != 0 && ((r < 0) != (rhs < 0)) {
                    (q - 1, r + rhs)
                } else {
                    (q, r)
                }
            }
        }
    )*};
}

floor_div_mod_int!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// One impl per float type, NumPy's `npy_divmod` (numpy/_core/src/npymath/npy_math_internal.h.src).
macro_rules! floor_div_mod_float {
    ($($t:ty)*) => {$(
        impl FloorDivMod for $t {
            #[inline]
            fn floor_div_mod(self, rhs: Self) -> (Self, Self) {
                use num_traits::Float;
                let mut m = self % rhs;
                if rhs == 0.0 {
                    return (self / rhs, m);
                }
                let mut div = (self - m) / rhs;
                if m != 0.0 {
                    if (rhs < 0.0) != (m < 0.0) {
                        m += rhs;
                        div -= 1.0;
                    }
                } else {
                    m = Float::copysign(0.0, rhs);
                }
                let q = if div != 0.0 {
                    let f = Float::floor(div);
                    if div - f > 0.5 { f + 1.0 } else { f }
                } else {
                    Float::copysign(0.0, self / rhs)
                };
                (q, m)
            }
        }
    )*};
}

floor_div_mod_float!(f32 f64);

/// `a % b`: Rust's truncating remainder of each pair of elements, broadcasting like the other
/// arithmetic operators. See the module docs for NumPy's `%` ([`Array::floor_mod`]).
///
/// ```
/// use tensor_core::Tensor;
///
/// let a = Tensor::from([[7, -7], [8, 9]]);
/// assert_eq!(a % Tensor::from([2, 3]), Tensor::from([[1, -1], [0, 0]]));
/// ```
impl<T, S, S2> Rem<Array<T, S2>> for Array<T, S>
where
    T: Copy + Rem<Output = T>,
    S: BroadcastWith<S2>,
    S2: Dims,
{
    type Output = Array<T, S::Output>;

    #[inline]
    fn rem(self, rhs: Array<T, S2>) -> Self::Output {
        zip_broadcast_map::<T, T, T, S, S2>(self.as_flat(), rhs.as_flat(), |a, b| a % b)
    }
}

/// `&a % &b`: Rust's truncating remainder, broadcasting.
///
/// ```
/// use tensor_core::Tensor;
///
/// let a = Tensor::from([7.5, -7.5]);
/// assert_eq!(&a % &Tensor::from([2.0, 2.0]), Tensor::from([1.5, -1.5]));
/// ```
impl<T, S, S2> Rem<&Array<T, S2>> for &Array<T, S>
where
    T: Copy + Rem<Output = T>,
    S: BroadcastWith<S2>,
    S2: Dims,
{
    type Output = Array<T, S::Output>;

    #[inline]
    fn rem(self, rhs: &Array<T, S2>) -> Self::Output {
        zip_broadcast_map::<T, T, T, S, S2>(self.as_flat(), rhs.as_flat(), |a, b| a % b)
    }
}

/// `a % s`: Rust's truncating remainder of every element by the scalar `s`, like NumPy's
/// `np.fmod(a, s)` (NumPy's `a % s` is [`Array::floor_mod_scalar`]).
///
/// ```
/// use tensor_core::Tensor;
///
/// assert_eq!(Tensor::from([1, 2, 3, 4]) % 2, Tensor::from([1, 0, 1, 0]));
/// ```
impl<T: Copy + Rem<Output = T>, S: Dims> Rem<T> for Array<T, S> {
    type Output = Self;

    #[inline]
    fn rem(self, s: T) -> Self {
        self.map_ref(|x| x % s)
    }
}

/// `a %= b`: Rust's truncating remainder in place, for a tensor of the same shape.
///
/// ```
/// use tensor_core::Tensor;
///
/// let mut a = Tensor::from([5, 6]);
/// a %= Tensor::from([3, 4]);
/// assert_eq!(a, Tensor::from([2, 2]));
/// ```
impl<T: Copy + Rem<Output = T>, S: Dims> RemAssign<Array<T, S>> for Array<T, S> {
    #[inline]
    fn rem_assign(&mut self, rhs: Array<T, S>) {
        for (x, &y) in self.iter_mut().zip(rhs.iter()) {
            *x = *x % y;
        }
    }
}

/// `a %= s`: Rust's truncating remainder of every element by the scalar `s`, in place.
///
/// ```
/// use tensor_core::Tensor;
///
/// let mut a = Tensor::from([5, 6]);
/// a %= 4;
/// assert_eq!(a, Tensor::from([1, 2]));
/// ```
impl<T: Copy + Rem<Output = T>, S: Dims> RemAssign<T> for Array<T, S> {
    #[inline]
    fn rem_assign(&mut self, s: T) {
        self.iter_mut().for_each(|x| *x = *x % s);
    }
}

impl<T: FloorDivMod, S: Dims> Array<T, S> {
    /// NumPy's `a // b` (`np.floor_divide`): each quotient rounded toward negative infinity,
    /// broadcasting. See the module docs for the signs.
    ///
    /// # Panics
    ///
    /// For integers, on division by zero or overflow (`MIN // -1`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([1, -3, 7]);
    /// assert_eq!(a.floor_div(&Tensor::from([2, 2, -2])), Tensor::from([0, -2, -4]));
    /// assert_eq!(a / Tensor::from([2, 2, -2]), Tensor::from([0, -1, -3])); // Rust's `/` truncates
    /// ```
    #[must_use]
    #[track_caller]
    pub fn floor_div<S2: Dims>(&self, other: &Array<T, S2>) -> Array<T, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, T, S, S2>(self.as_flat(), other.as_flat(), |a, b| {
            a.floor_div_mod(b).0
        })
    }

    /// NumPy's `a % b` (`np.mod`, `np.remainder`): each remainder with the sign of the
    /// divisor, broadcasting. See the module docs for the signs.
    ///
    /// # Panics
    ///
    /// For integers, on division by zero or overflow (`MIN % -1`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([-7.5, 7.5]);
    /// assert_eq!(a.floor_mod(&Tensor::from([2.0, -2.0])), Tensor::from([0.5, -0.5]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn floor_mod<S2: Dims>(&self, other: &Array<T, S2>) -> Array<T, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, T, S, S2>(self.as_flat(), other.as_flat(), |a, b| {
            a.floor_div_mod(b).1
        })
    }

    /// NumPy's `a // s` with a scalar divisor.
    ///
    /// # Panics
    ///
    /// For integers, if `s` is zero, or on overflow (`MIN // -1`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-3, 3]).floor_div_scalar(2), Tensor::from([-2, 1]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn floor_div_scalar(&self, s: T) -> Self {
        self.map_ref(|a| a.floor_div_mod(s).0)
    }

    /// NumPy's `a % s` with a scalar divisor: the remainder has the sign of `s`.
    ///
    /// # Panics
    ///
    /// For integers, if `s` is zero, or on overflow (`MIN % -1`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([-3, 3]).floor_mod_scalar(2), Tensor::from([1, 1]));
    /// assert_eq!(Tensor::from([-3.0, 3.0]).floor_mod_scalar(-2.0), Tensor::from([-1.0, -1.0]));
    /// ```
    #[must_use]
    #[track_caller]
    pub fn floor_mod_scalar(&self, s: T) -> Self {
        self.map_ref(|a| a.floor_div_mod(s).1)
    }
}

/// NumPy's true division of integer arrays (`a / b`, `np.true_divide`), whose result is
/// `float64`; Rust's `/` on integer tensors truncates (see the module docs). Float tensors
/// divide with `/`.
impl<T: PrimInt + AsPrimitive<f64>, S: Dims> Array<T, S> {
    /// `self / other` as NumPy divides integer arrays: both converted to `f64`, then divided,
    /// broadcasting like the arithmetic operators. Division by zero gives `inf`, `-inf` or
    /// NaN, as in NumPy (without its warning).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([1, -3, 7]);
    /// let b = Tensor::from([2, 2, 0]);
    /// assert_eq!(a / Tensor::from([2, 2, 1]), Tensor::from([0, -1, 7])); // Rust's, truncating
    /// // np.array([1, -3, 7]) / np.array([2, 2, 0]) -> [ 0.5 -1.5  inf]
    /// assert_eq!(a.true_div(&b), Tensor::from([0.5, -1.5, f64::INFINITY]));
    /// ```
    #[must_use]
    pub fn true_div<S2: Dims>(&self, other: &Array<T, S2>) -> Array<f64, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, f64, S, S2>(self.as_flat(), other.as_flat(), |a, b| {
            a.as_() / b.as_()
        })
    }

    /// `self / s` as NumPy divides an integer array by an integer: in `f64`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // np.array([[1, 2], [3, 4]]) / 4 -> [[0.25 0.5 ] [0.75 1.  ]]
    /// let q = Tensor::from([[1, 2], [3, 4]]).true_div_scalar(4);
    /// assert_eq!(q, Tensor::from([[0.25, 0.5], [0.75, 1.0]]));
    /// ```
    #[must_use]
    pub fn true_div_scalar(&self, s: T) -> Array<f64, S> {
        let s: f64 = s.as_();
        self.map_ref(|a| a.as_() / s)
    }
}
