//! Every loop of the float reductions against a reference computed element by element in
//! extended precision: shapes chosen to hit each path (lanes of one element, short and long
//! contiguous lanes, strided lanes narrow and wide, the 8-row groups of the strided loop and
//! their remainders, the run-time-dispatched copies from 256 elements) and their edges.
//! Run on every kernel with `TENSOR_KERNEL=portable|sse2|avx2|avx512` (`.ci/run` does).

use tensor::prelude::*;
use tensor::{Tensor3, Tensor4};

/// A deterministic value in `[-1, 1)` plus an offset, so sums have some cancellation.
fn value(i: usize, seed: u64) -> f64 {
    let mut z = (i as u64 ^ (seed << 40)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^= z >> 32;
    (z >> 11) as f64 / (1u64 << 52) as f64 - 1.0 + 0.25
}

/// The exact-enough sum of `xs` (Neumaier's compensated sum, in `f64` of `f64`/`f32` values);
/// IEEE's NaN and infinities when there are any. Also the reference of `reduce_short`.
pub(crate) fn reference_sum(xs: &[f64]) -> f64 {
    if xs.iter().any(|x| !x.is_finite()) {
        return xs.iter().filter(|x| !x.is_finite()).sum();
    }
    let (mut s, mut c) = (0.0f64, 0.0f64);
    for &x in xs {
        let t = s + x;
        c += if s.abs() >= x.abs() {
            (s - t) + x
        } else {
            (x - t) + s
        };
        s = t;
    }
    s + c
}

/// Reference sum, mean, var (ddof 0 and 1) and norm of one lane.
fn reference(lane: &[f64]) -> [f64; 5] {
    let n = lane.len() as f64;
    let mean = reference_sum(lane) / n;
    let dev: Vec<f64> = lane.iter().map(|&x| (x - mean) * (x - mean)).collect();
    let ss = reference_sum(&dev);
    let sq: Vec<f64> = lane.iter().map(|&x| x * x).collect();
    [
        reference_sum(lane),
        mean,
        ss / n,
        ss / (n - 1.0),
        reference_sum(&sq).sqrt(),
    ]
}

/// `got` within `ulps` units of the type's precision of `want` (relative to the lane's scale).
fn close(got: f64, want: f64, scale: f64, eps: f64, what: &str) {
    let tol = 4.0 * eps * scale.max(want.abs()) + 1e-300;
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got:e}, want {want:e} (diff {:e}, tol {tol:e})",
        (got - want).abs()
    );
}

/// The lanes along `axis` of a row-major array of shape `dims`, in keepdims order.
fn lanes(xs: &[f64], dims: &[usize], axis: usize) -> Vec<Vec<f64>> {
    let outer: usize = dims[..axis].iter().product();
    let n = dims[axis];
    let inner: usize = dims[axis + 1..].iter().product();
    let mut out = Vec::new();
    for o in 0..outer {
        for j in 0..inner {
            out.push((0..n).map(|i| xs[(o * n + i) * inner + j]).collect());
        }
    }
    out
}

/// Checks one reduction's outputs against the references of its lanes: `k` picks sum (0),
/// mean (1), var (2), var with ddof 1 (3); `sqrt` takes the square root of the reference.
fn check(got: &[f64], refs: &[([f64; 5], f64)], k: usize, sqrt: bool, eps: f64, what: &str) {
    assert_eq!(got.len(), refs.len(), "{what}");
    for (i, (&g, (r, scale))) in got.iter().zip(refs).enumerate() {
        let want = if sqrt { r[k].sqrt() } else { r[k] };
        let scale = if k >= 2 { want.abs() } else { *scale };
        close(g, want, scale, eps, &format!("{what}[{i}]"));
    }
}

