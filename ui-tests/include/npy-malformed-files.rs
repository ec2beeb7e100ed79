use tensor::include_npy;

fn main() {
    let _a = include_npy!("Cargo.toml");
    let _b = include_npy!("tests/fixtures/io/bad_truncated.npy");
    let _c = include_npy!("tests/fixtures/io/bad_f16.npy");
    let _d = include_npy!("tests/fixtures/io/bad_scalar.npy");
    let _e = include_npy!("tests/fixtures/io/bad_object.npy");
}
