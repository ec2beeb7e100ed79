//! Comparisons, masks, `where`, `%` and floor division, `flip`, `sort` and `argsort` (issue 22)
//! against NumPy's results (`tests/golden/parity.json`, from `gen_parity.py`, NumPy 2.4.6:
//! floats with ties, NaN, +-0 and infinities; integers with ties and negatives), exactly,
//! including the sign of zero; and against naive references over random shapes and values.
#![allow(clippy::op_ref)] // the borrowed operand forms are under test

use crate::common;

use common::golden;
use proptest::prelude::*;
use serde_json::Value;
use tensor::shape::{BroadcastWith, Const, Dims, ReduceAxis};
use tensor::{Array, Tensor, Tensor3, Vector};

/// A golden float: a number or "nan", "inf", "-inf", "-0".
fn num(v: &Value) -> f64 {
    match v.as_str() {
        Some("-0") => -0.0,
        Some(_) => common::num(v),
        None => v.as_f64().expect("a number"),
    }
}

fn flat(v: &Value) -> &Vec<Value> {
    v["flat"]
        .as_array()
        .expect("an array case has flat elements")
}

fn f64s(v: &Value) -> Vec<f64> {
    flat(v).iter().map(num).collect()
}

fn i64s(v: &Value) -> Vec<i64> {
    flat(v)
        .iter()
        .map(|x| x.as_i64().expect("an integer"))
        .collect()
}

fn usizes(v: &Value) -> Vec<usize> {
    i64s(v)
        .into_iter()
        .map(|x| usize::try_from(x).unwrap())
        .collect()
}

fn bools(v: &Value) -> Vec<bool> {
    flat(v)
        .iter()
        .map(|x| x.as_bool().expect("a bool"))
        .collect()
}

/// The tensor of shape `S` holding the row-major `flat`.
fn ten<T: Copy + Default, S: Dims>(flat: &[T]) -> Array<T, S> {
    let mut out = Array::<T, S>::from_fn_flat_default();
    out.as_flat_mut().copy_from_slice(flat);
    out
}

/// `Array::zeros` for any `Default` element (bool included).
trait ZeroedDefault {
    fn from_fn_flat_default() -> Self;
}

impl<T: Copy + Default, S: Dims> ZeroedDefault for Array<T, S> {
    fn from_fn_flat_default() -> Self {
        // `map` from a zero tensor of any element type gives every shape a default tensor.
        Array::<u8, S>::zeros().map(|_| T::default())
    }
}

/// Floats equal as NumPy prints them: NaN equals NaN, and zeros must agree in sign.
fn assert_same_f64(what: &str, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
        let same =
            (g.is_nan() && w.is_nan()) || (g == w && g.is_sign_negative() == w.is_sign_negative());
        assert!(
            same,
            "{what}: element {k}: got {g:?}, NumPy {w:?}\n got {got:?}\nwant {want:?}"
        );
    }
}

/// Applies a comparison `op` of the golden file.
fn compare<T: Copy + PartialOrd, S, S2: Dims>(
    op: &str,
    a: &Array<T, S>,
    b: &Array<T, S2>,
) -> Vec<bool>
where
    S: BroadcastWith<S2>,
{
    let out = match op {
        "lt" => a.lt(b),
        "le" => a.le(b),
        "gt" => a.gt(b),
        "ge" => a.ge(b),
        "eq" => a.eq(b),
        "ne" => a.ne(b),
        other => panic!("unexpected op {other}"),
    };
    out.as_flat().to_vec()
}

fn compare_scalar<T: Copy + PartialOrd, S: Dims>(op: &str, a: &Array<T, S>, s: T) -> Vec<bool> {
    let out = match op {
        "lt_scalar" => a.lt_scalar(s),
        "le_scalar" => a.le_scalar(s),
        "gt_scalar" => a.gt_scalar(s),
        "ge_scalar" => a.ge_scalar(s),
        "eq_scalar" => a.eq_scalar(s),
        "ne_scalar" => a.ne_scalar(s),
        other => panic!("unexpected op {other}"),
    };
    out.as_flat().to_vec()
}

fn compare_case<T: Copy + PartialOrd + Default>(
    c: &Value,
    read: fn(&Value) -> Vec<T>,
) -> Vec<bool> {
    let op = c["op"].as_str().unwrap();
    let a: Tensor<T, 3, 4> = ten(&read(&c["a"]));
    if op.ends_with("_scalar") {
        let s = read(&serde_json::json!({ "flat": [c["s"].clone()] }))[0];
        return compare_scalar(op, &a, s);
    }
    match c["b_shape"].as_str().unwrap() {
        "same" => compare(op, &a, &ten::<T, (Const<3>, Const<4>)>(&read(&c["b"]))),
        "row" => compare(op, &a, &ten::<T, (Const<1>, Const<4>)>(&read(&c["b"]))),
        "col" => compare(op, &a, &ten::<T, (Const<3>, Const<1>)>(&read(&c["b"]))),
        other => panic!("unexpected b_shape {other}"),
    }
}

#[test]
fn comparisons_match_numpy() {
    let mut n = 0;
    for c in golden("parity.json") {
        let op = c["op"].as_str().unwrap();
        if !["lt", "le", "gt", "ge", "eq", "ne"].contains(&op.trim_end_matches("_scalar")) {
            continue;
        }
        let got = match c["kind"].as_str().unwrap() {
            "f64" => compare_case(&c, f64s),
            _ => compare_case(&c, i64s),
        };
        assert_eq!(got, bools(&c["out"]), "{op} {c}");
        n += 1;
    }
    assert_eq!(n, 4 * 2 * (3 * 6 + 6));
}

