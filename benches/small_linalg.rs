//! Small linear algebra, `f32` and `f64`, 2x2 to 4x4: `tensor`'s `inv`, `det` and `solve`
//! against glam (`Mat2/3/4`, `DMat2/3/4`) and nalgebra (`SMatrix`), one criterion group per
//! op, type and size, so every ratio comes from one run. See BENCHMARKS.md.
//!
//! - `inv`: `a.inv()` (an `Option`), glam's `inverse()` (no singularity check), nalgebra's
//!   `try_inverse()`.
//! - `det`: `a.det()`, glam's `determinant()`, nalgebra's `determinant()`.
//! - `solve`: `a.solve(&b)` for one right-hand side (an `Option`); glam has no solver, so its
//!   entry is `inverse() * b`; nalgebra's `lu().solve(&b)`.
//!
//! The results of `inv` and `solve`, `Option`s for tensor and nalgebra, reach `black_box` as
//! the matrix they hold (`.map(black_box)`), as code that matches on the result uses them:
//! moving the whole `Option` through `black_box` copies it from a misaligned offset (its
//! payload follows the tag), which stalled store forwarding and measured that copy rather than
//! the inverse (22% of tensor's 4x4 `f32` time in `perf annotate`, and nalgebra's alike).
//!
//! `cargo bench -p tensor-bench --bench small_linalg` (about a minute); a filter such as
//! `inv_f32/4` runs one case. `python3 benches/ratio_report.py LOG...` prints the table.

#[allow(dead_code)] // `common::criterion` is replaced by a shorter configuration.
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use nalgebra::SMatrix;
use tensor::Tensor;

/// Shorter than `common::criterion()`: 54 groups of three functions, each a few nanoseconds.
fn criterion() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(150))
        .measurement_time(Duration::from_millis(400))
        .sample_size(20)
        .configure_from_args()
}

macro_rules! bench_size {
    ($c:expr, $t:ident, $n:literal, $Mat:ty, $Vec:ty) => {{
        const N: usize = $n;
        let v = |i: usize| common::value(i + 7 * N) as $t;
        // Random entries plus a diagonal shift: comfortably invertible.
        let a = Tensor::<$t, N, N>::from_fn(|i, j| v(i * N + j) + if i == j { 2.0 } else { 0.0 });
        let b = Tensor::<$t, N, 1>::from_fn(|i, _| v(100 + i));
        let na = SMatrix::<$t, N, N>::from_fn(|i, j| a[(i, j)]);
        let nb = SMatrix::<$t, N, 1>::from_fn(|i, _| b[(i, 0)]);
        // glam is column-major: column j is `a`'s column j.
        let cols: [[$t; N]; N] = std::array::from_fn(|j| std::array::from_fn(|i| a[(i, j)]));
        let g = <$Mat>::from_cols_array_2d(&cols);
        let gb = <$Vec>::from_array(std::array::from_fn(|i| b[(i, 0)]));
        let t = stringify!($t);

        let mut group = $c.benchmark_group(format!("inv_{t}/{N}"));
        group.bench_function(BenchmarkId::new("tensor", N), |bn| {
            bn.iter(|| black_box(&a).inv().map(black_box))
        });
        group.bench_function(BenchmarkId::new("glam", N), |bn| {
            bn.iter(|| black_box(black_box(g).inverse()))
        });
        group.bench_function(BenchmarkId::new("nalgebra", N), |bn| {
            bn.iter(|| black_box(na).try_inverse().map(black_box))
        });
        group.finish();

        let mut group = $c.benchmark_group(format!("det_{t}/{N}"));
        group.bench_function(BenchmarkId::new("tensor", N), |bn| {
            bn.iter(|| black_box(black_box(&a).det()))
        });
        group.bench_function(BenchmarkId::new("glam", N), |bn| {
            bn.iter(|| black_box(black_box(g).determinant()))
        });
        group.bench_function(BenchmarkId::new("nalgebra", N), |bn| {
            bn.iter(|| black_box(black_box(na).determinant()))
        });
        group.finish();

        let mut group = $c.benchmark_group(format!("solve_{t}/{N}"));
        group.bench_function(BenchmarkId::new("tensor", N), |bn| {
            bn.iter(|| black_box(&a).solve(black_box(&b)).map(black_box))
        });
        group.bench_function(BenchmarkId::new("glam", N), |bn| {
            bn.iter(|| black_box(black_box(g).inverse() * black_box(gb)))
        });
        group.bench_function(BenchmarkId::new("nalgebra", N), |bn| {
            bn.iter(|| black_box(na).lu().solve(black_box(&nb)).map(black_box))
        });
        group.finish();
    }};
}

fn main() {
    let mut c = criterion();
    bench_size!(c, f32, 2, glam::Mat2, glam::Vec2);
    bench_size!(c, f32, 3, glam::Mat3, glam::Vec3);
    bench_size!(c, f32, 4, glam::Mat4, glam::Vec4);
    bench_size!(c, f64, 2, glam::DMat2, glam::DVec2);
    bench_size!(c, f64, 3, glam::DMat3, glam::DVec3);
    bench_size!(c, f64, 4, glam::DMat4, glam::DVec4);
    c.final_summary();
}
