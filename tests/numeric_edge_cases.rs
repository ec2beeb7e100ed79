//! NaN, infinities, signed zeros and integer limits through the constructors, formatting,
//! comparison and random sampling. Expected strings are NumPy 2.4's `str(a)` for the same data.

use tensor::prelude::*;

const NAN: f64 = f64::NAN;
const INF: f64 = f64::INFINITY;

#[test]
fn full_with_non_finite_values() {
    let n = Tensor::<f64, 2, 3>::full(NAN);
    assert!(n.iter().all(|x| x.is_nan()));
    let i = Tensor::<f32, 3, 2>::full(f32::NEG_INFINITY);
    assert!(i.iter().all(|&x| x == f32::NEG_INFINITY));
    let z = Tensor::<f64, 1, 4>::full(-0.0);
    assert!(z.iter().all(|x| *x == 0.0 && x.is_sign_negative()));
}

#[test]
fn nan_tensors_are_not_equal_to_themselves() {
    // IEEE (and NumPy's `array_equal`): NaN compares unequal, even to itself.
    let n = Tensor::<f64, 2, 2>::full(NAN);
    assert_ne!(n, n);
    let mut a = Tensor::<f64, 2, 2>::ones();
    let b = a;
    a[(1, 1)] = NAN;
    assert_ne!(a, b);
    // Signed zeros compare equal.
    assert_eq!(Tensor::<f64, 2, 2>::full(-0.0), Tensor::zeros());
}

#[test]
fn display_of_nan_and_inf_matches_numpy() {
    assert_eq!(
        Tensor::<f64, 2, 2>::full(NAN).to_string(),
        "[[nan nan]\n [nan nan]]"
    );
    assert_eq!(
        Tensor::from([1.0, NAN, INF, -INF]).to_string(),
        "[  1.  nan  inf -inf]"
    );
    assert_eq!(
        Tensor::<f64, 1, 3>::full(-INF).to_string(),
        "[-inf -inf -inf]"
    );
    assert_eq!(
        Tensor::from([[INF, 1.5], [-2.25, NAN]]).to_string(),
        "[[  inf  1.5 ]\n [-2.25   nan]]"
    );
    assert_eq!(Tensor::from([0.125, NAN]).to_string(), "[0.125   nan]");
    assert_eq!(
        Tensor::from([[100.5, NAN], [1.0, -INF]]).to_string(),
        "[[100.5   nan]\n [  1.   -inf]]"
    );
    assert_eq!(
        format!("{:.3}", Tensor::from([NAN, 1.0 / 3.0])),
        "[  nan 0.333]"
    );
    assert_eq!(
        Tensor::from([f32::NAN, f32::INFINITY]).to_string(),
        "[nan inf]"
    );
}

#[test]
fn display_of_signed_zero_matches_numpy() {
    assert_eq!(Tensor::from([0.0, -0.0]).to_string(), "[ 0. -0.]");
    assert_eq!(Tensor::from([-0.0f32]).to_string(), "[-0.]");
    assert_eq!(
        Tensor::<f64, 2, 1>::full(-0.0).to_string(),
        "[[-0.]\n [-0.]]"
    );
}

#[test]
fn display_of_integer_limits() {
    assert_eq!(
        Tensor::from([i8::MIN, 0, i8::MAX]).to_string(),
        "[-128    0  127]"
    );
    assert_eq!(
        Tensor::from([[u64::MAX], [0]]).to_string(),
        "[[18446744073709551615]\n [                   0]]"
    );
}

// u8 overflow and the single-element linspace are in tests/construct.rs.

#[test]
fn arange_fills_i8_up_to_its_max() {
    let b = Tensor::<i8, 1, 128>::arange();
    assert_eq!(b[127], 127);
}

#[test]
#[should_panic(
    expected = "arange: value 128 does not fit in the element type of a tensor of shape (1, 129)"
)]
fn arange_past_i8_max_panics() {
    let _ = Tensor::<i8, 1, 129>::arange();
}

