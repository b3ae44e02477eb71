// A team on one model (issue 21): "Your name" (asked once, remembered, self-declared),
// "My KPIs" in the Values grid, and "Waiting for values" for the As of month.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seedTemplate, settled } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openValues(page, asOf) {
  await page.getByRole('tab', { name: 'Values' }).click();
  if (asOf) await page.getByRole('combobox', { name: 'As of' }).selectOption(asOf);
  const grid = page.getByRole('grid', { name: 'Values' });
  await grid.waitFor();
  return grid;
}

/** The grid's rows, headings included (only those near the viewport are mounted). */
async function rowCount(page) {
  return page.getByRole('grid', { name: 'Values' }).getAttribute('aria-rowcount');
}

/** The KPI names the grid has mounted (its row headers' buttons). */
async function gridKpis(page) {
  return page.locator('.values-grid .vg-kpi .vg-kpi-name').allTextContents();
}

const SERVICE = ['Machine working within 24 hours', 'Fixed on the first visit', 'Repeat breakdowns'];

test('Your name: asked by My KPIs, confirmed with Enter, remembered; My KPIs filters the grid', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openValues(page);
  const mine = page.getByRole('checkbox', { name: 'My KPIs' });
  assert.equal(await mine.isChecked(), false);
  const all = await rowCount(page);
  assert.ok(Number(all) > 18, all);

  // No name yet: checking My KPIs asks for it, in a dialog that says it is not a login.
  await mine.click();
  const dialog = page.getByRole('dialog', { name: 'Who are you?' });
  await dialog.waitFor();
  await dialog.getByText('Anyone can type any name: it is not a login.').waitFor();
  const name = dialog.getByRole('textbox', { name: 'Your name' });
  assert.equal(await dialog.getByRole('button', { name: 'OK' }).isDisabled(), true);
  // An empty name cannot be confirmed.
  await name.press('Enter');
  assert.equal(await dialog.isVisible(), true);
  await name.fill('  service DIRECTOR ');
  await name.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await mine.isChecked(), true);
  assert.deepEqual(await settled(() => gridKpis(page), SERVICE), SERVICE);
  // Three KPIs under their one heading, plus the header row.
  assert.equal(await rowCount(page), '5');
  await page.getByText('Your name: service DIRECTOR').waitFor();

  // Off again: every KPI.
  await mine.uncheck();
  assert.equal(await settled(() => rowCount(page), all), all);

  // After a reload the name is remembered (My KPIs starts off; checking it asks nothing).
  await page.reload();
  await openValues(page);
  await page.getByRole('button', { name: 'Change your name' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'My KPIs' }).isChecked(), false);
  await page.getByRole('checkbox', { name: 'My KPIs' }).check();
  assert.deepEqual(await settled(() => gridKpis(page), SERVICE), SERVICE);
  assert.equal(await page.getByRole('dialog').count(), 0);

  // Changing it: the name is filled in; Escape keeps it, OK takes the new one.
  await page.getByRole('button', { name: 'Change your name' }).click();
  assert.equal(await dialog.getByRole('textbox', { name: 'Your name' }).inputValue(), 'service DIRECTOR');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Change your name' }).click();
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Anna');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await page.getByText('No KPI has “Anna” as its owner.', { exact: false }).waitFor();

  // Dutch: the same controls in Dutch words.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await page.getByRole('checkbox', { name: "Mijn KPI's" }).waitFor();
  await page.getByText('Jouw naam: Anna').waitFor();
  await page.getByRole('button', { name: 'Jouw naam wijzigen' }).click();
  await page.getByRole('dialog', { name: 'Wie ben je?' }).getByRole('textbox', { name: 'Jouw naam' }).waitFor();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  assert.deepEqual(errors, []);
  await context.close();
});

