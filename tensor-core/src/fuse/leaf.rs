//! The operands of a fused expression: borrowed tensors (on the stack, boxed, or run-time
//! `DynArray`s) and scalars.

use core::marker::PhantomData;
use core::mem::MaybeUninit;

#[cfg(feature = "alloc")]
use super::{Heap, Rows};
use super::{Layout, Node, Scalar, Stack};
#[cfg(feature = "alloc")]
use crate::DynArray;
use crate::kernels::elementwise::unary;
use crate::shape::Dims;
use crate::{Array, Element};

/// A value a fused expression can take as an operand: a node, a borrowed tensor
/// (`&Array`, `&&Array`, `&Box<Array>`), a borrowed run-time tensor (`&DynArray`) or a
/// borrowed scalar `&T`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an operand of a fused `tensor!` expression",
    label = "not a tensor, a boxed tensor or a scalar element",
    note = "fused operands are `Array`s (`Tensor`, `Tensor3`, ...), boxed ones, `DynArray`s (`DynTensor`, ...) and scalar elements; write this operation outside `tensor!`"
)]
pub trait IntoFused {
    /// The node it becomes.
    type Node: Node;

    /// The node.
    fn into_fused(self) -> Self::Node;
}

/// A borrowed tensor of shape `S` as an operand; `St` is [`Stack`] or [`Heap`].
pub struct Leaf<'a, T, S, St> {
    flat: &'a [T],
    _shape: PhantomData<(S, St)>,
}

impl<T, S, St> Clone for Leaf<'_, T, S, St> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, S, St> Copy for Leaf<'_, T, S, St> {}

/// A scalar operand.
pub struct ScalarLeaf<T>(T);

/// A borrowed run-time tensor `DynArray<T, S>` as an operand: its rows and their elements.
#[cfg(feature = "alloc")]
pub struct RowsLeaf<'a, T, S> {
    flat: &'a [T],
    rows: usize,
    _shape: PhantomData<S>,
}

#[cfg(feature = "alloc")]
impl<'a, T: Element, S: Dims> IntoFused for &'a DynArray<T, S> {
    type Node = RowsLeaf<'a, T, S>;

    #[inline]
    fn into_fused(self) -> Self::Node {
        RowsLeaf {
            flat: self.as_flat(),
            rows: self.nrows(),
            _shape: PhantomData,
        }
    }
}

#[cfg(feature = "alloc")]
impl<'a, T: Element, S: Dims> IntoFused for &&'a DynArray<T, S> {
    type Node = RowsLeaf<'a, T, S>;

    #[inline]
    fn into_fused(self) -> Self::Node {
        (*self).into_fused()
    }
}

// SAFETY: `write` copies into every element of `out`, `write_mapped` maps into every one.
#[cfg(feature = "alloc")]
unsafe impl<T: Element, S: Dims> Node for RowsLeaf<'_, T, S> {
    type Elem = T;
    type Shape = Rows<S>;
    type Store = Heap;
    const SCRATCH: usize = 0;

    #[inline]
    fn rows(&self) -> Option<(usize, &'static [usize])> {
        Some((self.rows, S::DIMS))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        None
    }

    #[inline]
    fn direct(&self, _: &Layout, start: usize, n: usize) -> Option<&[T]> {
        // Every run-time operand has the result's rows (checked by `rows`), so its layout.
        Some(&self.flat[start..start + n])
    }

    #[inline]
    fn write(
        &self,
        _: &Layout,
        start: usize,
        out: &mut [MaybeUninit<T>],
        _: &mut [MaybeUninit<T>],
    ) {
        out.write_copy_of_slice(&self.flat[start..start + out.len()]);
    }

    #[inline]
    fn write_mapped<F: Fn(T) -> T + Copy>(
        &self,
        _: &Layout,
        start: usize,
        out: &mut [MaybeUninit<T>],
        _: &mut [MaybeUninit<T>],
        f: F,
    ) {
        unary(&self.flat[start..start + out.len()], out, f);
    }
}

impl<T: Element> IntoFused for &T {
    type Node = ScalarLeaf<T>;

    #[inline]
    fn into_fused(self) -> ScalarLeaf<T> {
        ScalarLeaf(*self)
    }
}

impl<'a, T: Element, S: Dims> IntoFused for &'a Array<T, S> {
    type Node = Leaf<'a, T, S, Stack>;

    #[inline]
    fn into_fused(self) -> Self::Node {
        Leaf {
            flat: self.as_flat(),
            _shape: PhantomData,
        }
    }
}

impl<'a, T: Element, S: Dims> IntoFused for &&'a Array<T, S> {
    type Node = Leaf<'a, T, S, Stack>;

    #[inline]
    fn into_fused(self) -> Self::Node {
        (*self).into_fused()
    }
}

#[cfg(feature = "alloc")]
impl<'a, T: Element, S: Dims> IntoFused for &'a alloc::boxed::Box<Array<T, S>> {
    type Node = Leaf<'a, T, S, Heap>;

    #[inline]
    fn into_fused(self) -> Self::Node {
        Leaf {
            flat: self.as_flat(),
            _shape: PhantomData,
        }
    }
}

#[cfg(feature = "alloc")]
impl<'a, T: Element, S: Dims> IntoFused for &&'a alloc::boxed::Box<Array<T, S>> {
    type Node = Leaf<'a, T, S, Heap>;