type M = Tensor<bool, 3, 4>;

#[test]
fn mask_logic_any_all_and_where_match_numpy() {
    let mut n = 0;
    for c in golden("parity.json") {
        let op = c["op"].as_str().unwrap();
        let a = || ten::<bool, _>(&bools(&c["a"])) as M;
        let got: Vec<bool> = match op {
            "and" => (a() & ten::<bool, _>(&bools(&c["b"])) as M)
                .as_flat()
                .to_vec(),
            "or" => (a() | ten::<bool, _>(&bools(&c["b"])) as M)
                .as_flat()
                .to_vec(),
            "xor" => (&a() ^ &(ten::<bool, _>(&bools(&c["b"])) as M))
                .as_flat()
                .to_vec(),
            "and_row" => (a() & ten::<bool, _>(&bools(&c["b"])) as Tensor<bool, 1, 4>)
                .as_flat()
                .to_vec(),
            "not" => (!a()).as_flat().to_vec(),
            "any" => vec![a().any()],
            "all" => vec![a().all()],
            "any_axis0" => a().any_axis::<0>().as_flat().to_vec(),
            "any_axis1" => a().any_axis::<1>().as_flat().to_vec(),
            "all_axis0" => a().all_axis::<0>().as_flat().to_vec(),
            "all_axis1" => a().all_axis::<1>().as_flat().to_vec(),
            "count_nonzero" => {
                let got = if c["kind"] == "f64" {
                    (ten(&f64s(&c["a"])) as Tensor<f64, 3, 4>).count_nonzero()
                } else {
                    (ten(&i64s(&c["a"])) as Tensor<i64, 3, 4>).count_nonzero()
                };
                assert_eq!(got as u64, c["out"].as_u64().unwrap(), "{c}");
                n += 1;
                continue;
            }
            "where" => {
                let got = a().if_else(
                    &(ten(&f64s(&c["x"])) as Tensor<f64, 3, 4>),
                    &(ten(&f64s(&c["y"])) as Tensor<f64, 3, 4>),
                );
                assert_same_f64("where", got.as_flat(), &f64s(&c["out"]));
                n += 1;
                continue;
            }
            "where_col" => {
                let mask: Tensor<bool, 3, 1> = ten(&bools(&c["a"]));
                let got = mask.if_else(
                    &(ten(&f64s(&c["x"])) as Tensor<f64, 3, 4>),
                    &(ten(&f64s(&c["y"])) as Tensor<f64, 1, 4>),
                );
                assert_same_f64("where_col", got.as_flat(), &f64s(&c["out"]));
                n += 1;
                continue;
            }
            _ => continue,
        };
        let want = match &c["out"] {
            Value::Bool(b) => vec![*b],
            out => bools(out),
        };
        assert_eq!(got, want, "{op} {c}");
        n += 1;
    }
    assert_eq!(n, 4 * 15);
}

#[test]
fn masks_print_as_numpy_prints_them() {
    let mut n = 0;
    for c in golden("parity.json")
        .iter()
        .filter(|c| c["op"] == "print_mask")
    {
        let want = c["out"].as_str().unwrap();
        let m = bools(&c["a"]);
        let got = match c["a"]["shape"].as_array().unwrap().len() {
            2 if m.len() == 12 => (ten(&m) as M).to_string(),
            2 => (ten(&m) as Vector<bool, 40>).to_string(),
            _ => (ten(&m) as Tensor3<bool, 2, 3, 4>).to_string(),
        };
        assert_eq!(got, want);
        n += 1;
    }
    assert_eq!(n, 6);
}

#[test]
fn rem_and_floor_division_match_numpy() {
    let mut n = 0;
    for c in golden("parity.json") {
        let op = c["op"].as_str().unwrap();
        if !["floor_div", "floor_mod", "fmod"].contains(&op) {
            continue;
        }
        if c["kind"] == "f64" {
            let (a, b): (Tensor<f64, 3, 4>, Tensor<f64, 3, 4>) =
                (ten(&f64s(&c["a"])), ten(&f64s(&c["b"])));
            let got = match op {
                "floor_div" => a.floor_div(&b),
                "floor_mod" => a.floor_mod(&b),
                _ => a % b,
            };
            assert_same_f64(&format!("{op} {c}"), got.as_flat(), &f64s(&c["out"]));
            // The scalar forms agree with the tensor forms element by element.
            for (k, (&x, &y)) in a.as_flat().iter().zip(b.as_flat()).enumerate() {
                let one = Tensor::from([x]);
                let s = match op {
                    "floor_div" => one.floor_div_scalar(y),
                    "floor_mod" => one.floor_mod_scalar(y),
                    _ => one % y,
                };
                assert_same_f64(op, s.as_flat(), &got.as_flat()[k..=k]);
            }
        } else {
            let (a, b): (Tensor<i64, 3, 4>, Tensor<i64, 3, 4>) =
                (ten(&i64s(&c["a"])), ten(&i64s(&c["b"])));
            let got = match op {
                "floor_div" => a.floor_div(&b),
                "floor_mod" => a.floor_mod(&b),
                _ => a % b,
            };
            assert_eq!(got.as_flat(), &i64s(&c["out"])[..], "{op} {c}");
        }
        n += 1;
    }
    assert_eq!(n, 4 * 6);
}

