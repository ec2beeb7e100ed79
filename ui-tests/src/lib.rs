//! Empty on purpose. trybuild enables the features of the package under test only through a
//! dependency on its library, so this library is what carries `npy` and `safetensors` (and
//! with them the library's `include_npy!`/`include_safetensors!`) into the cases' crate.
