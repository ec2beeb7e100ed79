//! The NumPy roadmap (`SEED.md`), all ten sections in order, with the seed's own data and
//! exercises. Each step prints the seed's Python line and, as a comment, what this library
//! gives for it, so the output reads like the seed's code listings.
//!
//! Run it with `cargo run --release --example roadmap`.

use std::fmt::Display;

use rand::distr::{StandardUniform, Uniform};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;
use tensor::prelude::*;

fn section(title: &str) {
    println!("\n## {title}\n");
}

/// Prints the seed's Python `code` and the result as a comment: `print(a * b)  # [2 4 6]`,
/// or, for a result over several lines, one comment line each below the code.
fn show(code: &str, result: impl Display) {
    let text = result.to_string();
    if text.contains('\n') {
        println!("{code}");
        for line in text.lines() {
            println!("# {line}");
        }
    } else {
        println!("{code:<32}# {text}");
    }
}

fn main() {
    section("1. NumPy arrays (the DNA of AI/ML)");
    let arr = tensor![1, 2, 3, 4]; // np.array([1, 2, 3, 4]), a 1-D array: Vector<i32, 4>
    let mat = tensor![[1, 2], [3, 4]]; // np.array([[1, 2], [3, 4]])
    show("arr = np.array([1, 2, 3, 4])", arr);
    show("mat = np.array([[1, 2], [3, 4]])", mat);
    println!("# exercise");
    show("np.array([2, 4, 6, 8])", tensor![2, 4, 6, 8]);
    show("np.identity(3)", Tensor::<f64, 3, 3>::identity());

    section("2. Array properties");
    // A 1-D array of length N is the row vector Tensor<T, 1, N>, so its shape is (1, N).
    show(
        "print(arr.shape)",
        format_args!("{:?}   (NumPy: (4,))", arr.shape()),
    );
    show("print(mat.shape)", format_args!("{:?}", mat.shape()));
    show("print(mat.ndim)", mat.ndim());
    println!("# exercise");
    let m3 = Tensor::<i32, 3, 3>::arange();
    let flat: Vector<i32, 9> = m3.flatten();
    show("m3.shape", format_args!("{:?}", m3.shape()));
    show(
        "m3.flatten().shape",
        format_args!("{:?}   (NumPy: (9,))", flat.shape()),
    );
    println!("# a shape mistake does not compile: m3.reshape::<Tensor<_, 2, 4>>() is");
    println!(
        "# error[E0277]: cannot reshape a tensor of shape Shape<3, 3> into shape Shape<2, 4>: element counts differ"
    );

    section("3. Indexing and slicing (like dataset access)");
    show("print(arr[0])", arr[0]);
    show("print(mat[1, 1])", tensor!(mat[1, 1]));
    show("print(arr[1:3])", tensor!(arr[.., 1..3]));
    println!("# mini challenge");
    let m = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    show("m[:, -1]  # last column of a 3x3", tensor!(m[.., -1]));
    let m4 = Tensor::<i32, 4, 4>::arange();
    show("m4[:2, :]  # first two rows of a 4x4", tensor!(m4[..2, ..]));

    section("4. Reshaping arrays");
    let x = Tensor::<i32, 1, 6>::arange();
    show("x = np.arange(6)", x);
    show("x = x.reshape(2, 3)", x.reshape::<Tensor<_, 2, 3>>());
    println!("# exercise");
    let twelve = Tensor::<i32, 1, 12>::arange();
    show(
        "np.arange(12).reshape(3, 4)",
        twelve.reshape::<Tensor<_, 3, 4>>(),
    );
    let img = Tensor::<f32, 28, 28>::from_fn(|i, j| (i * 28 + j) as f32);
    let pixels: Vector<f32, 784> = img.flatten(); // 28x28 -> 784
    show(
        "img.reshape(784).shape",
        format_args!("{:?}", pixels.shape()),
    );

    section("5. Broadcasting (automatic expansion)");
    let a = tensor![1, 2, 3];
    let b = 2;
    show("print(a * b)", a * b);
    let mat = tensor![[1, 2], [3, 4]];
    let vec = tensor![1, 2];
    show("print(mat + vec)", mat + vec);
    println!("# mini challenge: subtract the mean of each row of a 3x3");
    let m = tensor![[1.0, 2.0, 3.0], [4.0, 6.0, 8.0], [0.0, 5.0, 10.0]];
    show("m", m);
    show("m - m.mean(axis=1, keepdims=True)", m - m.mean_axis::<1>()); // (3, 3) - (3, 1)
    let data = tensor![[1.0, 10.0], [2.0, 20.0], [3.0, 30.0]];
    // Normalising a dataset: each column to mean 0 and standard deviation 1.
    show(
        "(data - data.mean(0)) / data.std(0)",
        (data - data.mean_axis::<0>()) / data.std_axis::<0>(),
    );

    section("6. Vectorized operations (fast math)");
    let x = tensor![1, 2, 3, 4];
    show("print(x**2)", x.square());
    let xf = x.map(f64::from); // exp and log need floats
    show("print(np.exp(x))", xf.exp());
    show("print(np.log(x))", xf.ln());
    show("1 / (1 + np.exp(-x))", xf.sigmoid()); // sigmoid, an activation
    println!("# exercise");
    let v = tensor![1.0, 4.0, 9.0, 16.0];
    show("np.square([1, 4, 9, 16])", v.square());
    show("np.sqrt([1, 4, 9, 16])", v.sqrt());

    section("7. Matrix operations");
    let a = tensor![[1, 2], [3, 4]];
    let b = tensor![[5, 6], [7, 8]];
    show("print(A + B)  # element-wise", a + b);
    show("print(A * B)  # element-wise", a * b);
    show("print(A @ B)  # matrix multiplication", tensor!(a @ b));
    println!("# mini challenge: a (2x3) matrix times a (3x2) matrix");
    let p = tensor![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let q = tensor![[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]];
    let pq: Tensor<f64, 2, 2> = tensor!(p @ q);
    show("P @ Q", pq);

    section("8. Transpose and inverse");
    let a = tensor![[1.0, 2.0], [3.0, 4.0]];
    show("print(A.T)", tensor!(a.T));
    let inv = a.inv().expect("A is invertible");
    show("print(np.linalg.inv(A))", inv);
    println!("# exercise");
    let m = tensor![[1, 2], [3, 4], [5, 6]];
    let mt: Tensor<i32, 2, 3> = tensor!(m.T);
    show("M.T  # M is 3x2", mt);
    show("np.linalg.det(A)", a.det());

    section("9. Random numbers (for ML experiments)");
    // np.random.default_rng(42): a seeded generator, so this output is the same every run.
    let mut rng = StdRng::seed_from_u64(42);
    let uniform: Tensor<f64, 3, 3> = rng.sample(StandardUniform);
    show("np.random.rand(3, 3)", format_args!("{uniform:.4}"));
    let normal: Tensor<f64, 3, 3> = rng.sample(StandardNormal);
    show("np.random.randn(3, 3)", format_args!("{normal:.4}"));
    let ints = Tensor::<i32, 3, 3>::random_using(Uniform::new(0, 10).unwrap(), &mut rng);
    show("np.random.randint(0, 10, (3, 3))", ints);
    println!("# challenge: a random dataset, (100, 5) features and (100,) labels");
    let features: Tensor<f64, 100, 5> = rng.sample(StandardNormal);
    let labels = Vector::<i32, 100>::random_using(Uniform::new(0, 2).unwrap(), &mut rng);
    show("X.shape", format_args!("{:?}", features.shape()));
    show(
        "y.shape",
        format_args!("{:?}   (NumPy: (100,))", labels.shape()),
    );
    show("X[:2]", format_args!("{:.4}", tensor!(features[..2, ..])));
    show("y[:10]", tensor!(labels[.., ..10]));
    show("y.mean()", labels.map(f64::from).mean());

    section("10. Putting it all together: a tiny linear regression");
    // X = np.random.rand(100, 1)
    let x: Tensor<f64, 100, 1> = rng.sample(StandardUniform);
    let w = 2.0;
    let b = 1.0;
    // y = W * X + b + np.random.randn(100, 1) * 0.1
    let noise: Tensor<f64, 100, 1> = rng.sample(StandardNormal);
    let y = x * w + b + noise * 0.1;
    // Compute predicted values
    let y_pred = x * w + b;
    // Mean Squared Error
    let mse = (y - y_pred).square().mean();
    show(
        "X.shape, y.shape",
        format_args!("{:?}, {:?}", x.shape(), y.shape()),
    );
    show("print(\"MSE:\", mse)", format_args!("MSE: {mse}"));
    println!(
        "\n# next: `cargo run --release --example linear_regression` learns W and b from the data"
    );
}
