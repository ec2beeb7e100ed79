use tensor::{Tensor, grad};

fn main() {
    let x = Tensor::<f64, 4, 3>::ones();
    let w = Tensor::<f64, 3, 2>::zeros();
    let z = Tensor::<f64, 3, 2>::zeros();
    let (_loss, _g) = grad!(|w, z| (x @ w).sum());
}
