//! Compile-time-shaped tensors for Rust: NumPy's everyday operations, with shape mismatches
//! reported by the type checker.
//!
//! ```
//! use tensor::prelude::*;
//!
//! let img = Tensor::<f32, 28, 28>::zeros();
//! let x: Vector<f32, 784> = img.flatten(); // 28x28 -> 784, checked at compile time
//! assert_eq!(x.shape(), (1, 784));
//!
//! let m = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
//! assert_eq!(m.col::<2>(), tensor![[3], [6], [9]]); // the last column
//! println!("{m}");
//! ```
//!
//! A shape error is a compile error that names the shapes:
//!
//! ```compile_fail
//! use tensor::prelude::*;
//!
//! let x = Tensor::<f32, 2, 3>::zeros();
//! let y: Tensor<f32, 4, 2> = x.reshape();
//! // error[E0277]: cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ
//! ```
//!
//! Operators are elementwise and broadcast as in NumPy; an incompatible pair does not compile:
//!
//! ```
//! use tensor::prelude::*;
//!
//! let mat = tensor![[1, 2], [3, 4]];
//! let vec = tensor![1, 2];
//! assert_eq!(mat + vec, tensor![[2, 4], [4, 6]]);
//! ```
//!
//! ```compile_fail
//! use tensor::prelude::*;
//!
//! let m = Tensor::<f32, 3, 2>::zeros();
//! let v = Tensor::<f32, 1, 3>::zeros();
//! let _ = m + v;
//! // error[E0277]: operands could not be broadcast together with shapes Shape<3, 2> and Shape<1, 3>
//! ```
//!
//! The crate is `#![no_std]` without allocation; the default `std` feature only adds
//! conveniences that need the standard library.
//!
//! Cargo features: `std` (default; implies `alloc`), `alloc` (boxed constructors for tensors
//! too large for the stack, operations on them, and the run-time-row `DynTensor`), `rand` (default; random tensors from any `rand::Rng`, also in
//! `no_std`), the interop features `serde`, `bytemuck`, `approx`, `nalgebra`, `ndarray`, and
//! the array files: `npy` (NumPy's `.npy`/`.npz` in [`io`] at run time, and [`include_npy!`]),
//! `safetensors` (the same for safetensors, and [`include_safetensors!`]), both needing `std`,
//! and `include-npy`/`include-safetensors`, the compile-time macros alone (also `no_std`),
//! and `parallel` (off by default; implies `std`), below.
//!
//! ```
//! # #[cfg(feature = "rand")] {
//! use tensor::prelude::*;
//! use tensor::rand::{RngExt, SeedableRng, rngs::SmallRng};
//! use tensor::rand_distr::StandardNormal;
//!
//! let mut rng = SmallRng::seed_from_u64(42); // reproducible, no_std
//! let features: Tensor<f64, 100, 5> = rng.random(); // uniform [0, 1)
//! let weights: Tensor<f32, 5, 1> = rng.sample(StandardNormal);
//! assert!(features.iter().all(|x| (0.0..1.0).contains(x)));
//! # let _ = weights;
//! # }
//! ```
//!
//! # Large tensors: on the heap
//!
//! A `Tensor` is a value: an operation returns its result on the stack, and a debug build
//! copies it there several times. On a 2 MiB stack (spawned threads, tests) a 512 KiB result
//! already overflows in a debug build (1 MiB in release), on the 8 MiB main thread a 2 MiB one
//! (4 MiB in release), and the process aborts with `stack overflow`. Larger tensors live on the
//! heap, as a [`DynTensor`] (a run-time number of rows) or as a boxed static tensor
//! (`Tensor::boxed_zeros()`, `boxed_from_fn`, `load_npy::<Box<Tensor<..>>>`). Every operation on
//! boxed operands returns a box that the kernel writes into directly, in every build: the
//! operators (`&a + &b`, with broadcasting and its compile-time checks, `&a * 2.0`, `a += &b`)
//! and, through [`BoxedOps`] and [`BoxedMatrix`] in
//! the prelude, the elementwise math, the reductions along an axis, `matmul`, `t` and `reshape`,
//! with the names of the tensors' methods. Only `*a` hands the value itself to an operation
//! (`&*a + &*b`), whose result is a value again.
//!
//! ```
//! use tensor::prelude::*;
//!
//! // A test's 2 MiB thread and 4 MiB tensors: nothing of their size touches the stack.
//! std::thread::Builder::new().stack_size(2 << 20).spawn(|| {
//!     let x = Tensor::<f32, 1024, 1024>::boxed_from_fn(|i, j| (i + j) as f32 / 2048.0);
//!     let w = Tensor::<f32, 1024, 1024>::boxed_full(0.001);
//!     let z = (&x - &x.mean_axis::<0>()) / &(x.std_axis::<0>() + 1e-6); // per-column z-scores
//!     let h = z.matmul(&w).relu();                                      // relu(z @ w)
//!     assert_eq!(h.shape(), (1024, 1024));
//!     let rows: Box<Tensor3<f32, 1024, 32, 32>> = h.reshape();          // the same allocation
//!     assert_eq!(rows.dims(), &[1024, 32, 32]);
//! }).unwrap().join().unwrap();
//! ```
//!
//! # One function for static and run-time batches
//!
//! Model code bounded by [`Rows<T, C>`](batch::Rows) (a batch of `C`-feature rows) or
//! [`Batch<T, R>`](batch::Batch) (rows of any static shape `R`), both in the prelude, takes a
//! `Tensor<T, N, C>` (a mini-batch, `N` known to the compiler) and a `DynTensor<T, C>` (all the
//! rows of a file) alike, and returns the same kind ([`batch::WithFeatures`]); the weights'
//! shapes stay compile-time checked. See the [`batch`] module.
//!
//! # Many cores (`parallel`)
//!
//! With the feature `parallel`, large work runs on the threads of the current
//! [rayon](https://docs.rs/rayon) pool (the global pool, sized by `RAYON_NUM_THREADS` or the
//! number of CPUs, or the pool of an enclosing `ThreadPool::install`):
//! - `f32`/`f64` matrix products of at least 256 x 256 x 256 multiply-adds (`matmul`,
//!   `matmul_into`, the run-time-row products of `DynTensor` and `x.t().matmul(&y)`) that take
//!   the blocked kernel: bands of rows, each a whole number of the kernel's tiles, one task
//!   each;
//! - `f32`/`f64` same-shape `+ - * /` (by value and in place) and `exp`, `ln`, `tanh`,
//!   `sigmoid` over at least 64 Ki elements: chunks of 16 Ki elements;
//! - whole-tensor `sum`, `mean`, `var`, `std` and `norm` of `f32`/`f64` over more than 64 Ki
//!   elements: blocks of 64 Ki elements.
//!
//! Smaller work never calls into rayon. The results do not depend on the feature or on the
//! number of threads, bit for bit: each output element of a product is computed by the same
//! micro-kernel in the same order whichever thread computes its row, elementwise results are
//! computed element by element, and long sums are split into the same 64 Ki blocks in every
//! build (with or without the feature), their sums combined in order with compensation. Other
//! operations (broadcasting operators, other math, reductions along an axis, products with
//! at most one tile of rows or outside the blocked kernel, integer element types) run on the
//! calling thread.
//!
//! ```
//! # #[cfg(feature = "parallel")] {
//! use tensor::prelude::*;
//!
//! let a = Tensor::<f32, 256, 256>::boxed_from_fn(|i, j| (i + j) as f32 / 256.0);
//! let product = |threads: usize| {
//!     let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
//!     let mut out = Tensor::<f32, 256, 256>::boxed_zeros();
//!     pool.install(|| a.matmul_into(&*a, &mut out)); // 4 bands per thread
//!     out
//! };
//! assert_eq!(product(1), product(3)); // the same bits on one thread or three
//! # }
//! ```
//!
//! # Reading shape errors
//!
//! A shape mismatch is a type error, reported by `cargo check` and the editor as well as the
//! compiler. Read the **first line**: it names the rule and the shapes (`Shape<R, C>` is NumPy's
//! `(R, C)`), and the `-->` line under it points at the method or operator. The label under the
//! code restates the rule with the numbers. The `help:` lines that mention `typenum::bit::B0`, a
//! `...InBounds` or `...Match` trait are the mechanism of the check and can be skipped. The common
//! errors, each with its first line and its fix:
//!
//! **Reshape to a different element count.** `error[E0277]: cannot reshape a tensor of shape Shape<2, 3> into shape Shape<4, 2>: element counts differ`
//!
//! A reshape keeps every element: choose a target whose dimensions multiply to the same count
//! (`reshape::<Tensor<_, 3, 2>>()`, `flatten()` to `1 x 6`), or `block` first to keep only
//! some elements.
//!
//! ```compile_fail,E0277
//! # use tensor::prelude::*;
//! let x = Tensor::<f32, 2, 3>::zeros();
//! let y = x.reshape::<Tensor<_, 4, 2>>(); // 6 elements cannot fill 4 x 2
//! ```
//!
//! **Broadcast mismatch.** `error[E0277]: operands could not be broadcast together with shapes Shape<3, 2> and Shape<1, 3>`
//!
//! Each axis must be equal or 1, as in NumPy. A value per column is a row `Tensor<T, 1, C>`, a
//! value per row is a column `Tensor<T, R, 1>`: transpose the one that is the wrong way round
//! (`v.t()`), or the matrix.
//!
//! ```compile_fail,E0277
//! # use tensor::prelude::*;
//! let m = Tensor::<f32, 3, 2>::zeros();
//! let per_row = Tensor::<f32, 1, 3>::zeros(); // one value per row, written as a row
//! let _ = m + per_row; // fix: m + per_row.t(), a 3 x 1 column
//! ```
//!
//! **Matrix product with mismatched inner dimensions.** `error[E0277]: cannot multiply `Shape<2, 3>` by `Shape<2, 3>`: inner dimensions 3 and 2 differ`
//!
//! `(R, K) @ (K, C)`: the left operand's column count must equal the right operand's row count.
//! Transpose one operand (`a.matmul(&b.t())`, `tensor!(a @ b.T)`). A `Vector<T, N>` is a row: for
//! NumPy's `A @ v` with a 1-D `v`, use `a.matvec(&v)`.
//!
//! ```compile_fail,E0277
//! # use tensor::prelude::*;
//! let a = Tensor::<f64, 2, 3>::zeros();
//! let b = Tensor::<f64, 2, 3>::zeros();
//! let _ = a.matmul(&b); // fix: a.matmul(&b.t()), 2 x 2
//! ```
//!
//! **Row, column or slice out of range.** `error[E0277]: row index 3 is out of bounds for a tensor with 3 rows`
//!
//! Indices start at 0: the last of `R` rows is `row::<{R - 1}>()` (or `tensor!(m[-1])`). For `block::<R0, C0, NR, NC>()`
//! the last two parameters are lengths, not end indices; its error reads
//! `rows 3..3+2 are out of bounds for a tensor with 4 rows`.
//!
//! ```compile_fail,E0277
//! # use tensor::prelude::*;
//! let m = Tensor::<i32, 3, 3>::arange();
//! let _ = m.row::<3>(); // fix: m.row::<2>(), the last row
//! ```
//!
//! **A dimension outside the table.** `error[E0277]: the dimension in `Dim<4097>` is outside the range that shape checks compute with`
//!
//! Checks that do arithmetic on dimensions (reshape, broadcasting, bounds) use a table of
//! dimensions: `0..=4096`, powers of 2 and of 10, and 9216, 12288, 25088, 50000, 60000, 150528;
//! the feature `wide-dims` adds the multiples of 16 up to 65536, of 1024 up to 2^20 and of 1000
//! up to 10^5 (see [`shape::ToUInt`]). Use a covered size (pad 4097 to 8192, or to 4112 with
//! `wide-dims`), enable `wide-dims`, or use an operation that needs no arithmetic: indexing,
//! `map`, `zip_map`, `+=` between equal shapes and `matmul` work for every dimension.
//!
//! ```compile_fail,E0277
//! # use tensor::prelude::*;
//! let x = Tensor::<u8, 1, 4097>::zeros();
//! let _ = x.reshape::<Tensor<_, 4097, 1>>(); // fix: x.t(), which needs no arithmetic
//! ```
//!
//! **A one-element literal without its comma.** `error: expected a tensor literal or a DSL expression, found a plain expression: it uses none of `@`, `.T`, indexing or a comparison; write `tensor![x,]` for a one-element tensor, or drop the macro for plain Rust arithmetic`
//!
//! `tensor![x]` with a variable or an expression `x` is read as a `tensor!` expression, which
//! must use `@`, `.T` or indexing. A one-element tensor is `tensor![x,]`, as a one-element tuple
//! is `(x,)`; a single number needs no comma (`tensor![5]`).
//!
//! ```compile_fail
//! # use tensor::prelude::*;
//! let x = 2.0;
//! let v = tensor![x / 3.0]; // fix: tensor![x / 3.0,]
//! ```
//!
//! **A ragged literal.** `error: row 2 has 2 elements, expected 3; all rows must have the same length`
//!
//! Every row (and every block of a `Tensor3`) must have the length of the first one; the error
//! points at the first list that differs.
//!
//! ```compile_fail
//! # use tensor::prelude::*;
//! let m = tensor![[1, 2, 3], [4, 5], [7, 8, 9]];
//! ```
//!
#![no_std]
#![deny(missing_docs)]

