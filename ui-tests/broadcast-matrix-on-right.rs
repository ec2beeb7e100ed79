use tensor::Tensor;

fn main() {
    let row = Tensor::<f32, 1, 3>::zeros();
    let m = Tensor::<f32, 3, 2>::zeros();
    let _diff = &row - &m;
}