/// Checks a reordering case of either kind on a tensor of shape `S`.
fn order_case<S>(c: &Value)
where
    S: ReduceAxis<0> + ReduceAxis<1>,
{
    let op = c["op"].as_str().unwrap();
    let axis = c["axis"].as_u64();
    if c["kind"] == "f64" {
        let a: Array<f64, S> = ten(&f64s(&c["a"]));
        let got: Vec<f64> = match (op, axis) {
            ("flip", _) => a.flip().as_flat().to_vec(),
            ("flip_axis", Some(0)) => a.flip_axis::<0>().as_flat().to_vec(),
            ("flip_axis", Some(1)) => a.flip_axis::<1>().as_flat().to_vec(),
            ("sort", _) => a.sort().as_flat().to_vec(),
            ("sort_axis", Some(0)) => a.sort_axis::<0>().as_flat().to_vec(),
            ("sort_axis", Some(1)) => a.sort_axis::<1>().as_flat().to_vec(),
            ("sort_flat", _) => a.sort_flat().as_flat().to_vec(),
            _ => return order_index_case(c, &a),
        };
        assert_same_f64(&format!("{op} {c}"), &got, &f64s(&c["out"]));
    } else {
        let a: Array<i64, S> = ten(&i64s(&c["a"]));
        let got: Vec<i64> = match (op, axis) {
            ("flip", _) => a.flip().as_flat().to_vec(),
            ("flip_axis", Some(0)) => a.flip_axis::<0>().as_flat().to_vec(),
            ("flip_axis", Some(1)) => a.flip_axis::<1>().as_flat().to_vec(),
            ("sort", _) => a.sort().as_flat().to_vec(),
            ("sort_axis", Some(0)) => a.sort_axis::<0>().as_flat().to_vec(),
            ("sort_axis", Some(1)) => a.sort_axis::<1>().as_flat().to_vec(),
            ("sort_flat", _) => a.sort_flat().as_flat().to_vec(),
            _ => return order_index_case(c, &a),
        };
        assert_eq!(got, i64s(&c["out"]), "{op} {c}");
    }
}

fn order_index_case<T: Copy + PartialOrd, S>(c: &Value, a: &Array<T, S>)
where
    S: ReduceAxis<0> + ReduceAxis<1>,
{
    let op = c["op"].as_str().unwrap();
    let got = match (op, c["axis"].as_u64()) {
        ("argsort", _) => a.argsort(),
        ("argsort_axis", Some(0)) => a.argsort_axis::<0>(),
        ("argsort_axis", Some(1)) => a.argsort_axis::<1>(),
        ("argsort_flat", _) => a.argsort_flat(),
        _ => panic!("unexpected case {c}"),
    };
    assert_eq!(got.as_flat(), &usizes(&c["out"])[..], "{op} {c}");
}

#[test]
fn flip_sort_and_argsort_match_numpy() {
    let mut n = 0;
    for c in golden("parity.json") {
        let op = c["op"].as_str().unwrap();
        if !op.starts_with("flip") && !op.starts_with("sort") && !op.starts_with("argsort") {
            continue;
        }
        let rank = c["a"]["shape"].as_array().unwrap().len();
        if rank == 2 {
            order_case::<(Const<3>, Const<4>)>(&c);
        } else if c["axis"].as_u64() == Some(2) {
            // Axis 2 of the rank-3 cases: the last axis, through the `_axis::<2>` forms.
            let (op, t) = (op, c["kind"] == "f64");
            if t {
                let a: Tensor3<f64, 2, 3, 4> = ten(&f64s(&c["a"]));
                let got = match op {
                    "flip_axis" => a.flip_axis::<2>().as_flat().to_vec(),
                    "sort_axis" => a.sort_axis::<2>().as_flat().to_vec(),
                    _ => a
                        .argsort_axis::<2>()
                        .as_flat()
                        .iter()
                        .map(|&i| i as f64)
                        .collect(),
                };
                assert_same_f64(&format!("{op} {c}"), &got, &f64s(&c["out"]));
            } else {
                let a: Tensor3<i64, 2, 3, 4> = ten(&i64s(&c["a"]));
                let got = match op {
                    "flip_axis" => a.flip_axis::<2>().as_flat().to_vec(),
                    "sort_axis" => a.sort_axis::<2>().as_flat().to_vec(),
                    _ => a
                        .argsort_axis::<2>()
                        .as_flat()
                        .iter()
                        .map(|&i| i as i64)
                        .collect(),
                };
                assert_eq!(got, i64s(&c["out"]), "{op} {c}");
            }
        } else {
            order_case::<(Const<2>, Const<3>, Const<4>)>(&c);
        }
        n += 1;
    }
    // Per repetition and kind: rank 2 has 2 axes, rank 3 has 3; 3 cases per axis + 5 others.
    assert_eq!(n, 4 * 2 * ((5 + 2 * 3) + (5 + 3 * 3)));
}

/// NumPy's sort order: NaN after everything.
fn numpy_le(x: f64, y: f64) -> bool {
    y.is_nan() || x <= y
}

