#!/usr/bin/env bash
# TypeScript's check of js/ (checkJs, strict but for noImplicitAny: js/tsconfig.json) against the
# shipped declarations (js/index.d.ts, review.d.ts, excel.d.ts). Run after scripts/build-pkg.sh
# (scripts/test-web.sh does): it needs the built wasm, whose wasm-bindgen glue it declares.
#
# What is checked, in a staging directory (target/checkjs):
#  * every js/*.js, with the modules the build generates declared: the glue of both wasm builds
#    (wasm-bindgen's own .d.ts) and the stylesheets' string modules;
#  * js/*.js importing './index.js' (coverage-view, review-entry, excel…) see index.d.ts, as a
#    portal's code does;
#  * the package's entry points conform to their .d.ts: conformance.ts assigns each
#    implementation module (index.js, review.js, excel.js, staged as *.impl.js) to the type of
#    its declaration, so an export the .d.ts names must exist with a compatible type.
#  * the statistics form's two modules with their state: js/stats-form.state.d.ts (not shipped)
#    declares StatsForm's fields and which methods of the second module's mixin (More, whose
#    methods join StatsForm.prototype at run time) the first calls, so `this` is typed on both
#    sides; a field neither declared nor typed fails the check (probed below).
set -euo pipefail
cd "$(dirname "$0")/.."
tsc=pkg-tests/node_modules/.bin/tsc
[ -x "$tsc" ] || { echo "tsc missing: run scripts/setup-web.sh" >&2; exit 1; }
full=target/wasm32-unknown-unknown/wasm-fast/cxzy_form.wasm
stats=target/wasm-stats/wasm32-unknown-unknown/wasm/cxzy_form.wasm
[ -f "$full" ] && [ -f "$stats" ] || { echo "no built wasm: run scripts/build-pkg.sh first" >&2; exit 1; }
stage=target/checkjs
rm -rf "$stage"
mkdir -p "$stage"
cp js/*.js js/*.d.ts js/tsconfig.json "$stage/"
for m in index review excel; do cp "js/$m.js" "$stage/$m.impl.js"; done
# The glue's declarations (the .js and .wasm wasm-bindgen writes beside them are dropped).
wasm-bindgen --target web --out-dir "$stage/glue" --out-name cxzy_form "$full" 2>&1 | grep -v target_features || true
wasm-bindgen --target web --out-dir "$stage/glue" --out-name cxzy_stats "$stats" 2>&1 | grep -v target_features || true
mv "$stage/glue/cxzy_form.d.ts" "$stage/glue/cxzy_stats.d.ts" "$stage/"
rm -rf "$stage/glue"
for s in styles review-styles rollup-styles; do
  printf '/** The stylesheet (built by scripts/build-pkg.sh from js/*.css). */\ndeclare const css: string;\nexport default css;\n' > "$stage/$s.d.ts"
done
cat > "$stage/conformance.ts" <<'TS'
// Each entry point's implementation has the type its shipped declaration promises.
import * as index from './index.impl.js';
import * as review from './review.impl.js';
import * as excel from './excel.impl.js';
import type * as IndexTypes from './index.js';
import type * as ReviewTypes from './review.js';
import type * as ExcelTypes from './excel.js';
export const checked: [typeof IndexTypes, typeof ReviewTypes, typeof ExcelTypes] = [index, review, excel];
TS
"$tsc" -p "$stage"
# The check is live: a use of meta() that index.d.ts does not declare must fail it, and so must a
# form field the mixin's `this` does not have (stats-more.js is checked as the form, not as `any`).
echo "export const unknownMetaField = meta().noSuchList;" >> "$stage/api.js"
sed -i 's/^  discardDraft() {$/&\n    this.noSuchField.focus();/' "$stage/stats-more.js"
grep -q noSuchField "$stage/stats-more.js" || { echo "check-js: the probe found no discardDraft() in stats-more.js" >&2; exit 1; }
if "$tsc" -p "$stage" > "$stage/broken.txt" 2>&1 || ! grep -q noSuchList "$stage/broken.txt" || ! grep -q "stats-more.js.*noSuchField" "$stage/broken.txt"; then
  echo "check-js: tsc accepted a field index.d.ts or the form's state does not declare (the check is vacuous)" >&2
  exit 1
fi
echo "checkJs: js/ type-checks against index.d.ts, review.d.ts, excel.d.ts and the form's state (and fails on an undeclared meta() field or form field)"
