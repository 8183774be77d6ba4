#!/usr/bin/env bash
# Tests of the built package: Node (validate / totals / CSV on the samples) and headless Chromium
# (the form: typing, paste, drafts, files, print, accessibility, CSP, no network), after
# TypeScript's check of js/ (scripts/check-js.sh). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-web.sh
scripts/build-pkg.sh
# TypeScript's checkJs of js/ against the shipped .d.ts (needs the wasm the build made).
scripts/check-js.sh
cd pkg-tests
node --test --test-concurrency=1 node/ browser/
