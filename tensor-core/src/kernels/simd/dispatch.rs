//! Which instruction set runs: chosen at compile time when the build enables one of the SIMD
//! kernels' instruction sets for all of its code ([`STATIC`]: `-C target-cpu=native` on an
//! AVX2 or AVX-512 machine, `-C target-feature=+avx2,+fma`, every aarch64 target with NEON),
//! so that the kernels need no detection and the compiler may inline them into their callers;
//! otherwise detected once at run time with `std`, and chosen by `cfg(target_feature)` at
//! compile time without it.
//!
//! Overrides, for tests and benchmarks: the cargo feature `force-portable` always selects the
//! portable kernel; with `std` and no [`STATIC`] instruction set, the environment variable
//! `TENSOR_KERNEL` (`portable`, `sse2`, `avx2`, `avx512` or `neon`), read once on first use,
//! selects that kernel if this CPU has it (else the best one it has, with a note on standard
//! error).

#[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
use super::neon;
use super::portable::Portable;
#[cfg(target_arch = "x86_64")]
use super::x86;
use super::{Simd, WithSimd};

/// The instruction sets, worst to best (each architecture has only its own and `Portable`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) enum Isa {
    /// Plain Rust the compiler auto-vectorizes, for every target.
    Portable = 1,
    /// x86_64 SSE2 (every x86_64 CPU).
    Sse2 = 2,
    /// x86_64 AVX2 with FMA.
    Avx2 = 3,
    /// x86_64 AVX-512F.
    Avx512 = 4,
    /// aarch64 NEON (Advanced SIMD).
    Neon = 5,
}

impl Isa {
    /// The instruction set named `s` (as `TENSOR_KERNEL` spells it).
    #[cfg(any(feature = "std", test))]
    pub(crate) fn from_name(s: &str) -> Option<Isa> {
        Some(match s.trim() {
            "portable" => Isa::Portable,
            "sse2" => Isa::Sse2,
            "avx2" => Isa::Avx2,
            "avx512" => Isa::Avx512,
            "neon" => Isa::Neon,
            _ => return None,
        })
    }

    /// Whether this machine can run it.
    pub(crate) fn available(self) -> bool {
        match self {
            Isa::Portable => true,
            #[cfg(target_arch = "x86_64")]
            Isa::Sse2 => x86::Sse2::try_new().is_some(),
            #[cfg(target_arch = "x86_64")]
            Isa::Avx2 => x86::Avx2::try_new().is_some(),
            #[cfg(target_arch = "x86_64")]
            Isa::Avx512 => x86::Avx512::try_new().is_some(),
            #[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
            Isa::Neon => neon::Neon::try_new().is_some(),
            _ => false,
        }
    }

    /// The best available instruction set no better than `self`.
    pub(crate) fn best_up_to(self) -> Isa {
        [Isa::Neon, Isa::Avx512, Isa::Avx2, Isa::Sse2]
            .into_iter()
            .find(|&isa| isa <= self && isa.available())
            .unwrap_or(Isa::Portable)
    }

    /// The instruction set stored as `isa as u8` (0, "not chosen yet", never reaches here).
    #[cfg(all(feature = "std", not(feature = "force-portable")))]
    fn from_u8(v: u8) -> Isa {
        match v {
            5 => Isa::Neon,
            4 => Isa::Avx512,
            3 => Isa::Avx2,
            2 => Isa::Sse2,
            _ => Isa::Portable,
        }
    }
}

/// The instruction set the build enables for all of its code, if it is one the kernels
/// prefer to detecting: AVX-512F (with AVX-512VL, AVX2 and FMA), else AVX2 with FMA, on x86_64; NEON on
/// aarch64. A build for an older baseline (SSE2 only, x86_64's default) detects at run time.
#[cfg_attr(feature = "force-portable", allow(dead_code))]
pub(crate) const STATIC: Option<Isa> = if cfg!(feature = "force-portable") {
    None
} else if cfg!(all(
    target_arch = "x86_64",
    target_feature = "avx512f",
    target_feature = "avx512vl",
    target_feature = "avx2",
    target_feature = "fma"
)) {
    Some(Isa::Avx512)
} else if cfg!(all(
    target_arch = "x86_64",
    target_feature = "avx2",
    target_feature = "fma"
)) {
    Some(Isa::Avx2)
} else if cfg!(all(target_arch = "aarch64", target_feature = "neon")) {
    Some(Isa::Neon)
} else {
    None
};

/// The best instruction set of this machine, ignoring overrides.
pub(crate) fn detect() -> Isa {
    Isa::Neon.best_up_to()
}

/// The instruction set the kernels use.
#[cfg(feature = "force-portable")]
#[inline]
pub(crate) fn active() -> Isa {
    Isa::Portable
}

