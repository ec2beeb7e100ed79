//! `approx` (feature `approx`): approximate equality of tensors, element by element.
//!
//! Two tensors of the same shape are approximately equal when every pair of elements at the
//! same position is; tensors of different shapes cannot be compared (a type error). NaN is
//! never approximately equal to anything, as in `approx` for scalars.

use approx::{AbsDiffEq, RelativeEq, UlpsEq};

use crate::Tensor;

impl<T, const R: usize, const C: usize> AbsDiffEq for Tensor<T, R, C>
where
    T: AbsDiffEq,
    T::Epsilon: Clone,
{
    type Epsilon = T::Epsilon;

    fn default_epsilon() -> T::Epsilon {
        T::default_epsilon()
    }

    /// Whether every element differs from its counterpart by at most `epsilon`.
    ///
    /// ```
    /// use approx::assert_abs_diff_eq;
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// assert_abs_diff_eq!(a, a.map(|x| x + 1e-9), epsilon = 1e-8);
    /// ```
    fn abs_diff_eq(&self, other: &Self, epsilon: T::Epsilon) -> bool {
        self.as_flat().abs_diff_eq(other.as_flat(), epsilon)
    }
}

impl<T, const R: usize, const C: usize> RelativeEq for Tensor<T, R, C>
where
    T: RelativeEq,
    T::Epsilon: Clone,
{
    fn default_max_relative() -> T::Epsilon {
        T::default_max_relative()
    }

    /// Whether every element is relatively close to its counterpart.
    ///
    /// ```
    /// use approx::assert_relative_eq;
    /// use tensor_core::Tensor;
    ///
    /// let big = Tensor::from([1e10, -3e12]);
    /// assert_relative_eq!(big, big.map(|x| x * (1.0 + 1e-12)), max_relative = 1e-10);
    /// ```
    fn relative_eq(&self, other: &Self, epsilon: T::Epsilon, max_relative: T::Epsilon) -> bool {
        self.as_flat()
            .relative_eq(other.as_flat(), epsilon, max_relative)
    }
}

impl<T, const R: usize, const C: usize> UlpsEq for Tensor<T, R, C>
where
    T: UlpsEq,
    T::Epsilon: Clone,
{
    fn default_max_ulps() -> u32 {
        T::default_max_ulps()
    }

    /// Whether every element is within `max_ulps` representable floats of its counterpart.
    ///
    /// ```
    /// use approx::assert_ulps_eq;
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::from([[0.1f32 + 0.2]]);
    /// assert_ulps_eq!(x, Tensor::from([[0.3f32]]), max_ulps = 1);
    /// ```
    fn ulps_eq(&self, other: &Self, epsilon: T::Epsilon, max_ulps: u32) -> bool {
        self.as_flat().ulps_eq(other.as_flat(), epsilon, max_ulps)
    }
}
