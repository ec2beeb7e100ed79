//! Principal component analysis of `N` samples with `D` features: the covariance matrix, its
//! eigendecomposition (`eigh`), and the projection onto the two leading components; the same
//! components from the SVD of the centered data. Shared by `examples/pca.rs` and
//! `tests/examples.rs`, which checks it against NumPy.

use tensor::prelude::*;

/// A fitted PCA with two components.
#[derive(Clone, Copy, Debug)]
pub struct Pca<const D: usize> {
    /// The per-feature mean, subtracted before projecting.
    pub mean: Vector<f64, D>,
    /// The two leading principal directions as rows, each with its largest-magnitude entry
    /// positive (scikit-learn's sign convention).
    pub components: Tensor<f64, 2, D>,
    /// The variance along every principal direction, descending (the covariance's eigenvalues).
    pub explained_variance: Vector<f64, D>,
}

/// The data minus its per-feature mean, and that mean.
pub fn center<const N: usize, const D: usize>(
    x: &Tensor<f64, N, D>,
) -> (Tensor<f64, N, D>, Vector<f64, D>) {
    let mean = Tensor::from_fn(|_, j| (0..N).map(|i| x[(i, j)]).sum::<f64>() / N as f64);
    (Tensor::from_fn(|i, j| x[(i, j)] - mean[j]), mean)
}

/// Flips `row` so that its largest-magnitude entry is positive.
fn orient<const D: usize>(row: [f64; D]) -> [f64; D] {
    let big = row
        .iter()
        .fold(0.0f64, |m, &v| if v.abs() > m.abs() { v } else { m });
    if big < 0.0 { row.map(|v| -v) } else { row }
}

/// PCA by the eigendecomposition of the covariance `Xc^T Xc / (N - 1)` (NumPy's `np.cov`).
pub fn fit<const N: usize, const D: usize>(x: &Tensor<f64, N, D>) -> Pca<D> {
    let (xc, mean) = center(x);
    let cov = xc.t().matmul(&xc).map(|v| v / (N - 1) as f64);
    // eigh sorts ascending: the leading directions are the last columns.
    let (w, v) = cov.eigh();
    let lead = |k: usize| orient(core::array::from_fn(|i| v[(i, D - 1 - k)]));
    Pca {
        mean,
        components: Tensor::from([lead(0), lead(1)]),
        explained_variance: Tensor::from_fn(|_, k| w[D - 1 - k]),
    }
}

/// The same components from the SVD of the centered data, `Xc = U S Vt`: the rows of `Vt`
/// are the principal directions and `S^2 / (N - 1)` the variances. Better conditioned than
/// forming the covariance (its condition number is the square of the data's).
pub fn fit_svd<const N: usize, const D: usize, const K: usize>(x: &Tensor<f64, N, D>) -> Pca<D>
where
    tensor::Shape<N, D>: tensor::shape::MinDim<Min = tensor::shape::Dim<K>>,
{
    let (xc, mean) = center(x);
    let (_, s, vt) = xc.svd();
    let lead = |k: usize| orient(core::array::from_fn(|j| vt[(k, j)]));
    Pca {
        mean,
        components: Tensor::from([lead(0), lead(1)]),
        explained_variance: Tensor::from_fn(|_, k| {
            if k < K {
                s[k] * s[k] / (N - 1) as f64
            } else {
                0.0
            }
        }),
    }
}

impl<const D: usize> Pca<D> {
    /// The coordinates of each sample along the two components: `(X - mean) @ components^T`.
    pub fn project<const N: usize>(&self, x: &Tensor<f64, N, D>) -> Tensor<f64, N, 2> {
        let xc = Tensor::from_fn(|i, j| x[(i, j)] - self.mean[j]);
        xc.matmul(&self.components.t())
    }

    /// The fraction of the total variance along each principal direction.
    pub fn explained_variance_ratio(&self) -> Vector<f64, D> {
        let total: f64 = self.explained_variance.iter().sum();
        self.explained_variance.map(|v| v / total)
    }
}
