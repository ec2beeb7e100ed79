use tensor::{include_npy, include_safetensors};

fn main() {
    let _a = include_npy!(42);
    let _b = include_npy!("a.npy", "b.npy");
    let _c = include_npy!();
    let _d = include_safetensors!("model.safetensors");
    let _e = include_safetensors!("model.safetensors", weights);
}
