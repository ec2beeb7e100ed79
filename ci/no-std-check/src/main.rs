//! A freestanding program that uses `tensor` with no `std` and no allocator.
#![no_std]
#![no_main]

use core::panic::PanicInfo;

use tensor::prelude::*;

/// Runs a little of everything; the result (9 + 7 + 4 + 18 = 38) is the exit code.
fn work() -> i32 {
    let m = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    let last_col = m.col::<2>();
    let top = Tensor::<i32, 4, 4>::arange().slice::<0, 0, 2, 4>();
    let flat: Vector<i32, 16> = Tensor::<i32, 4, 4>::identity().flatten();
    let x = tensor![1.0f32, 4.0, 9.0].map(|v| v * 2.0);
    // Linear algebra and the DSL; each term is 0 when right.
    let gram = tensor!(m.T @ m); // column 0 of m has squared norm 1 + 16 + 49 = 66
    let a = tensor![[2.0f64, 1.0], [1.0, 1.0]]; // det 1
    let linalg = (gram[(0, 0)] - 66)
        + (tensor!(m[.., -1])[(2, 0)] - 9)
        + ((a.det() + 0.5) as i32 - 1)
        + (i32::from(a.inv().is_some()) - 1);
    last_col[(2, 0)] + top[(1, 3)] + flat.iter().sum::<i32>() + x[2] as i32 + linalg
}

/// The entry point. The kernel starts a process with `rsp` 16-byte aligned and no return
/// address, while compiled functions expect `rsp + 8` aligned on entry (SSE spills of the
/// float code rely on it), so align the stack and `call` into Rust.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub extern "C" fn _start() -> ! {
    core::arch::naked_asm!("and rsp, -16", "call {main}", "ud2", main = sym main);
}

extern "C" fn main() -> ! {
    let code = work();
    exit(code)
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
