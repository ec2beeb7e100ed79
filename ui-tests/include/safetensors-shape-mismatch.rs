use tensor::{Tensor3, include_safetensors};

// The tensor is 2 x 3 x 4 uint8.
const IMAGE: Tensor3<u8, 2, 4, 3> = include_safetensors!("tests/fixtures/io/tensors.safetensors", "u8_2x3x4");

fn main() {
    let _ = IMAGE;
}
