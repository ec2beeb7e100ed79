use tensor::tensor;

fn main() {
    let _m = tensor![[1, 2, 3], [4, 5], [7, 8, 9]];
}
