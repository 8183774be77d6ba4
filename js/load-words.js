// The load error's words (`meta(locale).ui.load` of the core's catalogue, per locale). This file
// is a stand-in: scripts/build-pkg.sh replaces it in the package with the catalogue's words, read
// from the built wasm (no wasm can answer when the wasm is what failed to load).
/** @type {Record<string, Record<string, string>>} */
const WORDS = {};
export default WORDS;
