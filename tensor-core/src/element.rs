//! The [`Element`] trait: what a tensor can hold.

use core::fmt;

use num_traits::{ConstOne, ConstZero, One, Zero};

use crate::Array;
use crate::shape::Dims;

/// A numeric element type of a tensor: the primitive integers and floats.
///
/// It gathers the bounds every operation needs (copyable, comparable, with a zero and a one)
/// and says how an element is printed in NumPy's style (floats always show a decimal point).
/// The zero and one are also constants ([`ConstZero`], [`ConstOne`]), so that `zeros`, `ones`
/// and `eye` are `const fn`s: model weights and tables can be `static` tensors in flash.
///
/// ```
/// use tensor_core::Element;
///
/// fn total<T: Element + core::ops::Add<Output = T>>(xs: &[T]) -> T {
///     xs.iter().fold(T::zero(), |a, &b| a + b)
/// }
/// assert_eq!(total(&[1, 2, 3]), 6);
/// ```
pub trait Element:
    Copy
    + PartialEq
    + PartialOrd
    + Default
    + fmt::Debug
    + fmt::Display
    + Zero
    + One
    + ConstZero
    + ConstOne
    + 'static
{
    /// Whether this is a floating-point type (printed with a decimal point, may be nan or inf).
    ///
    /// ```
    /// use tensor_core::Element;
    ///
    /// assert!(f32::IS_FLOAT && !i32::IS_FLOAT);
    /// ```
    const IS_FLOAT: bool = false;

    /// NumPy's name of the matching dtype, as `a.dtype.name` prints it (`"float32"`,
    /// `"int64"`); `isize`/`usize` give the name of their width on the target, and
    /// `i128`/`u128` (which NumPy lacks) `"int128"`/`"uint128"`.
    ///
    /// ```
    /// use tensor_core::Element;
    ///
    /// assert_eq!(f32::NUMPY_DTYPE, "float32");
    /// assert_eq!(u8::NUMPY_DTYPE, "uint8");
    /// ```
    const NUMPY_DTYPE: &'static str;

    /// Writes the element as NumPy prints it inside an array, in the notation `Display`
    /// chose for the whole tensor (integers ignore it).
    ///
    /// ```
    /// use tensor_core::{Element, Notation};
    ///
    /// let mut s = String::new();
    /// 1.5f64.fmt_numpy(&mut s, Notation::Scientific { digits: 2, exp_digits: 2 }).unwrap();
    /// assert_eq!(s, "1.50e+00");
    /// ```
    fn fmt_numpy(&self, f: &mut dyn fmt::Write, notation: Notation) -> fmt::Result {
        let _ = notation;
        write!(f, "{self}")
    }

    /// For a finite float, what NumPy needs to choose the notation: the magnitude, and the
    /// digits of its shortest scientific form (after the mantissa's point, and of the
    /// exponent). `None` for integers, nan and infinities.
    ///
    /// ```
    /// use tensor_core::Element;
    ///
    /// assert_eq!(1.5e10f64.scientific_parts(), Some((1.5e10, 1, 2)));
    /// assert_eq!(f64::NAN.scientific_parts(), None);
    /// assert_eq!(3i32.scientific_parts(), None);
    /// ```
    fn scientific_parts(&self) -> Option<(f64, usize, usize)> {
        None
    }
}

/// How floats are written; `Display` chooses one notation per tensor, as NumPy does.
///
/// ```
/// use tensor_core::Tensor;
///
/// assert_eq!(Tensor::from([0.5, 2.0]).to_string(), "[0.5 2. ]"); // fixed
/// assert_eq!(Tensor::from([1e-5, 1.0]).to_string(), "[1.e-05 1.e+00]"); // scientific
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notation {
    /// Fixed point, with `Some(precision)` digits after the point, or NumPy's shortest
    /// round-trip digits (at most 8, trailing zeros dropped) for `None`.
    Fixed(Option<usize>),
    /// Scientific, `1.50e+08`: `digits` after the mantissa's point, at least `exp_digits`
    /// exponent digits.
    Scientific {
        /// Digits after the mantissa's point.
        digits: usize,
        /// Minimum number of exponent digits (NumPy uses at least 2).
        exp_digits: usize,
    },
}

macro_rules! impl_int {
    ($($t:ty => $name:expr),* $(,)?) => { $(impl Element for $t {
        const NUMPY_DTYPE: &'static str = $name;
    })* };
}
impl_int!(
    i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64", i128 => "int128",
    u8 => "uint8", u16 => "uint16", u32 => "uint32", u64 => "uint64", u128 => "uint128",
    isize => INT_NAMES[(isize::BITS / 8).trailing_zeros() as usize],
    usize => UINT_NAMES[(usize::BITS / 8).trailing_zeros() as usize],
);

