//! Random tensors (feature `rand`): sampling from any `rand` distribution with any generator,
//! and NumPy's `np.random.rand/randn/randint/normal/uniform` on `std`.
//!
//! Any generator works, including seeded ones in `no_std`; elements are drawn in row-major
//! order, so a tensor uses the same random stream as `R * C` scalar draws.
//!
//! - [`Tensor::random_using`] (and [`Tensor::boxed_random_using`] with `alloc`) fill a tensor
//!   from any distribution: `Uniform`, `Normal`, `Exp`, `Bernoulli`, ...
//! - rand's standard distributions are distributions of tensors too, so
//!   `let x: Tensor<f32, 2, 3> = rng.random();` (uniform `[0, 1)` for floats) and
//!   `rng.sample(StandardNormal)` work as for arrays, for `Tensor` and `Box<Tensor>`.
//!
//! Parametrized distributions (`Uniform<T>`, `Normal<T>`) deliberately do not implement
//! `Distribution<Tensor<T, R, C>>`: rand relies on `Uniform<T>: Distribution<T>` being the only
//! impl to infer `T` in everyday code (`let die = rng.sample(Uniform::new(1, 7)?);`), and a
//! second impl would break that inference in every crate that depends on this one.

#[cfg(feature = "alloc")]
use alloc::boxed::Box;

use rand::Rng;
use rand::distr::{Distribution, StandardUniform};
use rand_distr::StandardNormal;

use crate::Array;
use crate::shape::Dims;

impl<T, S: Dims> Array<T, S> {
    /// Samples every element from `distribution` with `rng`, in row-major order, like
    /// `Array::random_using` of `ndarray-rand` or `rng.integers/normal/...(size=(R, C))`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::rand::distr::Uniform;
    /// use tensor_core::rand::{SeedableRng, rngs::SmallRng};
    /// use tensor_core::rand_distr::Normal;
    ///
    /// let mut rng = SmallRng::seed_from_u64(42); // reproducible, no_std
    /// let labels = Tensor::<u8, 1, 100>::random_using(Uniform::new(0, 10).unwrap(), &mut rng);
    /// assert!(labels.iter().all(|&l| l < 10));
    /// let noise = Tensor::<f64, 100, 1>::random_using(Normal::new(0.0, 0.1).unwrap(), &mut rng);
    /// assert!(noise.iter().all(|x| x.abs() < 1.0));
    /// ```
    #[must_use]
    pub fn random_using<D, G>(distribution: D, rng: &mut G) -> Self
    where
        D: Distribution<T>,
        G: Rng + ?Sized,
    {
        Self::from_flat_fn(|_| distribution.sample(rng))
    }

    /// Samples every element from `distribution` into a tensor built on the heap, for shapes
    /// too large for the stack (see [`boxed_from_flat_fn`](Self::boxed_from_flat_fn)).
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::rand::{SeedableRng, rngs::SmallRng};
    /// use tensor_core::rand_distr::Normal;
    ///
    /// let mut rng = SmallRng::seed_from_u64(0);
    /// let he = Normal::new(0.0, (2.0f32 / 784.0).sqrt()).unwrap(); // He initialization
    /// let w = Tensor::<f32, 784, 1024>::boxed_random_using(he, &mut rng);
    /// assert_eq!(w.shape(), (784, 1024));
    /// ```
    #[cfg(feature = "alloc")]
    #[must_use]
    pub fn boxed_random_using<D, G>(distribution: D, rng: &mut G) -> Box<Self>
    where
        D: Distribution<T>,
        G: Rng + ?Sized,
    {
        Self::boxed_from_flat_fn(|_| distribution.sample(rng))
    }
}

