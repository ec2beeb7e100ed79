use tensor::Tensor;

fn main() {
    let m = Tensor::<f64, 2, 3>::zeros();
    let _i = m.inv();
}
