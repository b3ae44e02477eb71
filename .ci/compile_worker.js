// Copied to w-<hash>/compile_worker.js by .ci/wasm.mjs in release builds: a worker that
// compiles the app's wasm modules (the main one and each part) off the main thread, handed
// a response body (or its bytes) by `kpiCompile` (.ci/compile.js), and sends the compiled
// `WebAssembly.Module` back (instantiating it is left to the page).
onmessage = ({ data: { id, body, bytes } }) => {
  const compiled = body
    ? WebAssembly.compileStreaming(new Response(body, { headers: { 'Content-Type': 'application/wasm' } }))
    : WebAssembly.compile(bytes);
  compiled.then(
    (module) => postMessage({ id, module }),
    (e) => postMessage({ id, error: String(e) }),
  );
};
