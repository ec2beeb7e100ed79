use tensor::{DynTensor, Tensor, Vector, tensor};

fn main() {
    // A run-time tensor fuses; `x @ w` is (n, 2), and a bias of 3 columns does not broadcast
    // over its rows: the operator's compile error, at the `+`.
    let x = DynTensor::<f32, 3>::zeros(4);
    let w = Tensor::<f32, 3, 2>::zeros();
    let b = Vector::<f32, 3>::zeros();
    let _y = tensor!((x @ w + b).relu());
}

fn on_the_left(xw: &DynTensor<f32, 2>) {
    // The same bias on the left of the run-time tensor.
    let b = Vector::<f32, 3>::zeros();
    let _z = tensor!((b - xw) * 2.0);
}
