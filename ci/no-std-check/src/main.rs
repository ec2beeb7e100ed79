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
    last_col[(2, 0)] + top[(1, 3)] + flat.iter().sum::<i32>() + x[2] as i32
}

#[unsafe(no_mangle)]
pub extern "C" fn _start() -> ! {
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
