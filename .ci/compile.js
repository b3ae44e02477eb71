// Appended to the split loader (__wasm_split.js) by .ci/wasm.mjs in release builds. The main
// module (boot.js) and every part are fetched and compiled by a worker (compile_worker.js): a
// streamed compile on the main thread read and decoded every byte there, 10 to 40 ms of
// main-thread tasks for the main module and as much for the shared code on a fast machine,
// four times that on a slow phone (issue 24, Lighthouse's blocking time), and a body handed
// over from the page still passed through it. The page posts an address and instantiates the
// module that comes back; the browser still compiles each function on its first call.
// The worker was started, and asked for the main module (job 0), by the first lines of the
// page (.ci/compile_start.js, `self.kpiStarted`). Without it (no Worker: then those lines
// started the main module's fetch), or where the worker cannot start, fails, or cannot send a
// module back, modules are fetched and compiled in the page.
let kpiNextId = 1;
/** Jobs posted and not answered, by id: how to settle them. */
const kpiCompiling = new Map();

/**
 * Fetches (or takes the response of `fetched`) and compiles a module in the page, streamed
 * where the host says it is wasm (as the glue did).
 */
async function kpiCompileHere(url, fetched = fetch(url)) {
  const response = await fetched;
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  return /^application\/wasm\b/.test(response.headers.get('Content-Type') ?? '')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

/** A job for `url` under `id`: settled by the worker, or compiled here if the worker cannot. */
function kpiJob(id, url) {
  return new Promise((done, failed) => {
    const here = () => kpiCompileHere(url).then(done, failed);
    kpiCompiling.set(id, { done, failed, here });
  });
}

const kpiStarted = self.kpiStarted;
delete self.kpiStarted;
/** The worker; `null` where there is none, or once it is down. */
let kpiWorker = kpiStarted?.worker ?? null;
const kpiMainUrl = new URL('./main_bg.wasm', import.meta.url);
/** The main module, asked for by .ci/compile_start.js; `null` where it did not start a worker. */
const kpiMainJob = kpiWorker ? kpiJob(0, kpiMainUrl) : null;

/** Not started, failed, or cannot send a module: what it was asked for is compiled here. */
function kpiWorkerDown() {
  if (!kpiWorker) return;
  kpiWorker.terminate();
  kpiWorker = null;
  for (const job of kpiCompiling.values()) job.here();
  kpiCompiling.clear();
}

function kpiReceive(event) {
  if (event.type !== 'message') return kpiWorkerDown();
  const { data } = event;
  if (data && 'ready' in data) {
    if (!(data.ready instanceof WebAssembly.Module)) kpiWorkerDown();
    return;
  }
  const job = data && kpiCompiling.get(data.id);
  if (!job) return;
  kpiCompiling.delete(data.id);
  if (data.module instanceof WebAssembly.Module) job.done(data.module);
  else if (data.refused) job.failed(new Error(data.refused));
  else job.here();
}

if (kpiWorker) {
  kpiWorker.onmessage = kpiWorker.onerror = kpiWorker.onmessageerror = kpiReceive;
  for (const event of kpiStarted.queue) kpiReceive(event);
}

/** The `WebAssembly.Module` at `url`, fetched and compiled by the worker. */
export function kpiCompile(url) {
  if (!kpiWorker) return kpiCompileHere(url);
  const id = kpiNextId++;
  const module = kpiJob(id, url);
  kpiWorker.postMessage({ id, url: String(url) });
  return module;
}

/**
 * The main module: the one the page asked the worker for as it started, or, without a worker,
 * compiled here from the fetch the page's first lines started.
 */
export function kpiMain() {
  return kpiMainJob ?? kpiCompileHere(kpiMainUrl, kpiStarted?.fetched);
}
