// Two copies of one model (issue 13): a consultant exports, the client edits the file in
// another browser profile, both go on editing; Compare shows the differences, Merge makes a
// new model with both sides' changes and asks about the field both changed; History restores
// an earlier version; two tabs editing different chains both keep their edits; storage use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, openPage, screenshot, seedTemplate } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TEMPLATE = 'coffee-machines.en.kpi.json';
const ON_TIME = 'Machines installed on time';

async function saved(page) {
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

async function select(page, name) {
  await page.getByRole('button', { name, exact: true }).first().click();
}

async function field(page, label, value) {
  const box = page.getByRole('textbox', { name: label, exact: true });
  await box.fill(value);
  await box.blur();
}

/**
 * Selects the chain `name` and returns its Owner field. Retries the click: in a two-tab run a
 * first click was seen not to select. Likely cause, fixed since: taking the other tab's save
 * reopened the model and dropped the selection; kept as a guard against a click landing
 * during a redraw.
 */
async function owner(page, name) {
  const box = page.getByRole('textbox', { name: 'Owner', exact: true });
  for (let i = 0; i < 3; i++) {
    await select(page, name);
    try {
      await box.waitFor({ timeout: 5000 });
      return box;
    } catch {
      // try again
    }
  }
  await box.waitFor();
  return box;
}

/** Waits until the textbox holds `value`. */
async function hasValue(box, value) {
  for (let i = 0; i < 100 && (await box.inputValue()) !== value; i++) await box.page().waitForTimeout(50);
  assert.equal(await box.inputValue(), value);
}

/**
 * Two tabs of one browser on the seeded coffee template. Seeded once, by the first tab: the
 * second tab must not write the entry again (that is another tab's save to the first).
 */
async function twoTabs() {
  const { model } = seedTemplate(TEMPLATE);
  const one = await openPage(browser, server.url);
  await one.page.evaluate((m) => {
    localStorage.setItem('kpi-structure:model:mseed', JSON.stringify({ version: 2, rev: 1, model: m }));
  }, model);
  await one.page.reload();
  const two = await one.context.newPage();
  const errors2 = [];
  two.on('console', (m) => { if (m.type() === 'error') errors2.push(m.text()); });
  await two.goto(server.url);
  for (const p of [one.page, two]) await p.getByRole('textbox', { name: 'Model name' }).waitFor();
  return { one, two, errors2 };
}

/** The restore points of the open model as stored (the app writes them in the background). */
async function pointCount(page) {
  return page.evaluate(() => {
    const ids = Object.keys(localStorage).filter((k) => k.startsWith('kpi-structure:points:'));
    return ids.reduce((n, k) => n + JSON.parse(localStorage.getItem(k)).length, 0);
  });
}

test('export, edit the copy in another profile, compare, merge with a conflict, restore a point', async () => {
  // The consultant's browser: the coffee template, exported for the client.
  const { init } = seedTemplate(TEMPLATE);
  const a = await openPage(browser, server.url, { init });
  await a.page.getByRole('textbox', { name: 'Model name' }).waitFor();
  await a.page.locator('html[data-idle]').waitFor({ state: 'attached', timeout: 15000 });
  const file0 = await download(a.page, () => a.page.getByRole('button', { name: 'Export JSON' }).click());
  const lineage0 = JSON.parse(file0.text).lineage;
  assert.match(lineage0.version, /^[0-9a-f]{16}$/);
  await a.page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('kpi-structure:points:')));

  // The client's browser (another profile: its own storage) imports the file and edits it:
  // renames a KPI, adds a link, and changes the same target as the consultant will.
  const b = await openPage(browser, server.url);
  await b.page.getByLabel('Import JSON').first().setInputFiles({ name: file0.name, mimeType: 'application/json', buffer: Buffer.from(file0.text) });
  await b.page.getByRole('textbox', { name: 'Model name' }).waitFor();
  await select(b.page, 'Right parts in the van');
  await field(b.page, 'Name', 'Right parts in the van, checked daily');
  await select(b.page, 'Breakdown repair');
  await b.page.getByRole('button', { name: 'Add link' }).click();
  await field(b.page, 'Name', 'Quality check');
  await select(b.page, ON_TIME);
  await field(b.page, 'Target', '96');
  await saved(b.page);
  const file1 = await download(b.page, () => b.page.getByRole('button', { name: 'Export JSON' }).click());
  const lineage1 = JSON.parse(file1.text).lineage;
  assert.equal(lineage1.from, lineage0.version, 'the copy names the version it started from');
  assert.deepEqual(b.errors, []);
  await b.context.close();

  // Meanwhile the consultant changes the target and a value.
  const { page, errors } = a;
  await select(page, ON_TIME);
  await field(page, 'Target', '97');
  await page.getByRole('tab', { name: 'Values' }).click();
  const cell = page.getByRole('grid', { name: 'Values' }).getByRole('textbox', { name: `${ON_TIME}, 2026-10` });
  await cell.fill('95.5');
  await cell.press('Enter');
  await page.getByRole('tab', { name: 'Structure' }).click();
  await saved(page);

  // Compare with the client's file: the differences by element, in words.
  await page.getByRole('button', { name: 'Compare' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare “Coffee machines”' });
  await dialog.getByLabel('Compare with file').setInputFiles({ name: file1.name, mimeType: 'application/json', buffer: Buffer.from(file1.text) });
  const diffs = dialog.getByRole('list', { name: 'Differences' });
  await diffs.waitFor();
  const lines = await diffs.getByRole('listitem').allInnerTexts();
  assert.ok(lines.includes('KPI “Right parts in the van” renamed “Right parts in the van, checked daily”'), lines.join('\n'));
  assert.ok(lines.includes('Link “Quality check” added'), lines.join('\n'));
  assert.ok(lines.includes(`Target of KPI “${ON_TIME}”: 97 → 96`), lines.join('\n'));
  assert.ok(lines.includes(`Value of “${ON_TIME}”, 2026-10: 95.5 → 96`), lines.join('\n'));
  await screenshot(page, 'compare-1280');

  // Merge: three-way (the export's restore point is the base), so only the target asks.
  await dialog.getByRole('button', { name: 'Merge' }).click();
  const conflicts = dialog.getByRole('list', { name: 'Conflicts' });
  await conflicts.waitFor();
  const items = conflicts.getByRole('listitem');
  assert.equal(await items.count(), 1);
  assert.match(await items.first().innerText(), new RegExp(`Target of KPI “${ON_TIME}”`));
  await screenshot(page, 'merge-conflicts-1280');
  await items.first().getByRole('radio', { name: 'Keep theirs' }).check();
  await dialog.getByRole('button', { name: 'Finish merge' }).click();
  await dialog.waitFor({ state: 'detached' });

  // A new model holding both sides' changes; both copies stay as they were.
  const name = page.getByRole('textbox', { name: 'Model name' });
  await page.waitForFunction(() => document.querySelector('input[aria-label="Model name"]')?.value === 'Coffee machines (merged)');
  assert.equal(await name.inputValue(), 'Coffee machines (merged)');
  await select(page, 'Right parts in the van, checked daily');
  await select(page, 'Quality check');
  await select(page, ON_TIME);
  assert.equal(await page.getByRole('textbox', { name: 'Target', exact: true }).inputValue(), '96', 'the choice: theirs');
  await page.getByRole('tab', { name: 'Values' }).click();
  assert.equal(await page.getByRole('grid', { name: 'Values' }).getByRole('textbox', { name: `${ON_TIME}, 2026-10` }).inputValue(), '95.5', 'mine only: taken');
  await page.getByRole('tab', { name: 'Structure' }).click();
  await page.getByRole('button', { name: 'Models' }).click();
  const models = page.getByRole('region', { name: 'Models' });
  const rows = models.locator('.model-row');
  assert.equal(await rows.filter({ hasText: 'Coffee machines' }).count(), 2);
  await rows.filter({ has: page.getByText('Coffee machines', { exact: true }) }).getByRole('button', { name: 'Open' }).click();
  await select(page, ON_TIME);
  assert.equal(await page.getByRole('textbox', { name: 'Target', exact: true }).inputValue(), '97', 'mine stays as it was');

  // History: restore the first point (the template as opened) as a new model.
  await page.waitForFunction(() => document.querySelector('input[aria-label="Model name"]')?.value === 'Coffee machines');
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History of “Coffee machines”' });
  const points = history.getByRole('list', { name: 'Restore points' }).getByRole('listitem');
  await points.first().waitFor();
  assert.ok((await points.count()) >= 2, `${await points.count()} points`);
  await history.getByRole('button', { name: 'Restore as new model' }).last().waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.point-list button[disabled]'));
  assert.match(await points.first().innerText(), /Before a merge/);
  await screenshot(page, 'history-1280');
  await points.last().getByRole('button', { name: 'Restore as new model' }).click();
  await history.waitFor({ state: 'detached' });
  await page.waitForFunction(() => /restored from/.test(document.querySelector('input[aria-label="Model name"]')?.value ?? ''));
  await select(page, ON_TIME);
  assert.equal(await page.getByRole('textbox', { name: 'Target', exact: true }).inputValue(), '95', 'the version before any edit');
  // The merged and the restored model each get a point of their own once the browser is idle.
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('kpi-structure:points:')).length >= 3);
  assert.ok((await pointCount(page)) >= 4);
  assert.deepEqual(errors, []);
  await a.context.close();
});

