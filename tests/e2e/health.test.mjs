// The Health view: the method checks as a list named "Health check"; "Show" selects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seedTemplate, showColumns } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a finding appears when a KPI loses its target, and Show selects the KPI', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('tab', { name: 'Health' }).click();
  await page.getByRole('heading', { name: 'Health check' }).waitFor();
  const list = page.getByRole('list', { name: 'Health check' });
  const before = (await list.count()) ? await list.getByRole('listitem').count() : 0;
  console.log(`coffee machines template: ${before} findings`);
  if (before === 0) {
    await page.getByText('No findings: the structure follows the method.').waitFor();
  }
  assert.ok(before <= 3, `the template should be nearly clean, has ${before} findings`);

  // Clear a KPI's target in the inspector.
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await page.getByRole('button', { name: 'Repeat breakdowns', exact: true }).click();
  await page.getByRole('textbox', { name: 'Target', exact: true }).fill('');
  await page.getByRole('tab', { name: 'Health' }).click();
  const finding = list.getByRole('listitem').filter({ hasText: 'Repeat breakdowns' });
  await finding.waitFor();
  assert.match(await finding.innerText(), /Chain KPI “Repeat breakdowns” lacks a target\./);
  assert.match(await finding.innerText(), /Check 10/);
  assert.equal(await list.getByRole('listitem').count(), before + 1);

  // A second finding for the screenshot.
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await showColumns(page, ['Unit']);
  await page.getByRole('textbox', { name: 'Unit of Fixed on the first visit' }).fill('');
  await page.getByRole('tab', { name: 'Health' }).click();
  await list.getByRole('listitem').filter({ hasText: 'Fixed on the first visit' }).waitFor();
  await screenshot(page, 'health');

  // Show selects the KPI and opens the view to fix it.
  await finding.getByRole('button', { name: 'Show' }).click();
  assert.equal(await page.getByRole('tab', { name: 'KPIs' }).getAttribute('aria-selected'), 'true');
  const kpi = page.getByRole('button', { name: 'Repeat breakdowns', exact: true });
  assert.equal(await kpi.getAttribute('aria-pressed'), 'true');

  // Fixing it makes the finding go away.
  await page.getByRole('textbox', { name: 'Target', exact: true }).fill('3');
  await page.getByRole('tab', { name: 'Health' }).click();
  await page.getByRole('heading', { name: 'Health check' }).waitFor();
  assert.equal(await list.getByRole('listitem').filter({ hasText: 'Repeat breakdowns' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Health counts the fully defined KPIs and lists the others with what they miss', async () => {
  // The template defines every KPI fully; this copy lacks a formula and a data source.
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json', 'mseed', (m) => {
    const k = m.kpis.find((k) => k.name === 'Repeat breakdowns');
    k.formula = '';
    k.data_source = '  ';
  });
  const n = model.kpis.length;
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('tab', { name: 'Health' }).click();
  await page.getByRole('heading', { name: 'KPI definitions' }).waitFor();
  await page.getByText(`${n - 1} of ${n} KPIs fully defined`, { exact: true }).waitFor();
  const list = page.getByRole('list', { name: 'KPIs not fully defined' });
  assert.equal(await list.getByRole('listitem').count(), 1);
  const item = list.getByRole('listitem').filter({ hasText: 'Repeat breakdowns' });
  assert.match(await item.innerText(), /6\/8/);
  assert.match(await item.innerText(), /Missing: formula, data source/);
  await page.locator('html[data-idle]').waitFor({ state: 'attached' });
  await page.screenshot({ path: '/tmp/complete-health-en.png' });

  // Its name selects it; filled in the inspector, the count goes up by one.
  const name = item.getByRole('button', { name: 'Repeat breakdowns', exact: true });
  await name.click();
  assert.equal(await name.getAttribute('aria-pressed'), 'true');
  await page.getByRole('textbox', { name: 'Formula', exact: true }).fill('Machines with a new breakdown within 30 days / repaired machines x 100%');
  await item.getByText('7/8', { exact: true }).waitFor();
  assert.match(await item.innerText(), /Missing: data source/);
  await page.getByRole('textbox', { name: 'Data source', exact: true }).fill('Service tickets');
  await page.getByText(`${n} of ${n} KPIs fully defined`, { exact: true }).waitFor();
  assert.equal(await list.getByRole('listitem').count(), 0);

  // Dutch, and Show opens the KPIs table with the KPI selected.
  await page.getByRole('textbox', { name: 'Owner', exact: true }).fill(' ');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await page.getByRole('heading', { name: 'KPI-definities' }).waitFor();
  await page.getByText(`${n - 1} van ${n} KPI's volledig gedefinieerd`, { exact: true }).waitFor();
  const nl = page.getByRole('list', { name: "Niet volledig gedefinieerde KPI's" });
  const nlItem = nl.getByRole('listitem').filter({ hasText: 'Repeat breakdowns' });
  assert.match(await nlItem.innerText(), /7\/8/);
  assert.match(await nlItem.innerText(), /Ontbreekt: eigenaar/);
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.screenshot({ path: '/tmp/complete-health-nl.png' });
  await nlItem.getByRole('button', { name: 'Tonen' }).click();
  assert.equal(await page.getByRole('tab', { name: "KPI's" }).getAttribute('aria-selected'), 'true');
  const kpi = page.getByRole('table').getByRole('button', { name: 'Repeat breakdowns', exact: true });
  assert.equal(await kpi.getAttribute('aria-pressed'), 'true');
  await page.getByRole('textbox', { name: 'Eigenaar', exact: true }).fill('Service manager');
  await page.getByRole('tab', { name: 'Gezondheid' }).click();
  await page.getByText(`${n} van ${n} KPI's volledig gedefinieerd`, { exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Health view speaks Dutch', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await page.getByRole('tab', { name: 'Gezondheid' }).click();
  await page.getByRole('heading', { name: 'Gezondheidscheck' }).waitFor();
  await page.getByRole('tab', { name: "KPI's" }).click();
  await page.getByRole('textbox', { name: "KPI's filteren" }).waitFor();
  await page.getByRole('combobox', { name: 'Taal' }).selectOption({ label: 'English' });
  assert.deepEqual(errors, []);
  await context.close();
});
