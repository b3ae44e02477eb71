// The split loader's rewrite for compiling off the main thread (used by .ci/wasm.mjs; tested
// by tests/e2e/compile_worker.test.mjs). Every loader of wasm-split-cli 0.2.4 streams its
// fetch into `WebAssembly.instantiateStreaming`, which compiles on the main thread; rewritten,
// it instantiates the module `kpiCompile` (.ci/compile.js) compiled in a worker.

const STREAMED = 'src.catch(() => {});\n'
  + '    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n';
const COMPILED = 'const compiled = kpiCompile(src);\n'
  + '    compiled.catch(() => {});\n'
  + '    return async (imports) => WebAssembly.instantiate(await compiled, imports);\n';

/** `loader` with every loader compiling in the worker; throws on a loader of another shape. */
export function compiledLoader(loader) {
  const loaders = loader.split('makeLoad(() => {').length - 1;
  const out = loader.replaceAll(STREAMED, COMPILED);
  const rewritten = out.split('kpiCompile(src)').length - 1;
  if (loaders === 0 || rewritten !== loaders || out.includes('instantiateStreaming')) {
    throw new Error(`__wasm_split.js: ${rewritten} of ${loaders} loaders compile in the worker (wasm-split-cli 0.2.4 expected)`);
  }
  return out;
}
