// The target of `reshape` is a tensor type; `Shape<3, 2>` is how errors name a shape.
use tensor::{Shape, Tensor};

fn main() {
    let x = Tensor::<f32, 2, 3>::arange();
    let _y = x.reshape::<Shape<3, 2>>();
    let _z = x.reshape::<Tensor<f64, 3, 2>>();
}
