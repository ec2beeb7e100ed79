//! Same-shape and scalar arithmetic, in-place operators and negation, for floats and
//! integers: properties against naive f64 references, IEEE propagation and integer overflow.
//!
//! Tolerance: exact. Each element is one IEEE operation; for `f32` the reference computes in
//! f64 and rounds once, which is exact for `+ - * /` (f64 has more than 2 * 24 + 2 bits).
#![allow(clippy::op_ref)] // the borrowed operand forms are under test

use crate::common;

use common::ulps32;
use proptest::collection::vec;
use proptest::prelude::*;
use tensor::prelude::*;

fn t<T: Copy, const R: usize, const C: usize>(flat: &[T]) -> Tensor<T, R, C> {
    Tensor::from_fn(|i, j| flat[i * C + j])
}

macro_rules! f32_props {
    ($($name:ident: $r:literal x $c:literal;)*) => {$(
        proptest! {
            #[test]
            fn $name(a in vec(-1e6..1e6f32, $r * $c), b in vec(-1e6..1e6f32, $r * $c), s in -1e3..1e3f32) {
                let (x, y) = (t::<f32, $r, $c>(&a), t::<f32, $r, $c>(&b));
                let refs: [(Tensor<f32, $r, $c>, fn(f64, f64) -> f64); 4] = [
                    (x + y, |p, q| p + q),
                    (&x - y, |p, q| p - q),
                    (x * &y, |p, q| p * q),
                    (&x / &y, |p, q| p / q),
                ];
                for (got, f) in refs {
                    for k in 0..a.len() {
                        let want = f(f64::from(a[k]), f64::from(b[k])) as f32;
                        prop_assert_eq!(ulps32(got.as_flat()[k], want), 0, "element {}", k);
                    }
                }
                // In place, owned and borrowed right operands, and with a scalar on either side.
                let mut z = x;
                z += y;
                z -= &y;
                prop_assert_eq!(z, (x + y) - y);
                let mut w = x;
                w *= &y;
                w /= y;
                prop_assert_eq!(w, x * y / y);
                for k in 0..a.len() {
                    let (p, q) = (f64::from(a[k]), f64::from(s));
                    prop_assert_eq!((x * s).as_flat()[k], (p * q) as f32);
                    prop_assert_eq!((s - x).as_flat()[k], (q - p) as f32);
                    prop_assert_eq!((s / &x).as_flat()[k].to_bits(), ((q / p) as f32).to_bits());
                    prop_assert_eq!((&x + s).as_flat()[k], (p + q) as f32);
                    prop_assert_eq!((-x).as_flat()[k], -a[k]);
                }
                let mut v = x;
                v *= s;
                v += 1.0;
                prop_assert_eq!(v, x * s + 1.0);
            }
        }
    )*};
}

f32_props! {
    f32_ops_1x1: 1 x 1;
    f32_ops_1x7: 1 x 7;
    f32_ops_5x1: 5 x 1;
    f32_ops_8x8: 8 x 8;
    f32_ops_13x21: 13 x 21;
}

macro_rules! int_props {
    ($($name:ident: $r:literal x $c:literal;)*) => {$(
        proptest! {
            #[test]
            fn $name(
                a in vec(-1_000_000..1_000_000i64, $r * $c),
                b in vec(prop_oneof![-1000..-1i64, 1..1000i64], $r * $c),
                s in 1..100i64,
            ) {
                let (x, y) = (t::<i64, $r, $c>(&a), t::<i64, $r, $c>(&b));
                let (sum, diff, prod, quot) = (x + y, &x - &y, x * &y, &x / y);
                for k in 0..a.len() {
                    prop_assert_eq!(sum.as_flat()[k], a[k] + b[k]);
                    prop_assert_eq!(diff.as_flat()[k], a[k] - b[k]);
                    prop_assert_eq!(prod.as_flat()[k], a[k] * b[k]);
                    prop_assert_eq!(quot.as_flat()[k], a[k] / b[k]); // truncates, as Rust's `/`
                    prop_assert_eq!((s * x).as_flat()[k], s * a[k]);
                    prop_assert_eq!((x / s).as_flat()[k], a[k] / s);
                    prop_assert_eq!((s - &x).as_flat()[k], s - a[k]);
                    prop_assert_eq!((-&x).as_flat()[k], -a[k]);
                }
                let mut z = x;
                z -= y;
                z += &y;
                prop_assert_eq!(z, x);
            }
        }
    )*};
}

int_props! {
    i64_ops_1x1: 1 x 1;
    i64_ops_3x4: 3 x 4;
    i64_ops_9x2: 9 x 2;
    // From 256 elements the loops run on the machine's best instruction set.
    i64_ops_13x21: 13 x 21;
}

