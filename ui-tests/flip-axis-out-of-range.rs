// A matrix has axes 0 and 1: flipping along axis 2 is a compile error naming the shape.
use tensor::prelude::*;

fn main() {
    let m = Tensor::<f32, 3, 4>::zeros();
    let _ = m.flip_axis::<2>();
}
