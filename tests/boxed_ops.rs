//! Operations on boxed tensors return boxed results written straight into the heap (issue 19,
//! item 6): every operation on `(1024, 1024)` boxed tensors (4 MiB each) runs on a 2 MiB
//! thread, in this debug build, and its result equals the static operation's on the same data
//! bit for bit (the static one computed by value on a thread with a 256 MiB stack, where debug
//! builds' copies of the value fit), with spot values against naive loops. A proptest compares
//! the boxed and static forms on small random tensors.
#![cfg(feature = "alloc")]
#![allow(
    clippy::op_ref,
    reason = "each operand form, borrowed stack tensors included, is an impl under test"
)]

use crate::common;

use proptest::prelude::*;
use tensor::prelude::*;

const N: usize = 1024;
type Big = Tensor<f32, N, N>;

const TWO_MIB: usize = 2 << 20;
const BIG_STACK: usize = 256 << 20;

/// Runs `f` on a fresh thread with a 2 MiB stack (the test threads' default size).
fn on_2_mib<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    common::on_stack(TWO_MIB, f)
}

/// The static (by-value) form's result on the same data, computed on a 256 MiB stack.
fn by_value<T: Copy + 'static, S: tensor::shape::Dims + 'static>(
    f: impl FnOnce() -> Array<T, S> + Send + 'static,
) -> Box<Array<T, S>>
where
    Box<Array<T, S>>: Send,
{
    common::on_stack(BIG_STACK, move || f().to_boxed())
}

fn make_a() -> Box<Big> {
    Big::boxed_from_fn(|i, j| ((i * 31 + j * 17) % 97) as f32 / 97.0 - 0.5)
}

fn make_b() -> Box<Big> {
    Big::boxed_from_fn(|i, j| ((i * 7 + j * 13) % 89) as f32 / 89.0 + 0.25)
}

fn make_row() -> RowVector<f32, N> {
    Tensor::<f32, 1, N>::from_fn(|_, j| (j % 5) as f32 - 2.0).reshape()
}

fn make_col() -> ColVector<f32, N> {
    Tensor::<f32, N, 1>::from_fn(|i, _| (i % 3) as f32 + 0.5).reshape()
}

/// Bit-for-bit equality of two tensors' elements (NaN equal to the same NaN).
fn same_bits<S: tensor::shape::Dims>(x: &Array<f32, S>, y: &Array<f32, S>, what: &str) {
    let (x, y) = (x.as_flat(), y.as_flat());
    assert_eq!(x.len(), y.len());
    for (k, (p, q)) in x.iter().zip(y).enumerate() {
        assert_eq!(p.to_bits(), q.to_bits(), "{what}: element {k}: {p} vs {q}");
    }
}

