// Elementwise comparisons broadcast like the arithmetic operators: (3, 2) against (1, 3) is a
// compile error naming both shapes.
use tensor::prelude::*;

fn main() {
    let a = Tensor::<f32, 3, 2>::zeros();
    let b = Tensor::<f32, 1, 3>::zeros();
    let _ = a.lt(&b);
}
