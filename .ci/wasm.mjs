// Trunk post_build hook (Trunk.toml): builds the wasm and finishes dist/.
//
// trunk skips its own Rust pipeline (`data-trunk-skip` in index.html) because it cannot
// split a wasm. This script does what cargo-leptos `--split` does:
//   release: cargo with the `split` feature and `--emit-relocs` -> wasm-split-cli (one main
//            module plus a part per `#[lazy]` function) -> wasm-bindgen -> wasm-opt -Oz on
//            every part -> the chunks the parts share merged into one module
//            (`mergeChunksIntoOne`, .ci/merge_chunks.mjs) -> the
//            JS (glue, split loader, boot.js) minified by terser;
//   debug:   cargo -> wasm-bindgen (one wasm, as `trunk serve` always had).
// The output goes to a per-build folder `w-<hash>/` (the split loader imports `./main.js`
// by that fixed name, so names cannot carry hashes), loaded by `w-<hash>/boot.js`.
// It puts the stylesheets trunk wrote into index.html. Then it writes the service worker's
// file list and build hash into sw.js, and the hashes of any inline script into the CSP of
// index.html (debug: 'unsafe-inline', for trunk serve).
// Nothing is downloaded: cargo runs --offline --locked (`make build` ran `cargo fetch`).
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
// terser is pinned in package.json (devDependencies) and installed by `npm ci`.
import { minify } from 'terser';
import { compiledLoader } from './compile_loader.mjs';
import { releaseGlue } from './glue.mjs';
import { FEATURES, mergeChunks, sharedChunkLoader } from './merge_chunks.mjs';

const execFileAsync = promisify(execFile);

const BIN = 'kpi-structure';
const release = process.env.TRUNK_PROFILE === 'release';
const staging = process.env.TRUNK_STAGING_DIR;
const root = process.env.TRUNK_SOURCE_DIR || process.cwd();
if (!staging) throw new Error('run by trunk (TRUNK_STAGING_DIR is not set)');

function run(cmd, args, env = {}) {
  console.log(`[wasm.mjs] ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}
const out = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8' });

const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
// One work folder per source tree: worktrees that share a CARGO_TARGET_DIR build side by side.
const tree = crypto.createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 8);
const work = path.join(targetDir, 'kpi-split', `${release ? 'release' : 'debug'}-${tree}`);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'pkg'), { recursive: true });
const pkg = path.join(work, 'pkg');

// ---- build ---------------------------------------------------------------------------------
const cargo = ['rustc', '--locked', '--offline', '--target', 'wasm32-unknown-unknown', '--bin', BIN];
const wasm = path.join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${BIN}.wasm`);
if (release) {
  // --emit-relocs only on the final link (cargo rustc passes it to the bin alone), so the
  // dependencies keep their cache.
  run('cargo', [...cargo, '--release', '--features', 'split', '--', '-Clink-args=--emit-relocs']);
  const split = path.join(work, 'split');
  run('wasm-split-cli', ['--target', 'web', '--out-name', 'main', wasm, split]);
  // The main module goes through wasm-bindgen; the parts only import from it.
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle',
    '--out-name', 'main', '--out-dir', pkg, path.join(split, 'main.wasm')]);
  for (const f of fs.readdirSync(split)) {
    if (f !== 'main.wasm') fs.copyFileSync(path.join(split, f), path.join(pkg, f));
  }
  // A part whose fetch fails is fetched again (.ci/retry.js) instead of failing the load.
  const loaderPath = path.join(pkg, '__wasm_split.js');
  const loader = fs.readFileSync(loaderPath, 'utf8');
  const from = 'function makeLoad(fetcher, deps) {\n    const loader = async () => {';
  const to = 'function makeLoad(fetcher, deps) {\n    const loader = () => kpiRetry(attempt);\n    const attempt = async () => {';
  if (!loader.includes(from)) throw new Error('__wasm_split.js: makeLoad not as expected (wasm-split-cli 0.2.4)');
  // Every module is compiled in a worker (.ci/compile.js, .ci/compile_worker.js).
  fs.writeFileSync(loaderPath, loader.replace(from, to)
    + fs.readFileSync(path.join(root, '.ci', 'retry.js'), 'utf8')
    + fs.readFileSync(path.join(root, '.ci', 'compile.js'), 'utf8'));
  const opt = out('wasm-opt', ['--version']);
  if (!/version 132\b/.test(opt)) throw new Error(`wasm-opt 132 needed (npm binaryen), found: ${opt}`);
  // Two at a time (the parts are many and small; wasm-opt is single-threaded on small input).
  const parts = fs.readdirSync(pkg).filter((f) => f.endsWith('.wasm'))
    .sort((a, b) => fs.statSync(path.join(pkg, b)).size - fs.statSync(path.join(pkg, a)).size);
  console.log(`[wasm.mjs] wasm-opt -Oz on ${parts.length} parts`);
  const optimize = async () => {
    for (let f; (f = parts.shift());) {
      const p = path.join(pkg, f);
      await execFileAsync('wasm-opt', ['-Oz', ...FEATURES, p, '-o', p], { cwd: root });
    }
  };
  await Promise.all([optimize(), optimize()]);
  await mergeChunksIntoOne();
  fs.writeFileSync(loaderPath, compiledLoader(fs.readFileSync(loaderPath, 'utf8')));
  // The glue's loader cut to instantiating the compiled module (.ci/glue.mjs).
  const gluePath = path.join(pkg, 'main.js');
  fs.writeFileSync(gluePath, releaseGlue(fs.readFileSync(gluePath, 'utf8')));
} else {
  run('cargo', cargo);
  run('wasm-bindgen', ['--target', 'web', '--out-name', 'main', '--out-dir', pkg, wasm]);
}
for (const f of fs.readdirSync(pkg)) {
  if (f.endsWith('.d.ts')) fs.rmSync(path.join(pkg, f));
}

