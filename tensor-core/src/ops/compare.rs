//! Elementwise comparisons, NumPy's `a < b`, `a >= 5`, `a == b`: each returns a mask, a
//! tensor of `bool` of the broadcast shape, written once for every shape.
//!
//! Rust's `<` and `==` on tensors cannot return a tensor (`PartialOrd` and `PartialEq` must
//! return `bool`; `a == b` on two tensors is whole-tensor equality), so the elementwise forms
//! are methods: [`lt`](Array::lt), [`le`](Array::le), [`gt`](Array::gt), [`ge`](Array::ge),
//! [`eq`](Array::eq), [`ne`](Array::ne) against a tensor (broadcasting as the arithmetic
//! operators do), and the `_scalar` forms against one value. NaN compares as in IEEE 754 and
//! NumPy: every comparison with NaN is `false` except `ne`, which is `true`.
//!
//! ```
//! use tensor_core::Tensor;
//!
//! let a = Tensor::from([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
//! let mask = a.gt_scalar(2) & a.lt_scalar(11); // NumPy: (a > 2) & (a < 11)
//! assert_eq!(mask.count_nonzero(), 8);
//! assert_eq!(a.lt_scalar(5).to_string(), "[[ True  True  True  True]\n [False False False False]\n [False False False False]]");
//! ```

use super::broadcast::zip_broadcast_map;
use crate::Array;
use crate::shape::{BroadcastWith, Dims};

impl<T: Copy + PartialOrd, S: Dims> Array<T, S> {
    /// Whether each element is less than `other`'s, broadcasting, like NumPy's `a < b`
    /// (`np.less`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1.0, 5.0], [3.0, f64::NAN]]);
    /// let b = Tensor::from([2.0, 2.0]); // a row, broadcast down the rows
    /// assert_eq!(a.lt(&b), Tensor::from([[true, false], [false, false]]));
    /// ```
    #[must_use]
    pub fn lt<S2: Dims>(&self, other: &Array<T, S2>) -> Array<bool, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, bool, S, S2>(self.as_flat(), other.as_flat(), |x, y| x < y)
    }

    /// Whether each element is at most `other`'s, broadcasting, like NumPy's `a <= b`
    /// (`np.less_equal`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([1, 2, 3]);
    /// assert_eq!(a.le(&Tensor::from([2, 2, 2])), Tensor::from([true, true, false]));
    /// ```
    #[must_use]
    pub fn le<S2: Dims>(&self, other: &Array<T, S2>) -> Array<bool, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, bool, S, S2>(self.as_flat(), other.as_flat(), |x, y| x <= y)
    }

    /// Whether each element is greater than `other`'s, broadcasting, like NumPy's `a > b`
    /// (`np.greater`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 4], [3, 2]]);
    /// let col = Tensor::from([[2], [2]]); // a column, broadcast along the rows
    /// assert_eq!(m.gt(&col), Tensor::from([[false, true], [true, false]]));
    /// ```
    #[must_use]
    pub fn gt<S2: Dims>(&self, other: &Array<T, S2>) -> Array<bool, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, bool, S, S2>(self.as_flat(), other.as_flat(), |x, y| x > y)
    }

    /// Whether each element is at least `other`'s, broadcasting, like NumPy's `a >= b`
    /// (`np.greater_equal`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([1.0, 2.0, f64::NAN]);
    /// assert_eq!(a.ge(&Tensor::from([1.0, 3.0, 0.0])), Tensor::from([true, false, false]));
    /// ```
    #[must_use]
    pub fn ge<S2: Dims>(&self, other: &Array<T, S2>) -> Array<bool, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, bool, S, S2>(self.as_flat(), other.as_flat(), |x, y| x >= y)
    }

    /// Whether each element is less than `x`, like NumPy's `a < x` with a scalar.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1, 5, 9]).lt_scalar(5), Tensor::from([true, false, false]));
    /// ```
    #[must_use]
    pub fn lt_scalar(&self, x: T) -> Array<bool, S> {
        self.map_ref(|a| a < x)
    }

    /// Whether each element is at most `x`, like NumPy's `a <= x`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1, 5, 9]).le_scalar(5), Tensor::from([true, true, false]));
    /// ```
    #[must_use]
    pub fn le_scalar(&self, x: T) -> Array<bool, S> {
        self.map_ref(|a| a <= x)
    }

    /// Whether each element is greater than `x`, like NumPy's `a > x`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 5.0, f64::NAN]).gt_scalar(2.0), Tensor::from([false, true, false]));
    /// ```
    #[must_use]
    pub fn gt_scalar(&self, x: T) -> Array<bool, S> {
        self.map_ref(|a| a > x)
    }

    /// Whether each element is at least `x`, like NumPy's `a >= x`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1, 5, 9]).ge_scalar(5), Tensor::from([false, true, true]));
    /// ```
    #[must_use]
    pub fn ge_scalar(&self, x: T) -> Array<bool, S> {
        self.map_ref(|a| a >= x)
    }
}

