use tensor::Tensor;

fn main() {
    let m = Tensor::<f32, 3, 2>::ones();
    let _col_sums: Tensor<f32, 3, 1> = m.sum_axis::<0>();
}
