use tensor::{Tensor, Vector, tensor};

fn main() {
    // `x @ w` is (4, 3); a bias of 2 columns does not broadcast against it.
    let x = Tensor::<f64, 4, 5>::zeros();
    let w = Tensor::<f64, 5, 3>::zeros();
    let b = Vector::<f64, 2>::zeros();
    let _y = tensor!((x @ w + b).sigmoid());
}
