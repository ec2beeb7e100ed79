use tensor::Tensor;

fn main() {
    let m = Tensor::<f64, 3, 2>::zeros();
    let col = Tensor::<f64, 2, 1>::ones();
    let _scaled = m * col;
}
