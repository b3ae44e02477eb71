// Inline in the head of index.html (release builds, .ci/wasm.mjs, which puts the worker's code,
// .ci/compile_worker.js, in place of KPI_WORKER; allowed by its hash in the CSP, the worker by
// `worker-src blob:`): starts the worker that fetches and compiles the wasm as the page starts
// and asks it for the main module at once, so its download begins before the page has parsed
// its styles, is compiled as it arrives, and no byte of it passes through the main thread. The
// worker's code is in the page, not a file of its own: that would cost a round trip first.
// What the worker says before the app's loader is there waits in `queue`; .ci/compile.js takes
// it over.
// In a block: nothing of it is left in the page's global scope but `kpiStarted`.
{
  const url = new URL(document.currentScript.dataset.wasm, document.baseURI).href;
  try {
    const code = new Blob([KPI_WORKER], { type: 'text/javascript' });
    const worker = new Worker(URL.createObjectURL(code));
    const queue = [];
    worker.onmessage = worker.onerror = worker.onmessageerror = (event) => queue.push(event);
    worker.postMessage({ id: 0, url });
    self.kpiStarted = { worker, queue };
  } catch {
    // No worker here: the page fetches the main module now (as a preload would), and the app's
    // loader compiles it.
    self.kpiStarted = { fetched: fetch(url) };
  }
}
