use tensor::{Tensor, include_npy};

// The file holds float64.
const W: Tensor<f32, 3, 4> = include_npy!("tests/fixtures/io/f64_3x4_c.npy");

fn main() {
    let _ = W;
}
