// The three meeting levels (issue 22): an action escalated from a chain meeting shows in the MT
// meeting with where it came from, and marking it done there marks it done (it leaves); a
// department meeting shows its links' KPIs across chains, closes and lists itself under its
// Earlier meetings; each level prints its pack; screenshots of the three at 1280x800, EN and NL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, seedTemplate, partsLoaded } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = '2026-11';
const SHOTS = process.env.SHOTS || '/tmp';
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `levels-${name}.png`) });
const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const tab = (page, name) => page.getByRole('tab', { name, exact: true });

async function asOf(page) {
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
}

async function chainMeeting(page, chain) {
  await tab(page, 'Meeting').click();
  await page.getByRole('combobox', { name: 'Chain' }).selectOption({ label: chain });
  await page.getByRole('list', { name: 'Earlier meetings' }).waitFor({ state: 'attached' });
}

async function departmentMeeting(page, department) {
  await tab(page, 'Department meeting').click();
  await page.getByRole('combobox', { name: 'Department' }).selectOption({ label: department });
  await page.getByRole('list', { name: 'Earlier meetings' }).waitFor({ state: 'attached' });
}

async function mtMeeting(page) {
  await tab(page, 'MT meeting').click();
  await page.getByRole('list', { name: 'Escalated actions' }).waitFor({ state: 'attached' });
}

/** Adds an action to the meeting on show, escalated to the MT when `escalate`. */
async function addAction(page, what, owner, due, escalate) {
  await page.getByRole('button', { name: 'Add action' }).click();
  await box(page, 'Action').last().fill(what);
  await box(page, 'Action owner').last().fill(owner);
  await box(page, 'Due').last().fill(due);
  await box(page, 'Due').last().blur();
  if (escalate) await page.getByRole('checkbox', { name: 'Escalate to MT' }).last().check();
}

const escalated = (page) => page.getByRole('list', { name: 'Escalated actions' }).getByRole('listitem');

