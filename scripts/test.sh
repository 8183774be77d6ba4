#!/usr/bin/env bash
# Every test, from a fresh machine: installs what it needs, then runs the Rust tests (unit,
# rules, CLI, properties), builds the core for wasm32, and runs the package tests in Node and
# headless Chromium. Exit status is non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "== cargo test"
cargo test --locked --all-targets
echo "== the core builds for wasm32-unknown-unknown (the full API, and the statistics form's own module)"
cargo build --locked --lib --target wasm32-unknown-unknown
cargo build --locked --lib --target wasm32-unknown-unknown --no-default-features
echo "== clippy, both feature sets (default: review on; the statistics-only module: off)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
if [ -x scripts/test-web.sh ]; then
  echo "== package tests (Node and headless Chromium)"
  scripts/test-web.sh
fi
echo "== all tests passed"
