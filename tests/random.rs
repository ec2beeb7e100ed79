//! Random tensors: distributions, statistics, ranges, seeds and shapes.
//!
//! Statistical bounds are 5 standard errors of the estimator for the sample size used
//! (stated next to each check). Tests that use a fixed seed are deterministic; the ones that
//! use the thread-local generator fail by chance with probability below 1e-6.
#![cfg(feature = "rand")]

use tensor::prelude::*;
use tensor::rand::distr::{StandardUniform, Uniform};
use tensor::rand::rngs::{SmallRng, StdRng};
use tensor::rand::{RngExt, SeedableRng};
use tensor::rand_distr::{Normal, StandardNormal};

/// Sample mean and (population) variance of the elements, computed in f64.
fn moments(xs: impl IntoIterator<Item = f64>) -> (f64, f64, usize) {
    let xs: Vec<f64> = xs.into_iter().collect();
    let n = xs.len();
    let mean = xs.iter().sum::<f64>() / n as f64;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
    (mean, var, n)
}

/// Checks mean and variance of a sample against a distribution with the given mean, variance
/// and fourth central moment, within 5 standard errors:
/// se(mean) = sqrt(var / n), se(var) = sqrt((mu4 - var^2) / n).
fn assert_moments(xs: impl IntoIterator<Item = f64>, mean: f64, var: f64, mu4: f64, what: &str) {
    let (m, v, n) = moments(xs);
    let n = n as f64;
    let se_mean = (var / n).sqrt();
    let se_var = ((mu4 - var * var) / n).sqrt();
    assert!(
        (m - mean).abs() < 5.0 * se_mean,
        "{what}: mean {m} is not within 5 * {se_mean} of {mean}"
    );
    assert!(
        (v - var).abs() < 5.0 * se_var,
        "{what}: variance {v} is not within 5 * {se_var} of {var}"
    );
}

#[test]
fn standard_uniform_floats_are_in_unit_interval_with_uniform_moments() {
    let mut rng = StdRng::seed_from_u64(1);
    let x: Tensor<f64, 100, 100> = rng.random();
    assert!(x.iter().all(|&v| (0.0..1.0).contains(&v)));
    // Uniform[0, 1): mean 1/2, variance 1/12, fourth central moment 1/80.
    assert_moments(
        x.iter().copied(),
        0.5,
        1.0 / 12.0,
        1.0 / 80.0,
        "uniform f64",
    );

    let y: Tensor<f32, 50, 200> = rng.sample(StandardUniform);
    assert!(y.iter().all(|&v| (0.0..1.0).contains(&v)));
    assert_moments(
        y.iter().map(|&v| f64::from(v)),
        0.5,
        1.0 / 12.0,
        1.0 / 80.0,
        "uniform f32",
    );

    // Each tenth of [0, 1) holds 1/10 of the samples: binomial se = sqrt(0.1 * 0.9 / n).
    let n = x.len() as f64;
    for k in 0..10 {
        let lo = f64::from(k) / 10.0;
        let count = x.iter().filter(|&&v| v >= lo && v < lo + 0.1).count() as f64;
        let se = (0.1 * 0.9 / n).sqrt();
        assert!(
            (count / n - 0.1).abs() < 5.0 * se,
            "bin {k} holds {count} of {n}"
        );
    }
}

#[test]
fn standard_normal_has_mean_zero_variance_one_and_normal_tails() {
    let mut rng = StdRng::seed_from_u64(2);
    let x: Tensor<f64, 100, 100> = rng.sample(StandardNormal);
    // N(0, 1): fourth central moment 3.
    assert_moments(x.iter().copied(), 0.0, 1.0, 3.0, "standard normal f64");
    // P(|X| < 1) = 0.682689..., P(|X| < 2) = 0.954499...
    let n = x.len() as f64;
    for (k, p) in [(1.0, 0.682_689_492), (2.0, 0.954_499_736)] {
        let frac = x.iter().filter(|v| v.abs() < k).count() as f64 / n;
        let se = (p * (1.0 - p) / n).sqrt();
        assert!(
            (frac - p).abs() < 5.0 * se,
            "P(|X| < {k}) = {frac}, expected {p}"
        );
    }

    let y: Tensor<f32, 200, 50> = rng.sample(StandardNormal);
    assert_moments(
        y.iter().map(|&v| f64::from(v)),
        0.0,
        1.0,
        3.0,
        "standard normal f32",
    );
}