/// The properties every reordering of a tensor of shape `S` must have, on `values`.
fn check_order<S>(values: &[f64])
where
    S: ReduceAxis<0>,
{
    let a: Array<f64, S> = ten(values);
    let n = S::DIMS[S::RANK - 1];
    // Flipping twice is the identity; flipping along axis 0 of a rank-1-like layout agrees
    // with reversing the rows.
    assert_same_f64("flip flip", a.flip().flip().as_flat(), a.as_flat());
    assert_same_f64(
        "flip_axis twice",
        a.flip_axis::<0>().flip_axis::<0>().as_flat(),
        a.as_flat(),
    );
    let rows = S::DIMS[0];
    let row_len = S::SIZE / rows.max(1);
    let flipped = a.flip_axis::<0>();
    for r in 0..rows {
        assert_same_f64(
            "flip_axis::<0> reverses the blocks",
            &flipped.as_flat()[r * row_len..][..row_len],
            &a.as_flat()[(rows - 1 - r) * row_len..][..row_len],
        );
    }
    // Sorting each row: sorted, stable, and the permutation argsort gives.
    let (sorted, perm) = (a.sort(), a.argsort());
    for (lane, (s, p)) in sorted
        .as_flat()
        .chunks(n.max(1))
        .zip(perm.as_flat().chunks(n.max(1)))
        .enumerate()
    {
        let src = &a.as_flat()[lane * n..][..n];
        let mut seen = vec![false; n];
        for j in 0..n {
            assert!(!seen[p[j]], "argsort is a permutation");
            seen[p[j]] = true;
            assert_same_f64("sort is argsort's gather", &s[j..=j], &src[p[j]..=p[j]]);
            if j > 0 {
                assert!(numpy_le(s[j - 1], s[j]), "sorted, NaN last: {s:?}");
                let tie = (s[j - 1] == s[j]) || (s[j - 1].is_nan() && s[j].is_nan());
                assert!(!tie || p[j - 1] < p[j], "stable: {src:?} -> {p:?}");
            }
        }
    }
    // The flat sort is the sort of the flat elements.
    let flat = a.sort_flat();
    let mut want = values.to_vec();
    want.sort_by(|x, y| {
        x.partial_cmp(y)
            .unwrap_or_else(|| x.is_nan().cmp(&y.is_nan()))
    });
    assert_same_f64("sort_flat", flat.as_flat(), &want);
}

/// Elementwise ops on shape `S` and a broadcasting partner of shape `S2`, against naive loops
/// over the broadcast indices.
fn check_elementwise<S, S2: Dims>(a: &[f64], b: &[f64], m: &[bool])
where
    S: BroadcastWith<S2>,
    <S as BroadcastWith<S2>>::Output: BroadcastWith<S2>,
    S: BroadcastWith<S, Output = S>,
{
    let (ta, tb, tm): (Array<f64, S>, Array<f64, S2>, Array<bool, S>) = (ten(a), ten(b), ten(m));
    let out_dims = <S as BroadcastWith<S2>>::Output::DIMS;
    let size: usize = out_dims.iter().product();
    // The source index of output index `k` in an operand of dims `d`, aligned at the last axis.
    let src = |mut k: usize, d: &[usize]| {
        let mut coords = vec![0; out_dims.len()];
        for ax in (0..out_dims.len()).rev() {
            coords[ax] = k % out_dims[ax];
            k /= out_dims[ax];
        }
        let pad = out_dims.len() - d.len();
        d.iter().enumerate().fold(0, |acc, (ax, &n)| {
            acc * n + if n == 1 { 0 } else { coords[pad + ax] }
        })
    };
    let lt = ta.lt(&tb);
    let ne = ta.ne(&tb);
    let fm = ta.floor_mod(&tb);
    let fd = ta.floor_div(&tb);
    let chosen = tm.if_else(&ta, &tb);
    for k in 0..size {
        let (x, y) = (a[src(k, S::DIMS)], b[src(k, S2::DIMS)]);
        assert_eq!(lt.as_flat()[k], x < y);
        assert_eq!(ne.as_flat()[k], x != y);
        let (r, q) = (fm.as_flat()[k], fd.as_flat()[k]);
        if y != 0.0 && x.is_finite() && y.is_finite() {
            // x == q * y + r, with r of y's sign and at most |y| (equal after rounding); q whole.
            assert!(
                q.fract() == 0.0 && r.abs() <= y.abs(),
                "{x} // {y} = {q}, % = {r}"
            );
            assert!(r == 0.0 || (r < 0.0) == (y < 0.0), "{x} % {y} = {r}");
            assert!(
                (q * y + r - x).abs() <= 1e-9 * x.abs().max(1.0),
                "{x} = {q} * {y} + {r}"
            );
        }
        let pick = if m[src(k, S::DIMS)] { x } else { y };
        assert_same_f64("if_else", &chosen.as_flat()[k..=k], &[pick]);
    }
    // Mask logic: De Morgan, double negation, counts.
    let tn = ta.gt_scalar(0.0);
    // (Generic code borrows: `Array<bool, S>` is `Copy` only for concrete shapes.)
    assert_eq!((!&(&tm & &tn)).as_flat(), (&!&tm | &!&tn).as_flat());
    assert_eq!((!&!&tm).as_flat(), tm.as_flat());
    assert_eq!(
        (&tm ^ &tn).as_flat(),
        (&(&tm | &tn) & &!&(&tm & &tn)).as_flat()
    );
    assert_eq!(tm.count_nonzero(), m.iter().filter(|&&x| x).count());
    assert_eq!(tm.any(), m.contains(&true));
    assert_eq!(tm.all(), !m.contains(&false));
}

