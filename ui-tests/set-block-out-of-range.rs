use tensor::Tensor;

fn main() {
    let mut m = Tensor::<i32, 3, 4>::zeros();
    // m[2:4, 2:4] = ...: rows 2..4 do not exist in a 3x4
    m.set_block::<2, 2>(&Tensor::from([[1, 2], [3, 4]]));
}
