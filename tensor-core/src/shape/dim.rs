//! Const-generic dimensions as typenum numbers, for the shape checks that compute.

/// A dimension `N` as a type: the key of the table that maps it to a typenum number
/// ([`ToUInt`]), for the shape checks that compute with dimensions (reshape, slicing).
///
/// ```
/// use tensor_core::shape::U;
/// use typenum::Unsigned;
///
/// assert_eq!(<U<2352> as Unsigned>::USIZE, 2352);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Dim<const N: usize>;

/// The typenum number of a dimension: implemented for `Dim<N>` for every `N` in the table.
///
/// The default table covers `0..=4096`, every power of 2 up to 2^40 and of 10 up to 10^12, and
/// the flattened sizes 9216 (256x6x6), 12288 (64x64x3), 25088 (512x7x7), 50000, 60000 and
/// 150528 (224x224x3): for example 784, 2352 (28x28x3) and 3072 (32x32x3). The feature
/// `wide-dims` adds the multiples of 16 up to 65536, of 1024 up to 2^20 and of 1000 up to 10^5.
///
/// Why not always the wide table: each entry is one `impl ToUInt for Dim<N>`, and rustc's
/// coherence check compares every impl on `Dim<_>` with every other one (the const argument
/// does not keep them apart), so the cost grows with the square of the table. The default's
/// 4140 impls keep a user's clean `cargo check` below nalgebra's for the same program; the
/// wide table's 8990 cost several more seconds, once per clean build of `tensor-core`
/// (BENCHMARKS.md, "First contact").
///
/// On targets with a 32-bit `usize` (Cortex-M, RISC-V 32, wasm32) the entries above
/// `u32::MAX` are left out, and with a 16-bit `usize` (MSP430, AVR) those above `u16::MAX`:
/// such a dimension cannot be written there at all (`Dim<4294967296>` is a compile error,
/// "literal out of range for `usize`", naming it).
///
/// ```
/// use tensor_core::shape::{Dim, ToUInt};
/// use typenum::{U784, Same};
///
/// fn is<A: Same<B>, B>() {}
/// is::<<Dim<784> as ToUInt>::Output, U784>();
/// ```
#[diagnostic::on_unimplemented(
    message = "the dimension in `{Self}` is outside the range that shape checks compute with",
    label = "this operation checks its shapes with arithmetic on this dimension",
    note = "covered: 0..=4096, powers of 2 and of 10, 9216, 12288, 25088, 50000, 60000, 150528; \
            the feature `wide-dims` adds multiples of 16 up to 65536, of 1024 up to 2^20, of 1000 \
            up to 10^5; operations that need no arithmetic (indexing, `+=`, `map`) work for every \
            dimension"
)]
pub trait ToUInt {
    /// The typenum number.
    type Output;
}

/// The typenum number of the dimension `N`, for shape checks written with typenum arithmetic.
///
/// ```
/// use tensor_core::shape::U;
/// use typenum::{Prod, Unsigned};
///
/// assert_eq!(<U<784> as Unsigned>::USIZE, 784);
/// assert_eq!(<Prod<U<28>, U<28>> as Unsigned>::USIZE, 784);
/// ```
pub type U<const N: usize> = <Dim<N> as ToUInt>::Output;

#[cfg(not(feature = "wide-dims"))]
tensor_macros::__dim_table!();
#[cfg(feature = "wide-dims")]
tensor_macros::__dim_table!(wide);