#[test]
fn normal_with_mean_and_std() {
    let mut rng = StdRng::seed_from_u64(3);
    let (mean, std) = (3.0, 2.0);
    let x: Tensor<f64, 100, 100> = Tensor::random_using(Normal::new(mean, std).unwrap(), &mut rng);
    let var: f64 = std * std;
    assert_moments(
        x.iter().copied(),
        mean,
        var,
        3.0 * var * var,
        "normal(3, 2)",
    );
}

#[test]
fn uniform_integers_stay_in_half_open_range_and_hit_every_value() {
    let mut rng = StdRng::seed_from_u64(4);
    let x: Tensor<i32, 10, 100> = Tensor::random_using(Uniform::new(-3, 7).unwrap(), &mut rng);
    let mut counts = [0usize; 10];
    for &v in &x {
        assert!((-3..7).contains(&v), "{v} is outside [-3, 7)");
        counts[(v + 3) as usize] += 1;
    }
    // Every value occurs, about 100 times each: binomial se = sqrt(1000 * 0.1 * 0.9) = 9.5.
    for (k, &c) in counts.iter().enumerate() {
        assert!(
            (c as f64 - 100.0).abs() < 5.0 * 9.49,
            "value {} occurs {c} times in 1000",
            k as i32 - 3
        );
    }

    // A range of one value.
    let ones: Tensor<u64, 3, 3> = Tensor::random_using(Uniform::new(1u64, 2).unwrap(), &mut rng);
    assert_eq!(ones, Tensor::full(1));

    // Inclusive ranges reach their upper end.
    let dice: Tensor<u8, 1, 600> =
        Tensor::random_using(Uniform::new_inclusive(1, 6).unwrap(), &mut rng);
    for face in 1..=6 {
        assert!(dice.iter().any(|&v| v == face), "face {face} never came up");
    }
    assert!(dice.iter().all(|v| (1..=6).contains(v)));
}

#[test]
fn standard_uniform_integers_cover_the_whole_type() {
    let mut rng = StdRng::seed_from_u64(5);
    let x: Tensor<u8, 64, 64> = rng.random();
    let mut seen = [false; 256];
    x.iter().for_each(|&v| seen[usize::from(v)] = true);
    // 4096 draws over 256 values: P(some value missing) < 256 * (255/256)^4096 ~ 3e-5.
    assert!(seen.iter().all(|&s| s), "not every u8 value was drawn");
}

#[test]
fn same_seed_same_tensor_different_seed_different_tensor() {
    let a: Tensor<f64, 4, 5> = StdRng::seed_from_u64(42).sample(StandardNormal);
    let b: Tensor<f64, 4, 5> = StdRng::seed_from_u64(42).sample(StandardNormal);
    let c: Tensor<f64, 4, 5> = StdRng::seed_from_u64(43).sample(StandardNormal);
    assert_eq!(a, b);
    assert_ne!(a, c);

    // A no_std generator is just as reproducible.
    let d: Tensor<u32, 3, 3> = SmallRng::seed_from_u64(7).random();
    let e: Tensor<u32, 3, 3> = SmallRng::seed_from_u64(7).random();
    assert_eq!(d, e);
}

#[test]
fn elements_are_drawn_in_row_major_order() {
    // A tensor of R x C draws the same stream as R * C scalar draws, row by row.
    let t: Tensor<f32, 2, 3> = StdRng::seed_from_u64(9).sample(StandardNormal);
    let mut rng = StdRng::seed_from_u64(9);
    let scalars: Vec<f32> = (0..6).map(|_| rng.sample(StandardNormal)).collect();
    assert_eq!(t.as_flat(), &scalars[..]);

    // A boxed tensor draws the same stream as an unboxed one.
    let boxed: Box<Tensor<f32, 2, 3>> = StdRng::seed_from_u64(9).sample(StandardNormal);
    assert_eq!(*boxed, t);
}

