// Five rows cannot be split into two equal parts of two rows: the error names the shapes.
use tensor::prelude::*;

fn main() {
    let m = Tensor::<i32, 5, 3>::zeros();
    let _parts: [Tensor<i32, 2, 3>; 2] = m.vsplit();
}
