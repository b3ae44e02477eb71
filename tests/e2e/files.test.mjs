// Files, share links and storage: export, import (file input and drop), share links,
// a full store, a damaged entry, two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, screenshot, seedTemplate, ROOT } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TEMPLATE = 'coffee-machines.en.kpi.json';
const templatePath = path.join(ROOT, 'public', 'templates', TEMPLATE);
const templateText = fs.readFileSync(templatePath, 'utf8');

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

function modelsPanel(page) {
  return page.getByRole('region', { name: 'Models' });
}

async function showModels(page) {
  // After a reload the app may not be mounted yet: the panel's state is known only then.
  await page.getByRole('combobox', { name: /Language|Taal/ }).waitFor();
  if (!(await modelsPanel(page).isVisible())) {
    await page.getByRole('button', { name: 'Models' }).click();
  }
  return modelsPanel(page);
}

test('Export JSON and Export CSV download the open model', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  const json = await download(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  assert.equal(json.name, 'Coffee machines.kpi.json');
  const file = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(file.type, 'kpi-structure');
  assert.equal(file.model.name, 'Coffee machines');
  const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  assert.equal(csv.name, 'Coffee machines.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const header = csv.bytes.toString('utf8').slice(1).split('\r\n')[0];
  assert.match(header, /^level,goal,chain,link,name,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Import JSON always adds a new model; a broken file shows every problem with its path', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  const models = await showModels(page);
  const rows = models.getByRole('listitem');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  const input = page.getByLabel('Import JSON').first();
  await input.setInputFiles(templatePath);
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 50 && (await rows.count()) !== 2; i++) await page.waitForTimeout(100);
  });
  assert.equal(await rows.count(), 2);
  // The same file again: another new model, never a replacement.
  await input.setInputFiles(templatePath);
  for (let i = 0; i < 50 && (await rows.count()) !== 3; i++) await page.waitForTimeout(100);
  assert.equal(await rows.count(), 3);
  assert.equal(await rows.filter({ hasText: 'Coffee machines' }).count(), 3);

  // A chain link that refers to a department that is not in the file.
  const broken = JSON.parse(templateText);
  broken.model.chains[0].links[0].department = 'd-missing';
  broken.model.kpis[0].direction = 'sideways';
  await input.setInputFiles({
    name: 'broken.kpi.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'Import failed' });
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /2 problems/);
  assert.match(text, /chains\[0\]\.links\[0\]\.department refers to a department that is not in the file/);
  assert.match(text, /kpis\[0\]\.direction/);
  assert.equal(await rows.count(), 3, 'nothing stored changed');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await alert.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an imported file is shown first and kept when the page is reloaded at once', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  const name = page.getByRole('textbox', { name: 'Model name' });
  await name.waitFor();
  const file = JSON.parse(templateText);
  file.model.id = 'm-at-once';
  file.model.name = 'Imported at once';
  await page.getByLabel('Import JSON').first().setInputFiles({
    name: 'at-once.kpi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  // The app stores an imported model right after showing it; reloading as soon as it shows
  // must not lose it.
  await page.waitForFunction(() => document.querySelector('input[aria-label="Model name"]')?.value === 'Imported at once');
  await page.reload();
  const rows = (await showModels(page)).getByRole('listitem');
  await rows.filter({ hasText: 'Imported at once' }).waitFor();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('kpi-structure:model:m-at-once')));
  assert.equal(stored.model.name, 'Imported at once');
  assert.equal(stored.model.kpis.length, file.model.kpis.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a version-1 file opens with its norms as numbers and its texts kept as the description', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  const v1 = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'v1', TEMPLATE), 'utf8'));
  assert.equal(v1.version, 1);
  v1.model.name = 'Old coffee machines';
  assert.equal(v1.model.kpis[1].name, 'Contract renewal rate');
  v1.model.kpis[1].target = 'high';
  await page.getByLabel('Import JSON').first().setInputFiles({
    name: 'old.kpi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v1)),
  });
  const name = page.getByRole('textbox', { name: 'Model name' });
  for (let i = 0; i < 50 && (await name.inputValue()) !== 'Old coffee machines'; i++) await page.waitForTimeout(100);
  assert.equal(await name.inputValue(), 'Old coffee machines');
  // The KPI whose text is no number is named; its text is kept.
  const note = page.getByRole('status').filter({ hasText: 'Opened, with warnings' });
  await note.waitFor();
  assert.match(await note.innerText(), /KPI “Contract renewal rate”: its norm was not read as numbers\./);
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await note.waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: 'KPIs' }).click();
  const row = page.locator('.kpi-row').filter({ has: page.getByRole('button', { name: 'Customer satisfaction', exact: true }) });
  assert.equal((await row.locator('.col-target').innerText()).trim(), '≥ 9 (red < 8.5)');
  await page.getByRole('button', { name: 'Customer satisfaction', exact: true }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Target', exact: true }).inputValue(), '9');
  assert.equal(await page.getByRole('textbox', { name: 'Red threshold', exact: true }).inputValue(), '8.5');
  assert.equal(
    await page.getByRole('textbox', { name: 'Norm description', exact: true }).inputValue(),
    '9+ · amber 8.5 - 9 · red below 8.5',
  );
  // A number typed with a decimal comma is read; a text that is no number is not applied.
  const target = page.getByRole('textbox', { name: 'Target', exact: true });
  await target.fill('9,2');
  await page.getByRole('textbox', { name: 'Norm description', exact: true }).focus();
  assert.equal((await row.locator('.col-target').innerText()).trim(), '≥ 9.2 (red < 8.5)');
  await target.fill('9+');
  await page.getByText('Not a number, so not applied').waitFor();
  assert.equal((await row.locator('.col-target').innerText()).trim(), '≥ 9.2 (red < 8.5)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropping a .json file on the window imports it as a new model', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  const dropped = JSON.parse(templateText);
  dropped.model.name = 'Dropped model';
  const dt = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.kpi.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(dropped));
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
  await page.locator('.drop-hint').waitFor();
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await page.locator('.drop-hint').waitFor({ state: 'detached' });
  const name = page.getByRole('textbox', { name: 'Model name' });
  for (let i = 0; i < 50 && (await name.inputValue()) !== 'Dropped model'; i++) await page.waitForTimeout(100);
  assert.equal(await name.inputValue(), 'Dropped model');
  const rows = (await showModels(page)).getByRole('listitem');
  assert.equal(await rows.count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link carries the model to a new browser, which keeps it as a new model', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const box = page.getByRole('textbox', { name: 'Share link' });
  await box.waitFor();
  const link = await box.inputValue();
  assert.ok(link.startsWith(server.url + '#m='), link.slice(0, 80));
  console.log(`share link for ${TEMPLATE}: ${link.length} characters (${link.length - server.url.length} after the address)`);
  await page.getByRole('button', { name: 'Close' }).click();
  await box.waitFor({ state: 'detached' });

  // A different browser profile: nothing stored there.
  const other = await openPage(browser, link);
  const keep = other.page.getByRole('button', { name: 'Keep as new model' });
  await keep.waitFor();
  assert.match(await other.page.locator('.banner-info').innerText(),
    /This link carries the model “Coffee machines”\. Keep it as a new model\?/);
  // The banner shows the model itself: its diagram, every chain by name.
  const preview = other.page.locator('.incoming-diagram svg');
  await preview.waitFor();
  for (const chain of ['New coffee machine', 'Coffee beans and ingredients', 'Breakdown repair']) {
    assert.ok((await preview.textContent()).includes(chain), chain);
  }
  await screenshot(other.page, 'files');
  await keep.click();
  const name = other.page.getByRole('textbox', { name: 'Model name' });
  await name.waitFor();
  assert.equal(await name.inputValue(), 'Coffee machines');
  assert.ok(!other.page.url().includes('#m='), 'the fragment is cleared');
  await other.page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await other.page.reload();
  const rows = (await showModels(other.page)).getByRole('listitem');
  await rows.first().waitFor();
  assert.equal(await rows.filter({ hasText: 'Coffee machines' }).count(), 1);
  // No share banner after the reload: the link was consumed.
  assert.equal(await other.page.getByRole('button', { name: 'Keep as new model' }).count(), 0);
  assert.deepEqual(other.errors, []);
  await other.context.close();

  // A damaged link says so and changes nothing.
  const broken = await openPage(browser, link.slice(0, link.length - 40) + '!!');
  await broken.page.getByRole('alert').filter({ hasText: 'damaged or incomplete' }).waitFor();
  assert.deepEqual(broken.errors, []);
  await broken.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a model too large for a link gets an alert that offers the file instead', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  // Random text does not compress: 1,200 KPIs with random definitions make a long link.
  const big = JSON.parse(templateText);
  big.model.name = 'Big model';
  const rnd = () => Math.random().toString(36).slice(2);
  for (let i = 0; i < 1200; i++) {
    big.model.kpis.push({ id: `kx${i}`, name: `KPI ${rnd()}`, definition: rnd() + rnd() + rnd() + rnd() + rnd(),
      at: { level: 'chain', chain: 'c1' } });
  }
  await page.getByLabel('Import JSON').first().setInputFiles({
    name: 'big.kpi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)),
  });
  const name = page.getByRole('textbox', { name: 'Model name' });
  for (let i = 0; i < 50 && (await name.inputValue()) !== 'Big model'; i++) await page.waitForTimeout(100);
  assert.equal(await name.inputValue(), 'Big model');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'too large for a share link' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /limited to 32,000\)/);
  assert.equal(await page.getByRole('textbox', { name: 'Share link' }).count(), 0);
  const file = await download(page, () => alert.getByRole('button', { name: 'Download the file' }).click());
  assert.equal(file.name, 'Big model.kpi.json');
  await alert.getByRole('button', { name: 'Close' }).click();
  await alert.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full store: editing continues, Export JSON works, saving resumes when there is room', async () => {
  const { model } = seedTemplate(TEMPLATE);
  const entry = JSON.stringify({ rev: 1, model });
  const fill = ([key, entry]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(key, entry);
    let i = 0;
    for (const n of [1 << 20, 1 << 16, 1 << 12, 256, 16, 1]) {
      const chunk = 'x'.repeat(n);
      try { for (;;) localStorage.setItem('filler:' + i++, chunk); } catch (e) { /* full */ }
    }
  };
  const { page, context, errors } = await openPage(browser, server.url,
    { init: [fill, ['kpi-structure:model:mseed', entry]] });
  const name = page.getByRole('textbox', { name: 'Model name' });
  await name.waitFor();
  assert.equal(await name.inputValue(), 'Coffee machines');
  await name.fill('Coffee machines, the full version with a much longer name');
  const full = page.getByRole('alert').filter({ hasText: 'storage for this app is full' });
  await full.waitFor();
  await page.getByRole('status').filter({ hasText: /^Not saved$/ }).waitFor();
  // Editing continues.
  await name.fill('Coffee machines, still editing while the storage is full');
  assert.equal(await name.inputValue(), 'Coffee machines, still editing while the storage is full');
  // Export JSON still works and has the latest edit.
  const json = await download(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  assert.equal(JSON.parse(json.bytes.toString('utf8')).model.name,
    'Coffee machines, still editing while the storage is full');
  // What was stored earlier is intact.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('kpi-structure:model:mseed')));
  assert.equal(stored.model.name, 'Coffee machines');
  assert.equal(stored.model.kpis.length, model.kpis.length);
  // Room again: the next edit saves and the alert clears.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler:')) localStorage.removeItem(k);
  });
  await name.press('End');
  await name.pressSequentially('!');
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await full.waitFor({ state: 'detached' });
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('kpi-structure:model:mseed')));
  assert.equal(saved.model.name, 'Coffee machines, still editing while the storage is full!');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged entry is listed with its size, exportable as raw text, and kept', async () => {
  const raw = '{"rev":1,"model":';
  const init = (raw) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('kpi-structure:model:bad', raw);
      sessionStorage.setItem('seeded', '1');
    }
  };
  const { page, context, errors } = await openPage(browser, server.url, { init: [init, raw] });
  const models = await showModels(page);
  const row = models.getByRole('listitem').filter({ hasText: 'Damaged entry' });
  await row.waitFor();
  assert.match(await row.innerText(), /kpi-structure:model:bad/);
  assert.match(await row.innerText(), /17 B/);
  const file = await download(page, () => row.getByRole('button', { name: 'Export raw text' }).click());
  assert.equal(file.name, 'kpi-structure-model-bad.txt');
  assert.equal(file.bytes.toString('utf8'), raw);
  // The Models panel reports what the browser said about persistence.
  await models.getByText(/^Storage: (persistent|may be cleared by the browser)$/).waitFor();
  await page.reload();
  await (await showModels(page)).getByRole('listitem').filter({ hasText: 'Damaged entry' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kpi-structure:model:bad')), raw);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs: the list follows the other tab, a save merges, and a field both changed asks', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.getByRole('combobox', { name: 'Language' }).waitFor();
    return page;
  };
  const a = await open();
  const b = await open();
  const saved = (p) => p.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();

  await a.getByRole('button', { name: 'New model' }).first().click();
  await a.getByRole('textbox', { name: 'Model name' }).fill('Alpha');
  await saved(a);
  const bModels = await showModels(b);
  await bModels.getByRole('listitem').filter({ hasText: 'Alpha' }).waitFor();
  await a.getByRole('textbox', { name: 'Model name' }).fill('Alpha renamed');
  await saved(a);
  const row = bModels.getByRole('listitem').filter({ hasText: 'Alpha renamed' });
  await row.waitFor();
  await row.getByRole('button', { name: 'Open' }).click();
  assert.equal(await b.getByRole('textbox', { name: 'Model name' }).inputValue(), 'Alpha renamed');

  // A saves a newer revision: B, with nothing unsaved, shows it at once and says so.
  await a.getByRole('textbox', { name: 'Model name' }).fill('Alpha from A');
  await saved(a);
  const bName = b.getByRole('textbox', { name: 'Model name' });
  for (let i = 0; i < 100 && (await bName.inputValue()) !== 'Alpha from A'; i++) await b.waitForTimeout(50);
  assert.equal(await bName.inputValue(), 'Alpha from A');
  await b.getByText('This model was updated with changes saved in another tab.').waitFor();
  const storedName = () => b.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('kpi-structure:model:'));
    return JSON.parse(localStorage.getItem(key)).model.name;
  });

  // Both rename before either save lands: the later save asks; A keeps its version as a copy.
  await Promise.all([
    a.getByRole('textbox', { name: 'Model name' }).fill('Alpha, my version'),
    bName.fill('Alpha from B'),
  ]);
  const conflict = (p) => p.getByRole('alert').filter({ hasText: 'This model was also changed in another tab.' });
  await Promise.race([conflict(a).waitFor(), conflict(b).waitFor()]);
  const [asking, other] = (await conflict(a).count()) ? [a, b] : [b, a];
  const mine = asking === a ? 'Alpha, my version' : 'Alpha from B';
  const theirs = asking === a ? 'Alpha from B' : 'Alpha, my version';
  // Nothing of the asking tab is written until it decides.
  await asking.waitForTimeout(600);
  assert.equal(await storedName(), theirs);
  await conflict(asking).getByRole('button', { name: 'Keep mine as a copy' }).click();
  await conflict(asking).waitFor({ state: 'detached' });
  assert.equal(await asking.getByRole('textbox', { name: 'Model name' }).inputValue(), `Copy of ${mine}`);
  await saved(asking);
  const list = await showModels(other);
  await list.getByRole('listitem').filter({ hasText: `Copy of ${mine}` }).waitFor();
  assert.equal(await list.getByRole('listitem').filter({ hasText: theirs }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file whose "drives" has a cycle opens and says so', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'templates', TEMPLATE), 'utf8'));
  file.model.name = 'Coffee with a cycle';
  const [a, b] = file.model.kpis.filter((k) => k.drives.length > 0);
  b.drives = [a.id];
  a.drives = [b.id];
  await page.getByLabel('Import JSON').first().setInputFiles({
    name: 'cycle.kpi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  const note = page.getByRole('status').filter({ hasText: 'Opened, with warnings' });
  await note.waitFor();
  assert.match(await note.innerText(), /makes a cycle in what drives what/);
  assert.equal(await page.getByRole('textbox', { name: 'Model name' }).inputValue(), 'Coffee with a cycle');
  assert.deepEqual(errors, []);
  await context.close();
});
