// A (n, 784) tensor has axes 0 and 1 only.
use tensor::DynTensor;

fn main() {
    let x = DynTensor::<f32, 784>::zeros(5);
    let _ = x.sum_axis::<2>();
}
