use tensor::tensor;

fn main() {
    let _a = tensor![[1, 2], 3];
    let _b = tensor![1, [2, 3]];
    let _c = tensor![[[1, [2]]], [[3, 4]]];
    let _d = tensor![[[[[1, 2]]]]];
}

fn annotated() -> tensor::Tensor<f32, 1, 2> {
    // The error is the macro's own; the annotation adds no type mismatch on top.
    tensor![1.0, [2.0]]
}
