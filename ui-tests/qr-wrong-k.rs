use tensor::Tensor;

fn main() {
    // Q of a 5x3 matrix is 5x3 (K = min(5, 3)), not 5x5.
    let a = Tensor::<f64, 5, 3>::ones();
    let (_q, _r): (Tensor<f64, 5, 5>, Tensor<f64, 5, 3>) = a.qr();
}
