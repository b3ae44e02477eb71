// The Structure view: the whole KPI structure as an SVG diagram whose boxes select elements,
// with zoom, a legend and Export SVG; a 10-chain model fits a 1280x800 screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, screenshot, seedTemplate, ROOT } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function english(page, tab = true) {
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'English' });
  if (tab) await page.getByRole('tab', { name: 'Structure' }).click();
}

/** The coffee template with its chains copied until there are `n` (new ids for copies). */
function seedChains(n) {
  const text = fs.readFileSync(path.join(ROOT, 'public', 'templates', 'coffee-machines.en.kpi.json'), 'utf8');
  const model = { ...JSON.parse(text).model, id: 'mwide', name: 'Ten chains', modified: Date.now() };
  const base = model.chains;
  const kpis = [...model.kpis];
  const chains = [...base];
  for (let i = 0; chains.length < n; i++) {
    const src = base[i % base.length];
    const id = `${src.id}x${i}`;
    chains.push({ ...src, id, name: `${src.name} ${i + 2}` });
    const map = new Map();
    const own = model.kpis.filter((k) => k.at.chain === src.id);
    for (const k of own) map.set(k.id, `${k.id}x${i}`);
    for (const k of own) {
      kpis.push({
        ...k,
        id: map.get(k.id),
        name: `${k.name} ${i + 2}`,
        at: { ...k.at, chain: id },
        drives: (k.drives ?? []).map((d) => map.get(d) ?? d),
      });
    }
  }
  model.chains = chains;
  model.kpis = kpis;
  const entry = JSON.stringify({ rev: 1, model });
  const init = ([key, entry]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, entry);
      sessionStorage.setItem('seeded', '1');
    }
  };
  return { init: [init, [`kpi-structure:model:${model.id}`, entry]], model };
}

