//! Reductions of rank-3 and rank-4 tensors: over the whole tensor, along one axis keeping it
//! (NumPy's `keepdims=True`), and per channel (over every axis but the last), so the results
//! broadcast back: `(img - img.channel_mean()) / img.channel_std()` normalises the channels of
//! an image.
//!
//! Naming follows `Tensor`'s: `sum_axis1` reduces axis 1 to size 1, like
//! `np.sum(a, axis=1, keepdims=True)`. Sums combine their elements in an unspecified order,
//! and integer overflow behaves as for `Tensor` (see `ops::reduce`). `mean`, `var`, `std` and
//! `norm` are for float tensors, with `ddof = 0` (NumPy's default) for the axis forms.

use num_traits::Float;

use super::reduce::empty;
use crate::kernels::reduce::{
    first_of_lanes, fold, fold_axis, max_nan, mean, mean_lanes, min_nan, norm, prod, std, sum,
    sum_lanes, var, var_lanes,
};
use crate::{Element, Tensor3, Tensor4};

/// The whole-tensor reductions for one tensor type, with `$ex` an example shape.
macro_rules! whole_reductions {
    ($($Ten:ident [$($d:ident),+] $ex:literal;)+) => {$(
        impl<T: Element, $(const $d: usize),+> $Ten<T, $($d),+> {
            /// The sum of all elements, like `a.sum()`; 0 for an empty tensor.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<i32, ", $ex, ">::arange();")]
            /// assert_eq!(t.sum(), t.iter().sum::<i32>());
            /// ```
            #[must_use]
            pub fn sum(&self) -> T {
                sum(self.as_flat())
            }

            /// The product of all elements, like `a.prod()`; 1 for an empty tensor.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<i64, ", $ex, ">::full(2);")]
            /// assert_eq!(t.prod(), 1 << t.size());
            /// ```
            #[must_use]
            pub fn prod(&self) -> T {
                prod(self.as_flat())
            }

            /// The largest element, like `a.max()`: NaN if any element is NaN.
            ///
            /// # Panics
            ///
            /// If the tensor is empty (NumPy raises `ValueError`).
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<i32, ", $ex, ">::arange();")]
            /// assert_eq!(t.max() as usize, t.size() - 1);
            /// ```
            #[must_use]
            #[track_caller]
            pub fn max(&self) -> T {
                let Some(&first) = self.as_flat().first() else {
                    empty("max", Self::SHAPE)
                };
                fold(self.as_flat(), first, |x| x, max_nan)
            }

            /// The smallest element, like `a.min()`: NaN if any element is NaN.
            ///
            /// # Panics
            ///
            /// If the tensor is empty (NumPy raises `ValueError`).
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<i32, ", $ex, ">::arange();")]
            /// assert_eq!(t.min(), 0);
            /// ```
            #[must_use]
            #[track_caller]
            pub fn min(&self) -> T {
                let Some(&first) = self.as_flat().first() else {
                    empty("min", Self::SHAPE)
                };
                fold(self.as_flat(), first, |x| x, min_nan)
            }
        }

        impl<T: Element + Float, $(const $d: usize),+> $Ten<T, $($d),+> {
            /// The arithmetic mean of all elements, like `a.mean()`; NaN for an empty tensor.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<f64, ", $ex, ">::arange();")]
            /// assert_eq!(t.mean(), (t.size() - 1) as f64 / 2.0);
            /// ```
            #[must_use]
            pub fn mean(&self) -> T {
                mean(self.as_flat())
            }

            /// The variance of all elements with `ddof = 0`, like `a.var()`.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($Ten), "::<f64, ", $ex, ">::full(3.0).var(), 0.0);")]
            /// ```
            #[must_use]
            pub fn var(&self) -> T {
                var(self.as_flat(), 0)
            }

            /// The variance with `ddof` delta degrees of freedom, like `a.var(ddof=ddof)`
            /// (`inf` or NaN when `ddof >= n`, as in NumPy).
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<f64, ", $ex, ">::arange();")]
            /// let n = t.size() as f64;
            /// assert!((t.var_ddof(1) - t.var() * n / (n - 1.0)).abs() < 1e-12);
            /// ```
            #[must_use]
            pub fn var_ddof(&self, ddof: usize) -> T {
                var(self.as_flat(), ddof)
            }

            /// The standard deviation of all elements with `ddof = 0`, like `a.std()`.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<f64, ", $ex, ">::arange();")]
            /// assert_eq!(t.std(), t.var().sqrt());
            /// ```
            #[must_use]
            pub fn std(&self) -> T {
                std(self.as_flat(), 0)
            }

            /// The standard deviation with `ddof` delta degrees of freedom, like
            /// `a.std(ddof=ddof)`.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<f64, ", $ex, ">::arange();")]
            /// assert_eq!(t.std_ddof(1), t.var_ddof(1).sqrt());
            /// ```
            #[must_use]
            pub fn std_ddof(&self, ddof: usize) -> T {
                std(self.as_flat(), ddof)
            }

            /// The L2 norm of all elements, `sqrt(sum(x²))`, like `np.linalg.norm(a.ravel())`.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<f64, ", $ex, ">::full(2.0);")]
            /// assert_eq!(t.norm(), (4.0 * t.size() as f64).sqrt());
            /// ```
            #[must_use]
            pub fn norm(&self) -> T {
                norm(self.as_flat())
            }
        }
    )+};
}