impl<T: Copy + PartialEq, S: Dims> Array<T, S> {
    /// Whether each element equals `other`'s, broadcasting, like NumPy's `a == b`
    /// (`np.equal`). Rust's `a == b` on two tensors is the whole-tensor `bool`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([1.0, 2.0, f64::NAN]);
    /// let b = Tensor::from([1.0, 3.0, f64::NAN]);
    /// assert_eq!(a.eq(&b), Tensor::from([true, false, false])); // NaN != NaN
    /// ```
    #[must_use]
    pub fn eq<S2: Dims>(&self, other: &Array<T, S2>) -> Array<bool, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, bool, S, S2>(self.as_flat(), other.as_flat(), |x, y| x == y)
    }

    /// Whether each element differs from `other`'s, broadcasting, like NumPy's `a != b`
    /// (`np.not_equal`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([1.0, 2.0, f64::NAN]);
    /// assert_eq!(a.ne(&a), Tensor::from([false, false, true]));
    /// ```
    #[must_use]
    pub fn ne<S2: Dims>(&self, other: &Array<T, S2>) -> Array<bool, S::Output>
    where
        S: BroadcastWith<S2>,
    {
        zip_broadcast_map::<T, T, bool, S, S2>(self.as_flat(), other.as_flat(), |x, y| x != y)
    }

    /// Whether each element equals `x`, like NumPy's `a == x`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [2, 3]]).eq_scalar(2), Tensor::from([[false, true], [true, false]]));
    /// ```
    #[must_use]
    pub fn eq_scalar(&self, x: T) -> Array<bool, S> {
        self.map_ref(|a| a == x)
    }

    /// Whether each element differs from `x`, like NumPy's `a != x`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([1, 2, 3]).ne_scalar(2), Tensor::from([true, false, true]));
    /// ```
    #[must_use]
    pub fn ne_scalar(&self, x: T) -> Array<bool, S> {
        self.map_ref(|a| a != x)
    }
}

impl<T: Copy, S: Dims> Array<T, S> {
    /// `map` without consuming the tensor.
    #[inline]
    pub(crate) fn map_ref<U>(&self, mut f: impl FnMut(T) -> U) -> Array<U, S> {
        let a = self.as_flat();
        Array::from_flat_fn(|k| f(a[k]))
    }
}

/// Elementwise comparison of a tensor with a tensor (broadcasting) or a scalar, on either
/// side: what `tensor!`'s `<`, `<=`, `>`, `>=`, `==` and `!=` expand to, so that
/// `tensor!(a < 5)`, `tensor!(5 > a)` and `tensor!(a < b)` give the masks of
/// [`lt_scalar`](Array::lt_scalar), [`gt_scalar`](Array::gt_scalar) and [`lt`](Array::lt).
///
/// Each impl calls those methods; owned tensors and references are accepted on both sides
/// (tensors are `Copy`). The methods are prefixed `elementwise_` so that a glob import of the
/// crate does not shadow `PartialOrd::lt` and friends on scalars. Two scalars compare as Rust's operators do and give a `bool`, so
/// `tensor!(m[0, 0] < m[1, 1])` keeps its Rust meaning. Outside the macro, call the methods
/// (Rust's `a == b` on two tensors is the whole-tensor `bool`).
///
/// ```
/// use tensor_core::{ElementwiseCmp, Tensor};
///
/// let a = Tensor::from([1, 5, 9]);
/// assert_eq!(ElementwiseCmp::elementwise_lt(a, 5), a.lt_scalar(5));
/// assert_eq!(ElementwiseCmp::elementwise_lt(5, &a), a.gt_scalar(5));
/// assert_eq!(ElementwiseCmp::elementwise_ge(&a, Tensor::from([[1], [9]])), a.ge(&Tensor::from([[1], [9]])));
/// assert!(ElementwiseCmp::elementwise_ne(1.0f64, 2.0));
/// ```
pub trait ElementwiseCmp<Rhs> {
    /// A mask `Array<bool, _>` of the broadcast shape (`bool` for two scalars).
    type Output;
    /// NumPy's `self < rhs`.
    fn elementwise_lt(self, rhs: Rhs) -> Self::Output;
    /// NumPy's `self <= rhs`.
    fn elementwise_le(self, rhs: Rhs) -> Self::Output;
    /// NumPy's `self > rhs`.
    fn elementwise_gt(self, rhs: Rhs) -> Self::Output;
    /// NumPy's `self >= rhs`.
    fn elementwise_ge(self, rhs: Rhs) -> Self::Output;
    /// NumPy's `self == rhs`.
    fn elementwise_eq(self, rhs: Rhs) -> Self::Output;
    /// NumPy's `self != rhs`.
    fn elementwise_ne(self, rhs: Rhs) -> Self::Output;
}

