//! Losses of a prediction against a target of the same shape, as scalars: the mean squared
//! error and the cross-entropy of logits. Both are differentiable in `grad!`, with fused
//! backward rules (`autodiff::mse_lhs`, `autodiff::cross_entropy_logits`, ...).

use num_traits::Float;

use super::math::{EXP_BLOCK, short_lanes, sum_exp};
use crate::kernels::reduce::{count, fold, fold_zip, max_nan, sum};
use crate::shape::Dims;
use crate::{Array, Element};

/// Squared differences are summed in blocks of this many elements, each block with the
/// accurate sum of `mean` (no buffer of the tensor's size on the stack).
const BLOCK: usize = 256;

impl<T: Element + Float, S: Dims> Array<T, S> {
    /// The mean squared error against `target`: `mean((self - target)^2)`, NumPy's
    /// `np.mean((pred - target) ** 2)` and PyTorch's `F.mse_loss(pred, target)`. NaN for an
    /// empty tensor.
    ///
    /// No temporary of the tensor's size is made: the squared differences are summed in
    /// blocks of 256, each with the accurate sum behind [`mean`](Self::mean). In `grad!`, the
    /// gradient of `pred` is `2 (pred - target) / n`.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let pred = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// let target = Tensor::from([[1.0, 0.0], [3.0, 5.0]]);
    /// assert_eq!(pred.mse(&target), (0.0 + 4.0 + 0.0 + 1.0) / 4.0);
    /// ```
    #[must_use]
    pub fn mse(&self, target: &Self) -> T {
        let (a, b) = (self.as_flat(), target.as_flat());
        let mut block = [T::zero(); BLOCK];
        let mut total = T::zero();
        for (ca, cb) in a.chunks(BLOCK).zip(b.chunks(BLOCK)) {
            let d = &mut block[..ca.len()];
            for ((d, &x), &y) in d.iter_mut().zip(ca).zip(cb) {
                *d = (x - y) * (x - y);
            }
            total = total + sum(d);
        }
        total / count(a.len())
    }

    /// The cross-entropy of logits against target probabilities along the last axis, averaged
    /// over the other axes: `-sum(target * self.log_softmax()) / lanes`, with `lanes` the
    /// number of rows of a matrix (the batch). PyTorch's `F.cross_entropy(logits, target)`
    /// with class probabilities (one-hot rows for class labels). NaN for zero rows.
    ///
    /// Computed from the logits, stably: each row's `logsumexp` is taken after subtracting its
    /// maximum, so large logits neither overflow nor lose the loss to rounding, and no
    /// probability is formed (a `softmax` then `ln` underflows to `-inf` for confident wrong
    /// predictions). As with `log_softmax`, a `-inf` logit where the target is 0 gives NaN
    /// (`0 * inf`). In `grad!`, the gradient of the logits is
    /// `(softmax(self) * sum(target) - target) / lanes`, per row.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// // Two samples, three classes; the targets are one-hot rows.
    /// let logits = Tensor::from([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]]);
    /// let target = Tensor::from([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]);
    /// let lse = |r: [f64; 3]| r.iter().map(|z| z.exp()).sum::<f64>().ln();
    /// let want = ((lse([2.0, 0.0, 0.0]) - 2.0) + lse([0.0, 0.0, 0.0])) / 2.0;
    /// assert!((logits.cross_entropy(&target) - want).abs() < 1e-15);
    /// ```
    #[must_use]
    pub fn cross_entropy(&self, target: &Self) -> T {
        let width = S::DIMS[S::RANK - 1].max(1);
        let (z, y) = (self.as_flat(), target.as_flat());
        let mut total = T::zero();
        if width <= EXP_BLOCK {
            // Lanes a block at a time, copied into a stack buffer, through the vectorized `exp`
            // and `ln`: with `s = z - max`, `lse - z = ln(sum(exp(s))) - s`.
            let mut buf = [T::zero(); EXP_BLOCK];
            let mut targets = y.chunks_exact(width);
            for block in z.chunks(EXP_BLOCK / width * width) {
                let buf = &mut buf[..block.len()];
                buf.copy_from_slice(block);
                short_lanes::<T, true>(buf, width, |_, shifted, _, ln_sum| {
                    let y = targets.next().expect("as many target lanes as logit lanes");
                    let lane =
                        fold_zip(shifted, y, T::zero(), |s, y| y * (ln_sum - s), |p, q| p + q);
                    total = total + lane;
                });
            }
        } else {
            for (z, y) in z.chunks_exact(width).zip(y.chunks_exact(width)) {
                let lse = logsumexp(z);
                total = total + fold_zip(z, y, T::zero(), |z, y| y * (lse - z), |p, q| p + q);
            }
        }
        total / count(S::SIZE / width)
    }
}

/// `ln(sum(exp(z)))` of one lane, stably: `m + ln(sum(exp(z - m)))` with `m` its maximum (NaN
/// if the lane holds NaN, `-inf` for an all `-inf` lane, `+inf` if it holds `+inf`).
pub(crate) fn logsumexp<T: Float>(z: &[T]) -> T {
    let Some(&first) = z.first() else {
        return T::neg_infinity();
    };
    let m = fold(z, first, |x| x, max_nan);
    if !m.is_finite() {
        return m;
    }
    m + sum_exp(z, m).ln()
}
