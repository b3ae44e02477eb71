// The Values view: a spreadsheet grid of KPIs by month; typing, keys, undo, persistence,
// and a DOM proportional to the screen on 3,000 KPIs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seedTemplate } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = '2026-11';

async function openValues(page) {
  await page.getByRole('tab', { name: 'Values' }).click();
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
  const grid = page.getByRole('grid', { name: 'Values' });
  await grid.waitFor();
  return grid;
}

test('typing values in the grid: Enter and Tab set them, arrows move, undo is per cell', async () => {
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json');
  // The template's value of a monthly KPI (its run starts 2025-12; index 10 is 2026-10).
  const was = (name, i) => String(model.kpis.find((k) => k.name === name).values['2025-12'][i]);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  const grid = await openValues(page);
  const onTime = grid.getByRole('textbox', { name: `Machines installed on time, ${AS_OF}` });
  const rightFirst = grid.getByRole('textbox', { name: `Installed right the first time, ${AS_OF}` });
  await onTime.click();
  await onTime.fill('97');
  await onTime.press('Enter');
  // Enter set it and moved down one KPI.
  await assertFocused(page, `Installed right the first time, ${AS_OF}`);
  assert.equal(await onTime.inputValue(), '97');

  // Dutch decimal comma is read too; Tab moves right, Shift+Tab left.
  const octRight = grid.getByRole('textbox', { name: 'Installed right the first time, 2026-10' });
  await octRight.click();
  await octRight.fill('88,5');
  await octRight.press('Tab');
  await assertFocused(page, `Installed right the first time, ${AS_OF}`);
  assert.equal(await octRight.inputValue(), '88.5');
  await page.keyboard.press('ArrowUp');
  await assertFocused(page, `Machines installed on time, ${AS_OF}`);
  await page.keyboard.press('ArrowLeft');
  await assertFocused(page, 'Machines installed on time, 2026-10');

  // Not a number: an alert, nothing set, the cursor stays.
  const octOnTime = grid.getByRole('textbox', { name: 'Machines installed on time, 2026-10' });
  await octOnTime.fill('lots');
  await octOnTime.press('Enter');
  await page.getByRole('alert').filter({ hasText: '“lots” is not a number' }).waitFor();
  await assertFocused(page, 'Machines installed on time, 2026-10');
  await octOnTime.press('Escape');
  assert.equal(await octOnTime.inputValue(), was('Machines installed on time', 10));

  // Undo takes back one cell at a time; redo puts it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await octRight.inputValue(), was('Installed right the first time', 10));
  assert.equal(await onTime.inputValue(), '97');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await onTime.inputValue(), was('Machines installed on time', 11));
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.equal(await onTime.inputValue(), '97');

  // Clearing a cell removes the value.
  await onTime.fill('');
  await onTime.press('Enter');
  assert.equal(await onTime.inputValue(), '');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await onTime.inputValue(), '97');

  // Stored: after a reload the value is there.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.reload();
  const again = await openValues(page);
  assert.equal(await again.getByRole('textbox', { name: `Machines installed on time, ${AS_OF}` }).inputValue(), '97');

  // Quarterly KPIs have a cell in the months a quarter ends, named after the quarter.
  assert.equal(await again.getByRole('textbox', { name: 'Customer satisfaction, 2026-Q3' }).count(), 1);
  assert.equal(await again.getByRole('textbox', { name: 'Customer satisfaction, 2026-Q4' }).count(), 0);
  await screenshot(page, 'values-en');
  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 23: each value is coloured by its status against the KPI's norm, and the status word