/// Integer floor division: `a == q * b + r`, `r` has `b`'s sign, `|r| < |b|`, and Rust's `%`
/// is the truncating remainder.
fn check_int_division<S: BroadcastWith<S, Output = S>>(a: &[i32], b: &[i32]) {
    let (ta, tb): (Array<i32, S>, Array<i32, S>) = (ten(a), ten(b));
    let (q, r, t) = (ta.floor_div(&tb), ta.floor_mod(&tb), ta % tb);
    for k in 0..S::SIZE {
        let (x, y, q, r) = (a[k], b[k], q.as_flat()[k], r.as_flat()[k]);
        assert_eq!(q * y + r, x);
        assert!(r == 0 || (r < 0) == (y < 0));
        assert!(r.abs() < y.abs());
        assert_eq!(q, (f64::from(x) / f64::from(y)).floor() as i32);
        assert_eq!(t.as_flat()[k], x.wrapping_rem(y));
    }
}

fn float_values() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => (-8i32..=8).prop_map(|k| f64::from(k) * 0.5),
        4 => -1e3f64..1e3,
        1 => Just(f64::NAN),
        1 => Just(-0.0),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
    ]
}

type C<const N: usize> = Const<N>;
type O = tensor::shape::One;

proptest! {
    #[test]
    fn reorderings_are_sorted_stable_permutations(v in proptest::collection::vec(float_values(), 120)) {
        check_order::<(C<1>, C<7>)>(&v[..7]);
        check_order::<(C<3>, C<4>)>(&v[..12]);
        check_order::<(C<5>, C<1>)>(&v[..5]);
        check_order::<(C<2>, C<3>, C<5>)>(&v[..30]);
        check_order::<(C<2>, C<3>, C<2>, C<10>)>(&v[..120]);
        check_order::<(C<0>, C<3>)>(&[]);
    }

    #[test]
    fn elementwise_ops_match_naive_broadcasting(
        a in proptest::collection::vec(float_values(), 24),
        b in proptest::collection::vec(float_values(), 24),
        m in proptest::collection::vec(any::<bool>(), 24),
    ) {
        check_elementwise::<(C<3>, C<4>), (C<3>, C<4>)>(&a[..12], &b[..12], &m[..12]);
        check_elementwise::<(C<3>, C<4>), (O, C<4>)>(&a[..12], &b[..4], &m[..12]);
        check_elementwise::<(C<3>, C<4>), (C<3>, O)>(&a[..12], &b[..3], &m[..12]);
        check_elementwise::<(C<2>, C<3>, C<4>), (C<3>, C<4>)>(&a, &b[..12], &m);
        check_elementwise::<(C<2>, C<3>, C<4>), (O, O, C<4>)>(&a, &b[..4], &m);
    }

    #[test]
    fn integer_floor_division_is_numpys(
        a in proptest::collection::vec(-1000i32..1000, 12),
        b in proptest::collection::vec(prop_oneof![-50i32..=-1, 1i32..=50], 12),
    ) {
        check_int_division::<(C<3>, C<4>)>(&a, &b);
        check_int_division::<(C<2>, C<3>, C<2>)>(&a, &b);
    }
}

#[test]
#[should_panic(expected = "divide by zero")]
fn integer_floor_division_by_zero_panics_as_rust_does() {
    let _ = Tensor::from([1, 2]).floor_div_scalar(0);
}

