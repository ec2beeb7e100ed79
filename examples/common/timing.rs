//! The timing of the examples' `--bench` modes, as their NumPy twins time themselves.

use std::time::Instant;

/// Runs `run` 21 times and returns the median of its times, in milliseconds.
pub fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..21)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2] * 1e3
}