/// NumPy's integer dtype names by `log2` of the width in bytes.
const INT_NAMES: [&str; 5] = ["int8", "int16", "int32", "int64", "int128"];
/// NumPy's unsigned integer dtype names by `log2` of the width in bytes.
const UINT_NAMES: [&str; 5] = ["uint8", "uint16", "uint32", "uint64", "uint128"];

impl<T: Element, S: Dims> Array<T, S> {
    /// NumPy's name of the element type, like `a.dtype.name` (see [`Element::NUMPY_DTYPE`]).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::<f64, 2, 2>::zeros().dtype(), "float64");
    /// assert_eq!(Tensor::from([1i32, 2]).dtype(), "int32");
    /// ```
    #[must_use]
    pub const fn dtype(&self) -> &'static str {
        T::NUMPY_DTYPE
    }
}

/// NumPy's default print precision for floats.
const NUMPY_PRECISION: usize = 8;
/// Upper bound on a requested precision, so every float fits [`FloatBuf`].
const MAX_PRECISION: usize = 150;

/// A stack buffer large enough for any `f64` in fixed notation with `MAX_PRECISION` digits.
struct FloatBuf {
    bytes: [u8; 512],
    len: usize,
}

impl FloatBuf {
    fn as_str(&self) -> Result<&str, fmt::Error> {
        core::str::from_utf8(&self.bytes[..self.len]).map_err(|_| fmt::Error)
    }

    fn frac_digits(&self) -> usize {
        let s = &self.bytes[..self.len];
        s.iter()
            .position(|&c| c == b'.')
            .map_or(0, |dot| s.len() - dot - 1)
    }
}

impl fmt::Write for FloatBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dst = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

macro_rules! impl_float {
    ($($t:ty)*) => {$(
        impl Element for $t {
            const IS_FLOAT: bool = true;
            const NUMPY_DTYPE: &'static str =
                if <$t>::MANTISSA_DIGITS == f32::MANTISSA_DIGITS { "float32" } else { "float64" };

            fn fmt_numpy(&self, f: &mut dyn fmt::Write, notation: Notation) -> fmt::Result {
                if self.is_nan() {
                    return f.write_str("nan");
                }
                if self.is_infinite() {
                    return f.write_str(if *self > 0.0 { "inf" } else { "-inf" });
                }
                let mut buf = FloatBuf { bytes: [0; 512], len: 0 };
                match notation {
                    Notation::Fixed(precision) => {
                        match precision {
                            Some(p) => fmt::write(&mut buf, format_args!("{self:.0$}", p.min(MAX_PRECISION)))?,
                            None => {
                                // NumPy's "maxprec" mode: the shortest round-trip digits, at most
                                // 8 after the point, trailing zeros dropped, "1." when integral.
                                fmt::write(&mut buf, format_args!("{self}"))?;
                                if buf.frac_digits() > NUMPY_PRECISION {
                                    buf.len = 0;
                                    fmt::write(&mut buf, format_args!("{self:.0$}", NUMPY_PRECISION))?;
                                }
                            }
                        }
                        let mut s = buf.as_str()?;
                        if precision.is_none() && s.contains('.') {
                            s = s.trim_end_matches('0');
                        }
                        f.write_str(s)?;
                        if !s.contains('.') {
                            f.write_str(".")?;
                        }
                        Ok(())
                    }
                    Notation::Scientific { digits, exp_digits } => {
                        let digits = digits.min(MAX_PRECISION);
                        fmt::write(&mut buf, format_args!("{self:.digits$e}"))?;
                        let s = buf.as_str()?;
                        let (mantissa, exp) = s.split_once('e').ok_or(fmt::Error)?;
                        let (sign, exp) = exp.strip_prefix('-').map_or(('+', exp), |e| ('-', e));
                        f.write_str(mantissa)?;
                        if digits == 0 {
                            f.write_str(".")?;
                        }
                        write!(f, "e{sign}{exp:0>exp_digits$}")
                    }
                }
            }

            fn scientific_parts(&self) -> Option<(f64, usize, usize)> {
                if !self.is_finite() {
                    return None;
                }
                let mut buf = FloatBuf { bytes: [0; 512], len: 0 };
                fmt::write(&mut buf, format_args!("{self:e}")).ok()?;
                let (mantissa, exp) = buf.as_str().ok()?.split_once('e')?;
                let digits = mantissa.split_once('.').map_or(0, |(_, frac)| frac.len());
                let exp_digits = exp.trim_start_matches('-').len().max(2);
                Some((f64::from(self.abs()), digits.min(NUMPY_PRECISION), exp_digits))
            }
        }
    )*};
}
impl_float!(f32 f64);
