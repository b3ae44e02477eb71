// Issue 12: loads fast (a small first load; the other views are split off and load on first
// use), works offline (service worker, manifest), sends nothing (CSP blocks other origins).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, openPage, seedTemplate, partsLoaded, settled, DIST, SUB_PATH } from './support.mjs';
import { FIRST_LOAD_BUDGET_BROTLI } from './size.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const brotli = (buf) => zlib.brotliCompressSync(buf, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;

/** A view is shown when this is visible in its panel. */
const VIEWS = [
  ['Chains', (page) => page.locator('.chain-flow').first()],
  ['KPIs', (page) => page.getByRole('table')],
  ['Matrix', (page) => page.getByRole('table')],
  ['Values', (page) => page.getByRole('grid', { name: 'Values' })],
  ['Health', (page) => page.getByRole('heading', { name: 'Health check' })],
  ['Structure', (page) => page.getByRole('group', { name: 'KPI structure diagram' })],
];

async function english(page) {
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'English' });
}

async function everyView(page) {
  for (const [tab, shown] of VIEWS) {
    await page.getByRole('tab', { name: tab }).click();
    await shown(page).waitFor({ timeout: 10000 });
  }
}

test('first load: the wasm and JS before the Structure view is interactive fit the budget', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  // No service worker: its precache would fetch every file.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(init[0], init[1]);
  const from = server.log.length;
  await page.goto(server.url);
  await page.getByRole('combobox', { name: /Language|Taal/ }).waitFor();
  const diagram = page.getByRole('group', { name: 'KPI structure diagram' });
  await diagram.waitFor();
  // What the server was asked for, by the page or the worker that fetches the wasm.
  const first = [...new Set(server.log.slice(from).map((r) => r.path).filter((p) => /\.(wasm|js)$/.test(p)))];
  // Interactive: a box in the diagram selects its element (statuses drawn from the values).
  await diagram.locator('[role=button]').first().click();
  let bytes = 0;
  for (const p of first) bytes += brotli(fs.readFileSync(path.join(DIST, p.slice(SUB_PATH.length))));
  console.log(`first load: ${first.length} files, ${bytes} B brotli: ${first.join(', ')}`);
  assert.ok(bytes <= FIRST_LOAD_BUDGET_BROTLI, `first load ${bytes} B brotli > ${FIRST_LOAD_BUDGET_BROTLI} B`);
  // The lazy parts come later (idle, >= 1 s after the first view): none of them was needed.
  const parts = fs.readdirSync(path.join(DIST, first[0].split('/').at(-2))).filter((f) => f.endsWith('.wasm'));
  assert.ok(parts.length > 1, `no split parts in dist/: ${parts}`);
  // Each lazy view shows on its first switch, whether or not its part was prefetched.
  await english(page);
  await everyView(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('lazy views are prefetched when idle, so the first switch does not wait', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const from = server.log.length;
  // No service worker: its precache would ask for every part too.
  const { page, context, errors } = await openPage(browser, server.url, { init, serviceWorkers: 'block' });
  await english(page);
  await partsLoaded(page);
  // What the server was asked for (the worker fetches the wasm, so the page's own resource
  // timings do not list it).
  const log = server.log.slice(from);
  const parts = log.filter((r) => /\/(split|chunk)_[^/]*\.wasm$/.test(r.path));
  assert.ok(parts.length > 0, 'no lazy part fetched while idle');
  // The first part was requested at least 1 s after the main wasm arrived.
  const main = log.find((r) => r.path.endsWith('/main_bg.wasm'));
  const gap = Math.min(...parts.map((r) => r.start)) - main.end;
  assert.ok(gap >= 1000, `a lazy part was requested ${gap} ms after the main wasm`);
  await page.getByRole('tab', { name: 'Health' }).click();
  await page.getByRole('heading', { name: 'Health check' }).waitFor({ timeout: 500 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline after one visit: a reload opens the app and every view works', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // The worker has precached everything once it is active.
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('kpi-structure-')));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('combobox', { name: /Language|Taal/ }).waitFor();
  await english(page);
  await everyView(page);
  // A template is fetched from the cache too.
  const text = await page.evaluate(() => fetch('templates/index.json').then((r) => r.text()));
  assert.ok(text.length > 10);
  assert.deepEqual(errors, []);
  await context.close();
});

test('installable: a manifest with name, start_url, standalone display and 192/512 icons', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name);
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size);
    assert.ok(icon && fs.existsSync(path.join(DIST, icon.src)), size);
  }
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /rel="?manifest"?/);
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const files = JSON.parse(sw.match(/^const FILES = (.*);$/m)[1]);
  for (const f of files) assert.ok(f === './' || fs.existsSync(path.join(DIST, f)), f);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length > 1, 'the split parts are precached');
});

