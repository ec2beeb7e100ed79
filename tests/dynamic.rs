//! `DynArray`, the run-time-rows tensor, against its static twin: every op on a `DynTensor`
//! of `n` rows gives what the same op gives on the `Tensor<T, N, C>` holding the same data
//! (random values, `n` from 0 up, multiples and non-multiples of the SIMD widths), mismatched
//! row counts panic or return the error with both shapes, mini-batching covers every row once,
//! and data far larger than a thread's stack goes through every op.
#![cfg(feature = "alloc")]
// The operators are tested in each owned and borrowed form on purpose.
#![allow(clippy::op_ref)]

use crate::common;

use proptest::prelude::*;
use tensor::prelude::*;
use tensor::{RowsMismatch, shape::One};

/// The static twin of `x`, which must have `N` rows.
fn twin<const N: usize, const C: usize>(x: &DynTensor<f64, C>) -> Tensor<f64, N, C> {
    x.to_static::<N>().expect("the test builds N rows")
}

/// `x` as a run-time tensor.
fn dynamic<const N: usize, const C: usize>(x: &Tensor<f64, N, C>) -> DynTensor<f64, C> {
    DynTensor::from(x)
}

/// The static tensor whose row-major element `k` is `f(k)` (through the boxed constructor,
/// the public one that takes a flat index).
fn flat<A: FromFlat>(f: impl FnMut(usize) -> A::Elem) -> A {
    A::from_flat(f)
}

trait FromFlat {
    type Elem;
    fn from_flat(f: impl FnMut(usize) -> Self::Elem) -> Self;
}

impl<T: Copy, S: tensor::shape::Dims> FromFlat for Array<T, S> {
    type Elem = T;
    fn from_flat(f: impl FnMut(usize) -> T) -> Self {
        *Array::boxed_from_flat_fn(f)
    }
}

/// Asserts two slices agree to a relative 1e-12 (kernels may sum in a different order).
fn close(a: &[f64], b: &[f64]) {
    assert_eq!(a.len(), b.len());
    for (k, (x, y)) in a.iter().zip(b).enumerate() {
        let tol = 1e-12 * x.abs().max(y.abs()).max(1.0);
        assert!(
            (x - y).abs() <= tol || (x.is_nan() && y.is_nan()) || x == y,
            "element {k}: {x} vs {y}"
        );
    }
}