    #[inline]
    fn into_fused(self) -> Self::Node {
        (*self).into_fused()
    }
}

// SAFETY: `write` and `write_mapped` fill every element of `out`.
unsafe impl<T: Element> Node for ScalarLeaf<T> {
    type Elem = T;
    type Shape = Scalar;
    type Store = Stack;
    const SCRATCH: usize = 0;

    #[inline]
    fn rows(&self) -> Option<(usize, &'static [usize])> {
        None
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(self.0)
    }

    #[inline]
    fn direct(&self, _: &Layout, _: usize, _: usize) -> Option<&[T]> {
        None
    }

    #[inline]
    fn write(&self, _: &Layout, _: usize, out: &mut [MaybeUninit<T>], _: &mut [MaybeUninit<T>]) {
        out.fill(MaybeUninit::new(self.0));
    }

    #[inline]
    fn write_mapped<F: Fn(T) -> T + Copy>(
        &self,
        _: &Layout,
        _: usize,
        out: &mut [MaybeUninit<T>],
        _: &mut [MaybeUninit<T>],
        f: F,
    ) {
        out.fill(MaybeUninit::new(f(self.0)));
    }
}

// SAFETY: `write` copies into every element of `out` and `write_mapped` maps into every
// element of it: directly, or into each of `broadcast_runs`' runs, which cover `out`.
unsafe impl<T: Element, S: Dims, St> Node for Leaf<'_, T, S, St> {
    type Elem = T;
    type Shape = S;
    type Store = St;
    const SCRATCH: usize = 0;

    #[inline]
    fn rows(&self) -> Option<(usize, &'static [usize])> {
        None
    }

    #[inline]
    fn value(&self) -> Option<T> {
        None
    }

    #[inline]
    fn direct(&self, at: &Layout, start: usize, n: usize) -> Option<&[T]> {
        // An operand of the result's size has its layout (at most leading axes of size 1).
        (S::SIZE == at.size).then(|| &self.flat[start..start + n])
    }

    #[inline]
    fn broadcast(&self) -> Option<(&[T], &'static [usize])> {
        Some((self.flat, S::DIMS))
    }

    #[inline]
    fn write(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<T>],
        _: &mut [MaybeUninit<T>],
    ) {
        let src = self.flat;
        if S::SIZE == at.size {
            out.write_copy_of_slice(&src[start..start + out.len()]);
            return;
        }
        // As `write_mapped`, with the runs copied (faster than a map through `unary`: 3-5% on
        // `benches/fused.rs`' `linear_sigmoid` and `mse`, whose bias row is broadcast).
        broadcast_runs(S::DIMS, at, start, out, |s, along, run| {
            if along {
                run.write_copy_of_slice(&src[s..s + run.len()]);
            } else {
                run.fill(MaybeUninit::new(src[s]));
            }
        });
    }

    #[inline]
    fn write_mapped<F: Fn(T) -> T + Copy>(
        &self,
        at: &Layout,
        start: usize,
        out: &mut [MaybeUninit<T>],
        _: &mut [MaybeUninit<T>],
        f: F,
    ) {
        let src = self.flat;
        if S::SIZE == at.size {
            return unary(&src[start..start + out.len()], out, f);
        }
        broadcast_runs(S::DIMS, at, start, out, |s, along, run| {
            if along {
                unary(&src[s..s + run.len()], run, f);
            } else {
                run.fill(MaybeUninit::new(f(src[s])));
            }
        });
    }
}

/// Splits `out`, the elements `start..start + out.len()` of a source of shape `dims`
/// broadcast to `at`, into runs along the result's last axis, and calls `f(s, along, run)`
/// for each: the run holds the source's elements `s..s + run.len()` when `along`, or
/// repeats element `s` when the source's last axis is broadcast. Every element of `out` is in
/// exactly one run. Always in line, so that its runs' loops are compiled for the instruction
/// set of the caller (`zip_runs` calls it on the machine's best).
#[inline(always)]
pub(super) fn broadcast_runs<T>(
    dims: &[usize],
    at: &Layout,
    start: usize,
    out: &mut [MaybeUninit<T>],
    mut f: impl FnMut(usize, bool, &mut [MaybeUninit<T>]),
) {
    let d = at.dims;
    let mut sd = [1; 4];
    sd[4 - dims.len()..].copy_from_slice(dims);
    let (mut stride, mut p) = ([0; 4], 1);
    for k in (0..4).rev() {
        stride[k] = if sd[k] == 1 { 0 } else { p };
        p *= sd[k];
    }
    let (mut idx, mut r) = ([0; 4], start);
    for k in (0..4).rev() {
        idx[k] = r % d[k];
        r /= d[k];
    }
    let mut o = 0;
    while o < out.len() {
        let run = (d[3] - idx[3]).min(out.len() - o);
        let base = idx[0] * stride[0] + idx[1] * stride[1] + idx[2] * stride[2];
        let along = stride[3] != 0;
        f(
            base + if along { idx[3] } else { 0 },
            along,
            &mut out[o..o + run],
        );
        o += run;
        idx[3] = 0;
        for k in (0..3).rev() {
            idx[k] += 1;
            if idx[k] < d[k] {
                break;
            }
            idx[k] = 0;
        }
    }
}