test('a new deploy waits until the user chooses Reload', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  // Deploy: the served sw.js changes (a new build hash).
  server.swSuffix = '\n// next deploy\n';
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const ready = page.getByRole('status').filter({ hasText: 'A new version is ready' });
  await ready.waitFor({ timeout: 15000 });
  // Nothing reloaded on its own: the editor is still the same document.
  await page.evaluate(() => { window.stillHere = true; });
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.stillHere), true);
  await Promise.all([page.waitForEvent('load'), ready.getByRole('button', { name: 'Reload' }).click()]);
  assert.equal(await page.evaluate(() => window.stillHere), undefined);
  server.swSuffix = '';
  assert.deepEqual(errors, []);
  await context.close();
});

test('CSP: a request to another origin is blocked, and no view logs a violation', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.evaluate(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
  });
  await english(page);
  await everyView(page);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  const result = await page.evaluate(() => fetch('https://example.com/').then(() => 'sent', (e) => `blocked: ${e}`));
  assert.match(result, /^blocked/);
  await page.waitForFunction(() => window.violations.length > 0);
  assert.deepEqual(await page.evaluate(() => window.violations), ['connect-src']);
  // The blocked fetch is the one console error expected here.
  assert.ok(errors.every((e) => /Content Security Policy|Failed to fetch/.test(e)), errors.join('\n'));
  await context.close();
});

/**
 * A page of the coffee template without a service worker, so that every request of the page
 * goes through the page's routes; `errors` collects uncaught errors (a panic among them).
 */
async function pageWithoutWorker() {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(init[0], init[1]);
  return { page, context, errors };
}