#[test]
fn concat_vstack_hstack_and_stack_match_numpy() {
    let mut n = 0;
    for c in golden("parity.json") {
        let op = c["op"].as_str().unwrap();
        if ![
            "concat",
            "vstack",
            "hstack",
            "hstack_1d",
            "vstack_1d",
            "concat3",
            "stack",
        ]
        .contains(&op)
        {
            continue;
        }
        let (a, b, want) = (i64s(&c["a"]), || i64s(&c["b"]), i64s(&c["out"]));
        let got: Vec<i64> = match (op, c["axis"].as_u64()) {
            ("concat", Some(0)) => {
                let out: Tensor<i64, 3, 3> = Tensor::concat::<0>((
                    &(ten(&a) as Tensor<i64, 2, 3>),
                    &(ten(&b()) as Tensor<i64, 1, 3>),
                ));
                out.as_flat().to_vec()
            }
            ("vstack", _) => {
                let out: Tensor<i64, 3, 3> = Tensor::vstack((
                    &(ten(&a) as Tensor<i64, 2, 3>),
                    &(ten(&b()) as Tensor<i64, 1, 3>),
                ));
                out.as_flat().to_vec()
            }
            ("concat", Some(1)) => {
                let out: Tensor<i64, 2, 5> = Tensor::concat::<1>((
                    &(ten(&a) as Tensor<i64, 2, 3>),
                    &(ten(&b()) as Tensor<i64, 2, 2>),
                ));
                out.as_flat().to_vec()
            }
            ("hstack", _) => {
                let out: Tensor<i64, 2, 5> = Tensor::hstack((
                    &(ten(&a) as Tensor<i64, 2, 3>),
                    &(ten(&b()) as Tensor<i64, 2, 2>),
                ));
                out.as_flat().to_vec()
            }
            ("hstack_1d", _) => {
                let out: Vector<i64, 5> =
                    Tensor::hstack((&(ten(&a) as Vector<i64, 3>), &(ten(&b()) as Vector<i64, 2>)));
                out.as_flat().to_vec()
            }
            ("vstack_1d", _) => {
                let out: Tensor<i64, 2, 3> =
                    Tensor::vstack((&(ten(&a) as Vector<i64, 3>), &(ten(&b()) as Vector<i64, 3>)));
                out.as_flat().to_vec()
            }
            ("concat3", Some(axis)) => {
                let x: Tensor3<i64, 2, 3, 4> = ten(&a);
                match axis {
                    0 => {
                        let y: Tensor3<i64, 1, 3, 4> = ten(&b());
                        let out: Tensor3<i64, 3, 3, 4> = Tensor3::concat::<0>((&x, &y));
                        out.as_flat().to_vec()
                    }
                    1 => {
                        let y: Tensor3<i64, 2, 1, 4> = ten(&b());
                        let out: Tensor3<i64, 2, 4, 4> = Tensor3::concat::<1>((&x, &y));
                        out.as_flat().to_vec()
                    }
                    _ => {
                        let y: Tensor3<i64, 2, 3, 1> = ten(&b());
                        let out: Tensor3<i64, 2, 3, 5> = Tensor3::concat::<2>((&x, &y));
                        out.as_flat().to_vec()
                    }
                }
            }
            ("stack", Some(axis)) => {
                let parts: [Tensor<i64, 2, 3>; 3] = [ten(&a), ten(&b()), ten(&i64s(&c["c"]))];
                let refs = [&parts[0], &parts[1], &parts[2]];
                match axis {
                    0 => (Tensor3::stack::<0>(refs) as Tensor3<i64, 3, 2, 3>)
                        .as_flat()
                        .to_vec(),
                    1 => (Tensor3::stack::<1>(refs) as Tensor3<i64, 2, 3, 3>)
                        .as_flat()
                        .to_vec(),
                    _ => (Tensor3::stack::<2>(refs) as Tensor3<i64, 2, 3, 3>)
                        .as_flat()
                        .to_vec(),
                }
            }
            _ => panic!("unexpected case {c}"),
        };
        assert_eq!(got, want, "{op} {c}");
        n += 1;
    }
    assert_eq!(n, 2 * (6 + 3 + 3));
}

/// Joining is exact data movement: splitting the result back by index recovers the parts,
/// for broadcasting `One` axes and rank 4 too.
#[test]
fn concat_and_stack_put_every_element_in_its_place() {
    type Row = tensor::RowVector<i32, 3>;
    let r1 = Row::from_array([1, 2, 3]);
    let r2 = Row::from_array([4, 5, 6]);
    let m: Tensor<i32, 2, 3> = Tensor::concat::<0>((&r1, &r2));
    assert_eq!(m, Tensor::from([[1, 2, 3], [4, 5, 6]]));
    let a = tensor::Tensor4::<i32, 2, 3, 2, 2>::arange();
    let b = tensor::Tensor4::<i32, 2, 3, 2, 1>::arange() + 100;
    let c: tensor::Tensor4<i32, 2, 3, 2, 3> = tensor::Tensor4::concat::<3>((&a, &b));
    for (n, i, j, k) in (0..2).flat_map(|n| {
        (0..3).flat_map(move |i| (0..2).flat_map(move |j| (0..3).map(move |k| (n, i, j, k))))
    }) {
        let want = if k < 2 {
            a[(n, i, j, k)]
        } else {
            b[(n, i, j, 0)]
        };
        assert_eq!(c[(n, i, j, k)], want);
    }
    let s: tensor::Tensor4<i32, 2, 3, 2, 2> = tensor::Tensor4::stack::<1>([
        &Tensor3::<i32, 2, 2, 2>::arange(),
        &(Tensor3::<i32, 2, 2, 2>::arange() * 10),
        &(Tensor3::<i32, 2, 2, 2>::arange() * 100),
    ]);
    for (n, p, j, k) in (0..2).flat_map(|n| {
        (0..3).flat_map(move |p| (0..2).flat_map(move |j| (0..2).map(move |k| (n, p, j, k))))
    }) {
        assert_eq!(
            s[(n, p, j, k)],
            [1, 10, 100][p] * (n * 4 + j * 2 + k) as i32
        );
    }
}

/// Model code generic over the batch size uses the masks, `where`, `%` and the reorderings
/// with no where-clause, as it uses the arithmetic operators.
fn clamp_negatives_and_sort<const B: usize>(x: &Tensor<f32, B, 4>) -> (Tensor<f32, B, 4>, usize) {
    let zeros = Tensor::<f32, B, 4>::zeros();
    let relu = x.gt(&zeros).if_else(x, &zeros);
    let wrapped = relu.floor_mod(&Tensor::<f32, B, 4>::full(2.0));
    let kept = (x.ge_scalar(0.0) & x.ne(&zeros)).count_nonzero();
    (
        wrapped
            .sort()
            .flip_axis::<1>()
            .flip_axis::<0>()
            .flip_axis::<0>(),
        kept,
    )
}

#[test]
fn generic_code_needs_no_where_clause() {
    let x = Tensor::from([[-1.0f32, 3.5, 0.0, 2.0], [5.0, -2.0, 1.0, f32::NAN]]);
    let (y, kept) = clamp_negatives_and_sort(&x);
    // relu: [[0, 3.5, 0, 2], [5, 0, 1, 0]] (NaN > 0 is false); % 2: [[0, 1.5, 0, 0], [1, 0, 1, 0]];
    // each row sorted, then reversed.
    assert_eq!(
        y,
        Tensor::from([[1.5, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 0.0]])
    );
    assert_eq!(kept, 4);
}