#[test]
fn operators_on_boxed_operands_on_a_2_mib_stack() {
    let boxed = on_2_mib(|| {
        let (a, b, row, col) = (make_a(), make_b(), make_row(), make_col());
        let mut in_place = a.to_boxed();
        in_place += &b;
        in_place *= 0.5;
        let results: Vec<(&str, Box<Big>)> = vec![
            ("&a + &b", &a + &b),
            ("&a - &b", &a - &b),
            ("&a * &b", &a * &b),
            ("&a / &b", &a / &b),
            ("&a + b", &a + make_b()),
            ("a - &b", make_a() - &b),
            ("a * b", make_a() * make_b()),
            ("&a + &row", &a + &row),
            ("&a * row", &a * row),
            ("&row - &a", &row - &a),
            ("&col / &b", &col / &b),
            ("a - &col", make_a() - &col),
            ("&a * 2.0", &a * 2.0),
            ("a - 1.0", make_a() - 1.0),
            ("3.0 / &b", 3.0 / &b),
            ("2.0 * a", 2.0 * make_a()),
            ("-&a", -&a),
            ("-a", -make_a()),
            ("(a += &b) *= 0.5", in_place),
        ];
        results
    });
    let by_value: Vec<Box<Big>> = vec![
        by_value(|| *make_a() + *make_b()),
        by_value(|| *make_a() - *make_b()),
        by_value(|| *make_a() * *make_b()),
        by_value(|| *make_a() / *make_b()),
        by_value(|| *make_a() + *make_b()),
        by_value(|| *make_a() - *make_b()),
        by_value(|| *make_a() * *make_b()),
        by_value(|| *make_a() + make_row()),
        by_value(|| *make_a() * make_row()),
        by_value(|| make_row() - *make_a()),
        by_value(|| make_col() / *make_b()),
        by_value(|| *make_a() - make_col()),
        by_value(|| *make_a() * 2.0),
        by_value(|| *make_a() - 1.0),
        by_value(|| 3.0 / *make_b()),
        by_value(|| 2.0 * *make_a()),
        by_value(|| -*make_a()),
        by_value(|| -*make_a()),
        by_value(|| (*make_a() + *make_b()) * 0.5),
    ];
    assert_eq!(boxed.len(), by_value.len());
    for ((what, x), y) in boxed.iter().zip(&by_value) {
        same_bits(x, y, what);
    }
    // Spot values against the elements themselves.
    let (a, b, row) = (make_a(), make_b(), make_row());
    for (i, j) in [(0, 0), (1, 1000), (517, 3), (1023, 1023)] {
        assert_eq!(boxed[0].1[(i, j)], a[(i, j)] + b[(i, j)]);
        assert_eq!(boxed[7].1[(i, j)], a[(i, j)] + row[(0, j)]);
        assert_eq!(boxed[14].1[(i, j)], 3.0 / b[(i, j)]);
    }
}

#[test]
fn math_on_boxed_tensors_on_a_2_mib_stack() {
    let boxed = on_2_mib(|| {
        let (a, b) = (make_a(), make_b());
        let results: Vec<(&str, Box<Big>)> = vec![
            ("sqrt", b.sqrt()),
            ("exp", a.exp()),
            ("ln", b.ln()),
            ("log2", b.log2()),
            ("log10", b.log10()),
            ("log", b.log(3.0)),
            ("sin", a.sin()),
            ("cos", a.cos()),
            ("tanh", a.tanh()),
            ("sigmoid", a.sigmoid()),
            ("powi", a.powi(3)),
            ("powf", b.powf(1.5)),
            ("square", a.square()),
            ("abs", a.abs()),
            ("relu", a.relu()),
            ("clip", a.clip(-0.25, 0.25)),
            ("softmax", a.softmax()),
            ("log_softmax", a.log_softmax()),
            ("maximum", a.maximum(&b)),
            ("minimum", a.minimum(&make_row())),
            ("map", a.map(|x| x * x + 1.0)),
        ];
        results
    });
    let by_value: Vec<Box<Big>> = vec![
        by_value(|| (*make_b()).sqrt()),
        by_value(|| (*make_a()).exp()),
        by_value(|| (*make_b()).ln()),
        by_value(|| (*make_b()).log2()),
        by_value(|| (*make_b()).log10()),
        by_value(|| (*make_b()).log(3.0)),
        by_value(|| (*make_a()).sin()),
        by_value(|| (*make_a()).cos()),
        by_value(|| (*make_a()).tanh()),
        by_value(|| (*make_a()).sigmoid()),
        by_value(|| (*make_a()).powi(3)),
        by_value(|| (*make_b()).powf(1.5)),
        by_value(|| (*make_a()).square()),
        by_value(|| (*make_a()).abs()),
        by_value(|| (*make_a()).relu()),
        by_value(|| (*make_a()).clip(-0.25, 0.25)),
        by_value(|| (*make_a()).softmax()),
        by_value(|| (*make_a()).log_softmax()),
        by_value(|| (*make_a()).maximum(&*make_b())),
        by_value(|| (*make_a()).minimum(&make_row())),
        by_value(|| (*make_a()).map(|x| x * x + 1.0)),
    ];
    assert_eq!(boxed.len(), by_value.len());
    for ((what, x), y) in boxed.iter().zip(&by_value) {
        same_bits(x, y, what);
    }
    let a = make_a();
    for (i, j) in [(0, 0), (300, 700), (1023, 1023)] {
        let x = a[(i, j)];
        assert_eq!(boxed[12].1[(i, j)], x * x);
        assert_eq!(boxed[15].1[(i, j)], x.clamp(-0.25, 0.25));
        assert!((boxed[1].1[(i, j)] - x.exp()).abs() <= 1e-6 * x.exp());
    }
    // softmax rows sum to 1
    let row0: f64 = boxed[16].1.as_flat()[..N]
        .iter()
        .map(|&p| f64::from(p))
        .sum();
    assert!((row0 - 1.0).abs() < 1e-5, "{row0}");
}

