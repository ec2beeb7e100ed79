use tensor::prelude::*;

fn main() {
    let x = Tensor::<f32, 1024, 784>::boxed_zeros();
    let w = Tensor::<f32, 785, 1024>::boxed_zeros();
    let _y = x.matmul(&w);
}
