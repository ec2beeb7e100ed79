use tensor::{DynTensor, tensor};

fn main() {
    // Two run-time tensors combine when their rows have the same shape; (n, 3) and (n, 2) do
    // not, whatever their row counts.
    let a = DynTensor::<f32, 3>::zeros(4);
    let b = DynTensor::<f32, 2>::zeros(4);
    let _y = tensor!((a - b).relu());
}
