// The norm text never contradicts the norm (issue 20): after Target 95 -> 97 in the inspector
// the KPIs table, the inspector, the Meeting view, print and the meeting pack show the norm
// derived from the numbers (97), never the template's old text as the norm; that text stays
// the Norm description and, now that it no longer restates the norm, is shown as a note
// ("Note: …", "Notitie: …").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedTemplate, partsLoaded, settled } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KPI = 'Machines installed on time';
const OLD = '95% · amber 90 - 95% · red below 90%';

/** Every occurrence of the old text in `text` is a note. */
function onlyAsNote(text, label) {
  const all = text.split(OLD).length - 1;
  const noted = text.split(`${label} ${OLD}`).length - 1;
  return all === noted;
}

/** The print document as text, as `beforeprint` builds it (then removed again). */
async function printed(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const doc = page.locator('#print-doc');
  const row = doc.locator('tr').filter({ hasText: KPI }).first();
  const rowText = await row.innerText();
  const all = await doc.innerText();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return { rowText, all };
}

test('Target 95 -> 97: every view shows the norm 97, the old text only as a note', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: 'As of' }).selectOption('2026-11');
  await page.getByRole('tab', { name: 'KPIs' }).click();
  const row = page.locator('.kpi-table tbody tr').filter({ has: page.getByRole('button', { name: KPI, exact: true }) });
  const norm = row.locator('td.col-target');
  await norm.filter({ hasText: '≥ 95 (red < 90)' }).waitFor();
  // Untouched, the template's text only restates the norm: no note beside it.
  assert.equal(await norm.getAttribute('title'), null);
  await row.getByRole('button', { name: KPI, exact: true }).click();

  // The inspector: the numbers, the norm derived from them, and the description as a note.
  const target = page.getByRole('textbox', { name: 'Target', exact: true });
  assert.equal(await target.inputValue(), '95');
  const description = page.getByRole('textbox', { name: 'Norm description', exact: true });
  assert.equal(await description.inputValue(), OLD);
  const hint = await description.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent);
  assert.match(hint, /A note in your own words/);
  await target.fill('97');
  await target.blur();
  const inspector = page.locator('.inspector');
  await inspector.locator('.norm-shown').filter({ hasText: '≥ 97 (red < 90)' }).waitFor();
  assert.equal(await description.inputValue(), OLD, 'the note is kept as written');

  // The KPIs table: the new norm; the old text only as the cell's note (its title).
  await norm.filter({ hasText: '≥ 97 (red < 90)' }).waitFor();
  assert.equal(await norm.innerText(), '≥ 97 (red < 90)');
  assert.equal(await norm.getAttribute('title'), `Note: ${OLD}`);
  assert.ok(!(await page.locator('.kpi-table').innerText()).includes(OLD));

  // Print (chain cards): the row says 97 with the old text as a note under it.
  await partsLoaded(page);
  let doc = await printed(page);
  assert.match(doc.rowText, /≥ 97 \(red < 90\)\s*Note: 95% · amber 90 - 95% · red below 90%/);
  assert.ok(!doc.rowText.includes('≥ 95'), doc.rowText);
  assert.ok(onlyAsNote(doc.all, 'Note:'));

  // The Meeting view: the norm 97, the old text visible under it as a note.
  await page.getByRole('tab', { name: 'Meeting', exact: true }).click();
  await page.getByRole('combobox', { name: 'Chain' }).selectOption({ label: 'New coffee machine' });
  const mrow = page.locator('.meeting-kpis tbody tr').filter({ has: page.getByRole('button', { name: KPI, exact: true }) });
  const cell = mrow.locator('td.mk-norm');
  const note = cell.locator('.norm-note');
  await note.waitFor();
  assert.equal(await note.innerText(), `Note: ${OLD}`);
  assert.ok(await note.isVisible());
  const shown = (await cell.innerText()).replace(await note.innerText(), '').trim();
  assert.equal(shown, '≥ 97 (red < 90)');
  assert.ok(onlyAsNote(await page.locator('.meeting-kpis').innerText(), 'Note:'));

  // The meeting pack (printing from the Meeting view).
  doc = await printed(page);
  assert.match(doc.rowText, /≥ 97 \(red < 90\)\s*Note: 95% · amber 90 - 95% · red below 90%/);
  assert.ok(onlyAsNote(doc.all, 'Note:'));

  // In Dutch: the derived norm in Dutch, the note labelled in Dutch, its text as written.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  assert.equal(await settled(() => note.innerText(), `Notitie: ${OLD}`), `Notitie: ${OLD}`);
  assert.equal((await cell.innerText()).replace(await note.innerText(), '').trim(), '≥ 97 (rood < 90)');

  assert.deepEqual(errors, []);
  await context.close();
});
