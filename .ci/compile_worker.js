// The worker that fetches and compiles the app's wasm modules (the main one and each part) off
// the page's main thread, in release builds: started from the page's first lines, which hold
// this code (.ci/compile_start.js; .ci/wasm.mjs puts it there). The page posts a module's
// address (the main module's at once, then `kpiCompile`, .ci/compile.js); the worker sends the
// `WebAssembly.Module` back; or that the host refused it (an HTTP error: the load fails, and a
// part's is tried again, .ci/retry.js); or another error, and the page then fetches and
// compiles that one itself.
// First it sends an empty module it compiled: a browser that cannot send a module between
// threads says so there, and the page compiles every module itself.
const EMPTY = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
WebAssembly.compile(EMPTY)
  .then((ready) => postMessage({ ready }))
  .catch(() => postMessage({ ready: false }));

/** Streams the compile, or reads the whole body where the host does not say it is wasm. */
const compile = (response) =>
  /^application\/wasm\b/.test(response.headers.get('Content-Type') ?? '') && WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(response)
    : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));

onmessage = ({ data: { id, url } }) => {
  fetch(url)
    .then((response) => {
      if (response.ok) return compile(response);
      // The host said no: the page would be told the same.
      postMessage({ id, refused: `${url}: HTTP ${response.status}` });
    })
    .then((module) => module && postMessage({ id, module }))
    .catch((e) => postMessage({ id, error: String(e) }));
};
