// Earlier meetings are records (issue 23, point 6): close a chain meeting with a comment,
// change the value and the comment afterwards, open the earlier meeting: it shows the value,
// status and comment of that moment, the actions and who was absent; "Compare with this
// meeting" shows each KPI then -> now. EN and NL, 1280 and 1024 screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedTemplate, screenshot } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = '2026-11';
const KPI = 'Machines installed on time';

async function openMeeting(page) {
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
  await page.getByRole('tab', { name: 'Meeting', exact: true }).click();
  await page.getByRole('combobox', { name: 'Chain' }).selectOption({ label: 'New coffee machine' });
  await page.getByRole('list', { name: 'Earlier meetings' }).waitFor({ state: 'attached' });
}

const box = (page, name) => page.getByRole('textbox', { name, exact: true });

/** Sets the KPI's value for AS_OF in the Values view and comes back to the meeting. */
async function setValue(page, value) {
  await page.getByRole('tab', { name: 'Values' }).click();
  const cell = page.getByRole('textbox', { name: `${KPI}, ${AS_OF}` });
  await cell.fill(value);
  await cell.press('Enter');
  await page.getByRole('tab', { name: 'Meeting', exact: true }).click();
}

for (const [width, height] of [[1280, 800], [1024, 768]]) {
  test(`an earlier meeting opens as its record; Compare shows then -> now (${width})`, async () => {
    const { init } = seedTemplate('coffee-machines.en.kpi.json');
    const { page, context, errors } = await openPage(browser, server.url, { init, viewport: { width, height } });
    await openMeeting(page);

    // The meeting: a comment, an action, Planning absent, notes; then Close meeting.
    const comment = box(page, `Comment on ${KPI}`);
    await comment.fill('Fitter ill for two weeks');
    await comment.blur();
    await page.getByRole('button', { name: 'Add action' }).click();
    await box(page, 'Action').last().fill('Hire a second fitter');
    await box(page, 'Action owner').last().fill('Service');
    await box(page, 'Action owner').last().blur();
    await page.getByRole('checkbox', { name: 'Planning', exact: true }).uncheck();
    await box(page, 'Meeting notes').fill('Good month, one fitter short.');
    await box(page, 'Meeting notes').blur();
    await page.getByRole('button', { name: 'Close meeting' }).click();
    const earlier = page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem');
    await earlier.first().waitFor();

    // Afterwards the value drops and the comment is rewritten.
    await setValue(page, '80');
    await page.getByRole('region', { name: 'Since the last meeting' })
      .getByText(`${KPI}: 97.5% → 80%`).waitFor();
    await comment.fill('Both fitters ill');
    await comment.blur();

    // Open the earlier meeting: the record of that moment.
    await earlier.first().getByRole('button', { name: 'Open', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Chain meeting · New coffee machine · \d{4}-\d{2}-\d{2}$/ });
    await dialog.waitFor();
    const row = dialog.getByRole('row', { name: new RegExp(`^${KPI}`) });
    const rowText = await row.innerText();
    assert.match(rowText, /97\.5%/);
    assert.match(rowText, /on target/);
    assert.match(rowText, /Fitter ill for two weeks/);
    assert.ok(!/Both fitters ill/.test(rowText), rowText);
    assert.ok(!/80%/.test(rowText), rowText);
    const text = await dialog.innerText();
    assert.match(text, /as of 2026-11/);
    assert.match(text, /Hire a second fitter/);
    assert.match(text, /Absent\s*Planning/);
    assert.match(text, /Good month, one fitter short\./);
    await screenshot(page, `record-en-${width}`);

    // Compare with this meeting: then -> now.
    const compare = dialog.getByRole('button', { name: 'Compare with this meeting' });
    await compare.click();
    assert.equal(await compare.getAttribute('aria-pressed'), 'true');
    const then = dialog.getByRole('table', { name: 'Then → now' });
    await then.waitFor();
    const cmp = await then.getByRole('row', { name: new RegExp(`^${KPI}`) }).innerText();
    assert.match(cmp, /97\.5%\s*✓\s*on target[\s\S]*→[\s\S]*80%\s*✕\s*off target/);
    await screenshot(page, `record-compare-en-${width}`);

    // Dutch, with the dialog still open.
    // (a select is chosen without a pointer, so the backdrop does not stand in the way)
    await page.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
    const nl = page.getByRole('dialog', { name: /^Ketenoverleg · New coffee machine · / });
    await nl.waitFor();
    await nl.getByText('stand per 2026-11').waitFor();
    await nl.getByRole('button', { name: 'Vergelijk met dit overleg' }).waitFor();
    assert.match(await nl.innerText(), /Afwezig\s*Planning/);
    await screenshot(page, `record-nl-${width}`);

    // Close goes back to the meeting, the focus back on the list.
    await nl.getByRole('button', { name: 'Sluiten' }).click();
    await nl.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('Escape closes a record; a department and the MT meeting open theirs too', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
  for (const [tab, title] of [['Department meeting', /^Department meeting · Service · /], ['MT meeting', /^MT meeting · /]]) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    if (tab === 'Department meeting') {
      await page.getByRole('combobox', { name: 'Department' }).selectOption({ label: 'Service' });
    }
    await page.getByRole('button', { name: 'Close meeting' }).click();
    const item = page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem').first();
    await item.getByRole('button', { name: 'Open', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    assert.ok(await dialog.getByRole('row').count() > 1, `${tab}: the KPI table has rows`);
    // No attendance at these levels.
    assert.ok(!/Absent/.test(await dialog.innerText()));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
  assert.deepEqual(errors, []);
  await context.close();
});
