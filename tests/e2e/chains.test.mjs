// The Chains view: the flow of a chain, moving links with the buttons and by drag and drop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seedTemplate, settled } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const linkNames = (page) => page.locator('.flow .link-name').allInnerTexts();

async function openChains(page) {
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'English' });
  await page.getByRole('tab', { name: 'Chains' }).click();
  await page.locator('.chain-flow').waitFor();
}

test('the Chains view shows a chain as a flow and moves links', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openChains(page);

  // The picker offers every chain; the first is shown.
  for (const name of ['New coffee machine', 'Coffee beans and ingredients', 'Breakdown repair']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
  }
  const flow = page.locator('.flow');
  const steps = await flow.locator(':scope > li').allInnerTexts();
  assert.match(steps[0], /Customer need/i);
  assert.match(steps[0], /guests and staff can enjoy good coffee/);
  assert.match(steps.at(-1), /Product or service/i);
  assert.match(steps.at(-1), /Machine installed on time/);
  assert.deepEqual(await linkNames(page), [
    'Sales or Online', 'Planning', 'Logistics', 'Service (installation)', 'Finance (contract and billing)',
  ]);
  // Owner, customer, chain KPIs above, link KPIs under their link, departments.
  await page.getByText('Commercial director').waitFor();
  await page.getByText('Business customer (office, hotel, restaurant)').waitFor();
  await page.getByRole('button', { name: 'Machines installed on time' }).waitFor();
  const planning = page.locator('.link-card').filter({ has: page.getByRole('button', { name: 'Planning', exact: true }) });
  await planning.getByRole('button', { name: 'Installation planned within 2 days' }).waitFor();
  assert.match(await planning.locator('.link-dept').innerText(), /planning/i);

  // Nothing selected: the move buttons are off.
  assert.equal(await page.getByRole('button', { name: 'Move left' }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: 'Move right' }).isDisabled(), true);

  // Select a link, move it right.
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  assert.equal(await page.getByRole('button', { name: 'Planning', exact: true }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Move right' }).click();
  // The first edit of the page may wait for the edit engine's part.
  const moved = ['Sales or Online', 'Logistics', 'Planning', 'Service (installation)', 'Finance (contract and billing)'];
  assert.deepEqual(await settled(() => linkNames(page), moved), moved);

  // The first link cannot move left, the last not right.
  await page.getByRole('button', { name: 'Sales or Online', exact: true }).click();
  assert.equal(await page.getByRole('button', { name: 'Move left' }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: 'Move right' }).isDisabled(), false);
  await page.getByRole('button', { name: 'Finance (contract and billing)', exact: true }).click();
  assert.equal(await page.getByRole('button', { name: 'Move right' }).isDisabled(), true);

  // The order is saved.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.reload();
  await openChains(page);
  assert.deepEqual(await linkNames(page), [
    'Sales or Online', 'Logistics', 'Planning', 'Service (installation)', 'Finance (contract and billing)',
  ]);

  // Drag and drop: Finance onto Sales or Online takes its place.
  const card = (name) => page.locator('.link-card').filter({ has: page.getByRole('button', { name, exact: true }) });
  // (The first edit after the reload may wait for the edit engine's part.)
  await card('Finance (contract and billing)').dragTo(card('Sales or Online'));
  const first = ['Finance (contract and billing)', 'Sales or Online', 'Logistics', 'Planning', 'Service (installation)'];
  assert.deepEqual(await settled(() => linkNames(page), first), first);
  // And back to the end by dragging it onto the last link.
  await card('Finance (contract and billing)').dragTo(card('Service (installation)'));
  assert.deepEqual(await settled(() => linkNames(page), moved), moved);

  // Selecting a KPI of another chain shows that chain.
  await page.getByRole('button', { name: 'Breakdown repair' }).click();
  assert.deepEqual(await linkNames(page), [
    'Customer service (report and diagnosis)', 'Planning', 'Service (repair)', 'Finance (settlement)',
  ]);
  await page.getByRole('button', { name: 'New coffee machine' }).click();
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await screenshot(page, 'chains');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a model without chains shows a hint', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'New model' }).first().click();
  await page.getByRole('tab', { name: 'Chains' }).click();
  await page.getByText('This model has no customer chains yet').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
