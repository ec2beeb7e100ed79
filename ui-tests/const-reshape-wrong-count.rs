// Shape checks apply to tensors in `const` and `static` items as everywhere else.
use tensor::Tensor;

const W: Tensor<f32, 2, 3> = Tensor::from_array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
static W_FLAT: Tensor<f32, 1, 5> = W.reshape();

fn main() {
    let _ = W_FLAT;
}
