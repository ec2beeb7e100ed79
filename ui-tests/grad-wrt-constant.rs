use tensor::{Tensor, grad};

fn main() {
    let x = Tensor::<f64, 4, 3>::ones();
    let w = Tensor::<f64, 3, 2>::zeros();
    let (_loss, g) = grad!(|w| (x @ w).sum());
    // `x` is a constant of the loss, not an input: it has no gradient.
    let _gx = g.x;
}
