use tensor::Tensor3;

fn main() {
    let per_channel = Tensor3::<f32, 1, 1, 3>::ones();
    let _full = per_channel.broadcast::<4, 4, 4>();
}
