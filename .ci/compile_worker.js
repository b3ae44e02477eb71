// Copied to w-<hash>/compile_worker.js by .ci/wasm.mjs in release builds: compiles the app's
// wasm modules (the main one and each part) off the page's main thread. The page hands it a
// response body (`kpiCompile`, .ci/compile.js); it sends the `WebAssembly.Module` back.
// First it sends an empty module it compiled: the page hands over bodies only once one came
// back (a browser that cannot send a module between threads keeps compiling in the page).
const EMPTY = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
if (typeof WebAssembly.compileStreaming === 'function') {
  WebAssembly.compile(EMPTY)
    .then((ready) => postMessage({ ready }))
    .catch(() => postMessage({ ready: false }));
} else {
  postMessage({ ready: false });
}
onmessage = ({ data: { id, body } }) => {
  WebAssembly.compileStreaming(new Response(body, { headers: { 'Content-Type': 'application/wasm' } }))
    .then((module) => postMessage({ id, module }))
    .catch((e) => postMessage({ id, error: String(e) }));
};
