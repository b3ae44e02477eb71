// UI speed benchmark (not a test): `make bench-ui`. For the Coffee machines template and a
// generated 200-chain / 3,000-KPI model it prints
// - the open time: navigation start until the Structure diagram is in the page, and
// - per view, the script time of one keystroke in the selected KPI's Name field: from just
//   before the input event until every handler, effect and microtask it started is done
//   (`setTimeout(0)` after it), p50 and p95 over 60 keystrokes two frames apart
//   (../shared/toolchain.md),
// and the ratios large / template; then
// - importing that model's exported file (Export JSON of the 3,000-KPI model with its values
//   and a definition, formula and data source per KPI: 4.4 MB) through "Import JSON" with the Coffee machines template open: from the file set on
//   the input until the model's first view (its Structure diagram) is shown, median of 3,
//   against `JSON.parse` of the same text in the page, and the ratio (`BENCH_IMPORT=0` skips
//   it).
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, partsLoaded, seedTemplate, ROOT } from './support.mjs';

/** A 200-chain / 3,000-KPI model in the file format's model shape. */
/** 36 months of values ending 2026-11, one decimal, deterministic, as `Series` runs. */
export function monthlyValues(seed, months = 36) {
  const v = [];
  let x = seed * 7919 + 17;
  for (let i = 0; i < months; i++) { x = (x * 1103515245 + 12345) % 2147483648; v.push(Math.round(850 + (x % 150)) / 10); }
  const start = new Date(Date.UTC(2026, 10 - (months - 1), 1));
  const key = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  return { [key]: v };
}

/** `texts`: every KPI has a definition, a formula and a data source as people write them
 * (~650 characters), as a file that has been worked on for a while does. */
export function largeModel(chains = 200, kpis = 3000, { months = 0, texts = false } = {}) {
  const m = { id: 'mlarge', name: 'Large model', organisation: '', description: '', goals: [], kpis: [], chains: [], departments: [], created: 0, modified: 0 };
  const kpi = (id, name, at, drives = []) => ({ id, name, at, definition: '', formula: '', unit: '%', direction: 'higher', target: 95, red: 90, frequency: 'monthly', owner: 'Owner', data_source: '', value_type: 'customer', drives });
  for (let d = 0; d < 12; d++) m.departments.push({ id: `d${d}`, name: `Department ${d}`, description: '' });
  for (let g = 0; g < 4; g++) {
    m.goals.push({ id: `g${g}`, name: `Goal ${g}`, description: '' });
    m.kpis.push(kpi(`r${g}`, `Result KPI ${g}`, { level: 'result', goal: `g${g}` }));
  }
  let n = 0;
  for (let c = 0; c < chains; c++) {
    const links = [];
    for (let l = 0; l < 5; l++) links.push({ id: `l${l}`, name: `Link ${c}.${l}`, description: '', department: `d${(c + l) % 12}`, external: l === 4 && c % 7 === 0, owner: '' });
    m.chains.push({ id: `c${c}`, name: `Chain ${c}`, description: '', customer: 'Customer', trigger: `Need ${c}`, outcome: `Outcome ${c}`, owner: `Owner ${c}`, links });
    for (let k = 0; k < 3; k++) m.kpis.push(kpi(`c${c}k${k}`, `Chain KPI ${c}.${k}`, { level: 'chain', chain: `c${c}` }, [`r${(c + k) % 4}`]));
  }
  let i = 0;
  while (m.kpis.length < kpis) {
    const c = i % chains; const l = Math.floor(i / chains) % 5;
    m.kpis.push(kpi(`lk${i}`, `Link KPI ${i}`, { level: 'link', chain: `c${c}`, link: `l${l}` }, [`c${c}k${i % 3}`]));
    i++; n++;
  }
  if (months > 0) m.kpis.forEach((k, i) => { k.values = monthlyValues(i, months); });
  if (texts) {
    m.kpis.forEach((k, i) => {
      k.definition = `${k.name} (${i}): the share of orders in this step that is done right the first time and on the date agreed with the customer, `
        + 'counted per calendar month over every order that left the step in that month. Orders cancelled by the customer before the step started are left out; '
        + 'orders changed by the customer count from the date of the change. The step owner checks the figure with the team in the monthly chain meeting '
        + 'and explains every month below the norm with its causes and the actions taken.';
      k.formula = `orders done right first time and on time in step ${i % 5} / all orders that left step ${i % 5} in the month x 100`;
      k.data_source = `ERP report ${1000 + i}, export on the first working day`;
    });
  }
  return m;
}

