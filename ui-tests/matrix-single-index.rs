use tensor::Tensor;

fn main() {
    let m = Tensor::<i32, 2, 2>::arange();
    let _x = m[1];
}