/// Implements `Distribution<Tensor<T, R, C>>` (and `Box<Tensor<..>>` with `alloc`) for one of
/// rand's standard distributions, sampling one element per position in row-major order.
macro_rules! standard_distribution {
    ($($(#[$doc:meta])* $dist:ty;)*) => {$(
        $(#[$doc])*
        impl<T, S: Dims> Distribution<Array<T, S>> for $dist
        where
            $dist: Distribution<T>,
        {
            fn sample<G: Rng + ?Sized>(&self, rng: &mut G) -> Array<T, S> {
                Array::random_using(self, rng)
            }
        }

        /// Fills a heap-allocated tensor in place, never building it on the stack.
        #[cfg(feature = "alloc")]
        impl<T, S: Dims> Distribution<Box<Array<T, S>>> for $dist
        where
            $dist: Distribution<T>,
        {
            fn sample<G: Rng + ?Sized>(&self, rng: &mut G) -> Box<Array<T, S>> {
                Array::boxed_random_using(self, rng)
            }
        }
    )*};
}

standard_distribution! {
    /// Floats uniform in `[0, 1)`, integers over their whole range, as for arrays
    /// (`rng.random::<[T; N]>()`).
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::rand::{RngExt, SeedableRng, rngs::SmallRng};
    ///
    /// let mut rng = SmallRng::seed_from_u64(42);
    /// let x: Tensor<f64, 2, 3> = rng.random();
    /// assert!(x.iter().all(|&v| (0.0..1.0).contains(&v)));
    /// ```
    StandardUniform;
    /// Elements from the standard normal distribution (mean 0, standard deviation 1), like
    /// `rng.standard_normal(size)`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    /// use tensor_core::rand::{RngExt, SeedableRng, rngs::SmallRng};
    /// use tensor_core::rand_distr::StandardNormal;
    ///
    /// let mut rng = SmallRng::seed_from_u64(42);
    /// let w: Tensor<f32, 3, 2> = rng.sample(StandardNormal);
    /// assert!(w.iter().all(|v| v.is_finite()));
    /// ```
    StandardNormal;
}

#[cfg(feature = "std")]
mod thread_local {
    use num_traits::{Float, PrimInt};
    use rand::distr::uniform::SampleUniform;
    use rand::distr::{StandardUniform, Uniform};
    use rand_distr::{Normal, StandardNormal};

    use crate::Array;
    use crate::shape::Dims;

    /// NumPy's legacy `np.random.*` constructors, drawing from the thread-local generator
    /// [`rand::rng()`] (seeded from the operating system). For reproducible results, use a
    /// seeded generator with [`Array::random_using`] instead.
    impl<T, S: Dims> Array<T, S> {
        /// Floats uniform in `[0, 1)`, like `np.random.rand(R, C)`.
        ///
        /// ```
        /// use tensor_core::Tensor;
        ///
        /// let x = Tensor::<f32, 2, 3>::rand();
        /// assert!(x.iter().all(|&v| (0.0..1.0).contains(&v)));
        /// ```
        #[must_use]
        pub fn rand() -> Self
        where
            T: Float,
            StandardUniform: rand::distr::Distribution<T>,
        {
            Self::random_using(StandardUniform, &mut rand::rng())
        }

        /// Floats from the standard normal distribution, like `np.random.randn(R, C)`.
        ///
        /// ```
        /// use tensor_core::Tensor;
        ///
        /// let w = Tensor::<f64, 784, 10>::randn();
        /// let mean = w.iter().sum::<f64>() / 7840.0;
        /// assert!(mean.abs() < 0.1);
        /// ```
        #[must_use]
        pub fn randn() -> Self
        where
            T: Float,
            StandardNormal: rand::distr::Distribution<T>,
        {
            Self::random_using(StandardNormal, &mut rand::rng())
        }

        /// Floats from a normal distribution with the given mean and standard deviation, like
        /// `np.random.normal(mean, std, (R, C))`.
        ///
        /// # Panics
        ///
        /// If `std` is negative or not finite (NumPy raises `ValueError` for a negative scale).
        ///
        /// ```
        /// use tensor_core::Tensor;
        ///
        /// let noise = Tensor::<f32, 1, 100>::normal(1.0, 0.0);
        /// assert_eq!(noise, Tensor::full(1.0));
        /// ```
        #[must_use]
        pub fn normal(mean: T, std: T) -> Self
        where
            T: Float + core::fmt::Display,
            StandardNormal: rand::distr::Distribution<T>,
        {
            // `Normal::new` accepts a negative deviation (mirroring the samples); NumPy does not.
            let dist = Normal::new(mean, std)
                .ok()
                .filter(|_| std >= T::zero())
                .unwrap_or_else(|| {
                    panic!("normal: invalid standard deviation {std}: must be finite and >= 0")
                });
            Self::random_using(dist, &mut rand::rng())
        }

        /// Integers uniform in `[lo, hi)`, like `np.random.randint(lo, hi, (R, C))`.
        ///
        /// # Panics
        ///
        /// If `lo >= hi` (the range is empty; NumPy raises `ValueError: low >= high`).
        ///
        /// ```
        /// use tensor_core::Tensor;
        ///
        /// let labels = Tensor::<u8, 1, 100>::randint(0, 2);
        /// assert!(labels.iter().all(|&v| v == 0 || v == 1));
        /// ```
        #[must_use]
        pub fn randint(lo: T, hi: T) -> Self
        where
            T: PrimInt + SampleUniform + core::fmt::Display,
        {
            let dist = Uniform::new(lo, hi)
                .unwrap_or_else(|_| panic!("randint: empty range: low ({lo}) >= high ({hi})"));
            Self::random_using(dist, &mut rand::rng())
        }

        /// Floats uniform in `[lo, hi)`, like `np.random.uniform(lo, hi, (R, C))`.
        ///
        /// # Panics
        ///
        /// If `lo >= hi` or the range is not finite.
        ///
        /// ```
        /// use tensor_core::Tensor;
        ///
        /// let x = Tensor::<f64, 10, 10>::uniform(-1.0, 1.0);
        /// assert!(x.iter().all(|&v| (-1.0..1.0).contains(&v)));
        /// ```
        #[must_use]
        pub fn uniform(lo: T, hi: T) -> Self
        where
            T: Float + SampleUniform + core::fmt::Display,
        {
            let dist = Uniform::new(lo, hi)
                .unwrap_or_else(|e| panic!("uniform: invalid range [{lo}, {hi}): {e}"));
            Self::random_using(dist, &mut rand::rng())
        }
    }
}
