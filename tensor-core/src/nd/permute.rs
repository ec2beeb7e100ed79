//! Axis permutation (NumPy's `np.transpose(a, axes)`) with the result shape in the type.

use crate::{Tensor3, Tensor4};

/// A permutation of the axes of a rank-3 tensor, as a type: `Axes3<2, 0, 1>` makes axis 2 the
/// first, as NumPy's `axes=(2, 0, 1)` does (an `H x W x C` image becomes `C x H x W`).
///
/// ```
/// use tensor_core::{Tensor3, nd::Axes3};
///
/// let hwc = Tensor3::<u8, 4, 5, 3>::zeros();
/// let chw = hwc.permute::<2, 0, 1>();
/// assert_eq!(chw.shape(), (3, 4, 5));
/// let _: Axes3<2, 0, 1>;
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Axes3<const A0: usize, const A1: usize, const A2: usize>;

/// A permutation of the axes of a rank-4 tensor, as a type: `Axes4<0, 3, 1, 2>` turns an
/// `N x H x W x C` batch into `N x C x H x W`.
///
/// ```
/// use tensor_core::Tensor4;
///
/// let nhwc = Tensor4::<u8, 2, 4, 5, 3>::zeros();
/// assert_eq!(nhwc.permute::<0, 3, 1, 2>().shape(), (2, 3, 4, 5));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Axes4<const A0: usize, const A1: usize, const A2: usize, const A3: usize>;

/// `Self` (an [`Axes3`]) is a permutation of `0, 1, 2`; `Output` is the permuted tensor type.
///
/// `permute` requires it; generic code names it to permute tensors of any shape.
///
/// ```
/// use tensor_core::{Tensor3, nd::{Axes3, Permute3}};
///
/// // HWC -> CHW for any image size
/// fn to_chw<const H: usize, const W: usize, const C: usize>(
///     img: &Tensor3<f32, H, W, C>,
/// ) -> <Axes3<2, 0, 1> as Permute3<f32, H, W, C>>::Output
/// where
///     Axes3<2, 0, 1>: Permute3<f32, H, W, C>,
/// {
///     img.permute::<2, 0, 1>()
/// }
/// assert_eq!(to_chw(&Tensor3::<f32, 4, 5, 3>::zeros()).shape(), (3, 4, 5));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor3;
///
/// let _ = Tensor3::<f32, 2, 3, 4>::zeros().permute::<0, 0, 1>(); // not a permutation
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a permutation of the axes of a rank-3 tensor",
    label = "name each axis 0, 1 and 2 exactly once"
)]
pub trait Permute3<T, const D0: usize, const D1: usize, const D2: usize> {
    /// The tensor with permuted axes.
    type Output;

    /// Moves the elements of `t` to their permuted positions.
    ///
    /// ```
    /// use tensor_core::{Tensor3, nd::{Axes3, Permute3}};
    ///
    /// let t = Tensor3::<i32, 1, 2, 3>::arange();
    /// let p = <Axes3<2, 1, 0> as Permute3<i32, 1, 2, 3>>::permute(&t);
    /// assert_eq!(p[(2, 1, 0)], t[(0, 1, 2)]);
    /// ```
    fn permute(t: &Tensor3<T, D0, D1, D2>) -> Self::Output;
}

