// The trend chart of a KPI (issue 23): in the inspector (12 points coloured by status, month
// labels in English and Dutch, the template's comments as markers, the table under "Show as
// table"), and in the chain meeting behind a row's trend (a comment typed in the meeting is a
// marker at once, its text on hover and focus; the table keeps its columns).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedTemplate, screenshot, settled } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = '2026-11';
const KPI = 'Machines installed on time';
// The template's values for it run from 2025-12 to 2026-11 (12 months, 86.5 in August) and it
// has comments on 2026-07, 2026-08 and 2026-09.
const MONTHS_EN = ['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'];
const MONTHS_NL = ['dec', 'jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov'];

const trendOf = (scope, name) => scope.getByRole('img', { name: `Trend of ${name}`, exact: true });

test('the inspector shows a KPI\'s trend chart with its statuses, months, comments and a table', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await page.getByRole('table').getByRole('button', { name: KPI, exact: true }).click();

  const inspector = page.locator('.inspector');
  const chart = trendOf(inspector, KPI);
  await chart.waitFor();
  // One point per month with a value, each coloured by its status (and saying it in its title).
  const points = chart.locator('circle.trend-point');
  assert.equal(await points.count(), 12);
  assert.equal(await chart.locator('circle.trend-point.st-off').count(), 2, 'July (89) and August (86.5)');
  assert.equal(await chart.locator('circle.trend-point.st-risk').count(), 1, 'September (92.5)');
  assert.equal(await points.nth(8).locator('title').textContent(), '2026-08: 86.5%, off target');
  assert.deepEqual(await chart.locator('text.trend-xlabel').allTextContents(), MONTHS_EN);
  assert.deepEqual(await chart.locator('text.trend-xsub').allTextContents(), ['2026']);
  // The norm: its lines and their words.
  assert.equal(await chart.locator('line.trend-target').count(), 1);
  assert.equal(await chart.locator('line.trend-red').count(), 1);
  const legend = inspector.locator('.trend-legend');
  assert.match(await legend.innerText(), /Target ≥ 95/);
  assert.match(await legend.innerText(), /Red < 90/);
  // The template's three comments as markers, each with its text in its title.
  const markers = chart.locator('.trend-comment');
  assert.equal(await markers.count(), 3);
  assert.equal(await markers.first().locator('title').textContent(), '2026-07: Summer holidays: two fitters off');
  // Its status badge and drivers line are still there, the chart beside them.
  await inspector.locator('.kpi-standing').filter({ hasText: 'on target' }).waitFor();
  assert.equal(await inspector.locator('.kpi-standing .trend-chart').count(), 0);

  // The table alternative: folded, then a real table with one row per month.
  const table = inspector.getByRole('table', { name: `Trend of ${KPI}` });
  assert.equal(await table.count(), 0, 'folded: not in the accessibility tree yet');
  await inspector.locator('summary', { hasText: 'Show as table' }).click();
  await table.waitFor();
  assert.equal(await table.getByRole('row').count(), 13);
  const august = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2026-08' }) });
  const cells = (await august.getByRole('cell').allInnerTexts()).map((t) => t.trim());
  assert.equal(cells.length, 3);
  assert.equal(cells[0], '86.5%');
  assert.match(cells[1], /✕\s*off target/);
  assert.equal(cells[2], 'Holidays and a backlog of planned installations');
  await screenshot(page, 'trend-inspector-en');

  // Dutch: its name and the month labels.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  const grafiek = inspector.getByRole('img', { name: `Trend van ${KPI}`, exact: true });
  await grafiek.waitFor();
  assert.deepEqual(await grafiek.locator('text.trend-xlabel').allTextContents(), MONTHS_NL);
  // The table stays open while the chart changes (here: its language).
  const tabel = inspector.getByRole('table', { name: `Trend van ${KPI}` });
  await tabel.getByRole('columnheader', { name: 'Toelichting' }).waitFor();
  assert.equal(await inspector.locator('summary').filter({ hasText: 'Toon als tabel' }).count(), 1);
  await screenshot(page, 'trend-inspector-nl');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in the meeting, a row\'s trend opens its chart below it; a comment typed there is a marker at once', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
  await page.getByRole('tab', { name: 'Meeting', exact: true }).click();
  await page.getByRole('combobox', { name: 'Chain' }).selectOption({ label: 'New coffee machine' });
  await page.getByRole('list', { name: 'Earlier meetings' }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: KPI, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Customer satisfaction', exact: true }).waitFor();
  const rows = page.locator('.meeting-kpis > tbody > tr');
  const kpiRows = await rows.count();

  const open = page.getByRole('button', { name: `Trend chart of ${KPI}`, exact: true });
  assert.equal(await open.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('.mk-chart-row').count(), 0, 'no chart until asked');
  await open.click();
  const chart = trendOf(page, KPI);
  await chart.waitFor();
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  assert.equal(await rows.count(), kpiRows + 1);
  assert.equal(await chart.locator('circle.trend-point').count(), 12);
  assert.equal(await chart.locator('text.trend-xlabel').nth(8).textContent(), 'Aug');
  // The chart's row sits under its KPI's row, and every KPI name stays in its column (the
  // group's cell spans the chart's row too).
  const names = page.locator('.meeting-kpis > tbody > tr > td.mk-name');
  const xs = new Set();
  for (const box of await names.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().x)))) xs.add(box);
  assert.equal(xs.size, 1, `KPI names at x ${[...xs]}`);
  const under = await page.getByRole('button', { name: KPI, exact: true })
    .evaluate((b) => b.closest('tr').nextElementSibling?.classList.contains('mk-chart-row'));
  assert.ok(under, 'the chart row follows its KPI row');

  // A comment typed in the meeting: a fourth marker, its text on hover and on focus.
  const comment = page.getByRole('textbox', { name: `Comment on ${KPI}`, exact: true });
  await comment.fill('Fitter ill for two weeks');
  const markers = chart.locator('.trend-comment');
  await markers.nth(3).waitFor();
  assert.equal(await markers.count(), 4);
  assert.equal(await markers.last().locator('title').textContent(), '2026-11: Fitter ill for two weeks');
  await comment.blur();
  const tip = page.locator('.trend-tip');
  await markers.last().locator('path.trend-bubble').hover();
  await tip.filter({ hasText: 'Fitter ill for two weeks' }).waitFor();
  await screenshot(page, 'trend-meeting-en');
  await page.mouse.move(0, 0);
  await markers.first().focus();
  await tip.filter({ hasText: 'Summer holidays: two fitters off' }).waitFor();
  assert.equal(await tip.count(), 1);
  // Editing the comment changes the marker's text.
  await comment.fill('Fitter ill for three weeks');
  await settled(() => markers.last().locator('title').textContent(), '2026-11: Fitter ill for three weeks');
  assert.equal(await markers.last().locator('title').textContent(), '2026-11: Fitter ill for three weeks');

  // Closed again: the table is as before.
  await open.click();
  assert.equal(await open.getAttribute('aria-expanded'), 'false');
  await chart.waitFor({ state: 'detached' });
  assert.equal(await rows.count(), kpiRows);
  assert.deepEqual(errors, []);
  await context.close();
});
