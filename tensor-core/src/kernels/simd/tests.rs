//! One harness for every kernel: each available instruction set against the scalar reference
//! (the CPU lacking one prints "skipping" rather than failing). `TENSOR_KERNEL` and the
//! `force-portable` feature choose the kernel of the public API; this harness calls each
//! kernel directly, so one `cargo test` on an AVX-512 machine covers all four.

extern crate std;

use std::vec::Vec;
use std::{eprintln, format, vec};

use super::super::entry;
use super::super::out_of;
use super::super::product_tests::values;
use super::dispatch::{Isa, choose};
use super::{Binary, Simd, Unary};

/// The naive triple loop in `f64`, and `|A| |B|` for the tolerance.
fn reference(m: usize, k: usize, n: usize, a: &[f64], b: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let mut c = vec![0.0; m * n];
    let mut s = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            for p in 0..k {
                c[i * n + j] += a[i * k + p] * b[p * n + j];
                s[i * n + j] += (a[i * k + p] * b[p * n + j]).abs();
            }
        }
    }
    (c, s)
}

/// Shapes that hit every branch of the blocked product: empty, below a vector, partial
/// panels and tiles, exact tiles, several `k` blocks (`KC = 256`), several `n` blocks (`NC = 512`).
const SHAPES: &[(usize, usize, usize)] = &[
    (0, 3, 4),
    (3, 0, 4),
    (3, 4, 0),
    (1, 1, 1),
    (2, 3, 5),
    (7, 9, 3),
    (8, 8, 8),
    (9, 17, 33),
    (16, 16, 16),
    (13, 31, 47),
    (32, 32, 32),
    (33, 65, 71),
    (64, 64, 64),
    (6, 300, 40),
    (17, 520, 9),
    (5, 3, 530),
    (2, 600, 1030),
    (16, 70, 130),
    (24, 40, 256),
    (8, 1100, 20),
];

fn gemm_matches<K: Simd>(simd: K) {
    for &(m, k, n) in SHAPES {
        let a = values(m * k, (m * 31 + k) as u64);
        let b = values(k * n, (n * 17 + k) as u64);
        let (want, scale) = reference(m, k, n, &a, &b);
        let mut c64 = vec![f64::NAN; m * n];
        entry::gemm(simd, (m, k, n), &a, &b, out_of(&mut c64));
        let a32: Vec<f32> = a.iter().map(|&x| x as f32).collect();
        let b32: Vec<f32> = b.iter().map(|&x| x as f32).collect();
        let (want32, scale32) = reference(
            m,
            k,
            n,
            &a32.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
            &b32.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
        );
        let mut c32 = vec![f32::NAN; m * n];
        entry::gemm(simd, (m, k, n), &a32, &b32, out_of(&mut c32));
        let what = format!("{} {m}x{k}x{n}", K::NAME);
        for x in 0..m * n {
            let tol = (k as f64 + 1.0) * f64::EPSILON * scale[x];
            assert!(
                (c64[x] - want[x]).abs() <= tol,
                "{what} f64 [{x}]: {} vs {}",
                c64[x],
                want[x]
            );
            let tol = (k as f64 + 1.0) * f64::from(f32::EPSILON) * scale32[x];
            let got = f64::from(c32[x]);
            assert!(
                (got - want32[x]).abs() <= tol,
                "{what} f32 [{x}]: {got} vs {}",
                want32[x]
            );
        }
    }
}

#[test]
fn gemm_every_kernel_against_the_naive_loop() {
    for_each_kernel!(gemm_matches);
}

