//! Ridge regression in closed form: `min |X W + b - y|^2 + lambda |W|^2` (the intercept not
//! penalized) is the positive definite system `(Xc^T Xc + lambda I) W = Xc^T yc` on the
//! centered data, solved by its Cholesky factorization. Shared by
//! `examples/linear_regression.rs` and `tests/examples.rs` (checked against NumPy).

use tensor::prelude::*;

use crate::linear::Linear;

/// The ridge solution with penalty `lambda > 0`, or `None` if the system is not positive
/// definite (`lambda <= 0` with collinear features).
pub fn ridge<const N: usize, const D: usize>(
    x: &Tensor<f64, N, D>,
    y: &Tensor<f64, N, 1>,
    lambda: f64,
) -> Option<Linear<D>> {
    let n = N as f64;
    let x_mean: Vector<f64, D> = Tensor::from_fn(|_, j| (0..N).map(|i| x[(i, j)]).sum::<f64>() / n);
    let y_mean = y.iter().sum::<f64>() / n;
    let xc = Tensor::<f64, N, D>::from_fn(|i, j| x[(i, j)] - x_mean[j]);
    let yc = y.map(|v| v - y_mean);
    let xtx = xc.t().matmul(&xc);
    let gram = Tensor::<f64, D, D>::from_fn(|i, j| xtx[(i, j)] + if i == j { lambda } else { 0.0 });
    let w = gram.cholesky_solve(&xc.t().matmul(&yc))?;
    let b = y_mean - x_mean.matmul(&w).item();
    Some(Linear { w, b })
}
