// The wasm is fetched and compiled in a worker, not on the main thread (issue 24: a streamed
// compile reads and decodes every byte where it runs, long tasks on a slow phone). The page's
// first lines (.ci/compile_start.js, inline in the head) start the worker and ask it for the
// main module; every loader of the split loader asks it for its part (`kpiCompile`,
// .ci/compile.js). The page instantiates what comes back. Where the worker cannot help (no
// Worker, a worker that cannot start, cannot send a module back or fails a module) the
// page fetches and compiles the modules itself, as before, each once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, serve, launch } from './support.mjs';
import { compiledLoader } from '../../.ci/compile_loader.mjs';
import { releaseGlue } from '../../.ci/glue.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const build = () => {
  const w = fs.readdirSync(DIST).find((f) => /^w-[0-9a-f]{16}$/.test(f));
  assert.ok(w, 'dist/ has a build folder');
  return w;
};

test('the release build has every module fetched and compiled by the worker', () => {
  const w = build();
  const dir = path.join(DIST, w);
  // The page's first lines start the worker from the code they hold and name the main
  // module; nothing preloads it, and the worker is no file of its own.
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const start = html.match(/<script data-wasm="\.\/(w-\w+)\/main_bg\.wasm">([\s\S]*?)<\/script>/);
  assert.equal(start?.[1], w, 'the inline start names this build');
  assert.match(start[2], /new Worker\(URL\.createObjectURL\(/);
  assert.match(start[2], /compileStreaming/, "the worker's code is in the start");
  assert.ok(html.indexOf(start[0]) < html.indexOf('<style>'), 'the worker starts before the styles');
  assert.doesNotMatch(html, /rel="?preload"?[^>]*main_bg\.wasm/);
  assert.ok(!fs.existsSync(path.join(dir, 'compile_worker.js')));
  // The CSP allows a worker from a blob (and the service worker), nothing else new.
  assert.match(html, /connect-src 'self'; worker-src 'self' blob:;/);
  const loader = fs.readFileSync(path.join(dir, '__wasm_split.js'), 'utf8');
  assert.doesNotMatch(loader, /instantiateStreaming|fetch\(new URL\(/);
  // The glue instantiates the compiled module; its own fetch and compile paths are cut.
  const glue = fs.readFileSync(path.join(dir, 'main.js'), 'utf8');
  assert.doesNotMatch(glue, /instantiateStreaming|application\/wasm|new WebAssembly\.Module/);
  const boot = fs.readFileSync(path.join(dir, 'boot.js'), 'utf8');
  const main = boot.match(/\{kpiMain as (\w+)\}/)?.[1] ?? 'kpiMain';
  assert.ok(boot.includes(`module_or_path:${main}()`), boot);
  // The service worker's registration is not in the first load.
  assert.match(boot, /import\("\.\/offline\.js"\)/);
  assert.doesNotMatch(boot, /serviceWorker/);
  // Offline after one visit: the service worker caches the start's script too.
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`${w}/offline.js`));
});

const loaderOf = (parts) => 'function makeLoad(fetcher, deps) {}\n' + parts.map((p) => `export const __wasm_split_load_${p} = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_${p}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_shared]));
`).join('');

test('the loader rewrite: each loader instantiates what the worker fetched and compiled, or none is rewritten', () => {
  const out = compiledLoader(loaderOf(['a', 'b', 'c']));
  for (const p of ['a', 'b', 'c']) {
    assert.ok(out.includes(`const compiled = kpiCompile(new URL("./split_${p}.wasm", import.meta.url));`), p);
  }
  assert.equal(out.match(/WebAssembly\.instantiate\(await compiled, imports\)/g)?.length, 3);
  assert.doesNotMatch(out, /instantiateStreaming|fetch\(/);
  // A loader of another shape (a new wasm-split-cli) stops the build.
  const changed = loaderOf(['a', 'b']).replace('(WebAssembly.instantiateStreaming(src, imports))',
    'WebAssembly.instantiateStreaming(src, imports)');
  assert.throws(() => compiledLoader(changed), /1 of 2 loaders/);
  assert.throws(() => compiledLoader('const x = 1;\n'), /0 of 0 loaders/);
});

/** A glue of wasm-bindgen 0.2.130's shape, its loader's bodies left out. */
const GLUE = 'let wasm;\nfunction __wbg_get_imports() {}\nfunction __wbg_finalize_init(instance, module) {}\n\n'
  + 'async function __wbg_load(module, imports) { WebAssembly.instantiateStreaming(module, imports); }\n\n'
  + 'function initSync(module) { new WebAssembly.Module(module); }\n\nlet __wbg_init_promise;\n'
  + 'async function __wbg_init(module_or_path) {}\n\nasync function __wbg_init_once(module_or_path) { fetch(module_or_path); }\n\n'
  + 'export { initSync, __wbg_init as default };\n';

test("the glue's loader cut: it instantiates the module it is given, or the build stops", async () => {
  const cut = releaseGlue(GLUE);
  assert.doesNotMatch(cut, /__wbg_load|__wbg_init_once|instantiateStreaming|fetch\(|new WebAssembly\.Module/);
  assert.ok(cut.startsWith('let wasm;\nfunction __wbg_get_imports() {}\nfunction __wbg_finalize_init(instance, module) {}\n'));
  assert.ok(cut.endsWith('export { initSync, __wbg_init as default };\n'));
  // Run: init instantiates the module given (a promise of it) once; initSync then hands out
  // the exports.
  const calls = [];
  const run = new Function('WebAssembly', cut
    .replace('function __wbg_finalize_init(instance, module) {}', 'function __wbg_finalize_init(instance, module) { wasm = instance; return wasm; }')
    .replace('export { initSync, __wbg_init as default };', 'return { initSync, __wbg_init };'));
  const { initSync, __wbg_init } = run({ instantiate: async (m) => { calls.push(m); return `exports of ${m}`; } });
  assert.throws(() => initSync(), /not started/);
  assert.equal(await __wbg_init({ module_or_path: Promise.resolve('m') }), 'exports of m');
  assert.equal(await __wbg_init({ module_or_path: Promise.resolve('m') }), 'exports of m');
  assert.deepEqual(calls, ['m']);
  assert.equal(initSync(), 'exports of m');
  // Another shape (a new wasm-bindgen) stops the build.
  assert.throws(() => releaseGlue(GLUE.replace('async function __wbg_init_once(module_or_path)', 'async function load(x)')), /not as expected/);
  assert.throws(() => releaseGlue(GLUE.replace('export { initSync, __wbg_init as default };', 'export default __wbg_init;')), /not as expected/);
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

/**
 * Counts, in `window.compiledHere`, the modules the page compiles itself, and in
 * `window.fetchedHere` the wasm files it fetches itself.
 */
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
  window.fetchedHere = 0;
  const fetch = window.fetch;
  window.fetch = function (what, ...rest) {
    if (/\.wasm$/.test(new URL(String(what.url ?? what), document.baseURI).pathname)) window.fetchedHere += 1;
    return fetch.call(this, what, ...rest);
  };
}

/** A page that counts what it compiles and fetches itself, not yet opened. */
async function newPage() {
  // No service worker: its precache would fetch every file once more.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(countCompiles);
  return { page, context, errors };
}
const counted = (page) => page.evaluate(() => ({ compiled: window.compiledHere, fetched: window.fetchedHere }));
/** How often the server was asked for `file` (by the page or a worker) since `from`. */
const asked = (file, from) => server.log.slice(from).filter((r) => r.path.endsWith(`/${file}`)).length;

test('the worker fetches and compiles the main module and the parts, each once', async () => {
  const { page, context, errors } = await newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const from = server.log.length;
  await page.goto(server.url);
  await startAndOpenTemplate(page);
  // One worker, from the blob the page's first lines made.
  assert.equal(workers.length, 1);
  assert.match(workers[0], /^blob:/);
  assert.equal(asked('main_bg.wasm', from), 1);
  assert.equal(asked('chunk_shared.wasm', from), 1);
  // The page fetched and compiled nothing itself: the main module, the shared code and four
  // parts came from the worker.
  assert.deepEqual(await counted(page), { compiled: 0, fetched: 0 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a part the host refuses (HTTP 404) is not fetched again by the page: its load fails and is tried again', async () => {
  const { page, context, errors } = await newPage();
  // The Templates menu's part: refused twice, then served.
  let asked = 0;
  await page.route(/\/split_file_menus_[^/]*\.wasm$/, (route) => {
    asked += 1;
    return asked <= 2 ? route.fulfill({ status: 404, body: 'gone' }) : route.continue();
  });
  await page.goto(server.url);
  await startAndOpenTemplate(page);
  // Three requests, all the worker's: the page neither fetched nor compiled a module itself.
  assert.equal(asked, 3);
  assert.deepEqual(await counted(page), { compiled: 0, fetched: 0 });
  // The retry says so while it waits (a warning, not an error).
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

/**
 * Init scripts that put a worker of `code` in place of the page's (a `Worker` whose
 * constructor ignores the script it is given), counting in `window.workersStarted` how often.
 */
const workerOf = (code) => [(code) => {
  window.workersStarted = 0;
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor() {
      super(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      window.workersStarted += 1;
    }
  };
}, code];
const fallbacks = {
  'no Worker in the page': [() => { delete window.Worker; }],
  'a worker that cannot start': workerOf("throw new Error('cannot start');"),
  // As in a browser that cannot send a module between threads.
  'a worker that cannot send a module back': workerOf('postMessage({ ready: false }); onmessage = () => {};'),
  'a worker that fails every module': workerOf(
    'WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then((ready) => postMessage({ ready }));'
    + " onmessage = ({ data }) => postMessage({ id: data.id, error: 'failed' });"),
};

for (const [name, [init, arg]] of Object.entries(fallbacks)) {
  test(`with ${name}, the page fetches and compiles the modules, and the app starts and loads its parts`, async () => {
    const { page, context, errors } = await newPage();
    await page.addInitScript(init, arg);
    const from = server.log.length;
    await page.goto(server.url);
    await startAndOpenTemplate(page);
    // The main module, the shared code and four parts (at least): compiled here, each fetched
    // once, by the page (these workers fetch nothing).
    const { compiled, fetched } = await counted(page);
    assert.ok(compiled >= 6, `${compiled} compiled in the page`);
    assert.equal(fetched, compiled);
    assert.equal(asked('main_bg.wasm', from), 1);
    assert.equal(asked('chunk_shared.wasm', from), 1);
    if (arg) assert.equal(await page.evaluate(() => window.workersStarted), 1, 'the page started its worker');
    // A worker that failed to start is reported by the browser, not by the app.
    assert.deepEqual(errors.filter((e) => !/cannot start/.test(e)), []);
    await context.close();
  });
}
