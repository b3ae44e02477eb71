// The wasm-bindgen glue's loader, cut to what a release build uses (used by .ci/wasm.mjs;
// tested by tests/e2e/compile_worker.test.mjs). The main module arrives compiled (boot.js:
// `kpiMain`, .ci/compile.js), so the glue's fetch, streamed compile, wrong-MIME fallback and
// synchronous compile are never run, yet they were ~400 B of the first load. `initSync` stays
// for the split loader, which calls it for the exports once the app has started.

const FROM = 'async function __wbg_load(module, imports) {';
const TO = 'export { initSync, __wbg_init as default };';
const CUT = `function initSync() {
    if (wasm === undefined) throw new Error('initSync: the app has not started');
    return wasm;
}

let __wbg_init_promise;
async function __wbg_init({ module_or_path }) {
    __wbg_init_promise ??= (async () => {
        const module = await module_or_path;
        return __wbg_finalize_init(await WebAssembly.instantiate(module, __wbg_get_imports()), module);
    })();
    return __wbg_init_promise;
}

`;

/** `glue` with its loader cut; throws on a glue of another shape (wasm-bindgen 0.2.130 expected). */
export function releaseGlue(glue) {
  const from = glue.indexOf(FROM);
  const to = glue.indexOf(TO);
  const tail = glue.slice(from, to);
  const expected = ['function initSync(module)', 'async function __wbg_init(module_or_path)',
    'async function __wbg_init_once(module_or_path)', 'function __wbg_finalize_init('];
  if (from < 0 || to < from || glue.indexOf(FROM, from + 1) >= 0 || !expected.slice(0, 3).every((f) => tail.includes(f))
    || !glue.slice(0, from).includes(expected[3]) || !glue.slice(to).startsWith(`${TO}\n`)) {
    throw new Error('main.js: the glue\'s loader is not as expected (wasm-bindgen 0.2.130)');
  }
  return glue.slice(0, from) + CUT + glue.slice(to);
}
