use tensor::{Tensor, grad};

fn main() {
    let x = Tensor::<f64, 4, 3>::ones();
    let w = Tensor::<f64, 3, 2>::zeros();
    let y = Tensor::<f64, 4, 3>::zeros();
    // The prediction is (4, 2), the target (4, 3).
    let _ = (x.matmul(&w)).mse(&y);
    let (_loss, _g) = grad!(|w| (x @ w).cross_entropy(&y));
}
