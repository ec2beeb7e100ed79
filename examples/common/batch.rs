//! The one shape bound the models need to stay generic over the batch size `N`.
//!
//! `a + b` between tensors broadcasts, and its shape check computes with the dimensions
//! (`tensor::shape::BroadcastWith`). For a concrete batch such as `Tensor<f64, 400, 16>` the
//! compiler proves it on the spot; a function generic over `N` has to ask for it in its `where`
//! clause. `Shape<N, C>: Rows<N, C>` asks for both patterns a training step uses, and its
//! `Output = Shape<N, C>` lets the compiler see that the result is again a `Tensor<T, N, C>`.

use tensor::Shape;
use tensor::shape::BroadcastWith;

/// `(N, C)` combines with a `(1, C)` row (a bias, a column mean) and with another `(N, C)`
/// batch, the result being `(N, C)` both times.
pub trait Rows<const N: usize, const C: usize>:
    BroadcastWith<Shape<1, C>, Output = Shape<N, C>> + BroadcastWith<Shape<N, C>, Output = Shape<N, C>>
{
}

impl<const N: usize, const C: usize> Rows<N, C> for Shape<N, C> where
    Shape<N, C>: BroadcastWith<Shape<1, C>, Output = Shape<N, C>>
        + BroadcastWith<Shape<N, C>, Output = Shape<N, C>>
{
}
