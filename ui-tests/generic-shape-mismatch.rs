// Generic code keeps every check: two batches whose feature counts differ do not combine,
// and the error names both shapes, symbols included.
use tensor::prelude::*;

fn combine<const N: usize>(a: Tensor<f32, N, 3>, b: Tensor<f32, N, 4>) -> Tensor<f32, N, 3> {
    a + b
}

fn main() {
    let _ = combine(Tensor::<f32, 2, 3>::zeros(), Tensor::zeros());
}