#[test]
fn arange_of_floats_is_exact_up_to_the_mantissa() {
    // f32 represents every integer up to 2^24 exactly.
    let a = Tensor::<f32, 1024, 1024>::boxed_from_fn(|i, j| (i * 1024 + j) as f32);
    assert_eq!(a[(1023, 1023)], 1_048_575.0);
}

#[test]
fn linspace_with_one_element_and_equal_ends() {
    // np.linspace(5.0, 5.0, 1) == [5.], np.linspace(5.0, 5.0, 3) == [5. 5. 5.]
    assert_eq!(Tensor::<f32, 1, 1>::linspace(5.0, 5.0), Tensor::from([5.0]));
    assert_eq!(Tensor::<f32, 1, 3>::linspace(5.0, 5.0), Tensor::full(5.0));
}

#[test]
fn linspace_with_non_finite_ends_matches_numpy() {
    // NumPy's printed results for np.linspace(start, stop, 3).
    let ls = |start: f64, stop: f64| Tensor::<f64, 1, 3>::linspace(start, stop).to_string();
    assert_eq!(ls(0.0, INF), "[nan inf inf]");
    assert_eq!(ls(NAN, 1.0), "[nan nan  1.]");
    assert_eq!(ls(1.0, NAN), "[nan nan nan]");
    assert_eq!(ls(-INF, INF), "[nan nan inf]");
}

#[test]
fn map_propagates_nan_and_inf_like_ieee() {
    let t = Tensor::from([[1.0, INF], [-INF, NAN]]);
    let zeroed = t.map(|x| x * 0.0);
    assert_eq!(zeroed[(0, 0)], 0.0);
    assert!(zeroed[(0, 1)].is_nan() && zeroed[(1, 0)].is_nan() && zeroed[(1, 1)].is_nan());
    let recip = Tensor::from([0.0, -0.0]).map(|x: f64| 1.0 / x);
    assert_eq!(recip, Tensor::from([INF, -INF]));
}

#[cfg(feature = "rand")]
mod random {
    use tensor::prelude::*;
    use tensor::rand::SeedableRng;
    use tensor::rand::distr::Uniform;
    use tensor::rand::rngs::StdRng;
    use tensor::rand_distr::Normal;

    #[test]
    fn integer_ranges_at_the_limits_of_the_type() {
        let mut rng = StdRng::seed_from_u64(1);
        let full: Tensor<i8, 64, 64> =
            Tensor::random_using(Uniform::new_inclusive(i8::MIN, i8::MAX).unwrap(), &mut rng);
        assert!(full.iter().any(|&x| x == i8::MIN) && full.iter().any(|&x| x == i8::MAX));
        let top: Tensor<u64, 8, 8> =
            Tensor::random_using(Uniform::new(u64::MAX - 2, u64::MAX).unwrap(), &mut rng);
        assert!(top.iter().all(|&x| x == u64::MAX - 2 || x == u64::MAX - 1));
    }

    #[test]
    fn normal_with_nan_or_infinite_mean_gives_nan_or_infinity() {
        // np.random.normal(nan, 1) is nan; np.random.normal(inf, 1) is inf.
        let mut rng = StdRng::seed_from_u64(2);
        let n: Tensor<f64, 2, 2> =
            Tensor::random_using(Normal::new(f64::NAN, 1.0).unwrap(), &mut rng);
        assert!(n.iter().all(|x| x.is_nan()));
        let i: Tensor<f64, 2, 2> =
            Tensor::random_using(Normal::new(f64::INFINITY, 1.0).unwrap(), &mut rng);
        assert!(i.iter().all(|&x| x == f64::INFINITY));
    }

    #[test]
    fn invalid_distribution_parameters_are_errors_from_rand() {
        assert!(Uniform::new(3, 3).is_err());
        assert!(Uniform::new(0.0, f64::INFINITY).is_err());
        assert!(Normal::new(0.0, f64::NAN).is_err());
    }
}
