//! `Display` in NumPy's style and `Debug`.

use core::fmt::{self, Write};

use crate::{Element, Notation};

/// What `Display` needs of an element: the [`Element`]s, and `bool`, which NumPy prints as
/// `" True"`/`"False"`, always 5 wide (`[ True  True]`, NumPy's `BoolFormat`).
pub(crate) trait Print {
    /// Whether the element is a float (see [`Element::IS_FLOAT`]).
    const IS_FLOAT: bool;
    /// See [`Element::fmt_numpy`].
    fn fmt_numpy(&self, f: &mut dyn Write, notation: Notation) -> fmt::Result;
    /// See [`Element::scientific_parts`].
    fn scientific_parts(&self) -> Option<(f64, usize, usize)>;
}

impl<T: Element> Print for T {
    const IS_FLOAT: bool = <T as Element>::IS_FLOAT;

    fn fmt_numpy(&self, f: &mut dyn Write, notation: Notation) -> fmt::Result {
        Element::fmt_numpy(self, f, notation)
    }

    fn scientific_parts(&self) -> Option<(f64, usize, usize)> {
        Element::scientific_parts(self)
    }
}

impl Print for bool {
    const IS_FLOAT: bool = false;

    fn fmt_numpy(&self, f: &mut dyn Write, _: Notation) -> fmt::Result {
        f.write_str(if *self { " True" } else { "False" })
    }

    fn scientific_parts(&self) -> Option<(f64, usize, usize)> {
        None
    }
}

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

fn measure<T: Print>(x: &T, notation: Notation) -> Result<Measure, fmt::Error> {
    let mut m = Measure::default();
    x.fmt_numpy(&mut m, notation)?;
    Ok(m)
}

fn pad(f: &mut fmt::Formatter<'_>, n: usize) -> fmt::Result {
    (0..n).try_for_each(|_| f.write_char(' '))
}

/// NumPy's defaults: `linewidth`, `threshold` and `edgeitems` of `np.set_printoptions`.
const LINE_WIDTH: usize = 75;
const THRESHOLD: usize = 1000;
const EDGE_ITEMS: usize = 3;

/// The indices shown along an axis of length `n`; `None` stands for NumPy's `...`.
fn shown(n: usize, summarize: bool) -> impl Iterator<Item = Option<usize>> {
    let cut = summarize && n > 2 * EDGE_ITEMS;
    let (head, tail) = if cut {
        (EDGE_ITEMS, n - EDGE_ITEMS)
    } else {
        (n, n)
    };
    (0..head)
        .map(Some)
        .chain(cut.then_some(None))
        .chain((tail..n).map(Some))
}

/// NumPy's choice between fixed and scientific notation for floats: scientific when the
/// largest finite nonzero magnitude is at least 1e8, the smallest is below 1e-4, or their
/// ratio exceeds 1000; then every mantissa gets the most digits any element needs.
struct NotationChooser {
    max: f64,
    min: f64,
    digits: usize,
    exp_digits: usize,
}

impl Default for NotationChooser {
    fn default() -> Self {
        Self {
            max: 0.0,
            min: f64::INFINITY,
            digits: 0,
            exp_digits: 2,
        }
    }
}

impl NotationChooser {
    fn add<T: Print>(&mut self, x: &T) {
        if let Some((magnitude, digits, exp_digits)) = x.scientific_parts() {
            self.digits = self.digits.max(digits);
            self.exp_digits = self.exp_digits.max(exp_digits);
            if magnitude != 0.0 {
                self.max = self.max.max(magnitude);
                self.min = self.min.min(magnitude);
            }
        }
    }

    fn choose(&self, precision: Option<usize>) -> Notation {
        let (max, min) = (self.max, self.min);
        if max > 0.0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3) {
            Notation::Scientific {
                digits: precision.unwrap_or(self.digits),
                exp_digits: self.exp_digits,
            }
        } else {
            Notation::Fixed(precision)
        }
    }
}

/// Column widths shared by every printed element, as NumPy computes them.
struct Layout {
    before: usize,
    after: usize,
    notation: Notation,
}

impl Layout {
    fn width(&self) -> usize {
        self.before + self.after
    }

    /// Writes `x` padded on the left to the common width, aligned on the point or, for
    /// integers, nan and inf, on the right. Returns the padding still owed on the right, which
    /// NumPy drops at the end of a wrapped line.
    fn write<T: Print>(&self, f: &mut fmt::Formatter<'_>, x: &T) -> Result<usize, fmt::Error> {
        let m = measure(x, self.notation)?;
        if m.seen_dot || !T::IS_FLOAT {
            pad(f, self.before - m.before_dot)?;
            x.fmt_numpy(f, self.notation)?;
            Ok(self.after - m.after_dot)
        } else {
            pad(f, self.width() - m.before_dot)?;
            x.fmt_numpy(f, self.notation)?;
            Ok(0)
        }
    }

