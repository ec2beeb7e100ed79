//! Lanes of at most 128 elements are reduced as NumPy reduces them, in the element type and in
//! NumPy's order, so `sum`, `mean`, `var` and `std` (`ddof` 0 and 1) of such lanes, whole and
//! along every axis, `f32` and `f64`, equal NumPy's results bit for bit
//! (`tests/golden/reduce_numpy.json`, from `gen_reduce_numpy.py`, NumPy 2.4.6: values over 6
//! decades with both signs, where the order of the additions shows in the last bits). Run on
//! every kernel with `TENSOR_KERNEL=portable|sse2|avx2|avx512` (`.ci/run` does): each instruction
//! set must give the same bits.

use crate::common::golden;
use crate::reduce_paths::reference_sum;
use serde_json::Value;
use tensor::{Tensor, Tensor3};

/// A float type of the golden file, read from the hex digits of its bits.
trait Golden: Copy + Into<f64> + std::fmt::Debug {
    const DTYPE: &'static str;
    fn from_hex(hex: &str) -> Self;
    fn to_u64(self) -> u64;
    /// The correctly rounded value of an `f64`.
    fn round(x: f64) -> Self;
}

impl Golden for f32 {
    const DTYPE: &'static str = "float32";
    fn from_hex(hex: &str) -> f32 {
        f32::from_bits(u32::from_str_radix(hex, 16).expect("8 hex digits"))
    }
    fn to_u64(self) -> u64 {
        u64::from(self.to_bits())
    }
    fn round(x: f64) -> f32 {
        x as f32
    }
}

impl Golden for f64 {
    const DTYPE: &'static str = "float64";
    fn from_hex(hex: &str) -> f64 {
        f64::from_bits(u64::from_str_radix(hex, 16).expect("16 hex digits"))
    }
    fn to_u64(self) -> u64 {
        self.to_bits()
    }
    fn round(x: f64) -> f64 {
        x
    }
}

fn vals<T: Golden>(v: &Value) -> Vec<T> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| T::from_hex(x.as_str().expect("hex digits")))
        .collect()
}

/// The golden case of `T` and `shape`.
fn case<'a, T: Golden>(cases: &'a [Value], shape: &[usize]) -> &'a Value {
    cases
        .iter()
        .find(|c| c["dtype"] == T::DTYPE && c["shape"] == serde_json::json!(shape))
        .unwrap_or_else(|| panic!("reduce_numpy.json has no {} case {shape:?}", T::DTYPE))
}

/// `got` equals NumPy's `want` bit for bit (NaN equal to NaN).
fn same<T: Golden>(got: &[T], want: &Value, what: &str) {
    let want: Vec<T> = vals(want);
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(&want).enumerate() {
        let (gf, wf): (f64, f64) = (g.into(), w.into());
        assert!(
            g.to_u64() == w.to_u64() || (gf.is_nan() && wf.is_nan()),
            "{what}[{i}]: {g:?}, NumPy {w:?}"
        );
    }
}

/// How many of the sums `got` of the `lanes` differ from the correctly rounded sums.
fn differ<T: Golden>(got: &[T], lanes: &[Vec<f64>]) -> usize {
    got.iter()
        .zip(lanes)
        .filter(|&(&g, lane)| g.to_u64() != T::round(reference_sum(lane)).to_u64())
        .count()
}

/// The lanes along `axis` (all elements for `None`) of a row-major array of shape `dims`, in
/// the order of the keepdims result.
fn lanes<T: Golden>(flat: &[T], dims: &[usize], axis: Option<usize>) -> Vec<Vec<f64>> {
    let xs: Vec<f64> = flat.iter().map(|&x| x.into()).collect();
    let Some(k) = axis else { return vec![xs] };
    let outer: usize = dims[..k].iter().product();
    let (n, inner) = (dims[k], dims[k + 1..].iter().product::<usize>());
    (0..outer)
        .flat_map(|o| (0..inner).map(move |j| (o, j)))
        .map(|(o, j)| (0..n).map(|i| xs[(o * n + i) * inner + j]).collect())
        .collect()
}

/// The golden keys of the six statistics, in the order of [`six`]'s `got`.
const STATS: [&str; 6] = ["sum", "mean", "var", "var_ddof1", "std", "std_ddof1"];

/// Checks six statistics (`sum`, `mean`, `var`, `var` with `ddof` 1, `std`, `std` with `ddof`
/// 1, in the order of [`STATS`]) against the golden `r`; returns how many of the sums differ
/// from the correctly rounded sums of `lanes`.
fn six<T: Golden>(got: [&[T]; 6], r: &Value, lanes: &[Vec<f64>], what: &str) -> usize {
    for (g, key) in got.iter().zip(STATS) {
        same(g, &r[key], &format!("{what} {key}"));
    }
    differ(got[0], lanes)
}