test('Cancel leaves My KPIs off and asks again next time', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openValues(page);
  const mine = page.getByRole('checkbox', { name: 'My KPIs' });
  await mine.click();
  const dialog = page.getByRole('dialog', { name: 'Who are you?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await mine.isChecked(), false);
  await mine.click();
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Financial director');
  await dialog.getByRole('button', { name: 'OK' }).click();
  assert.deepEqual(await settled(() => gridKpis(page), ['Operating margin']), ['Operating margin']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dialog closed by Escape before its first frame closes cleanly (no panic)', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openValues(page);
  // The moment the dialog is in the page (a mutation observer runs before the next frame),
  // Escape: what a fast typist does. The dialog's focus-on-open frame then finds it gone.
  const closed = page.evaluate(() => new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (document.querySelector('[role=dialog]')) {
        seen.disconnect();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(!!document.querySelector('[role=dialog]'))));
      }
    });
    seen.observe(document.body, { childList: true, subtree: true });
  }));
  await page.getByRole('checkbox', { name: 'My KPIs' }).click();
  assert.equal(await closed, false);
  assert.equal(await page.getByRole('checkbox', { name: 'My KPIs' }).isChecked(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Waiting for values lists each owner with the KPIs without a value as of the month', async () => {
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json');
  const all = model.kpis.length;
  const { page, context, errors } = await openPage(browser, server.url, { init });
  // The template's values run to 2026-11: as of December every KPI waits.
  const grid = await openValues(page, '2026-12');
  const summary = page.locator('.values-waiting summary');
  await summary.filter({ hasText: `Waiting for values for 2026-12: ${all} KPIs` }).waitFor();
  await summary.click();
  const list = page.getByRole('list', { name: 'Waiting for values' });
  const owner = (text) => list.getByRole('listitem').filter({ hasText: new RegExp(`^${text}`) });
  await owner('Commercial director: 5 KPIs').waitFor();
  await owner('Financial director: 1 KPI').getByRole('button', { name: 'Operating margin' }).waitFor();
  const owners = [...new Set(model.kpis.map((k) => k.owner))].length;
  assert.equal(await list.locator(':scope > li').count(), owners);
  // Sorted by name.
  const names = (await list.locator('.waiting-owner').allTextContents()).map((l) => l.split(':')[0].toLowerCase());
  assert.deepEqual(names, [...names].sort());
  await screenshot(page, 'team-values-waiting-en');

  // Typing the value takes the KPI (and here its owner) off the list.
  const cell = grid.getByRole('textbox', { name: 'Operating margin, 2026-12' });
  await cell.fill('12.5');
  await cell.press('Enter');
  await owner('Financial director').waitFor({ state: 'detached' });
  await summary.filter({ hasText: `Waiting for values for 2026-12: ${all - 1} KPIs` }).waitFor();
  const onTime = grid.getByRole('textbox', { name: 'Machines installed on time, 2026-12' });
  await onTime.fill('97');
  await onTime.press('Enter');
  await owner('Commercial director: 4 KPIs').waitFor();

  // A KPI's button selects it.
  const button = owner('Service director').getByRole('button', { name: 'Fixed on the first visit' });
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');

  // November: everyone reported.
  await page.getByRole('combobox', { name: 'As of' }).selectOption('2026-11');
  await summary.filter({ hasText: 'Waiting for values for 2026-11: none, every KPI has its value' }).waitFor();
  assert.equal(await list.getByRole('listitem').count(), 0);

  // Dutch.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await page.getByRole('combobox', { name: 'Stand per' }).selectOption('2026-12');
  await summary.filter({ hasText: `Wachten op waarden voor 2026-12: ${all - 2} KPI's` }).waitFor();
  const nl = page.getByRole('list', { name: 'Wachten op waarden' });
  await nl.getByRole('listitem').filter({ hasText: /^Commercial director: 4 KPI's/ }).waitFor();
  await nl.getByRole('listitem').filter({ hasText: /^Service director: 3 KPI's/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: the Values view with My KPIs, Your name and Waiting for values, wide and narrow', async () => {
  for (const [viewport, name] of [[{ width: 1280, height: 800 }, 'team-values-1280'], [{ width: 412, height: 915 }, 'team-values-412']]) {
    const { init } = seedTemplate('coffee-machines.en.kpi.json', 'mseed', (m) => {
      m.kpis.find((k) => k.name === 'Operating margin').values['2026-12'] = [11.8];
    });
    const { page, context, errors } = await openPage(browser, server.url, { viewport, init });
    await page.addInitScript(() => localStorage.setItem('kpi-structure:your-name', 'Commercial director'));
    await page.reload();
    await openValues(page, '2026-12');
    await page.getByRole('checkbox', { name: 'My KPIs' }).check();
    await page.locator('.values-waiting summary').click();
    await page.getByRole('list', { name: 'Waiting for values' }).getByRole('listitem').first().waitFor();
    await screenshot(page, name);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