// is in its title (not colour alone); a KPI without a norm is not coloured.
test('a value in the grid is coloured by its status against the norm, with the word in its title', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  const grid = await openValues(page);
  // A handover's group is named like everywhere ("Handover <link> -> <next link>").
  await grid.getByRole('button', { name: 'Handover Sales or Online -> Planning', exact: true }).waitFor();
  // "Machines installed on time": at least 95, red below 90; its norm is in the Norm column.
  const cell = grid.getByRole('textbox', { name: `Machines installed on time, ${AS_OF}` });
  await grid.getByRole('columnheader', { name: 'Norm' }).waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('textbox', { name: `Machines installed on time, ${AS_OF}` }) });
  await row.getByRole('gridcell', { name: '≥ 95 (red < 90)' }).waitFor();
  const td = cell.locator('xpath=..');
  for (const [value, cls, word] of [['97', 'vg-st-on', 'on target'], ['92', 'vg-st-risk', 'at risk'], ['80', 'vg-st-off', 'off target']]) {
    await cell.fill(value);
    await cell.press('Enter');
    await page.waitForFunction(([el, c]) => el.classList.contains(c), [await td.elementHandle(), cls]);
    assert.match(await cell.getAttribute('title'), new RegExp(`^${word}`));
  }
  // An empty cell has no status.
  await cell.fill('');
  await cell.press('Enter');
  await page.waitForFunction((el) => !/vg-st-/.test(el.className), await td.elementHandle());
  assert.equal(await cell.getAttribute('title'), null);
  // In Dutch, the word in Dutch.
  await cell.fill('97');
  await cell.press('Enter');
  await page.waitForFunction((el) => el.classList.contains('vg-st-on'), await td.elementHandle());
  await page.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await page.waitForFunction(() => [...document.querySelectorAll('.vg-st-on input')].some((i) => /^op norm/.test(i.title)));
  await row.getByRole('gridcell', { name: '≥ 95 (rood < 90)' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('As of opens at the month the team has reported and says how complete the month is', async () => {
  // The template's values run to 2026-11; one KPI already has its December value.
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json', 'mseed', (m) => {
    m.kpis.find((k) => k.name === 'Machines installed on time').values['2026-12'] = [96];
  });
  const n = model.kpis.length;
  const { page, context, errors } = await openPage(browser, server.url, { init });
  const asOf = page.getByRole('combobox', { name: 'As of' });
  const line = (text) => page.locator('#as-of-complete').filter({ hasText: new RegExp(`^${text}$`) });
  await line(`${n} of ${n} KPIs have a value for 2026-11`).waitFor();
  assert.equal(await asOf.inputValue(), '2026-11');
  assert.equal(await asOf.getAttribute('aria-describedby'), 'as-of-complete');

  // December: one KPI has its value; typing a second one updates the line.
  await asOf.selectOption('2026-12');
  await line(`1 of ${n} KPIs have a value for 2026-12`).waitFor();
  await page.getByRole('tab', { name: 'Values' }).click();
  const cell = page.getByRole('grid', { name: 'Values' }).getByRole('textbox', { name: 'Installed right the first time, 2026-12' });
  await cell.fill('91');
  await cell.press('Enter');
  await line(`2 of ${n} KPIs have a value for 2026-12`).waitFor();

  // Reopened: still November, where everyone has reported; in Dutch too.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.reload();
  await line(`${n} of ${n} KPIs have a value for 2026-11`).waitFor();
  assert.equal(await asOf.inputValue(), '2026-11');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await line(`${n} van ${n} KPI's hebben een waarde voor 2026-11`).waitFor();
  const standPer = page.getByRole('combobox', { name: 'Stand per' });
  await standPer.selectOption('2026-12');
  await line(`2 van ${n} KPI's hebben een waarde voor 2026-12`).waitFor();
  await screenshot(page, 'values-as-of-nl');
  assert.deepEqual(errors, []);
  await context.close();
});

// CI once lost the cursor after Enter: the grid had scrolled to the next cell, its window of
// mounted columns moved, and every cell of every row was built anew. A cell that stays in the
// window must stay the same element, with the focus and the text being typed.
test('when the grid scrolls sideways, the cell being typed in keeps the cursor and its text', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init, viewport: { width: 1024, height: 768 } });
  const grid = await openValues(page);
  const name = 'Machines installed on time, 2026-10';
  const cell = grid.getByRole('textbox', { name });
  await cell.click();
  await cell.pressSequentially('9');
  const firstCol = () => page.evaluate(() => Math.min(...[...document.querySelectorAll('.values-grid td.vg-cell')]
    .map((td) => Number(td.getAttribute('aria-colindex')))));
  const before = await firstCol();
  // One column to the left: a column comes into the window, the typed-in cell stays in view.
  await page.evaluate(() => { document.querySelector('.values-scroll').scrollLeft -= 86; });
  await page.waitForFunction((b) => Math.min(...[...document.querySelectorAll('.values-grid td.vg-cell')]
    .map((td) => Number(td.getAttribute('aria-colindex')))) < b, before);
  assert.ok(await firstCol() < before);
  await assertFocused(page, name);
  assert.equal(await cell.inputValue(), '9');
  assert.deepEqual(errors, []);
  await context.close();
});

async function assertFocused(page, name) {
  await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, name, { timeout: 2000 })
    .catch(async () => {
      const got = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      assert.fail(`focus on “${got}”, expected “${name}”`);
    });
}

test('on 3,000 KPIs the grid mounts only the cells near the screen and follows scrolling', async () => {
  const { largeModel } = await import('./perf.mjs');
  const model = largeModel();
  const init = ([key, entry]) => localStorage.setItem(key, entry);
  const { page, context, errors } = await openPage(browser, server.url, {
    init: [init, ['kpi-structure:model:mlarge', JSON.stringify({ rev: 1, model })]],
  });
  const grid = await openValues(page);
  await grid.getByRole('textbox', { name: `Result KPI 0, ${AS_OF}` }).waitFor();
  const inputs = await page.locator('.values-grid input').count();
  assert.ok(inputs < 600, `${inputs} cells mounted for 3,000 KPIs x 36 months`);
  assert.equal(await grid.getByRole('button', { name: 'Chain KPI 150.0', exact: true }).count(), 0);
  // Scroll far down: the rows there are mounted, and typing works.
  await page.locator('.values-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight * 0.8; });
  await page.waitForFunction(() => [...document.querySelectorAll('.values-grid .vg-kpi-name')].some((b) => /Link KPI/.test(b.textContent)));
  const cell = page.locator('.values-grid .vg-kpi input').last();
  const name = await cell.getAttribute('aria-label');
  await cell.fill('42');
  await cell.press('Enter');
  assert.equal(await grid.getByRole('textbox', { name }).inputValue(), '42');
  assert.ok((await page.locator('.values-grid input').count()) < 600);
  assert.deepEqual(errors, []);
  await context.close();
});
