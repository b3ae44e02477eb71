// On a phone (issue 24, point 3): what a chain owner does there, at 412x915 — open a shared
// model, read the Meeting and KPIs views, enter this month's values — with no page scrolling
// sideways and every control of those tasks reachable (Playwright's click waits until the
// control is visible, stable and not covered by another element).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, openPage, seedTemplate, settled } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { width: 412, height: 915 };
const SHOTS = process.env.SHOTS;
if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });

/** The page's width beyond the screen's: 0 when nothing scrolls sideways. */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function noSideways(page, where) {
  assert.equal(await sideways(page), 0, `${where}: the page scrolls sideways`);
}

const WORDS = {
  en: {
    meeting: 'Meeting', kpis: 'KPIs', values: 'Values', chain: 'Chain', asOf: 'As of',
    kpi: 'Machines installed on time', comment: 'Comment on Machines installed on time',
    table: 'All KPIs of the model', grid: 'Values',
  },
  nl: {
    meeting: 'Ketenoverleg', kpis: "KPI's", values: 'Waarden', chain: 'Keten', asOf: 'Stand per',
    kpi: 'Machines op tijd geïnstalleerd', comment: 'Toelichting bij Machines op tijd geïnstalleerd',
    table: "Alle KPI's van het model", grid: 'Waarden',
  },
};

test('on a phone, a shared model opens, and the Meeting, KPIs and Values views work without sideways scrolling', async () => {
  // The consultant copies a share link on a laptop.
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const laptop = await openPage(browser, server.url, { init });
  await laptop.page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await laptop.page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await laptop.context.close();

  // The chain owner opens it on a phone and keeps it.
  const { page, context, errors } = await openPage(browser, link, { viewport: PHONE });
  await page.getByRole('button', { name: 'Keep as new model' }).click();
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  await noSideways(page, 'the opened model');
  await run(page, 'en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone in Dutch: the Meeting, KPIs and Values views', async () => {
  const { init } = seedTemplate('coffee-machines.nl.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init, viewport: PHONE });
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await run(page, 'nl');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the start screen fits the screen', async () => {
  const { page, context, errors } = await openPage(browser, server.url, { viewport: PHONE });
  await page.getByRole('button', { name: 'Start from a template' }).waitFor();
  await noSideways(page, 'the start screen');
  for (const name of ['Start from a template', 'New model']) {
    const box = await page.getByRole('button', { name, exact: true }).first().boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${name}: ${JSON.stringify(box)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

async function run(page, lang) {
  const w = WORDS[lang];
  // The meeting: a tab that can be tapped, the chain chosen, a comment typed.
  await page.getByRole('tab', { name: w.meeting, exact: true }).click();
  await page.getByRole('combobox', { name: w.chain, exact: true }).waitFor();
  const comment = page.getByRole('textbox', { name: w.comment });
  await comment.click();
  await comment.fill(lang === 'en' ? 'Fitter ill' : 'Monteur ziek');
  await noSideways(page, 'the Meeting view');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `phone-meeting-${lang}.png`), fullPage: true });

  // The KPIs view: the table and a KPI's name button, its value and status.
  await page.getByRole('tab', { name: w.kpis, exact: true }).click();
  const table = page.getByRole('table', { name: w.table });
  await table.getByRole('button', { name: w.kpi, exact: true }).click();
  await page.locator('aside.inspector').waitFor();
  await noSideways(page, 'the KPIs view');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `phone-kpis-${lang}.png`) });

  // This month's value, typed into the Values grid.
  await page.getByRole('tab', { name: w.values, exact: true }).click();
  await page.getByRole('combobox', { name: w.asOf, exact: true }).selectOption('2026-12');
  const cell = page.getByRole('grid', { name: w.grid }).getByRole('textbox', { name: `${w.kpi}, 2026-12` });
  // The month's column is seen whole beside the names (the name column narrows on a phone),
  // once the grid has scrolled to the month (a frame or so after As of is chosen).
  const whole = () => cell.evaluate((input) => {
    const td = input.closest('td');
    const box = input.closest('.values-scroll').getBoundingClientRect();
    const name = td.parentElement.querySelector('.vg-name').getBoundingClientRect();
    const r = td.getBoundingClientRect();
    const seen = { left: r.left, right: r.right, nameRight: name.right, boxRight: box.right };
    return seen.left >= seen.nameRight - 1 && seen.right <= seen.boxRight + 1 ? true : seen;
  });
  const seen = await settled(whole, true);
  assert.equal(seen, true, `the cell is cut: ${JSON.stringify(seen)}`);
  await cell.click();
  await cell.fill('96');
  await cell.press('Enter');
  await noSideways(page, 'the Values view');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `phone-values-${lang}.png`) });
  await page.getByRole('tab', { name: w.meeting, exact: true }).click();
  await page.getByRole('combobox', { name: w.asOf, exact: true }).selectOption('2026-12');
  const row = page.getByRole('row').filter({ has: page.getByText(w.kpi, { exact: true }) }).first();
  await row.getByText(lang === 'en' ? '96%' : '96%').waitFor();
}
