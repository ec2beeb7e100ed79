//! A freestanding program that uses `tensor` with no `std` and no allocator.
#![no_std]
#![no_main]

use core::panic::PanicInfo;

use tensor::prelude::*;
use tensor::rand::distr::Uniform;
use tensor::rand::rngs::SmallRng;
use tensor::rand::{RngExt, SeedableRng};
use tensor::rand_distr::StandardNormal;

/// Runs a little of everything; the result (9 + 7 + 4 + 18 + 20 + 1 = 59) is the exit code.
/// `sqrt` goes through `libm` here (no `std`); `f32` `exp` through the SSE2 kernel, chosen
/// at compile time from the target's features (no runtime detection without `std`).
fn work() -> i32 {
    // Random tensors from a seeded generator (feature `rand`, no_std).
    let mut rng = SmallRng::seed_from_u64(7);
    let u: Tensor<f32, 4, 4> = rng.random();
    let n: Tensor<f64, 2, 8> = rng.sample(StandardNormal);
    let d = Tensor::<u8, 2, 2>::random_using(Uniform::new(3, 4).unwrap(), &mut rng);
    if !u.iter().all(|x| (0.0..1.0).contains(x))
        || !n.iter().all(|x| x.is_finite())
        || d != Tensor::full(3)
    {
        return 1;
    }

    let m = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    let last_col = m.col::<2>();
    let top = Tensor::<i32, 4, 4>::arange().block::<0, 0, 2, 4>();
    let flat: Vector<i32, 16> = Tensor::<i32, 4, 4>::identity().flatten();
    let x = tensor![1.0f32, 4.0, 9.0].map(|v| v * 2.0);
    // [[4, 3]] + [[1], [2]] broadcasts to [[5, 4], [6, 5]]: 20.
    let roots = tensor![[16.0f32, 9.0]].sqrt() + tensor![[1.0f32], [2.0]];
    let one = tensor![0.0f32].exp().sum();
    // An image normalised per channel: (v - 4.5 - c) / sqrt(11.25) peaks at 1.34: 1.
    let img = Tensor3::<f32, 2, 2, 3>::arange();
    let z = (img - img.channel_mean()) / img.channel_std();
    let top_z = one * z.max();
    // Linear algebra and the DSL; each term is 0 when right.
    let gram = tensor!(m.T @ m); // column 0 of m has squared norm 1 + 16 + 49 = 66
    let a = tensor![[2.0f64, 1.0], [1.0, 1.0]]; // det 1
    let linalg = (gram[(0, 0)] - 66)
        + (tensor!(m[.., -1])[(2, 0)] - 9)
        + ((a.det() + 0.5) as i32 - 1)
        + (i32::from(a.inv().is_some()) - 1);
    last_col[(2, 0)]
        + top[(1, 3)]
        + flat.sum()
        + x[2] as i32
        + roots.sum() as i32
        + top_z as i32
        + linalg
}

/// The entry point. The kernel starts a process with `rsp` 16-byte aligned, but a Rust function
/// expects `rsp + 8` to be aligned (the return address of a `call`), and vectorized code
/// spills SSE registers with aligned moves; so `_start` aligns the stack and calls `entry`.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn _start() -> ! {
    core::arch::naked_asm!("xor ebp, ebp", "and rsp, -16", "call {entry}", "ud2", entry = sym entry);
}

extern "C" fn entry() -> ! {
    exit(work())
}

fn exit(code: i32) -> ! {
    // SAFETY: the Linux `exit_group` syscall (231) takes one integer argument and never returns.
    unsafe {
        core::arch::asm!("syscall", in("rax") 231, in("rdi") code, options(noreturn));
    }
}

#[panic_handler]
fn panic(_: &PanicInfo<'_>) -> ! {
    exit(101)
}

/// The unwinding personality routine that the precompiled `core` of this (hosted) target
/// refers to from its unwind tables. With `panic = "abort"` nothing ever unwinds, so it is never
/// called; targets whose `core` is built for `panic = "abort"` (bare-metal ones) do not need it.
#[unsafe(no_mangle)]
pub extern "C" fn rust_eh_personality() {}
