use tensor::Tensor;

fn main() {
    let a = Tensor::<f32, 3, 2>::zeros();
    let _b: Tensor<f32, 2, 3> = a;
}
