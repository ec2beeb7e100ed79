use tensor::{Tensor, tensor};

fn main() {
    let m = Tensor::<i32, 3, 3>::zeros();
    // `1..` has 3 - 1 rows, but the macro cannot see the 3: the length comes from the type.
    let _rest: Tensor<i32, 3, 3> = tensor!(m[1.., ..]);
}
