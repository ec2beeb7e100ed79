// `tensor!`'s comparisons are elementwise and broadcast like the arithmetic operators: (3, 2)
// against (1, 3) is a compile error naming both shapes, at the operator; `&&` on the masks the
// comparisons give is an error at the `&&` that suggests `&`.
use tensor::prelude::*;

fn main() {
    let a = Tensor::<f32, 3, 2>::zeros();
    let b = Tensor::<f32, 1, 3>::zeros();
    let _ = tensor!(a < b);
    let _ = tensor!((a > 0.0) && (a < 1.0));
}
