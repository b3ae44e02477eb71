// A model stored by the first format version (an entry without a `version`) still opens: the
// app brings such entries up to date before it reads the library (a part of its own, so the
// reader of version 1's norm texts is not in the first load).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, settled, ROOT } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a model stored by the first version opens, its norm texts read as numbers', async () => {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/v1/coffee-machines.en.kpi.json'), 'utf8'));
  const model = { ...file.model, id: 'mold' };
  // Entries from before the version was stored: revision and model only.
  const entry = JSON.stringify({ rev: 5, model });
  const init = ([key, entry]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, entry);
      sessionStorage.setItem('seeded', '1');
    }
  };
  const { page, context, errors } = await openPage(browser, server.url, { init: [init, ['kpi-structure:model:mold', entry]] });
  const name = page.getByRole('textbox', { name: 'Model name' });
  await name.waitFor();
  assert.equal(await name.inputValue(), 'Coffee machines');
  await page.getByRole('button', { name: 'Satisfied customers' }).first().waitFor();

  const stored = () => page.evaluate(() => {
    const e = JSON.parse(localStorage.getItem('kpi-structure:model:mold'));
    return {
      upgraded: e.version >= 2,
      // Norm texts became numbers; the texts are kept as each KPI's norm description.
      numbers: e.model.kpis.filter((k) => typeof k.target === 'number' || typeof k.low === 'number').length > 0,
      kept: e.model.kpis.some((k) => (k.norm_description ?? '').length > 0),
      kpis: e.model.kpis.length,
    };
  });
  assert.deepEqual(await settled(stored, { upgraded: true, numbers: true, kept: true, kpis: model.kpis.length }),
    { upgraded: true, numbers: true, kept: true, kpis: model.kpis.length });
  // Listed as a model, not as damaged.
  await page.getByRole('button', { name: 'Models' }).click();
  assert.equal(await page.getByRole('listitem').filter({ hasText: 'Coffee machines' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
