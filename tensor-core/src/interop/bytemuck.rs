//! `bytemuck` (feature `bytemuck`): tensors of plain-old-data elements are plain old data.
//!
//! `Tensor<T, R, C>` is `#[repr(transparent)]` over `[[T; C]; R]`, so it has exactly the
//! layout of `R * C` consecutive `T`s, with no padding. That makes zero-copy casts possible:
//! a byte buffer or a flat `&[f32]` viewed as `&[Tensor<f32, 28, 28>]` (a batch of images),
//! or a tensor viewed as its bytes.

use bytemuck::{Pod, TransparentWrapper, Zeroable};

use crate::Tensor;

// SAFETY: `Tensor<T, R, C>` is `repr(transparent)` over `[[T; C]; R]`, which is `Zeroable`
// when `T` is: the all-zero bit pattern is a valid tensor.
unsafe impl<T: Zeroable, const R: usize, const C: usize> Zeroable for Tensor<T, R, C> {}

// SAFETY: `repr(transparent)` over `[[T; C]; R]`, which is `Pod` when `T` is (arrays have no
// padding and every bit pattern of each `T` is valid); `Tensor` is `Copy` and `'static` when
// `T: Pod`, and has no other fields, invariants or interior mutability.
/// A tensor of plain-old-data elements is plain old data, with the layout of `R * C`
/// consecutive elements in row-major order.
///
/// ```
/// use tensor_core::Tensor;
///
/// let pixels: Vec<f32> = (0..2 * 784).map(|k| k as f32).collect();
/// let images: &[Tensor<f32, 28, 28>] = bytemuck::cast_slice(&pixels); // no copy
/// assert_eq!(images.len(), 2);
/// assert_eq!(images[1][(0, 0)], 784.0);
/// ```
unsafe impl<T: Pod, const R: usize, const C: usize> Pod for Tensor<T, R, C> {}

// SAFETY: `Tensor<T, R, C>` is `repr(transparent)` over exactly one field of type
// `[[T; C]; R]`, and has no invariants beyond those of its field.
unsafe impl<T, const R: usize, const C: usize> TransparentWrapper<[[T; C]; R]> for Tensor<T, R, C> {}
