use tensor::Tensor;

fn main() {
    // 4097 is not in the table of dimensions that shape arithmetic covers
    let x = Tensor::<u8, 1, 4097>::zeros();
    let _y = x.reshape::<Tensor<_, 4097, 1>>();
}
