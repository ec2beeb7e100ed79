use tensor::tensor;

fn main() {
    let _v: tensor::Tensor<f32, 1, 0> = tensor![];
}
