// Literal indices into a run-time tensor keep the compile-time check of the columns:
// x[.., 3] of an (n, 3) tensor.
use tensor::prelude::*;

fn main() {
    let x = DynTensor::<f32, 3>::zeros(5);
    let _ = tensor!(x[.., 3]);
}
