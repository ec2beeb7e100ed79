// Nothing names the target of `reshape`: annotate the result or name it in the turbofish.
use tensor::Tensor;

fn main() {
    let x = Tensor::<f32, 2, 3>::arange();
    let _y = x.reshape().sum();
}