#[test]
fn reductions_along_an_axis_on_a_2_mib_stack() {
    // (1024, 1024) along both axes, and a tall (262144, 4) along its last axis, whose 1 MiB
    // result would take half of this stack as a value.
    type Tall = Tensor<f32, 262_144, 4>;
    fn make_tall() -> Box<Tall> {
        Tall::boxed_from_fn(|i, j| ((i * 5 + j * 3) % 11) as f32 - 5.0)
    }
    let (rows, cols, tall_sums, tall_args) = on_2_mib(|| {
        let a = make_a();
        let rows: Vec<Box<RowVector<f32, N>>> = vec![
            a.sum_axis::<0>(),
            a.prod_axis::<0>(),
            a.max_axis::<0>(),
            a.min_axis::<0>(),
            a.mean_axis::<0>(),
            a.var_axis::<0>(),
            a.var_axis_ddof::<0>(1),
            a.std_axis::<0>(),
            a.std_axis_ddof::<0>(1),
        ];
        let cols: Vec<Box<ColVector<f32, N>>> = vec![
            a.sum_axis::<1>(),
            a.max_axis::<1>(),
            a.mean_axis::<1>(),
            a.std_axis::<1>(),
        ];
        let t = make_tall();
        let tall_sums = vec![t.sum_axis::<1>(), t.min_axis::<1>(), t.var_axis::<1>()];
        let tall_args = vec![
            a.argmax_axis::<1>(),
            a.argmin_axis::<1>(),
            a.argmax_axis::<0>().reshape::<ColVector<usize, N>>(),
        ];
        (rows, cols, tall_sums, tall_args)
    });
    let rows_ref = vec![
        by_value(|| (*make_a()).sum_axis::<0>()),
        by_value(|| (*make_a()).prod_axis::<0>()),
        by_value(|| (*make_a()).max_axis::<0>()),
        by_value(|| (*make_a()).min_axis::<0>()),
        by_value(|| (*make_a()).mean_axis::<0>()),
        by_value(|| (*make_a()).var_axis::<0>()),
        by_value(|| (*make_a()).var_axis_ddof::<0>(1)),
        by_value(|| (*make_a()).std_axis::<0>()),
        by_value(|| (*make_a()).std_axis_ddof::<0>(1)),
    ];
    for (k, (x, y)) in rows.iter().zip(&rows_ref).enumerate() {
        same_bits(x, y, &format!("axis 0, reduction {k}"));
    }
    let cols_ref = vec![
        by_value(|| (*make_a()).sum_axis::<1>()),
        by_value(|| (*make_a()).max_axis::<1>()),
        by_value(|| (*make_a()).mean_axis::<1>()),
        by_value(|| (*make_a()).std_axis::<1>()),
    ];
    for (k, (x, y)) in cols.iter().zip(&cols_ref).enumerate() {
        same_bits(x, y, &format!("axis 1, reduction {k}"));
    }
    let tall_ref = vec![
        by_value(|| (*make_tall()).sum_axis::<1>()),
        by_value(|| (*make_tall()).min_axis::<1>()),
        by_value(|| (*make_tall()).var_axis::<1>()),
    ];
    for (k, (x, y)) in tall_sums.iter().zip(&tall_ref).enumerate() {
        same_bits(x, y, &format!("tall, reduction {k}"));
    }
    assert_eq!(*tall_args[0], *by_value(|| (*make_a()).argmax_axis::<1>()));
    assert_eq!(*tall_args[1], *by_value(|| (*make_a()).argmin_axis::<1>()));
    assert_eq!(
        tall_args[2].as_flat(),
        by_value(|| (*make_a()).argmax_axis::<0>()).as_flat()
    );
    // Naive references: the sums of a few rows and columns, in f64.
    let (a, t) = (make_a(), make_tall());
    for j in [0, 511, 1023] {
        let naive: f64 = (0..N).map(|i| f64::from(a[(i, j)])).sum();
        assert!(
            (f64::from(rows[0][(0, j)]) - naive).abs() < 1e-3,
            "column {j}"
        );
        let naive: f64 = (0..N).map(|k| f64::from(a[(j, k)])).sum();
        assert!((f64::from(cols[0][(j, 0)]) - naive).abs() < 1e-3, "row {j}");
    }
    for i in [0, 1, 262_143] {
        let naive: f32 = (0..4).map(|k| t[(i, k)]).sum();
        assert_eq!(tall_sums[0][(i, 0)], naive);
    }
}

