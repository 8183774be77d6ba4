// The form's draft in localStorage, under faults (SPEC §7: "a draft is never lost"; issue 10).
//
// * A draft that cannot be used (not JSON, an older or foreign shape such as `{"data":[1,2,3]}`
//   or `{"saved_at":{"toString":1}}`) is set aside under `<key>:set-aside` and the form starts
//   fresh with a notice — never a blank form, never a TypeError.
// * Storage full (QuotaExceededError) or disabled (access throws, or no localStorage): a visible
//   warning in the form's language, once; the form keeps working and tries again on the next edit.
// * Two tabs on one table: the `storage` event tells this tab when the other saved. Autosave then
//   pauses here, and the notice offers to load the newer draft or to keep this tab's table (which
//   then saves over it): a newer draft is never overwritten silently.
// * Saving happens when the page is idle after an edit (a 1 000-row draft takes longer than a
//   frame) and at `pagehide`; what was saved survives a killed tab.
import { h, fill, isoDate } from './dom.js';

/** `localStorage`, or null when the page may not use it (access throws in some privacy modes). */
function storage() {
  try {
    const s = globalThis.localStorage;
    return s && typeof s.getItem === 'function' ? s : null;
  } catch {
    return null;
  }
}

const isDoc = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A stored draft's text → `{ saved_at, data }` (data as JSON text), or null when it is not a
 * draft this version can use. Only the own shape is trusted: `saved_at` a string (or absent),
 * `data` an object.
 */
export function parseDraft(text) {
  let d;
  try {
    d = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isDoc(d) || !isDoc(d.data)) return null;
  if (d.saved_at !== undefined && typeof d.saved_at !== 'string') return null;
  return { saved_at: d.saved_at || '', data: JSON.stringify(d.data) };
}

/** `2011-01-16 09:30` in local time, or '' for what is not a time. */
function when(savedAt) {
  const d = new Date(typeof savedAt === 'string' ? savedAt : NaN);
  if (Number.isNaN(d.getTime())) return '';
  return `${isoDate(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** “The draft saved (at …) was restored”, in the form's words. */
const restored = (t, savedAt) => {
  const at = when(savedAt);
  return at ? fill(t.restoredAt, { time: at }) : t.restored;
};

const isQuota = (err) => err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22);

/**
 * The draft of one form. `host`: `{ words(), notice(text, ...nodes), data() → JSON text,
 * load(text), discard() }` — the form's side.
 */
export class Drafts {
  constructor(key, host, { enabled = true } = {}) {
    this.key = key;
    this.host = host;
    this.enabled = enabled;
    this.timer = null;
    this.warned = null; // 'full' | 'disabled' once said
    this.paused = false; // another tab saved a newer draft
    this.pending = null; // what to say once the form is drawn
    this.onStorage = (e) => this.storageEvent(e);
    if (enabled && typeof window !== 'undefined') window.addEventListener('storage', this.onStorage);
  }

  /** The form's words: the core's catalogue (`meta().ui.form`), in the form's locale. */
  get t() {
    return this.host.words();
  }

  /**
   * The draft to start from (JSON text of the document), or null. A draft that cannot be used is
   * set aside and announced; unavailable storage is announced too (see `announce`).
   */
  read() {
    if (!this.enabled) return null;
    const s = storage();
    if (!s) {
      this.pending = 'disabled';
      return null;
    }
    let raw;
    try {
      raw = s.getItem(this.key);
    } catch {
      this.pending = 'disabled';
      return null;
    }
    if (raw == null) return null;
    const d = parseDraft(raw);
    if (!d) {
      this.aside = `${this.key}:set-aside`;
      try {
        s.setItem(this.aside, raw);
        s.removeItem(this.key);
      } catch { /* full: the bad draft stays where it was; it is not loaded */ }
      this.pending = 'aside';
      return null;
    }
    this.restored = d;
    return d;
  }

  /** Says what `read` found, once the form (and its notice area) is drawn. */
  announce(startedFromDraft) {
    const t = this.t;
    const rare = this.pending;
    if (rare === 'aside') this.host.notice(fill(t.draftAside, { key: this.aside }));
    else if (rare === 'disabled') this.warn('disabled');
    else if (startedFromDraft && this.restored) {
      this.host.notice(restored(t, this.restored.saved_at), ' ', this.button(t.discard, () => this.host.discard()));
    }
    this.pending = null;
  }

  button(text, fn) {
    const b = h('button', { type: 'button' }, text);
    b.addEventListener('click', fn);
    return b;
  }

  warn(kind) {
    if (this.warned === kind) return;
    this.warned = kind;
    this.host.notice(this.t[kind === 'full' ? 'draftFull' : 'draftOff']);
  }

  /** Saves when the page is idle (edits in between are saved once). */
  schedule() {
    if (!this.enabled || this.timer || this.paused) return;
    const save = () => this.flush();
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(save, { timeout: 1000 });
      this.timer = { cancel: () => cancelIdleCallback(id) };
    } else {
      const id = setTimeout(save, 50);
      this.timer = { cancel: () => clearTimeout(id) };
    }
  }

  /** Saves a pending edit now (`pagehide`, `destroy`). */
  flush() {
    if (!this.timer) return;
    this.timer.cancel();
    this.timer = null;
    if (this.paused) return;
    this.write(this.host.data());
  }

  write(dataText) {
    const s = storage();
    if (!s) {
      this.warn('disabled');
      return false;
    }
    try {
      s.setItem(this.key, `{"saved_at":${JSON.stringify(new Date().toISOString())},"data":${dataText}}`);
      this.warned = null;
      return true;
    } catch (err) {
      this.warn(isQuota(err) ? 'full' : 'disabled');
      return false;
    }
  }

  remove() {
    if (this.timer) this.timer.cancel();
    this.timer = null;
    try {
      const s = storage();
      if (s) s.removeItem(this.key);
    } catch { /* storage unavailable: nothing stored */ }
  }

  /** Another tab saved this table's draft: pause, and offer the newer one. */
  storageEvent(e) {
    if (e.key !== this.key || e.newValue == null) return;
    const d = parseDraft(e.newValue);
    // The same table (the other tab loaded this one's draft): nothing to offer.
    if (!d || d.data === JSON.stringify(JSON.parse(this.host.data()))) return;
    if (this.timer) this.timer.cancel();
    this.timer = null;
    this.paused = true;
    this.offer(d);
  }

  offer(d) {
    const t = this.t;
    const at = when(d.saved_at);
    this.host.notice(
      at ? fill(t.draftNewerAt, { time: at }) : t.draftNewer, ' ',
      this.button(t.draftLoad, () => {
        this.paused = false;
        // The draft as it is now (the other tab may have saved again since).
        const now = parseDraft(storage()?.getItem(this.key) ?? '') || d;
        this.host.load(now.data);
        this.host.notice(restored(t, now.saved_at));
      }), ' ',
      this.button(t.draftKeep, () => {
        this.paused = false;
        this.write(this.host.data());
        this.host.notice('');
      }),
    );
  }

  destroy() {
    this.flush();
    if (this.timer) this.timer.cancel();
    this.timer = null;
    if (typeof window !== 'undefined') window.removeEventListener('storage', this.onStorage);
  }
}
