use tensor::Tensor3;

fn main() {
    let mut img = Tensor3::<f32, 4, 4, 3>::zeros();
    img += Tensor3::<f32, 1, 1, 3>::ones();
}