#[test]
fn works_for_non_square_row_column_and_empty_shapes() {
    let mut rng = StdRng::seed_from_u64(10);
    let wide: Tensor<f64, 3, 7> = rng.random();
    let row: Vector<f64, 1000> = rng.sample(StandardNormal);
    let col: ColVector<i16, 500> =
        ColVector::random_using(Uniform::new(-2i16, 3).unwrap(), &mut rng);
    let empty: Tensor<f32, 0, 4> = rng.random();
    assert_eq!(wide.shape(), (3, 7));
    assert!(wide.iter().all(|&v| (0.0..1.0).contains(&v)));
    assert_moments(row.iter().copied(), 0.0, 1.0, 3.0, "row vector");
    assert!(col.iter().all(|v| (-2..3).contains(v)));
    for v in -2..3 {
        assert!(col.iter().any(|&x| x == v), "{v} never drawn in 500 tries");
    }
    assert!(empty.is_empty());
    // Distinct positions get distinct draws (no value copied across a row or column).
    assert!(wide.as_flat().windows(2).all(|w| w[0] != w[1]));
}

#[test]
fn any_distribution_through_random_using() {
    use tensor::rand::distr::weighted::WeightedIndex;
    use tensor::rand_distr::{Bernoulli, Exp};
    let mut rng = StdRng::seed_from_u64(11);
    let x = Tensor::<f64, 100, 100>::random_using(Exp::new(2.0).unwrap(), &mut rng);
    // Exp(lambda = 2): mean 1/2, variance 1/4, fourth central moment 9 / lambda^4.
    assert_moments(x.iter().copied(), 0.5, 0.25, 9.0 / 16.0, "exp(2)");

    // Non-numeric elements work too: a mask of booleans, true with probability 0.3.
    let mask = Tensor::<bool, 100, 100>::random_using(Bernoulli::new(0.3).unwrap(), &mut rng);
    let frac = mask.iter().filter(|&&b| b).count() as f64 / 1e4;
    assert!(
        (frac - 0.3).abs() < 5.0 * (0.3f64 * 0.7 / 1e4).sqrt(),
        "{frac}"
    );

    // A distribution that is not `Copy` can be borrowed and reused: class indices 0, 1, 2
    // with weights 1 : 2 : 7.
    let classes = WeightedIndex::new([1, 2, 7]).unwrap();
    let a = Tensor::<usize, 100, 50>::random_using(&classes, &mut rng);
    let b = Tensor::<usize, 100, 50>::random_using(&classes, &mut rng);
    for (class, p) in [(0, 0.1), (1, 0.2), (2, 0.7)] {
        let frac = a.iter().chain(&b).filter(|&&c| c == class).count() as f64 / 1e4;
        assert!(
            (frac - p).abs() < 5.0 * (p * (1.0 - p) / 1e4).sqrt(),
            "class {class}: {frac}"
        );
    }
}

#[test]
fn random_using_draws_the_same_stream_as_scalar_sampling() {
    let t = Tensor::<i64, 3, 4>::random_using(
        Uniform::new(-100, 100).unwrap(),
        &mut StdRng::seed_from_u64(12),
    );
    let mut rng = StdRng::seed_from_u64(12);
    let d = Uniform::new(-100i64, 100).unwrap();
    let scalars: Vec<i64> = (0..12).map(|_| rng.sample(d)).collect();
    assert_eq!(t.as_flat(), &scalars[..]);
    let boxed = Tensor::<i64, 3, 4>::boxed_random_using(d, &mut StdRng::seed_from_u64(12));
    assert_eq!(*boxed, t);
}

/// Tensors implement `Distribution` only for rand's standard distributions, so everyday scalar
/// code keeps inferring its types: `Uniform<T>` and `Normal<T>` still have a single impl. This
/// test does not compile if a `Distribution<Tensor<T, ..>>` impl is added for them.
#[test]
fn scalar_rand_code_still_infers_with_tensor_in_scope() {
    use tensor::rand::distr::Distribution;
    let mut rng = StdRng::seed_from_u64(13);
    let die = rng.sample(Uniform::new(1, 7).unwrap());
    let x = rng.sample(Normal::new(0.0f64, 1.0).unwrap());
    let v: Vec<_> = Uniform::new(0u8, 3)
        .unwrap()
        .sample_iter(&mut rng)
        .take(3)
        .collect();
    assert!((1..7).contains(&die) && x.is_finite() && v.iter().all(|&b| b < 3));
}