/// Tensor against tensor, for the four owned/borrowed pairs.
macro_rules! cmp_tensors {
    ($(($L:ty, $R:ty)),*) => {$(
        impl<'a, 'b, T, S, S2> ElementwiseCmp<$R> for $L
        where
            T: Copy + PartialOrd,
            S: BroadcastWith<S2>,
            S2: Dims,
        {
            type Output = Array<bool, S::Output>;
            #[inline]
            fn elementwise_lt(self, rhs: $R) -> Self::Output { Array::lt(&self, &rhs) }
            #[inline]
            fn elementwise_le(self, rhs: $R) -> Self::Output { Array::le(&self, &rhs) }
            #[inline]
            fn elementwise_gt(self, rhs: $R) -> Self::Output { Array::gt(&self, &rhs) }
            #[inline]
            fn elementwise_ge(self, rhs: $R) -> Self::Output { Array::ge(&self, &rhs) }
            #[inline]
            fn elementwise_eq(self, rhs: $R) -> Self::Output { Array::eq(&self, &rhs) }
            #[inline]
            fn elementwise_ne(self, rhs: $R) -> Self::Output { Array::ne(&self, &rhs) }
        }
    )*};
}

cmp_tensors!(
    (Array<T, S>, Array<T, S2>),
    (Array<T, S>, &'b Array<T, S2>),
    (&'a Array<T, S>, Array<T, S2>),
    (&'a Array<T, S>, &'b Array<T, S2>)
);

/// Tensor against scalar and scalar against tensor (the comparison mirrored), owned or
/// borrowed tensor.
macro_rules! cmp_scalar {
    ($(($A:ty, $($lt:lifetime)?)),*) => {$(
        impl<$($lt,)? T: Copy + PartialOrd, S: Dims> ElementwiseCmp<T> for $A {
            type Output = Array<bool, S>;
            #[inline]
            fn elementwise_lt(self, x: T) -> Array<bool, S> { self.lt_scalar(x) }
            #[inline]
            fn elementwise_le(self, x: T) -> Array<bool, S> { self.le_scalar(x) }
            #[inline]
            fn elementwise_gt(self, x: T) -> Array<bool, S> { self.gt_scalar(x) }
            #[inline]
            fn elementwise_ge(self, x: T) -> Array<bool, S> { self.ge_scalar(x) }
            #[inline]
            fn elementwise_eq(self, x: T) -> Array<bool, S> { self.eq_scalar(x) }
            #[inline]
            fn elementwise_ne(self, x: T) -> Array<bool, S> { self.ne_scalar(x) }
        }

        impl<$($lt,)? T: Copy + PartialOrd, S: Dims> ElementwiseCmp<$A> for T {
            type Output = Array<bool, S>;
            #[inline]
            fn elementwise_lt(self, a: $A) -> Array<bool, S> { a.gt_scalar(self) }
            #[inline]
            fn elementwise_le(self, a: $A) -> Array<bool, S> { a.ge_scalar(self) }
            #[inline]
            fn elementwise_gt(self, a: $A) -> Array<bool, S> { a.lt_scalar(self) }
            #[inline]
            fn elementwise_ge(self, a: $A) -> Array<bool, S> { a.le_scalar(self) }
            #[inline]
            fn elementwise_eq(self, a: $A) -> Array<bool, S> { a.eq_scalar(self) }
            #[inline]
            fn elementwise_ne(self, a: $A) -> Array<bool, S> { a.ne_scalar(self) }
        }
    )*};
}

cmp_scalar!((Array<T, S>,), (&'a Array<T, S>, 'a));

/// Two scalars: Rust's comparison, one impl per primitive type (a blanket `impl<T> for T`
/// would overlap the tensor impls).
macro_rules! cmp_scalars {
    ($($t:ty),*) => {$(
        impl ElementwiseCmp<$t> for $t {
            type Output = bool;
            #[inline]
            fn elementwise_lt(self, x: $t) -> bool { self < x }
            #[inline]
            fn elementwise_le(self, x: $t) -> bool { self <= x }
            #[inline]
            fn elementwise_gt(self, x: $t) -> bool { self > x }
            #[inline]
            fn elementwise_ge(self, x: $t) -> bool { self >= x }
            #[inline]
            fn elementwise_eq(self, x: $t) -> bool { self == x }
            #[inline]
            fn elementwise_ne(self, x: $t) -> bool { self != x }
        }
    )*};
}

cmp_scalars!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64, bool, char
);
