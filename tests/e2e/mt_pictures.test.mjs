// What a management team looks at (issue 23), as each language and screen shows it: the paste
// preview grid and the cells it set, Export PNG of the structure, and the printed meeting pack
// with its trend charts, in English and Dutch at 1280x800 and 1024x768. With SHOTS set, the
// test keeps a screenshot of each (and the PNG and the pack as PDF pages) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, seedTemplate, partsLoaded } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SHOTS = process.env.SHOTS;
if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
const keep = (page, name) => SHOTS && page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

const WORDS = {
  en: {
    values: 'Values', paste: 'Paste values', toPaste: 'Values to paste', preview: 'Preview', apply: 'Apply',
    kpi: 'Machines installed on time', set: /^2 values set$/, structure: 'Structure', png: 'Export PNG',
    meeting: 'Meeting', trend: 'Trend of Machines installed on time',
  },
  nl: {
    values: 'Waarden', paste: 'Waarden plakken', toPaste: 'Te plakken waarden', preview: 'Voorbeeld', apply: 'Toepassen',
    kpi: 'Machines op tijd geïnstalleerd', set: /^2 waarden ingevuld$/, structure: 'Structuur', png: 'PNG exporteren',
    meeting: 'Ketenoverleg', trend: 'Trend van Machines op tijd geïnstalleerd',
  },
};

for (const lang of ['en', 'nl']) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
    const tag = `${lang}-${viewport.width}`;
    test(`paste grid, PNG and the printed pack in ${lang === 'en' ? 'English' : 'Dutch'} at ${viewport.width}x${viewport.height}`, async () => {
      const w = WORDS[lang];
      const { init, model } = seedTemplate(`coffee-machines.${lang}.kpi.json`);
      const { page, context, errors } = await openPage(browser, server.url, { init, viewport });
      if (lang === 'nl') await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });

      // The paste preview as a grid: the overwrite marked; after Apply the cells set ringed.
      await page.getByRole('tab', { name: w.values, exact: true }).click();
      await page.getByRole('combobox', { name: lang === 'en' ? 'As of' : 'Stand per' }).selectOption('2026-12');
      await page.getByRole('button', { name: w.paste, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: w.paste });
      await page.getByRole('textbox', { name: w.toPaste }).fill(`KPI\t2026-11\t2026-12\n${w.kpi}\t80\t96`);
      const grid = dialog.getByRole('table', { name: w.preview });
      await grid.getByRole('cell', { name: lang === 'en' ? '97.5 → 80' : '97,5 → 80' }).waitFor();
      await keep(page, `paste-grid-${tag}`);
      await dialog.getByRole('button', { name: w.apply, exact: true }).click();
      await page.getByRole('status').filter({ hasText: w.set }).waitFor();
      const cell = page.getByRole('textbox', { name: `${w.kpi}, 2026-12` });
      assert.equal(await cell.inputValue(), '96');
      assert.match(await cell.locator('xpath=..').getAttribute('class'), /vg-pasted/);
      await keep(page, `paste-applied-${tag}`);

      // Export PNG of the structure: a PNG, kept beside the screenshots.
      await page.getByRole('tab', { name: w.structure, exact: true }).click();
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: w.png, exact: true }).click(),
      ]);
      const png = fs.readFileSync(await dl.path());
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.ok(png.length > 10_000, `${png.length} bytes`);
      if (SHOTS) fs.writeFileSync(path.join(SHOTS, `structure-export-${tag}.png`), png);

      // A KPI's trend chart in the inspector.
      await page.getByRole('group', { name: lang === 'en' ? 'KPI structure diagram' : 'Diagram van de KPI-structuur' })
        .getByRole('button', { name: w.kpi, exact: true }).click();
      await page.getByRole('img', { name: w.trend }).waitFor();
      await keep(page, `trend-${tag}`);

      // The printed meeting pack: a page per chain and one of its trend charts, in colour.
      await page.getByRole('tab', { name: w.meeting, exact: true }).click();
      await partsLoaded(page);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const doc = page.locator('#print-doc');
      assert.equal(await doc.locator('.pack-trends').count(), model.chains.length);
      await doc.getByRole('img', { name: w.trend, includeHidden: true }).waitFor({ state: 'attached' });
      await page.emulateMedia({ media: 'print' });
      if (SHOTS && viewport.width === 1280) {
        const file = path.join(SHOTS, `meeting-pack-${lang}.pdf`);
        await page.pdf({ path: file, format: 'A4', landscape: true, preferCSSPageSize: true });
        try { execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '2', file, file.replace(/\.pdf$/, '')]); } catch { /* no poppler */ }
      }
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