#[test]
fn matmul_and_transpose_on_a_2_mib_stack() {
    // The products have `(1024, 1024)` results (4 MiB, twice the thread's stack) from a thin
    // inner dimension, so that a debug build computes them in a fraction of a second.
    fn make_tall() -> Box<Tensor<f32, N, 8>> {
        Tensor::<f32, N, 8>::boxed_from_fn(|i, j| ((i * 5 + j * 3) % 11) as f32 - 5.0)
    }
    fn make_wide() -> Box<Tensor<f32, 8, N>> {
        Tensor::<f32, 8, N>::boxed_from_fn(|i, j| ((i * 7 + j) % 13) as f32 * 0.25)
    }
    fn make_narrow() -> Box<Tensor<f32, N, 16>> {
        Tensor::<f32, N, 16>::boxed_from_fn(|i, j| ((i + 2 * j) % 7) as f32 - 3.0)
    }
    let (p, q, r, t, tt) = on_2_mib(|| {
        let (a, tall, wide) = (make_a(), make_tall(), make_wide());
        let p = tall.matmul(&wide); // both boxed
        let q = a.matmul(&*make_narrow()); // a boxed left, a reference to a matrix on the right
        let r = wide.t().matmul(&wide); // wide.T @ wide
        (p, q, r, a.t(), a.transpose().transpose())
    });
    same_bits(
        &p,
        &by_value(|| (*make_tall()).matmul(&*make_wide())),
        "tall @ wide",
    );
    same_bits(
        &q,
        &by_value(|| (*make_a()).matmul(&*make_narrow())),
        "a @ narrow",
    );
    same_bits(
        &r,
        &by_value(|| (*make_wide()).t().matmul(&*make_wide())),
        "wide.T @ wide",
    );
    same_bits(&t, &by_value(|| (*make_a()).t()), "a.T");
    let (a, tall, wide, narrow) = (make_a(), make_tall(), make_wide(), make_narrow());
    assert!(*tt == *a);
    for (i, j) in [(0, 0), (5, 1000), (1023, 1), (700, 700)] {
        let naive: f64 = (0..8)
            .map(|k| f64::from(tall[(i, k)]) * f64::from(wide[(k, j)]))
            .sum();
        assert!((f64::from(p[(i, j)]) - naive).abs() < 1e-3, "({i}, {j})");
        let naive: f64 = (0..8)
            .map(|k| f64::from(wide[(k, i)]) * f64::from(wide[(k, j)]))
            .sum();
        assert!((f64::from(r[(i, j)]) - naive).abs() < 1e-3, "({i}, {j})");
        assert_eq!(t[(j, i)], a[(i, j)]);
    }
    for i in [0, 17, 1023] {
        for j in 0..16 {
            let naive: f32 = (0..N).map(|k| a[(i, k)] * narrow[(k, j)]).sum();
            assert!((q[(i, j)] - naive).abs() < 1e-3, "({i}, {j})");
        }
    }
}

