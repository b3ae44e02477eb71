// The Values grid on 3,000 KPIs under fast scrolling and view switches: typed values are kept
// and nothing reads a disposed row (release builds abort on a panic: "Tried to access a
// reactive value that has already been disposed", then a wasm `unreachable`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, settled } from './support.mjs';
import { largeModel } from './perf.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = '2026-11';
const KEY = 'kpi-structure:model:mlarge';
const ROW_H = 34; // the grid's row height (src/ui/views/values/mod.rs)
const seed = ([key, entry]) => {
  if (!sessionStorage.getItem('seeded')) {
    localStorage.setItem(key, entry);
    sessionStorage.setItem('seeded', '1');
  }
};
const entry = () => JSON.stringify({ rev: 1, model: largeModel() });

async function openValues(page) {
  await page.getByRole('tab', { name: 'Values' }).click();
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
  const grid = page.getByRole('grid', { name: 'Values' });
  await grid.getByRole('textbox', { name: `Result KPI 0, ${AS_OF}` }).waitFor();
  return grid;
}

/** The stored value of each named KPI for AS_OF (runs of months: `{"2026-09": [1, null, 3]}`). */
function storedValues(page, names) {
  return page.evaluate(([key, names, asOf]) => {
    const months = (p) => { const [y, m] = p.split('-').map(Number); return y * 12 + m; };
    const kpis = JSON.parse(localStorage.getItem(key)).model.kpis;
    return Object.fromEntries(names.map((name) => {
      const k = kpis.find((x) => x.name === name);
      let v = null;
      for (const [start, run] of Object.entries(k?.values ?? {})) {
        const i = months(asOf) - months(start);
        if (i >= 0 && i < run.length) v = run[i];
      }
      return [name, v];
    }));
  }, [KEY, names, AS_OF]);
}

/** Scrolls the grid to `top` and to its right end (the As-of column) and gives the As-of cell
 * of a KPI row mounted near the middle. */
async function cellNear(page, top) {
  const want = Math.round(top / ROW_H) + 8;
  const handle = await page.waitForFunction(([top, want, asOf]) => {
    // Set again until it holds for a few frames: a wheel's smooth scroll may be under way.
    const el = document.querySelector('.values-scroll');
    const off = Math.abs(el.scrollTop - top) > 1 || el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    if (off) {
      el.scrollTop = top;
      el.scrollLeft = el.scrollWidth;
    }
    window.stillFrames = off ? 0 : (window.stillFrames ?? 0) + 1;
    if (window.stillFrames < 5) return null;
    const rows = [...document.querySelectorAll('.values-grid tr.vg-kpi')].filter((tr) => {
      const i = Number(tr.getAttribute('aria-rowindex'));
      return i >= want && i < want + 6;
    });
    const input = rows[0]?.querySelector(`input[aria-label$=", ${asOf}"]`);
    return input?.getAttribute('aria-label');
  }, [top, want, AS_OF], { polling: 'raf' });
  return handle.jsonValue();
}

test('on 3,000 KPIs, typing while the grid scrolls fast keeps every value and nothing panics', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { init: [seed, [KEY, entry()]] });
  const grid = await openValues(page);
  const box = await page.locator('.values-scroll').boundingBox();
  const typed = {};
  const where = [];
  for (let r = 0; r < 8; r++) {
    const top = (r * 9973 % 2900) * ROW_H;
    const label = await cellNear(page, top);
    const value = `${r + 1}.5`;
    await grid.getByRole('textbox', { name: label }).click();
    await page.keyboard.type(value);
    if (r % 2 === 0) {
      // Wheel the typed-in cell far out of the window: its row is unmounted while it has the
      // focus (its blur sets the value), some wheels sideways (the columns re-window too).
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(i % 3 === 0 ? 700 : 0, r % 4 === 0 ? 2500 : -2500);
    } else {
      // Enter while the grid scrolls on every frame (the cursor's next cell is focused a
      // frame later, wherever the grid is then).
      await page.evaluate(() => {
        const el = document.querySelector('.values-scroll');
        let n = 0;
        const step = () => { el.scrollTop += 900; el.scrollLeft = (n % 3) * 250; if (++n < 20) requestAnimationFrame(step); };
        requestAnimationFrame(step);
      });
      await page.keyboard.press('Enter');
    }
    typed[label.slice(0, -`, ${AS_OF}`.length)] = Number(value);
    where.push({ top, label, value });
    // Scrolling goes on a little after the keys.
    await page.mouse.wheel(0, 1200);
  }
  // Every value is set and saved.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  const names = Object.keys(typed);
  assert.deepEqual(await settled(() => storedValues(page, names), typed), typed);
  // And shown where they were typed.
  for (const { top, label, value } of where.slice(0, 3)) {
    await cellNear(page, top);
    assert.equal(await grid.getByRole('textbox', { name: label }).inputValue(), value);
  }
  // No panic ("disposed", "unreachable") nor any other error.
  assert.deepEqual(errors, []);
  await context.close();
});

test('a switch to a view whose part is on its way takes the Values grid away at once; what was typed is kept', async () => {
  // No service worker, so that the page's routes see every fetch of a part.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/split_kpis_view_[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.addInitScript(seed, [KEY, entry()]);
  await page.goto(server.url);
  const grid = await openValues(page);

  const label = await cellNear(page, 20000);

  // Typing, then the KPIs tab, whose part does not come yet. The grid goes at once: before,
  // it stayed on screen with every row disposed until the part came, and a key in one of its
  // cells panicked.
  const cell = grid.getByRole('textbox', { name: label });
  const box = await cell.boundingBox();
  await cell.click();
  await page.keyboard.type('61');
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await page.getByRole('tab', { name: 'KPIs', selected: true }).waitFor();
  // Back to where the cell was, and more keys.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await page.mouse.wheel(0, 3000);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  assert.deepEqual(errors, []);
  assert.equal(await grid.count(), 0, 'the Values grid is still on screen');

  // The part arrives: the KPIs table shows; back in Values the typed value is there.
  release();
  await page.getByRole('textbox', { name: 'Filter KPIs' }).waitFor();
  const name = label.slice(0, -`, ${AS_OF}`.length);
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  assert.deepEqual(await settled(() => storedValues(page, [name]), { [name]: 61 }), { [name]: 61 });
  await page.getByRole('tab', { name: 'Values' }).click();
  await cellNear(page, 20000);
  assert.equal(await grid.getByRole('textbox', { name: label }).inputValue(), '61');
  // Selecting the current tab again keeps the view (and where it is scrolled to).
  await page.getByRole('tab', { name: 'Values' }).click();
  await grid.getByRole('textbox', { name: label }).waitFor({ timeout: 2000 });
  assert.ok(await page.locator('.values-scroll').evaluate((el) => el.scrollTop) > 19000);
  assert.deepEqual(errors, []);
  await context.close();
});