macro_rules! matrix {
    ($T:ty, $eps:expr, $r:literal, $c:literal) => {{
        const R: usize = $r;
        const C: usize = $c;
        let t: Box<Tensor<$T, R, C>> = Tensor::boxed_from_fn(|i, j| value(i * C + j, 7) as $T);
        let xs: Vec<f64> = t.as_flat().iter().map(|&x| x as f64).collect();
        let what = format!("{} ({R}, {C})", stringify!($T));
        let f = |v: &[$T]| v.iter().map(|&x| x as f64).collect::<Vec<f64>>();
        // Whole.
        let r = reference(&xs);
        let scale = xs.iter().map(|x| x.abs()).sum::<f64>();
        close(t.sum() as f64, r[0], scale, $eps, &format!("{what} sum"));
        close(
            t.mean() as f64,
            r[1],
            scale / xs.len() as f64,
            $eps,
            &format!("{what} mean"),
        );
        close(t.var() as f64, r[2], r[2], $eps, &format!("{what} var"));
        if R * C > 1 {
            close(
                t.var_ddof(1) as f64,
                r[3],
                r[3],
                $eps,
                &format!("{what} var ddof 1"),
            );
        }
        close(
            t.std() as f64,
            r[2].sqrt(),
            r[2].sqrt(),
            $eps,
            &format!("{what} std"),
        );
        close(t.norm() as f64, r[4], r[4], $eps, &format!("{what} norm"));
        // Per axis.
        for axis in 0..2 {
            let refs: Vec<([f64; 5], f64)> = lanes(&xs, &[R, C], axis)
                .iter()
                .map(|l| {
                    (
                        reference(l),
                        l.iter().map(|x| x.abs()).sum::<f64>() / l.len() as f64,
                    )
                })
                .collect();
            let sums: Vec<([f64; 5], f64)> = refs
                .iter()
                .map(|(r, s)| (*r, s * [R, C][axis] as f64))
                .collect();
            let n = [R, C][axis];
            let w = format!("{what} axis {axis}");
            let (sum, mean, var, std, var1) = if axis == 0 {
                (
                    f(t.sum_axis::<0>().as_flat()),
                    f(t.mean_axis::<0>().as_flat()),
                    f(t.var_axis::<0>().as_flat()),
                    f(t.std_axis::<0>().as_flat()),
                    f(t.var_axis_ddof::<0>(1).as_flat()),
                )
            } else {
                (
                    f(t.sum_axis::<1>().as_flat()),
                    f(t.mean_axis::<1>().as_flat()),
                    f(t.var_axis::<1>().as_flat()),
                    f(t.std_axis::<1>().as_flat()),
                    f(t.var_axis_ddof::<1>(1).as_flat()),
                )
            };
            check(&sum, &sums, 0, false, $eps, &format!("{w} sum"));
            check(&mean, &refs, 1, false, $eps, &format!("{w} mean"));
            check(&var, &refs, 2, false, $eps, &format!("{w} var"));
            check(&std, &refs, 2, true, $eps, &format!("{w} std"));
            if n > 1 {
                check(&var1, &refs, 3, false, $eps, &format!("{w} var ddof 1"));
            }
        }
    }};
}

macro_rules! shapes {
    ($name:ident, $T:ty, $eps:expr) => {
        #[test]
        fn $name() {
            // Lanes of one element, tiny tensors, short lanes (< 16), the 16 boundary, the
            // 8-row groups (8, 9, 24, 25 rows), narrow (<= 16) and wide (> 16, 128, 129) row
            // buffers, and the dispatched copies from 256 elements (255, 256, 257).
            matrix!($T, $eps, 1, 1);
            matrix!($T, $eps, 1, 7);
            matrix!($T, $eps, 7, 1);
            matrix!($T, $eps, 3, 4);
            matrix!($T, $eps, 2, 15);
            matrix!($T, $eps, 15, 2);
            matrix!($T, $eps, 16, 16);
            matrix!($T, $eps, 17, 17);
            matrix!($T, $eps, 8, 3);
            matrix!($T, $eps, 9, 5);
            matrix!($T, $eps, 24, 16);
            matrix!($T, $eps, 25, 17);
            matrix!($T, $eps, 33, 128);
            matrix!($T, $eps, 9, 129);
            matrix!($T, $eps, 1, 255);
            matrix!($T, $eps, 256, 1);
            matrix!($T, $eps, 1, 257);
            matrix!($T, $eps, 3, 300);
            matrix!($T, $eps, 300, 3);
            matrix!($T, $eps, 1000, 64);
            matrix!($T, $eps, 64, 1000);
        }
    };
}

