use tensor::{Tensor, tensor};

fn main() {
    // Inside a fused expression the product keeps `matmul`'s shape check, at the `@`:
    // `x` has 5 columns, `w` 4 rows.
    let x = Tensor::<f64, 4, 5>::zeros();
    let w = Tensor::<f64, 4, 3>::zeros();
    let b = 1.0;
    let _y = tensor!((x @ w + b).sigmoid());
}
