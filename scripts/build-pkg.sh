#!/usr/bin/env bash
# Builds the npm package into pkg/ and copies it to www/pkg for the demo:
#  * the crate for wasm32 twice: the full API (cxzy_form_bg.wasm, loaded by `init()`) with profile
#    `wasm-fast` (Cargo.toml: opt-level 2, LTO, one codegen unit, panic=abort; then wasm-opt -O3), and
#    with `--no-default-features` (no `review` feature) the statistics form's own module
#    (cxzy_stats_bg.wasm, loaded by <cxzy-stats-form>: no review entries/roster/coverage/roll-up,
#    which the form never calls) with profile `wasm`, tuned for size (opt-level "z", wasm-opt -Oz);
#  * wasm-bindgen's ES-module glue (--target web: browsers, and Node given the bytes);
#  * the panic paths trapping at once (scripts/trap-panics.mjs), then wasm-opt (npm's binaryen); the hand-written JS minified by esbuild, the CSS, the d.ts.
# Prints the gzip sizes at every build and fails when what the embedded form downloads
# (wasm + JS + CSS) is over 100 KiB gzip (issue 3). CXZY_SIZE_BUDGET_KIB changes the budget;
# CXZY_SIZE_BUDGET=warn only warns (scripts/demo.sh, so the demo always starts).
# Needs scripts/setup-web.sh once (scripts/demo.sh and scripts/test-web.sh run it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
budget=$(( ${CXZY_SIZE_BUDGET_KIB:-100} * 1024 ))
bin="$root/pkg-tests/node_modules/.bin"
[ -x "$bin/wasm-opt" ] && [ -x "$bin/esbuild" ] || { echo "wasm-opt/esbuild missing: run scripts/setup-web.sh" >&2; exit 1; }

cargo build --profile wasm-fast --lib --target wasm32-unknown-unknown
# Its own target dir: both builds write the same file name (cxzy_form.wasm).
cargo build --profile wasm --lib --target wasm32-unknown-unknown --no-default-features --target-dir target/wasm-stats

# Built in a directory of its own, then swapped in: another build or a test running at the same
# time never sees a half-written pkg/ (the same for www/pkg below).
out=target/pkg-build.$$
rm -rf "$out"
mkdir -p "$out"
stage=target/pkg-js.$$
trap 'rm -rf "$out" "$stage"' EXIT
# (wasm-bindgen warns that strip=true removed the target_features section: the features are
# given to wasm-opt explicitly below.)
wasm-bindgen --target web --out-dir "$out" --out-name cxzy_form --no-typescript \
  target/wasm32-unknown-unknown/wasm-fast/cxzy_form.wasm 2>&1 | grep -v target_features || true
wasm-bindgen --target web --out-dir "$out" --out-name cxzy_stats --no-typescript \
  target/wasm-stats/wasm32-unknown-unknown/wasm/cxzy_form.wasm 2>&1 | grep -v target_features || true
# A panic traps at once instead of formatting a message nobody can read (scripts/trap-panics.mjs).
node scripts/trap-panics.mjs "$out/cxzy_form_bg.wasm" "$out/cxzy_stats_bg.wasm"
for w in "$out/cxzy_form_bg.wasm:-O3" "$out/cxzy_stats_bg.wasm:-Oz"; do
  # The features rustc emits for wasm32-unknown-unknown; never the all-features switch (it would let
  # wasm-opt use instructions some browsers lack).
  "$bin/wasm-opt" "${w##*:}" --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "${w%:*}" -o "${w%:*}"
done

