use tensor::prelude::*;

fn main() {
    // Two 4 MiB operands on the heap: the operators on boxes keep the compile-time check.
    let x = Tensor::<f32, 1024, 1024>::boxed_zeros();
    let w = Tensor::<f32, 1024, 512>::boxed_zeros();
    let _sum = &x + &w;
}
