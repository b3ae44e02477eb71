// The KPIs table as a reader sees it (issue 23, point 5): with nothing selected the inspector
// takes no room; fewer, wider columns by default and a "Columns" chooser that is remembered;
// at 1024x768 and 1280x800, in English and Dutch, no word is broken mid-word and no cell's text
// is cut unless its title holds all of it (the name, value and status never cut).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, openPage, seedTemplate } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SHOTS = process.env.SHOTS;
if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });

/**
 * In the page: what a reader cannot read in the table's shown cells. A cell (or a box in it
 * that clips) whose text is wider or taller than it is "cut"; that is allowed only where a
 * title on it or around it holds the whole text, and never in the name's, value's and status's
 * columns except a name with such a title. A word whose letters lie on two lines is "broken".
 */
function unreadable(sel) {
  const problems = [];
  const table = document.querySelector(sel);
  const cells = [...table.querySelectorAll('th, td')].filter(
    (c) => getComputedStyle(c).display !== 'none' && !c.closest('tr.kpi-spacer'),
  );
  const titled = (el, text, cell) => {
    for (let a = el; a; a = a.parentElement) {
      if ((a.getAttribute('title') || '').includes(text)) return true;
      if (a === cell) break;
    }
    return false;
  };
  for (const cell of cells) {
    const column = [...cell.classList].find((c) => c.startsWith('col-')) || '?';
    const where = `${cell.closest('thead') ? 'header' : 'row'} ${column} "${cell.innerText.trim().slice(0, 40)}"`;
    for (const el of [cell, ...cell.querySelectorAll('*')]) {
      if (el.closest('svg')) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      const clips = el === cell || el.tagName === 'INPUT' || cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
      if (!clips) continue;
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = el.scrollHeight > el.clientHeight + 1;
      if (!wide && !tall) continue;
      const text = (el.tagName === 'INPUT' ? el.value : el.innerText).trim();
      if (!text) continue;
      const strict = ['col-value', 'col-status'].includes(column) || (cell.closest('thead') && column === 'col-kpi');
      if (strict || !titled(el, text, cell)) problems.push(`cut: ${where} (${el.tagName.toLowerCase()}.${el.className})`);
    }
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('svg')) continue;
      for (const m of node.data.matchAll(/[^\s\-–—/→·,()]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`broken word "${m[0]}": ${where}`);
      }
    }
  }
  return problems;
}

for (const lang of ['en', 'nl']) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
    test(`the KPIs table reads whole at ${viewport.width}x${viewport.height} in ${lang === 'en' ? 'English' : 'Dutch'} with nothing selected`, async () => {
      const { init } = seedTemplate(`coffee-machines.${lang}.kpi.json`);
      const { page, errors } = await openPage(browser, server.url, { init, viewport });
      if (lang === 'nl') await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
      const kpis = lang === 'en' ? 'KPIs' : "KPI's";
      await page.getByRole('tab', { name: kpis, exact: true }).click();
      const table = page.getByRole('table', { name: lang === 'en' ? 'All KPIs of the model' : "Alle KPI's van het model" });
      await table.waitFor();

      // Nothing selected: the inspector takes no room; the table has the editor's width.
      const inspector = page.locator('aside.inspector');
      assert.equal(await inspector.isVisible(), false, 'no inspector with nothing selected');
      const [panel, editor] = await Promise.all([
        page.locator('.view-panel').boundingBox(),
        page.locator('.editor-body').boundingBox(),
      ]);
      assert.ok(panel.width >= editor.width - 2, `view ${panel.width} of ${editor.width} px`);

      // The name, value and status columns, and none sideways out of sight.
      for (const name of lang === 'en' ? ['Name', 'Value', 'Status'] : ['Naam', 'Waarde', 'Status']) {
        await table.getByRole('columnheader', { name, exact: true }).waitFor();
      }
      const wrap = await page.locator('.kpi-table-wrap').evaluate((w) => [w.scrollWidth, w.clientWidth]);
      assert.ok(wrap[0] <= wrap[1] + 1, `the table scrolls sideways: ${wrap}`);
      // Every status and value shown (the coffee KPIs all have one as of the default month).
      await table.locator('td.col-status .status').first().waitFor();

      const problems = await page.evaluate(unreadable, '.kpi-table');
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `kpis-read-${lang}-${viewport.width}.png`) });
      assert.deepEqual(problems, []);

      // A KPI selected: the inspector is back beside the table.
      await table.getByRole('button', { name: lang === 'en' ? 'Contract renewal rate' : 'Contractverlenging', exact: true }).click();
      await inspector.waitFor();
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }
}

test('the column chooser shows and hides columns, and the choice is remembered', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('tab', { name: 'KPIs' }).click();
  const table = page.getByRole('table', { name: 'All KPIs of the model' });
  await table.waitFor();
  const header = (name) => table.getByRole('columnheader', { name, exact: true });

  // Fewer, wider columns by default: unit, direction, frequency and drives are hidden.
  for (const name of ['Unit', 'Direction', 'Frequency', 'Drives']) assert.equal(await header(name).count(), 0, name);
  for (const name of ['Name', 'Level', 'Chain', 'Owner', 'Target', 'Defined', 'Value', 'Status', 'Trend']) {
    await header(name).waitFor();
  }

  const columns = page.getByRole('button', { name: 'Columns', exact: true });
  await columns.click();
  assert.equal(await columns.getAttribute('aria-expanded'), 'true');
  await page.getByRole('checkbox', { name: 'Unit', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Trend', exact: true }).uncheck();
  await header('Unit').waitFor();
  await header('Trend').waitFor({ state: 'hidden' });
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: 'Unit', exact: true }).waitFor({ state: 'detached' });
  assert.equal(await columns.getAttribute('aria-expanded'), 'false');
  // A shown column can be edited in place by name.
  await page.getByRole('textbox', { name: 'Unit of Contract renewal rate' }).fill('% of contracts');
  // A click elsewhere closes the list too.
  await columns.click();
  await page.getByRole('checkbox', { name: 'Unit', exact: true }).waitFor();
  await page.getByRole('heading', { name: 'KPIs', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Unit', exact: true }).waitFor({ state: 'detached' });

  // Remembered in this browser: a reload keeps the choice.
  await page.reload();
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await header('Unit').waitFor();
  assert.equal(await header('Trend').isVisible(), false);
  assert.equal(await page.getByRole('textbox', { name: 'Unit of Contract renewal rate' }).inputValue(), '% of contracts');
  assert.deepEqual(errors, []);
  await page.context().close();
});
