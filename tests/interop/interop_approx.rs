//! approx: AbsDiffEq, RelativeEq and UlpsEq compare tensors element by element.

use approx::{
    AbsDiffEq, RelativeEq, UlpsEq, abs_diff_eq, abs_diff_ne, assert_relative_eq, relative_eq,
    relative_ne, ulps_eq, ulps_ne,
};
use tensor::prelude::*;

#[test]
fn abs_diff_eq_holds_only_if_every_element_is_close() {
    let a = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    let mut b = a;
    assert!(abs_diff_eq!(a, b));
    b[(1, 2)] += 1e-3;
    assert!(abs_diff_eq!(a, b, epsilon = 2e-3));
    assert!(abs_diff_ne!(a, b, epsilon = 5e-4));
    // Only the last element differs: each position is compared with its own counterpart.
    b = a;
    b[(0, 0)] = 1.1;
    assert!(!a.abs_diff_eq(&b, 0.05));
    assert!(a.abs_diff_eq(&b, 0.11));
    assert_eq!(Tensor::<f32, 2, 2>::default_epsilon(), f32::EPSILON);
}

#[test]
fn relative_eq_scales_with_magnitude() {
    let a = Tensor::from([1e-8, 1.0, 1e8]);
    let b = a.map(|x| x * (1.0 + 1e-10));
    assert!(relative_eq!(a, b, max_relative = 1e-9));
    assert!(relative_ne!(a, b, max_relative = 1e-11));
    assert_relative_eq!(a, b, epsilon = 0.0, max_relative = 1e-9);
    assert_eq!(Tensor::<f64, 1, 1>::default_max_relative(), f64::EPSILON);
    // The absolute test alone would fail on the large element.
    assert!(!a.abs_diff_eq(&b, 1e-9));
}

#[test]
fn ulps_eq_counts_representable_steps() {
    let a = Tensor::from([[1.0f32, -2.0], [0.5, 100.0]]);
    let next = a.map(|x: f32| f32::from_bits(x.to_bits() + 1));
    let two_up = next.map(|x: f32| f32::from_bits(x.to_bits() + 1));
    assert!(ulps_eq!(a, next, max_ulps = 1));
    assert!(ulps_ne!(a, two_up, max_ulps = 1));
    assert!(a.ulps_eq(&two_up, 0.0, 2));
    assert_eq!(Tensor::<f32, 1, 1>::default_max_ulps(), 4);
}

#[test]
fn nan_is_never_approximately_equal_and_infinities_equal_themselves() {
    let a = Tensor::from([1.0, f64::NAN]);
    assert!(abs_diff_ne!(a, a, epsilon = f64::INFINITY));
    assert!(relative_ne!(a, a));
    assert!(ulps_ne!(a, a));
    let inf = Tensor::from([f64::INFINITY, f64::NEG_INFINITY]);
    assert!(relative_eq!(inf, inf));
    assert!(ulps_eq!(inf, inf));
}

#[test]
fn integer_tensors_compare_with_integer_epsilon() {
    let a = Tensor::from([[10i32, 20], [30, 40]]);
    let b = Tensor::from([[11i32, 19], [30, 42]]);
    assert!(a.abs_diff_eq(&b, 2));
    assert!(!a.abs_diff_eq(&b, 1));
}

#[test]
fn empty_tensors_are_equal() {
    let e = Tensor::<f32, 0, 3>::zeros();
    assert!(abs_diff_eq!(e, e));
}
