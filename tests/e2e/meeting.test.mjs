// The Meeting view (chain meeting, issue 11): comment, action, attendance, notes, Close
// meeting, what changed in the next meeting, reload, undo, the meeting pack as PDF, and the
// projector check (a chain of 6 links and 12 KPIs fits 1280x800 without scrolling).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, seedTemplate, partsLoaded, ROOT } from './support.mjs';
import path from 'node:path';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = '2026-11';
const SHOTS = process.env.SHOTS || '/tmp/shots-meeting';
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

async function openMeeting(page, chain = 'New coffee machine') {
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
  await page.getByRole('tab', { name: 'Meeting', exact: true }).click();
  await page.getByRole('combobox', { name: 'Chain' }).selectOption({ label: chain });
  await page.getByRole('list', { name: 'Earlier meetings' }).waitFor({ state: 'attached' });
}

const box = (page, name) => page.getByRole('textbox', { name, exact: true });

test('a meeting: comment, action, attendance, notes, close; the next one shows what changed; reload keeps it', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openMeeting(page);
  // The flow, the KPIs with their status words, and the KPI names as buttons.
  await page.getByRole('button', { name: 'Machines installed on time', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Customer satisfaction', exact: true }).waitFor();
  const table = page.locator('.meeting-kpis');
  assert.match(await table.innerText(), /on target|at risk|off target/);

  const comment = box(page, 'Comment on Machines installed on time');
  await comment.fill('Fitter ill for two weeks');
  await comment.blur();
  await page.getByRole('button', { name: 'Add action' }).click();
  await box(page, 'Action').last().fill('Hire a second fitter');
  await box(page, 'Action owner').last().fill('Service');
  await box(page, 'Due').last().fill('2027-01');
  await box(page, 'Due').last().blur();
  await box(page, 'Meeting notes').fill('Good month, one fitter short.');
  await box(page, 'Meeting notes').blur();
  const planning = page.getByRole('checkbox', { name: 'Planning', exact: true });
  assert.equal(await planning.isChecked(), true);
  await planning.uncheck();
  await page.getByRole('button', { name: 'Close meeting' }).click();

  const earlier = page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem');
  await earlier.first().waitFor();
  assert.equal(await earlier.count(), 1);
  const item = await earlier.first().innerText();
  assert.match(item, /as of 2026-11/);
  assert.match(item, /on target/);
  assert.match(item, /Good month, one fitter short\./);
  assert.ok(!/Planning,|, Planning/.test(item), 'Planning was absent: ' + item);
  // The next meeting starts afresh: notes empty, everyone present, nothing changed yet.
  assert.equal(await box(page, 'Meeting notes').inputValue(), '');
  assert.equal(await planning.isChecked(), true);
  await page.getByRole('region', { name: 'Since the last meeting' }).getByText('Nothing changed.').waitFor();

  // A value changes in the Values view.
  await page.getByRole('tab', { name: 'Values' }).click();
  const cell = page.getByRole('textbox', { name: `Machines installed on time, ${AS_OF}` });
  await cell.fill('80');
  await cell.press('Enter');
  await page.getByRole('tab', { name: 'Meeting', exact: true }).click();
  const changes = page.getByRole('region', { name: 'Since the last meeting' });
  await changes.getByText('Machines installed on time: 97.5% → 80%').waitFor();
  await changes.getByText('Machines installed on time: on target → off target').waitFor();
  // The open action carries over with its text; the comment stays.
  assert.equal(await box(page, 'Action').last().inputValue(), 'Hire a second fitter');
  assert.equal(await box(page, 'Comment on Machines installed on time').inputValue(), 'Fitter ill for two weeks');
  await shot(page, 'meeting-en-1280');

  // Reload: everything is still there.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.reload();
  await openMeeting(page);
  assert.equal(await box(page, 'Comment on Machines installed on time').inputValue(), 'Fitter ill for two weeks');
  assert.equal(await box(page, 'Action').last().inputValue(), 'Hire a second fitter');
  assert.equal(await box(page, 'Action owner').last().inputValue(), 'Service');
  assert.equal(await box(page, 'Due').last().inputValue(), '2027-01');
  assert.equal(await page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem').count(), 1);
  await page.getByRole('region', { name: 'Since the last meeting' }).getByText('Machines installed on time: 97.5% → 80%').waitFor();

  // Done: struck through in this meeting, gone after the next close.
  await page.getByRole('checkbox', { name: 'Done', exact: true }).last().check();
  await page.getByRole('region', { name: 'Since the last meeting' }).getByText('Hire a second fitter (Service)').waitFor();
  assert.equal(await box(page, 'Action').count(), 1);
  await page.getByRole('button', { name: 'Close meeting' }).click();
  await page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem').nth(1).waitFor();
  assert.equal(await box(page, 'Action').count(), 0);

  // Dutch.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await page.getByRole('tab', { name: 'Ketenoverleg' }).waitFor();
  await page.getByRole('textbox', { name: 'Toelichting bij Machines installed on time' }).waitFor();
  await shot(page, 'meeting-nl-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('overdue actions say so; Undo after Close meeting brings the meeting back', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openMeeting(page);
  await page.getByRole('button', { name: 'Add action' }).click();
  await box(page, 'Action').fill('Call the supplier');
  await box(page, 'Due').fill('2020-01');
  await box(page, 'Due').blur();
  await page.locator('.action-late', { hasText: 'overdue' }).waitFor();
  await box(page, 'Due').fill('next meeting');
  await box(page, 'Due').blur();
  assert.equal(await page.locator('.action-late').count(), 0);

  await box(page, 'Meeting notes').fill('Notes to keep');
  await page.getByRole('button', { name: 'Close meeting' }).click();
  const earlier = page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem');
  await earlier.first().waitFor();
  assert.equal(await box(page, 'Meeting notes').inputValue(), '');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await earlier.count(), 0);
  assert.equal(await box(page, 'Meeting notes').inputValue(), 'Notes to keep');
  // The notes were one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await box(page, 'Meeting notes').inputValue(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the meeting pack: one A4 landscape page per chain from the Meeting view, and one of its trend charts', async () => {
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await openMeeting(page);
  await box(page, 'Comment on Machines installed on time').fill('Fitter ill for two weeks');
  await page.getByRole('button', { name: 'Add action' }).click();
  await box(page, 'Action').fill('Hire a second fitter');
  await box(page, 'Action owner').fill('Service');
  await box(page, 'Due').fill('2026-10');
  await partsLoaded(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const doc = page.locator('#print-doc');
  assert.equal(await doc.locator('.meeting-page:not(.pack-trends)').count(), model.chains.length);
  assert.equal(await doc.locator('.chain-card').count(), 0);
  // After each chain's page, its KPIs' trend charts (issue 23): one per KPI, each named.
  assert.equal(await doc.locator('.pack-trends').count(), model.chains.length);
  await doc.getByRole('img', { name: 'Trend of Machines installed on time', includeHidden: true }).waitFor({ state: 'attached' });
  const text = await doc.innerText();
  assert.ok(text.includes('Fitter ill for two weeks'));
  assert.ok(text.includes('Hire a second fitter'));
  assert.match(text, /✓ on target/);
  await page.emulateMedia({ media: 'print' });
  // In colour (issue 23): a status prints in its colour, beside its mark and word.
  const bg = (sel) => doc.locator(sel).first().evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).printColorAdjust]);
  assert.deepEqual(await bg('.pack-on'), ['rgb(227, 244, 234)', 'exact']);
  const file = path.join(SHOTS, 'meeting-pack.pdf');
  const pdf = await page.pdf({ path: file, format: 'A4', landscape: true, preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 2 * model.chains.length, `${pages} pages`);
  try {
    execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(SHOTS, 'meeting-pack')]);
  } catch {
    await shot(page, 'meeting-pack-print');
  }
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // From another view, today's print.
  await page.getByRole('tab', { name: 'Structure' }).click();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await doc.locator('.chain-card').count(), model.chains.length);
  assert.equal(await doc.locator('.meeting-page').count(), 0);
  // The printed structure carries each KPI's value and status mark; the cards their statuses.
  const pills = doc.locator('.print-structure svg g g title');
  assert.ok((await pills.allTextContents()).includes('on target'));
  assert.match(await doc.locator('.print-structure svg').innerHTML(), /97\.5% ✓/);
  assert.ok(await doc.locator('.chain-card .pack-status').count() > 0);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.deepEqual(errors, []);
  await context.close();
});

