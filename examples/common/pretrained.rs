//! The classifier of `pretrained.rs`, trained in NumPy by `export_weights.py`: a two-layer
//! network `2 -> 32 -> 3` (ReLU, then one logit per class). Its weights come three ways: embedded
//! at compile time from `.npy` files, or read at run time from `.npz` or safetensors. Every
//! layer size is in the types, so weights of other sizes fail to compile (embedded) or to load
//! (at run time, with an error naming the file and both shapes).

use tensor::io::{DataError, NpzFile, SafeTensorsFile};
use tensor::prelude::*;

pub const HIDDEN: usize = 32;
pub const CLASSES: usize = 3;

/// The network's parameters, shaped as NumPy's arrays (the biases are 1-D: broadcasting rows).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Classifier {
    pub w1: Tensor<f32, 2, HIDDEN>,
    pub b1: RowVector<f32, HIDDEN>,
    pub w2: Tensor<f32, HIDDEN, CLASSES>,
    pub b2: RowVector<f32, CLASSES>,
}

/// The weights embedded in the binary: read while compiling, their shapes and element type
/// taken from the files, checked against the fields' types. No file is needed at run time.
pub const EMBEDDED: Classifier = Classifier {
    w1: include_npy!("examples/weights/w1.npy"),
    b1: include_npy!("examples/weights/b1.npy"),
    w2: include_npy!("examples/weights/w2.npy"),
    b2: include_npy!("examples/weights/b2.npy"),
};

impl Classifier {
    /// Reads the weights from `np.savez(path, w1=.., b1=.., w2=.., b2=..)`.
    pub fn from_npz(path: &str) -> Result<Self, DataError> {
        let mut npz = NpzFile::open(path)?;
        Ok(Self {
            w1: npz.get("w1")?,
            b1: npz.get("b1")?,
            w2: npz.get("w2")?,
            b2: npz.get("b2")?,
        })
    }

    /// Reads the weights from a safetensors file holding `w1`, `b1`, `w2`, `b2`.
    pub fn from_safetensors(path: &str) -> Result<Self, DataError> {
        let st = SafeTensorsFile::open(path)?;
        Ok(Self {
            w1: st.get("w1")?,
            b1: st.get("b1")?,
            w2: st.get("w2")?,
            b2: st.get("b2")?,
        })
    }

    /// The logits of a batch of any size: `relu(x @ w1 + b1) @ w2 + b2`.
    pub fn logits<const N: usize>(&self, x: &Tensor<f32, N, 2>) -> Tensor<f32, N, CLASSES> {
        let (w1, w2) = (self.w1, self.w2);
        let hidden = tensor!(x @ w1 + self.b1).relu(); // (N, 2) @ (2, 32) + (1, 32)
        tensor!(hidden @ w2 + self.b2) // (N, 32) @ (32, 3) + (1, 3)
    }

    /// The most likely class of each point.
    pub fn predict<const N: usize>(&self, x: &Tensor<f32, N, 2>) -> ColVector<usize, N> {
        self.logits(x).argmax_axis::<1>()
    }
}
