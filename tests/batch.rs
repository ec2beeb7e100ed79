//! `Batch` and `Rows`: one generic function over a static batch (`Tensor<T, N, C>`) and a
//! run-time one (`DynTensor<T, C>`). The same code on the same data gives the same bits in
//! both forms, and the values of an independent f64 loop; the row count is checked where two
//! run-time batches meet; generic code over `N` calls it too.
#![cfg(feature = "alloc")]

use proptest::prelude::*;
use tensor::batch::{Batch, Rows, WithFeatures};
use tensor::prelude::*;
use tensor::shape::Const;

use crate::common::{assert_close, assert_exact};

/// A dense layer with a `tanh`, written once for both forms.
fn layer<X: Rows<f64, 3>>(
    x: &X,
    w: &Tensor<f64, 3, 4>,
    b: &RowVector<f64, 4>,
) -> WithFeatures<X, f64, 4> {
    (x.matmul(w) + *b).tanh()
}

/// A two-layer network's forward pass and the gradient of its squared error with respect to
/// both weight matrices (backpropagation by hand), written once for both forms.
fn forward_backward<X: Rows<f64, 3>>(
    x: &X,
    y: &WithFeatures<X, f64, 2>,
    w1: &Tensor<f64, 3, 4>,
    b1: &RowVector<f64, 4>,
    w2: &Tensor<f64, 4, 2>,
) -> (f64, Tensor<f64, 3, 4>, Tensor<f64, 4, 2>) {
    let hidden = layer(x, w1, b1);
    let out = hidden.matmul(w2).softmax();
    let err = out.clone() - y.clone();
    let loss = err.square().mean();
    let d_out = err * (2.0 / (x.nrows() * 2).max(1) as f64);
    // The softmax's Jacobian is left out on purpose: this checks the plumbing, not calculus.
    let d_w2 = hidden.t_matmul(&d_out);
    let d_hidden = d_out.matmul(&w2.t()) * (hidden.square() * -1.0 + 1.0);
    let d_w1 = x.t_matmul(&d_hidden);
    (loss, d_w1, d_w2)
}

/// The per-feature standardization, for any row shape.
fn standardize<R: tensor::batch::RowShape, X: Batch<f64, R>>(x: &X) -> X {
    (x.clone() - x.mean_axis::<0>()) / x.std_axis::<0>()
}

/// Generic code over the batch size calls the batch-generic code.
fn layer_of_n<const N: usize>(
    x: &Tensor<f64, N, 3>,
    w: &Tensor<f64, 3, 4>,
    b: &RowVector<f64, 4>,
) -> Tensor<f64, N, 4> {
    layer(x, w, b)
}

/// The static tensor whose row-major element `k` is `f(k)`.
fn flat<T: Copy, S: tensor::shape::Dims>(f: impl FnMut(usize) -> T) -> Array<T, S> {
    *Array::boxed_from_flat_fn(f)
}

fn values(n: usize, seed: u64) -> Vec<f64> {
    // A small LCG: deterministic values in [-1, 1).
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        })
        .collect()
}

fn weights(seed: u64) -> (Tensor<f64, 3, 4>, RowVector<f64, 4>, Tensor<f64, 4, 2>) {
    let v = values(12 + 4 + 8, seed);
    (flat(|k| v[k]), flat(|k| v[12 + k]), flat(|k| v[16 + k]))
}

/// `tanh(x @ w + b)` by naive f64 loops.
fn layer_reference(x: &[f64], w: &Tensor<f64, 3, 4>, b: &RowVector<f64, 4>) -> Vec<f64> {
    let mut out = Vec::new();
    for row in x.chunks(3) {
        for j in 0..4 {
            let mut s = 0.0;
            for (k, &xk) in row.iter().enumerate() {
                s += xk * w[(k, j)];
            }
            out.push((s + b[(0, j)]).tanh());
        }
    }
    out
}

