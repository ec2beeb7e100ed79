//! Inner loops over flat row-major slices, shared by the typed operations.

pub(crate) mod matmul;
