// Shared by the end-to-end tests: a static server for dist/ under a sub-path on a free
// loopback port, and Debian's chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { TYPES } from './static_server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.DIST ? path.resolve(process.env.DIST) : path.join(ROOT, 'dist');
/// Every test serves the app under this sub-path: it proves dist/ uses relative URLs.
export const SUB_PATH = '/some/sub/path/';

/**
 * Serves dist/ at http://127.0.0.1:<free port>/some/sub/path/. Anything else is a 404.
 * Setting `swSuffix` on the result appends it to sw.js (a new deploy, for the offline test).
 * `log` lists every request as it came, by whomever in the browser (the page, a worker):
 * `{ path, start, end }`, times from `performance.now()` of this process.
 */
export async function serve() {
  const served = { swSuffix: '', log: [] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const entry = { path: url.pathname, start: performance.now(), end: undefined };
    served.log.push(entry);
    res.on('finish', () => { entry.end = performance.now(); });
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not under ' + SUB_PATH);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.join(DIST, path.normalize(rel));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    if (rel === 'sw.js' && served.swSuffix) res.end(fs.readFileSync(file, 'utf8') + served.swSuffix);
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  served.url = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  served.close = () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); });
  return served;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A fresh page that fails the test on any console error or page error.
 * Returns { page, errors } — assert errors is empty at the end.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, init, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, serviceWorkers });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (Array.isArray(init)) await page.addInitScript(init[0], init[1]);
  else if (init) await page.addInitScript(init);
  await page.goto(url);
  await page.getByRole('combobox', { name: /Language|Taal/ }).waitFor();
  return { page, context, errors };
}

/**
 * What `read()` gives once it equals `expected` (deep), or after 5 s what it gives then (the
 * caller's assertion fails). An edit shows once the edit engine has run it: at once, or, for
 * an edit made before the engine's lazy part arrived, when it arrives.
 */
export async function settled(read, expected, timeout = 5000) {
  const same = (a) => JSON.stringify(a) === JSON.stringify(expected);
  const end = Date.now() + timeout;
  let value = await read();
  while (!same(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/** Waits until every lazy wasm part has been fetched (the app marks `<html data-lazy>`). */
export async function partsLoaded(page) {
  await page.locator('html[data-lazy=loaded]').waitFor({ state: 'attached', timeout: 15000 });
}

export async function screenshot(page, name) {
  // The parts mounted when idle (Templates, Import, Export, the inspector) are in the picture.
  await page.locator('html[data-idle]').waitFor({ state: 'attached', timeout: 15000 });
  await page.waitForLoadState('networkidle');
  const dir = path.join(ROOT, 'docs', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/**
 * An init script that stores a template (public/templates/<file>) as a saved model before
 * the app starts, once per browser context (a reload keeps what the test changed).
 * Returns { init, model }: pass `init` to openPage; the app opens the model at start.
 * `change(model)` may alter the model before it is stored.
 */
export function seedTemplate(file, id = 'mseed', change = () => {}) {
  const text = fs.readFileSync(path.join(ROOT, 'public', 'templates', file), 'utf8');
  const parsed = JSON.parse(text);
  const model = { ...parsed.model, id, modified: Date.now() };
  change(model);
  const entry = JSON.stringify({ version: parsed.version, rev: 1, model });
  const init = ([key, entry]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, entry);
      sessionStorage.setItem('seeded', '1');
    }
  };
  return { init: [init, [`kpi-structure:model:${id}`, entry]], model };
}

/**
 * The entries of a zip file (a `.pptx`) as a Map of name -> Buffer, read from its central
 * directory; stored and deflated entries (the two a package may use). Throws on anything
 * else, so a damaged file fails the test that reads it.
 */
export function readZip(bytes) {
  const buf = Buffer.from(bytes);
  // The end of central directory record: its signature within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (method === 0) out.set(name, data);
    else if (method === 8) out.set(name, zlib.inflateRawSync(data));
    else throw new Error(`${name}: compression method ${method}`);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Shows columns of the KPIs table through its "Columns" chooser (the default hides some, e.g.
 * Unit and Direction), then closes the chooser. The choice is remembered in the browser.
 */
export async function showColumns(page, names) {
  const columns = page.getByRole('button', { name: 'Columns', exact: true });
  await columns.click();
  for (const name of names) await page.getByRole('checkbox', { name, exact: true }).check();
  await columns.click();
}
