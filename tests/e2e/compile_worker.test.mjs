// The wasm is compiled in a worker, not on the main thread (issue 24: a streamed compile reads
// and decodes every byte where it runs, long tasks on a slow phone). The release build's
// boot.js and every loader of the split loader hand their fetch to `kpiCompile`
// (.ci/compile.js); the page instantiates what comes back. Where the worker cannot help (no
// Worker, its script not fetched, streams that cannot be handed over) the page compiles the
// modules itself, as before, from the one fetch of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, serve, launch } from './support.mjs';
import { compiledLoader } from '../../.ci/compile_loader.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const build = () => {
  const w = fs.readdirSync(DIST).find((f) => /^w-[0-9a-f]{16}$/.test(f));
  assert.ok(w, 'dist/ has a build folder');
  return w;
};

test('the release build compiles every module through the worker', () => {
  const w = build();
  const dir = path.join(DIST, w);
  assert.ok(fs.existsSync(path.join(dir, 'compile_worker.js')));
  const loader = fs.readFileSync(path.join(dir, '__wasm_split.js'), 'utf8');
  assert.doesNotMatch(loader, /instantiateStreaming/);
  assert.match(loader, /compile_worker\.js/);
  const boot = fs.readFileSync(path.join(dir, 'boot.js'), 'utf8');
  const compile = boot.match(/\{kpiCompile as (\w+)\}/)?.[1] ?? 'kpiCompile';
  assert.ok(boot.includes(`${compile}(fetch(new URL("./main_bg.wasm"`), boot);
  // The service worker's registration is not in the first load.
  assert.match(boot, /import\("\.\/offline\.js"\)/);
  assert.doesNotMatch(boot, /serviceWorker/);
  // Offline after one visit: the service worker caches the worker's script too.
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`${w}/compile_worker.js`) && sw.includes(`${w}/offline.js`));
});

const loaderOf = (parts) => 'function makeLoad(fetcher, deps) {}\n' + parts.map((p) => `export const __wasm_split_load_${p} = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_${p}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_shared]));
`).join('');

test('the loader rewrite: each loader instantiates what the worker compiled, or none is rewritten', () => {
  const out = compiledLoader(loaderOf(['a', 'b', 'c']));
  assert.equal(out.match(/const compiled = kpiCompile\(src\);/g)?.length, 3);
  assert.equal(out.match(/WebAssembly\.instantiate\(await compiled, imports\)/g)?.length, 3);
  assert.doesNotMatch(out, /instantiateStreaming/);
  // A loader of another shape (a new wasm-split-cli) stops the build.
  const changed = loaderOf(['a', 'b']).replace('(WebAssembly.instantiateStreaming(src, imports))',
    'WebAssembly.instantiateStreaming(src, imports)');
  assert.throws(() => compiledLoader(changed), /1 of 2 loaders/);
  assert.throws(() => compiledLoader('const x = 1;\n'), /0 of 0 loaders/);
});

/** Opens the start screen, then a template from the Templates menu (a lazy part on shared code). */
async function startAndOpenTemplate(page) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Coffee machines' }).click();
  await page.getByRole('textbox', { name: 'Model name' }).waitFor();
  // A view that is a part of its own.
  await page.getByRole('tab', { name: 'KPIs' }).click();
  await page.locator('.kpi-row').first().waitFor();
}

/** Counts, in `window.compiledHere`, the modules the page compiles itself. */
function countCompiles() {
  window.compiledHere = 0;
  for (const name of ['compile', 'compileStreaming', 'instantiateStreaming']) {
    const f = WebAssembly[name];
    WebAssembly[name] = function (...args) { window.compiledHere += 1; return f.apply(this, args); };
  }
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (what, ...rest) {
    if (!(what instanceof WebAssembly.Module)) window.compiledHere += 1;
    return instantiate.call(this, what, ...rest);
  };
}

/** A page with `init` run before the app and `route` for the worker's script, not yet opened. */
async function newPage({ init, route } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(countCompiles);
  if (init) await page.addInitScript(init);
  if (route) await page.route('**/compile_worker.js', route);
  return { page, context, errors };
}
const compiledHere = (page) => page.evaluate(() => window.compiledHere);

test('the worker compiles the main module and the parts; the wasm is fetched once', async () => {
  const { page, context, errors } = await newPage();
  // The page's requests (the service worker's precache fetches every file once more).
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname.split('/').pop()));
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(server.url);
  await startAndOpenTemplate(page);
  assert.deepEqual(workers.map((u) => u.split('/').pop()), ['compile_worker.js']);
  assert.equal(requests.filter((r) => r === 'main_bg.wasm').length, 1, requests.join(' '));
  assert.equal(requests.filter((r) => r === 'chunk_shared.wasm').length, 1);
  // The page compiled nothing itself: the main module, the shared code and four parts came
  // from the worker.
  assert.equal(await compiledHere(page), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

let aborted = 0;
const fallbacks = {
  'no Worker in the page': { init: () => { delete window.Worker; } },
  "the worker's script not fetched": { route: (r) => { aborted += 1; return r.abort(); } },
  'streams that cannot be handed over': {
    init: () => {
      for (const proto of [MessagePort.prototype, Worker.prototype]) {
        const post = proto.postMessage;
        proto.postMessage = function (message, transfer) {
          if ((transfer ?? []).some((t) => t instanceof ReadableStream)) {
            throw new DOMException('no streams', 'DataCloneError');
          }
          return post.call(this, message, transfer);
        };
      }
    },
  },
};

for (const [name, { init, route }] of Object.entries(fallbacks)) {
  test(`with ${name}, the page compiles the modules, and the app starts and loads its parts`, async () => {
    const { page, context, errors } = await newPage({ init, route });
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname.split('/').pop()));
    await page.goto(server.url);
    await startAndOpenTemplate(page);
    // The main module, the shared code and four parts (at least): compiled here, each fetched once.
    assert.ok(await compiledHere(page) >= 6, `${await compiledHere(page)} compiled in the page`);
    assert.equal(requests.filter((r) => r === 'main_bg.wasm').length, 1);
    if (route) assert.ok(aborted > 0, "the worker's script was asked for");
    // A worker that failed to start is reported by the browser, not by the app.
    assert.deepEqual(errors.filter((e) => !/compile_worker\.js/.test(e)), []);
    await context.close();
  });
}