/// The same generic code on `Tensor<f64, N, 3>` and on the `DynTensor` of the same rows.
fn check_both_forms<const N: usize>(seed: u64) {
    let (w1, b1, w2) = weights(seed);
    let v = values(N * 3 + N * 2, seed + 1);
    let x: Tensor<f64, N, 3> = flat(|k| v[k]);
    let y: Tensor<f64, N, 2> = flat(|k| v[N * 3 + k]);
    let (xd, yd) = (DynTensor::from(&x), DynTensor::from(&y));

    let fixed: Tensor<f64, N, 4> = layer(&x, &w1, &b1);
    let data: DynTensor<f64, 4> = layer(&xd, &w1, &b1);
    assert_exact("layer", data.as_flat(), fixed.as_flat());
    assert_close(
        "layer vs loops",
        fixed.as_flat(),
        &layer_reference(x.as_flat(), &w1, &b1),
        1e-12,
        1e-14,
    );
    assert_exact(
        "layer over N",
        layer_of_n(&x, &w1, &b1).as_flat(),
        fixed.as_flat(),
    );

    let (loss, g1, g2) = forward_backward(&x, &y, &w1, &b1, &w2);
    let (loss_d, g1_d, g2_d) = forward_backward(&xd, &yd, &w1, &b1, &w2);
    assert_eq!(loss.to_bits(), loss_d.to_bits(), "loss, N = {N}");
    assert_exact("d_w1", g1_d.as_flat(), g1.as_flat());
    assert_exact("d_w2", g2_d.as_flat(), g2.as_flat());

    let s = standardize(&x);
    assert_exact("standardize", standardize(&xd).as_flat(), s.as_flat());
    assert_exact(
        "standardize vs the methods",
        s.as_flat(),
        ((x - x.mean_axis::<0>()) / x.std_axis::<0>()).as_flat(),
    );
}

#[test]
fn the_same_code_gives_the_same_bits_on_static_and_run_time_batches() {
    check_both_forms::<1>(1);
    check_both_forms::<2>(2);
    check_both_forms::<7>(3);
    check_both_forms::<16>(4);
    check_both_forms::<33>(5);
    check_both_forms::<100>(6);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any number of rows, 0 included: the generic layer on a run-time batch equals the naive
    /// loops, and each row equals the layer on that row alone as a static batch of one.
    #[test]
    fn run_time_batches_of_any_size(n in 0usize..70, seed in 0u64..1000) {
        let (w1, b1, _) = weights(seed);
        let v = values(n * 3, seed + 7);
        let x = DynTensor::<f64, 3>::from_flat_fn(n, |k| v[k]);
        let out = layer(&x, &w1, &b1);
        prop_assert_eq!(Batch::nrows(&out), n);
        assert_close("layer vs loops", out.as_flat(), &layer_reference(&v, &w1, &b1), 1e-12, 1e-14);
        for i in 0..n {
            let one: Tensor<f64, 1, 3> = flat(|k| v[i * 3 + k]);
            assert_close("row alone", Batch::row(&out, i).as_flat(), layer(&one, &w1, &b1).as_flat(), 1e-15, 1e-15);
        }
        prop_assert_eq!(Batch::to_dyn(&out), out.clone());
    }
}

