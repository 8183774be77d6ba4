// Drafts under faults (issue 10, js/draft.js), in Debian's headless Chromium on the demo portal:
// a corrupted or old draft, storage full or disabled, two tabs on one table, a killed tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready } from './helpers.mjs';

let server;
let browser;
before(async () => ({ server, browser } = await start()));
after(async () => {
  await browser?.close();
  await server?.close();
});

const F = 'cxzy-stats-form';
const KEY = 'cxzy-stats-form:draft:heilongjiang-2010';
const cell = (page, r, f) => page.locator(`${F} [data-r="${r}"][data-f="${f}"]`);
const notice = (page) => page.locator(`${F} .notice`);
const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);

async function type(page, r, f, text) {
  await cell(page, r, f).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Waits until the stored draft holds `value` in row `r`, field `f`. */
const savedValue = (page, r, f, value) => page.waitForFunction(([k, row, field, v]) => {
  try {
    return String(JSON.parse(localStorage.getItem(k)).data.rows[row][field]) === v;
  } catch {
    return false;
  }
}, [KEY, r, f, value]);

async function portal(context) {
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  return page;
}

// The form's rows (with the virtual grid, not every row is drawn): data().rows and the 合计 row.
const rowCount = (page) => page.evaluate((s) => document.querySelector(s).form.data().rows.length + 1, F);

test('a corrupted or old draft gives a notice and a fresh form, and is kept aside', async () => {
  const bad = [
    '{"saved_at":{"toString":1},"data":{"format":"cxzy-stats/1"}}',
    '{"data":[1,2,3]}',
    'not json {',
    '{"saved_at":"2011-01-16T08:00:00Z","data":null}',
    '[1,2]',
  ];
  for (const text of bad) {
    const { page, context, log } = await newPage(browser);
    await page.goto(server.url);
    await ready(page);
    await page.evaluate(([k, t]) => localStorage.setItem(k, t), [KEY, text]);
    await page.reload();
    await ready(page);
    assert.deepEqual(log.errors, [], text);
    assert.equal(await rowCount(page), 20, `${text}: the preset's 19 rows and 合计 are drawn`);
    // The words of this rare notice come with the form's second module (stats-more.js), loaded
    // for it: wait for them (reading the notice at once raced the load on a busy machine).
    await page.locator(`${F} .notice`, { hasText: '草稿已损坏' }).waitFor();
    assert.match(await notice(page).textContent(), /草稿已损坏或格式过旧.*已另存为「cxzy-stats-form:draft:heilongjiang-2010:set-aside」/, text);
    assert.equal(await stored(page, `${KEY}:set-aside`), text, 'the bad draft is kept, not deleted');
    assert.equal(await stored(page), null);
    // The form works and autosaves again.
    await type(page, 1, 'orgs_total', '77');
    await savedValue(page, 1, 'orgs_total', '77');
    await context.close();
  }
});

test('a full storage gives a visible Chinese warning once, and the form keeps working', async () => {
  const { page, context, log } = await newPage(browser);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
    };
  });
  await page.goto(server.url);
  await ready(page);
  await type(page, 0, 'orgs_total', '120');
  await notice(page).filter({ hasText: '浏览器存储空间已满' }).waitFor();
  const text = await notice(page).textContent();
  assert.match(text, /请先“保存 JSON”留存填写内容/);
  assert.doesNotMatch(text, /Failed to execute|quota/i, 'no English browser text in a Chinese page');
  await type(page, 0, 'orgs_reviewed', '100');
  await page.locator(`${F} output[id$="-c0-orgs_coverage"]`).filter({ hasText: '83.3%' }).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('disabled storage (access throws) gives a visible warning, in English for an English form', async () => {
  const { page, context, log } = await newPage(browser);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await page.goto(server.url);
  await ready(page);
  await notice(page).filter({ hasText: '浏览器禁用了本地存储，草稿不会自动保存' }).waitFor();
  await type(page, 0, 'orgs_total', '9');
  assert.equal(await cell(page, 0, 'orgs_total').evaluate((el) => el.value ?? el.textContent), '9');
  // A second form, in English.
  await page.evaluate(() => {
    const el = document.createElement('cxzy-stats-form');
    el.id = 'en-form';
    el.setAttribute('preset', 'heilongjiang-2010');
    el.setAttribute('locale', 'en');
    document.body.append(el);
  });
  await ready(page, '#en-form');
  await page.locator('#en-form .notice').filter({ hasText: 'The browser has disabled local storage, so drafts are not saved' }).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('two tabs on one table: the other tab is told, offered the newer draft, and never overwrites it silently', async () => {
  const { context } = await newPage(browser);
  const a = await portal(context);
  const b = await portal(context);
  await type(a, 2, 'orgs_total', '555');
  await savedValue(a, 2, 'orgs_total', '555');
  const offer = notice(b).filter({ hasText: '另一个窗口' });
  await offer.waitFor();
  assert.match(await offer.textContent(), /较新草稿；本窗口已暂停自动保存/);
  // An edit in tab B does not replace A's newer draft while B has not chosen.
  await type(b, 3, 'orgs_total', '666');
  await b.evaluate((s) => document.querySelector(s).form.flushSave(), F);
  await b.waitForTimeout(300); // let an idle save run if one were (wrongly) scheduled
  assert.equal(JSON.parse(await stored(a)).data.rows[2].orgs_total, 555);
  assert.equal(JSON.parse(await stored(a)).data.rows[3].orgs_total ?? null, null);
  // Load the newer draft: B shows A's table.
  await offer.getByRole('button', { name: '载入较新的草稿' }).click();
  assert.equal(await cell(b, 2, 'orgs_total').evaluate((el) => el.value ?? el.textContent), '555');
  // Keep mine, the other way round: A is told of B's save and keeps its own table on request.
  await type(b, 4, 'orgs_total', '444');
  await savedValue(b, 4, 'orgs_total', '444');
  const offerA = notice(a).filter({ hasText: '另一个窗口' });
  await offerA.waitFor();
  await type(a, 5, 'orgs_total', '333');
  await offerA.getByRole('button', { name: '保留本窗口的内容' }).click();
  await savedValue(a, 5, 'orgs_total', '333');
  await context.close();
});

test('a killed tab: the last keystroke is back after reload', async () => {
  const { context } = await newPage(browser);
  const page = await portal(context);
  await type(page, 6, 'members_total', '98765');
  await savedValue(page, 6, 'members_total', '98765');
  // Kill the renderer: no pagehide, no unload handler runs.
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => {}); // never answers: the renderer is gone
  await crashed;
  const again = await portal(context);
  assert.equal(await cell(again, 6, 'members_total').evaluate((el) => el.value ?? el.textContent), '98765');
  assert.match(await notice(again).textContent(), /已恢复 \d{4}-\d\d-\d\d \d\d:\d\d 自动保存的草稿/);
  await context.close();
});

test('prototype-named fields in setData and in a stored draft are unknown fields (T008), never a TypeError', async () => {
  const { page, context, log } = await newPage(browser);
  await page.goto(server.url);
  await ready(page);
  const proto = (s) => {
    const f = document.querySelector(s).form;
    const doc = f.data();
    const text = JSON.stringify(doc)
      .replace('{', '{"__proto__":{"x":1},"constructor":1,"toString":2,')
      .replace('"name":"哈尔滨市"', '"name":"哈尔滨市","__proto__":3,"constructor":"c","toString":{}');
    f.setData(text);
    f.setData(JSON.parse(text));
    window.protoText = text;
    return f.issues().filter((i) => i.code === 'T008').map((i) => i.path);
  };
  assert.deepEqual(await page.evaluate(proto, F), ['/__proto__', '/constructor', '/toString', '/rows/0/__proto__', '/rows/0/constructor', '/rows/0/toString']);
  // The same in a stored draft: restored, and the unknown fields reported.
  await page.evaluate(([s, k]) => {
    document.querySelector(s).form.destroy(); // its pending save must not replace the draft written here
    localStorage.setItem(k, `{"saved_at":"2011-01-16T08:00:00Z","data":${window.protoText}}`);
  }, [F, KEY]);
  await page.reload();
  await ready(page);
  const t008 = await page.evaluate((s) => document.querySelector(s).form.issues().filter((i) => i.code === 'T008').length, F);
  assert.equal(t008, 6);
  // A function is not a document: a clear TypeError, and the form keeps its table.
  const err = await page.evaluate((s) => { try { document.querySelector(s).form.setData(() => 1); return ''; } catch (e) { return `${e.name}: ${e.message}`; } }, F);
  assert.match(err, /^TypeError: cxzy-form: the document must be an object or JSON text/);
  assert.equal(await rowCount(page), 20);
  assert.deepEqual(log.errors, []);
  await context.close();
});