test('two tabs editing different chains of one model both keep their edits', async () => {
  const { one, two, errors2 } = await twoTabs();
  const [o1, o2] = [await owner(one.page, 'New coffee machine'), await owner(two, 'Breakdown repair')];
  // Both edit before either save lands (a save waits 400 ms after the last keystroke).
  await Promise.all([o1.fill('Sales director'), o2.fill('Head of service')]);
  for (const p of [one.page, two]) await saved(p);
  // Storage holds both edits; each tab took the other's save in place: its selection and its
  // inspector stayed (taking another tab's version used to reopen the model and drop them).
  await two.waitForFunction(() => {
    const m = JSON.parse(localStorage.getItem('kpi-structure:model:mseed')).model;
    return m.chains.filter((c) => c.owner === 'Sales director' || c.owner === 'Head of service').length === 2;
  });
  await one.page.waitForTimeout(300);
  assert.equal(await o1.inputValue({ timeout: 1000 }), 'Sales director');
  assert.equal(await o2.inputValue({ timeout: 1000 }), 'Head of service');
  // Each tab shows both edits, and so does storage.
  for (const p of [one.page, two]) {
    const owner = p.getByRole('textbox', { name: 'Owner', exact: true });
    await select(p, 'New coffee machine');
    await hasValue(owner, 'Sales director');
    await select(p, 'Breakdown repair');
    await hasValue(owner, 'Head of service');
  }
  const stored = await two.evaluate(() => JSON.parse(localStorage.getItem('kpi-structure:model:mseed')).model);
  const owners = Object.fromEntries(stored.chains.map((c) => [c.name, c.owner]));
  assert.equal(owners['New coffee machine'], 'Sales director');
  assert.equal(owners['Breakdown repair'], 'Head of service');
  assert.equal(await one.page.getByRole('alert').filter({ hasText: 'changed in another tab' }).count(), 0);
  assert.deepEqual(one.errors, []);
  assert.deepEqual(errors2, []);
  await one.context.close();
});

