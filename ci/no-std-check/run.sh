#!/usr/bin/env bash
# Builds and runs the freestanding no_std program; it must exit with the code it computes (59).
set -euo pipefail
cd "$(dirname "$0")"
cargo build --release --locked
bin="${CARGO_TARGET_DIR:-target}/x86_64-unknown-linux-gnu/release/no-std-check"
set +e
"$bin"
code=$?
set -e
echo "no_std check: $(stat -c %s "$bin") bytes, exit code $code"
[ "$code" -eq 59 ]
