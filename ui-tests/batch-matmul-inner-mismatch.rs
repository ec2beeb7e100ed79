use tensor::batch::{Rows, WithFeatures};
use tensor::Tensor;

// A layer written once for every batch of 784-feature rows (a static `Tensor<f32, N, 784>` or
// a run-time `DynTensor<f32, 784>`): a weight matrix of 785 rows does not fit, and the error
// names both shapes, the batch's rows as `n`.
fn layer<X: Rows<f32, 784>>(x: &X, w: &Tensor<f32, 785, 10>) -> WithFeatures<X, f32, 10> {
    x.matmul(w)
}

fn main() {
    let _ = layer::<Tensor<f32, 32, 784>>;
}
