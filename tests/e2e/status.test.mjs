// Status everywhere a KPI appears: a value and a norm give a status word in the KPI table,
// the diagram and the inspector; "As of" changes it; the table fits 1280 px with the
// inspector open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, openPage, screenshot } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KPI = 'Machines installed on time';
const pad = (n) => String(n).padStart(2, '0');
const now = new Date();
const THIS_MONTH = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
const LAST_MONTH = `${prev.getFullYear()}-${pad(prev.getMonth() + 1)}`;

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return fs.readFileSync(await dl.path(), 'utf8');
}

test('a value against the norm shows its status in the table, the diagram and the inspector', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Coffee machines' }).click();
  const modelName = page.getByRole('textbox', { name: 'Model name' });
  await modelName.waitFor();

  // Give one monthly KPI a value this month (and none the month before) through a file.
  const file = JSON.parse(await download(page, () => page.getByRole('button', { name: 'Export JSON' }).click()));
  const kpi = file.model.kpis.find((k) => k.name === KPI);
  assert.equal(kpi.frequency, 'monthly');
  kpi.direction = 'higher';
  kpi.values = { [THIS_MONTH]: [97] };
  file.model.name = 'Status test';
  await page.getByLabel('Import JSON').first().setInputFiles({
    name: 'status.kpi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  for (let i = 0; i < 50 && (await modelName.inputValue()) !== 'Status test'; i++) await page.waitForTimeout(100);
  assert.equal(await modelName.inputValue(), 'Status test');
  await page.getByRole('combobox', { name: 'As of' }).selectOption(THIS_MONTH);

  // Select the KPI by its name in the table; set its norm in the inspector.
  await page.getByRole('tab', { name: 'KPIs' }).click();
  const table = page.getByRole('table');
  await table.getByRole('button', { name: KPI, exact: true }).click();
  await page.getByRole('textbox', { name: 'Target' }).fill('95');
  await page.getByRole('textbox', { name: 'Red threshold' }).fill('90');
  const row = page.locator('.kpi-table tbody tr').filter({ has: page.getByRole('button', { name: KPI, exact: true }) });
  const status = row.locator('td.col-status');
  await status.filter({ hasText: 'on target' }).waitFor();
  assert.equal(await row.locator('td.col-value').innerText(), '97%');
  assert.match(await row.getByRole('img').getAttribute('aria-label'), /^Trend over 12 months: 97, on target$/);
  assert.equal(await page.getByRole('columnheader', { name: 'Value' }).count(), 1);
  assert.equal(await page.getByRole('columnheader', { name: 'Status' }).count(), 1);
  assert.equal(await page.getByRole('columnheader', { name: 'Rename' }).count(), 0);

  // The inspector says it too, with what drives it.
  const inspector = page.locator('.inspector');
  await inspector.locator('.kpi-standing').filter({ hasText: 'on target' }).waitFor();
  assert.match(await inspector.locator('.kpi-standing').innerText(), /Drivers: (no value|no norm|on target|at risk|off target)/);

  // A higher target: at risk. Thresholds that contradict the direction are named.
  await page.getByRole('textbox', { name: 'Target' }).fill('98');
  await status.filter({ hasText: 'at risk' }).waitFor();
  await page.getByRole('textbox', { name: 'Red threshold' }).fill('99');
  await inspector.getByRole('status').filter({ hasText: 'Higher is better, yet the red threshold is above the target.' }).waitFor();
  await page.getByRole('textbox', { name: 'Red threshold' }).fill('90');
  await status.filter({ hasText: 'at risk' }).waitFor();

  // The table fits its panel with the inspector open: no sideways scrolling.
  const fits = await page.locator('.kpi-table-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth);
  assert.ok(fits, 'the KPI table scrolls sideways at 1280 px with the inspector open');
  await screenshot(page, 'status-kpis');

  // The diagram's box names the status in its title; so does its chain's box, rolled up.
  await page.getByRole('tab', { name: 'Structure' }).click();
  const box = page.locator(`g[role=button][aria-label="${KPI}"]`);
  await box.waitFor();
  assert.match(await box.locator('title').textContent(), /97%, at risk$/);
  const chainName = file.model.chains.find((c) => c.id === kpi.at.chain).name;
  const chainBox = page.locator(`g[role=button][aria-label="${chainName}"]`);
  assert.match(await chainBox.locator('title').textContent(), /at risk$/);
  await screenshot(page, 'status-structure');

  // Another month: no value, in the diagram and in the table.
  await page.getByRole('combobox', { name: 'As of' }).selectOption(LAST_MONTH);
  for (let i = 0; i < 50 && !/no value$/.test(await box.locator('title').textContent()); i++) await page.waitForTimeout(100);
  assert.match(await box.locator('title').textContent(), /no value$/);
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await status.filter({ hasText: 'no value' }).waitFor();
  assert.equal(await row.locator('td.col-value').innerText(), '');

  // Back to this month: its value again.
  await page.getByRole('combobox', { name: 'As of' }).selectOption(THIS_MONTH);
  await status.filter({ hasText: 'at risk' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
