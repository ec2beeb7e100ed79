use tensor::tensor;

fn main() {
    let x = 2.0;
    // neither a literal (no comma) nor DSL syntax (`@`, `.T`, indexing)
    let _v = tensor![x / 3.0];
}