fn gemm_propagates_nan<K: Simd>(simd: K) {
    // 0 * inf is NaN, in a wide tile, a narrow one and the scalar columns alike.
    let (m, k, n) = (9, 3, 37);
    let mut a = vec![1.0f32; m * k];
    let mut b = vec![1.0f32; k * n];
    a[8 * k + 1] = 0.0;
    for j in 0..n {
        b[n + j] = f32::INFINITY;
    }
    let mut c = vec![f32::NAN; m * n];
    entry::gemm(simd, (m, k, n), &a, &b, out_of(&mut c));
    for j in 0..n {
        assert!(
            c[8 * n + j].is_nan(),
            "{} column {j}: {}",
            K::NAME,
            c[8 * n + j]
        );
        assert_eq!(c[j], f32::INFINITY, "{}", K::NAME);
    }
}

#[test]
fn gemm_every_kernel_propagates_nan() {
    for_each_kernel!(gemm_propagates_nan);
}

fn binary_is_exact<K: Simd>(simd: K) {
    for len in (0..70).chain([1000, 1027]) {
        let a = values(len, len as u64 + 1);
        let b: Vec<f64> = values(len, len as u64 + 99)
            .iter()
            .map(|x| x + 1.5)
            .collect();
        let (a32, b32): (Vec<f32>, Vec<f32>) = (
            a.iter().map(|&x| x as f32).collect(),
            b.iter().map(|&x| x as f32).collect(),
        );
        for (op, f64op, f32op) in [
            (
                Binary::Add,
                (|x, y| x + y) as fn(f64, f64) -> f64,
                (|x, y| x + y) as fn(f32, f32) -> f32,
            ),
            (Binary::Sub, |x, y| x - y, |x, y| x - y),
            (Binary::Mul, |x, y| x * y, |x, y| x * y),
            (Binary::Div, |x, y| x / y, |x, y| x / y),
        ] {
            let mut got = a.clone();
            entry::binary(simd, op, &mut got, &b);
            let want: Vec<f64> = a.iter().zip(&b).map(|(&x, &y)| f64op(x, y)).collect();
            assert_eq!(got, want, "{} {op:?} f64 len {len}", K::NAME);
            let mut got = a32.clone();
            entry::binary(simd, op, &mut got, &b32);
            let want: Vec<f32> = a32.iter().zip(&b32).map(|(&x, &y)| f32op(x, y)).collect();
            assert_eq!(got, want, "{} {op:?} f32 len {len}", K::NAME);
            let mut out = vec![f32::NAN; len];
            entry::binary_into(simd, op, &a32, &b32, out_of(&mut out));
            assert_eq!(out, want, "{} {op:?} f32 into, len {len}", K::NAME);
            let mut out = vec![f64::NAN; len];
            entry::binary_into(simd, op, &a, &b, out_of(&mut out));
            let want: Vec<f64> = a.iter().zip(&b).map(|(&x, &y)| f64op(x, y)).collect();
            assert_eq!(out, want, "{} {op:?} f64 into, len {len}", K::NAME);
        }
    }
}

#[test]
fn binary_every_kernel_is_the_ieee_operation() {
    for_each_kernel!(binary_is_exact);
}

/// The distance in units in the last place (`u32::MAX` if exactly one is NaN).
fn ulps(a: f32, b: f32) -> u32 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    if a.is_nan() || b.is_nan() {
        return u32::MAX;
    }
    let key = |x: f32| {
        let b = x.to_bits();
        if b >> 31 == 1 {
            -i64::from(b & 0x7FFF_FFFF)
        } else {
            i64::from(b)
        }
    };
    u32::try_from(key(a).abs_diff(key(b))).unwrap_or(u32::MAX)
}

/// The correctly rounded result (up to the rare double rounding), from the `f64` function.
fn reference_unary(op: Unary, x: f32) -> f32 {
    let x = f64::from(x);
    (match op {
        Unary::Exp => x.exp(),
        Unary::Ln => x.ln(),
        Unary::Tanh => x.tanh(),
        Unary::Sigmoid => 1.0 / (1.0 + (-x).exp()),
    }) as f32
}

/// The documented bound of each function (the table in `vmath`).
fn bound(op: Unary) -> u32 {
    match op {
        Unary::Exp | Unary::Ln | Unary::Tanh => 1,
        Unary::Sigmoid => 3,
    }
}