pub use tensor_core::*;

/// Builds a tensor from a NumPy-like literal, or evaluates a NumPy-like expression.
///
/// **Literals**
/// - `tensor![2, 4, 6, 8]` is a row vector (`Tensor<_, 1, 4>`, NumPy's 1-D array);
/// - `tensor![[1, 2], [3, 4]]` is a matrix with one bracketed row per line;
/// - three levels of brackets make a `Tensor3` (an image, `H x W x C`), four a `Tensor4`;
/// - elements are any expressions; their type is inferred or given by a suffix (`1.0f32`).
///
/// A ragged or empty literal is a compile error pointing at the offending row.
///
/// ```
/// use tensor::{Tensor, tensor};
///
/// let v = tensor![2, 4, 6, 8];
/// let m: Tensor<f64, 2, 2> = tensor![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(v.shape(), (1, 4));
/// assert_eq!(m[(1, 0)], 3.0);
/// ```
///
/// ```compile_fail
/// let m = tensor::tensor![[1, 2], [3]]; // row 2 has 1 element, expected 2
/// ```
///
/// **Expressions** expand into checked method calls: `a @ b` is `a.matmul(&b)` (binding like
/// `*`, as in Python), `a.T` is `a.t()`, and Python-style indices with literal bounds become
/// compile-time checked selections: `m[.., -1]` (the last column), `m[..2, ..]` (the first two
/// rows), `m[1, 1]` (an element), `m[1..3, 0]`, `m[-2.., 1..]`. The comparisons `<`, `<=`, `>`,
/// `>=`, `==`, `!=` are NumPy's, elementwise: a tensor against a tensor (broadcasting) or a
/// scalar, on either side, gives a mask `Tensor<bool, ..>`, the same as the methods `lt`,
/// `lt_scalar`, ... (`tensor!(a < 5)` is `a.lt_scalar(5)`; two scalars compare as in Rust).
/// Masks combine with `&`, `|`, `^` and `!`, which bind tighter than comparisons as in Python:
/// `tensor!((a > 2) & (a < 11))`. `arange(start, stop, step)` with number-literal arguments is
/// NumPy's `np.arange` as a `Vector` whose length the macro computes (`tensor!(arange(2, 9, 2))`
/// is a `Vector<_, 4>`; a zero step or one pointing away from `stop` is a compile error at the
/// step). `m[1] = v`, `m[.., 2] = c`, `m[1..3, 2..4] = b` and `m[0, 3] = x` assign into part of a
/// matrix (`set_row`, `set_col`, `set_block` with the slice's shape, an element). Every other
/// operator, call and method keeps its Rust meaning.
///
/// **Fusion**: a chain of two or more elementwise operations (`+ - * /`, unary `-`, and the
/// methods `exp ln tanh sigmoid sqrt square abs relu` without arguments, with `.sum()` or
/// `.mean()` allowed at its root) is evaluated in one pass over memory, chunk by chunk, with no
/// intermediate tensors and each output element written once; anything else in it (`x @ w`,
/// `.T`, an index, other calls) is an operand computed first and borrowed, except a `K = 1`
/// product of static tensors (`x @ w` with one feature, an outer product), whose elements are
/// computed in the pass itself and never stored. The results are the
/// operators' (the same operation or kernel per element; a fused `sum`/`mean` of up to 128
/// elements is the operators' bit for bit, of more adds in another order, as accurately, and
/// of a `.square()` sums the squares as they are made, each exact in `f64` for `f32`), a
/// boxed operand gives a boxed result, a chain of scalars alone a
/// scalar, and a shape mismatch is the operators' compile error at the operator. A single
/// operation, `tensor!(x @ w + b)`, is the operator itself. `DynTensor` operands fuse too: the
/// result is a `DynTensor` written once, static operands broadcasting over its rows and two
/// run-time operands' row counts checked when it runs (the operators' panic). To see an
/// expansion, run `cargo expand` on the calling function: `tensor!((a - b) * (a - b))` is
/// `::tensor::__private::fuse::eval(fuse::mul(fuse::sub(&(a), &(b)), fuse::sub(&(a), &(b))))`.
///
/// ```
/// use tensor::{Tensor, Vector, tensor};
///
/// let x = Tensor::<f32, 4, 3>::full(0.5);
/// let w = Tensor::<f32, 3, 2>::full(1.0);
/// let b = Vector::from([0.5f32, -0.5]);
/// let y = Tensor::<f32, 4, 2>::full(1.0);
/// // The product, then bias, sigmoid (and the loss) in one pass over it.
/// assert_eq!(tensor!((x @ w + b).sigmoid()), (x.matmul(&w) + b).sigmoid());
/// let loss: f32 = tensor!(((x @ w + b) - y).square().mean());
/// assert_eq!(loss, ((x.matmul(&w) + b) - y).square().mean());
/// let lr = 0.1f32;
/// let err = Tensor::<f32, 4, 2>::full(0.25);
/// assert_eq!(tensor!(w - lr * (x.T @ err)), w - x.t().matmul(&err) * lr);
/// ```
///
/// ```
/// use tensor::{Tensor, tensor};
///
/// let a = tensor![[1, 2], [3, 4]];
/// let b = tensor![[5, 6], [7, 8]];
/// assert_eq!(tensor!(a @ b), tensor![[19, 22], [43, 50]]);
/// assert_eq!(tensor!(a.T @ b), a.t().matmul(&b));
///
/// let m = Tensor::<i32, 3, 3>::arange();
/// assert_eq!(tensor!(m[.., -1]), tensor![[2], [5], [8]]);
/// assert_eq!(tensor!(m[..2, ..]), tensor![[0, 1, 2], [3, 4, 5]]);
/// assert_eq!(tensor!(m[1, 1]), 4);
/// // An open end takes its length from the result's type.
/// let rest: Tensor<i32, 2, 3> = tensor!(m[1.., ..]);
/// assert_eq!(rest, tensor![[3, 4, 5], [6, 7, 8]]);
///
/// // Comparisons are elementwise and give masks.
/// assert_eq!(tensor!(m > 4), m.gt_scalar(4));
/// assert_eq!(tensor!((m > 2) & (m % 2 == 0)).count_nonzero(), 3); // 4, 6, 8
///
/// // np.arange(2, 9, 2), its length computed while compiling
/// let v: tensor::Vector<i32, 4> = tensor!(arange(2, 9, 2));
/// assert_eq!(v, tensor![2, 4, 6, 8]);
///
/// // m[1] = v; m[1:3, 0:2] = [[0, 0], [0, 0]]
/// let mut m = Tensor::<i32, 3, 3>::arange();
/// tensor!(m[1] = tensor![7, 7, 7]);
/// tensor!(m[1..3, 0..2] = [[0, 0], [0, 0]]);
/// assert_eq!(m, tensor![[0, 1, 2], [0, 0, 7], [0, 0, 8]]);
/// ```
///
/// ```compile_fail
/// let _ = tensor::tensor!(arange(2, 9, -2)); // the step points away from `stop`
/// ```
///
/// ```compile_fail
/// use tensor::{Tensor, tensor};
///
/// let (a, b) = (Tensor::<f32, 3, 2>::zeros(), Tensor::<f32, 1, 3>::zeros());
/// let _ = tensor!(a < b); // operands could not be broadcast together with shapes Shape<3, 2> and Shape<1, 3>
/// ```
///
/// ```compile_fail
/// use tensor::{Tensor, tensor};
///
/// let m = Tensor::<i32, 3, 3>::arange();
/// let _ = tensor!(m[.., 3]); // index 3 is out of bounds for axis 1 with size 3
/// ```
///
/// ```compile_fail
/// use tensor::{Tensor, tensor};
///
/// let a = Tensor::<f64, 2, 3>::zeros();
/// let _ = tensor!(a @ a); // cannot multiply `Shape<2, 3>` by `Shape<2, 3>`: inner dimensions 3 and 2 differ
/// ```
///
/// **Literal or expression**: the macro cannot see its delimiters, so it decides from the
/// tokens. The input is a literal when it is empty, has a comma outside brackets and
/// parentheses (not counting a turbofish `::<..>`), is a single `[...]` row, or is a single
/// number, `bool` or `char` literal (`tensor![5]`); anything else is an expression, which
/// must use the DSL's syntax (`@`, `.T`, indexing or a comparison). A one-element vector of a variable is
/// `tensor![x,]`; a plain `tensor![x]` is a compile error saying so.
///
/// ```compile_fail
/// let x = 1.5;
/// let _ = tensor::tensor![x / 3.0]; // expected a tensor literal or a DSL expression
/// ```
pub use tensor_macros::tensor;

