// Joining (2, 3) and (2, 4) along axis 0: the columns differ, so no (4, 3) result exists. The
// error names the three shapes.
use tensor::prelude::*;

fn main() {
    let a = Tensor::<i32, 2, 3>::zeros();
    let b = Tensor::<i32, 2, 4>::zeros();
    let _c: Tensor<i32, 4, 3> = Tensor::concat::<0>((&a, &b));
}
