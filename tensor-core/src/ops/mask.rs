//! Masks: `&`, `|`, `^` and `!` elementwise (NumPy's `(a > 2) & (a < 11)`, `~mask`; on integer
//! tensors these are the bitwise operators, as in NumPy), `any`/`all` (whole and along an
//! axis), `count_nonzero`, and `where`: choosing between two tensors by a mask
//! ([`if_else`](Array::if_else)). Each is written once for every shape.
//!
//! Masks are `Array<bool, S>`, built by the comparisons (`ops::compare`) or `map`, and print
//! as NumPy prints them:
//!
//! ```
//! use tensor_core::Tensor;
//!
//! let a = Tensor::from([1, 2, 3, 4]);
//! let odd = a.map(|x| x % 2 == 1);
//! assert_eq!(odd.to_string(), "[ True False  True False]");
//! assert_eq!((!odd).to_string(), "[False  True False  True]");
//! ```

use core::ops::{BitAnd, BitOr, BitXor, Not};

use super::broadcast::{zip_broadcast_map, zip3_broadcast_map};
use crate::Array;
use crate::shape::{BroadcastWith, Dims, ReduceAxis};

/// The owned and borrowed forms of one broadcasting bitwise operator (the semantics are in the
/// module docs).
macro_rules! bit_op {
    ($Op:ident, $op:ident, $sym:tt) => {
        impl<T, S, S2> $Op<Array<T, S2>> for Array<T, S>
        where
            T: Copy + $Op<Output = T>,
            S: BroadcastWith<S2>,
            S2: Dims,
        {
            type Output = Array<T, S::Output>;

            #[inline]
            fn $op(self, rhs: Array<T, S2>) -> Self::Output {
                zip_broadcast_map::<T, T, T, S, S2>(self.as_flat(), rhs.as_flat(), |a, b| a $sym b)
            }
        }

        impl<T, S, S2> $Op<&Array<T, S2>> for &Array<T, S>
        where
            T: Copy + $Op<Output = T>,
            S: BroadcastWith<S2>,
            S2: Dims,
        {
            type Output = Array<T, S::Output>;

            #[inline]
            fn $op(self, rhs: &Array<T, S2>) -> Self::Output {
                zip_broadcast_map::<T, T, T, S, S2>(self.as_flat(), rhs.as_flat(), |a, b| a $sym b)
            }
        }
    };
}

bit_op!(BitAnd, bitand, &);
bit_op!(BitOr, bitor, |);
bit_op!(BitXor, bitxor, ^);

/// Elementwise `!`, NumPy's `~a`: logical not of a mask, bitwise not of integers.
///
/// ```
/// use tensor_core::Tensor;
///
/// assert_eq!(!Tensor::from([true, false]), Tensor::from([false, true]));
/// assert_eq!(!Tensor::from([0u8, 255]), Tensor::from([255, 0]));
/// ```
impl<T: Copy + Not<Output = T>, S: Dims> Not for Array<T, S> {
    type Output = Self;

    #[inline]
    fn not(self) -> Self {
        self.map_ref(|x| !x)
    }
}

/// Elementwise `!` of a borrowed tensor.
///
/// ```
/// use tensor_core::Tensor;
///
/// let m = Tensor::from([[true, false]]);
/// assert_eq!(!&m, Tensor::from([[false, true]]));
/// ```
impl<T: Copy + Not<Output = T>, S: Dims> Not for &Array<T, S> {
    type Output = Array<T, S>;

    #[inline]
    fn not(self) -> Array<T, S> {
        self.map_ref(|x| !x)
    }
}

impl<S: Dims> Array<bool, S> {
    /// Whether any element is `true`, like `a.any()`; `false` for an empty tensor.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1, 2], [3, 4]]);
    /// assert!(a.gt_scalar(3).any());
    /// assert!(!a.gt_scalar(4).any());
    /// ```
    #[must_use]
    pub fn any(&self) -> bool {
        self.iter().any(|&x| x)
    }

