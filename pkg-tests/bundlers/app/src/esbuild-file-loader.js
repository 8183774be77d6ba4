// esbuild's other documented way: the .wasm files as assets (`--loader:.wasm=file`), their URLs
// handed to the package before the element connects.
import init, { initForm, validate } from 'cxzy-form';
import statsWasm from 'cxzy-form/cxzy_stats_bg.wasm';
import fullWasm from 'cxzy-form/cxzy_form_bg.wasm';

initForm({ module_or_path: statsWasm });
window.cxzyCheck = async (doc) => {
  await init({ module_or_path: fullWasm });
  return validate(doc, { today: '2011-01-16' }).map((i) => i.code);
};
