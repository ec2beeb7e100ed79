// `tensor!(arange(start, stop, step))` computes its length while compiling: a zero step, a
// step pointing away from `stop` (NumPy's empty array) and a non-literal argument are errors at
// the offending token; the length is in the type, so a wrong annotation is a type error.
use tensor::prelude::*;

fn main() {
    let n = 9;
    let _ = tensor!(arange(2, 9, 0));
    let _ = tensor!(arange(2, 9, -2));
    let _ = tensor!(arange(2, n, 2));
    let _: Vector<i32, 3> = tensor!(arange(2, 9, 2));
}
