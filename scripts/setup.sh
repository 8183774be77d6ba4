#!/usr/bin/env bash
# Installs what the Rust side needs (idempotent): the wasm32 target, so that the core is also
# built for the browser. The web side (wasm-bindgen-cli, Chromium, npm packages) is in
# scripts/setup-web.sh.
set -euo pipefail
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