/** The coffee template with a sixth link and two more link KPIs on "New coffee machine":
 *  6 links and 12 KPIs in its meeting (3 chain, 6 link, 3 result). */
function sixLinks() {
  const { model } = seedTemplate('coffee-machines.en.kpi.json');
  const c1 = model.chains.find((c) => c.name === 'New coffee machine');
  c1.links.push({ id: 'l6x', name: 'Customer care (after installation)', external: false });
  const values = { '2025-12': [90, 91, 93, 92, 94, 95, 93, 96, 95, 97, 96, 98] };
  for (const [id, name] of [['kx1', 'Welcome call within a week'], ['kx2', 'Questions answered the same day']]) {
    model.kpis.push({
      id, name, at: { level: 'link', chain: c1.id, link: 'l6x' }, unit: '%', direction: 'higher',
      target: 95, red: 90, frequency: 'monthly', drives: [], values,
    });
  }
  const text = fs.readFileSync(path.join(ROOT, 'public/templates/coffee-machines.en.kpi.json'), 'utf8');
  const entry = JSON.stringify({ version: JSON.parse(text).version, rev: 1, model });
  const init = ([key, entry]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, entry);
      sessionStorage.setItem('seeded', '1');
    }
  };
  return [init, [`kpi-structure:model:${model.id}`, entry]];
}