#[test]
fn roll_masked_flatnonzero_and_unique_match_numpy() {
    let mut n = 0;
    for c in golden("parity.json") {
        let op = c["op"].as_str().unwrap();
        match op {
            "roll" | "roll_axis" => {
                let a: Tensor<i64, 3, 4> = ten(&i64s(&c["a"]));
                let shift = isize::try_from(c["shift"].as_i64().unwrap()).unwrap();
                let got = match c["axis"].as_u64() {
                    None => a.roll(shift),
                    Some(0) => a.roll_axis::<0>(shift),
                    _ => a.roll_axis::<1>(shift),
                };
                assert_eq!(got.as_flat(), &i64s(&c["out"])[..], "{c}");
            }
            "masked" => {
                let m: Tensor<bool, 3, 4> = ten(&bools(&c["m"]));
                if c["kind"] == "f64" {
                    let a: Tensor<f64, 3, 4> = ten(&f64s(&c["a"]));
                    assert_same_f64("masked", &a.masked(&m), &f64s(&c["out"]));
                } else {
                    let a: Tensor<i64, 3, 4> = ten(&i64s(&c["a"]));
                    assert_eq!(a.masked(&m), i64s(&c["out"]), "{c}");
                }
            }
            "flatnonzero" => {
                let a: Tensor<f64, 3, 4> = ten(&f64s(&c["a"]));
                assert_eq!(a.flatnonzero(), usizes(&c["out"]), "{c}");
            }
            "unique" => {
                let (indices, inverse, counts) = (
                    usizes(&c["indices"]),
                    usizes(&c["inverse"]),
                    usizes(&c["counts"]),
                );
                if c["kind"] == "f64" {
                    let u = (ten(&f64s(&c["a"])) as Tensor<f64, 3, 4>).unique();
                    assert_same_f64("unique", &u.values, &f64s(&c["out"]));
                    assert_eq!(
                        (u.indices, u.inverse, u.counts),
                        (indices, inverse, counts),
                        "{c}"
                    );
                } else {
                    let u = (ten(&i64s(&c["a"])) as Tensor<i64, 3, 4>).unique();
                    assert_eq!(u.values, i64s(&c["out"]), "{c}");
                    assert_eq!(
                        (u.indices, u.inverse, u.counts),
                        (indices, inverse, counts),
                        "{c}"
                    );
                }
            }
            _ => continue,
        }
        n += 1;
    }
    assert_eq!(n, 3 * (5 * 3 + 2 + 1 + 2));
}

proptest! {
    /// `unique` against a naive reference: every element maps back through `inverse`, the
    /// values are strictly increasing (NaN once, last), counts add up, `indices` are first
    /// occurrences; `roll` by `k` then `-k` is the identity.
    #[test]
    fn unique_and_roll_properties(v in proptest::collection::vec(float_values(), 24), k in -30isize..30) {
        let a: Tensor3<f64, 2, 3, 4> = ten(&v);
        let u = a.unique();
        for (i, &x) in v.iter().enumerate() {
            // Equal as values: NaN is one value, -0.0 and 0.0 are one value.
            let y = u.values[u.inverse[i]];
            prop_assert!(y == x || (y.is_nan() && x.is_nan()), "{x} maps to {y}");
        }
        for w in u.values.windows(2) {
            prop_assert!(numpy_le(w[0], w[1]) && !(w[0] == w[1] || w[0].is_nan()));
        }
        prop_assert_eq!(u.counts.iter().sum::<usize>(), v.len());
        for (j, &first) in u.indices.iter().enumerate() {
            prop_assert_eq!(u.inverse[first], j);
            prop_assert!(u.inverse[..first].iter().all(|&p| p != j));
        }
        assert_same_f64("roll", a.roll(k).roll(-k).as_flat(), a.as_flat());
        assert_same_f64("roll_axis", a.roll_axis::<2>(k).roll_axis::<2>(-k).as_flat(), a.as_flat());
        assert_same_f64("roll_axis::<1> by 3", a.roll_axis::<1>(3).as_flat(), a.as_flat());
    }
}

/// The parts of a split, stacked along a new axis 0, as `np.stack(np.split(...))`.
fn stacked<P: Dims, const N: usize>(parts: [Array<i64, P>; N]) -> Vec<i64> {
    parts.iter().flat_map(|p| p.as_flat().to_vec()).collect()
}

#[test]
fn split_vsplit_and_hsplit_match_numpy() {
    let mut n = 0;
    for c in golden("parity.json") {
        let op = c["op"].as_str().unwrap();
        if !op.contains("split") {
            continue;
        }
        let got = if op == "split3" {
            let t: Tensor3<i64, 2, 3, 6> = ten(&i64s(&c["a"]));
            stacked::<_, 3>(t.split::<2, (Const<2>, Const<3>, Const<2>), 3>())
        } else {
            let a: Tensor<i64, 6, 4> = ten(&i64s(&c["a"]));
            match (op, c["axis"].as_u64()) {
                ("split", Some(0)) => stacked::<_, 3>(a.split::<0, (Const<2>, Const<4>), 3>()),
                ("split", _) => stacked::<_, 2>(a.split::<1, (Const<6>, Const<2>), 2>()),
                ("vsplit", _) => stacked::<_, 2>(a.vsplit::<(Const<3>, Const<4>), 2>()),
                _ => stacked::<_, 4>(a.hsplit::<(Const<6>, Const<1>), 4>()),
            }
        };
        assert_eq!(got, i64s(&c["out"]), "{c}");
        n += 1;
    }
    assert_eq!(n, 2 * 5);
}

