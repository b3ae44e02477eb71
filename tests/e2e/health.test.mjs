// The Health view: the method checks as a list named "Health check"; "Show" selects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seedTemplate } from './support.mjs';

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
