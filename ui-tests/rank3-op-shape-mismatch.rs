use tensor::Tensor3;

fn main() {
    let a = Tensor3::<f64, 2, 3, 4>::zeros();
    let b = Tensor3::<f64, 3, 2, 4>::zeros();
    let _sum = &a + &b;
}
