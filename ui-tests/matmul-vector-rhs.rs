use tensor::Tensor;

fn main() {
    let m = Tensor::<f64, 2, 3>::zeros();
    let v = Tensor::<f64, 1, 2>::zeros();
    // NumPy's `m @ v` with a 1-D `v` written as a matrix product: a (1, 2) row is not (3, k).
    let _y = m.matmul(&v);
}