// The loader. Release instantiates the main module the worker compiled (asked for by the
// page's first lines, .ci/compile_start.js; `kpiMain`, .ci/compile.js), and a second after the
// page has loaded imports offline.js (.ci/offline.js: the service worker, offline and "A new
// version is ready"), which the first view does not need.
if (release) {
  fs.copyFileSync(path.join(root, '.ci', 'offline.js'), path.join(pkg, 'offline.js'));
}
fs.writeFileSync(path.join(pkg, 'boot.js'), release
  ? "import init from './main.js';\nimport { kpiMain } from './__wasm_split.js';\n"
    + "await init({ module_or_path: kpiMain() });\n"
    + "const offline = () => setTimeout(() => import('./offline.js'), 1000);\n"
    + "if (document.readyState === 'complete') offline(); else addEventListener('load', offline);\n"
  : "import init from './main.js';\nawait init();\n");
if (release) {
  for (const f of walk(pkg).filter((f) => f.endsWith('.js'))) await minifyJs(path.join(pkg, f));
}

const hash = crypto.createHash('sha256');
for (const f of walk(pkg)) hash.update(f).update(fs.readFileSync(path.join(pkg, f)));
const build = hash.digest('hex').slice(0, 16);
const folder = `w-${build}`;
for (const f of fs.readdirSync(staging).filter((f) => /^w-[0-9a-f]{16}$/.test(f))) {
  fs.rmSync(path.join(staging, f), { recursive: true });
}
fs.cpSync(pkg, path.join(staging, folder), { recursive: true });

