// In code generic over the batch size `N`, a bias written as `Tensor<f32, 1, C>` (a literal
// size-1 axis) cannot broadcast: the compiler cannot tell whether `N` is 1. A `RowVector`
// (what `sum_axis::<0>()` returns) or a `Vector` broadcasts for every `N`.
use tensor::prelude::*;

fn dense<const N: usize>(x: &Tensor<f32, N, 4>, w: &Tensor<f32, 4, 3>, b: &Tensor<f32, 1, 3>) -> Tensor<f32, N, 3> {
    x.matmul(w) + *b
}

fn main() {
    let _ = dense(&Tensor::<f32, 2, 4>::zeros(), &Tensor::zeros(), &Tensor::zeros());
}
