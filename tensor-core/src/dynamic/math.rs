//! Elementwise math for [`DynArray`]: the bodies of the static tensors' methods
//! (`ops::math::MathOperand`, written once for both), so the same kernels (the vectorized
//! `exp`, `ln`, `tanh` and `sigmoid` of `f32` and `f64`, with their accuracy; see
//! `Array::exp`) and the same values.

use core::ops::Mul;

use num_traits::{Float, Signed};

use crate::ops::MathOperand;
use crate::shape::Dims;
use crate::{DynArray, Element};

impl<T: Copy, S: Dims> DynArray<T, S> {
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
        self.exp_to()
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
        self.ln_to()
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
        self.tanh_to()
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
        self.sigmoid_to()
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
        self.sqrt_to()
    }

    /// The base-2 logarithm of each element, like `np.log2(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::full(2, 8.0).log2().as_flat(), &[3.0, 3.0]);
    /// ```
    #[must_use]
    pub fn log2(&self) -> Self
    where
        T: Float,
    {
        self.log2_to()
    }

    /// The base-10 logarithm of each element, like `np.log10(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::full(2, 100.0).log10().as_flat(), &[2.0, 2.0]);
    /// ```
    #[must_use]
    pub fn log10(&self) -> Self
    where
        T: Float,
    {
        self.log10_to()
    }

    /// The logarithm of each element in the given base, like `np.log(a) / np.log(base)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::full(2, 9.0).log(3.0).as_flat(), &[2.0, 2.0]);
    /// ```
    #[must_use]
    pub fn log(&self, base: T) -> Self
    where
        T: Float,
    {
        self.log_to(base)
    }

    /// The sine of each element (radians), like `np.sin(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::zeros(2).sin().as_flat(), &[0.0, 0.0]);
    /// ```
    #[must_use]
    pub fn sin(&self) -> Self
    where
        T: Float,
    {
        self.sin_to()
    }

    /// The cosine of each element (radians), like `np.cos(a)`.
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::zeros(2).cos().as_flat(), &[1.0, 1.0]);
    /// ```
    #[must_use]
    pub fn cos(&self) -> Self
    where
        T: Float,
    {
        self.cos_to()
    }

    /// Each element to the power `p`, like `a ** p` (IEEE `pow` for every exponent).
    ///
    /// ```
    /// use tensor_core::DynTensor;
    ///
    /// assert_eq!(DynTensor::<f64, 1>::full(2, 4.0).powf(0.5).as_flat(), &[2.0, 2.0]);
    /// ```
    #[must_use]
    pub fn powf(&self, p: T) -> Self
    where
        T: Float,
    {
        self.powf_to(p)
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
        self.powi_to(n)
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
        self.square_to()
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
        self.abs_to()
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
        self.relu_to()
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
        self.clip_to(lo, hi)
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
        self.softmax_to()
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
        self.log_softmax_to()
    }
}
