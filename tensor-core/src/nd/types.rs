//! The rank-3 and rank-4 tensor types and what they share with `Tensor`.

use crate::Array;
use crate::shape::Const;

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
        pub type $name<T, $(const $dims: usize),+> = Array<T, ($(Const<$dims>,)+)>;

        impl<T, $(const $dims: usize),+> $name<T, $($dims),+> {

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

            /// Builds a tensor from a function of the index, one argument per axis.
            #[doc = $from_fn_doc]
            #[must_use]
            pub fn from_fn(mut f: impl FnMut($(nd_tensor!(@usize $idx)),+) -> T) -> Self {
                nd_tensor!(@from_fn f, [], $($idx)+)
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
    };
    (@usize $x:tt) => { usize };
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
