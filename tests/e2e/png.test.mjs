// Export PNG (issue 23 point 4): the Structure diagram, the chain on show and a KPI's trend
// chart as PNG files at twice the picture's size, for pasting into a document. Each file is a
// PNG (signature, IHDR), twice the SVG's width and height, of a plausible size, drawn (ink on
// it) on white (not transparent), named `<model name> - <what>.png`; in Dutch the names are
// Dutch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, seedTemplate, ROOT } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AS_OF = '2026-11';
const KPI = 'Machines installed on time';
const model = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'public', 'templates', 'coffee-machines.en.kpi.json'), 'utf8'),
).model;

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

/** The PNG's width and height from its IHDR chunk; throws unless the bytes are a PNG. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', 'IHDR comes first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The SVG root's width and height attributes. */
function svgSize(svg) {
  const root = svg.match(/<svg\b[^>]*>/)[0];
  const attr = (name) => Number(root.match(new RegExp(` ${name}="([^"]+)"`))[1]);
  return { width: attr('width'), height: attr('height') };
}

/**
 * Decodes the PNG in the page: the share of pixels that are not white, and whether the top
 * left pixel is opaque white (the background, not transparency).
 */
async function looks(page, bytes) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 230 || d[i + 1] < 230 || d[i + 2] < 230) ink++;
    return { ink: ink / (d.length / 4), corner: [d[0], d[1], d[2], d[3]] };
  }, bytes.toString('base64'));
}

async function checkPng(page, file, expected, what) {
  const size = pngSize(file.bytes);
  assert.deepEqual(size, expected, `${what}: twice the picture's size`);
  assert.ok(file.bytes.length > 10 * 1024, `${what}: ${file.bytes.length} bytes`);
  const { ink, corner } = await looks(page, file.bytes);
  assert.deepEqual(corner, [255, 255, 255, 255], `${what}: on white`);
  assert.ok(ink > 0.01, `${what}: drawn (${(ink * 100).toFixed(2)} % ink)`);
}

/**
 * The size of a chain's picture, as `present::diagram::chain_svg` lays it out: one 160 px
 * column per box (need, links, the handovers shown, outcome) with 34 px between, 20 px
 * margins, at least 560 wide; the chain KPIs in rows of cards above the flow; the deepest
 * column of KPI cards under it.
 */
function chainSize(chain) {
  const kpis = model.kpis;
  const at = (level, link) => kpis.filter((k) => k.at.level === level && k.at.chain === chain.id
    && (link === undefined || k.at.link === link)).length;
  const n = chain.links.length;
  const columns = [0];
  chain.links.forEach((l, i) => {
    columns.push(at('link', l.id));
    if (i + 1 < n || (l.handover ?? '').trim() !== '' || at('handover', l.id) > 0) columns.push(at('handover', l.id));
  });
  columns.push(0);
  const width = Math.max(560, 40 + columns.length * 160 + (columns.length - 1) * 34);
  const perRow = Math.max(1, Math.floor((width - 40 + 34) / 194));
  const rows = Math.ceil(at('chain') / perRow);
  const chainH = rows === 0 ? 0 : 20 + rows * 54 + 8;
  const height = 60 + chainH + 76 + 12 + Math.max(...columns) * 54 + 20;
  return { width, height };
}

test('Export PNG in Structure, Chains and the inspector: PNGs at twice the size, on white', async () => {
  const { init } = seedTemplate('coffee-machines.en.kpi.json');
  const { page, context, errors } = await openPage(browser, server.url, { init });
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'English' });
  await page.getByRole('combobox', { name: 'As of' }).selectOption(AS_OF);

  // Structure: the diagram's SVG gives the size.
  await page.getByRole('tab', { name: 'Structure' }).click();
  await page.getByRole('group', { name: 'KPI structure diagram' }).waitFor();
  const svg = await download(page, () => page.getByRole('button', { name: 'Export SVG', exact: true }).click());
  const s = svgSize(svg.bytes.toString('utf8'));
  const structure = await download(page, () => page.getByRole('button', { name: 'Export PNG', exact: true }).click());
  assert.equal(structure.name, 'Coffee machines - Structure.png');
  await checkPng(page, structure, { width: Math.round(2 * s.width), height: Math.round(2 * s.height) }, 'structure');

  // Chains: the chain on show (the first).
  await page.getByRole('tab', { name: 'Chains' }).click();
  const chain = model.chains[0];
  await page.getByRole('heading', { name: chain.name, exact: true }).waitFor();
  const flow = await download(page, () => page.getByRole('button', { name: 'Export PNG', exact: true }).click());
  assert.equal(flow.name, `Coffee machines - ${chain.name}.png`);
  const c = chainSize(chain);
  await checkPng(page, flow, { width: 2 * c.width, height: 2 * c.height }, 'chain');

  // The inspector's trend chart: 700 x 400 as a picture. Its button has its own name, as
  // Structure's "Export PNG" may be on the page beside it.
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await page.getByRole('table').getByRole('button', { name: KPI, exact: true }).click();
  const inspector = page.locator('.inspector');
  await inspector.getByRole('img', { name: `Trend of ${KPI}`, exact: true }).waitFor();
  const trend = await download(page, () => inspector.getByRole('button', { name: 'Export PNG of the trend' }).click());
  assert.equal(trend.name, `Coffee machines - Trend of ${KPI}.png`);
  await checkPng(page, trend, { width: 1400, height: 800 }, 'trend');
  await page.getByRole('tab', { name: 'Structure' }).click();
  await page.getByRole('group', { name: 'KPI structure diagram' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Export PNG', exact: true }).count(), 1, 'one "Export PNG" on the page');

  // In Dutch: the buttons' Dutch names, a Dutch file name.
  await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption({ label: 'Nederlands' });
  const nl = await download(page, () => page.getByRole('button', { name: 'PNG exporteren', exact: true }).click());
  assert.equal(nl.name, 'Coffee machines - Structuur.png');
  pngSize(nl.bytes);
  assert.equal(await inspector.getByRole('button', { name: 'PNG van het verloop exporteren' }).count(), 1);

  assert.deepEqual(errors, []);
  await context.close();
});
