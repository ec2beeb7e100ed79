use tensor::Tensor;

fn main() {
    let mut a = Tensor::<i32, 2, 3>::zeros();
    let b = Tensor::<i32, 3, 2>::ones();
    a += b;
}