/// Edge values: zeros, denormals, the overflow and underflow thresholds, infinities, NaN.
fn edge_values() -> Vec<f32> {
    let mut v = vec![
        0.0,
        -0.0,
        f32::MIN_POSITIVE,
        -f32::MIN_POSITIVE,
        f32::from_bits(1),
        f32::from_bits(0x0000_1234),
        -f32::from_bits(1),
        1.0,
        -1.0,
        f32::EPSILON,
        0.625,
        -0.625,
        88.722_83,
        88.722_84,
        // sigmoid's worst cases found by a sweep of 23 million inputs (3 ulp)
        -2.011_009_5,
        -3.439_33,
        88.73,
        89.0,
        -87.336_55,
        -103.972,
        -103.98,
        -104.0,
        -105.0,
        9.0,
        -9.0,
        20.0,
        -16.7,
        f32::MAX,
        f32::MIN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        -f32::NAN,
    ];
    // Every 4099th bit pattern: all magnitudes, both signs (about a million values); every
    // 28 693rd (7 x 4099) in debug builds, where this sweep was most of the unit tests' time
    // (`.ci/run` runs the harness in release, under valgrind and qemu, with the full sweep).
    let step = if cfg!(debug_assertions) {
        7 * 4099
    } else {
        4099
    };
    v.extend((0..=u32::MAX).step_by(step).map(f32::from_bits));
    // Dense around the ranges that matter.
    v.extend((-120_000..=120_000).map(|i| i as f32 * 1e-3));
    v
}

fn unary_within_bounds<K: Simd>(simd: K) {
    let inputs = edge_values();
    for op in [Unary::Exp, Unary::Ln, Unary::Tanh, Unary::Sigmoid] {
        let mut got = vec![f32::NAN; inputs.len()];
        entry::unary_into(simd, op, &inputs, out_of(&mut got));
        let mut worst = (0, 0.0f32);
        for (&x, &g) in inputs.iter().zip(&got) {
            let want = reference_unary(op, x);
            if !want.is_finite() || want == 0.0 {
                // Special results exactly, the sign of zero included.
                let same = (want.is_nan() && g.is_nan()) || want.to_bits() == g.to_bits();
                assert!(same, "{} {op:?}({x:e}) = {g:e}, want {want:e}", K::NAME);
                continue;
            }
            let d = ulps(g, want);
            if d > worst.0 {
                worst = (d, x);
            }
        }
        eprintln!("{} {op:?}: max {} ulp (at {:e})", K::NAME, worst.0, worst.1);
        assert!(
            worst.0 <= bound(op),
            "{} {op:?}: {} ulp at {:e}, documented bound {}",
            K::NAME,
            worst.0,
            worst.1,
            bound(op)
        );
    }
}

#[test]
fn vectorized_math_every_kernel_within_its_documented_error() {
    for_each_kernel!(unary_within_bounds);
}

/// `op` of every element of `x` on AVX-512F and on AVX2 agree bit for bit: AVX-512F's
/// one-instruction `frexp` and `scale` give what the bit tricks give (the operations are the
/// same fused ones otherwise). Skipped on a CPU without both.
#[cfg(target_arch = "x86_64")]
pub(in crate::kernels) fn avx512_agrees_with_avx2<E>(op: Unary, x: &[E])
where
    E: entry::Math + Into<f64> + core::fmt::Debug,
{
    use super::x86::{Avx2, Avx512};
    let (Some(avx2), Some(avx512)) = (Avx2::try_new(), Avx512::try_new()) else {
        eprintln!("skipping: this CPU lacks AVX-512F or AVX2");
        return;
    };
    let (mut a, mut b) = (vec![E::default(); x.len()], vec![E::default(); x.len()]);
    entry::unary_into(avx2, op, x, out_of(&mut a));
    entry::unary_into(avx512, op, x, out_of(&mut b));
    for ((x, &a), &b) in x.iter().zip(&a).zip(&b) {
        // Widening to f64 keeps every bit pattern apart (but NaN payloads).
        let (a, b): (f64, f64) = (a.into(), b.into());
        assert!(
            a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            "{op:?}({x:?}): avx2 {a:e}, avx512 {b:e}"
        );
    }
}