/// `Self` (an [`Axes4`]) is a permutation of `0, 1, 2, 3`; `Output` is the permuted tensor.
///
/// `permute` requires it; generic code names it to permute tensors of any shape.
///
/// ```
/// use tensor_core::{Tensor4, nd::{Axes4, Permute4}};
///
/// // NHWC -> NCHW for any batch
/// fn to_nchw<const N: usize, const H: usize, const W: usize, const C: usize>(
///     batch: &Tensor4<u8, N, H, W, C>,
/// ) -> <Axes4<0, 3, 1, 2> as Permute4<u8, N, H, W, C>>::Output
/// where
///     Axes4<0, 3, 1, 2>: Permute4<u8, N, H, W, C>,
/// {
///     batch.permute::<0, 3, 1, 2>()
/// }
/// assert_eq!(to_nchw(&Tensor4::<u8, 2, 4, 5, 3>::zeros()).shape(), (2, 3, 4, 5));
/// ```
///
/// ```compile_fail,E0277
/// use tensor_core::Tensor4;
///
/// let _ = Tensor4::<u8, 1, 2, 3, 4>::zeros().permute::<0, 1, 2, 4>(); // axis 4 does not exist
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a permutation of the axes of a rank-4 tensor",
    label = "name each axis 0, 1, 2 and 3 exactly once"
)]
pub trait Permute4<T, const D0: usize, const D1: usize, const D2: usize, const D3: usize> {
    /// The tensor with permuted axes.
    type Output;

    /// Moves the elements of `t` to their permuted positions.
    ///
    /// ```
    /// use tensor_core::{Tensor4, nd::{Axes4, Permute4}};
    ///
    /// let t = Tensor4::<i32, 1, 2, 3, 4>::arange();
    /// let p = <Axes4<3, 2, 1, 0> as Permute4<i32, 1, 2, 3, 4>>::permute(&t);
    /// assert_eq!(p[(3, 2, 1, 0)], t[(0, 1, 2, 3)]);
    /// ```
    fn permute(t: &Tensor4<T, D0, D1, D2, D3>) -> Self::Output;
}

/// One impl per permutation: output axis `k` is input axis `A_k`, so the element at output
/// index `i` comes from the input index whose axis `A_k` is `i_k`.
macro_rules! permutations3 {
    ($(($a0:literal, $a1:literal, $a2:literal) => [$e0:ident, $e1:ident, $e2:ident];)+) => {$(
        impl<T: Copy, const D0: usize, const D1: usize, const D2: usize> Permute3<T, D0, D1, D2>
            for Axes3<$a0, $a1, $a2>
        {
            type Output = Tensor3<T, $e0, $e1, $e2>;

            fn permute(t: &Tensor3<T, D0, D1, D2>) -> Self::Output {
                Tensor3::from_fn(|i0, i1, i2| {
                    let mut src = [0; 3];
                    src[$a0] = i0;
                    src[$a1] = i1;
                    src[$a2] = i2;
                    t.data[src[0]][src[1]][src[2]]
                })
            }
        }
    )+};
}

macro_rules! permutations4 {
    ($(($a0:literal, $a1:literal, $a2:literal, $a3:literal) => [$e0:ident, $e1:ident, $e2:ident, $e3:ident];)+) => {$(
        impl<T: Copy, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
            Permute4<T, D0, D1, D2, D3> for Axes4<$a0, $a1, $a2, $a3>
        {
            type Output = Tensor4<T, $e0, $e1, $e2, $e3>;

            fn permute(t: &Tensor4<T, D0, D1, D2, D3>) -> Self::Output {
                Tensor4::from_fn(|i0, i1, i2, i3| {
                    let mut src = [0; 4];
                    src[$a0] = i0;
                    src[$a1] = i1;
                    src[$a2] = i2;
                    src[$a3] = i3;
                    t.data[src[0]][src[1]][src[2]][src[3]]
                })
            }
        }
    )+};
}

permutations3! {
    (0, 1, 2) => [D0, D1, D2];
    (0, 2, 1) => [D0, D2, D1];
    (1, 0, 2) => [D1, D0, D2];
    (1, 2, 0) => [D1, D2, D0];
    (2, 0, 1) => [D2, D0, D1];
    (2, 1, 0) => [D2, D1, D0];
}

