#!/usr/bin/env bash
# Builds the npm package into pkg/: the crate for wasm32 (release profile tuned for size), the
# wasm-bindgen ES-module glue (--target web: loads in browsers, and in Node given the bytes),
# wasm-opt -Oz from npm's binaryen, then the hand-written JS/CSS/d.ts from js/. Prints the gzip
# sizes and fails past the budget (wasm + JS + CSS ≤ 100 KiB gzip, issue 3).
# Run scripts/setup-web.sh once before (scripts/demo.sh and scripts/test-web.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
budget=$(( ${CXZY_SIZE_BUDGET_KIB:-100} * 1024 ))

cargo build --release --lib --target wasm32-unknown-unknown
raw=target/wasm32-unknown-unknown/release/cxzy_form.wasm

rm -rf pkg
mkdir -p pkg
wasm-bindgen --target web --out-dir pkg --out-name cxzy_form --no-typescript "$raw"

wasm_opt="$root/pkg-tests/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || { echo "wasm-opt missing: run scripts/setup-web.sh" >&2; exit 1; }
# These features are what rustc emits for wasm32-unknown-unknown; never --all-features (it would
# let wasm-opt use instructions some browsers lack).
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/cxzy_form_bg.wasm -o pkg/cxzy_form_bg.wasm

cp js/*.js js/*.css js/*.d.ts js/package.json pkg/
# The stylesheet also ships as a JS module so the form can adopt it into its Shadow DOM without
# an inline <style> (which a strict Content-Security-Policy blocks) and without a second fetch.
node -e '
  const fs = require("fs");
  const css = fs.readFileSync("pkg/cxzy-form.css", "utf8");
  fs.writeFileSync("pkg/styles.js", "// Generated from cxzy-form.css by scripts/build-pkg.sh.\nexport default " + JSON.stringify(css) + ";\n");
'
[ -f README.md ] && cp README.md pkg/ || true

# www/ serves the package as www/pkg (gitignored) so the demo pages use exactly what ships.
rm -rf www/pkg www/samples
cp -r pkg www/pkg
mkdir -p www/samples
cp samples/stats/*.json samples/stats/*.csv www/samples/ 2>/dev/null || true

gz() { gzip -9c "$@" | wc -c; }
wasm=$(gz pkg/cxzy_form_bg.wasm)
js=0
for f in pkg/*.js; do [ "$f" = pkg/styles.js ] && continue; js=$((js + $(gz "$f"))); done
css=$(gz pkg/cxzy-form.css)
total=$((wasm + js + css))
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
echo "gzip sizes (gzip -9, each file on its own):"
printf '  wasm  %9d B  %s\n' "$wasm" "$(kib "$wasm")"
printf '  JS    %9d B  %s\n' "$js" "$(kib "$js")"
printf '  CSS   %9d B  %s\n' "$css" "$(kib "$css")"
printf '  total %9d B  %s  (budget %s)\n' "$total" "$(kib "$total")" "$(kib "$budget")"
if [ "$total" -gt "$budget" ]; then
  echo "over budget: wasm + JS + CSS must stay within $(kib "$budget") gzip" >&2
  exit 1
fi
