use tensor::{Tensor3, Tensor4};

fn main() {
    let img = Tensor3::<f32, 4, 4, 3>::zeros();
    let per_channel = Tensor3::<f32, 1, 1, 4>::ones();
    let _normalised = img - per_channel;
    let batch = Tensor4::<f32, 8, 4, 4, 3>::zeros();
    let _scaled = batch * Tensor4::<f32, 1, 1, 1, 2>::ones();
}
