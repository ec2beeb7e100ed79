use tensor::{Tensor, tensor};

fn main() {
    // `exp` needs a float element type, fused or not.
    let a = Tensor::<i32, 2, 2>::zeros();
    let _y = tensor!((a * 2).exp());
}
