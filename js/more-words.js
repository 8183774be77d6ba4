// The statistics form's words (`meta(locale).ui.form`) of the locales the form's own wasm module
// leaves out, by locale. This file is a stand-in: scripts/build-pkg.sh replaces it in the package
// with the core's catalogue, read from the built full module (scripts/catalogue-words.mjs).
/** @type {Record<string, Record<string, string>>} */
const WORDS = {};
export default WORDS;