/** Selects the KPI by name in the KPIs table (the inspector then shows it in every view). */
async function selectKpi(page, kpiName) {
  await page.getByRole('tab', { name: 'KPIs' }).click();
  const filter = page.getByRole('textbox', { name: 'Filter KPIs' });
  await filter.fill(kpiName);
  await page.getByRole('button', { name: kpiName, exact: true }).first().click();
  await filter.fill('');
}

const KEYS = 60;
const ALL_VIEWS = ['Structure', 'Chains', 'KPIs', 'Matrix', 'Values', 'Department meeting', 'Meeting', 'MT meeting', 'Health'];
// `BENCH_VIEWS=Values,Meeting make bench-ui` measures only those views.
const VIEWS = process.env.BENCH_VIEWS ? ALL_VIEWS.filter((v) => process.env.BENCH_VIEWS.split(',').includes(v)) : ALL_VIEWS;

/** Setting a value in the Values grid: type a number in the KPI's As-of cell and press Enter
 * (the commit is where the work is: the edit, its undo step, the notified readers). */
async function measureValues(page) {
  await page.getByRole('tab', { name: 'Values' }).click();
  // The first KPI row's cell of the As-of month (the grid mounts only the rows on screen).
  const asOf = await page.getByRole('combobox', { name: 'As of' }).inputValue();
  const cell = page.locator(`.values-grid .vg-kpi input[aria-label$=", ${asOf}"]`).first();
  await cell.waitFor();
  const label = await cell.getAttribute('aria-label');
  await page.waitForTimeout(1000);
  return page.evaluate(async ({ keys, label }) => {
    const samples = [];
    for (let i = 0; i < keys; i++) {
      for (let f = 0; f < 2; f++) {
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      }
      const input = document.querySelector(`input[aria-label="${label}"]`);
      input.focus();
      const t0 = performance.now();
      input.value = String(90 + (i % 10) / 2);
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      await new Promise((done) => setTimeout(done, 0));
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const q = (p) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))];
    return { p50: q(0.5), p95: q(0.95) };
  }, { keys: KEYS, label });
}

async function measure(page, tab) {
  // Switching to the view: from the click until the frame after it is painted.
  const switchMs = await page.evaluate(async (name) => {
    const el = [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.trim() === name);
    const t0 = performance.now();
    el.click();
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return performance.now() - t0;
  }, tab);
  // In a meeting view (no inspector) one types a comment on a KPI; elsewhere the selected
  // KPI's name in the inspector.
  const meeting = /meeting/i.test(tab);
  const selector = meeting ? '[aria-label^="Comment on "]' : '.inspector-form input[type=text]';
  await page.locator(selector).first().waitFor();
  // Past the debounced save (400 ms after the last keystroke of the view before), so that
  // its cost is not counted as a keystroke's (`make bench-model` times saves).
  await page.waitForTimeout(1000);
  return page.evaluate(async ({ keys, selector }) => {
    const input = document.querySelector(selector);
    const tick = () => new Promise((done) => setTimeout(done, 0));
    const samples = [];
    for (let i = 0; i < keys; i++) {
      // Let the previous keystroke paint, as between two real keystrokes (two frames: up to
      // ~20 keys a second, faster than people type), and start after that frame: a rAF
      // callback runs just before the frame's style, layout and paint, and on this 2-core
      // machine the raster threads of a frame still compete with the next keystroke.
      for (let f = 0; f < 2; f++) {
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      }
      const t0 = performance.now();
      input.value += 'x';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await tick();
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const q = (p) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))];
    return { p50: q(0.5), p95: q(0.95) };
  }, { keys: KEYS, selector }).then((r) => ({ ...r, switchMs }));
}

