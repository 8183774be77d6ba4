// A portal's page script, as a portal team writes it: the package from node_modules, bundled by
// Vite, webpack or esbuild. The element needs nothing more; the full API (init) loads its own wasm.
import init, { validate } from 'cxzy-form';

window.cxzyCheck = async (doc) => {
  await init();
  return validate(doc, { today: '2011-01-16' }).map((i) => i.code);
};
