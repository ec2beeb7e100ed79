//! The NumPy roadmap (`SEED.md`), section by section, with the seed's own data.
//!
//! Run it with `cargo run --release --example roadmap`.

use tensor::prelude::*;

fn section(title: &str) {
    println!("\n=== {title}");
}

fn main() {
    section("1. NumPy arrays");
    let arr = tensor![1, 2, 3, 4]; // np.array([1, 2, 3, 4])
    let mat = tensor![[1, 2], [3, 4]]; // np.array([[1, 2], [3, 4]])
    println!("arr = {arr}");
    println!("mat =\n{mat}");
    println!("exercise: {}", tensor![2, 4, 6, 8]);
    println!(
        "exercise: 3x3 identity =\n{}",
        Tensor::<f64, 3, 3>::identity()
    );

    section("2. Array properties");
    println!(
        "arr.shape = {:?}   (a 1-D array is a 1 x N row vector)",
        arr.shape()
    );
    println!("mat.shape = {:?}", mat.shape());
    println!("mat.ndim  = {}", mat.ndim());
    let m3 = Tensor::<i32, 3, 3>::arange();
    let flat: Vector<i32, 9> = m3.flatten();
    println!(
        "exercise: 3x3 shape = {:?}, flattened shape = {:?}",
        m3.shape(),
        flat.shape()
    );

    section("3. Indexing and slicing");
    println!("arr[0]    = {}", arr[0]);
    println!("mat[1, 1] = {}", mat[(1, 1)]);
    println!("arr[1:3]  = {}", arr.slice::<0, 1, 1, 2>());
    let m = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    println!("challenge: last column of a 3x3 =\n{}", m.col::<2>());
    let m4 = Tensor::<i32, 4, 4>::arange();
    println!(
        "challenge: first two rows of a 4x4 =\n{}",
        m4.slice::<0, 0, 2, 4>()
    );

    section("4. Reshaping");
    let x = Tensor::<i32, 1, 6>::arange(); // np.arange(6)
    println!("x = {x}");
    println!("x.reshape(2, 3) =\n{}", x.reshape::<2, 3>());
    let twelve = Tensor::<i32, 1, 12>::arange();
    println!(
        "exercise: 12 numbers as (3, 4) =\n{}",
        twelve.reshape::<3, 4>()
    );
    let img = Tensor::<f32, 28, 28>::from_fn(|i, j| (i * 28 + j) as f32 / 783.0);
    let v: Vector<f32, 784> = img.flatten();
    println!(
        "a 28x28 image flattened: shape {:?}, last pixel {}",
        v.shape(),
        v[783]
    );
}
