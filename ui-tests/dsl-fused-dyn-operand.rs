use tensor::{DynTensor, Tensor, Vector, tensor};

fn main() {
    // Run-time tensors do not fuse: a chain of elementwise operations on one is written
    // outside `tensor!` (one operation inside is the operator itself, as before).
    let x = DynTensor::<f32, 3>::zeros(4);
    let w = Tensor::<f32, 3, 2>::zeros();
    let b = Vector::<f32, 2>::zeros();
    let _ok = tensor!(x @ w + b);
    let _y = tensor!((x @ w + b).relu());
}