    /// Whether every element is `true`, like `a.all()`; `true` for an empty tensor.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1, 2], [3, 4]]);
    /// assert!(a.gt_scalar(0).all());
    /// assert!(!a.gt_scalar(1).all());
    /// ```
    #[must_use]
    pub fn all(&self) -> bool {
        self.iter().all(|&x| x)
    }

    /// Whether any element along axis `A` is `true`, keeping the axis, like
    /// `np.any(a, axis=A, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[true, false], [false, false]]);
    /// assert_eq!(m.any_axis::<0>(), Tensor::from([true, false]));
    /// assert_eq!(m.any_axis::<1>(), Tensor::from([[true], [false]]));
    /// ```
    #[must_use]
    pub fn any_axis<const A: usize>(&self) -> Array<bool, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        fold_bool_lanes(self.as_flat(), S::LANES, false, |acc, x| acc | x)
    }

    /// Whether every element along axis `A` is `true`, keeping the axis, like
    /// `np.all(a, axis=A, keepdims=True)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[true, false], [true, true]]);
    /// assert_eq!(m.all_axis::<0>(), Tensor::from([true, false]));
    /// assert_eq!(m.all_axis::<1>(), Tensor::from([[false], [true]]));
    /// ```
    #[must_use]
    pub fn all_axis<const A: usize>(&self) -> Array<bool, S::Kept>
    where
        S: ReduceAxis<A>,
    {
        fold_bool_lanes(self.as_flat(), S::LANES, true, |acc, x| acc & x)
    }

    /// Chooses, element by element, from `a` where the mask is `true` and from `b` where it is
    /// `false`, like NumPy's `np.where(mask, a, b)`. The mask and both tensors broadcast
    /// together (a `Tensor<T, 1, 1>` stands for a scalar); the result has the broadcast shape.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1, -2], [-3, 4]]);
    /// let relu = a.gt_scalar(0).if_else(&a, &Tensor::<i32, 2, 2>::zeros()); // np.where(a > 0, a, 0)
    /// assert_eq!(relu, Tensor::from([[1, 0], [0, 4]]));
    /// let rows = Tensor::from([[true], [false]]); // a column mask picks whole rows
    /// assert_eq!(rows.if_else(&a, &(-a)), Tensor::from([[1, -2], [3, -4]]));
    /// ```
    #[must_use]
    pub fn if_else<T: Copy, SA: Dims, SB: Dims>(
        &self,
        a: &Array<T, SA>,
        b: &Array<T, SB>,
    ) -> Array<T, <S::Output as BroadcastWith<SB>>::Output>
    where
        S: BroadcastWith<SA>,
        S::Output: BroadcastWith<SB>,
    {
        zip3_broadcast_map::<bool, T, T, T, S, SA, SB, _>(
            self.as_flat(),
            a.as_flat(),
            b.as_flat(),
            |m, x, y| if m { x } else { y },
        )
    }
}

impl<T: Copy + PartialEq + Default, S: Dims> Array<T, S> {
    /// The number of elements that are not zero (`true` for a mask), like
    /// `np.count_nonzero(a)`. `-0.0` counts as zero and NaN as nonzero, as in NumPy.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// assert_eq!(Tensor::from([[0, 1, 7], [0, 0, -2]]).count_nonzero(), 3);
    /// assert_eq!(Tensor::from([0.0, -0.0, f64::NAN]).count_nonzero(), 1);
    /// assert_eq!(Tensor::from([true, false, true]).count_nonzero(), 2);
    /// ```
    #[must_use]
    pub fn count_nonzero(&self) -> usize {
        let zero = T::default();
        self.iter().filter(|&&x| x != zero).count()
    }
}

/// Folds each lane `(outer, n, inner)` of the mask `a` from `init` with `f`.
fn fold_bool_lanes<K: Dims>(
    a: &[bool],
    (outer, n, inner): (usize, usize, usize),
    init: bool,
    f: impl Fn(bool, bool) -> bool,
) -> Array<bool, K> {
    debug_assert_eq!(K::SIZE, outer * inner);
    Array::from_flat_fn(|k| {
        let (o, i) = (k / inner, k % inner);
        (0..n).fold(init, |acc, j| f(acc, a[(o * n + j) * inner + i]))
    })
}