whole_reductions! {
    Tensor3 [D0, D1, D2] "2, 3, 4";
    Tensor4 [D0, D1, D2, D3] "2, 2, 3, 2";
}

/// The reductions along one axis (or a run of leading axes) for one tensor type. Each group
/// names its six methods, says what it reduces (`$what`, NumPy's `$np`), gives the result
/// shape and the reduced lanes as `(outer, n, inner)`: the input seen as an
/// `outer x n x inner` array reduced over its middle axis.
macro_rules! axis_reductions {
    ($Ten:ident $dims:tt $ex:literal; $($group:tt)+) => {$(
        axis_reductions!(@group $Ten $dims $ex; $group);
    )+};
    (@extremum $self:ident, $name:ident, $Out:ty, $lanes:expr, $pick:expr) => {{
        let lanes = $lanes;
        let mut out = <$Out>::full(T::zero());
        if lanes.1 == 0 {
            if !out.is_empty() {
                empty(stringify!($name), Self::SHAPE);
            }
            return out;
        }
        first_of_lanes($self.as_flat(), lanes, out.as_flat_mut());
        let first = out;
        fold_axis($self.as_flat(), lanes, out.as_flat_mut(), first.as_flat(), |x, _| x, $pick);
        out
    }};
    (@group $Ten:ident [$($d:ident),+] $ex:literal; {
        [$sum:ident, $mean:ident, $var:ident, $std:ident, $max:ident, $min:ident]
        $what:literal, $np:literal => [$($o:tt),+] ($outer:expr, $n:expr, $inner:expr), $ex_out:literal
    }) => {
        impl<T: Element, $(const $d: usize),+> $Ten<T, $($d),+> {
            #[doc = concat!("The sum ", $what, ", like `np.sum(a, ", $np, ", keepdims=True)`.")]
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<i32, ", $ex, ">::arange();")]
            #[doc = concat!("let s = t.", stringify!($sum), "();")]
            #[doc = concat!("assert_eq!(s.shape(), (", $ex_out, "));")]
            /// assert_eq!(s.sum(), t.sum());
            /// ```
            #[must_use]
            pub fn $sum(&self) -> $Ten<T, $($o),+> {
                let mut out = $Ten::<T, $($o),+>::full(T::zero());
                sum_lanes(self.as_flat(), ($outer, $n, $inner), out.as_flat_mut());
                out
            }

            #[doc = concat!("The largest element ", $what, ", like `np.max(a, ", $np, ", keepdims=True)`:")]
            /// NaN if any element of a lane is NaN.
            ///
            /// # Panics
            ///
            /// If the reduced axes are empty (and the result is not), as NumPy raises `ValueError`.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<i32, ", $ex, ">::arange();")]
            #[doc = concat!("let m = t.", stringify!($max), "();")]
            #[doc = concat!("assert_eq!(m.shape(), (", $ex_out, "));")]
            /// assert_eq!(m.max(), t.max());
            /// ```
            #[must_use]
            #[track_caller]
            pub fn $max(&self) -> $Ten<T, $($o),+> {
                axis_reductions!(@extremum self, $max, $Ten<T, $($o),+>, ($outer, $n, $inner), max_nan)
            }

            #[doc = concat!("The smallest element ", $what, ", like `np.min(a, ", $np, ", keepdims=True)`:")]
            /// NaN if any element of a lane is NaN.
            ///
            /// # Panics
            ///
            /// If the reduced axes are empty (and the result is not), as NumPy raises `ValueError`.
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<i32, ", $ex, ">::arange();")]
            #[doc = concat!("let m = t.", stringify!($min), "();")]
            #[doc = concat!("assert_eq!(m.shape(), (", $ex_out, "));")]
            /// assert_eq!(m.min(), 0);
            /// ```
            #[must_use]
            #[track_caller]
            pub fn $min(&self) -> $Ten<T, $($o),+> {
                axis_reductions!(@extremum self, $min, $Ten<T, $($o),+>, ($outer, $n, $inner), min_nan)
            }
        }

        impl<T: Element + Float, $(const $d: usize),+> $Ten<T, $($d),+> {
            #[doc = concat!("The mean ", $what, ", like `np.mean(a, ", $np, ", keepdims=True)`.")]
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<f64, ", $ex, ">::arange();")]
            #[doc = concat!("let m = t.", stringify!($mean), "();")]
            #[doc = concat!("assert_eq!(m.shape(), (", $ex_out, "));")]
            /// assert_eq!(m.mean(), t.mean());
            /// ```
            #[must_use]
            pub fn $mean(&self) -> $Ten<T, $($o),+> {
                let mut out = $Ten::<T, $($o),+>::full(T::zero());
                mean_lanes(self.as_flat(), ($outer, $n, $inner), out.as_flat_mut());
                out
            }

            #[doc = concat!("The variance ", $what, " (`ddof = 0`), like `np.var(a, ", $np, ", keepdims=True)`.")]
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let v = ", stringify!($Ten), "::<f64, ", $ex, ">::full(2.5).", stringify!($var), "();")]
            #[doc = concat!("assert_eq!(v.shape(), (", $ex_out, "));")]
            /// assert!(v.iter().all(|&x| x == 0.0));
            /// ```
            #[must_use]
            pub fn $var(&self) -> $Ten<T, $($o),+> {
                let mut out = $Ten::<T, $($o),+>::full(T::zero());
                var_lanes(self.as_flat(), ($outer, $n, $inner), 0, false, out.as_flat_mut());
                out
            }

            #[doc = concat!("The standard deviation ", $what, " (`ddof = 0`), like `np.std(a, ", $np, ", keepdims=True)`.")]
            ///
            /// ```
            #[doc = concat!("use tensor_core::", stringify!($Ten), ";")]
            ///
            #[doc = concat!("let t = ", stringify!($Ten), "::<f64, ", $ex, ">::arange();")]
            #[doc = concat!("assert_eq!(t.", stringify!($std), "(), t.", stringify!($var), "().sqrt());")]
            /// ```
            #[must_use]
            pub fn $std(&self) -> $Ten<T, $($o),+> {
                let mut out = $Ten::<T, $($o),+>::full(T::zero());
                var_lanes(self.as_flat(), ($outer, $n, $inner), 0, true, out.as_flat_mut());
                out
            }
        }
    };
}

