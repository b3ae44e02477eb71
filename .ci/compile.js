// Appended to the split loader (__wasm_split.js) by .ci/wasm.mjs in release builds. The main
// module (boot.js) and every part are compiled in a worker (compile_worker.js), not on the
// main thread: a streamed compile reads and decodes every byte of the module where it runs,
// 10 to 40 ms of main-thread tasks for the main module and as much for the shared code on a
// fast machine, four times that on a slow phone (issue 24, Lighthouse's blocking time). The
// page still fetches (the preload of main_bg.wasm is used) and hands the body to the worker;
// it only instantiates. Where a worker cannot run or the stream cannot be handed over, the
// bytes are, or the module is compiled here as before.
let kpiWorker;
let kpiNextId = 0;
const kpiCompiling = new Map();

/** The compiling worker; `null` if there is none (no Worker, or it failed to start). */
function kpiCompiler() {
  if (kpiWorker !== undefined) return kpiWorker;
  try {
    kpiWorker = new Worker(new URL('./compile_worker.js', import.meta.url));
    kpiWorker.onmessage = ({ data }) => {
      const job = kpiCompiling.get(data.id);
      kpiCompiling.delete(data.id);
      if (data.module) job.done(data.module);
      else job.failed(new Error(data.error));
    };
    // The worker's script could not be fetched or run: its jobs, and later ones, here.
    kpiWorker.onerror = () => {
      kpiWorker = null;
      for (const job of kpiCompiling.values()) job.lost();
      kpiCompiling.clear();
    };
  } catch {
    kpiWorker = null;
  }
  return kpiWorker;
}

function kpiCompileHere(response) {
  return typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(response)
    : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
}

/** The `WebAssembly.Module` of a fetch (a promise of its response), compiled off the main thread. */
export async function kpiCompile(fetched) {
  const response = await fetched;
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  const worker = kpiCompiler();
  if (!worker) return kpiCompileHere(response);
  const id = kpiNextId++;
  const module = new Promise((done, failed) => {
    const lost = () => fetch(response.url).then(kpiCompileHere).then(done, failed);
    kpiCompiling.set(id, { done, failed, lost });
  });
  try {
    worker.postMessage({ id, body: response.body }, [response.body]);
  } catch {
    // A browser that cannot hand over a stream (DataCloneError): the bytes, once read.
    const bytes = await response.arrayBuffer();
    worker.postMessage({ id, bytes }, [bytes]);
  }
  return module;
}