/** An init script (for openPage) that stores `model` before the app starts; it opens it. */
function seedModel(model) {
  const entry = JSON.stringify({ version: 2, rev: 1, model: { ...model, modified: Date.now() } });
  return [([k, v]) => { localStorage.setItem(k, v); }, [`kpi-structure:model:${model.id}`, entry]];
}

/** `model` as Export JSON writes it: { name, text }. */
export async function exportJson(browser, url, model) {
  const { page, context } = await openPage(browser, url, { init: seedModel(model) });
  await page.locator('svg.st-svg g.st-node').first().waitFor({ timeout: 60000 });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
  await context.close();
  return file;
}

/**
 * Importing `file` (Export JSON's output) three times (fresh context each, the Coffee machines
 * template open and every lazy part loaded, so the figure is the import's own work): per run
 * the time from setting the file on "Import JSON" (and its change event) until the imported
 * model's Structure diagram is shown, and `JSON.parse` of the same text in that page (median
 * of 9). The file is handed to the page first: its transfer to the browser is not counted.
 */
export async function measureImport(browser, url, file, { modelName, nodeText }) {
  const runs = [];
  for (let run = 0; run < 3; run++) {
    const { page, context } = await openPage(browser, url, { init: seedTemplate('coffee-machines.en.kpi.json').init });
    await page.locator('svg.st-svg g.st-node').first().waitFor();
    await partsLoaded(page);
    await page.evaluate((text) => { window.__file = text; }, file.text);
    const input = page.getByLabel('Import JSON').first();
    const importMs = await input.evaluate(async (el, { name, modelName, nodeText }) => {
      const chosen = new DataTransfer();
      chosen.items.add(new File([window.__file], name, { type: 'application/json' }));
      const shown = () => document.querySelector('input[aria-label="Model name"]')?.value === modelName
        && document.querySelector('svg.st-svg')?.textContent.includes(nodeText);
      const t0 = performance.now();
      el.files = chosen.files;
      el.dispatchEvent(new Event('change', { bubbles: true }));
      // Checked before each frame is painted: the frame that shows it.
      await new Promise((done) => { const check = () => (shown() ? done() : requestAnimationFrame(check)); check(); });
      return performance.now() - t0;
    }, { name: file.name, modelName, nodeText });
    const parseMs = await page.evaluate(() => {
      const samples = [];
      for (let i = 0; i < 9; i++) {
        const t0 = performance.now();
        JSON.parse(window.__file);
        samples.push(performance.now() - t0);
      }
      return samples.sort((a, b) => a - b)[4];
    });
    runs.push({ importMs, parseMs });
    await context.close();
  }
  const med = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1];
  return { runs, importMs: med('importMs'), parseMs: med('parseMs') };
}

