// The split loader's rewrite for fetching and compiling off the main thread (used by
// .ci/wasm.mjs; tested by tests/e2e/compile_worker.test.mjs). Every loader of wasm-split-cli
// 0.2.4 fetches its part in the page and streams it into `WebAssembly.instantiateStreaming`,
// which compiles on the main thread; rewritten, it instantiates the module `kpiCompile`
// (.ci/compile.js) had the worker fetch and compile.

const STREAMED = /const src = fetch\((new URL\("\.\/[\w.-]+\.wasm", import\.meta\.url\))\);\n {4}src\.catch\(\(\) => \{\}\);\n {4}return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n/g;
const COMPILED = 'const compiled = kpiCompile($1);\n'
  + '    compiled.catch(() => {});\n'
  + '    return async (imports) => WebAssembly.instantiate(await compiled, imports);\n';

/** `loader` with every loader compiling in the worker; throws on a loader of another shape. */
export function compiledLoader(loader) {
  const loaders = loader.split('makeLoad(() => {').length - 1;
  const out = loader.replace(STREAMED, COMPILED);
  const rewritten = out.split('kpiCompile(new URL("./').length - 1;
  if (loaders === 0 || rewritten !== loaders || /instantiateStreaming|fetch\(new URL\(/.test(out)) {
    throw new Error(`__wasm_split.js: ${rewritten} of ${loaders} loaders compile in the worker (wasm-split-cli 0.2.4 expected)`);
  }
  return out;
}
