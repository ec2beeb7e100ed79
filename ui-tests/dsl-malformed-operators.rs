use tensor::{Tensor, tensor};

fn main() {
    let a = Tensor::<f64, 2, 2>::zeros();
    let _x = tensor!(a @);
    let _y = tensor!(a @@ a);
    let _z = tensor!(a a);
    let _w = tensor!(a < a < a);
}
