//! The interop features' tests, as one binary (`cargo test -p tensor-interop-tests --features
//! interop`): each file beside this one is a module.

mod interop_approx;
mod interop_bytemuck;
mod interop_dynamic;
mod interop_nalgebra;
mod interop_ndarray;
mod interop_rank34;
mod interop_serde;
