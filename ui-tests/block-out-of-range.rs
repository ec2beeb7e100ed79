use tensor::Tensor;

fn main() {
    let m = Tensor::<i32, 4, 4>::arange();
    // rows 3..5 do not exist in a 4x4
    let _top = m.block::<3, 0, 2, 4>();
    // columns 2..6 do not exist either
    let _right = m.block::<0, 2, 4, 4>();
}
