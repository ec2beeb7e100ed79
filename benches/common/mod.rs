//! Shared setup of the benchmarks: a quick criterion configuration and a thread with a large
//! stack (the 256 x 256 tensors and the 1 Mi vectors are values of several MiB).

use std::time::Duration;

use criterion::Criterion;

/// Short warm-up and measurement: the full suite runs in a few minutes. Command-line flags
/// (`--warm-up-time`, `--measurement-time`, `--sample-size`, a name filter) still override.
pub fn criterion() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(700))
        .sample_size(20)
        .configure_from_args()
}

/// Runs `f` on a thread with a 512 MiB stack (only touched pages are committed).
pub fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(f)
        .expect("spawn the benchmark thread")
        .join()
        .expect("the benchmark thread panicked");
}

/// A deterministic value in `[-1, 1)` for index `i` (no generator needed).
pub fn value(i: usize) -> f64 {
    let x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11;
    x as f64 / (1u64 << 52) as f64 - 1.0
}
