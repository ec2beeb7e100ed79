use tensor::Tensor;

fn main() {
    // `mean` (like `var`, `std` and `norm`) is for float tensors: convert integers first,
    // `a.map(f64::from).mean()`, as NumPy computes an integer array's mean in float64.
    let a = Tensor::from([1, 2, 3]);
    let _m = a.mean();
}