test('the coffee template as a diagram: select, highlight drives, export', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await english(page);
  const diagram = page.getByRole('group', { name: 'KPI structure diagram' });
  await diagram.waitFor();
  for (const name of [
    'Satisfied customers', 'Customer satisfaction', 'New coffee machine',
    'Coffee beans and ingredients', 'Breakdown repair', 'Machines installed on time',
    'Sales or Online', 'Complete orders handed over', 'Finance (settlement)',
  ]) {
    assert.equal(await diagram.getByRole('button', { name, exact: true }).count(), 1, name);
  }
  // Planning is a link in two chains: one box each.
  assert.equal(await diagram.getByRole('button', { name: 'Planning', exact: true }).count(), 2);

  // Clicking a chain KPI selects it and highlights its four drives arrows (2 in, 2 out).
  const kpi = diagram.getByRole('button', { name: 'Machines installed on time' });
  assert.equal(await kpi.getAttribute('aria-pressed'), 'false');
  await kpi.click();
  assert.equal(await kpi.getAttribute('aria-pressed'), 'true');
  assert.match(await kpi.getAttribute('class'), /selected/);
  assert.equal(await page.locator('.st-edges-hot path').count(), 4);
  // Only one element is selected.
  assert.equal(await diagram.locator('[aria-pressed=true]').count(), 1);

  // Keyboard: Enter selects a chain; Space selects a link.
  const chain = diagram.getByRole('button', { name: 'Breakdown repair' });
  await chain.focus();
  await page.keyboard.press('Enter');
  assert.equal(await chain.getAttribute('aria-pressed'), 'true');
  assert.equal(await kpi.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.st-edges-hot path').count(), 0);
  const link = diagram.getByRole('button', { name: 'Sales or Online', exact: true });
  await link.focus();
  await page.keyboard.press(' ');
  assert.equal(await link.getAttribute('aria-pressed'), 'true');

  // Zoom in enlarges the boxes; Fit brings them back.
  const chainBox = diagram.getByRole('button', { name: 'New coffee machine' });
  const fitWidth = (await chainBox.boundingBox()).width;
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  assert.ok((await chainBox.boundingBox()).width > fitWidth * 1.5);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Fit' }).click();
  assert.ok(Math.abs((await chainBox.boundingBox()).width - fitWidth) < 1);

  // Export SVG downloads a self-contained file named after the model.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'Coffee machines.svg');
  const svg = fs.readFileSync(await download.path(), 'utf8');
  assert.match(svg, /^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /New coffee machine/);
  assert.match(svg, /Machines installed on time/);
  assert.doesNotMatch(svg, /class=/);

  await diagram.getByRole('button', { name: 'Machines installed on time' }).click();
  await page.mouse.move(0, 0);
  await screenshot(page, 'structure');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 10-chain model fits 1280x800 without horizontal scrolling', async () => {
  const { init, model } = seedChains(10);
  assert.equal(model.chains.length, 10);
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await english(page);
  const diagram = page.getByRole('group', { name: 'KPI structure diagram' });
  await diagram.waitFor();
  const overflow = await page.evaluate(() => {
    const c = document.querySelector('.st-canvas');
    return {
      canvas: c.scrollWidth - c.clientWidth,
      page: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  assert.ok(overflow.canvas <= 0, `canvas scrolls by ${overflow.canvas}px`);
  assert.ok(overflow.page <= 0, `page scrolls by ${overflow.page}px`);
  for (const c of model.chains) {
    const box = await diagram.getByRole('button', { name: c.name, exact: true }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 1280, `${c.name} on screen`);
    assert.ok(box.y + box.height <= 800, `${c.name} above the fold`);
  }
  await screenshot(page, 'structure-10-chains');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an empty model shows a hint instead of a diagram', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await english(page, false);
  await page.getByRole('button', { name: 'New model' }).first().click();
  await page.getByRole('tab', { name: 'Structure' }).click();
  await page.getByText('Add a goal and a chain to start').waitFor();
  assert.equal(await page.getByRole('group', { name: 'KPI structure diagram' }).count(), 0);
  assert.ok(await page.getByRole('button', { name: 'Export SVG' }).isDisabled());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 200-chain, 3,000-KPI model renders and selects quickly', async () => {
  const chains = [], kpis = [], goals = [];
  for (let g = 0; g < 4; g++) {
    goals.push({ id: `g${g}`, name: `Goal ${g}` });
    kpis.push({ id: `r${g}`, name: `Result KPI ${g}`, at: { level: 'result', goal: `g${g}` } });
  }
  for (let c = 0; kpis.length < 3000; c++) {
    const links = [0, 1, 2, 3, 4].map((l) => ({ id: `l${l}`, name: `Link ${c}.${l}` }));
    chains.push({ id: `c${c}`, name: `Chain ${c}`, links });
    for (let k = 0; k < 3; k++) {
      kpis.push({ id: `k${c}_${k}`, name: `Chain KPI ${c}.${k}`, at: { level: 'chain', chain: `c${c}` }, drives: [`r${(c + k) % 4}`] });
    }
    for (let k = 0; k < 12; k++) {
      kpis.push({ id: `k${c}_l${k}`, name: `Link KPI ${c}.${k}`, at: { level: 'link', chain: `c${c}`, link: `l${k % 5}` }, drives: [`k${c}_${k % 3}`] });
    }
  }
  const model = { id: 'mbig', name: 'Big', goals, chains, kpis, departments: [], modified: Date.now() };
  const init = ([key, entry]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, entry);
      sessionStorage.setItem('seeded', '1');
    }
  };
  const t0 = Date.now();
  const { page, context, errors } = await openPage(browser, server.url, {
    init: [init, ['kpi-structure:model:mbig', JSON.stringify({ rev: 1, model })]],
  });
  await english(page);
  const diagram = page.getByRole('group', { name: 'KPI structure diagram' });
  // Only the boxes near the visible part of the canvas are mounted: scroll to the far end
  // to find the last chain, then to the middle for chain 100.
  await diagram.getByRole('button', { name: 'Chain KPI 0.0', exact: true }).waitFor();
  const canvas = page.locator('.st-canvas');
  const mounted = await page.locator('.st-node').count();
  assert.ok(mounted < 1000, `${mounted} boxes mounted for a 4,000-box diagram`);
  await canvas.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await diagram.getByRole('button', { name: 'Chain KPI 199.2', exact: true }).waitFor();
  const loaded = Date.now() - t0;
  await canvas.evaluate((el) => { el.scrollLeft = el.scrollWidth / 2 - el.clientWidth / 2; });
  const kpi = diagram.getByRole('button', { name: 'Chain KPI 100.1', exact: true });
  await kpi.waitFor();
  const ms = await kpi.evaluate(async (el) => {
    const t = performance.now();
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise(requestAnimationFrame);
    if (el.getAttribute('aria-pressed') !== 'true') return -1;
    return performance.now() - t;
  });
  // A keystroke in a text field (the model name) changes the model but not its structure.
  const typed = await page.getByRole('textbox', { name: 'Model name' }).evaluate(async (el) => {
    const t = performance.now();
    el.value += 'x';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise(requestAnimationFrame);
    return performance.now() - t;
  });
  console.log(`200 chains / ${kpis.length} KPIs: shown in ${loaded} ms, selection in ${ms.toFixed(1)} ms, keystroke in ${typed.toFixed(1)} ms`);
  assert.ok(ms >= 0 && ms < 200, `selection took ${ms} ms`);
  assert.ok(typed < 200, `keystroke took ${typed} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});
