use tensor::tensor;

fn main() {
    let _m = tensor![[1, 2], []];
}