permutations4! {
    (0, 1, 2, 3) => [D0, D1, D2, D3];
    (0, 1, 3, 2) => [D0, D1, D3, D2];
    (0, 2, 1, 3) => [D0, D2, D1, D3];
    (0, 2, 3, 1) => [D0, D2, D3, D1];
    (0, 3, 1, 2) => [D0, D3, D1, D2];
    (0, 3, 2, 1) => [D0, D3, D2, D1];
    (1, 0, 2, 3) => [D1, D0, D2, D3];
    (1, 0, 3, 2) => [D1, D0, D3, D2];
    (1, 2, 0, 3) => [D1, D2, D0, D3];
    (1, 2, 3, 0) => [D1, D2, D3, D0];
    (1, 3, 0, 2) => [D1, D3, D0, D2];
    (1, 3, 2, 0) => [D1, D3, D2, D0];
    (2, 0, 1, 3) => [D2, D0, D1, D3];
    (2, 0, 3, 1) => [D2, D0, D3, D1];
    (2, 1, 0, 3) => [D2, D1, D0, D3];
    (2, 1, 3, 0) => [D2, D1, D3, D0];
    (2, 3, 0, 1) => [D2, D3, D0, D1];
    (2, 3, 1, 0) => [D2, D3, D1, D0];
    (3, 0, 1, 2) => [D3, D0, D1, D2];
    (3, 0, 2, 1) => [D3, D0, D2, D1];
    (3, 1, 0, 2) => [D3, D1, D0, D2];
    (3, 1, 2, 0) => [D3, D1, D2, D0];
    (3, 2, 0, 1) => [D3, D2, D0, D1];
    (3, 2, 1, 0) => [D3, D2, D1, D0];
}

impl<T: Copy, const D0: usize, const D1: usize, const D2: usize> Tensor3<T, D0, D1, D2> {
    /// Reorders the axes, like NumPy's `np.transpose(a, (A0, A1, A2))`: axis `k` of the result
    /// is axis `Ak` of `self`. The result shape is in the type; anything but a permutation of
    /// `0, 1, 2` is a compile error.
    ///
    /// ```
    /// use tensor_core::Tensor3;
    ///
    /// let hwc = Tensor3::<i32, 2, 3, 4>::arange();
    /// let chw = hwc.permute::<2, 0, 1>(); // HWC -> CHW
    /// assert_eq!(chw.shape(), (4, 2, 3));
    /// assert_eq!(chw[(3, 1, 2)], hwc[(1, 2, 3)]);
    /// ```
    ///
    /// ```compile_fail
    /// use tensor_core::Tensor3;
    ///
    /// let _ = Tensor3::<i32, 2, 3, 4>::arange().permute::<0, 0, 1>();
    /// ```
    #[must_use]
    pub fn permute<const A0: usize, const A1: usize, const A2: usize>(
        self,
    ) -> <Axes3<A0, A1, A2> as Permute3<T, D0, D1, D2>>::Output
    where
        Axes3<A0, A1, A2>: Permute3<T, D0, D1, D2>,
    {
        Axes3::<A0, A1, A2>::permute(&self)
    }
}

impl<T: Copy, const D0: usize, const D1: usize, const D2: usize, const D3: usize>
    Tensor4<T, D0, D1, D2, D3>
{
    /// Reorders the axes, like NumPy's `np.transpose(a, (A0, A1, A2, A3))`: axis `k` of the
    /// result is axis `Ak` of `self` (NHWC -> NCHW is `permute::<0, 3, 1, 2>()`).
    ///
    /// ```
    /// use tensor_core::Tensor4;
    ///
    /// let nhwc = Tensor4::<i32, 2, 3, 4, 5>::arange();
    /// let nchw = nhwc.permute::<0, 3, 1, 2>();
    /// assert_eq!(nchw.shape(), (2, 5, 3, 4));
    /// assert_eq!(nchw[(1, 4, 2, 3)], nhwc[(1, 2, 3, 4)]);
    /// ```
    #[must_use]
    pub fn permute<const A0: usize, const A1: usize, const A2: usize, const A3: usize>(
        self,
    ) -> <Axes4<A0, A1, A2, A3> as Permute4<T, D0, D1, D2, D3>>::Output
    where
        Axes4<A0, A1, A2, A3>: Permute4<T, D0, D1, D2, D3>,
    {
        Axes4::<A0, A1, A2, A3>::permute(&self)
    }
}
