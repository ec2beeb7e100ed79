use tensor::Tensor3;

fn main() {
    let hwc = Tensor3::<u8, 4, 4, 3>::zeros();
    let _chw = hwc.permute::<2, 0, 0>();
}
