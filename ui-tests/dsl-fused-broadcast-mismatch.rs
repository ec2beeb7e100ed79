use tensor::{Tensor, Vector, tensor};

fn main() {
    // A fused chain keeps the operators' shape check, at the operator that fails.
    let m = Tensor::<f32, 3, 2>::zeros();
    let row = Vector::<f32, 3>::zeros();
    let b = Tensor::<f32, 3, 2>::zeros();
    let _y = tensor!((m * 2.0 + row).sigmoid() - b);
}