/// Every op of a `(N, 5)` run-time tensor against the same op on the static tensor.
fn every_op_matches_static<const N: usize>(data: &[f64]) {
    let s = flat::<Tensor<f64, N, 5>>(|k| data[k]);
    let s2 = flat::<Tensor<f64, N, 5>>(|k| data[k].mul_add(0.5, 0.25) + 2.0);
    let (x, y) = (dynamic(&s), dynamic(&s2));
    let bias = flat::<RowVector<f64, 5>>(|k| k as f64 - 2.0);
    let vbias = flat::<Vector<f64, 5>>(|k| k as f64 * 0.5);
    let w = flat::<Tensor<f64, 5, 3>>(|k| (k as f64 * 0.37).sin());
    let wide = flat::<Tensor<f64, 5, 40>>(|k| (k as f64 * 0.11).cos());

    assert_eq!(x.shape(), (N, 5));
    assert_eq!(twin::<N, 5>(&x), s);
    // Operators between run-time tensors, each form.
    assert_eq!(twin::<N, 5>(&(&x + &y)), s + s2);
    assert_eq!(twin::<N, 5>(&(x.clone() - &y)), s - s2);
    assert_eq!(twin::<N, 5>(&(x.clone() * y.clone())), s * s2);
    assert_eq!(twin::<N, 5>(&x.try_div(&y).unwrap()), s / s2);
    let mut acc = x.clone();
    acc += &y;
    acc *= &y;
    assert_eq!(twin::<N, 5>(&acc), (s + s2) * s2);
    // With static operands broadcast over the rows, in both orders and in place.
    assert_eq!(twin::<N, 5>(&(&x + bias)), s + bias);
    assert_eq!(twin::<N, 5>(&(x.clone() - &bias)), s - bias);
    let vbias_row = flat::<RowVector<f64, 5>>(|k| vbias.as_flat()[k]);
    assert_eq!(twin::<N, 5>(&(&x * vbias)), s * vbias_row);
    assert_eq!(twin::<N, 5>(&(bias - &x)), bias - s);
    assert_eq!(twin::<N, 5>(&(&vbias / &y)), vbias_row / s2);
    let mut acc = x.clone();
    acc -= bias;
    acc /= &vbias;
    assert_eq!(twin::<N, 5>(&acc), (s - bias) / vbias_row);
    // Scalars and negation.
    assert_eq!(twin::<N, 5>(&(&x * 2.5)), s * 2.5);
    assert_eq!(twin::<N, 5>(&(-&x + 1.0)), -s + 1.0);
    // Elementwise math.
    let pos = y.clone(); // > 0
    assert_eq!(twin::<N, 5>(&x.exp()), s.exp());
    assert_eq!(twin::<N, 5>(&pos.ln()), s2.ln());
    assert_eq!(twin::<N, 5>(&x.tanh()), s.tanh());
    assert_eq!(twin::<N, 5>(&x.sigmoid()), s.sigmoid());
    assert_eq!(twin::<N, 5>(&pos.sqrt()), s2.sqrt());
    assert_eq!(twin::<N, 5>(&x.relu()), s.relu());
    assert_eq!(twin::<N, 5>(&x.abs()), s.abs());
    assert_eq!(twin::<N, 5>(&x.square()), s.square());
    assert_eq!(twin::<N, 5>(&x.powi(3)), s.powi(3));
    assert_eq!(twin::<N, 5>(&pos.powf(0.7)), s2.powf(0.7));
    assert_eq!(twin::<N, 5>(&pos.log2()), s2.log2());
    assert_eq!(twin::<N, 5>(&pos.log10()), s2.log10());
    assert_eq!(twin::<N, 5>(&pos.log(3.0)), s2.log(3.0));
    assert_eq!(twin::<N, 5>(&x.sin()), s.sin());
    assert_eq!(twin::<N, 5>(&x.cos()), s.cos());
    assert_eq!(twin::<N, 5>(&x.clip(-0.5, 0.5)), s.clip(-0.5, 0.5));
    assert_eq!(twin::<N, 5>(&x.softmax()), s.softmax());
    assert_eq!(twin::<N, 5>(&x.log_softmax()), s.log_softmax());
    assert_eq!(
        twin::<N, 5>(&x.map(|v| v * v - 1.0)),
        s.map(|v| v * v - 1.0)
    );
    // Reductions, whole and along each axis.
    assert_eq!(x.sum(), s.sum());
    assert_eq!(x.sum_axis::<0>(), s.sum_axis::<0>());
    // NaN for no rows, in both.
    close(x.mean_axis::<0>().as_flat(), s.mean_axis::<0>().as_flat());
    close(x.var_axis::<0>().as_flat(), s.var_axis::<0>().as_flat());
    close(x.std_axis::<0>().as_flat(), s.std_axis::<0>().as_flat());
    let per_row: DynArray<f64, (One,)> = x.sum_axis::<1>();
    assert_eq!(per_row.as_flat(), s.sum_axis::<1>().as_flat());
    assert_eq!(x.mean_axis::<1>().as_flat(), s.mean_axis::<1>().as_flat());
    assert_eq!(x.std_axis::<1>().as_flat(), s.std_axis::<1>().as_flat());
    assert_eq!(
        x.argmax_axis::<1>().as_flat(),
        s.argmax_axis::<1>().as_flat()
    );
    assert_eq!(
        x.argmin_axis::<1>().as_flat(),
        s.argmin_axis::<1>().as_flat()
    );
    if N > 0 {
        assert_eq!((x.max(), x.min()), (s.max(), s.min()));
        assert_eq!(x.mean(), s.mean());
        assert_eq!((x.var(), x.std()), (s.var(), s.std()));
        assert_eq!(x.max_axis::<0>(), s.max_axis::<0>());
        assert_eq!(x.min_axis::<1>().as_flat(), s.min_axis::<1>().as_flat());
        assert_eq!(x.argmax_axis::<0>(), s.argmax_axis::<0>());
    }
    // Products: a narrow output and a wide one (different kernel paths).
    close(x.matmul(&w).as_flat(), s.matmul(&w).as_flat());
    close(x.matmul(&wide).as_flat(), s.matmul(&wide).as_flat());
    // Rows, batches and conversions.
    for (i, row) in x.iter_rows().enumerate() {
        assert_eq!(row.as_flat(), s.as_flat()[i * 5..][..5].to_vec().as_slice());
    }
    let mut seen = 0;
    for batch in x.batches::<4>() {
        let b: &Tensor<f64, 4, 5> = batch;
        assert_eq!(b.as_flat(), &s.as_flat()[seen * 5..][..20]);
        seen += 4;
    }
    let rest = x.batches::<4>().remainder();
    assert_eq!(seen + rest.nrows(), N);
    assert_eq!(rest.as_flat(), &s.as_flat()[seen * 5..]);
    let boxed: Box<Tensor<f64, N, 5>> = x.clone().try_into().unwrap();
    assert_eq!(*boxed, s);
    assert_eq!(DynTensor::from(boxed), x);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_op_matches_the_static_tensor(data in prop::collection::vec(-3.0f64..3.0, 5 * 70)) {
        every_op_matches_static::<0>(&data);
        every_op_matches_static::<1>(&data);
        every_op_matches_static::<3>(&data);
        every_op_matches_static::<8>(&data);
        every_op_matches_static::<13>(&data);
        every_op_matches_static::<70>(&data);
    }

    #[test]
    fn batches_cover_every_row_once(rows in 0usize..200) {
        let x = DynTensor::<u32, 3>::from_flat_fn(rows, |k| k as u32);
        let mut flat = Vec::new();
        for b in x.batches::<32>() {
            flat.extend_from_slice(b.as_flat());
        }
        prop_assert_eq!(x.batches::<32>().len(), rows / 32);
        flat.extend_from_slice(x.batches::<32>().remainder().as_flat());
        prop_assert_eq!(flat.as_slice(), x.as_flat());
    }
}