#[cfg(target_arch = "x86_64")]
#[test]
fn vectorized_math_avx512_agrees_with_avx2_bit_for_bit() {
    let x = edge_values();
    for op in [Unary::Exp, Unary::Ln, Unary::Tanh, Unary::Sigmoid] {
        avx512_agrees_with_avx2(op, &x);
    }
}

fn unary_independent_of_position<K: Simd>(simd: K) {
    // Unrolled body, single vectors and the padded tail all give each element the same result.
    let x: Vec<f32> = values(203, 5).iter().map(|&v| (v * 30.0) as f32).collect();
    for op in [Unary::Exp, Unary::Ln, Unary::Tanh, Unary::Sigmoid] {
        let mut whole = vec![0.0f32; x.len()];
        entry::unary_into(simd, op, &x, out_of(&mut whole));
        for (i, &v) in x.iter().enumerate() {
            let mut one = [0.0f32];
            entry::unary_into(simd, op, &[v], out_of(&mut one));
            assert_eq!(
                one[0].to_bits(),
                whole[i].to_bits(),
                "{} {op:?} [{i}]",
                K::NAME
            );
        }
    }
}

#[test]
fn vectorized_math_every_kernel_same_result_at_every_position() {
    for_each_kernel!(unary_independent_of_position);
}

#[test]
fn small_products_match_the_portable_loop() {
    use super::super::generated::small_matmul;
    use super::super::matmul::portable;
    fn check<const N: usize>() {
        let a: Vec<i64> = (0..N * N).map(|x| (x as i64 * 7) % 13 - 6).collect();
        let b: Vec<i64> = (0..N * N).map(|x| (x as i64 * 5) % 11 - 5).collect();
        let (mut got, mut want) = (vec![99; N * N], vec![0; N * N]);
        assert!(small_matmul::<i64, N>(&a, &b, &mut got));
        portable(&a, &b, &mut want, N, N);
        assert_eq!(got, want, "{N}");
        // -0.0 products sum to +0.0 (from zero, as NumPy and the loop).
        let (z, o) = (vec![-0.0f64; N * N], vec![1.0f64; N * N]);
        let mut out = vec![1.0; N * N];
        assert!(small_matmul::<f64, N>(&z, &o, &mut out));
        assert!(out.iter().all(|x| x.to_bits() == 0), "{N}: {out:?}");
    }
    check::<2>();
    check::<3>();
    check::<4>();
    check::<5>();
    check::<6>();
    check::<7>();
    check::<8>();
    assert!(!small_matmul::<i64, 9>(&[0; 81], &[0; 81], &mut [0; 81]));
    assert!(!small_matmul::<i64, 1>(&[0], &[0], &mut [0]));
    assert!(!small_matmul::<i64, 2>(&[0; 3], &[0; 4], &mut [0; 4]));
}

#[test]
fn kernel_choice_and_override() {
    let best = super::dispatch::detect();
    assert!(best.available());
    assert_eq!(choose(None), best);
    assert_eq!(choose(Some("portable")), Isa::Portable);
    assert_eq!(choose(Some("nonsense")), best);
    for name in ["sse2", "avx2", "avx512", "neon"] {
        let isa = Isa::from_name(name).unwrap();
        let got = choose(Some(name));
        assert!(got <= isa && got.available(), "{name}: {got:?}");
        if isa.available() {
            assert_eq!(got, isa);
        }
    }
    eprintln!(
        "best kernel here: {best:?}, active: {:?}",
        super::dispatch::active()
    );
}
