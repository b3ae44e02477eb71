// The Matrix view: departments by chains, selecting from cells, adding a department.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seedTemplate, partsLoaded } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the Matrix view shows departments by chains and selects from cells', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'English' });
  await page.getByRole('tab', { name: 'Matrix' }).click();
  const table = page.getByRole('table');
  await table.waitFor();

  const cols = await table.getByRole('columnheader').allInnerTexts();
  assert.deepEqual(cols.map((c) => c.trim()), ['Department', 'New coffee machine', 'Coffee beans and ingredients', 'Breakdown repair']);
  const rows = table.getByRole('rowheader');
  assert.equal(await rows.count(), 6);
  const names = await rows.locator('.matrix-dept-name').allInnerTexts();
  assert.deepEqual(names, ['Sales', 'Planning', 'Logistics', 'Service', 'Finance', 'Customer service']);

  // Finance is in all three chains: it stands out.
  const finance = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Finance/ }) });
  assert.match(await finance.getByRole('rowheader').innerText(), /in 3 chains/);
  assert.match(await finance.getAttribute('class'), /busy/);
  const sales = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Sales/ }) });
  assert.doesNotMatch((await sales.getAttribute('class')) ?? '', /busy/);

  // The Logistics row: its link in "Coffee beans and ingredients" with its KPI.
  const logistics = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Logistics/ }) });
  const cells = logistics.getByRole('cell');
  assert.equal(await cells.count(), 3);
  const link = cells.nth(1).getByRole('button', { name: 'Logistics (picking and delivery)' });
  await link.click();
  assert.equal(await link.getAttribute('aria-pressed'), 'true');
  const kpi = cells.nth(1).getByRole('button', { name: 'Orders picked correctly' });
  await kpi.click();
  assert.equal(await kpi.getAttribute('aria-pressed'), 'true');
  assert.equal(await link.getAttribute('aria-pressed'), 'false');

  // Departments and chains are buttons too.
  const dept = table.getByRole('button', { name: 'Customer service', exact: true });
  await dept.click();
  assert.equal(await dept.getAttribute('aria-pressed'), 'true');
  await table.getByRole('button', { name: 'Breakdown repair' }).click();
  assert.equal(await table.getByRole('button', { name: 'Breakdown repair' }).getAttribute('aria-pressed'), 'true');

  await page.getByRole('button', { name: 'Service', exact: true }).click();
  await screenshot(page, 'matrix');

  // Add department: a new row, selected.
  await page.getByRole('button', { name: 'Add department' }).click();
  const added = table.getByRole('button', { name: 'New department' });
  await added.waitFor();
  assert.equal(await added.getAttribute('aria-pressed'), 'true');
  assert.equal(await rows.count(), 7);
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.reload();
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await page.getByRole('button', { name: 'New department' }).waitFor();

  assert.deepEqual(errors, []);
  await context.close();
});

test('on 200 chains the Matrix mounts only the columns near the screen and follows scrolling', async () => {
  const { largeModel } = await import('./perf.mjs');
  const model = largeModel();
  const init = ([key, entry]) => localStorage.setItem(key, entry);
  const { page, context, errors } = await openPage(browser, server.url, {
    init: [init, ['kpi-structure:model:mlarge', JSON.stringify({ rev: 1, model })]],
  });
  await page.getByRole('tab', { name: 'Matrix' }).click();
  const table = page.getByRole('table');
  await table.getByRole('button', { name: 'Chain 0', exact: true }).waitFor();
  const headers = () => page.locator('.matrix thead th.matrix-chain').count();
  assert.ok((await headers()) < 30, `${await headers()} chain columns mounted of 200`);
  assert.equal(await table.getByRole('button', { name: 'Chain 150', exact: true }).count(), 0);
  // The inspector and toolbar parts mount when the browser is idle and shift the layout:
  // let them arrive first, so the click below lands where the button is.
  await partsLoaded(page);
  await page.locator('html[data-idle]').waitFor({ state: 'attached' });
  await page.locator('.matrix-scroll').evaluate((el) => { el.scrollLeft = el.scrollWidth * 0.75; });
  const chain150 = table.getByRole('button', { name: 'Chain 150', exact: true });
  await chain150.waitFor();
  // The columns re-window on the frame after a scroll, and a pointer click (located, then
  // scrolled into view, then pressed at its coordinates) was seen under CI load to land on
  // another column ('Chain 146'). Activate the button itself from the keyboard instead: this
  // test is about which columns are mounted, not about pointer hit-testing.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 100)))));
  await chain150.press('Enter');
  // Selected: the inspector shows it (the inspector opening narrows the matrix, which may
  // re-window its columns, so the button itself is not asserted on after the click).
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.waitFor();
  assert.equal(await name.inputValue(), 'Chain 150');
  assert.deepEqual(errors, []);
  await context.close();
});
