// A bias of the wrong width does not broadcast over the rows of a run-time tensor.
use tensor::{DynTensor, RowVector};

fn main() {
    let x = DynTensor::<f32, 784>::zeros(5);
    let b = RowVector::<f32, 10>::zeros();
    let _ = &x + b;
}
