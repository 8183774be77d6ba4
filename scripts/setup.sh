#!/usr/bin/env bash
# Installs what the Rust side needs (idempotent): the wasm32 target, so that the core is also
# built for the browser, and LibreOffice + poppler for the Excel print test. The web side
# (wasm-bindgen-cli, Chromium, npm packages) is in
# scripts/setup-web.sh.
set -euo pipefail
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# tests/excel.rs prints an exported workbook with LibreOffice (headless, to PDF) and reads the PDF's
# text (poppler-utils); fonts-noto-cjk gives the PDF its Chinese glyphs.
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null || [ ! -d /usr/share/fonts/opentype/noto ]; then
  sudo_=""
  [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-noto-cjk
fi
