use tensor::Tensor;

fn main() {
    let m = Tensor::<f32, 3, 4>::zeros();
    let (_w, _v) = m.eigh();
}
