//! `Display` prints like NumPy's `print(a)`. Every expected string below is NumPy 2.4's output
//! for the same array.

use tensor::prelude::*;

#[test]
fn integers() {
    assert_eq!(tensor![[1, 2], [3, 4]].to_string(), "[[1 2]\n [3 4]]");
    assert_eq!(tensor![2, 4, 6].to_string(), "[2 4 6]");
    assert_eq!(
        tensor![[-1, 10], [100, -1000]].to_string(),
        "[[   -1    10]\n [  100 -1000]]"
    );
    assert_eq!(tensor![[1], [2]].to_string(), "[[1]\n [2]]");
    assert_eq!(tensor![7u8].to_string(), "[7]");
}

#[test]
fn floats_align_on_the_point() {
    assert_eq!(
        tensor![[1.0, -2.5], [10.0, 0.25]].to_string(),
        "[[ 1.   -2.5 ]\n [10.    0.25]]"
    );
    assert_eq!(tensor![1.0, 2.0].to_string(), "[1. 2.]");
    assert_eq!(tensor![-0.0, 1.0].to_string(), "[-0.  1.]");
    assert_eq!(tensor![1.0 / 3.0,].to_string(), "[0.33333333]");
    assert_eq!(tensor![0.1f32, 0.2, 0.3].to_string(), "[0.1 0.2 0.3]");
    assert_eq!(tensor![1.1f32].to_string(), "[1.1]");
}

#[test]
fn nan_and_infinities() {
    assert_eq!(
        tensor![1.5, f64::NAN, f64::NEG_INFINITY].to_string(),
        "[ 1.5  nan -inf]"
    );
    assert_eq!(
        tensor![[1.5, f64::NAN], [f64::INFINITY, -2.25]].to_string(),
        "[[ 1.5    nan]\n [  inf -2.25]]"
    );
    assert_eq!(tensor![f32::NAN,].to_string(), "[nan]");
}

#[test]
fn precision_from_the_format_string() {
    assert_eq!(format!("{:.2}", tensor![1.0f32 / 3.0, 2.0]), "[0.33 2.00]");
    assert_eq!(format!("{:.0}", tensor![[1.4, 2.6]]), "[1. 3.]");
    assert_eq!(format!("{:.1}", tensor![[1, 2]]), "[1 2]");
}

#[test]
fn extreme_values_and_precisions_do_not_fail() {
    let s = tensor![f64::MAX, f64::MIN_POSITIVE].to_string();
    assert_eq!(s, "[1.79769313e+308 2.22507386e-308]");
    // precisions are capped at 150 digits
    let s = format!("{:.400}", tensor![f64::MAX,]);
    assert_eq!(s.len(), "[1.".len() + 150 + "e+308]".len(), "{s}");
    let s = format!("{:.400}", tensor![1.0]);
    assert_eq!(s.len(), "[1.".len() + 150 + "]".len(), "{s}");
}

#[test]
fn scientific_notation_like_numpy() {
    // NumPy switches when the largest magnitude is >= 1e8, the smallest < 1e-4, or their
    // ratio > 1000; every expected string is NumPy's.
    assert_eq!(tensor![0.1, 0.00015].to_string(), "[0.1     0.00015]");
    assert_eq!(
        tensor![0.1, 1e-3, 100.0].to_string(),
        "[1.e-01 1.e-03 1.e+02]"
    );
    assert_eq!(tensor![1e8, 1.0].to_string(), "[1.e+08 1.e+00]");
    assert_eq!(tensor![1e-5].to_string(), "[1.e-05]");
    assert_eq!(
        tensor![1.5e10, -2.0, f64::NAN].to_string(),
        "[ 1.5e+10 -2.0e+00      nan]"
    );
    assert_eq!(
        tensor![123456789.0, 0.5].to_string(),
        "[1.23456789e+08 5.00000000e-01]"
    );
    assert_eq!(tensor![1e-300, 1e300].to_string(), "[1.e-300 1.e+300]");
    assert_eq!(
        tensor![1e100, -1e-100, 0.0].to_string(),
        "[ 1.e+100 -1.e-100  0.e+000]"
    );
    assert_eq!(
        tensor![[1e9, 2.5], [3.0, 4.0]].to_string(),
        "[[1.0e+09 2.5e+00]\n [3.0e+00 4.0e+00]]"
    );
    assert_eq!(tensor![0.0, 1e-5].to_string(), "[0.e+00 1.e-05]");
    assert_eq!(tensor![0.1f32, 1e-5].to_string(), "[1.e-01 1.e-05]");
    assert_eq!(format!("{:.2}", tensor![1e9, 2.5]), "[1.00e+09 2.50e+00]");
}
