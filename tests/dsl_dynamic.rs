//! The `tensor!` expression DSL on run-time tensors (`DynTensor`): `@` (with a static right
//! operand), `.T @` of two run-time tensors of the same rows, and the elementwise operators,
//! each against the method calls it stands for and against naive loops. The DSL needs nothing
//! of its own for them: it expands `x @ w` to `x.matmul(&w)` and `x.T` to `x.t()`, which
//! `DynTensor` has.
#![cfg(feature = "alloc")]

use tensor::prelude::*;

/// `n` rows of `C` values `sin(k)`, `k` the row-major index (any values will do).
fn rows<const C: usize>(n: usize, phase: f64) -> DynTensor<f64, C> {
    DynTensor::from_flat_fn(n, |k| (k as f64 + phase).sin())
}

#[test]
fn forward_pass_x_at_w_plus_b() {
    let x = rows::<3>(5, 0.0);
    let w = Tensor::from([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]);
    let b = tensor![0.5, -0.5];
    let y = tensor!(x @ w + b);
    assert_eq!(y, x.matmul(&w) + b);
    for i in 0..5 {
        let r = x.row(i).as_flat();
        assert_eq!(y.row(i).as_flat(), &[r[0] + r[2] + 0.5, r[1] + r[2] - 0.5]);
    }
    // A transposed static right operand, and a product of a product.
    let v = Tensor::from([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]);
    assert_eq!(tensor!(x @ v.T), x.matmul(&w));
    assert_eq!(tensor!(x @ w @ v), x.matmul(&w).matmul(&v));
}

#[test]
fn transposed_products_of_two_run_time_tensors() {
    let x = rows::<3>(40, 0.0);
    let err = rows::<2>(40, 1.0);
    let g: Tensor<f64, 3, 2> = tensor!(x.T @ err);
    assert_eq!(g, x.t().matmul(&err));
    let mut want = [[0.0; 2]; 3];
    for i in 0..40 {
        for (p, w) in want.iter_mut().enumerate() {
            for (j, w) in w.iter_mut().enumerate() {
                *w += x.row(i).as_flat()[p] * err.row(i).as_flat()[j];
            }
        }
    }
    assert_eq!(
        g,
        Tensor::from(want),
        "the loop path sums as the naive loop"
    );
    // The Gram matrix, and the gradient of a dense layer written as in NumPy.
    assert_eq!(tensor!(x.T @ x), x.t().matmul(&x));
    let w = Tensor::<f64, 3, 2>::full(0.25);
    let grad = tensor!(x.T @ (x @ w - &err)) / 40.0;
    assert_eq!(grad, x.t().matmul(&(x.matmul(&w) - &err)) / 40.0);
}

#[test]
fn elementwise_operators_keep_their_rust_meaning() {
    let a = rows::<4>(7, 0.0);
    let b = rows::<4>(7, 2.0);
    assert_eq!(tensor!(&a @ Tensor::<f64, 4, 4>::eye() - &b), &a - &b);
    let scale = tensor![1.0, 2.0, 3.0, 4.0];
    assert_eq!(tensor!(a.clone() * scale @ Tensor::<f64, 4, 1>::ones()), {
        let mut want = DynTensor::<f64, 1>::zeros(7);
        for i in 0..7 {
            let r = a.row(i).as_flat();
            want.row_mut(i).as_flat_mut()[0] = r[0] + 2.0 * r[1] + 3.0 * r[2] + 4.0 * r[3];
        }
        want
    });
}

#[test]
#[should_panic(expected = "cannot multiply (3, 4) by (5, 2): inner dimensions 4 and 5 differ")]
fn transposed_products_check_the_rows() {
    let x = rows::<3>(4, 0.0);
    let y = rows::<2>(5, 0.0);
    let _ = tensor!(x.T @ y);
}

#[test]
fn run_time_indices_read_elements() {
    let mut x = rows::<3>(4, 0.0);
    let (i, j) = (2, 1);
    let e: f64 = tensor!(x[i, j]);
    assert_eq!(e, x.as_flat()[2 * 3 + 1]);
    assert_eq!(x[(3, 2)], x.row(3).as_flat()[2]);
    x[(0, 0)] = 7.0;
    assert_eq!(x.as_flat()[0], 7.0);
}

#[test]
#[should_panic(expected = "index (4, 0) is out of bounds for a tensor of shape (4, 3)")]
fn run_time_indices_are_checked() {
    let x = rows::<3>(4, 0.0);
    let i = 4;
    let _ = tensor!(x[i, 0]);
}

/// The rows `rows` and columns `cols` of `x`, copied by hand.
fn pick<const C: usize>(
    x: &DynTensor<f64, C>,
    rows: std::ops::Range<usize>,
    cols: std::ops::Range<usize>,
) -> Vec<f64> {
    rows.flat_map(|i| cols.clone().map(move |j| (i, j)))
        .map(|(i, j)| x.row(i).as_flat()[j])
        .collect()
}

#[test]
fn literal_indices_select_rows_at_run_time_and_columns_at_compile_time() {
    for n in [3, 4, 9] {
        let x = rows::<4>(n, 0.5);
        let last: DynTensor<f64, 1> = tensor!(x[.., -1]);
        assert_eq!(last.as_flat(), pick(&x, 0..n, 3..4));
        assert_eq!(tensor!(x[1..3, ..]).as_flat(), pick(&x, 1..3, 0..4));
        assert_eq!(tensor!(x[-2.., 1..=2]).as_flat(), pick(&x, n - 2..n, 1..3));
        assert_eq!(tensor!(x[..-1, 2]).as_flat(), pick(&x, 0..n - 1, 2..3));
        let features: DynTensor<f64, 3> = tensor!(x[1.., ..-1]);
        assert_eq!(features.as_flat(), pick(&x, 1..n, 0..3));
        assert_eq!(tensor!(x[2]).as_flat(), pick(&x, 2..3, 0..4));
        let e: f64 = tensor!(x[-1, 0]);
        assert_eq!(e, x.row(n - 1).as_flat()[0]);
        assert_eq!(tensor!(x[0, 3]), x[(0, 3)]);
    }
    // No rows: the whole axis and open ends still select.
    let none = rows::<4>(0, 0.0);
    assert_eq!(tensor!(none[.., 1..3]).shape(), (0, 2));
}

#[test]
#[should_panic(expected = "index 3 is out of bounds for axis 0 with size 3")]
fn a_row_index_past_the_end_panics() {
    let x = rows::<4>(3, 0.0);
    let _ = tensor!(x[3, ..]);
}

#[test]
#[should_panic(expected = "index -4 is out of bounds for axis 0 with size 3")]
fn a_row_index_before_the_start_panics() {
    let x = rows::<4>(3, 0.0);
    let _ = tensor!(x[-4]);
}

#[test]
#[should_panic(
    expected = "a slice of 2 elements from index 2 is out of bounds for axis 0 with size 3"
)]
fn a_row_slice_past_the_end_panics() {
    let x = rows::<4>(3, 0.0);
    let _ = tensor!(x[2..4, ..]);
}

#[test]
#[should_panic(
    expected = "can only convert a tensor of one element to a scalar, not a tensor of shape (3, 1)"
)]
fn item_of_many_elements_panics() {
    let _ = rows::<4>(3, 0.0)
        .select(tensor::shape::All, tensor::shape::At::<0>)
        .item();
}