/// The seed's section 9 challenge: a random dataset of 100 samples with 5 features and
/// 100 binary labels.
#[test]
fn seed_challenge_random_dataset() {
    let mut rng = StdRng::seed_from_u64(2024);
    let features: Tensor<f64, 100, 5> = rng.random();
    let labels: Vector<u8, 100> = Tensor::random_using(Uniform::new(0, 2).unwrap(), &mut rng);
    assert_eq!(features.shape(), (100, 5));
    assert_eq!(labels.shape(), (1, 100)); // NumPy's (100,)
    assert!(features.iter().all(|&v| (0.0..1.0).contains(&v)));
    let positives = labels.iter().filter(|&&l| l == 1).count();
    assert!(labels.iter().all(|&l| l <= 1));
    // Binomial(100, 1/2): se 5, so 5 se is 25.
    assert!(
        (25..=75).contains(&positives),
        "{positives} positive labels of 100"
    );
}

#[cfg(feature = "std")]
mod thread_local {
    use super::*;

    #[test]
    fn numpy_style_constructors() {
        // np.random.rand(3, 3), np.random.randn(3, 3), np.random.randint(0, 10, (3, 3))
        let u = Tensor::<f64, 3, 3>::rand();
        let n = Tensor::<f64, 3, 3>::randn();
        let i = Tensor::<i64, 3, 3>::randint(0, 10);
        assert!(u.iter().all(|&v| (0.0..1.0).contains(&v)));
        assert!(n.iter().all(|v| v.is_finite()));
        assert!(i.iter().all(|v| (0..10).contains(v)));

        let big_u = Tensor::<f64, 100, 100>::rand();
        assert_moments(big_u.iter().copied(), 0.5, 1.0 / 12.0, 1.0 / 80.0, "rand()");
        let big_n = Tensor::<f32, 100, 100>::randn();
        assert_moments(
            big_n.iter().map(|&v| f64::from(v)),
            0.0,
            1.0,
            3.0,
            "randn()",
        );
        let normal = Tensor::<f64, 100, 100>::normal(-1.0, 0.5);
        assert_moments(
            normal.iter().copied(),
            -1.0,
            0.25,
            3.0 / 16.0,
            "normal(-1, 0.5)",
        );
        let uniform = Tensor::<f64, 100, 100>::uniform(-2.0, 2.0);
        assert!(uniform.iter().all(|&v| (-2.0..2.0).contains(&v)));
        // Uniform[-2, 2): variance 16/12, fourth central moment 16^2/80.
        assert_moments(
            uniform.iter().copied(),
            0.0,
            16.0 / 12.0,
            256.0 / 80.0,
            "uniform()",
        );
        let ints = Tensor::<u8, 10, 100>::randint(250, 255);
        for v in 250..255 {
            assert!(
                ints.iter().any(|&x| x == v),
                "randint(250, 255) never drew {v}"
            );
        }
        assert!(ints.iter().all(|&x| (250..255).contains(&x)));
    }

    #[test]
    fn successive_calls_differ() {
        assert_ne!(Tensor::<f64, 4, 4>::rand(), Tensor::<f64, 4, 4>::rand());
    }

    #[test]
    #[should_panic(expected = "randint: empty range: low (5) >= high (5)")]
    fn randint_with_empty_range_panics() {
        let _ = Tensor::<i32, 2, 2>::randint(5, 5);
    }

    #[test]
    #[should_panic(expected = "normal: invalid standard deviation -1")]
    fn normal_with_negative_std_panics() {
        let _ = Tensor::<f64, 2, 2>::normal(0.0, -1.0);
    }

    #[test]
    #[should_panic(expected = "normal: invalid standard deviation inf")]
    fn normal_with_infinite_std_panics() {
        let _ = Tensor::<f32, 2, 2>::normal(0.0, f32::INFINITY);
    }

    #[test]
    #[should_panic(expected = "normal: invalid standard deviation NaN")]
    fn normal_with_nan_std_panics() {
        let _ = Tensor::<f32, 2, 2>::normal(0.0, f32::NAN);
    }

    #[test]
    #[should_panic(expected = "uniform: invalid range [1, 0)")]
    fn uniform_with_reversed_range_panics() {
        let _ = Tensor::<f64, 2, 2>::uniform(1.0, 0.0);
    }
}
