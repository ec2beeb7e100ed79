use tensor::Tensor;

fn main() {
    // `mean` (like `var`, `std` and `norm`) keeps the element type, for float tensors; an
    // integer tensor's mean is `a.mean_f64()`, NumPy's float64 `a.mean()`.
    let a = Tensor::from([1, 2, 3]);
    let _m = a.mean();
}
