use tensor::Tensor;

fn main() {
    let a = Tensor::<f64, 5, 2>::ones();
    let b = Tensor::<f64, 4, 1>::ones();
    let _fit = a.lstsq(&b, None);
}