shapes!(f32_paths, f32, f32::EPSILON as f64);
shapes!(f64_paths, f64, f64::EPSILON);

/// Rank 3 and 4: every axis and the per-channel reductions, against the rank-2 results of the
/// same lanes (which the tests above check against the references).
#[test]
fn higher_ranks_reduce_like_their_lanes() {
    let t = Tensor3::<f64, 5, 19, 3>::from_fn(|i, j, k| value((i * 19 + j) * 3 + k, 3));
    let xs: Vec<f64> = t.as_flat().to_vec();
    for (axis, got) in [
        (0, t.sum_axis::<0>().as_flat().to_vec()),
        (1, t.sum_axis::<1>().as_flat().to_vec()),
        (2, t.sum_axis::<2>().as_flat().to_vec()),
    ] {
        for (g, lane) in got.iter().zip(lanes(&xs, &[5, 19, 3], axis)) {
            close(
                *g,
                reference(&lane)[0],
                lane.iter().map(|x| x.abs()).sum(),
                f64::EPSILON,
                "sum",
            );
        }
    }
    for (axis, got) in [
        (0, t.var_axis::<0>().as_flat().to_vec()),
        (1, t.var_axis::<1>().as_flat().to_vec()),
        (2, t.std_axis::<2>().map(|x| x * x).as_flat().to_vec()),
    ] {
        for (g, lane) in got.iter().zip(lanes(&xs, &[5, 19, 3], axis)) {
            let want = reference(&lane)[2];
            close(*g, want, want, 4.0 * f64::EPSILON, "var");
        }
    }
    let channel = t.channel_mean();
    for (c, g) in channel.iter().enumerate() {
        let lane: Vec<f64> = xs.iter().skip(c).step_by(3).copied().collect();
        close(*g, reference(&lane)[1], 1.0, f64::EPSILON, "channel_mean");
    }
    let u = Tensor4::<f32, 2, 3, 17, 20>::from_fn(|a, b, c, d| {
        value(((a * 3 + b) * 17 + c) * 20 + d, 5) as f32
    });
    let ys: Vec<f64> = u.as_flat().iter().map(|&x| f64::from(x)).collect();
    for (axis, got) in [(0, u.mean_axis::<0>())] {
        for (g, lane) in got.iter().zip(lanes(&ys, &[2, 3, 17, 20], axis)) {
            close(
                f64::from(*g),
                reference(&lane)[1],
                1.0,
                f32::EPSILON as f64,
                "mean",
            );
        }
    }
    for (axis, got) in [
        (2, u.var_axis::<2>().as_flat().to_vec()),
        (3, u.var_axis::<3>().as_flat().to_vec()),
    ] {
        for (g, lane) in got.iter().zip(lanes(&ys, &[2, 3, 17, 20], axis)) {
            let want = reference(&lane)[2];
            close(f64::from(*g), want, want, f32::EPSILON as f64, "var");
        }
    }
}

/// The index after `k`, wrapping at `n`.
fn next_index(k: usize, n: usize) -> usize {
    (k + 1) % n
}

