use tensor::include_safetensors;

fn main() {
    let _a = include_safetensors!("tests/fixtures/io/tensors.safetensors", "fc1.weight");
    let _b = include_safetensors!("tests/fixtures/io/tensors.safetensors", "f16");
    let _c = include_safetensors!("tests/fixtures/io/f32_3x4_c.npy", "w");
}
