use tensor::{Tensor, tensor};

fn main() {
    let m = Tensor::<i32, 3, 3>::arange();
    let _col = tensor!(m[.., 3]);
    let _top = tensor!(m[..4, ..]);
    let _x = tensor!(m[-4, 0]);
    let _tail = tensor!(m[-2..-1, 1..=3]);
}