for (const [width, height] of [[1280, 800], [1024, 768]]) {
  test(`a chain of 6 links and 12 KPIs fits ${width}x${height} (EN and NL screenshots)`, async () => {
    const { page, context, errors } = await openPage(browser, server.url, {
      init: sixLinks(),
      viewport: { width, height },
    });
    await openMeeting(page);
    // With an earlier meeting and a changed value, so "what changed" is shown too.
    await page.getByRole('button', { name: 'Close meeting' }).click();
    await page.getByRole('list', { name: 'Earlier meetings' }).getByRole('listitem').first().waitFor();
    await page.getByRole('tab', { name: 'Values' }).click();
    const cell = page.locator('.values-grid .vg-kpi input[aria-label$=", 2026-11"]').nth(3);
    await cell.fill('1');
    await cell.press('Enter');
    await page.getByRole('tab', { name: 'Meeting', exact: true }).click();
    await page.locator('.meeting-changes').waitFor();
    assert.equal(await page.locator('.meeting-flow > li').count(), 8);
    const rows = page.locator('.meeting-kpis tbody tr');
    assert.equal(await rows.count(), 12);
    const last = await rows.last().boundingBox();
    if (width === 1280) {
      assert.ok(last.y + last.height <= height, `last KPI row ends at ${last.y + last.height}`);
    }
    await shot(page, `meeting-6links-top-en-${width}`);
    await page.getByRole('button', { name: 'Add action' }).click();
    await box(page, 'Action').fill('Script for the welcome call');
    await box(page, 'Action owner').fill('Customer care');
    await box(page, 'Due').fill('2026-10');
    await box(page, 'Due').blur();
    await shot(page, `meeting-6links-en-${width}`);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
    await page.getByRole('tab', { name: 'Ketenoverleg' }).waitFor();
    await shot(page, `meeting-6links-nl-${width}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (width === 1280) {
      // Dutch too (its longer labels wrap the toolbar onto a second row).
      const lastNl = await rows.last().boundingBox();
      assert.ok(lastNl.y + lastNl.height <= height, `Dutch: last KPI row ends at ${lastNl.y + lastNl.height}`);
    }
    await shot(page, `meeting-6links-top-nl-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Link ids are unique only within their chain (the template reuses l1, l2... in every chain):
// each KPI's group is its own chain's link, not the first chain's link at the same position.
test('the meeting lists each KPI under its own link', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  const groupOf = (name) => page.getByRole('button', { name, exact: true }).evaluate((button) => {
    for (let tr = button.closest('tr'); tr; tr = tr.previousElementSibling) {
      const th = tr.querySelector('th.mk-group');
      if (th) return th.querySelector('.mk-group-name').textContent.trim();
    }
    return null;
  });
  await openMeeting(page, 'Breakdown repair');
  assert.equal(await groupOf('Breakdowns solved by phone'), 'Customer service (report and diagnosis)');
  assert.equal(await groupOf('Right parts in the van'), 'Service (repair)');
  await page.getByRole('combobox', { name: 'Chain' }).selectOption({ label: 'Coffee beans and ingredients' });
  await page.getByRole('button', { name: 'Orders picked correctly', exact: true }).waitFor();
  assert.equal(await groupOf('Orders picked correctly'), 'Logistics (picking and delivery)');
  assert.deepEqual(errors, []);
  await context.close();
});
