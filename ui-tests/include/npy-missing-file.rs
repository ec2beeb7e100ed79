use tensor::include_npy;

fn main() {
    let _w = include_npy!("tests/fixtures/io/no-such-file.npy");
}
