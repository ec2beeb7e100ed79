// `tensor!`'s assignment into a block checks the block's shape and bounds at compile time:
// a 3x3 block for `m[1..3, 2..4]` (2x2) is a type error naming both shapes, a row past the end
// an error naming the row count, and a slice with an open end an error at the slice.
use tensor::prelude::*;

fn main() {
    let mut m = Tensor::<i32, 3, 4>::zeros();
    let b = Tensor::<i32, 3, 3>::zeros();
    tensor!(m[1..3, 2..4] = b);
    tensor!(m[3] = Vector::<i32, 4>::zeros());
    tensor!(m[1.., 0..2] = b);
}
