use tensor::Tensor;

fn main() {
    let m = Tensor::<i32, 3, 3>::arange();
    let _c = m.col::<5>();
}
