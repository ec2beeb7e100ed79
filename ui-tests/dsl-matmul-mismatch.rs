use tensor::{Tensor, tensor};

fn main() {
    let a = Tensor::<f64, 2, 3>::zeros();
    let _c = tensor!(a @ a);
}