/// Gradients at compile time: `grad!(|w, b| loss)` evaluates `loss`, a [`tensor!`] expression
/// reduced to a scalar, and its gradient with respect to each input, and returns
/// `(loss, g)` with `g.w`, `g.b` of the types of `w` and `b`.
///
/// The inputs are variables in scope holding tensors of `f32`/`f64` or scalars, by value
/// (to differentiate with respect to a struct's fields, bind them first:
/// `let Mlp { w1, b1, .. } = model;`); every other value the loss names (`x`, `y` below) is
/// a constant, and may be a reference. The macro differentiates the expression
/// while the program compiles (reverse mode, source to source): it expands to straight-line
/// code, the forward pass calling the library's operations and the backward pass calling the
/// rules of [`autodiff`] in reverse, with no tape, no allocation and every
/// gradient's shape checked by rustc. A subexpression written twice is computed once, and
/// the backward pass reuses the forward values. It works in functions generic over the batch
/// size, with no where-clause.
///
/// Differentiable: `+ - * /` between tensors (broadcasting: the gradient of a broadcast
/// operand is summed back to its shape) and with scalars, unary `-`, `@` (row and column
/// vectors included), `.T`, `exp`, `ln`,
/// `sqrt`, `square`, `powi(n)`, `abs`, `tanh`, `sigmoid`, `relu`, `sum`, `mean`,
/// `sum_axis::<A>()`, `mean_axis::<A>()`, `softmax`, `log_softmax` (along the last axis),
/// the losses `pred.mse(&target)` and `logits.cross_entropy(&target)` (fused backward rules,
/// both operands differentiable), static indices and slices `x[1]`, `x[.., -1]`,
/// `x[1..3, 2..4]`, `x[i, j]` with literal `i`, `j` (the gradient is scattered back into
/// zeros of `x`'s shape), `reshape::<Tensor<_, R, C>>()` to any rank and `flatten()` (the gradient is reshaped back;
/// name `reshape`'s target in the turbofish, since the loss goes on to use its result, and
/// `flatten`'s length when the rest of the loss does not pin it, as outside `grad!`);
/// `relu` and `abs` take the subgradient 0 at 0, as JAX does. Any other operation on a value that depends on an input is a compile error at its token
/// that names it and lists these; constant subexpressions may use the whole `tensor!`
/// language. The loss must be a scalar (`error: `grad!` needs a scalar loss` otherwise).
///
/// ```
/// use tensor::prelude::*;
///
/// /// Logistic regression: the loss and its gradients, for any batch size `N`.
/// fn loss_and_grad<const N: usize>(
///     x: &Tensor<f64, N, 3>,
///     y: &Tensor<f64, N, 1>,
///     w: Tensor<f64, 3, 1>,
///     b: RowVector<f64, 1>,
/// ) -> (f64, Tensor<f64, 3, 1>, RowVector<f64, 1>) {
///     let (loss, g) = grad!(|w, b| ((x @ w + b).sigmoid() - y).square().mean());
///     (loss, g.w, g.b) // g.w: Tensor<f64, 3, 1>, g.b: RowVector<f64, 1>
/// }
///
/// let x = tensor![[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]];
/// let y = tensor![[1.0], [0.0]];
/// let (loss, gw, gb) = loss_and_grad(&x, &y, Tensor::zeros(), RowVector::zeros());
/// assert_eq!(loss, 0.25); // sigmoid(0) = 0.5 everywhere
/// // d/db mean((s - y)^2) = mean(2 (s - y) s (1 - s)) = mean(2 * [-0.5, 0.5] * 0.25) = 0
/// assert_eq!(gb[(0, 0)], 0.0);
/// assert_eq!(gw, tensor![[0.125], [0.125], [-0.3125]]); // x.T @ ((s - y) * 0.25)
/// ```
///
/// To read the generated code, expand the macro: `cargo expand --test integration NAME` (a
/// module of `tests/integration.rs`) or
/// `cargo expand --lib path::to::function` ([cargo-expand](https://crates.io/crates/cargo-expand)),
/// or rust-analyzer's "Expand macro recursively". The two-layer MLP of `examples/mlp.rs`,
///
/// ```text
/// grad!(|w1, b1, w2, b2| -(y * ((x @ w1 + b1).tanh() @ w2 + b2).log_softmax()).sum() / n)
/// ```
///
/// expands to this (as `cargo expand` prints it, the `Gradients` struct left out; `x`, `y`
/// and `n` are constants, so no gradient is computed for them):
///
/// ```text
/// let __v0 = y;
/// let __v1 = x;
/// let __v2 = w1;
/// let __v3 = __v1.matmul(&__v2);
/// let __v4 = b1;
/// let __v5 = &__v3 + &__v4;
/// let __v6 = __v5.tanh();
/// let __v7 = w2;
/// let __v8 = __v6.matmul(&__v7);
/// let __v9 = b2;
/// let __v10 = &__v8 + &__v9;
/// let __v11 = __v10.log_softmax();
/// let __v12 = __v0 * &__v11;
/// let __v13 = __v12.sum();
/// let __v14 = -__v13;
/// let __v15 = n;
/// let __v16 = &__v14 / __v15;
/// let __g16 = ::tensor::autodiff::seed(&__v16);
/// let __g14 = ::tensor::autodiff::div_lhs(&__g16, &__v14, &__v15);
/// let __g13 = ::tensor::autodiff::neg_vjp(&__g14);
/// let __g12 = ::tensor::autodiff::sum_vjp(__g13, &__v12);
/// let __g11 = ::tensor::autodiff::mul_rhs(&__g12, &__v0, &__v11);
/// let __g10 = ::tensor::autodiff::log_softmax_vjp(&__g11, &__v11);
/// let __g8 = ::tensor::autodiff::add_lhs(&__g10, &__v8, &__v9);
/// let __g9 = ::tensor::autodiff::add_rhs(&__g10, &__v8, &__v9); // summed over the batch
/// let __g6 = ::tensor::autodiff::matmul_lhs(&__g8, &__v6, &__v7); // g @ w2.T
/// let __g7 = ::tensor::autodiff::matmul_rhs(&__g8, &__v6, &__v7); // hidden.T @ g
/// let __g5 = ::tensor::autodiff::tanh_vjp(&__g6, &__v5, &__v6);
/// let __g3 = ::tensor::autodiff::add_lhs(&__g5, &__v3, &__v4);
/// let __g4 = ::tensor::autodiff::add_rhs(&__g5, &__v3, &__v4);
/// let __g2 = ::tensor::autodiff::matmul_rhs(&__g3, &__v1, &__v2); // x.T @ g
/// (__v16, Gradients { w1: __g2, b1: __g4, w2: __g7, b2: __g9 })
/// ```
///
/// A node used once takes its gradient `__gN` straight from its consumer's rule, as every node
/// here does; a node used more than once (a subexpression used twice) gets one contribution
/// `__dM_k` per use, and `__gN` is their sum, written once its last consumer is done
/// (`let __g3 = __d5_0 + __d7_1;`). The
/// operands of `+ - * /` are borrowed (`&__v3 + &__v4`), as the backward pass reads them
/// again, except constants, which are used as written (`y` may be a reference already).
///
/// An unsupported operation is a compile error at its token:
///
/// ```compile_fail
/// use tensor::prelude::*;
///
/// let w = Tensor::<f64, 2, 2>::ones();
/// let (loss, g) = tensor::grad!(|w| w.sin().sum());
/// // error: `grad!` cannot differentiate the method `sin`; it supports `+`, `-`, ...
/// ```
pub use tensor_macros::grad;