#[test]
fn every_primitive_type_has_scalar_ops_on_both_sides() {
    macro_rules! check {
        ($($ty:ty)*) => {$(
            let a = Tensor::<$ty, 2, 2>::from([[1, 2], [3, 4]].map(|r| r.map(|v| v as $ty)));
            let two = 2 as $ty;
            assert_eq!((a * two).sum(), 20 as $ty);
            assert_eq!((two * a).sum(), 20 as $ty);
            assert_eq!((a + two).sum(), 18 as $ty);
            assert_eq!((two + &a).sum(), 18 as $ty);
            assert_eq!((&a - (1 as $ty)).sum(), 6 as $ty);
            assert_eq!(((12 as $ty) / a)[(0, 0)], 12 as $ty);
            // Both by reference, as `grad!` writes them.
            assert_eq!(&a * &two, a * two);
            assert_eq!(&two * &a, two * a);
            assert_eq!(&a + &two, a + two);
            assert_eq!(&(12 as $ty) / &a, (12 as $ty) / a);
            let mut b = a;
            b *= two;
            b /= two;
            b += two;
            b -= two;
            assert_eq!(b, a);
        )*};
    }
    check!(f32 f64 i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);
}

#[test]
fn float_ops_propagate_nan_and_infinity_as_ieee() {
    let a = tensor![1.0f32, -1.0, 0.0, f32::NAN, f32::INFINITY, f32::INFINITY];
    let b = tensor![0.0f32, 0.0, 0.0, 1.0, f32::NEG_INFINITY, f32::INFINITY];
    let q = a / b;
    assert_eq!(q[0], f32::INFINITY);
    assert_eq!(q[1], f32::NEG_INFINITY);
    assert!(q[2].is_nan());
    assert!(q[3].is_nan());
    assert!(q[4].is_nan());
    let s = a + b;
    assert!(s[3].is_nan());
    assert!(s[4].is_nan()); // inf + -inf
    assert_eq!(s[5], f32::INFINITY);
    assert!((a * 0.0)[4].is_nan()); // inf * 0
    assert_eq!((-a)[4], f32::NEG_INFINITY);
    assert!((-a)[2].is_sign_negative()); // -(0.0) is -0.0
}

/// Integer overflow is Rust's: with overflow checks on (debug builds, `cargo test`) the op
/// panics with Rust's own message; with them off (release) it wraps. Never UB.
#[test]
#[cfg_attr(
    debug_assertions,
    should_panic(expected = "attempt to add with overflow")
)]
fn integer_add_overflow_panics_in_debug_and_wraps_in_release() {
    let a = Tensor::from([i32::MAX, 1]);
    let sum = a + Tensor::from([1, 1]);
    assert_eq!(sum, Tensor::from([i32::MIN, 2]));
}

#[test]
#[cfg_attr(
    debug_assertions,
    should_panic(expected = "attempt to multiply with overflow")
)]
fn integer_scalar_mul_overflow_panics_in_debug_and_wraps_in_release() {
    let a = Tensor::from([200u8, 2]);
    assert_eq!(a * 2, Tensor::from([144, 4]));
}

#[test]
#[cfg_attr(
    debug_assertions,
    should_panic(expected = "attempt to negate with overflow")
)]
fn integer_negation_overflow_panics_in_debug_and_wraps_in_release() {
    let a = Tensor::from([i8::MIN, 1]);
    assert_eq!(-a, Tensor::from([i8::MIN, -1]));
}

#[test]
#[should_panic(expected = "attempt to divide by zero")]
fn integer_division_by_zero_panics() {
    let _ = Tensor::from([1, 2]) / Tensor::from([1, 0]);
}

/// `+=` between same-shape tensors needs no dimension arithmetic: it works for a dimension
/// outside the table of `tensor::shape::Dim` (4099), in place inside a `Box`, as does `zip_map`.
#[test]
fn in_place_ops_work_beyond_the_typenum_table() {
    let mut big = Box::new(Tensor::<f32, 1, 4099>::full(1.0));
    let other = Tensor::<f32, 1, 4099>::full(2.0);
    *big += &other;
    *big *= 3.0;
    *big -= other;
    assert!(big.iter().all(|&x| x == 7.0));
    let z = big.zip_map(other, |p, q| p + q);
    assert_eq!(z.sum(), 9.0 * 4099.0);
    assert_eq!((-*big).max(), -7.0);
}

/// Passing twin of ui-tests/add-assign-wrong-shape.rs.
#[test]
fn add_assign_with_the_same_shape_compiles() {
    let mut a = Tensor::<i32, 2, 3>::zeros();
    a += Tensor::<i32, 2, 3>::ones();
    a += &Tensor::<i32, 2, 3>::ones();
    assert_eq!(a, Tensor::full(2));
}

/// A scalar on the right works while the element type is still an inferred `{float}` or
/// `{integer}`, so a method can be called on the result directly.
#[test]
fn scalar_ops_infer_the_element_type() {
    let x = tensor![1.0, 2.0];
    assert_eq!((x * 2.0).sum(), 6.0);
    assert_eq!((&x - 1.0).max(), 1.0);
    let n = tensor![[1, 2], [3, 4]];
    assert_eq!((n + 1).prod(), 120);
    let mut y = tensor![1.5, 2.5];
    y *= 2.0;
    assert_eq!(y.sum(), 8.0);
    let left = 10 - n;
    assert_eq!(left, tensor![[9, 8], [7, 6]]);
}