    /// Writes a block of `dims` (rank 1 or more) at nesting `depth`, in brackets, the way
    /// NumPy's `_formatArray` does: sub-blocks separated by as many newlines as they have
    /// axes, with one more space of hanging indent per level.
    fn write_block<T: Print>(
        &self,
        f: &mut fmt::Formatter<'_>,
        block: &[T],
        dims: &[usize],
        summarize: bool,
        depth: usize,
    ) -> fmt::Result {
        f.write_char('[')?;
        match dims {
            [] | [_] => self.write_row(f, block, summarize, depth + 1, LINE_WIDTH - depth)?,
            [n, rest @ ..] => {
                let stride: usize = rest.iter().product();
                for (k, i) in shown(*n, summarize).enumerate() {
                    if k > 0 {
                        (0..rest.len()).try_for_each(|_| f.write_char('\n'))?;
                        pad(f, depth + 1)?;
                    }
                    match i {
                        Some(i) => {
                            let sub = &block[i * stride..][..stride];
                            self.write_block(f, sub, rest, summarize, depth + 1)?;
                        }
                        None => f.write_str("...")?,
                    }
                }
            }
        }
        f.write_char(']')
    }

    /// Writes one row's elements (without brackets) the way NumPy's `_formatArray` does:
    /// separated by a space, wrapped before `width` columns with `indent` spaces of hanging
    /// indent. The caller has already written `indent` characters of this line.
    fn write_row<T: Print>(
        &self,
        f: &mut fmt::Formatter<'_>,
        row: &[T],
        summarize: bool,
        indent: usize,
        width: usize,
    ) -> fmt::Result {
        let limit = width - 1; // room for the closing bracket
        let (mut line, mut owed) = (indent, 0);
        for (k, j) in shown(row.len(), summarize).enumerate() {
            let word = if j.is_some() { self.width() } else { 3 };
            let with_sep = line + usize::from(k > 0);
            if with_sep + word > limit && with_sep > indent {
                f.write_char('\n')?;
                pad(f, indent)?;
                line = indent;
            } else {
                pad(f, owed + with_sep - line)?;
                line = with_sep;
            }
            owed = match j {
                Some(j) => self.write(f, &row[j])?,
                None => f.write_str("...").map(|()| 0)?,
            };
            line += word;
        }
        pad(f, owed)
    }
}

/// Calls `visit` on every element NumPy would show of the row-major array `flat` of shape
/// `dims`.
fn for_each_shown<T>(
    flat: &[T],
    dims: &[usize],
    summarize: bool,
    visit: &mut impl FnMut(&T) -> fmt::Result,
) -> fmt::Result {
    match dims.split_first() {
        None => flat.iter().try_for_each(visit),
        Some((&n, rest)) => {
            let stride: usize = rest.iter().product();
            shown(n, summarize).flatten().try_for_each(|i| {
                for_each_shown(&flat[i * stride..][..stride], rest, summarize, visit)
            })
        }
    }
}

/// Writes the row-major array `flat` of shape `dims` (rank 1 or more) as NumPy's `str(a)`.
pub(crate) fn write_array<T: Print>(
    f: &mut fmt::Formatter<'_>,
    flat: &[T],
    dims: &[usize],
) -> fmt::Result {
    let summarize = flat.len() > THRESHOLD;
    let mut scientific = NotationChooser::default();
    for_each_shown(flat, dims, summarize, &mut |x| {
        scientific.add(x);
        Ok(())
    })?;
    let notation = scientific.choose(f.precision());
    // Finite values align on the point; nan and inf (no point) are right-aligned in the
    // same width, which grows on the left if they are the widest.
    let (mut before, mut after, mut special) = (0, 0, 0);
    for_each_shown(flat, dims, summarize, &mut |x| {
        let m = measure(x, notation)?;
        if m.seen_dot || !T::IS_FLOAT {
            before = before.max(m.before_dot);
            after = after.max(m.after_dot);
        } else {
            special = special.max(m.before_dot);
        }
        Ok(())
    })?;
    before = before.max(special.saturating_sub(after));
    let layout = Layout {
        before,
        after,
        notation,
    };
    layout.write_block(f, flat, dims, summarize, 0)
}
