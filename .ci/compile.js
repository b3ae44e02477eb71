// Appended to the split loader (__wasm_split.js) by .ci/wasm.mjs in release builds. The main
// module (boot.js) and every part are compiled by a worker (compile_worker.js), not in a
// streamed compile on the main thread, which read and decoded every byte there: 10 to 40 ms
// of main-thread tasks for the main module and as much for the shared code on a fast machine,
// four times that on a slow phone (issue 24, Lighthouse's blocking time). The page still
// fetches (the preload of main_bg.wasm is used), hands the body over as it arrives and
// instantiates what comes back; the browser still compiles each function on its first call.
// Where streams cannot be handed over, or the worker cannot start or send a module back,
// modules are compiled in the page, as before.
const kpiCanHandOver = (() => {
  try {
    const stream = new ReadableStream();
    new MessageChannel().port1.postMessage(stream, [stream]);
    return typeof Worker === 'function';
  } catch {
    return false;
  }
})();
let kpiNextId = 0;
const kpiCompiling = new Map();
let kpiWorkerDown = false;
/** The worker once it has sent a module back; `null` where there is none. */
const kpiWorker = !kpiCanHandOver ? Promise.resolve(null) : new Promise((ready) => {
  let worker;
  try {
    worker = new Worker(new URL('./compile_worker.js', import.meta.url));
  } catch {
    ready(null);
    return;
  }
  // Not started, or failed: what it was compiling is fetched again and compiled here.
  const down = () => {
    kpiWorkerDown = true;
    worker.terminate();
    ready(null);
    for (const job of kpiCompiling.values()) job.lost();
    kpiCompiling.clear();
  };
  worker.onerror = down;
  worker.onmessageerror = down;
  worker.onmessage = ({ data }) => {
    if (data && 'ready' in data) {
      if (data.ready instanceof WebAssembly.Module) ready(worker);
      else down();
      return;
    }
    const job = data && kpiCompiling.get(data.id);
    if (!job) return;
    kpiCompiling.delete(data.id);
    if (data.module instanceof WebAssembly.Module) job.done(data.module);
    else job.failed(new Error(data.error));
  };
});

/** Compiles a response in the page (the glue's fallback for a host without the wasm type). */
function kpiCompileHere(response) {
  return /^application\/wasm\b/.test(response.headers.get('Content-Type') ?? '')
    ? WebAssembly.compileStreaming(response)
    : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
}

/** The `WebAssembly.Module` of a fetch (a promise of its response), compiled by the worker. */
export async function kpiCompile(fetched) {
  const [response, worker] = await Promise.all([fetched, kpiWorker]);
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  if (!worker || kpiWorkerDown) return kpiCompileHere(response);
  const id = kpiNextId++;
  const module = new Promise((done, failed) => {
    const lost = () => fetch(response.url).then(kpiCompileHere).then(done, failed);
    kpiCompiling.set(id, { done, failed, lost });
  });
  try {
    worker.postMessage({ id, body: response.body }, [response.body]);
  } catch {
    kpiCompiling.delete(id);
    return kpiCompileHere(response);
  }
  return module;
}