#[test]
fn rank_3_and_4_rows_reduce_along_every_axis_like_static_tensors() {
    let s = flat::<Tensor4<f64, 3, 4, 2, 5>>(|k| ((k * 7) % 11) as f64 - 5.0);
    let x = DynTensor4::<f64, 4, 2, 5>::from(&s);
    assert_eq!(x.shape(), (3, 4, 2, 5));
    assert_eq!(x.sum_axis::<0>(), s.sum_axis::<0>());
    assert_eq!(x.sum_axis::<1>().as_flat(), s.sum_axis::<1>().as_flat());
    assert_eq!(x.mean_axis::<2>().as_flat(), s.mean_axis::<2>().as_flat());
    assert_eq!(x.max_axis::<3>().as_flat(), s.max_axis::<3>().as_flat());
    assert_eq!(
        x.argmax_axis::<3>().as_flat(),
        s.argmax_axis::<3>().as_flat()
    );
    // A per-channel statistic broadcasts back over the rows.
    let channel = flat::<Tensor4<f64, 1, 1, 1, 5>>(|k| k as f64);
    assert_eq!((&x - channel).to_static::<3>().unwrap(), s - channel);
    let img = DynTensor3::<f64, 4, 10>::from(&s.reshape::<Tensor3<_, 3, 4, 10>>());
    assert_eq!(
        img.sum_axis::<2>().as_flat(),
        s.reshape::<Tensor3<_, 3, 4, 10>>()
            .sum_axis::<2>()
            .as_flat()
    );
    assert_eq!(
        img.to_string(),
        s.reshape::<Tensor3<_, 3, 4, 10>>().to_string()
    );
}

#[test]
fn mismatched_rows_panic_with_both_shapes() {
    let a = DynTensor::<f32, 784>::zeros(3);
    let b = DynTensor::<f32, 784>::zeros(5);
    let msg = "operands could not be broadcast together with shapes (3, 784) (5, 784)";
    let e = a.try_add(&b).unwrap_err();
    assert_eq!(e.to_string(), msg);
    assert_eq!(
        e,
        RowsMismatch::Operands {
            left: 3,
            right: 5,
            row: &[784]
        }
    );
    type Op = fn(&DynTensor<f32, 784>, &DynTensor<f32, 784>);
    let ops: [Op; 6] = [
        |a, b| drop(a + b),
        |a, b| drop(a - b),
        |a, b| drop(a * b),
        |a, b| drop(a / b),
        |a, b| drop(a.clone() + b),
        |a, b| {
            let mut a = a.clone();
            a -= b;
        },
    ];
    for op in ops {
        let err = std::panic::catch_unwind(|| op(&a, &b)).unwrap_err();
        let text = err
            .downcast_ref::<String>()
            .expect("a formatted panic message");
        assert_eq!(text, msg);
    }
    assert!(a.try_sub(&b).is_err() && a.try_mul(&b).is_err() && a.try_div(&b).is_err());
}

#[test]
fn conversions_check_the_row_count() {
    let x = DynTensor3::<u8, 2, 2>::zeros(3);
    let e = Tensor3::<u8, 4, 2, 2>::try_from(&x).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot convert a tensor of shape (3, 2, 2) into a tensor of shape (4, 2, 2)"
    );
    assert!(Tensor3::<u8, 3, 2, 2>::try_from(&x).is_ok());
    let e = DynTensor3::<u8, 2, 2>::from_vec(vec![0; 10]).unwrap_err();
    assert_eq!(
        e,
        RowsMismatch::Length {
            len: 10,
            row: &[2, 2]
        }
    );
    assert_eq!(
        e.to_string(),
        "cannot arrange 10 elements in rows of shape (2, 2): 10 is not a multiple of 4"
    );
    // A row shape without elements has no data to count rows from.
    assert_eq!(DynTensor::<f32, 0>::from_vec(vec![]).unwrap().nrows(), 0);
    assert_eq!(DynTensor::<f32, 0>::zeros(4).shape(), (4, 0));
    assert_eq!(DynTensor::<f32, 0>::zeros(4).batches::<2>().len(), 2);
}

