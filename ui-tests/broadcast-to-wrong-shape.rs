use tensor::Tensor;

fn main() {
    let row = Tensor::<f32, 1, 3>::zeros();
    let _full = row.broadcast::<2, 4>();
}
