use tensor::Tensor3;

fn main() {
    let img = Tensor3::<f32, 4, 5, 3>::ones();
    let _gray: Tensor3<f32, 4, 1, 3> = img.mean_axis::<2>();
}
