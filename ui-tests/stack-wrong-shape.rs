// Stacking two (2, 3) matrices along a new axis 0 gives (2, 2, 3), not (3, 2, 3).
use tensor::prelude::*;

fn main() {
    let a = Tensor::<f32, 2, 3>::zeros();
    let _s: Tensor3<f32, 3, 2, 3> = Tensor3::stack::<0>([&a, &a]);
}
