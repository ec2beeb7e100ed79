//! The reductions of short contiguous lanes and of lanes of one element (issue 20), which build
//! their result one lane at a time: `sum`/`mean`/`var`/`std` along the last axis of rows of 1
//! to 15 elements, along any axis of length 1, and the per-channel statistics of a single
//! pixel, against naive references in `f64` (compensated, so exact enough), with random values
//! over a wide range of magnitudes and with NaN and infinities; and bit for bit against the
//! run-time-row tensors, which reach the same lanes through the general kernels. The whole-tensor
//! sums of 8 to 15 elements (four partial sums) are checked too. Run on every kernel with
//! `TENSOR_KERNEL=portable|sse2|avx2|avx512` (`.ci/run` does).

use proptest::collection::vec;
use proptest::prelude::*;
use tensor::prelude::*;
use tensor::{DynTensor, Tensor3};

use crate::reduce_paths::reference_sum;

/// Reference sum, mean and variance with `ddof` of one lane (NaN when `n - ddof` is 0).
fn reference(lane: &[f64], ddof: usize) -> (f64, f64, f64) {
    let n = lane.len() as f64;
    let sum = reference_sum(lane);
    let mean = sum / n;
    let dev: Vec<f64> = lane.iter().map(|&x| (x - mean) * (x - mean)).collect();
    let d = lane.len().saturating_sub(ddof) as f64;
    (sum, mean, reference_sum(&dev) / d)
}

/// `got` equals `want` within `ulps` of `eps` relative to `scale` (NaN only for NaN, infinities
/// exactly).
fn close(got: f64, want: f64, scale: f64, eps: f64, what: &str) -> Result<(), TestCaseError> {
    if want.is_nan() || want.is_infinite() {
        prop_assert!(
            got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
            "{what}: got {got:e}, want {want:e}"
        );
        return Ok(());
    }
    let tol = 2.0 * eps * scale.max(want.abs()) + 1e-300;
    prop_assert!(
        (got - want).abs() <= tol,
        "{what}: got {got:e}, want {want:e} (tol {tol:e})"
    );
    Ok(())
}

/// Bitwise equality, NaN equal to NaN.
fn same<T: Into<f64> + Copy>(a: &[T], b: &[T], what: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.len(), b.len());
    for (i, (&x, &y)) in a.iter().zip(b).enumerate() {
        let (x, y): (f64, f64) = (x.into(), y.into());
        prop_assert!(
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
            "{what}[{i}]: {x:e} vs {y:e}"
        );
    }
    Ok(())
}

/// A value of magnitude `2^-30` to `2^30`, either sign, or (one in 16) NaN / +-inf / +-0.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        12 => (-1.0f64..1.0, -30i32..30).prop_map(|(m, e)| m * 2f64.powi(e)),
        1 => Just(f64::NAN),
        1 => prop_oneof![Just(f64::INFINITY), Just(f64::NEG_INFINITY)],
        2 => prop_oneof![Just(0.0), Just(-0.0)],
    ]
}

