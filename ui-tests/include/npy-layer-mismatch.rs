use tensor::{Tensor, include_npy};

fn main() {
    // A layer of 3 inputs (the file is 3 x 4) fed 5 features.
    let w1 = include_npy!("tests/fixtures/io/f32_3x4_c.npy");
    let x = Tensor::<f32, 1, 5>::zeros();
    let _h = x.matmul(&w1);
}
