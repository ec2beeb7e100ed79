use tensor::{Tensor, Tensor3, Tensor4};

fn main() {
    let img = Tensor3::<f32, 28, 28, 1>::zeros();
    let _x = img.reshape::<Tensor<_, 1, 785>>();
    let batch = Tensor4::<f32, 8, 28, 28, 3>::zeros();
    let _flat: Tensor<f32, 8, 784> = batch.reshape();
}
