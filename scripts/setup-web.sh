#!/usr/bin/env bash
# Installs what building and testing the web package needs; safe to run again (each step is
# skipped when already done): the wasm32 target, wasm-bindgen-cli at the version in Cargo.lock,
# Debian's Chromium (for the browser tests), and pkg-tests' npm packages (playwright-core,
# axe-core, binaryen's wasm-opt and binaryen.js for scripts/trap-panics.mjs) from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen's CLI must match the wasm-bindgen crate exactly.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ -z "$want" ]; then
  echo "Cargo.lock names no wasm-bindgen version" >&2
  exit 1
fi
if [ "$have" != "$want" ]; then
  cargo install wasm-bindgen-cli --version "=$want" --locked || cargo install wasm-bindgen-cli --version "=$want"
fi

# Chromium for the browser tests; pdftotext (poppler-utils) and CJK fonts for the printout tests,
# which compare the PDF's text.
if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  sudo_=""
  [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver poppler-utils fonts-noto-cjk
fi

if [ ! -d pkg-tests/node_modules/playwright-core ] || [ ! -x pkg-tests/node_modules/.bin/wasm-opt ] \
   || [ ! -d pkg-tests/node_modules/axe-core ] || [ ! -d pkg-tests/node_modules/ag-grid-community ] || [ pkg-tests/package-lock.json -nt pkg-tests/node_modules/.package-lock.json ]; then
  (cd pkg-tests && npm ci --no-audit --no-fund)
fi
