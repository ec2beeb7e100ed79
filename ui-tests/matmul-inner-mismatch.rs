use tensor::Tensor;

fn main() {
    let a = Tensor::<f64, 2, 3>::zeros();
    let b = Tensor::<f64, 2, 3>::zeros();
    let _c = a.matmul(&b);
}
