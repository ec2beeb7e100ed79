//! The rank-3 and rank-4 tensor types and what they share with `Tensor`.

use core::fmt;
use core::ops::{Index, IndexMut};

use num_traits::FromPrimitive;

use crate::Element;

/// Generates a rank-N tensor type: storage, shape constants, constructors, conversions,
/// indexing, iteration, mapping and formatting. `$dims` are the const parameters from outer
/// to inner axis, `$idx` one index name per axis.
macro_rules! nd_tensor {
    (
        $(#[$meta:meta])*
        $name:ident, $rank:literal, [$($dims:ident),+], [$($idx:ident),+], $array:ty, $index:ty,
        $example_shape:literal, $from_fn_doc:literal
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(transparent)]
        pub struct $name<T, $(const $dims: usize),+> {
            pub(crate) data: $array,
        }

        impl<T, $(const $dims: usize),+> $name<T, $($dims),+> {
            /// The shape, like NumPy's `a.shape`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nassert_eq!(", stringify!($name), "::<f32, ", $example_shape, ">::SHAPE, (", $example_shape, "));\n```")]
            pub const SHAPE: ($(nd_tensor!(@usize $dims)),+) = ($($dims),+);
            /// The number of axes, like NumPy's `a.ndim`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nassert_eq!(", stringify!($name), "::<f32, ", $example_shape, ">::NDIM, ", $rank, ");\n```")]
            pub const NDIM: usize = $rank;
            /// The number of elements, like NumPy's `a.size`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<f32, ", $example_shape, ">::zeros();\nassert_eq!(", stringify!($name), "::<f32, ", $example_shape, ">::SIZE, t.as_flat().len());\n```")]
            pub const SIZE: usize = 1 $(* $dims)+;

            /// Wraps a nested row-major array.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::zeros();\nassert_eq!(", stringify!($name), "::from_array(t.into_array()), t);\n```")]
            #[must_use]
            pub const fn from_array(data: $array) -> Self {
                Self { data }
            }

            /// Unwraps the nested row-major array.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::ones();\nassert_eq!(t.into_array().as_flattened().len() > 0, true);\n```")]
            #[must_use]
            pub fn into_array(self) -> $array {
                self.data
            }

            /// A reference to the nested row-major array.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::ones();\nassert_eq!(t.as_array()[0], t.into_array()[0]);\n```")]
            #[must_use]
            pub const fn as_array(&self) -> &$array {
                &self.data
            }

            /// The shape, like NumPy's `a.shape`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::zeros();\nassert_eq!(t.shape(), (", $example_shape, "));\n```")]
            #[must_use]
            pub const fn shape(&self) -> ($(nd_tensor!(@usize $dims)),+) {
                ($($dims),+)
            }

            /// The number of axes, like NumPy's `a.ndim`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nassert_eq!(", stringify!($name), "::<i32, ", $example_shape, ">::zeros().ndim(), ", stringify!($rank), ");\n```")]
            #[must_use]
            pub const fn ndim(&self) -> usize {
                $rank
            }

            /// The number of elements, like NumPy's `a.size`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::zeros();\nassert_eq!(t.size(), t.iter().count());\n```")]
            #[must_use]
            pub const fn size(&self) -> usize {
                Self::SIZE
            }

            /// The number of elements (the same as `size`).
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::zeros();\nassert_eq!(t.len(), t.size());\n```")]
            #[must_use]
            pub const fn len(&self) -> usize {
                Self::SIZE
            }

            /// Whether the tensor has no elements.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nassert!(!", stringify!($name), "::<i32, ", $example_shape, ">::zeros().is_empty());\n```")]
            #[must_use]
            pub const fn is_empty(&self) -> bool {
                Self::SIZE == 0
            }

            /// The elements in row-major order, as one slice.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<u32, ", $example_shape, ">::arange();\nassert_eq!(t.as_flat()[3], 3);\n```")]
            #[must_use]
            pub const fn as_flat(&self) -> &[T] {
                nd_tensor!(@flatten self.data, $($dims)+)
            }

            /// The elements in row-major order, as one mutable slice.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet mut t = ", stringify!($name), "::<u32, ", $example_shape, ">::zeros();\nt.as_flat_mut()[0] = 7;\nassert_eq!(t.as_flat()[0], 7);\n```")]
            #[must_use]
            pub fn as_flat_mut(&mut self) -> &mut [T] {
                nd_tensor!(@flatten_mut self.data, $($dims)+)
            }

            /// Builds a tensor from a function of the index, one argument per axis.
            #[doc = $from_fn_doc]
            #[must_use]
            pub fn from_fn(mut f: impl FnMut($(nd_tensor!(@usize $idx)),+) -> T) -> Self {
                nd_tensor!(@from_fn f, [], $($idx)+)
            }

            /// Builds a tensor from a function of the row-major position.
            pub(crate) fn from_flat_fn(mut f: impl FnMut(usize) -> T) -> Self {
                let mut k = 0;
                Self::from_fn(|$($idx),+| {
                    $(let _ = $idx;)+
                    k += 1;
                    f(k - 1)
                })
            }

            /// The element at `index`, or `None` when it is out of bounds.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::ones();\nassert_eq!(t.get(t.shape()), None);\nassert_eq!(t.as_flat().first(), t.get(Default::default()));\n```")]
            #[must_use]
            pub fn get(&self, index: $index) -> Option<&T> {
                Self::flat_index(index).map(|k| &self.as_flat()[k])
            }

            /// The element at `index` mutably, or `None` when it is out of bounds.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet mut t = ", stringify!($name), "::<i32, ", $example_shape, ">::ones();\nassert!(t.get_mut(t.shape()).is_none());\n```")]
            #[must_use]
            pub fn get_mut(&mut self, index: $index) -> Option<&mut T> {
                Self::flat_index(index).map(|k| &mut self.as_flat_mut()[k])
            }

            fn flat_index(($($idx),+): $index) -> Option<usize> {
                let mut k = 0;
                $(
                    if $idx >= $dims {
                        return None;
                    }
                    k = k * $dims + $idx;
                )+
                Some(k)
            }

            /// An iterator over the elements in row-major order.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::ones();\nassert_eq!(t.iter().sum::<i32>() as usize, t.size());\n```")]
            pub fn iter(&self) -> core::slice::Iter<'_, T> {
                self.as_flat().iter()
            }

            /// A mutable iterator over the elements in row-major order.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet mut t = ", stringify!($name), "::<i32, ", $example_shape, ">::ones();\nt.iter_mut().for_each(|x| *x = 2);\nassert!(t.iter().all(|&x| x == 2));\n```")]
            pub fn iter_mut(&mut self) -> core::slice::IterMut<'_, T> {
                self.as_flat_mut().iter_mut()
            }
        }

        impl<T: Copy, $(const $dims: usize),+> $name<T, $($dims),+> {
            /// Applies `f` to every element, keeping the shape.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i32, ", $example_shape, ">::ones().map(|x| x as f64 * 0.5);\nassert!(t.iter().all(|&x| x == 0.5));\n```")]
            #[must_use]
            pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> $name<U, $($dims),+> {
                let flat = self.as_flat();
                $name::from_flat_fn(|k| f(flat[k]))
            }

            /// Combines two tensors of the same shape element by element.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet a = ", stringify!($name), "::<i32, ", $example_shape, ">::arange();\nlet b = a.zip_map(a, |x, y| x + y);\nassert_eq!(b.as_flat()[2], 4);\n```")]
            #[must_use]
            pub fn zip_map<U: Copy, V>(
                self,
                other: $name<U, $($dims),+>,
                mut f: impl FnMut(T, U) -> V,
            ) -> $name<V, $($dims),+> {
                let (a, b) = (self.as_flat(), other.as_flat());
                $name::from_flat_fn(|k| f(a[k], b[k]))
            }
        }

        impl<T: Element, $(const $dims: usize),+> $name<T, $($dims),+> {
            /// A tensor with every element equal to `value`, like `np.full`. A `const fn`, as
            /// are `zeros` and `ones`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<f32, ", $example_shape, ">::full(0.5);\nassert!(t.iter().all(|&x| x == 0.5));\n\nstatic HALF: ", stringify!($name), "<f32, ", $example_shape, "> = ", stringify!($name), "::full(0.5);\nassert_eq!(HALF, t);\n```")]
            #[must_use]
            pub const fn full(value: T) -> Self {
                Self { data: nd_tensor!(@repeat value, $($dims)+) }
            }

            /// A tensor of zeros, like `np.zeros`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nassert!(", stringify!($name), "::<f32, ", $example_shape, ">::zeros().iter().all(|&x| x == 0.0));\n\nconst Z: ", stringify!($name), "<i8, ", $example_shape, "> = ", stringify!($name), "::zeros();\nconst FIRST: i8 = Z.as_flat()[0];\nassert_eq!(FIRST, 0);\n```")]
            #[must_use]
            pub const fn zeros() -> Self {
                Self::full(T::ZERO)
            }

            /// A tensor of ones, like `np.ones`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nassert!(", stringify!($name), "::<f32, ", $example_shape, ">::ones().iter().all(|&x| x == 1.0));\n\nstatic ONES: ", stringify!($name), "<u8, ", $example_shape, "> = ", stringify!($name), "::ones();\nassert_eq!(ONES.iter().map(|&x| usize::from(x)).sum::<usize>(), ONES.size());\n```")]
            #[must_use]
            pub const fn ones() -> Self {
                Self::full(T::ONE)
            }

            /// `0, 1, 2, ...` in row-major order, like `np.arange(size).reshape(shape)`.
            ///
            /// # Panics
            ///
            /// If the largest value does not fit in `T`.
            #[doc = concat!("\n```\nuse tensor_core::", stringify!($name), ";\n\nlet t = ", stringify!($name), "::<i64, ", $example_shape, ">::arange();\nassert!(t.iter().enumerate().all(|(k, &x)| x == k as i64));\n```")]
            #[must_use]
            pub fn arange() -> Self
            where
                T: FromPrimitive,
            {
                Self::from_flat_fn(|k| {
                    T::from_usize(k).unwrap_or_else(|| {
                        panic!("arange: value {k} does not fit in the element type of a tensor of shape {:?}", Self::SHAPE)
                    })
                })
            }
        }

        impl<T: Element, $(const $dims: usize),+> Default for $name<T, $($dims),+> {
            fn default() -> Self {
                Self::full(T::default())
            }
        }

        impl<T, $(const $dims: usize),+> From<$array> for $name<T, $($dims),+> {
            fn from(data: $array) -> Self {
                Self { data }
            }
        }

        impl<T, $(const $dims: usize),+> From<$name<T, $($dims),+>> for $array {
            fn from(t: $name<T, $($dims),+>) -> Self {
                t.data
            }
        }

        impl<T, $(const $dims: usize),+> Index<$index> for $name<T, $($dims),+> {
            type Output = T;

            /// # Panics
            ///
            /// If the index is out of bounds; the message names the index and the shape.
            #[track_caller]
            fn index(&self, index: $index) -> &T {
                match Self::flat_index(index) {
                    Some(k) => &self.as_flat()[k],
                    None => panic!("index {index:?} is out of bounds for a tensor of shape {:?}", Self::SHAPE),
                }
            }
        }

        impl<T, $(const $dims: usize),+> IndexMut<$index> for $name<T, $($dims),+> {
            /// # Panics
            ///
            /// If the index is out of bounds; the message names the index and the shape.
            #[track_caller]
            fn index_mut(&mut self, index: $index) -> &mut T {
                match Self::flat_index(index) {
                    Some(k) => &mut self.as_flat_mut()[k],
                    None => panic!("index {index:?} is out of bounds for a tensor of shape {:?}", Self::SHAPE),
                }
            }
        }

        impl<'a, T, $(const $dims: usize),+> IntoIterator for &'a $name<T, $($dims),+> {
            type Item = &'a T;
            type IntoIter = core::slice::Iter<'a, T>;

            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }

        impl<'a, T, $(const $dims: usize),+> IntoIterator for &'a mut $name<T, $($dims),+> {
            type Item = &'a mut T;
            type IntoIter = core::slice::IterMut<'a, T>;

            fn into_iter(self) -> Self::IntoIter {
                self.iter_mut()
            }
        }

        impl<T: Element, $(const $dims: usize),+> fmt::Display for $name<T, $($dims),+> {
            /// Prints like NumPy's `print(a)`: nested blocks separated by blank lines.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                crate::fmt::write_array(f, self.as_flat(), &[$($dims),+])
            }
        }

        impl<T: fmt::Debug, $(const $dims: usize),+> fmt::Debug for $name<T, $($dims),+> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{:?}", stringify!($name), Self::SHAPE)?;
                f.debug_list().entries(self.data.iter()).finish()
            }
        }
    };
    (@usize $x:tt) => { usize };
    (@repeat $v:expr, $d0:ident $($rest:ident)*) => { [nd_tensor!(@repeat $v, $($rest)*); $d0] };
    (@repeat $v:expr, ) => { $v };
    (@flatten $e:expr, $d0:ident $d1:ident $d2:ident) => { $e.as_flattened().as_flattened() };
    (@flatten $e:expr, $d0:ident $d1:ident $d2:ident $d3:ident) => {
        $e.as_flattened().as_flattened().as_flattened()
    };
    (@flatten_mut $e:expr, $d0:ident $d1:ident $d2:ident) => {
        $e.as_flattened_mut().as_flattened_mut()
    };
    (@flatten_mut $e:expr, $d0:ident $d1:ident $d2:ident $d3:ident) => {
        $e.as_flattened_mut().as_flattened_mut().as_flattened_mut()
    };
    (@from_fn $f:ident, [$($done:ident)*], $i:ident $($rest:ident)*) => {
        Self::from_array(core::array::from_fn(|$i| nd_tensor!(@nested $f, [$($done)* $i], $($rest)*)))
    };
    (@nested $f:ident, [$($done:ident)*], $i:ident $($rest:ident)*) => {
        core::array::from_fn(|$i| nd_tensor!(@nested $f, [$($done)* $i], $($rest)*))
    };
    (@nested $f:ident, [$($done:ident)*], ) => { $f($($done),*) };
}