# One ES module, index.js: js/ and the form module's glue bundled and minified. The stylesheet
# goes in as a string, adopted into the Shadow DOM — no inline <style> (a strict CSP blocks
# those) and no second fetch. The full API's glue stays a separate file, imported by init().
rm -rf "$stage"
mkdir -p "$stage"
cp js/*.js "$stage/"
cp $out/cxzy_stats.js "$stage/"
# The catalogue's words no wasm answers for at run time, read from the built modules now: what an
# element says when its wasm cannot load (load-words.js), and the statistics form's words of the
# locales its own wasm leaves out (more-words.js, in stats-more.js). js/ has stand-ins.
node scripts/catalogue-words.mjs "$out" "$stage"
# Each stylesheet ships whole: js/base.css (what both forms share) in front of its own rules, as a
# file in the package and as a string module for the bundles (minified by esbuild: bytes the page downloads).
for pair in cxzy-form.css:styles.js review-entry.css:review-styles.js rollup.css:rollup-styles.js; do
  cat js/base.css "js/${pair%%:*}" > "$out/${pair%%:*}"
  "$bin/esbuild" --loader=css --minify --log-level=warning < "$out/${pair%%:*}" | node -e '
    const fs = require("fs");
    fs.writeFileSync(process.argv[1], "export default " + JSON.stringify(fs.readFileSync(0, "utf8")) + ";\n");
  ' "$stage/${pair##*:}"
done
"$bin/esbuild" "$stage/index.js" --bundle --minify --format=esm --target=es2020 --log-level=warning \
  --external:./cxzy_form.js --external:./review.js --external:./rollup.js --external:./excel.js --external:./packed.js --external:./stats-more.js --outfile=$out/index.js
# packed.js: how the full API hands document objects to the wasm as numbers; init() loads it with
# cxzy_form.js, so the embedded form does not download it.
"$bin/esbuild" "$stage/packed.js" --minify --format=esm --target=es2020 --log-level=warning --outfile=$out/packed.js
# stats-more.js: the statistics form's second module (keyboard travel, paste, undo, export checks,
# files, the other locales' words), loaded when the clerk starts working in the form (an English
# form: at once). Self-contained: it bundles only its words (more-words.js), the first module
# hands it the rest.
"$bin/esbuild" "$stage/stats-more.js" --bundle --minify --format=esm --target=es2020 --log-level=warning \
  --external:./index.js --external:./cxzy_form.js --external:./excel.js --outfile=$out/stats-more.js
# review.js (cxzy-form/review): the 领导点评登记表 and the coverage view, a second module that
# <cxzy-review-entry> imports when it is on a page — not part of the statistics form's download.
# It imports index.js (external) so both share one loaded wasm.
"$bin/esbuild" "$stage/review.js" --bundle --minify --format=esm --target=es2020 --log-level=warning \
  --external:./index.js --external:./cxzy_form.js --outfile=$out/review.js
# rollup.js (<cxzy-rollup>, the receiving office): the same, imported when the first element connects.
"$bin/esbuild" "$stage/rollup.js" --bundle --minify --format=esm --target=es2020 --log-level=warning \
  --external:./index.js --external:./excel.js --external:./cxzy_form.js --outfile=$out/rollup.js
# excel.js (cxzy-form/excel): .xlsx in and out, imported by the form when a clerk opens or saves a
# workbook; it reads with the full wasm (readSheet), which it loads through init().
"$bin/esbuild" "$stage/excel.js" --bundle --minify --format=esm --target=es2020 --log-level=warning \
  --external:./index.js --external:./cxzy_form.js --outfile=$out/excel.js
"$bin/esbuild" $out/cxzy_form.js --minify --format=esm --target=es2020 --log-level=warning --outfile=$out/cxzy_form.js --allow-overwrite
rm $out/cxzy_stats.js
cp js/index.d.ts js/review.d.ts js/excel.d.ts js/package.json $out/
if [ -f README.md ]; then cp README.md "$out/"; fi

old=target/pkg-old.$$
[ -d pkg ] && mv pkg "$old"
mv "$out" pkg
rm -rf "$old"

# www/ serves the package as www/pkg (gitignored) so the demo pages use exactly what ships.
rm -rf "target/www-pkg.$$" www/samples
cp -r pkg "target/www-pkg.$$"
[ -d www/pkg ] && mv www/pkg "$old"
mv "target/www-pkg.$$" www/pkg
rm -rf "$old"
mkdir -p www/samples
cp samples/stats/*.json samples/stats/*.csv www/samples/ 2>/dev/null || true
# The review samples for www/review.html's “load the sample” buttons.
mkdir -p www/samples/review
cp samples/review/*.json www/samples/review/
# The sub-units' tables for www/rollup.html, with a list of each batch's files (index.json).
for b in 1 2; do
  mkdir -p "www/samples/rollup/batch$b"
  cp samples/rollup/batch$b/*.json samples/rollup/batch$b/*.csv "www/samples/rollup/batch$b/" 2>/dev/null || true
  node -e 'const fs = require("fs"); const d = process.argv[1];
    fs.writeFileSync(d + "/index.json", JSON.stringify(fs.readdirSync(d).filter((n) => n !== "index.json").sort()) + "\n");' "www/samples/rollup/batch$b"
done

gz() { local n=0 f; for f in "$@"; do n=$((n + $(gzip -9c "$f" | wc -c))); done; echo "$n"; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
# index.js carries the CSS as a string: measured apart, so the three figures add up.
wasm=$(gz pkg/cxzy_stats_bg.wasm)
css=$(gz pkg/cxzy-form.css)
js=$(( $(gz pkg/index.js) ))
total=$((wasm + js))
full_wasm=$(gz pkg/cxzy_form_bg.wasm)
full_js=$(gz pkg/cxzy_form.js)
echo "gzip sizes (gzip -9, per file):"
echo "  the embedded form (<cxzy-stats-form>: what a portal page downloads)"
printf '    wasm  %8d B  %s   cxzy_stats_bg.wasm\n' "$wasm" "$(kib "$wasm")"
printf '    JS+CSS %7d B  %s   index.js (the CSS inside: %s alone)\n' "$js" "$(kib "$js")" "$(kib "$css")"
printf '    total %8d B  %s   (budget %s)\n' "$total" "$(kib "$total")" "$(kib "$budget")"
more=$(gz pkg/stats-more.js)
printf '    then  %8d B  %s   stats-more.js (keyboard travel, paste, undo, files, English: loaded on the first focus or click in the form)\n' "$more" "$(kib "$more")"
echo "  the full API (init(): adds review entries, roster, coverage, roll-up)"
printf '    wasm  %8d B  %s   cxzy_form_bg.wasm\n' "$full_wasm" "$(kib "$full_wasm")"
printf '    JS    %8d B  %s   cxzy_form.js\n' "$full_js" "$(kib "$full_js")"
review_js=$(gz pkg/review.js)
printf '    JS    %8d B  %s   review.js (<cxzy-review-entry>, coverage view: loaded with the element)\n' "$review_js" "$(kib "$review_js")"
rollup_js=$(gz pkg/rollup.js)
printf '    JS    %8d B  %s   rollup.js (<cxzy-rollup>, the receiving office: loaded with the element)\n' "$rollup_js" "$(kib "$rollup_js")"
excel_js=$(gz pkg/excel.js)
printf '  Excel (.xlsx/.xls open, .xlsx save in the form: loaded on first use)\n'
printf '    JS    %8d B  %s   excel.js\n' "$excel_js" "$(kib "$excel_js")"
printf '    total %8d B  %s   (with the full wasm + its glue, which reading a workbook loads)\n' \
  "$((excel_js + full_wasm + full_js))" "$(kib $((excel_js + full_wasm + full_js)))"
if [ "$total" -gt "$budget" ]; then
  echo "over budget: the embedded form's wasm + JS + CSS must stay within $(kib "$budget") gzip" >&2
  [ "${CXZY_SIZE_BUDGET:-}" = warn ] || exit 1
fi