/// Embeds a `.npy` file in the program as a tensor whose type comes from the file: its shape
/// and element type are read from the header while the program compiles (feature `npy`, or
/// `include-npy` alone, which also works in `no_std` builds).
///
/// The path is relative to the calling crate's directory (`CARGO_MANIFEST_DIR`). The macro
/// expands to a constant expression, `Tensor::<f32, 784, 128>::from_array([[...], ...])` with
/// every element an exact literal, so it can initialize a `const` or a `static` and the weights
/// live in flash on embedded targets. A shape of `(N,)` gives NumPy's 1-D array as the
/// broadcasting row `RowVector<T, N>` (`RowVector::from_array([...])`, shape `(1, N)`);
/// ranks 2, 3 and 4 give `Tensor`, `Tensor3` and `Tensor4`. Fortran-order and big-endian
/// files are rearranged, as `np.load` does. Editing the file recompiles the crate.
///
/// A model whose layer sizes disagree with the code does not compile: using the tensor where
/// another shape is expected is a type error naming both shapes. A missing or malformed file
/// is a compile error at the path naming the file and what is wrong.
///
/// ```
/// # #[cfg(feature = "include-npy")] {
/// use tensor::{Tensor, include_npy};
///
/// // Written by `np.save("f32_3x4_c.npy", a)`.
/// static W: Tensor<f32, 3, 4> = include_npy!("tests/fixtures/io/f32_3x4_c.npy");
/// assert_eq!(W[(0, 0)], -1.5);
/// let v = include_npy!("tests/fixtures/io/i64_5_c.npy"); // a Tensor<i64, 1, 5>
/// assert_eq!(v.shape(), (1, 5));
/// # }
/// ```
///
/// ```compile_fail
/// use tensor::{Tensor, include_npy};
///
/// // error[E0308]: mismatched types: expected `Tensor<f32, 4, 3>`, found `Tensor<f32, 3, 4>`
/// static W: Tensor<f32, 4, 3> = include_npy!("tests/fixtures/io/f32_3x4_c.npy");
/// ```
#[cfg(feature = "include-npy")]
pub use tensor_macros::include_npy;