test('an action escalated from a chain meeting shows in the MT meeting until done there', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await asOf(page);
  await mtMeeting(page);
  await page.getByText('No open escalated actions.').waitFor();
  // The three views share a branch of the panel; its name follows the tab, and the
  // inspector steps aside in each.
  await page.getByRole('tabpanel', { name: 'MT meeting' }).waitFor();
  await tab(page, 'Department meeting').click();
  await page.getByRole('tabpanel', { name: 'Department meeting' }).getByRole('combobox', { name: 'Department' }).waitFor();
  assert.equal(await page.locator('.inspector').first().isVisible(), false);

  await chainMeeting(page, 'Breakdown repair');
  await addAction(page, 'A second van for spare parts', 'Service', '2027-01', true);
  await addAction(page, 'Stays in the chain', 'Planning', '2027-02', false);

  await mtMeeting(page);
  const item = escalated(page).filter({ hasText: 'A second van for spare parts' });
  await item.waitFor();
  assert.equal(await escalated(page).count(), 1, 'only the escalated action');
  assert.match(await item.innerText(), /Chain: Breakdown repair/);
  // Its chain's line counts both open actions.
  const line = page.locator('.mt-chain-table tr', { hasText: 'Breakdown repair' });
  assert.match(await line.innerText(), /Service director/);
  assert.match(await line.innerText(), /\b2\b/);

  // Done in the MT meeting: it leaves the list, and it is done in its chain's meeting.
  // (Clicked, not `check`ed: the row leaves as it is checked.)
  await item.getByRole('checkbox', { name: 'Done' }).click();
  await item.waitFor({ state: 'detached' });
  await page.getByText('No open escalated actions.').waitFor();
  await chainMeeting(page, 'Breakdown repair');
  const row = page.locator('.action').first();
  assert.equal(await row.getByRole('textbox', { name: 'Action', exact: true }).inputValue(), 'A second van for spare parts');
  assert.equal(await row.getByRole('checkbox', { name: 'Done' }).isChecked(), true);
  assert.equal(await row.getByRole('checkbox', { name: 'Escalate to MT' }).isChecked(), true);
  // Undo: open again, back in the MT meeting.
  await page.getByRole('button', { name: 'Undo' }).click();
  await mtMeeting(page);
  await escalated(page).filter({ hasText: 'A second van for spare parts' }).waitFor();

  // Dutch names.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await page.getByRole('tab', { name: 'MT-overleg' }).waitFor();
  await page.getByRole('tab', { name: 'Afdelingsoverleg' }).waitFor();
  await page.getByText('Keten: Breakdown repair').waitFor();
  await page.getByRole('tab', { name: 'Ketenoverleg' }).click();
  await page.getByRole('checkbox', { name: 'Escaleren naar MT' }).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a department meeting: its KPIs across chains, an escalation, close; Earlier meetings keeps it', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await asOf(page);
  await departmentMeeting(page, 'Logistics');
  // Its link KPIs in two chains, each headed by chain and link.
  await page.getByRole('button', { name: 'Machines delivered on the planned day', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Orders picked correctly', exact: true }).waitFor();
  // The handover it receives in the supplies chain is a group of its own.
  const heads = await page.locator('.meeting-kpis th.mk-group .mk-group-name').allInnerTexts();
  assert.deepEqual(heads, [
    'New coffee machine · Logistics',
    'Coffee beans and ingredients · Handover Customer service (order intake) -> Logistics (picking and delivery)',
    'Coffee beans and ingredients · Logistics (picking and delivery)',
  ]);
  assert.match(await page.locator('.meeting-kpis').innerText(), /on target|at risk|off target/);
  await box(page, 'Comment on Orders picked correctly').fill('New scanner since October');
  await box(page, 'Comment on Orders picked correctly').blur();
  await addAction(page, 'Second picking shift', 'Logistics', '2027-03', true);
  await box(page, 'Meeting notes').fill('Picking steady, deliveries late.');
  await box(page, 'Meeting notes').blur();
  await page.getByRole('button', { name: 'Close meeting' }).click();
  const earlier = page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem');
  await earlier.first().waitFor();
  assert.equal(await earlier.count(), 1);
  const text = await earlier.first().innerText();
  assert.match(text, /as of 2026-11/);
  assert.match(text, /Picking steady, deliveries late\./);
  assert.doesNotMatch(text, /Present:/, 'a department meeting lists no attendees');
  assert.equal(await box(page, 'Meeting notes').inputValue(), '');
  await page.getByRole('region', { name: 'Since the last meeting' }).getByText('Nothing changed.').waitFor();
  // Another department has its own meeting.
  await page.getByRole('combobox', { name: 'Department' }).selectOption({ label: 'Planning' });
  await page.getByRole('button', { name: 'Installation planned within 2 days', exact: true }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem').count(), 0);

  // The escalation reached the MT, with its department.
  await mtMeeting(page);
  const item = escalated(page).filter({ hasText: 'Second picking shift' });
  await item.waitFor();
  assert.match(await item.innerText(), /Department: Logistics/);
  // The MT meeting closes too.
  await box(page, 'Meeting notes').fill('Margin under pressure.');
  await page.getByRole('button', { name: 'Close meeting' }).click();
  await page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem').first().waitFor();

  // Reload: the department meeting held is still listed.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.reload();
  await asOf(page);
  await departmentMeeting(page, 'Logistics');
  const after = page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem');
  await after.first().waitFor();
  assert.equal(await after.count(), 1);
  assert.equal(await box(page, 'Comment on Orders picked correctly').inputValue(), 'New scanner since October');
  assert.deepEqual(errors, []);
  await context.close();
});

test('printing from the department and the MT meeting gives their packs', async () => {
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await asOf(page);
  await departmentMeeting(page, 'Service');
  await addAction(page, 'Train two fitters', 'Service', '2027-01', true);
  await partsLoaded(page);
  const doc = page.locator('#print-doc');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await doc.locator('.meeting-page:not(.pack-trends)').count(), model.departments.length);
  // Each department with KPIs has a page of their trend charts after its page.
  assert.ok(await doc.locator('.pack-trends').count() > 0);
  const text = await doc.innerText();
  assert.ok(text.includes('Department meeting · Service'));
  assert.ok(text.includes('Train two fitters'));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await mtMeeting(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await doc.locator('.meeting-page:not(.pack-trends)').count(), 1);
  // The result KPIs' trend charts on a page after it.
  assert.equal(await doc.locator('.pack-trends figure svg[role=img]').count(), model.kpis.filter((k) => k.at.level === 'result').length);
  const mt = await doc.innerText();
  assert.ok(mt.includes('MT meeting'));
  assert.ok(mt.includes('Customer satisfaction'));
  assert.ok(mt.includes('Department: Service'));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots of the three meeting levels at 1280x800, 1024x768 and 412x915, EN and NL', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await asOf(page);
  // A chain meeting held, an escalation from it and from a department, an MT action.
  await chainMeeting(page, 'Breakdown repair');
  await addAction(page, 'A second van for spare parts', 'Service', '2027-01', true);
  await page.getByRole('button', { name: 'Close meeting' }).click();
  await page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem').first().waitFor();
  await departmentMeeting(page, 'Logistics');
  await addAction(page, 'Second picking shift', 'Logistics', '2026-10', true);
  await box(page, 'Meeting notes').fill('Picking steady, deliveries late.');
  await page.getByRole('button', { name: 'Close meeting' }).click();
  await page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem').first().waitFor();
  await mtMeeting(page);
  await addAction(page, 'Budget for a second van', 'Operations director', '2027-Q1', false);
  await page.mouse.move(0, 0);
  for (const lang of ['English', 'Nederlands']) {
    const code = lang === 'English' ? 'en' : 'nl';
    await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption(lang);
    const names = lang === 'English'
      ? ['Department meeting', 'Meeting', 'MT meeting']
      : ['Afdelingsoverleg', 'Ketenoverleg', 'MT-overleg'];
    for (const [name, file] of names.map((n, i) => [n, ['department', 'chain', 'mt'][i]])) {
      await tab(page, name).click();
      await page.locator('.earlier-list').waitFor({ state: 'attached' });
      for (const [width, height] of [[1280, 800], [1024, 768], [412, 915]]) {
        await page.setViewportSize({ width, height });
        await page.evaluate(() => window.scrollTo(0, 0));
        // Nothing of the meeting sticks out sideways, at any of the three widths.
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= width, `${file} ${code} at ${width}: ${wide} px wide`);
        await shot(page, `${file}-${code}${width === 1280 ? '' : `-${width}`}`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});
