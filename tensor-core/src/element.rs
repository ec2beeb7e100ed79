//! The [`Element`] trait: what a tensor can hold.

use core::fmt;

use num_traits::{One, Zero};

/// A numeric element type of a tensor: the primitive integers and floats.
///
/// It gathers the bounds every operation needs (copyable, comparable, with a zero and a one)
/// and says how an element is printed in NumPy's style (floats always show a decimal point).
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
    Copy + PartialEq + PartialOrd + Default + fmt::Debug + fmt::Display + Zero + One + 'static
{
    /// Whether this is a floating-point type (printed with a decimal point, may be nan or inf).
    ///
    /// ```
    /// use tensor_core::Element;
    ///
    /// assert!(f32::IS_FLOAT && !i32::IS_FLOAT);
    /// ```
    const IS_FLOAT: bool = false;

    /// Writes the element as NumPy prints it inside an array. `precision` is the one given in
    /// the format string (`{:.3}`), if any.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(format!("{}", Tensor::from([1.0, 2.5])), "[1.  2.5]");
    /// ```
    fn fmt_numpy(&self, f: &mut dyn fmt::Write, precision: Option<usize>) -> fmt::Result {
        match precision {
            Some(p) => write!(f, "{self:.p$}"),
            None => write!(f, "{self}"),
        }
    }
}

macro_rules! impl_int {
    ($($t:ty)*) => { $(impl Element for $t {})* };
}
impl_int!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// NumPy's default print precision for floats.
const NUMPY_PRECISION: usize = 8;
/// Upper bound on a requested precision, so every float fits [`FloatBuf`].
const MAX_PRECISION: usize = 150;

/// A stack buffer large enough for any `f64` in fixed notation with `MAX_PRECISION` digits.
struct FloatBuf {
    bytes: [u8; 512],
    len: usize,
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

            fn fmt_numpy(&self, f: &mut dyn fmt::Write, precision: Option<usize>) -> fmt::Result {
                if self.is_nan() {
                    return f.write_str("nan");
                }
                if self.is_infinite() {
                    return f.write_str(if *self > 0.0 { "inf" } else { "-inf" });
                }
                let mut buf = FloatBuf { bytes: [0; 512], len: 0 };
                let frac_digits = |b: &FloatBuf| {
                    let s = &b.bytes[..b.len];
                    s.iter().position(|&c| c == b'.').map_or(0, |dot| s.len() - dot - 1)
                };
                match precision {
                    Some(p) => fmt::write(&mut buf, format_args!("{self:.0$}", p.min(MAX_PRECISION)))?,
                    None => {
                        // NumPy's "maxprec" mode: the shortest round-trip digits, at most 8 of
                        // them after the point, trailing zeros dropped, "1." for integral values.
                        fmt::write(&mut buf, format_args!("{self}"))?;
                        if frac_digits(&buf) > NUMPY_PRECISION {
                            buf.len = 0;
                            fmt::write(&mut buf, format_args!("{self:.0$}", NUMPY_PRECISION))?;
                        }
                    }
                }
                let mut s = core::str::from_utf8(&buf.bytes[..buf.len]).map_err(|_| fmt::Error)?;
                if precision.is_none() && s.contains('.') {
                    s = s.trim_end_matches('0');
                }
                f.write_str(s)?;
                if !s.contains('.') {
                    f.write_str(".")?;
                }
                Ok(())
            }
        }
    )*};
}
impl_float!(f32 f64);
