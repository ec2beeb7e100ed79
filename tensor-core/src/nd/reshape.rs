//! Reshapes within and across ranks, with the element count checked at compile time.

use crate::const_array::{rows, rows3, rows4};
use crate::shape::{ReshapeInto, Shape, Shape3, Shape4};
use crate::{Tensor, Tensor3, Tensor4, Vector};

/// Generates, for one source type, a reshape into each rank. `$same` names the method that
/// keeps the rank (`reshape`), the others are `reshape2`, `reshape3`, `reshape4`.
macro_rules! reshapes {
    (
        $src:ident<$($d:ident),+> as $shape:ty;
        $($method:ident -> $dst:ident<$($e:ident),+> as $dst_shape:ident by $rows:ident, $doc:literal;)+
    ) => {
        impl<T: Copy, $(const $d: usize),+> $src<T, $($d),+> {
            $(
                #[doc = $doc]
                ///
                /// The element count must match; a mismatch is a compile error naming both
                /// shapes. The elements keep their row-major order. A `const fn`.
                #[must_use]
                pub const fn $method<$(const $e: usize),+>(self) -> $dst<T, $($e),+>
                where
                    $shape: ReshapeInto<$dst_shape<$($e),+>>,
                {
                    $dst { data: $rows(self.as_flat()) }
                }
            )+
        }
    };
}

reshapes! {
    Tensor<R, C> as Shape<R, C>;
    reshape3 -> Tensor3<E0, E1, E2> as Shape3 by rows3,
        "Reshapes into rank 3, like `a.reshape(E0, E1, E2)`.\n\n```\nuse tensor_core::Tensor;\n\nlet t = Tensor::<i32, 6, 4>::arange().reshape3::<2, 3, 4>();\nassert_eq!(t[(1, 2, 3)], 23);\n\n// In `const` context too: a 3 x 3 x 2 filter bank stored as a matrix.\nstatic FILTERS: tensor_core::Tensor3<f32, 3, 3, 2> = Tensor::from_array([[0.5; 6]; 3]).reshape3();\nassert_eq!(FILTERS.as_array()[2][2], [0.5, 0.5]);\n```";
    reshape4 -> Tensor4<E0, E1, E2, E3> as Shape4 by rows4,
        "Reshapes into rank 4, like `a.reshape(E0, E1, E2, E3)`: for example a batch of\nflattened images `(N, H*W*C)` back into `(N, H, W, C)`.\n\n```\nuse tensor_core::Tensor;\n\nlet t = Tensor::<i32, 2, 12>::arange().reshape4::<2, 2, 3, 2>();\nassert_eq!(t[(1, 1, 2, 1)], 23);\n```";
}

reshapes! {
    Tensor3<D0, D1, D2> as Shape3<D0, D1, D2>;
    reshape -> Tensor3<E0, E1, E2> as Shape3 by rows3,
        "Reshapes into another rank-3 shape, like `a.reshape(E0, E1, E2)`.\n\n```\nuse tensor_core::Tensor3;\n\nlet t = Tensor3::<i32, 2, 3, 4>::arange().reshape::<4, 3, 2>();\nassert_eq!(t[(3, 2, 1)], 23);\n```";
    reshape2 -> Tensor<E0, E1> as Shape by rows,
        "Reshapes into a matrix, like `a.reshape(R, C)`: `(2, 3, 4) -> (6, 4)`, or an image\n`(28, 28, 1) -> (1, 784)`.\n\n```\nuse tensor_core::Tensor3;\n\nlet m = Tensor3::<i32, 2, 3, 4>::arange().reshape2::<6, 4>();\nassert_eq!(m[(5, 3)], 23);\n\nconst M: tensor_core::Tensor<u8, 2, 2> = Tensor3::from_array([[[1, 2]], [[3, 4]]]).reshape2();\nassert_eq!(M.as_array(), &[[1, 2], [3, 4]]);\n```\n\n```compile_fail\nuse tensor_core::Tensor3;\n\nlet m = Tensor3::<i32, 2, 3, 4>::arange().reshape2::<6, 5>(); // element counts differ\n```";
    reshape4 -> Tensor4<E0, E1, E2, E3> as Shape4 by rows4,
        "Reshapes into rank 4, like `a.reshape(E0, E1, E2, E3)`.\n\n```\nuse tensor_core::Tensor3;\n\nlet t = Tensor3::<i32, 28, 28, 1>::zeros().reshape4::<1, 28, 28, 1>();\nassert_eq!(t.shape(), (1, 28, 28, 1));\n```";
}

reshapes! {
    Tensor4<D0, D1, D2, D3> as Shape4<D0, D1, D2, D3>;
    reshape -> Tensor4<E0, E1, E2, E3> as Shape4 by rows4,
        "Reshapes into another rank-4 shape, like `a.reshape(E0, E1, E2, E3)`.\n\n```\nuse tensor_core::Tensor4;\n\nlet t = Tensor4::<i32, 2, 2, 3, 2>::arange().reshape::<2, 3, 2, 2>();\nassert_eq!(t[(1, 2, 1, 1)], 23);\n```";
    reshape2 -> Tensor<E0, E1> as Shape by rows,
        "Reshapes into a matrix, like `a.reshape(R, C)`: flattening a batch `(N, H, W, C)` into\n`(N, H*W*C)` for a dense layer.\n\n```\nuse tensor_core::Tensor4;\n\nlet batch = Tensor4::<f32, 8, 28, 28, 1>::zeros();\nlet x = batch.reshape2::<8, 784>();\nassert_eq!(x.shape(), (8, 784));\n```";
    reshape3 -> Tensor3<E0, E1, E2> as Shape3 by rows3,
        "Reshapes into rank 3, like `a.reshape(E0, E1, E2)`.\n\n```\nuse tensor_core::Tensor4;\n\nlet t = Tensor4::<i32, 2, 2, 3, 2>::arange().reshape3::<4, 3, 2>();\nassert_eq!(t[(3, 2, 1)], 23);\n```";
}

macro_rules! flatten {
    ($src:ident<$($d:ident),+> as $shape:ident, $doc:literal) => {
        impl<T: Copy, $(const $d: usize),+> $src<T, $($d),+> {
            #[doc = $doc]
            #[must_use]
            pub const fn flatten<const N: usize>(self) -> Vector<T, N>
            where
                $shape<$($d),+>: ReshapeInto<Shape<1, N>>,
            {
                self.reshape2()
            }
        }
    };
}

flatten!(
    Tensor3<D0, D1, D2> as Shape3,
    "All elements in row-major order as a row vector, like `a.flatten()`; the length is\nchecked at compile time.\n\n```\nuse tensor_core::{Tensor3, Vector};\n\nlet v: Vector<f32, 784> = Tensor3::<f32, 28, 28, 1>::zeros().flatten();\nassert_eq!(v.len(), 784);\n```"
);
flatten!(
    Tensor4<D0, D1, D2, D3> as Shape4,
    "All elements in row-major order as a row vector, like `a.flatten()`; the length is\nchecked at compile time.\n\n```\nuse tensor_core::{Tensor4, Vector};\n\nlet v: Vector<u8, 24> = Tensor4::<u8, 2, 2, 3, 2>::zeros().flatten();\nassert_eq!(v.len(), 24);\n```"
);
