use tensor::Tensor;

fn main() {
    let m = Tensor::<f32, 3, 2>::zeros();
    let row = Tensor::<f32, 1, 2>::ones();
    let _y: Tensor<f32, 2, 3> = m + row;
}