/// Checks `sum`/`mean`/`var` (ddof 0 and 1)/`std` along the last axis of an `(R, C)` tensor,
/// along axis 0 when `R` is 1, the whole sum, and the run-time-row tensor's results bit for bit.
macro_rules! rows {
    ($name:ident, $T:ty, $eps:expr, $r:literal, $c:literal) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn $name(xs in vec(value(), $r * $c)) {
                const R: usize = $r;
                const C: usize = $c;
                let t = Tensor::<$T, R, C>::from_fn(|i, j| xs[i * C + j] as $T);
                let flat: Vec<f64> = t.as_flat().iter().map(|&x| f64::from(x)).collect();
                let what = format!("{} ({R}, {C})", stringify!($T));
                let (sum, mean, var, var1, std) = (
                    t.sum_axis::<1>(),
                    t.mean_axis::<1>(),
                    t.var_axis::<1>(),
                    t.var_axis_ddof::<1>(1),
                    t.std_axis::<1>(),
                );
                // `f64` lanes sum in `f64`: within `(C - 1) eps sum |x|` of the exact sum
                // however the terms are grouped (`close` allows `2 eps` times its scale).
                // `f32` lanes sum in `f64` and round once: `2 eps` of `f32` holds.
                let sum_eps = if size_of::<$T>() == 8 { $eps * (C as f64 / 2.0).max(1.0) } else { $eps };
                for (i, lane) in flat.chunks(C).enumerate() {
                    let scale = lane.iter().map(|x| x.abs()).sum::<f64>();
                    let (s, m, v) = reference(lane, 0);
                    let (_, _, v1) = reference(lane, 1);
                    let w = format!("{what} row {i}");
                    close(f64::from(sum[(i, 0)]), s, scale, sum_eps, &format!("{w} sum"))?;
                    close(f64::from(mean[(i, 0)]), m, scale / C as f64, sum_eps, &format!("{w} mean"))?;
                    // The deviations are taken from the mean rounded to the element type.
                    close(f64::from(var[(i, 0)]), v, v + scale * scale * $eps, 8.0 * $eps, &format!("{w} var"))?;
                    close(f64::from(var1[(i, 0)]), v1, v1 + scale * scale * $eps, 8.0 * $eps, &format!("{w} var ddof 1"))?;
                    close(f64::from(std[(i, 0)]), v.sqrt(), v.sqrt() + scale * $eps.sqrt(), 8.0 * $eps, &format!("{w} std"))?;
                }
                let all = flat.iter().map(|x| x.abs()).sum::<f64>();
                close(f64::from(t.sum()), reference_sum(&flat), all, $eps, &format!("{what} sum"))?;
                if R == 1 {
                    // Lanes of one element along axis 0: the elements themselves (+ 0).
                    let s0 = t.sum_axis::<0>();
                    let m0 = t.mean_axis::<0>();
                    let v0 = t.var_axis::<0>();
                    for (j, &x) in t.as_flat().iter().enumerate() {
                        same(&[s0[(0, j)]], &[x + 0.0], "sum axis 0")?;
                        same(&[m0[(0, j)]], &[x + 0.0], "mean axis 0")?;
                        same(&[v0[(0, j)]], &[(x - x) * (x - x)], "var axis 0")?;
                        prop_assert!(t.var_axis_ddof::<0>(1)[(0, j)].is_nan());
                    }
                }
                // The run-time-row tensor reaches the same lanes through the general kernels.
                let d = DynTensor::<$T, C>::from_flat_fn(R, |k| t.as_flat()[k]);
                same(d.sum_axis::<1>().as_flat(), sum.as_flat(), "dynamic sum")?;
                same(d.mean_axis::<1>().as_flat(), mean.as_flat(), "dynamic mean")?;
                same(d.var_axis::<1>().as_flat(), var.as_flat(), "dynamic var")?;
                same(d.std_axis::<1>().as_flat(), std.as_flat(), "dynamic std")?;
            }
        }
    };
}