axis_reductions! {
    Tensor3 [D0, D1, D2] "2, 3, 4";
    {
        [sum_axis0, mean_axis0, var_axis0, std_axis0, max_axis0, min_axis0]
        "along axis 0", "axis=0" => [1, D1, D2] (1, D0, D1 * D2), "1, 3, 4"
    }
    {
        [sum_axis1, mean_axis1, var_axis1, std_axis1, max_axis1, min_axis1]
        "along axis 1", "axis=1" => [D0, 1, D2] (D0, D1, D2), "2, 1, 4"
    }
    {
        [sum_axis2, mean_axis2, var_axis2, std_axis2, max_axis2, min_axis2]
        "along axis 2 (over the channels of an image)", "axis=2" => [D0, D1, 1] (D0 * D1, D2, 1), "2, 3, 1"
    }
    {
        [channel_sum, channel_mean, channel_var, channel_std, channel_max, channel_min]
        "of each channel (over axes 0 and 1: every pixel of an image)", "axis=(0, 1)"
            => [1, 1, D2] (1, D0 * D1, D2), "1, 1, 4"
    }
}

axis_reductions! {
    Tensor4 [D0, D1, D2, D3] "2, 2, 3, 2";
    {
        [sum_axis0, mean_axis0, var_axis0, std_axis0, max_axis0, min_axis0]
        "along axis 0 (over the images of a batch)", "axis=0" => [1, D1, D2, D3] (1, D0, D1 * D2 * D3), "1, 2, 3, 2"
    }
    {
        [sum_axis1, mean_axis1, var_axis1, std_axis1, max_axis1, min_axis1]
        "along axis 1", "axis=1" => [D0, 1, D2, D3] (D0, D1, D2 * D3), "2, 1, 3, 2"
    }
    {
        [sum_axis2, mean_axis2, var_axis2, std_axis2, max_axis2, min_axis2]
        "along axis 2", "axis=2" => [D0, D1, 1, D3] (D0 * D1, D2, D3), "2, 2, 1, 2"
    }
    {
        [sum_axis3, mean_axis3, var_axis3, std_axis3, max_axis3, min_axis3]
        "along axis 3 (over the channels of each image)", "axis=3" => [D0, D1, D2, 1] (D0 * D1 * D2, D3, 1), "2, 2, 3, 1"
    }
    {
        [channel_sum, channel_mean, channel_var, channel_std, channel_max, channel_min]
        "of each channel (over axes 0, 1 and 2: every pixel of every image)", "axis=(0, 1, 2)"
            => [1, 1, 1, D3] (1, D0 * D1 * D2, D3), "1, 1, 1, 2"
    }
}
