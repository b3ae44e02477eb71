// The method in depth (issue 22), as a consultant builds it with a client: a handover KPI in
// Chains, a link that touches the customer, an agreement, the chain's customer and internal
// value, and the balance finding appearing and going in Health.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seedTemplate } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openChains(page, lang = 'English') {
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: lang });
  await page.getByRole('tab', { name: lang === 'English' ? 'Chains' : 'Ketens' }).click();
  await page.locator('.chain-flow').waitFor();
}

const card = (page, name) =>
  page.locator('.link-card').filter({ has: page.getByRole('button', { name, exact: true }) });

test('a handover KPI, a customer contact, an agreement and the chain values are added in Chains', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openChains(page);

  // The template's handover from Sales to Planning, with its KPI and what is handed over.
  const handover = page.getByRole('button', { name: 'Handover Sales or Online -> Planning', exact: true });
  await handover.waitFor();
  const handoverCard = page.locator('.handover-card').filter({ has: handover });
  await handoverCard.getByRole('button', { name: 'Complete orders handed over' }).waitFor();
  assert.match(await handoverCard.innerText(), /complete checklist/);

  // Select the handover between Planning and Logistics and add a KPI to it.
  await page.getByRole('button', { name: 'Handover Planning -> Logistics', exact: true }).click();
  await page.getByRole('heading', { name: 'Handover', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Handover to the next link' }).fill('The installation date and the machine, confirmed');
  await page.getByRole('button', { name: 'Add KPI', exact: true }).click();
  await page.getByRole('heading', { name: 'Handover KPI' }).waitFor();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Dates confirmed to Logistics');
  const second = page.locator('.handover-card').filter({
    has: page.getByRole('button', { name: 'Handover Planning -> Logistics', exact: true }),
  });
  await second.getByRole('button', { name: 'Dates confirmed to Logistics' }).waitFor();
  assert.match(await second.innerText(), /The installation date and the machine, confirmed/);
  // It is not a link KPI of Planning.
  assert.equal(await card(page, 'Planning').getByRole('button', { name: 'Dates confirmed to Logistics' }).count(), 0);

  // Planning touches the customer (it calls to plan the installation).
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  assert.equal(await card(page, 'Planning').getByText('Customer contact').count(), 0);
  await page.getByRole('checkbox', { name: 'Touches the customer' }).check();
  await card(page, 'Planning').getByText('Customer contact').waitFor();

  // An agreement with its owner, shown with the link.
  await page.getByRole('button', { name: 'Add agreement' }).click();
  const agreements = page.getByRole('list', { name: 'Agreements', exact: true });
  const last = agreements.getByRole('listitem').last();
  await last.getByRole('textbox', { name: 'Agreement', exact: true }).fill('We call the customer before 12:00');
  await last.getByRole('textbox', { name: 'Agreement owner' }).fill('Head of planning');
  const shown = card(page, 'Planning').getByRole('list', { name: 'Agreements of Planning' });
  await shown.getByText('We call the customer before 12:00').waitFor();
  assert.match(await shown.innerText(), /Head of planning/);

  // The chain's customer and internal value, shown above the flow.
  await page.getByRole('button', { name: 'New coffee machine', exact: true }).click();
  await page.getByRole('textbox', { name: 'Customer value' }).fill('Coffee on the agreed day');
  await page.getByRole('textbox', { name: 'Internal value' }).fill('Margin on every machine');
  const meta = page.locator('.flow-meta');
  await meta.getByText('Coffee on the agreed day').waitFor();
  await meta.getByText('Margin on every machine').waitFor();

  // All of it is saved.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.reload();
  await openChains(page);
  await card(page, 'Planning').getByText('We call the customer before 12:00').waitFor();
  await page.locator('.flow-meta').getByText('Margin on every machine').waitFor();
  await second.getByRole('button', { name: 'Dates confirmed to Logistics' }).waitFor();
  await screenshot(page, 'chains-method');

  // In the chain meeting: Planning's agreements folded under its name (the template's and
  // the new one), and the handover headed by its two links.
  await page.getByRole('tab', { name: 'Meeting', exact: true }).click();
  await page.getByRole('combobox', { name: 'Chain' }).selectOption({ label: 'New coffee machine' });
  const planning = page.locator('.meeting-kpis th.mk-group').filter({
    has: page.locator('.mk-group-name', { hasText: /^Planning$/ }),
  });
  await planning.getByText('2 agreements').click();
  const inMeeting = planning.getByRole('list', { name: 'Agreements of Planning' });
  await inMeeting.getByText('We call the customer before 12:00').waitFor();
  assert.equal(await inMeeting.getByRole('listitem').count(), 2);
  await page.locator('.meeting-kpis .mk-group-name', { hasText: /^Planning -> Logistics$/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the balance finding appears when the chain KPIs weigh one value only, and goes', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'English' });
  await page.getByRole('tab', { name: 'Health' }).click();
  await page.getByText('No findings: the structure follows the method.').waitFor();

  await page.getByRole('tab', { name: 'KPIs' }).click();
  await page.getByRole('button', { name: 'Order to first invoice', exact: true }).click();
  const valueType = page.getByRole('combobox', { name: 'Value type' });
  await valueType.selectOption({ label: 'Customer value' });
  await page.getByRole('tab', { name: 'Health' }).click();
  const list = page.getByRole('list', { name: 'Health check' });
  const finding = list.getByRole('listitem').filter({ hasText: 'measure only customer value' });
  await finding.waitFor();
  assert.match(await finding.innerText(), /Chain “New coffee machine”: its chain KPIs measure only customer value; none measures internal value\./);
  assert.match(await finding.innerText(), /Check 16/);

  // The KPI set back to internal value makes the finding go.
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await page.getByRole('button', { name: 'Order to first invoice', exact: true }).click();
  await valueType.selectOption({ label: 'Internal value' });
  await page.getByRole('tab', { name: 'Health' }).click();
  await page.getByText('No findings: the structure follows the method.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('handovers, customer contacts and agreements speak Dutch', async () => {
  const { init } = seedTemplate('coffee-machines.nl.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openChains(page, 'Nederlands');
  const handover = page.getByRole('button', { name: 'Overdracht Verkoop of Online -> Planning', exact: true });
  await handover.click();
  await page.getByRole('heading', { name: 'Overdracht', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Overdracht aan de volgende schakel' }).waitFor();
  await card(page, 'Verkoop of Online').getByText('Klantcontact').waitFor();
  await card(page, 'Verkoop of Online').getByRole('list', { name: 'Afspraken van Verkoop of Online' }).waitFor();
  await page.locator('.flow-meta').getByText('Klantwaarde').waitFor();
  await page.getByRole('button', { name: 'Verkoop of Online', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Raakt de klant' }).waitFor();
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).waitFor();
  await screenshot(page, 'chains-method-nl');
  assert.deepEqual(errors, []);
  await context.close();
});