nd_tensor! {
    /// A rank-3 tensor of shape `D0 x D1 x D2`, stored inline and row-major: an image as
    /// height x width x channels, like a NumPy array of shape `(H, W, C)`.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let img = Tensor3::<f32, 4, 4, 3>::zeros();
    /// assert_eq!(img.shape(), (4, 4, 3));
    /// assert_eq!(img[(3, 0, 2)], 0.0);
    /// ```
    Tensor3, 3, [D0, D1, D2], [i, j, k], [[[T; D2]; D1]; D0], (usize, usize, usize), "2, 3, 4",
    "\n```\nuse tensor_core::Tensor3;\n\nlet t = Tensor3::<usize, 2, 3, 4>::from_fn(|i, j, k| 100 * i + 10 * j + k);\nassert_eq!(t[(1, 2, 3)], 123);\nassert_eq!(t.as_flat()[..5], [0, 1, 2, 3, 10]);\n```"
}

nd_tensor! {
    /// A rank-4 tensor of shape `D0 x D1 x D2 x D3`, stored inline and row-major: a batch of
    /// images as N x height x width x channels, like a NumPy array of shape `(N, H, W, C)`.
    ///
    /// ```
    /// use tensor_core::Tensor4;
    ///
    /// let batch = Tensor4::<u8, 2, 28, 28, 1>::zeros();
    /// assert_eq!(batch.shape(), (2, 28, 28, 1));
    /// ```
    Tensor4, 4, [D0, D1, D2, D3], [n, i, j, k], [[[[T; D3]; D2]; D1]; D0],
    (usize, usize, usize, usize), "2, 2, 3, 2",
    "\n```\nuse tensor_core::Tensor4;\n\nlet t = Tensor4::<usize, 2, 2, 3, 2>::from_fn(|n, i, j, k| 1000 * n + 100 * i + 10 * j + k);\nassert_eq!(t[(1, 1, 2, 1)], 1121);\nassert_eq!(t.as_flat()[..3], [0, 1, 10]);\n```"
}
