use tensor::{Tensor, Vector};

fn main() {
    let img = Tensor::<f32, 28, 28>::zeros();
    let _v: Vector<f32, 728> = img.flatten();
}