/** Records when the diagram first shows (ms since navigation start) in `window.__opened`. */
function watchOpen() {
  const seen = () => {
    if (!window.__opened && document.querySelector('svg.st-svg g.st-node')) {
      window.__opened = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve();
  const browser = await launch();
  const coffee = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/templates/coffee-machines.en.kpi.json'), 'utf8')).model;
  const models = [
    ['coffee template', { ...coffee, id: 'mcoffee' }, 'Machines installed on time'],
    ['200 chains / 3,000 KPIs / 108,000 values', largeModel(200, 3000, { months: 36 }), 'Chain KPI 100.1'],
  ];
  const results = {};
  for (const [label, model, kpiName] of models) {
    const opens = [];
    let page; let context;
    // Open three times (fresh context each time); the median counts.
    for (let run = 0; run < 3; run++) {
      if (context) await context.close();
      ({ page, context } = await openPage(browser, server.url, { init: seedModel(model) }));
      await page.addInitScript(watchOpen);
      await page.reload();
      await page.waitForFunction(() => window.__opened, null, { timeout: 60000 });
      opens.push(await page.evaluate(() => window.__opened));
    }
    opens.sort((a, b) => a - b);
    const r = { open: opens[1], views: {} };
    await selectKpi(page, kpiName);
    // The lazy parts are fetched and compiled when the browser is idle after the first view;
    // keystrokes typed meanwhile share the main thread with that (seen as a p95 of ~31 ms in
    // the first view measured). Measure typing once they are all there.
    await partsLoaded(page);
    for (const tab of VIEWS) r.views[tab] = await measure(page, tab).catch((e) => ({ error: e.message.split('\n')[0] }));
    r.views['Set a value'] = await measureValues(page).catch((e) => ({ error: e.message.split('\n')[0] }));
    await page.waitForTimeout(800); // the debounced save of the app's own encoding
    r.stored = await page.evaluate((k) => (localStorage.getItem(k) ?? '').length, `kpi-structure:model:${model.id}`);
    await context.close();
    results[label] = r;
    console.log(`${label}: ${model.kpis.length} KPIs, opened in ${r.open.toFixed(0)} ms (median of 3), stored entry ${r.stored} characters`);
    for (const tab of [...VIEWS, 'Set a value']) {
      const v = r.views[tab];
      console.log(v.error ? `  ${tab.padEnd(10)} ${v.error}` : `  ${tab.padEnd(10)} keystroke script time p50 ${v.p50.toFixed(2)} ms, p95 ${v.p95.toFixed(2)} ms; ${v.switchMs === undefined ? '' : `switching to it ${v.switchMs.toFixed(0)} ms`}`);
    }
  }
  const [small, large] = models.map(([label]) => results[label]);
  console.log('\n| view | template p50 / p95 | 3,000 KPIs p50 / p95 | ratio p50 |');
  console.log('|---|---|---|---|');
  for (const tab of [...VIEWS, 'Set a value']) {
    const a = small.views[tab]; const b = large.views[tab];
    if (a.error || b.error) { console.log(`| ${tab} | ${a.error ?? ''} | ${b.error ?? ''} | |`); continue; }
    console.log(`| ${tab} | ${a.p50.toFixed(1)} / ${a.p95.toFixed(1)} ms | ${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} ms | ${(b.p50 / a.p50).toFixed(2)} |`);
  }
  console.log(`| open | ${small.open.toFixed(0)} ms | ${large.open.toFixed(0)} ms | ${(large.open / small.open).toFixed(2)} |`);
  if (process.env.BENCH_IMPORT !== '0') {
    const model = largeModel(200, 3000, { months: 36, texts: true });
    const exported = await exportJson(browser, server.url, model);
    const im = await measureImport(browser, server.url, exported, { modelName: model.name, nodeText: 'Chain KPI 0.0' });
    const mb = (Buffer.byteLength(exported.text) / 1e6).toFixed(2);
    console.log(`\nImport JSON of "${exported.name}" (${mb} MB: Export JSON of the 3,000-KPI model with 36 months of values and KPI texts): until its first view`);
    im.runs.forEach((r, i) => console.log(`  run ${i + 1}: import ${r.importMs.toFixed(0)} ms, JSON.parse ${r.parseMs.toFixed(1)} ms, ratio ${(r.importMs / r.parseMs).toFixed(0)}x`));
    console.log(`| import (median of 3) | ${im.importMs.toFixed(0)} ms | JSON.parse ${im.parseMs.toFixed(1)} ms | ratio ${(im.importMs / im.parseMs).toFixed(0)}x |`);
  }
  await browser.close();
  await server.close();
}
