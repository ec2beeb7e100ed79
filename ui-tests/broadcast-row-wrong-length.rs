use tensor::Tensor;

fn main() {
    let m = Tensor::<f32, 3, 2>::zeros();
    let row = Tensor::<f32, 1, 3>::zeros();
    let _sum = m + row;
}