/// Every method of the traits, on both forms, against the method of the type itself.
#[test]
fn every_method_matches_the_types_own() {
    let v = values(5 * 3, 11);
    let x: Tensor<f64, 5, 3> = flat(|k| v[k] + 1.5);
    let xd = DynTensor::from(&x);
    fn all<X: Batch<f64, (Const<3>,)>>(x: &X) -> Vec<Vec<f64>> {
        vec![
            x.map(|a| a * 3.0).as_flat().to_vec(),
            x.exp().as_flat().to_vec(),
            x.ln().as_flat().to_vec(),
            x.tanh().as_flat().to_vec(),
            x.sigmoid().as_flat().to_vec(),
            x.sqrt().as_flat().to_vec(),
            x.square().as_flat().to_vec(),
            (x.clone() - 2.0).relu().as_flat().to_vec(),
            x.softmax().as_flat().to_vec(),
            x.log_softmax().as_flat().to_vec(),
            vec![x.sum(), x.mean()],
            x.sum_axis::<0>().as_flat().to_vec(),
            x.mean_axis::<0>().as_flat().to_vec(),
            x.var_axis::<0>().as_flat().to_vec(),
            x.std_axis::<0>().as_flat().to_vec(),
            (x.clone() + x.clone() * 2.0 - x.clone() / 4.0 + 1.0)
                .as_flat()
                .to_vec(),
            (x.clone() * x.mean_axis::<0>() / x.std_axis::<0>() + x.sum_axis::<0>())
                .as_flat()
                .to_vec(),
            x.row(4).as_flat().to_vec(),
            x.to_dyn().as_flat().to_vec(),
        ]
    }
    let own = vec![
        x.map(|a| a * 3.0).as_flat().to_vec(),
        x.exp().as_flat().to_vec(),
        x.ln().as_flat().to_vec(),
        x.tanh().as_flat().to_vec(),
        x.sigmoid().as_flat().to_vec(),
        x.sqrt().as_flat().to_vec(),
        x.square().as_flat().to_vec(),
        (x - 2.0).relu().as_flat().to_vec(),
        x.softmax().as_flat().to_vec(),
        x.log_softmax().as_flat().to_vec(),
        vec![x.sum(), x.mean()],
        x.sum_axis::<0>().as_flat().to_vec(),
        x.mean_axis::<0>().as_flat().to_vec(),
        x.var_axis::<0>().as_flat().to_vec(),
        x.std_axis::<0>().as_flat().to_vec(),
        (x + x * 2.0 - x / 4.0 + 1.0).as_flat().to_vec(),
        (x * x.mean_axis::<0>() / x.std_axis::<0>() + x.sum_axis::<0>())
            .as_flat()
            .to_vec(),
        x.as_flat()[12..15].to_vec(),
        x.as_flat().to_vec(),
    ];
    for (i, ((s, d), o)) in all(&x).iter().zip(all(&xd)).zip(&own).enumerate() {
        assert_exact(&format!("static, method {i}"), s, o);
        assert_exact(&format!("run-time, method {i}"), &d, o);
    }
}

/// Rank-3 rows: a batch of `(2, 3)` matrices, static and run-time.
#[test]
fn batches_of_matrices() {
    let v = values(4 * 6, 5);
    let x: Tensor3<f64, 4, 2, 3> = flat(|k| v[k]);
    let xd = DynTensor3::from(&x);
    let s = standardize(&x);
    assert_exact("rank 3", standardize(&xd).as_flat(), s.as_flat());
    assert_exact(
        "rank 3 vs the methods",
        s.as_flat(),
        ((x - x.mean_axis::<0>()) / x.std_axis::<0>()).as_flat(),
    );
    assert_eq!(Batch::row(&x, 3), Batch::row(&xd, 3));
}

fn add_batches<X: Batch<f32, (Const<2>,)>>(a: X, b: X) -> X {
    a + b
}

#[test]
#[should_panic(expected = "operands could not be broadcast together with shapes (3, 2) (4, 2)")]
fn run_time_row_counts_are_checked_where_they_meet() {
    let _ = add_batches(DynTensor::<f32, 2>::zeros(3), DynTensor::<f32, 2>::zeros(4));
}

fn gram<X: Rows<f32, 2>>(x: &X, y: &WithFeatures<X, f32, 1>) -> Tensor<f32, 2, 1> {
    x.t_matmul(y)
}

#[test]
#[should_panic(expected = "inner dimensions 3 and 4 differ")]
fn run_time_transposed_products_check_the_rows() {
    let _ = gram(
        &DynTensor::<f32, 2>::zeros(3),
        &DynTensor::<f32, 1>::zeros(4),
    );
}

#[test]
#[should_panic(expected = "row index 5 is out of bounds for a tensor with 5 rows")]
fn a_static_row_out_of_range_panics_with_the_run_time_message() {
    let x = Tensor::<f32, 5, 2>::zeros();
    let _ = Batch::row(&x, 5);
}