/// Infinities and NaN in every path: a NaN anywhere makes its lane NaN; an infinity its lane's
/// sum infinite; `inf - inf` NaN (the compensation never turns them into finite values).
#[test]
fn non_finite_values_in_every_path() {
    macro_rules! poison {
        ($r:literal, $c:literal) => {{
            for &(i, j) in &[(0usize, 0usize), ($r - 1, $c - 1), ($r / 2, $c / 2)] {
                let mut t = Tensor::<f64, $r, $c>::from_fn(|a, b| value(a * $c + b, 1));
                t[(i, j)] = f64::NAN;
                assert!(t.sum().is_nan() && t.var().is_nan() && t.norm().is_nan());
                assert!(t.sum_axis::<0>()[j].is_nan() && t.sum_axis::<1>()[(i, 0)].is_nan());
                assert!(t.var_axis::<0>()[j].is_nan() && t.std_axis::<1>()[(i, 0)].is_nan());
                t[(i, j)] = f64::INFINITY;
                assert_eq!(t.sum(), f64::INFINITY);
                assert_eq!(t.sum_axis::<0>()[j], f64::INFINITY);
                assert_eq!(t.sum_axis::<1>()[(i, 0)], f64::INFINITY);
                assert_eq!(t.mean_axis::<0>()[j], f64::INFINITY);
                assert!(t.var_axis::<1>()[(i, 0)].is_nan());
                let mut u = t;
                if $r * $c > 1 {
                    let k = next_index(i * $c + j, $r * $c);
                    u.as_flat_mut()[k] = f64::NEG_INFINITY;
                    assert!(u.sum().is_nan());
                }
            }
        }};
    }
    poison!(1, 1);
    poison!(3, 4);
    poison!(20, 9);
    poison!(9, 40);
    poison!(1, 300);
    poison!(300, 1);
    poison!(40, 40);
}

/// `f32` lanes of more than 128 elements are accumulated in `f64`: intermediate overflow of
/// `f32` does not happen (the sum is infinite only if the result is), and large cancellations
/// are exact. Lanes of up to 128 elements are summed in `f32`, in NumPy's order, and overflow
/// where NumPy's sums do.
#[test]
fn f32_sums_do_not_overflow_in_between() {
    let mut t = Tensor::<f32, 1, 200>::zeros();
    t.as_flat_mut()[..5].copy_from_slice(&[3e38, 3e38, -3e38, -3e38, 1.0]);
    assert_eq!(t.sum(), 1.0);
    assert_eq!(t.mean(), 1.0 / 200.0);
    // NumPy: `np.float32([3e38, 3e38, -3e38, -3e38, 1]).sum()` is `inf`.
    let short = Tensor::from([3e38f32, 3e38, -3e38, -3e38, 1.0]);
    assert_eq!(short.sum(), f32::INFINITY);
    assert_eq!(Tensor::from([3e38f32, 3e38]).sum(), f32::INFINITY);
    let big = Tensor::<f32, 1, 4000>::from_fn(|_, j| if j % 2 == 0 { 1e8 } else { 1.0 });
    assert_eq!(big.sum(), 2000.0 * 1e8 + 2000.0);
    // Along a strided axis of more than 128 rows, where groups of 8 rows are added pairwise
    // (in `f64`) before their running sums: no overflow in between either; infinities and NaN
    // stay what they are.
    let mut m = Tensor::<f32, 200, 40>::from_fn(|i, j| (i + j) as f32);
    for (i, x) in [3e38f32, 3e38, -3e38, -3e38].into_iter().enumerate() {
        m[(i, 5)] = x;
    }
    m[(10, 7)] = f32::INFINITY;
    m[(3, 9)] = f32::NAN;
    let column = |j: usize, from: usize| (from..200).map(|i| (i + j) as f32).sum::<f32>();
    let (s, mean) = (m.sum_axis::<0>(), m.mean_axis::<0>());
    assert_eq!((s[5], mean[5]), (column(5, 4), column(5, 4) / 200.0));
    assert_eq!((s[6], s[39]), (column(6, 0), column(39, 0)));
    assert_eq!(s[7], f32::INFINITY);
    assert!(s[9].is_nan() && mean[9].is_nan());
    // 20 rows: NumPy's row-by-row `f32` sums, which overflow at the second row.
    let short = Tensor::<f32, 20, 40>::from_fn(|i, j| m[(i, j)]);
    assert_eq!(short.sum_axis::<0>()[5], f32::INFINITY);
    let boxed = Tensor::<f32, 300, 200>::boxed_from_fn(|i, j| match i {
        0 | 1 => 3e38,
        2 | 3 => -3e38,
        _ => j as f32,
    });
    let s = boxed.sum_axis::<0>();
    assert_eq!((s[0], s[199]), (0.0, 296.0 * 199.0));
}
