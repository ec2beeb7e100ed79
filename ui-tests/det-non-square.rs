use tensor::Tensor;

fn main() {
    let m = Tensor::<f32, 3, 2>::zeros();
    let _d = m.det();
}