// ---- index.html ----------------------------------------------------------------------------
const htmlPath = path.join(staging, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');
// The scripts, each asked for from the head (boot.js imports the others).
const load = `<link rel="modulepreload" href="./${folder}/main.js">`
  + (release ? `<link rel="modulepreload" href="./${folder}/__wasm_split.js">` : '')
  + `<link rel="modulepreload" href="./${folder}/boot.js">`
  + `<script type="module" src="./${folder}/boot.js"></script>`;
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
// Release: the main module is fetched and compiled by a worker the page starts in its first
// lines (.ci/compile_start.js, with the worker's code, .ci/compile_worker.js), before the
// styles, instead of a preload: its download starts as early, is compiled as it arrives, and
// none of it passes through the main thread.
if (release) {
  const ci = (file) => fs.readFileSync(path.join(root, '.ci', file), 'utf8');
  const worker = await minified(ci('compile_worker.js'), 'compile_worker.js', { toplevel: true });
  const startSrc = ci('compile_start.js');
  if (!startSrc.includes('[KPI_WORKER]')) throw new Error('compile_start.js: no [KPI_WORKER]');
  const start = await minified(startSrc.replace('[KPI_WORKER]', () => `[${JSON.stringify(worker)}]`), 'compile_start.js');
  if (/<\/script/i.test(start)) throw new Error('compile_start.js: </script');
  const tag = `<script data-wasm="./${folder}/main_bg.wasm">${start}</script>`;
  if (!html.includes('</title>')) throw new Error('index.html has no </title>');
  html = html.replace('</title>', () => `</title>${tag}`);
}
// The style sheets in the page itself: trunk writes one file per `style/*.css`, and each is
// render-blocking. A static host on HTTP/1.1 fetched six at a time, so 18 sheets took three
// round trips before the first paint on a slow phone network; joined into one file, still one
// round trip after the page. Inline (12 KB brotli; the CSP allows inline style), the first
// screen paints as soon as the page has arrived, before the wasm has (issue 24: Lighthouse
// counted a wasm that arrived before the first paint into the largest paint). Joined in their
// order, the cascade is the same. A repeat visit gets the page from the service worker.
const sheetLink = /<link\b(?=[^>]*\brel="?stylesheet\b)[^>]*\bhref="?\.\/([\w.-]+\.css)"?[^>]*>/g;
const sheets = [...html.matchAll(sheetLink)];
if (sheets.length === 0) throw new Error('index.html: no stylesheet links (trunk output changed?)');
const css = sheets.map((m) => fs.readFileSync(path.join(staging, m[1]), 'utf8')).join('\n');
if (/<\/style/i.test(css)) throw new Error('a style sheet contains </style');
for (const m of sheets) fs.rmSync(path.join(staging, m[1]));
html = html.replace(sheets[0][0], () => `<style>${css}</style>`);
for (const m of sheets.slice(1)) html = html.replace(m[0], '');
html = html.replace('</head>', `${load}</head>`);
// Release: inline scripts (the worker's start, the first screen's language script) are
// allowed by their sha256 hash. Debug: trunk serve injects its live-reload script after this hook, so only
// 'unsafe-inline' can allow it.
const hashes = release
  ? [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`)
  : ["'unsafe-inline'"];
html = html.replace(/(script-src [^;"]*?)('wasm-unsafe-eval')/, `$1$2${hashes.map((h) => ' ' + h).join('')}`);
if (!html.includes("'wasm-unsafe-eval'")) throw new Error('index.html: no CSP script-src to complete');
// Release: the compiling worker runs from a blob the page's first lines made (a blob worker
// keeps the page's CSP: connect-src 'self' still holds in it); 'self' for the service worker.
if (release) {
  if (/worker-src/.test(html) || !html.includes("connect-src 'self';")) throw new Error('index.html: CSP not as expected');
  html = html.replace("connect-src 'self';", "connect-src 'self'; worker-src 'self' blob:;");
}
fs.writeFileSync(htmlPath, html);

// ---- service worker ------------------------------------------------------------------------
const files = walk(staging).filter((f) => f !== 'sw.js');
const swPath = path.join(staging, 'sw.js');
const sw = fs.readFileSync(swPath, 'utf8');
const all = crypto.createHash('sha256');
for (const f of files) all.update(f).update(fs.readFileSync(path.join(staging, f)));
const swBuild = all.digest('hex').slice(0, 16);
const swOut = sw
  .replace(/^const BUILD = .*$/m, `const BUILD = '${swBuild}';`)
  .replace(/^const FILES = .*$/m, `const FILES = ${JSON.stringify(['./', ...files])};`);
if (swOut === sw) throw new Error('sw.js: BUILD / FILES lines not found');
fs.writeFileSync(swPath, swOut);
console.log(`[wasm.mjs] ${folder}: ${fs.readdirSync(pkg).join(', ')}; sw.js precaches ${files.length + 1} files`);

/**
 * One module for the chunks. wasm-split puts the code that several parts share into chunk
 * modules: 326 of them (median 484 B). Fetched one by one, a part's first load made dozens of
 * requests; packed in one file (session 15), it still compiled and instantiated each of a
 * part's dozens of chunks, and the loader called as many small functions, each a fixed cost
 * on the main thread (issue 24). As one module (`.ci/merge_chunks.mjs`, then wasm-opt) they
 * are one file, one streamed compile and one instantiation, and smaller (192 KB brotli
 * instead of 203 KB packed). Every part that needs a chunk now waits for that one module.
 */
async function mergeChunksIntoOne() {
  const loaderPath = path.join(pkg, '__wasm_split.js');
  const chunks = fs.readdirSync(pkg).filter((f) => /^chunk_\d+\.wasm$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]));
  const shared = path.join(pkg, 'chunk_shared.wasm');
  const imports = mergeChunks(chunks.map((f) => path.join(pkg, f)), shared, path.join(work, 'merge'));
  const expected = ['__wasm_split.memory', '__wasm_split.__indirect_function_table', '__wasm_split.__wasm_split_shared0'];
  if (imports.some((i) => !expected.includes(i))) throw new Error(`chunk_shared.wasm imports ${imports}`);
  await execFileAsync('wasm-opt', ['-Oz', ...FEATURES, shared, '-o', shared], { cwd: root });
  for (const f of chunks) fs.rmSync(path.join(pkg, f));
  // The loader: the chunks' loaders become one, and every part's list of chunks that one.
  const loader = sharedChunkLoader(fs.readFileSync(loaderPath, 'utf8'), chunks.length);
  fs.writeFileSync(loaderPath, loader);
  console.log(`[wasm.mjs] ${chunks.length} chunks in chunk_shared.wasm (${fs.statSync(shared).size} B)`);
}

/** Every file under `dir`, as sorted relative paths with `/`. */
function walk(dir, rel = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(dir, e.name), r) : [r];
  }).sort();
}

/** `code` minified by terser (compress and mangle; a module's export names stay). */
async function minified(code, what, { module = false, toplevel } = {}) {
  const out = await minify(code, { module, ...(toplevel && { toplevel }), ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  if (!out.code) throw new Error(`terser: no output for ${what}`);
  return out.code;
}

/** Minifies an ES module in place, then checks the result still parses. */
async function minifyJs(file) {
  const code = await minified(fs.readFileSync(file, 'utf8'), file, { module: true });
  const check = path.join(work, 'check.mjs');
  fs.writeFileSync(check, code);
  execFileSync(process.execPath, ['--check', check]);
  fs.rmSync(check);
  fs.writeFileSync(file, code + '\n');
}
