// Export slides (issue 23 point 3): the .pptx of the coffee template, read back in node. One
// slide per chain after the title and goals slides, the chain names and a KPI value in the
// slide XML, every part well-formed and present where the content types name it, every
// relationship target present; in Dutch, Dutch words. (`make slides-check` converts the
// slides to PDF with LibreOffice where it is installed.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, seedTemplate, readZip, ROOT } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = '2026-11';
const readTemplate = (file) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'templates', file), 'utf8')).model;

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

/** A monthly KPI's value for `month` (`2026-11`) from the file's runs of values. */
function monthValue(kpi, month) {
  const index = (p) => { const [y, m] = p.split('-').map(Number); return y * 12 + m; };
  for (const [first, run] of Object.entries(kpi.values ?? {})) {
    if (!/^\d{4}-\d{2}$/.test(first)) continue;
    const v = run[index(month) - index(first)];
    if (typeof v === 'number') return v;
  }
  return undefined;
}

/** The slides' XML in order, and the `<a:t>` texts of each. */
function slidesOf(zip) {
  const names = [...zip.keys()]
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]));
  const xml = names.map((n) => zip.get(n).toString('utf8'));
  const unescape = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const texts = xml.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1])));
  return { xml, texts };
}

/**
 * Throws unless `xml` is well-formed as far as a package part needs: one root, every tag
 * closed in order, attribute values quoted, `&` only in the five entities or a character
 * reference, no `<` in text.
 */
function wellFormed(name, xml) {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack = [];
  let roots = 0;
  const tokens = body.split(/(<[^<>]*>)/);
  tokens.forEach((token, i) => {
    if (i % 2 === 0) {
      assert.ok(!/[<>]/.test(token), `${name}: a raw < or > in text: ${token.slice(0, 60)}`);
      assert.ok(!/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(token), `${name}: a raw & in ${token.slice(0, 60)}`);
      if (stack.length === 0) assert.ok(token.trim() === '', `${name}: text outside the root`);
      return;
    }
    const close = token.match(/^<\/([\w:.-]+)\s*>$/);
    if (close) {
      assert.equal(stack.pop(), close[1], `${name}: </${close[1]}> closes the wrong tag`);
      return;
    }
    const open = token.match(/^<([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/);
    assert.ok(open, `${name}: a malformed tag ${token.slice(0, 80)}`);
    for (const [, value] of open[2].matchAll(/="([^"]*)"/g)) {
      assert.ok(!/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(value), `${name}: a raw & in ${value}`);
    }
    if (stack.length === 0) roots++;
    if (!open[3]) stack.push(open[1]);
  });
  assert.deepEqual(stack, [], `${name}: unclosed ${stack.join(', ')}`);
  assert.equal(roots, 1, `${name}: one root element`);
}

function checkPackage(zip) {
  for (const [name, data] of zip) wellFormed(name, data.toString('utf8'));
  const types = zip.get('[Content_Types].xml').toString('utf8');
  const named = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
  for (const part of named) assert.ok(zip.has(part), `${part} is named in [Content_Types].xml but missing`);
  for (const [name, data] of zip) {
    if (!name.endsWith('.rels')) continue;
    const dir = name.replace(/_rels\/[^/]+$/, '');
    for (const m of data.toString('utf8').matchAll(/Target="([^"]+)"/g)) {
      const parts = [];
      for (const seg of (dir + m[1]).split('/')) {
        if (seg === '..') parts.pop(); else if (seg && seg !== '.') parts.push(seg);
      }
      assert.ok(zip.has(parts.join('/')), `${name} -> ${parts.join('/')} is missing`);
    }
  }
  for (const part of ['ppt/presentation.xml', 'ppt/slideMasters/slideMaster1.xml',
    'ppt/slideLayouts/slideLayout1.xml', 'ppt/theme/theme1.xml', 'docProps/core.xml', 'docProps/app.xml']) {
    assert.ok(zip.has(part), part);
  }
}

test('Export slides downloads a .pptx: title, goals, a slide per chain with its names and values', async () => {
  const model = readTemplate('coffee-machines.en.kpi.json');
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'English' });
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);
  const file = await download(page, () => page.getByRole('button', { name: 'Export slides' }).click());
  assert.equal(file.name, 'Coffee machines.pptx');
  assert.equal(file.bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a zip');
  const zip = readZip(file.bytes);
  assert.equal([...zip.keys()][0], '[Content_Types].xml', 'the content types come first');
  checkPackage(zip);

  const { xml, texts } = slidesOf(zip);
  assert.equal(xml.length, 2 + model.chains.length, 'title, goals, one slide per chain');
  assert.ok(texts[0].includes('Coffee machines'), texts[0].join(' | '));
  assert.ok(texts[1].includes('Goals and result KPIs'), texts[1].join(' | '));
  model.chains.forEach((chain, i) => {
    const own = texts[2 + i];
    assert.ok(own.includes(chain.name), `slide ${3 + i}: ${own.join(' | ')}`);
    for (const link of chain.links) assert.ok(own.includes(link.name), `${link.name} in the flow`);
  });
  // A KPI's value as of the month, as the table shows it (number and unit).
  const kpi = model.kpis.find((k) => k.name === 'Machines installed on time');
  const value = monthValue(kpi, AS_OF);
  assert.equal(typeof value, 'number', `the template has a value for ${AS_OF}`);
  const chainSlide = texts[2 + model.chains.findIndex((c) => c.id === kpi.at.chain)];
  const row = chainSlide.indexOf(kpi.name);
  assert.ok(row >= 0, chainSlide.join(' | '));
  assert.equal(chainSlide[row + 1], `${value}%`, 'its value follows its name');
  // The status is a word, not colour alone; the trend a drawn line.
  assert.ok(chainSlide.some((t) => /^(on target|at risk|off target)$/.test(t)), chainSlide.join(' | '));
  assert.ok(xml[2].includes('<a:custGeom>'), 'a trend line');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Dia\'s exporteren: the slides in Dutch', async () => {
  const model = readTemplate('coffee-machines.nl.kpi.json');
  const { init } = seedTemplate('coffee-machines.nl.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'Nederlands' });
  const file = await download(page, () => page.getByRole('button', { name: "Dia's exporteren" }).click());
  assert.equal(file.name, `${model.name}.pptx`);
  const zip = readZip(file.bytes);
  checkPackage(zip);
  const { xml, texts } = slidesOf(zip);
  assert.equal(xml.length, 2 + model.chains.length);
  const all = texts.flat();
  for (const word of ["Doelen en resultaat-KPI's", 'Openstaande acties', 'Waarde', 'Klantbehoefte']) {
    assert.ok(all.includes(word), `${word} in ${all.join(' | ')}`);
  }
  assert.ok(!all.includes('Open actions'), 'no English left');
  for (const chain of model.chains) assert.ok(all.includes(chain.name), chain.name);
  assert.deepEqual(errors, []);
  await context.close();
});
