use tensor::Tensor;

fn main() {
    let x = Tensor::<f32, 2, 3>::arange();
    let _y = x.reshape::<Tensor<_, 4, 2>>();
}