/// Embeds the tensor `name` of a safetensors file in the program as a tensor whose type
/// comes from the file: `include_safetensors!("model.safetensors", "fc1.weight")` (feature
/// `safetensors`, or `include-safetensors` alone, which also works in `no_std` builds).
///
/// The same rules as [`include_npy!`]: the path is relative to the calling crate's directory,
/// the expansion is a constant expression usable in a `const` or `static`, a shape mismatch
/// with the code is a type error naming both shapes, and a missing file, a malformed file or
/// an unknown tensor name is a compile error naming what is wrong.
///
/// ```
/// # #[cfg(feature = "include-safetensors")] {
/// use tensor::{Tensor3, include_safetensors};
///
/// // Written by `safetensors.numpy.save_file({"u8_2x3x4": a, ...}, "tensors.safetensors")`.
/// const IMAGE: Tensor3<u8, 2, 3, 4> = include_safetensors!("tests/fixtures/io/tensors.safetensors", "u8_2x3x4");
/// assert_eq!(IMAGE.shape(), (2, 3, 4));
/// # }
/// ```
#[cfg(feature = "include-safetensors")]
pub use tensor_macros::include_safetensors;

/// The names most programs need: `use tensor::prelude::*;`.
///
/// ```
/// use tensor::prelude::*;
///
/// let v: Vector<i32, 3> = tensor![1, 2, 3];
/// assert_eq!(v.len(), 3);
/// ```
pub mod prelude {
    pub use crate::grad;
    #[cfg(feature = "include-npy")]
    pub use crate::include_npy;
    #[cfg(feature = "include-safetensors")]
    pub use crate::include_safetensors;
    pub use crate::tensor;
    #[cfg(feature = "alloc")]
    pub use tensor_core::batch::{Batch, Rows};
    pub use tensor_core::{
        Array, ColVector, Element, RowVector, Shape, Shape1, Shape3, Shape4, Tensor, Tensor3,
        Tensor4, Vector,
    };
    #[cfg(feature = "alloc")]
    pub use tensor_core::{BoxedMatrix, BoxedOps, DynArray, DynTensor, DynTensor3, DynTensor4};
}

/// Paths used by the code that `tensor!` generates. Not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use tensor_core::fuse;
    pub use tensor_core::shape::{All, At, AtEnd, Span, SpanEnd, Trim};
    pub use tensor_core::{ElementwiseCmp, RowVector, Tensor, Tensor3, Tensor4};
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
