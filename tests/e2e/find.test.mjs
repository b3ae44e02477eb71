// "Find" (issue 23): in Structure and Chains, a search box that jumps to a chain, link or KPI
// by name on a 200-chain model; the diagram scrolls the box into view and selects it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot } from './support.mjs';
import { largeModel } from './perf.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const init = ([key, entry]) => localStorage.setItem(key, entry);

/** True when the element's box lies inside the canvas's visible part. */
function inView(el) {
  const c = document.querySelector('.st-canvas').getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom;
}

test('Find jumps to chain 150 of a 200-chain model in Structure, and to a link in Chains', async () => {
  const model = largeModel(200, 3000);
  const { page, context, errors } = await openPage(browser, server.url, {
    init: [init, ['kpi-structure:model:mlarge', JSON.stringify({ rev: 1, model })]],
    viewport: { width: 1280, height: 800 },
  });
  await page.getByRole('tab', { name: 'Structure' }).click();
  const diagram = page.getByRole('group', { name: 'KPI structure diagram' });
  await diagram.getByRole('button', { name: 'Chain 0', exact: true }).waitFor();
  // Chain 150 is far off to the right: not mounted yet.
  assert.equal(await diagram.getByRole('button', { name: 'Chain 150', exact: true }).count(), 0);
  const find = page.getByRole('searchbox', { name: 'Find' });
  await find.fill('chain 150');
  const found = page.getByRole('list', { name: 'Found' });
  await found.getByRole('button', { name: 'Chain “Chain 150”' }).waitFor();
  await screenshot(page, 'find-structure-en');
  await find.press('Enter');
  const box = diagram.getByRole('button', { name: 'Chain 150', exact: true });
  await box.waitFor();
  await page.waitForFunction(() => {
    const el = [...document.querySelectorAll('.st-node')].find((n) => n.getAttribute('aria-label') === 'Chain 150');
    if (!el) return false;
    const c = document.querySelector('.st-canvas').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom;
  });
  assert.equal(await box.getAttribute('aria-pressed'), 'true');
  assert.ok(await box.evaluate(inView));
  assert.equal(await find.inputValue(), '');
  assert.equal(await found.count(), 0);
  // Nothing found says so.
  await find.fill('zzz');
  await page.getByText('Nothing found', { exact: true }).waitFor();
  await find.press('Escape');

  // Chains, in Dutch: a link by a click on its match; the view shows its chain.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
  await page.getByRole('tab', { name: 'Ketens' }).click();
  const zoek = page.getByRole('searchbox', { name: 'Zoeken' });
  await zoek.fill('Link 42.3');
  await page.getByRole('list', { name: 'Gevonden' }).getByRole('button', { name: 'Schakel “Link 42.3” van keten “Chain 42”' }).click();
  await page.getByRole('heading', { level: 2, name: 'Chain 42' }).waitFor();
  await screenshot(page, 'find-chains-nl');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Find in English and Dutch at 1280x800 and 1024x768: a KPI found, selected and in view', async () => {
  const { seedTemplate } = await import('./support.mjs');
  const shots = process.env.SHOTS;
  for (const lang of ['en', 'nl']) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
      const { init } = seedTemplate(`coffee-machines.${lang}.kpi.json`);
      const { page, context, errors } = await openPage(browser, server.url, { init, viewport });
      if (lang === 'nl') await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
      const find = page.getByRole('searchbox', { name: lang === 'en' ? 'Find' : 'Zoeken' });
      const kpi = lang === 'en' ? 'Repeat breakdowns' : 'Herhaalstoringen';
      await find.fill(kpi.slice(0, 8));
      const found = page.getByRole('list', { name: lang === 'en' ? 'Found' : 'Gevonden' });
      const match = found.getByRole('button', { name: new RegExp(kpi) });
      await match.waitFor();
      if (shots) await page.screenshot({ path: `${shots}/find-${lang}-${viewport.width}.png` });
      await match.click();
      const box = page.getByRole('group', { name: lang === 'en' ? 'KPI structure diagram' : 'Diagram van de KPI-structuur' })
        .getByRole('button', { name: kpi, exact: true });
      await settledPressed(box);
      assert.ok(await box.evaluate(inView));
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

async function settledPressed(box) {
  await box.waitFor();
  const end = Date.now() + 5000;
  while ((await box.getAttribute('aria-pressed')) !== 'true' && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await box.getAttribute('aria-pressed'), 'true');
}
