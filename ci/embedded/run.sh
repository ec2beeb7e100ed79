#!/usr/bin/env bash
# Builds the firmware for the Cortex-M4F with Debian's Rust (`-Z build-std=core`), runs it on
# QEMU's mps2-an386 and requires every check to pass (exit status 0); then checks that the
# checks can fail (a corrupted expected value must give exit status 1), that a dimension a
# 32-bit `usize` cannot hold is a compile error naming it, and prints the firmware's size.
# Needs: rustc-web cargo-web rust-web-src, qemu-system-arm, binutils-arm-none-eabi (.ci/run
# installs them).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${EMBEDDED_TARGET_DIR:-$PWD/target}"
cargo=(/usr/bin/cargo build --release --locked -Z build-std=core)
bin="$CARGO_TARGET_DIR/thumbv7em-none-eabihf/release/embedded-check"
run() {
    timeout 120 qemu-system-arm -cpu cortex-m4 -machine mps2-an386 -nographic \
        -semihosting-config enable=on,target=native -kernel "$bin"
}

"${cargo[@]}"
echo "firmware size (text = flash, data + bss = static RAM):"
arm-none-eabi-size "$bin"
run

echo "--- a wrong result must fail:"
"${cargo[@]}" --features corrupt
set +e
out=$(run)
code=$?
set -e
echo "$out"
if [ "$code" -ne 1 ] || ! grep -q "MLP.*FAILED" <<<"$out"; then
    echo "error: the corrupted firmware exited with $code instead of failing the MLP check"
    exit 1
fi

echo "--- a dimension beyond a 32-bit usize must be a compile error naming it:"
if err=$("${cargo[@]}" --features wide-dimension 2>&1); then
    echo "error: a tensor with 2^32 columns compiled for a 32-bit target"
    exit 1
fi
grep -F "the literal \`4294967296\` does not fit into the type \`usize\`" <<<"$err"
echo "embedded check passed"
