// Joining (2, 3) and (1, 3) along axis 0 gives (3, 3); a result type of (4, 3) is a compile
// error naming the shapes.
use tensor::prelude::*;

fn main() {
    let a = Tensor::<i32, 2, 3>::zeros();
    let b = Tensor::<i32, 1, 3>::zeros();
    let _c: Tensor<i32, 4, 3> = Tensor::vstack((&a, &b));
}
