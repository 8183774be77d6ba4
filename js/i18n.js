// The pages' locale. Their words are the core's catalogue (src/core/vocab/<locale>.rs, its `ui`
// sections), which `meta(locale).ui` exports: the JavaScript holds ids only. The locales are the
// catalogue's too: those load-words.js (written by scripts/build-pkg.sh) has words for.
import WORDS from './load-words.js';

/**
 * The catalogue's locale for a tag: the same tag (any case, `_` for `-`), else the same language
 * (`en-GB` → `en`), else `zh-CN`.
 * @param {string | null | undefined} locale
 * @returns {import('./index.js').Locale}
 */
export function pickLocale(locale) {
  const tag = String(locale || '').toLowerCase().replace(/_/g, '-');
  const known = Object.keys(WORDS);
  const hit = known.find((k) => k.toLowerCase() === tag) || known.find((k) => k.split('-')[0].toLowerCase() === tag.split('-')[0]);
  return /** @type {import('./index.js').Locale} */ (hit || 'zh-CN');
}