rows!(f32_1x1, f32, f32::EPSILON as f64, 1, 1);
rows!(f32_9x1, f32, f32::EPSILON as f64, 9, 1);
rows!(f32_300x1, f32, f32::EPSILON as f64, 300, 1);
rows!(f32_5x2, f32, f32::EPSILON as f64, 5, 2);
rows!(f32_7x3, f32, f32::EPSILON as f64, 7, 3);
rows!(f32_100x3, f32, f32::EPSILON as f64, 100, 3);
rows!(f32_3x4, f32, f32::EPSILON as f64, 3, 4);
rows!(f32_1x7, f32, f32::EPSILON as f64, 1, 7);
rows!(f32_2x8, f32, f32::EPSILON as f64, 2, 8);
rows!(f32_3x9, f32, f32::EPSILON as f64, 3, 9);
rows!(f32_4x15, f32, f32::EPSILON as f64, 4, 15);
rows!(f32_3x16, f32, f32::EPSILON as f64, 3, 16);
rows!(f32_2x17, f32, f32::EPSILON as f64, 2, 17);
rows!(f64_1x1, f64, f64::EPSILON, 1, 1);
rows!(f64_300x1, f64, f64::EPSILON, 300, 1);
rows!(f64_5x2, f64, f64::EPSILON, 5, 2);
rows!(f64_100x3, f64, f64::EPSILON, 100, 3);
rows!(f64_3x4, f64, f64::EPSILON, 3, 4);
rows!(f64_1x7, f64, f64::EPSILON, 1, 7);
rows!(f64_2x8, f64, f64::EPSILON, 2, 8);
rows!(f64_3x12, f64, f64::EPSILON, 3, 12);
rows!(f64_4x15, f64, f64::EPSILON, 4, 15);
rows!(f64_3x16, f64, f64::EPSILON, 3, 16);
rows!(f64_1x17, f64, f64::EPSILON, 1, 17);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Rank 3: the pixels' sums along the channels of an image (lanes of 3), the statistics of
    /// a single pixel's channels (lanes of one element), against the rank-2 tensor of the same
    /// rows, bit for bit.
    #[test]
    fn images_reduce_like_their_rows(xs in vec(value(), 4 * 5 * 3)) {
        let img = Tensor3::<f32, 4, 5, 3>::from_fn(|i, j, k| xs[(i * 5 + j) * 3 + k] as f32);
        let rows = Tensor::<f32, 20, 3>::from_fn(|i, k| img.as_flat()[i * 3 + k]);
        same(img.sum_axis::<2>().as_flat(), rows.sum_axis::<1>().as_flat(), "sum")?;
        same(img.mean_axis::<2>().as_flat(), rows.mean_axis::<1>().as_flat(), "mean")?;
        same(img.std_axis::<2>().as_flat(), rows.std_axis::<1>().as_flat(), "std")?;
        let pixel = Tensor3::<f64, 1, 1, 3>::from_fn(|_, _, k| xs[k]);
        let (m, v, s) = (pixel.channel_mean(), pixel.channel_var(), pixel.channel_std());
        for (k, &x) in pixel.as_flat().iter().enumerate() {
            same(&[m.as_flat()[k], v.as_flat()[k], s.as_flat()[k], pixel.channel_sum().as_flat()[k]],
                 &[x + 0.0, (x - x) * (x - x), (x - x) * (x - x), x + 0.0], "one pixel")?;
        }
    }

    /// Integers share the lane-by-lane path: exact sums.
    #[test]
    fn integer_short_rows(xs in vec(-1000i64..1000, 7 * 5)) {
        let t = Tensor::<i64, 7, 5>::from_fn(|i, j| xs[i * 5 + j]);
        let s = t.sum_axis::<1>();
        for i in 0..7 {
            prop_assert_eq!(s[(i, 0)], xs[i * 5..i * 5 + 5].iter().sum::<i64>());
        }
        let c = Tensor::<i32, 9, 1>::from_fn(|i, _| xs[i] as i32);
        let cs = c.sum_axis::<1>();
        prop_assert_eq!(cs.as_flat(), c.as_flat());
        let m = Tensor::<f64, 7, 5>::from_fn(|i, j| xs[i * 5 + j] as f64);
        let (mm, tm) = (m.mean_axis::<1>(), t.mean_axis_f64::<1>());
        prop_assert_eq!(mm.as_flat(), tm.as_flat());
    }
}

/// Short `f32` lanes are summed in `f32`, in NumPy's order (one running sum below 8 elements),
/// so they overflow where NumPy's do and cancel as NumPy's do, in the lane-by-lane path as in
/// the whole sums.
#[test]
fn f32_short_rows_overflow_as_numpy() {
    let t = Tensor::from([
        [3e38f32, 3e38, -3e38, -3e38, 1.0],
        [1e8, 1.0, -1e8, 0.5, 0.25],
    ]);
    // NumPy: `inf` (3e38 + 3e38 overflows) and `0.75` (1e8 + 1 rounds to 1e8).
    assert_eq!(t.sum_axis::<1>().as_flat(), &[f32::INFINITY, 0.75]);
    let rows = [
        Tensor::from([3e38f32, 3e38, -3e38, -3e38, 1.0]).sum(),
        Tensor::from([1e8f32, 1.0, -1e8, 0.5, 0.25]).sum(),
    ];
    assert_eq!(t.sum_axis::<1>().as_flat(), &rows);
}
