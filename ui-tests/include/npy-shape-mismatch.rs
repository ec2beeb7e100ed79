use tensor::{Tensor, include_npy};

// The file holds a 3 x 4 float32 array; the code expects 4 x 3.
static W: Tensor<f32, 4, 3> = include_npy!("tests/fixtures/io/f32_3x4_c.npy");

fn main() {
    let _ = W;
}
