use tensor::{Tensor, grad};

fn main() {
    let x = Tensor::<f64, 4, 3>::ones();
    let w = Tensor::<f64, 3, 2>::zeros();
    let i = 2;
    // A run-time index cannot be differentiated; a literal one can.
    let (_loss, _g) = grad!(|w| (x @ w)[i, 0]);
    let (_loss, _g) = grad!(|w| (x @ w)[2, 0]);
}