/// The instruction set the kernels use: the [`STATIC`] one, else detected (or read from
/// `TENSOR_KERNEL`) once.
#[cfg(all(feature = "std", not(feature = "force-portable")))]
#[inline]
pub(crate) fn active() -> Isa {
    use core::sync::atomic::{AtomicU8, Ordering};
    if let Some(isa) = STATIC {
        return isa;
    }
    static ACTIVE: AtomicU8 = AtomicU8::new(0);
    match ACTIVE.load(Ordering::Relaxed) {
        0 => {
            let isa = choose(std::env::var("TENSOR_KERNEL").ok().as_deref());
            ACTIVE.store(isa as u8, Ordering::Relaxed);
            isa
        }
        v => Isa::from_u8(v),
    }
}

/// The instruction set for a `TENSOR_KERNEL` value (or none).
#[cfg(feature = "std")]
#[cfg_attr(feature = "force-portable", allow(dead_code))]
pub(crate) fn choose(requested: Option<&str>) -> Isa {
    let Some(name) = requested else {
        return detect();
    };
    match Isa::from_name(name) {
        Some(isa) if isa.available() => isa,
        Some(isa) => {
            let best = isa.best_up_to();
            std::eprintln!("tensor: TENSOR_KERNEL={name}: this CPU lacks it, using {best:?}");
            best
        }
        None => {
            std::eprintln!(
                "tensor: TENSOR_KERNEL={name} is not one of portable, sse2, avx2, avx512, neon; ignored"
            );
            detect()
        }
    }
}

/// The instruction set the kernels use: the [`STATIC`] one, else the best the compilation
/// target enables.
#[cfg(not(any(feature = "std", feature = "force-portable")))]
#[inline]
pub(crate) fn active() -> Isa {
    match STATIC {
        Some(isa) => isa,
        None => detect(),
    }
}

/// `op` run on the active instruction set (see [`Simd::vectorize`]). With a [`STATIC`]
/// instruction set, `active()` is a constant: the match folds to its arm, and the kernel's
/// `#[target_feature]` function, compiled with features the caller has too, can be inlined.
#[inline]
pub(crate) fn with_active<Op: WithSimd>(op: Op) -> Op::Output {
    // SAFETY (each arm): `active` returns an instruction set only when its token's `try_new()`
    // succeeded on this CPU, or when the build enables its features for all of its code
    // (`STATIC`), so that every CPU running this code has them.
    match active() {
        #[cfg(target_arch = "x86_64")]
        Isa::Avx512 => unsafe { x86::Avx512::new_unchecked() }.vectorize(op),
        #[cfg(target_arch = "x86_64")]
        Isa::Avx2 => unsafe { x86::Avx2::new_unchecked() }.vectorize(op),
        #[cfg(target_arch = "x86_64")]
        Isa::Sse2 => unsafe { x86::Sse2::new_unchecked() }.vectorize(op),
        #[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
        Isa::Neon => unsafe { neon::Neon::new_unchecked() }.vectorize(op),
        _ => Portable::new().vectorize(op),
    }
}

/// `body()` compiled for the active instruction set (one [`with_active`]): code that is
/// generic over no vector type (plain loops over slices, the compiler vectorizing them)
/// compiled with the widest vectors this CPU has, where a default x86-64 build would run it
/// on SSE2.
///
/// `body` must be an `#[inline(always)]` closure (the attribute is allowed on a closure
/// written as the argument, not in a `let`): only code inlined into the instruction set's
/// `#[target_feature]` function is compiled for it, and the compiler otherwise may keep a
/// large body out of line (the fused pass's broadcast runs were 7-10% slower at 64 Ki
/// elements that way, on SSE2).
#[inline]
pub(crate) fn on_active<R>(body: impl FnOnce() -> R) -> R {
    with_active(Body(body))
}

/// The closure of [`on_active`] as an operation on an instruction set.
struct Body<F>(F);

impl<R, F: FnOnce() -> R> WithSimd for Body<F> {
    type Output = R;

    #[inline(always)]
    fn with_simd<S: Simd>(self, _: S) -> R {
        (self.0)()
    }
}

/// The rows of the active instruction set's `gemm` tile ([`Simd::GEMM_MR`]).
pub(crate) fn gemm_mr() -> usize {
    match active() {
        #[cfg(target_arch = "x86_64")]
        Isa::Avx512 => x86::Avx512::GEMM_MR,
        #[cfg(target_arch = "x86_64")]
        Isa::Avx2 => x86::Avx2::GEMM_MR,
        #[cfg(target_arch = "x86_64")]
        Isa::Sse2 => x86::Sse2::GEMM_MR,
        #[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
        Isa::Neon => neon::Neon::GEMM_MR,
        _ => Portable::GEMM_MR,
    }
}
