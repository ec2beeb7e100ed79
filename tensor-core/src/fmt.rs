//! `Display` in NumPy's style and `Debug`.

use core::fmt::{self, Write};

use crate::{Element, Tensor};

/// Counts what a formatted element occupies on each side of its decimal point.
#[derive(Default)]
struct Measure {
    before_dot: usize,
    after_dot: usize,
    seen_dot: bool,
}

impl Write for Measure {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for ch in s.chars() {
            if ch == '.' && !self.seen_dot {
                self.seen_dot = true;
            }
            if self.seen_dot {
                self.after_dot += 1;
            } else {
                self.before_dot += 1;
            }
        }
        Ok(())
    }
}

fn measure<T: Element>(x: &T, precision: Option<usize>) -> Result<Measure, fmt::Error> {
    let mut m = Measure::default();
    x.fmt_numpy(&mut m, precision)?;
    Ok(m)
}

fn pad(f: &mut fmt::Formatter<'_>, n: usize) -> fmt::Result {
    (0..n).try_for_each(|_| f.write_char(' '))
}

impl<T: Element, const R: usize, const C: usize> fmt::Display for Tensor<T, R, C> {
    /// Prints like NumPy's `print(a)`: rows in brackets, one per line, columns aligned on the
    /// decimal point; floats always show the point (`1.`) and at most 8 decimals unless a
    /// precision is given (`{:.2}`). A row vector (`R == 1`) prints as NumPy's 1-D array.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).to_string(), "[[1 2]\n [3 4]]");
    /// assert_eq!(Tensor::from([2, 4, 6]).to_string(), "[2 4 6]");
    /// assert_eq!(Tensor::from([[1.0, -2.5], [10.0, 0.25]]).to_string(), "[[ 1.   -2.5 ]\n [10.    0.25]]");
    /// assert_eq!(format!("{:.2}", Tensor::from([1.0f32 / 3.0])), "[0.33]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let precision = f.precision();
        // Finite values align on the point; nan and inf (no point) are right-aligned in the
        // same width, which grows on the left if they are the widest.
        let (mut before, mut after, mut special) = (0, 0, 0);
        for x in self.as_flat() {
            let m = measure(x, precision)?;
            if m.seen_dot || !T::IS_FLOAT {
                before = before.max(m.before_dot);
                after = after.max(m.after_dot);
            } else {
                special = special.max(m.before_dot);
            }
        }
        before = before.max(special.saturating_sub(after));
        let one_d = R == 1;
        if !one_d {
            f.write_char('[')?;
        }
        for (i, row) in self.data.iter().enumerate() {
            if i > 0 {
                f.write_str("\n ")?;
            }
            f.write_char('[')?;
            for (j, x) in row.iter().enumerate() {
                if j > 0 {
                    f.write_char(' ')?;
                }
                let m = measure(x, precision)?;
                if m.seen_dot || !T::IS_FLOAT {
                    pad(f, before - m.before_dot)?;
                    x.fmt_numpy(f, precision)?;
                    pad(f, after - m.after_dot)?;
                } else {
                    pad(f, before + after - m.before_dot)?;
                    x.fmt_numpy(f, precision)?;
                }
            }
            f.write_char(']')?;
        }
        if !one_d {
            f.write_char(']')?;
        }
        Ok(())
    }
}

impl<T: fmt::Debug, const R: usize, const C: usize> fmt::Debug for Tensor<T, R, C> {
    /// Prints the shape and the rows: `Tensor<2, 2>[[1, 2], [3, 4]]`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(format!("{:?}", Tensor::from([[1, 2], [3, 4]])), "Tensor<2, 2>[[1, 2], [3, 4]]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tensor<{R}, {C}>")?;
        f.debug_list().entries(self.data.iter()).finish()
    }
}