test('two tabs that change the same field: the later save asks, and takes the choice', async () => {
  const { one, two, errors2 } = await twoTabs();
  const [o1, o2] = [await owner(one.page, 'New coffee machine'), await owner(two, 'New coffee machine')];
  await Promise.all([o1.fill('Sales director'), o2.fill('CEO')]);
  const banner = (p) => p.getByRole('alert').filter({ hasText: 'also changed in another tab' });
  // One of the two saves lands first; the other tab asks.
  await Promise.race([banner(one.page).waitFor(), banner(two).waitFor()]);
  const asking = (await banner(one.page).count()) ? one.page : two;
  // The choices are a lazy part: the banner may show a moment before its list.
  const conflicts = banner(asking).getByRole('list', { name: 'Conflicts' });
  await conflicts.getByRole('listitem').first().waitFor();
  assert.equal(await conflicts.getByRole('listitem').count(), 1);
  assert.match(await conflicts.innerText(), /Owner of chain “New coffee machine”/);
  await conflicts.getByRole('radio', { name: 'Keep mine' }).check();
  await banner(asking).getByRole('button', { name: 'Finish merge' }).click();
  await banner(asking).waitFor({ state: 'detached' });
  await saved(asking);
  const mine = asking === one.page ? 'Sales director' : 'CEO';
  const stored = await two.evaluate(() => JSON.parse(localStorage.getItem('kpi-structure:model:mseed')).model);
  assert.equal(stored.chains.find((c) => c.name === 'New coffee machine').owner, mine);
  assert.deepEqual(one.errors, []);
  assert.deepEqual(errors2, []);
  await one.context.close();
});

test('storage use: Models shows it with the largest models, and warns before it is full', async () => {
  const { init } = seedTemplate(TEMPLATE);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  await page.getByRole('button', { name: 'Models' }).click();
  const models = page.getByRole('region', { name: 'Models' });
  await models.getByText(/ of 5\.0 MB used \(\d+%\)/).waitFor();
  assert.match(await models.locator('.storage-largest').innerText(), /^Largest: Coffee machines · \d/);
  assert.equal(await page.getByRole('alert').filter({ hasText: 'nearly full' }).count(), 0);
  // Another model's restore points fill 85 % of the store: a warning, before anything fails.
  await page.evaluate(() => localStorage.setItem('kpi-structure:points:other', JSON.stringify([{ time: 1, why: 'opened', hash: '0', name: 'x', data: 'x'.repeat(4_460_000) }])));
  await page.reload();
  await page.getByRole('alert').filter({ hasText: /nearly full \(\d+% used\)/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a model made from a template and edited at once has its made point in History, at once', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Coffee machines' }).click();
  await page.waitForFunction(() => document.querySelector('input[aria-label="Model name"]')?.value === 'Coffee machines');
  // Edited at once, and History opened at once: the point of the state it was made in is
  // still being written (when the browser is idle), and is listed as soon as it is.
  const name = page.getByRole('textbox', { name: 'Model name' });
  await name.fill('Coffee, edited at once');
  await select(page, ON_TIME);
  await field(page, 'Target', '99');
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: /^History of/ });
  const made = history.getByRole('list', { name: 'Restore points' }).getByRole('listitem').filter({ hasText: 'Made' });
  await made.waitFor({ timeout: 10000 });
  const restore = made.getByRole('button', { name: 'Restore as new model' });
  await page.waitForFunction(() => !document.querySelector('.point-list button[disabled]'));
  await restore.click();
  await history.waitFor({ state: 'detached' });
  // Restored: the template as it was made, before the edits.
  await page.waitForFunction(() => /^Coffee machines \(restored from/.test(document.querySelector('input[aria-label="Model name"]')?.value ?? ''));
  await select(page, ON_TIME);
  assert.equal(await page.getByRole('textbox', { name: 'Target', exact: true }).inputValue(), '95');
  assert.deepEqual(errors, []);
  await context.close();
});
