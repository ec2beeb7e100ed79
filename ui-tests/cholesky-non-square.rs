use tensor::Tensor;

fn main() {
    let m = Tensor::<f64, 2, 3>::ones();
    let _l = m.cholesky();
}
