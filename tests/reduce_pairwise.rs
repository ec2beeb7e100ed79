//! `f64` lanes of 16 to 128 elements are summed in NumPy's order (one block of its pairwise
//! summation), so `sum_axis::<1>()` of such rows and `sum()` of such tensors equal NumPy's results
//! bit for bit (`tests/golden/pairwise.json`, from `gen_pairwise.py`, NumPy 2.4.6: values over 16
//! decades with both signs, where the order of the additions shows in the last bits).

use crate::common::golden;
use serde_json::Value;
use tensor::Tensor;

/// A golden float, written as the hex digits of its bits.
fn bits(v: &Value) -> f64 {
    let hex = v.as_str().expect("a float as 16 hex digits");
    f64::from_bits(u64::from_str_radix(hex, 16).expect("hex digits"))
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array().expect("an array").iter().map(bits).collect()
}

/// The case of shape `(r, n)` among the golden `cases`.
fn case(cases: &[Value], r: usize, n: usize) -> &Value {
    cases
        .iter()
        .find(|c| c["shape"] == serde_json::json!([r, n]))
        .unwrap_or_else(|| panic!("pairwise.json has no case of shape ({r}, {n})"))
}

/// Checks the row sums (lanes of 16 elements and more) and, for 16 to 128 elements in all,
/// the whole sum of the `(R, C)` case against NumPy's bits; returns how many of the row sums
/// differ from the correctly rounded ones (so that the comparison can tell the orders apart).
fn check<const R: usize, const C: usize>(cases: &[Value]) -> usize {
    let c = case(cases, R, C);
    let flat = floats(&c["flat"]);
    let t: Tensor<f64, R, C> = Tensor::from_fn(|i, j| flat[i * C + j]);
    let mut differ = 0;
    if C >= 16 {
        let want = floats(&c["sum_axis1"]);
        let got = t.sum_axis::<1>();
        for (i, w) in want.iter().enumerate() {
            let g = got[(i, 0)];
            assert_eq!(
                g.to_bits(),
                w.to_bits(),
                "({R}, {C}) row {i}: {g:e}, NumPy {w:e}"
            );
            let row = &flat[i * C..(i + 1) * C];
            differ += usize::from(g != crate::reduce_paths::reference_sum(row));
        }
    }
    if (16..=128).contains(&(R * C)) {
        let (g, w) = (t.sum(), bits(&c["sum"]));
        assert_eq!(
            g.to_bits(),
            w.to_bits(),
            "({R}, {C}) whole: {g:e}, NumPy {w:e}"
        );
    }
    differ
}

#[test]
fn f64_lanes_of_16_to_128_sum_as_numpy_does() {
    let cases = golden("pairwise.json");
    let differ = check::<3, 16>(&cases)
        + check::<2, 17>(&cases)
        + check::<4, 23>(&cases)
        + check::<2, 31>(&cases)
        + check::<5, 64>(&cases)
        + check::<1, 100>(&cases)
        + check::<3, 127>(&cases)
        + check::<2, 128>(&cases)
        + check::<2, 8>(&cases)
        + check::<4, 32>(&cases)
        + check::<3, 40>(&cases);
    // NumPy's order differs from exact rounding in these cases: a compensated sum would fail.
    assert!(
        differ >= 5,
        "only {differ} row sums differ from the correctly rounded ones"
    );
}
