// Printing gives the structure on one page and one page per chain (the chain card).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedTemplate, partsLoaded } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('print: structure page plus one chain card per chain', async () => {
  const { init, model } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  // The print document is built by a lazy part, fetched when idle (or by Ctrl+P and the Print
  // button before they print): `beforeprint` cannot wait for it.
  await partsLoaded(page);
  // What the browser does on Ctrl+P or the Print button.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const doc = page.locator('#print-doc');
  assert.equal(await doc.locator('svg').count(), 1);
  assert.equal(await doc.locator('.chain-card').count(), model.chains.length);
  const text = await doc.innerText();
  for (const c of model.chains) assert.ok(text.includes(c.name), c.name);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1 + model.chains.length, `${pages} pages`);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await doc.innerHTML(), '');
  assert.deepEqual(errors, []);
  await context.close();
});