test('edits made before the edit engine has arrived wait for it, then apply in order', async () => {
  const { page, context, errors } = await pageWithoutWorker();
  let release;
  const held = new Promise((r) => { release = r; });
  let asked = 0;
  await page.route(/\/split_engine_[^/]*\.wasm$/, async (route) => {
    asked += 1;
    await held;
    await route.continue();
  });
  await page.goto(server.url);
  await english(page);
  const stored = () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('kpi-structure:model:'));
    const m = JSON.parse(localStorage.getItem(key)).model;
    return { name: m.name, goals: (m.goals || []).map((g) => g.name) };
  });
  const before = await stored();
  // The diagram is there and the model can be edited at once: the first edit asks for the
  // engine's part; it and the edits after it wait for it.
  await page.getByRole('group', { name: 'KPI structure diagram' }).waitFor();
  await page.getByRole('textbox', { name: 'Model name' }).fill('Coffee, edited early');
  // Two quick Add goal: each new goal's name is free in the model it is added to.
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.waitForTimeout(300);
  assert.ok(asked >= 1, 'the first edit did not ask for the edit engine');
  assert.deepEqual(await stored(), before, 'an edit applied without the engine');
  // Not saved yet, and the page says so (leaving now would ask first).
  await page.getByRole('status').filter({ hasText: /^Not saved$/ }).waitFor();
  release();
  // All apply, in order, and are saved; the last added goal is selected.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  const all = { name: 'Coffee, edited early', goals: [...before.goals, 'New goal', 'New goal 2'] };
  assert.deepEqual(await settled(stored, all), all);
  assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'New goal 2');
  // One undo step each: the goals go first, then the name.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await settled(stored, before), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('values pasted before the edit engine has arrived are counted once they are set', async () => {
  const { page, context, errors } = await pageWithoutWorker();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/split_engine_[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await english(page);
  await page.getByRole('tab', { name: 'Values', exact: true }).click();
  await page.getByRole('combobox', { name: 'As of' }).selectOption('2026-12');
  await page.getByRole('button', { name: 'Paste values', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste values' });
  await page.getByRole('textbox', { name: 'Values to paste' }).fill('KPI\t2026-12\nMachines installed on time\t96');
  await dialog.getByRole('table', { name: 'Preview' }).getByRole('cell', { name: '96' }).waitFor();
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // Not set yet, so not counted: the page says the change is not saved.
  const cell = page.getByRole('textbox', { name: 'Machines installed on time, 2026-12' });
  await page.getByRole('status').filter({ hasText: /^Not saved$/ }).waitFor();
  assert.equal(await page.locator('.values-pasted').textContent(), '');
  release();
  await page.getByRole('status').filter({ hasText: /^1 value set$/ }).waitFor();
  assert.equal(await cell.inputValue(), '96');
  assert.deepEqual(errors, []);
  await context.close();
});

// The edit engine's own part, and the one module of the code the parts share (.ci/merge_chunks.mjs).
for (const [what, file] of [['a part', /\/split_engine_[^/]*\.wasm$/], ['the shared code', /\/chunk_shared\.wasm$/]]) test(`${what} that cannot be fetched is fetched again: the app keeps working and says so`, async () => {
  const { page, context, errors } = await pageWithoutWorker();
  // It fails twice, as when offline before anything was cached (each time the worker's fetch
  // and the page's own); then the network is back.
  let asked = 0;
  await page.route(file, (route) => {
    asked += 1;
    return asked <= 4 ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(server.url);
  await english(page);
  await page.getByRole('group', { name: 'KPI structure diagram' }).waitFor();
  await page.getByRole('textbox', { name: 'Model name' }).fill('Coffee, edited offline');
  // The page says a part is missing, the edit waits (not saved), and nothing stops.
  const waiting = page.getByRole('status').filter({ hasText: 'Part of the app could not be loaded (no connection?)' });
  await waiting.waitFor();
  await page.getByRole('status').filter({ hasText: /^Not saved$/ }).waitFor();
  // Fetched again: the edit applies and is saved, and the message goes.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 20000 });
  await waiting.waitFor({ state: 'detached' });
  assert.ok(asked >= 5, `the part was asked for ${asked} times`);
  const name = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('kpi-structure:model:'));
    return JSON.parse(localStorage.getItem(key)).model.name;
  });
  assert.equal(name, 'Coffee, edited offline');
  // The app goes on: another edit applies at once.
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a name typed before the edit engine arrived survives closing the page, once, even if the part fails next time', async () => {
  // No service worker: every request of every page goes through the context's route.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const errors = [];
  const dialogs = [];
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('dialog', (d) => { dialogs.push(d.type()); d.accept(); });
  });
  // The engine's part: held on the first page, failing on the second, there on the third.
  let mode = 'hold';
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(/\/split_engine_[^/]*\.wasm$/, async (route) => {
    if (mode === 'hold') await held;
    if (mode === 'fail') await route.abort('internetdisconnected').catch(() => {});
    else await route.continue().catch(() => {});
  });
  const stored = (page) => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('kpi-structure:model:'));
    const m = JSON.parse(localStorage.getItem(key)).model;
    const journals = Object.keys(localStorage).filter((k) => k.startsWith('kpi-structure:journal:'));
    return { name: m.name, goals: (m.goals || []).map((g) => g.name), journals: journals.length };
  });
  const nameBox = (page) => page.getByRole('textbox', { name: 'Model name' });
  const closed = async (page) => {
    const gone = new Promise((r) => page.once('close', r));
    await page.close({ runBeforeUnload: true });
    await gone;
  };

  // A new model; its name typed and a goal added before the engine's part arrives; the tab
  // is closed at once.
  const first = await context.newPage();
  await first.goto(server.url);
  await english(first);
  await first.getByRole('button', { name: 'New model' }).first().click();
  await nameBox(first).fill('Named before the engine');
  await first.getByRole('button', { name: 'Add goal' }).click();
  await first.getByRole('status').filter({ hasText: /^Not saved$/ }).waitFor();
  assert.deepEqual(await stored(first), { name: 'Untitled model', goals: [], journals: 1 });
  await closed(first);
  assert.deepEqual(dialogs, [], 'closing did not need to ask: nothing is lost');

  // Next open: the engine's part cannot be fetched. The changes wait; the journal stays.
  mode = 'fail';
  const second = await context.newPage();
  await second.goto(server.url);
  await second.getByRole('status').filter({ hasText: 'Part of the app could not be loaded' }).waitFor();
  await second.getByRole('status').filter({ hasText: /^Not saved$/ }).waitFor();
  assert.equal(await nameBox(second).inputValue(), 'Untitled model');
  assert.deepEqual(await stored(second), { name: 'Untitled model', goals: [], journals: 1 });
  await closed(second);

  // The part is there again: the name and the goal apply, once, and are saved.
  mode = 'pass';
  release();
  const third = await context.newPage();
  await third.goto(server.url);
  const all = { name: 'Named before the engine', goals: ['New goal'], journals: 0 };
  assert.deepEqual(await settled(() => stored(third), all), all);
  assert.equal(await nameBox(third).inputValue(), 'Named before the engine');
  await third.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await third.reload();
  await nameBox(third).waitFor();
  await partsLoaded(third);
  assert.deepEqual(await stored(third), all, 'not applied twice');
  assert.deepEqual(errors, []);
  await context.close();
});