#[test]
fn reshape_and_flatten_keep_the_allocation() {
    on_2_mib(|| {
        let a = make_a();
        let expected = a.to_boxed();
        let ptr = a.as_flat().as_ptr();
        let cube = a.reshape::<Tensor3<_, 1024, 32, 32>>();
        assert_eq!(cube.as_flat().as_ptr(), ptr, "reshape copied the data");
        for (i, j, k) in [(0, 0, 0), (3, 31, 7), (1023, 31, 31)] {
            assert_eq!(cube[(i, j, k)], expected[(i, j * 32 + k)]);
        }
        let flat: Box<Vector<f32, 1_048_576>> = cube.flatten();
        assert_eq!(flat.as_flat().as_ptr(), ptr);
        assert_eq!(flat.as_flat(), expected.as_flat());
        let back = flat.reshape::<Big>();
        assert!(*back == *expected);
        // Zero-sized shapes and elements.
        let empty = Tensor::<f32, 0, 4>::boxed_zeros().reshape::<Tensor<f32, 4, 0>>();
        assert!(empty.is_empty());
        let units = Tensor::<(), 1000, 1000>::boxed_from_fn(|_, _| ())
            .reshape::<Tensor3<(), 10, 100, 1000>>();
        assert_eq!(units.len(), 1_000_000);
    });
}

#[test]
fn the_dsl_on_boxed_tensors() {
    on_2_mib(|| {
        // A `(1024, 1024)` result from a thin inner dimension (see the products above).
        let w = Tensor::<f32, 8, N>::boxed_from_fn(|i, j| ((i * 7 + j) % 13) as f32 * 0.25);
        let g: Box<Big> = tensor!(w.T @ w);
        same_bits(&g, &w.t().matmul(&w), "w.T @ w");
    });
}

/// Small random tensors: the boxed forms equal the static ones bit for bit.
fn values(len: usize) -> impl Strategy<Value = Vec<f32>> {
    proptest::collection::vec(-4.0f32..4.0, len)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn boxed_forms_equal_the_static_ones(x in values(12), y in values(12), r in values(3), s in -3.0f32..3.0) {
        let a = Tensor::<f32, 4, 3>::from_fn(|i, j| x[i * 3 + j]);
        let b = Tensor::<f32, 4, 3>::from_fn(|i, j| y[i * 3 + j]);
        let row: RowVector<f32, 3> = Tensor::<f32, 1, 3>::from_fn(|_, j| r[j]).reshape();
        let w = Tensor::<f32, 3, 5>::from_fn(|i, j| r[i] * j as f32);
        let (ba, bb) = (Box::new(a), Box::new(b));
        same_bits(&*(&ba + &bb), &(a + b), "+");
        same_bits(&*(&ba - &row), &(a - row), "- row");
        same_bits(&*(&row * &bb), &(row * b), "row *");
        same_bits(&*(&ba / s), &(a / s), "/ s");
        same_bits(&*(s - &ba), &(s - a), "s -");
        same_bits(&*ba.exp(), &a.exp(), "exp");
        same_bits(&*ba.tanh(), &a.tanh(), "tanh");
        same_bits(&*ba.softmax(), &a.softmax(), "softmax");
        same_bits(&*ba.maximum(&bb), &a.maximum(&b), "maximum");
        same_bits(&*ba.sum_axis::<0>(), &a.sum_axis::<0>(), "sum_axis 0");
        same_bits(&*ba.std_axis::<1>(), &a.std_axis::<1>(), "std_axis 1");
        same_bits(&*ba.max_axis::<1>(), &a.max_axis::<1>(), "max_axis 1");
        prop_assert_eq!(*ba.argmin_axis::<0>(), a.argmin_axis::<0>());
        same_bits(&*ba.matmul(&w), &a.matmul(&w), "matmul");
        same_bits(&*ba.t(), &a.t(), "t");
        same_bits(&*ba.clone().reshape::<Tensor<f32, 2, 6>>(), &a.reshape::<Tensor<f32, 2, 6>>(), "reshape");
    }
}
