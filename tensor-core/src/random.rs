//! Random tensors (feature `rand`): [`Distribution`] impls for tensors, and NumPy's
//! `np.random.rand/randn/randint/normal/uniform` on `std`.
//!
//! Any generator works, including seeded ones in `no_std`: a distribution of elements is also a
//! distribution of tensors, filled in row-major order.
//!
//! | distribution | elements |
//! |---|---|
//! | [`StandardUniform`] | floats in `[0, 1)`; integers over their whole range |
//! | [`Uniform<T>`](Uniform) | `[lo, hi)` (or `[lo, hi]` with `new_inclusive`) |
//! | [`StandardNormal`] | mean 0, standard deviation 1 |
//! | [`Normal<F>`](Normal) | the given mean and standard deviation |
//!
//! Each is implemented for `Tensor<T, R, C>` and, with `alloc`, for `Box<Tensor<T, R, C>>`,
//! which is filled in place on the heap (for tensors too large for the stack). Other
//! distributions go through [`Tensor::from_fn`]: `Tensor::from_fn(|_, _| rng.sample(&dist))`.

#[cfg(feature = "alloc")]
use alloc::boxed::Box;

use rand::Rng;
use rand::distr::uniform::SampleUniform;
use rand::distr::{Distribution, StandardUniform, Uniform};
use rand_distr::num_traits::Float;
use rand_distr::{Normal, StandardNormal};

use crate::Tensor;

/// Implements `Distribution<Tensor<T, R, C>>` (and `Box<Tensor<..>>` with `alloc`) for a
/// distribution of elements `T`, sampling one element per position in row-major order.
macro_rules! elementwise_distribution {
    ($($(#[$doc:meta])* $dist:ty $([$($bound:tt)*])?;)*) => {$(
        $(#[$doc])*
        impl<T, const R: usize, const C: usize> Distribution<Tensor<T, R, C>> for $dist
        where
            $dist: Distribution<T>,
            $($($bound)*)?
        {
            fn sample<G: Rng + ?Sized>(&self, rng: &mut G) -> Tensor<T, R, C> {
                Tensor::from_fn(|_, _| Distribution::<T>::sample(self, rng))
            }
        }

        /// Fills a heap-allocated tensor in place, never building it on the stack.
        #[cfg(feature = "alloc")]
        impl<T, const R: usize, const C: usize> Distribution<Box<Tensor<T, R, C>>> for $dist
        where
            $dist: Distribution<T>,
            $($($bound)*)?
        {
            fn sample<G: Rng + ?Sized>(&self, rng: &mut G) -> Box<Tensor<T, R, C>> {
                Tensor::boxed_from_fn(|_, _| Distribution::<T>::sample(self, rng))
            }
        }
    )*};
}

elementwise_distribution! {
    /// Floats uniform in `[0, 1)`, integers over their whole range, like `rng.random::<[T; N]>()`.
    ///
    /// ```
    /// use tensor_core::rand::{RngExt, SeedableRng, rngs::SmallRng};
    /// use tensor_core::Tensor;
    ///
    /// let mut rng = SmallRng::seed_from_u64(42);
    /// let x: Tensor<f64, 2, 3> = rng.random();
    /// assert!(x.iter().all(|&v| (0.0..1.0).contains(&v)));
    /// ```
    StandardUniform;
    /// Elements uniform in the distribution's range, like `rng.integers(lo, hi, size)`.
    ///
    /// ```
    /// use tensor_core::rand::{RngExt, SeedableRng, distr::Uniform, rngs::SmallRng};
    /// use tensor_core::Tensor;
    ///
    /// let mut rng = SmallRng::seed_from_u64(42);
    /// let dice: Tensor<u8, 4, 4> = rng.sample(Uniform::new_inclusive(1, 6).unwrap());
    /// assert!(dice.iter().all(|v| (1..=6).contains(v)));
    /// ```
    Uniform<T> [T: SampleUniform];
    /// Elements from the standard normal distribution (mean 0, standard deviation 1), like
    /// `rng.standard_normal(size)`.
    ///
    /// ```
    /// use tensor_core::rand::{RngExt, SeedableRng, rngs::SmallRng};
    /// use tensor_core::rand_distr::StandardNormal;
    /// use tensor_core::Tensor;
    ///
    /// let mut rng = SmallRng::seed_from_u64(42);
    /// let w: Tensor<f32, 3, 2> = rng.sample(StandardNormal);
    /// assert!(w.iter().all(|v| v.is_finite()));
    /// ```
    StandardNormal;
    /// Elements from a normal distribution, like `rng.normal(mean, std, size)`.
    ///
    /// ```
    /// use tensor_core::rand::{RngExt, SeedableRng, rngs::SmallRng};
    /// use tensor_core::rand_distr::Normal;
    /// use tensor_core::Tensor;
    ///
    /// let mut rng = SmallRng::seed_from_u64(42);
    /// let noise: Tensor<f64, 1, 100> = rng.sample(Normal::new(0.0, 1e-9).unwrap());
    /// assert!(noise.iter().all(|v| v.abs() < 1e-6));
    /// ```
    Normal<T> [T: Float, StandardNormal: Distribution<T>];
}

#[cfg(feature = "std")]
mod thread_local {
    use num_traits::{Float, PrimInt};
    use rand::RngExt;
    use rand::distr::uniform::SampleUniform;
    use rand::distr::{StandardUniform, Uniform};
    use rand_distr::{Normal, StandardNormal};

    use crate::Tensor;

    /// NumPy's legacy `np.random.*` constructors, drawing from the thread-local generator
    /// [`rand::rng()`] (seeded from the operating system). For reproducible results, sample
    /// from a seeded generator instead: `rng.sample(StandardNormal)` (see the
    /// [`Distribution`](rand::distr::Distribution) impls of [`Tensor`]).
    impl<T, const R: usize, const C: usize> Tensor<T, R, C> {
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
            rand::rng().random::<Self>()
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
            rand::rng().sample::<Self, _>(StandardNormal)
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
            rand::rng().sample::<Self, _>(dist)
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
            rand::rng().sample::<Self, _>(dist)
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
            rand::rng().sample::<Self, _>(dist)
        }
    }
}