/// [`six`] of `$t` along `$axis` (a literal), the lanes from the row-major `$flat` of shape
/// `$dims`.
macro_rules! along {
    ($t:expr, $axis:literal, $r:expr, $flat:expr, $dims:expr, $what:expr) => {
        six(
            [
                $t.sum_axis::<$axis>().as_flat(),
                $t.mean_axis::<$axis>().as_flat(),
                $t.var_axis::<$axis>().as_flat(),
                $t.var_axis_ddof::<$axis>(1).as_flat(),
                $t.std_axis::<$axis>().as_flat(),
                $t.std_axis_ddof::<$axis>(1).as_flat(),
            ],
            $r,
            &lanes(&$flat, $dims, Some($axis)),
            &$what,
        )
    };
}

/// [`six`] of the whole tensor `$t`.
macro_rules! whole {
    ($t:expr, $r:expr, $flat:expr, $what:expr) => {
        six(
            [
                &[$t.sum()],
                &[$t.mean()],
                &[$t.var()],
                &[$t.var_ddof(1)],
                &[$t.std()],
                &[$t.std_ddof(1)],
            ],
            $r,
            &lanes(&$flat, &[], None),
            &$what,
        )
    };
}

/// Every listed reduction of the golden `(R, C)` case of `T`; returns the number of sums that
/// differ from the correctly rounded ones.
fn matrix<T: Golden + tensor::Element + tensor::num_traits::Float, const R: usize, const C: usize>(
    cases: &[Value],
) -> usize
where
    Tensor<T, R, C>: Sized,
{
    let c = case::<T>(cases, &[R, C]);
    let flat: Vec<T> = vals(&c["flat"]);
    let t: Box<Tensor<T, R, C>> = Tensor::boxed_from_fn(|i, j| flat[i * C + j]);
    let mut n = 0;
    for r in c["reductions"].as_array().expect("reductions") {
        let what = format!("{} ({R}, {C}) axis {}", T::DTYPE, r["axis"]);
        n += match r["axis"].as_u64() {
            None => whole!(t, r, flat, what),
            Some(0) => along!(t, 0, r, flat, &[R, C], what),
            Some(1) => along!(t, 1, r, flat, &[R, C], what),
            Some(k) => panic!("axis {k} of a matrix"),
        };
    }
    n
}

/// [`matrix`] for the golden `(A, B, C)` case of `T`.
fn rank3<
    T: Golden + tensor::Element + tensor::num_traits::Float,
    const A: usize,
    const B: usize,
    const C: usize,
>(
    cases: &[Value],
) -> usize {
    let c = case::<T>(cases, &[A, B, C]);
    let flat: Vec<T> = vals(&c["flat"]);
    let t: Tensor3<T, A, B, C> = Tensor3::from_fn(|i, j, k| flat[(i * B + j) * C + k]);
    let mut n = 0;
    for r in c["reductions"].as_array().expect("reductions") {
        let what = format!("{} ({A}, {B}, {C}) axis {}", T::DTYPE, r["axis"]);
        n += match r["axis"].as_u64() {
            None => whole!(t, r, flat, what),
            Some(0) => along!(t, 0, r, flat, &[A, B, C], what),
            Some(1) => along!(t, 1, r, flat, &[A, B, C], what),
            Some(2) => along!(t, 2, r, flat, &[A, B, C], what),
            Some(k) => panic!("axis {k} of a rank-3 tensor"),
        };
    }
    n
}

fn every_case<T: Golden + tensor::Element + tensor::num_traits::Float>() {
    let cases = golden("reduce_numpy.json");
    let differ = matrix::<T, 1, 1>(&cases)
        + matrix::<T, 3, 4>(&cases)
        + matrix::<T, 1, 7>(&cases)
        + matrix::<T, 7, 1>(&cases)
        + matrix::<T, 2, 15>(&cases)
        + matrix::<T, 15, 2>(&cases)
        + matrix::<T, 8, 3>(&cases)
        + matrix::<T, 9, 5>(&cases)
        + matrix::<T, 16, 16>(&cases)
        + matrix::<T, 5, 128>(&cases)
        + matrix::<T, 128, 5>(&cases)
        + matrix::<T, 40, 20>(&cases)
        + matrix::<T, 300, 3>(&cases)
        + matrix::<T, 3, 300>(&cases)
        + matrix::<T, 2, 17>(&cases)
        + matrix::<T, 4, 23>(&cases)
        + matrix::<T, 3, 127>(&cases)
        + matrix::<T, 33, 40>(&cases)
        + rank3::<T, 4, 5, 6>(&cases)
        + rank3::<T, 8, 16, 3>(&cases)
        + rank3::<T, 2, 3, 40>(&cases);
    // NumPy's order differs from exact rounding in these cases: a more accurate sum would fail.
    assert!(
        differ >= 100,
        "only {differ} {} sums differ from the correctly rounded ones",
        T::DTYPE
    );
}

#[test]
fn f32_lanes_of_up_to_128_reduce_as_numpy_does() {
    every_case::<f32>();
}

#[test]
fn f64_lanes_of_up_to_128_reduce_as_numpy_does() {
    every_case::<f64>();
}