#[test]
#[should_panic(expected = "row index 3 is out of bounds for a tensor with 3 rows")]
fn row_out_of_range_panics() {
    let _ = DynTensor::<f32, 2>::zeros(3).row(3);
}

#[test]
fn select_rows_push_and_collect_build_datasets() {
    let x: DynTensor<i32, 2> = (0..4).map(|i| [i, -i].into()).collect();
    assert_eq!(x.select_rows(&[3, 1, 3]).as_flat(), &[3, -3, 1, -1, 3, -3]);
    let mut y = DynTensor::<i32, 2>::default();
    for row in x.iter_rows() {
        y.push(row);
    }
    assert_eq!(y, x);
    assert_eq!(
        format!("{:?}", y.select_rows(&[1])),
        "DynArray(1, 2)[[1, -1]]"
    );
}

/// Runs `f` on a thread with a 2 MiB stack, the default of spawned threads and of the test
/// harness.
fn on_2_mib_stack(f: impl FnOnce() + Send + 'static) {
    common::on_stack(2 << 20, f);
}

#[test]
#[cfg_attr(
    feature = "force-portable",
    ignore = "188 MB through the scalar portable kernels of a debug build takes minutes; the \
              default build runs it, and the portable kernels are tested on their own"
)]
fn mnist_sized_data_goes_through_every_op_on_a_2_mib_stack() {
    on_2_mib_stack(|| {
        const N: usize = 60_000;
        let x = DynTensor::<f32, 784>::from_flat_fn(N, |k| (k % 255) as f32 / 255.0);
        assert!(x.size() * 4 > 100 << 20); // 188 MB
        let mean = x.mean_axis::<0>();
        let std = x.std_axis::<0>();
        let z = (&x - mean) / (std + 1e-6);
        let w = flat::<Tensor<f32, 784, 10>>(|k| ((k % 13) as f32 - 6.0) * 1e-3);
        let logits = z.matmul(&w) + RowVector::<f32, 10>::full(0.1);
        let p = logits.softmax();
        let pred = p.argmax_axis::<1>();
        assert_eq!(pred.shape(), (N, 1));
        let e = x.exp().sum_axis::<1>();
        assert_eq!(e.nrows(), N);
        // Row i of the results equals the same computation on row i alone, as a static tensor.
        for i in [0, 1, 12_345, N - 1] {
            let row: Tensor<f32, 1, 784> = flat(|k| x.row(i).as_flat()[k]);
            let zi = (row - mean) / (std + 1e-6);
            let li = zi.matmul(&w) + RowVector::<f32, 10>::full(0.1);
            for (a, b) in logits.row(i).as_flat().iter().zip(li.as_flat()) {
                assert!(
                    (a - b).abs() <= 1e-4 * b.abs().max(1.0),
                    "row {i}: {a} vs {b}"
                );
            }
            assert_eq!(pred.row(i).as_flat()[0], li.softmax().argmax());
            let ei = row.exp().sum();
            assert!((e.row(i).as_flat()[0] - ei).abs() <= 1e-5 * ei, "row {i}");
        }
        // The elements are `(k % 255) / 255`: each full cycle of 255 sums to 127.
        let (cycles, rest) = (x.size() / 255, x.size() % 255);
        let exact = (cycles * 127) as f64 + (rest * rest.saturating_sub(1) / 2) as f64 / 255.0;
        assert!(
            (f64::from(x.sum()) - exact).abs() < 1.0,
            "{} vs {exact}",
            x.sum()
        );
    });
}

#[test]
fn boxed_static_tensors_cross_into_the_heap_form_without_a_stack_copy() {
    on_2_mib_stack(|| {
        let a = Tensor::<f32, 1024, 1024>::boxed_full(1.5);
        let b = Tensor::<f32, 1024, 1024>::boxed_full(2.0);
        let (a, b) = (DynTensor::from(a), DynTensor::from(b));
        let c = &a + &b; // the static `&*a + &*b` would put 4 MiB on this 2 MiB stack
        assert!(c.as_flat().iter().all(|&v| v == 3.5));
        let w = Tensor::<f32, 1024, 16>::boxed_full(0.5);
        let y = c.matmul(&*w);
        assert!(y.as_flat().iter().all(|&v| v == 1792.0));
        let back: Box<Tensor<f32, 1024, 1024>> = c.try_into().unwrap();
        assert_eq!(back[(1023, 1023)], 3.5);
    });
}
