// Writes the catalogue's words that no wasm can answer for at run time into the package's JS,
// read here from the built modules (`meta(locale).ui` of src/core/vocab/<locale>.rs):
//  * load-words.js — what an element says when its wasm cannot load (`ui.load`), every locale;
//  * more-words.js — the statistics form's words (`ui.form`) of every locale whose words the
//    form's own wasm module leaves out (its download budget: it carries the default locale's),
//    for the form's second module, stats-more.js.
// js/load-words.js and js/more-words.js are their stand-ins in the source.
//   node scripts/catalogue-words.mjs DIR STAGE   (DIR: wasm-bindgen's cxzy_form.js, cxzy_stats.js and their .wasm)
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [dir, stage] = process.argv.slice(2);
const load = async (name) => {
  const glue = await import(pathToFileURL(resolve(dir, `${name}.js`)).href);
  glue.initSync({ module: readFileSync(resolve(dir, `${name}_bg.wasm`)) });
  return (locale) => {
    const r = JSON.parse(glue.meta(locale));
    if (!r.ok) throw new Error(`${name} meta(${locale}): ${JSON.stringify(r)}`);
    return r.ok;
  };
};
const full = await load('cxzy_form');
const stats = await load('cxzy_stats');
const loadWords = {};
const moreWords = {};
for (const locale of full('zh-CN').locales) {
  const ui = full(locale).ui;
  if (!ui.load || !ui.load.failed) throw new Error(`no ui.load words for ${locale}`);
  loadWords[locale] = ui.load;
  if (Object.keys(stats(locale).ui.form).length === 0) moreWords[locale] = ui.form;
}
const head = '// The core\'s catalogue (src/core/vocab/<locale>.rs), written by scripts/catalogue-words.mjs.\n';
writeFileSync(resolve(stage, 'load-words.js'), `${head}export default ${JSON.stringify(loadWords)};\n`);
writeFileSync(resolve(stage, 'more-words.js'), `${head}export default ${JSON.stringify(moreWords)};\n`);
console.log(`catalogue words: ui.load for ${Object.keys(loadWords).join(', ')}; ui.form in stats-more.js for ${Object.keys(moreWords).join(', ') || 'none'}`);
