//! Elementwise math for [`DynArray`], through the static tensors' kernels (the vectorized
//! `exp`, `ln`, `tanh` and `sigmoid` of `f32` and `f64`, with their accuracy; see
//! `Array::exp`).

use core::ops::Mul;

use num_traits::{Float, Signed};

use crate::kernels::elementwise::{unary_assign, unary_simd};
use crate::kernels::reduce::{max_nan, min_nan};
use crate::kernels::simd::Unary;
use crate::ops::{log_softmax_lanes, softmax_lanes};
use crate::shape::Dims;
use crate::{DynArray, Element};

impl<T: Copy, S: Dims> DynArray<T, S> {
    /// A copy with `f` applied to every element, in place on the copy.
    fn map_in_place(&self, f: impl Fn(T) -> T) -> Self {
        let mut out = self.clone();
        unary_assign(out.as_flat_mut(), f);
        out
    }

    /// `f` of every element (`f` computes `op`) through the vectorized kernel of `op`, into
    /// fresh storage that is not filled first.
    fn map_vectorized(&self, op: Unary, f: impl Fn(T) -> T) -> Self
    where
        T: Float,
    {
        let x = self.as_flat();
        // SAFETY: `unary_simd` writes every element of `out`, which has `x`'s length.
        unsafe { DynArray::from_flat_uninit(self.nrows(), |out| unary_simd(x, out, op, f)) }
    }

    /// `e` raised to each element, like `np.exp(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 2>::zeros(3).exp().as_flat(), &[1.0; 6]);
    /// ```
    #[must_use]
    pub fn exp(&self) -> Self
    where
        T: Float,
    {
        self.map_vectorized(Unary::Exp, |x| x.exp())
    }

    /// The natural logarithm of each element, like `np.log(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 2>::ones(3).ln().as_flat(), &[0.0; 6]);
    /// ```
    #[must_use]
    pub fn ln(&self) -> Self
    where
        T: Float,
    {
        self.map_vectorized(Unary::Ln, |x| x.ln())
    }

    /// The hyperbolic tangent of each element, like `np.tanh(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f32, 2>::zeros(3).tanh().as_flat(), &[0.0; 6]);
    /// ```
    #[must_use]
    pub fn tanh(&self) -> Self
    where
        T: Float,
    {
        self.map_vectorized(Unary::Tanh, |x| x.tanh())
    }

    /// The logistic function `1 / (1 + e^-x)` of each element.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f32, 2>::zeros(3).sigmoid().as_flat(), &[0.5; 6]);
    /// ```
    #[must_use]
    pub fn sigmoid(&self) -> Self
    where
        T: Float,
    {
        self.map_vectorized(Unary::Sigmoid, |x| T::one() / (T::one() + (-x).exp()))
    }

    /// The square root of each element, like `np.sqrt(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::full(2, 9.0).sqrt().as_flat(), &[3.0, 3.0]);
    /// ```
    #[must_use]
    pub fn sqrt(&self) -> Self
    where
        T: Float,
    {
        self.map_in_place(|x| x.sqrt())
    }

    /// Each element to the integer power `n`, like `a ** n`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::full(2, 2.0).powi(3).as_flat(), &[8.0, 8.0]);
    /// ```
    #[must_use]
    pub fn powi(&self, n: i32) -> Self
    where
        T: Float,
    {
        self.map_in_place(|x| x.powi(n))
    }

    /// The square of each element, like `np.square(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<i32, 1>::full(2, -3).square().as_flat(), &[9, 9]);
    /// ```
    #[must_use]
    pub fn square(&self) -> Self
    where
        T: Mul<Output = T>,
    {
        self.map_in_place(|x| x * x)
    }

    /// The absolute value of each element, like `np.abs(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<i32, 1>::full(2, -3).abs().as_flat(), &[3, 3]);
    /// ```
    #[must_use]
    pub fn abs(&self) -> Self
    where
        T: Signed,
    {
        self.map_in_place(|x| x.abs())
    }

    /// `max(x, 0)` of each element (NaN stays NaN).
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<f32, 2>::from_vec(vec![-1.0, 2.0]).unwrap();
    /// assert_eq!(x.relu().as_flat(), &[0.0, 2.0]);
    /// ```
    #[must_use]
    pub fn relu(&self) -> Self
    where
        T: Element,
    {
        self.map_in_place(|x| max_nan(x, T::zero()))
    }

    /// Each element limited to `[lo, hi]`, like `np.clip(a, lo, hi)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let x = DynTensor::<i32, 3>::from_vec(vec![-5, 1, 9]).unwrap();
    /// assert_eq!(x.clip(0, 4).as_flat(), &[0, 1, 4]);
    /// ```
    #[must_use]
    pub fn clip(&self, lo: T, hi: T) -> Self
    where
        T: Element,
    {
        self.map_in_place(|x| min_nan(max_nan(x, lo), hi))
    }
}

impl<T: Float, S: Dims> DynArray<T, S> {
    /// The softmax along the last axis (each row's class scores into probabilities),
    /// numerically stable, as `Array::softmax`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let p = DynTensor::<f64, 4>::zeros(3).softmax();
    /// assert_eq!(p.as_flat(), &[0.25; 12]);
    /// ```
    #[must_use]
    pub fn softmax(&self) -> Self {
        let mut out = self.clone();
        softmax_lanes(out.as_flat_mut(), S::DIMS[S::RANK - 1]);
        out
    }

    /// The logarithm of the softmax along the last axis, computed without overflow.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// let lp = DynTensor::<f64, 2>::zeros(1).log_softmax();
    /// assert_eq!(lp.as_flat(), &[-(2f64.ln()); 2]);
    /// ```
    #[must_use]
    pub fn log_softmax(&self) -> Self {
        let mut out = self.clone();
        log_softmax_lanes(out.as_flat_mut(), S::DIMS[S::RANK - 1]);
        out
    }
}
