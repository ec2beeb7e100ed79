// A run-time number of rows keeps the static inner dimension check: (n, 784) @ (785, 10).
use tensor::{DynTensor, Tensor};

fn main() {
    let x = DynTensor::<f32, 784>::zeros(5);
    let w = Tensor::<f32, 785, 10>::zeros();
    let _ = x.matmul(&w);
}
