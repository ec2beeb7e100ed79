use tensor::{Tensor, tensor};

fn main() {
    // `x.T @ err` with an `err` of the wrong length: `x.T` is (1, 3), `err` has 2 rows.
    let x = Tensor::<f64, 3, 1>::zeros();
    let err = Tensor::<f64, 2, 1>::zeros();
    let _g = tensor!(x.T @ err);
}
