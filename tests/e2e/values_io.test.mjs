// Paste values, Export values CSV, Import values CSV: the preview lists every problem quoting
// the cell, Apply is one undo step, and exported values import into a fresh copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, openPage } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Two monthly KPIs of the Coffee machines template; months far ahead of its own values.
const BLOCK = [
  'KPI\tMar-31\t4/1/2031',
  'Machines installed on time\t91.5\t93',
  'Installed right the first time\t88\tlots',
  'Espresso quality\t7\t8',
].join('\n');

const WANT = [
  'Machines installed on time,2031-03,91.5',
  'Machines installed on time,2031-04,93',
  'Installed right the first time,2031-03,88',
];

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

async function exportValues(page) {
  return download(page, () => page.getByRole('button', { name: 'Export values CSV' }).click());
}

/** The 2031 rows of the exported values as `kpi,period,value`. */
async function pasted(page) {
  const { bytes } = await exportValues(page);
  return bytes.toString('utf8').split('\r\n')
    .map((row) => row.split(','))
    // kpi_id, kpi, chain, link, period, value, comment (no commas in these names)
    .filter((cells) => cells[4]?.startsWith('2031'))
    .map((cells) => [cells[1], cells[4], cells[5]].join(','))
    .sort();
}

async function openTemplate(page) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Coffee machines' }).click();
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  await page.getByRole('tab', { name: 'Values' }).click();
}

test('Paste values: preview with problems, Apply as one undo step, export and import', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await openTemplate(page);

  // The textbox has the focus when the dialog opens; Escape closes the dialog without a
  // change and the focus is back on the button that opened it.
  const opener = page.getByRole('button', { name: 'Paste values' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Paste values' });
  await dialog.waitFor();
  const focused = (l) => l.evaluate((el) => el === document.activeElement);
  const field = page.getByRole('textbox', { name: 'Values to paste' });
  await page.waitForFunction(() => document.activeElement?.id === 'values-to-paste');
  assert.ok(await focused(field));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.ok(await focused(opener), 'the focus is back on Paste values');

  await page.getByRole('button', { name: 'Paste values' }).click();
  await page.getByRole('textbox', { name: 'Values to paste' }).fill(BLOCK);
  await dialog.getByText('3 values will be set.').waitFor();
  const problems = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  assert.deepEqual(await problems.allTextContents(), [
    'Row 3, column 3: “lots” is not a number.',
    'Row 4, column 1: “Espresso quality”: no KPI has this name.',
  ]);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await pasted(page), [...WANT].sort());

  // One undo step takes the whole paste back; redo brings it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await pasted(page), []);
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.deepEqual(await pasted(page), [...WANT].sort());

  // Export values CSV: <model>.values.csv, UTF-8 with BOM.
  const file = await exportValues(page);
  assert.equal(file.name, 'Coffee machines.values.csv');
  assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(file.bytes.toString('utf8'), /^\uFEFFkpi_id,kpi,chain,link,period,value,comment\r\n/);

  // A fresh copy of the template has none of them; importing the file sets them again.
  await openTemplate(page);
  assert.deepEqual(await pasted(page), []);
  await page.getByLabel('Import values CSV').setInputFiles({
    name: file.name, mimeType: 'text/csv', buffer: file.bytes,
  });
  const importing = page.getByRole('dialog', { name: 'Import values CSV' });
  await importing.getByText(/^3 values will be set/).waitFor();
  assert.equal(await importing.getByRole('list', { name: 'Problems' }).count(), 0);
  await importing.getByRole('button', { name: 'Apply' }).click();
  await importing.waitFor({ state: 'detached' });
  assert.deepEqual(await pasted(page), [...WANT].sort());

  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 23: the preview is a small grid (KPI x period, old -> new, overwrites marked); after
// Apply the cells set are highlighted in the grid and the toolbar says how many.
test('Paste values: the preview grid marks overwrites; after Apply the cells set are highlighted and counted', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await openTemplate(page);
  await page.getByRole('combobox', { name: 'As of' }).selectOption('2026-12');
  await page.getByRole('button', { name: 'Paste values' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste values' });
  // November has 97.5 (overwritten); December has no value yet.
  await page.getByRole('textbox', { name: 'Values to paste' }).fill('KPI\t2026-11\t2026-12\nMachines installed on time\t80\t96');
  const grid = dialog.getByRole('table', { name: 'Preview' });
  await grid.waitFor();
  assert.deepEqual(await grid.getByRole('columnheader').allTextContents(), ['KPI', '2026-11', '2026-12']);
  const row = grid.getByRole('row').filter({ hasText: 'Machines installed on time' });
  const cells = row.getByRole('cell');
  assert.equal((await cells.nth(0).textContent()).trim(), '97.5 → 80');
  assert.equal(await cells.nth(0).getAttribute('class'), 'paste-overwrite');
  assert.equal(await cells.nth(0).getAttribute('title'), 'replaces 97.5');
  assert.equal((await cells.nth(1).textContent()).trim(), '96');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: /^2 values set$/ }).waitFor();
  const values = page.getByRole('grid', { name: 'Values' });
  for (const period of ['2026-11', '2026-12']) {
    const td = values.getByRole('textbox', { name: `Machines installed on time, ${period}` }).locator('xpath=..');
    assert.match(await td.getAttribute('class'), /vg-pasted/);
  }
  const other = values.getByRole('textbox', { name: 'Machines installed on time, 2026-10' }).locator('xpath=..');
  assert.doesNotMatch(await other.getAttribute('class'), /vg-pasted/);
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await page.getByRole('status').filter({ hasText: /^2 waarden ingevuld$/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