proptest! {
    /// Splitting undoes concatenation and stacking, on every axis of a rank-3 tensor.
    #[test]
    fn split_inverts_concat(v in proptest::collection::vec(-100i32..100, 48)) {
        let a: Tensor3<i32, 2, 3, 4> = ten(&v[..24]);
        let b: Tensor3<i32, 2, 3, 4> = ten(&v[24..]);
        let c0: Tensor3<i32, 4, 3, 4> = Tensor3::concat::<0>((&a, &b));
        let [x, y]: [Tensor3<i32, 2, 3, 4>; 2] = c0.split::<0, _, _>();
        prop_assert!(x == a && y == b);
        let c2: Tensor3<i32, 2, 3, 8> = Tensor3::concat::<2>((&a, &b));
        let [x, y]: [Tensor3<i32, 2, 3, 4>; 2] = c2.split::<2, _, _>();
        prop_assert!(x == a && y == b);
        let s: tensor::Tensor4<i32, 2, 3, 2, 4> = tensor::Tensor4::stack::<2>([&a, &b]);
        let [x, y]: [tensor::Tensor4<i32, 2, 3, 1, 4>; 2] = s.split::<2, _, _>();
        prop_assert!(x.reshape::<Tensor3<_, 2, 3, 4>>() == a && y.reshape::<Tensor3<_, 2, 3, 4>>() == b);
    }
}

/// NumPy's `/` on integer arrays is true division into `float64` (`true_div`), `//` floors
/// (`floor_div`), Rust's `/` truncates. Expected values: NumPy's output for
/// `a = np.array([7, -7, 1, -3, 0]); b = np.array([2, 2, -4, 2, 5])`:
/// `a / b` -> `[ 3.5  -3.5  -0.25 -1.5   0.  ]`, `a // b` -> `[ 3 -4 -1 -2  0]`.
#[test]
fn integer_true_division() {
    use tensor::tensor;
    let a = tensor![7, -7, 1, -3, 0];
    let b = tensor![2, 2, -4, 2, 5];
    assert_eq!(a.true_div(&b), tensor![3.5, -3.5, -0.25, -1.5, 0.0]);
    assert_eq!(a.floor_div(&b), tensor![3, -4, -1, -2, 0]);
    assert_eq!(a / b, tensor![3, -3, 0, -1, 0]); // Rust's: toward zero
    // broadcasting: np.array([[1], [2]]) / np.array([4, 8]) -> [[0.25 0.125] [0.5 0.25 ]]
    let col = tensor![[1u8], [2]];
    assert_eq!(
        col.true_div(&tensor![4u8, 8]),
        tensor![[0.25, 0.125], [0.5, 0.25]]
    );
    // by zero: np.array([1, -1, 0]) / 0 -> [ inf -inf  nan] (with a warning)
    let z = tensor![1i64, -1, 0].true_div_scalar(0);
    assert_eq!(z.as_flat()[..2], [f64::INFINITY, f64::NEG_INFINITY]);
    assert!(z.as_flat()[2].is_nan());
    // np.array([1, 2, 3]) / 3 -> [0.33333333 0.66666667 1.        ]
    assert_eq!(
        tensor![1, 2, 3].true_div_scalar(3),
        tensor![1.0 / 3.0, 2.0 / 3.0, 1.0]
    );
}

/// `nonzero`: NumPy's per-axis index arrays, against a naive loop over every index of a
/// rank-3 tensor, and NumPy's output for a matrix:
/// `np.nonzero(np.array([[3, 0, 0], [0, 4, 0], [5, 6, 0]]))` ->
/// `(array([0, 1, 2, 2]), array([0, 1, 0, 1]))`.
#[test]
fn nonzero_per_axis() {
    use tensor::{Tensor, Tensor3};
    let m = Tensor::from([[3, 0, 0], [0, 4, 0], [5, 6, 0]]);
    assert_eq!(m.nonzero(), vec![vec![0, 1, 2, 2], vec![0, 1, 0, 1]]);
    let t = Tensor3::<i32, 2, 3, 4>::from_fn(|i, j, k| ((i * 7 + j * 3 + k) % 4 == 0) as i32);
    let mut naive = vec![vec![]; 3];
    for i in 0..2 {
        for j in 0..3 {
            for k in 0..4 {
                if t[(i, j, k)] != 0 {
                    naive[0].push(i);
                    naive[1].push(j);
                    naive[2].push(k);
                }
            }
        }
    }
    assert!(!naive[0].is_empty());
    assert_eq!(t.nonzero(), naive);
    // floats: NaN is nonzero, -0.0 is zero, as in NumPy
    let f = Tensor::from([[0.0, f64::NAN], [-0.0, 1.5]]);
    assert_eq!(f.nonzero(), vec![vec![0, 1], vec![1, 1]]);
    // nothing: np.nonzero(np.zeros((2, 2))) -> (array([]), array([]))
    assert_eq!(
        Tensor::<f64, 2, 2>::zeros().nonzero(),
        vec![Vec::<usize>::new(), vec![]]
    );
}
