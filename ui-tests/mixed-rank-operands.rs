use tensor::{Tensor, Tensor3};

fn main() {
    let img = Tensor3::<f32, 4, 4, 3>::zeros();
    let mean = Tensor::<f32, 1, 3>::ones();
    let _centred = img - mean;
}
