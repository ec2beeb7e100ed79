//! The image example's pipeline (`examples/images.rs`): per-channel normalisation of a batch,
//! flattening and a dense layer, checked against naive f64 loops.
//!
//! Tolerances: the pipeline runs in f32; statistics and logits are compared with 1e-4
//! (normalised values are of order 1, logits of order 10 at most).

#[path = "../examples/images.rs"]
mod example;

use example::{C, CLASSES, FEATURES, H, N, W};

#[test]
fn normalised_channels_have_mean_0_and_std_1() {
    let batch = example::synthetic_batch();
    let out = example::pipeline(&batch);
    for c in 0..C {
        let values: Vec<f64> = out
            .normalised
            .iter()
            .skip(c)
            .step_by(C)
            .map(|&x| x as f64)
            .collect();
        assert_eq!(values.len(), N * H * W);
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let var = values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / values.len() as f64;
        assert!(mean.abs() < 1e-5, "channel {c}: mean {mean}");
        assert!(
            (var.sqrt() - 1.0).abs() < 1e-4,
            "channel {c}: std {}",
            var.sqrt()
        );
    }
    // The input channels really differed, so the normalisation did something.
    let before = batch.channel_mean();
    assert!((before[(0, 0, 0, 0)] - before[(0, 0, 0, 2)]).abs() > 10.0);
}

#[test]
fn flattening_keeps_each_image_in_one_row() {
    let batch = example::synthetic_batch();
    let out = example::pipeline(&batch);
    assert_eq!(out.flat.shape(), (N, FEATURES));
    for n in [0, 3, 7] {
        for (i, j, c) in [(0, 0, 0), (2, 5, 1), (7, 7, 2)] {
            assert_eq!(
                out.flat[(n, (i * W + j) * C + c)],
                out.normalised[(n, i, j, c)]
            );
        }
    }
}

#[test]
fn dense_layer_and_softmax_match_a_naive_reference() {
    let out = example::pipeline(&example::synthetic_batch());
    let (w, b) = example::dense_layer();
    assert_eq!(out.logits.shape(), (N, CLASSES));
    for n in 0..N {
        for j in 0..CLASSES {
            let want: f64 = (0..FEATURES)
                .map(|k| out.flat[(n, k)] as f64 * w[(k, j)] as f64)
                .sum::<f64>()
                + b[j] as f64;
            let got = out.logits[(n, j)] as f64;
            assert!(
                (got - want).abs() < 1e-4,
                "logit ({n}, {j}): {got} vs {want}"
            );
        }
        let row: Vec<f64> = (0..CLASSES).map(|j| out.logits[(n, j)] as f64).collect();
        let max = row
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, crate::common::fmax);
        let total: f64 = row.iter().map(|x| (x - max).exp()).sum();
        for (j, x) in row.iter().enumerate() {
            let want = (x - max).exp() / total;
            assert!((out.probabilities[(n, j)] as f64 - want).abs() < 1e-6);
        }
    }
    // The logits are not all alike (the layer sees the images).
    assert!(out.logits.std() > 0.05);
}
