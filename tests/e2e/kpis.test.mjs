// The KPIs view: every KPI in a table; filter, sort, edit in place; fast on 3,000 KPIs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, seedTemplate, partsLoaded, settled, showColumns } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const rows = (page) => page.locator('.kpi-table tbody tr');
const firstName = (page) => rows(page).first().locator('th button').innerText();

test('the KPIs table lists, filters, sorts and edits in place', async () => {
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('tab', { name: 'KPIs' }).click();
  const table = page.getByRole('table');
  await table.waitFor();

  // Every KPI, each selectable by a button named after it; all mounted, so no row count.
  assert.equal(await rows(page).count(), model.kpis.length);
  assert.equal(await table.getAttribute('aria-rowcount'), null);
  for (const k of model.kpis) {
    assert.equal(await table.getByRole('button', { name: k.name, exact: true }).count(), 1, k.name);
  }

  // Filter by text (name, chain, link, owner) and by level.
  const filter = page.getByRole('textbox', { name: 'Filter KPIs' });
  await filter.fill('installed');
  const installed = model.kpis.filter((k) => /installed/i.test(k.name));
  assert.equal(await rows(page).count(), installed.length);
  await filter.fill('Service director');
  assert.equal(await rows(page).count(), model.kpis.filter((k) => k.owner === 'Service director').length);
  await filter.fill('');
  await page.getByRole('combobox', { name: 'Level' }).selectOption({ label: 'Result' });
  assert.equal(await rows(page).count(), model.kpis.filter((k) => k.at.level === 'result').length);
  await page.getByRole('combobox', { name: 'Level' }).selectOption({ label: 'All' });
  assert.equal(await rows(page).count(), model.kpis.length);

  // Sort by name: ascending, then descending; aria-sort tells which.
  const names = model.kpis.map((k) => k.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  assert.notEqual(await firstName(page), names[0]);
  const byName = page.getByRole('columnheader', { name: 'Name', exact: true });
  await byName.getByRole('button').click();
  assert.equal(await byName.getAttribute('aria-sort'), 'ascending');
  assert.equal(await firstName(page), names[0]);
  await byName.getByRole('button').click();
  assert.equal(await byName.getAttribute('aria-sort'), 'descending');
  assert.equal(await firstName(page), names[names.length - 1]);

  // Select a KPI by its name.
  const pick = table.getByRole('button', { name: 'Order to first invoice', exact: true });
  await pick.click();
  assert.equal(await pick.getAttribute('aria-pressed'), 'true');

  // Edit a unit and a direction in place (columns shown through "Columns"); both persist.
  await showColumns(page, ['Unit', 'Direction']);
  const unit = page.getByRole('textbox', { name: 'Unit of Order to first invoice' });
  await unit.fill('working days');
  await page.getByRole('combobox', { name: 'Direction of Order to first invoice' }).selectOption({ label: 'Within a band' });
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
  await screenshot(page, 'kpis');
  await page.reload();
  await page.getByRole('tab', { name: 'KPIs' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Unit of Order to first invoice' }).inputValue(), 'working days');
  assert.equal(await page.getByRole('combobox', { name: 'Direction of Order to first invoice' }).inputValue(), 'band');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Defined column scores each KPI\'s definition and names what is missing', async () => {
  // The template defines every KPI fully; this copy lacks a formula and a data source.
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json', 'mseed', (m) => {
    const k = m.kpis.find((k) => k.name === 'Repeat breakdowns');
    k.formula = '';
    k.data_source = '  ';
  });
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('tab', { name: 'KPIs' }).click();
  const table = page.getByRole('table');
  await table.waitFor();
  const defined = table.getByRole('columnheader', { name: 'Defined', exact: true });
  assert.equal(await defined.count(), 1);
  const row = (name) => table.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
  const score = (name) => row(name).getByRole('cell', { name: /^\d\/8$/ });
  assert.equal(await score('Repeat breakdowns').innerText(), '6/8');
  assert.equal(await score('Repeat breakdowns').getAttribute('title'), 'Missing: formula, data source');
  assert.equal(await score('Machines installed on time').innerText(), '8/8');
  assert.equal(await score('Machines installed on time').getAttribute('title'), 'Fully defined');
  assert.equal(await table.getByRole('cell', { name: '8/8', exact: true }).count(), model.kpis.length - 1);

  // Sorted by it, the least defined KPI comes first.
  await defined.getByRole('button').click();
  assert.equal(await defined.getAttribute('aria-sort'), 'ascending');
  assert.equal(await firstName(page), 'Repeat breakdowns');

  // Filled in the inspector, the score goes to 8/8.
  await table.getByRole('button', { name: 'Repeat breakdowns', exact: true }).click();
  await page.getByRole('textbox', { name: 'Formula', exact: true }).fill('Machines with a new breakdown within 30 days / repaired machines x 100%');
  assert.equal(await settled(() => score('Repeat breakdowns').innerText(), '7/8'), '7/8');
  assert.equal(await score('Repeat breakdowns').getAttribute('title'), 'Missing: data source');
  await page.getByRole('textbox', { name: 'Data source', exact: true }).fill('Service tickets');
  assert.equal(await settled(() => score('Repeat breakdowns').innerText(), '8/8'), '8/8');
  assert.equal(await score('Repeat breakdowns').getAttribute('title'), 'Fully defined');

  // Dutch: the column and what is missing.
  await page.getByRole('textbox', { name: 'Owner', exact: true }).fill('');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  assert.equal(await table.getByRole('columnheader', { name: 'Gedefinieerd', exact: true }).count(), 1);
  assert.equal(await settled(() => score('Repeat breakdowns').getAttribute('title'), 'Ontbreekt: eigenaar'), 'Ontbreekt: eigenaar');
  assert.equal(await score('Repeat breakdowns').innerText(), '7/8');
  await page.locator('html[data-idle]').waitFor({ state: 'attached' });
  // (The inspector's field scrolled the page.)
  const top = () => page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await top();
  await page.screenshot({ path: '/tmp/complete-kpis-nl.png' });
  await page.getByRole('combobox', { name: 'Taal' }).selectOption({ label: 'English' });
  await settled(() => score('Repeat breakdowns').getAttribute('title'), 'Missing: owner');
  await top();
  await page.screenshot({ path: '/tmp/complete-kpis-en.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

/** A model like `large_model(200, 3000)`: 4 goals, 12 departments, 200 chains of 5 links. */
export function largeModel(chains = 200, total = 3000) {
  const goals = [0, 1, 2, 3].map((i) => ({ id: `g${i}`, name: `Goal ${i}`, description: '' }));
  const departments = [...Array(12).keys()].map((i) => ({ id: `d${i}`, name: `Department ${i}`, description: '' }));
  const kpis = [];
  let n = 0;
  const kpi = (name, at, drives) => {
    n += 1;
    const k = {
      id: `k${n}`, name, at, definition: 'What share is on norm?', formula: '',
      unit: n % 5 === 0 ? '' : '%', direction: n % 2 === 0 ? 'higher' : 'lower', target: 95,
      red: n % 2 === 0 ? 90 : 100, frequency: 'monthly', owner: `Owner ${n % 17}`, data_source: '',
      value_type: 'customer', drives,
    };
    kpis.push(k);
    return k.id;
  };
  const results = goals.map((g) => kpi(`Result of ${g.name}`, { level: 'result', goal: g.id }, []));
  const chainList = [];
  const chainKpis = [];
  for (let c = 0; c < chains; c++) {
    const links = [...Array(5).keys()].map((l) => ({
      id: `l${l}`, name: `Link ${l}`, description: '', department: `d${(c + l) % 12}`, external: false, owner: '',
    }));
    chainList.push({
      id: `c${c}`, name: `Chain ${c}`, description: '', customer: 'Customer', trigger: 'Needs something',
      outcome: 'Gets it', owner: c % 7 === 0 ? '' : `Owner ${c}`, links,
    });
    const count = c % 9 === 0 ? 1 : 3;
    chainKpis.push([...Array(count).keys()].map((i) =>
      kpi(`Chain ${c} KPI ${i}`, { level: 'chain', chain: `c${c}` }, [results[(c + i) % 4]])));
  }
  for (let i = 0; kpis.length < total; i++) {
    const c = i % chains;
    const l = Math.floor(i / chains) % 5;
    kpi(`Link KPI ${i} of chain ${c}`, { level: 'link', chain: `c${c}`, link: `l${l}` }, [chainKpis[c][0]]);
  }
  return {
    id: 'mlarge', name: `Generated ${chains} chains, ${total} KPIs`, organisation: 'Generated Ltd',
    description: '', goals, kpis, chains: chainList, departments, created: 0, modified: Date.now(),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('on 3,000 KPIs the table opens fast and a keystroke repaints one row', async () => {
  const model = largeModel();
  const entry = JSON.stringify({ version: 2, rev: 1, model });
  const init = ([key, entry]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, entry);
      sessionStorage.setItem('seeded', '1');
    }
  };
  const { page, context, errors } = await openPage(browser, server.url, { init: [init, ['kpi-structure:model:mlarge', entry]] });
  await page.getByRole('tab', { name: 'KPIs' }).waitFor();
  // Time the view, not the first fetch of its lazy part.
  await partsLoaded(page);

  // Time from the click on the tab to the first paint after it.
  const open = await page.evaluate(async () => {
    const tab = [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.trim() === 'KPIs');
    const t0 = performance.now();
    tab.click();
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return { ms: performance.now() - t0, rows: document.querySelectorAll('.kpi-table tbody tr').length };
  });
  console.log(`KPIs tab on 3,000 KPIs: ${open.ms.toFixed(0)} ms to paint ${open.rows} rows`);
  // Only the rows near the visible part are mounted (two more stand in for the others).
  assert.ok(open.rows > 10 && open.rows < 80, `${open.rows} rows mounted`);
  assert.equal(await page.getByText('3000 KPIs', { exact: true }).count(), 1);

  // Scrolled to the end, the last KPI is there and in view.
  const last = model.kpis[model.kpis.length - 1].name;
  await page.locator('.kpi-table-wrap').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.getByRole('button', { name: last, exact: true }).waitFor();
  // (Within a few frames: the window measures the rows it mounted.)
  await page.waitForFunction((name) => {
    const wrap = document.querySelector('.kpi-table-wrap').getBoundingClientRect();
    const button = [...document.querySelectorAll('.kpi-table tbody th button')].find((b) => b.textContent.trim() === name);
    const box = button?.getBoundingClientRect();
    return box && box.top >= wrap.top && box.bottom <= wrap.bottom + 1;
  }, last, { timeout: 3000 }).catch(() => assert.fail('the last KPI is not in view'));
  assert.ok(await rows(page).count() < 80);
  // Screen readers hear each row's place in the whole table.
  assert.equal(await page.getByRole('table').getAttribute('aria-rowcount'), '3001');
  const lastRow = rows(page).filter({ has: page.getByRole('button', { name: last, exact: true }) });
  assert.equal(await lastRow.getAttribute('aria-rowindex'), '3001');
  await page.locator('.kpi-table-wrap').evaluate((el) => { el.scrollTop = 0; });
  await page.getByRole('button', { name: model.kpis[0].name, exact: true }).waitFor();

  // Keystroke to paint: a keydown listener starts the clock, the next frame stops it.
  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    }, true);
  });
  await showColumns(page, ['Unit']);
  const unit = page.getByRole('textbox', { name: 'Unit of Chain 1 KPI 0', exact: true });
  await unit.click();
  await unit.press('End');
  for (const ch of ' points') {
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
  }
  await page.waitForFunction(() => window.__lat.length >= 8);
  const lat = await page.evaluate(() => window.__lat.slice(1));
  console.log(`latencies: ${lat.map((x) => x.toFixed(0)).join(" ")}`);
  console.log(`keystroke to paint in a unit cell: median ${median(lat).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms`);
  assert.equal(await unit.inputValue(), '% points');
  assert.ok(median(lat) < 100, `median keystroke latency ${median(lat)} ms`);

  // Sorting 3,000 rows.
  const sortMs = await page.evaluate(async () => {
    const btn = [...document.querySelectorAll('.kpi-table th button')].find((b) => b.textContent.includes('Unit'));
    const t0 = performance.now();
    btn.click();
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return performance.now() - t0;
  });
  console.log(`sort 3,000 KPIs by unit: ${sortMs.toFixed(0)} ms`);
  // Scrolled to the middle: the rows there are mounted, still only those near it.
  const middle = await page.evaluate(async () => {
    const wrap = document.querySelector('.kpi-table-wrap');
    const t0 = performance.now();
    wrap.scrollTop = 1500 * 34;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0))));
    const mounted = document.querySelectorAll('.kpi-table tbody tr:not(.kpi-spacer)').length;
    return { ms: performance.now() - t0, mounted };
  });
  console.log(`scroll to the middle: ${middle.ms.toFixed(0)} ms to paint ${middle.mounted} rows`);
  assert.ok(middle.mounted > 10 && middle.mounted < 80, `${middle.mounted} rows mounted`);
  await page.evaluate(() => { window.__lat = []; });
  // A row there, in view (past the spacer and the 12 rows of overscan above it).
  const unitCss = page.locator('.kpi-table tbody tr:not(.kpi-spacer)').nth(16).locator('td.col-unit input');
  const before = await unitCss.inputValue();
  await unitCss.click();
  await unitCss.press('End');
  for (const ch of 'abcdefghi') await page.keyboard.press(ch);
  await page.waitForFunction(() => window.__lat.length >= 9);
  const lat2 = await page.evaluate(() => window.__lat.slice(1));
  console.log(`keystroke to paint in the middle of the table: median ${median(lat2).toFixed(1)} ms, max ${Math.max(...lat2).toFixed(1)} ms`);
  assert.equal(await unitCss.inputValue(), `${before}abcdefghi`);
  assert.ok(median(lat2) < 150, `median keystroke latency ${median(lat2)} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});
