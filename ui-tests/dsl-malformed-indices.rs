use tensor::{Tensor, tensor};

fn main() {
    let m = Tensor::<i32, 3, 3>::zeros();
    let _a = tensor!(m[1, 2, 3]);
    let _b = tensor!(m[..-]);
    let _c = tensor!(m[2..1, ..]);
    let _d = tensor!(m[]);
    let _e = tensor!(m[-1..2]);
}
