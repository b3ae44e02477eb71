// Appended to the split loader (__wasm_split.js) by .ci/wasm.mjs in release builds. A lazy
// part that cannot be fetched (offline on a first visit, before the service worker has cached
// the build) is fetched again until it arrives, instead of failing: the Rust side expects every
// load to succeed, and a failed one would stop the app. Meanwhile a status says so; what the
// part was needed for (a view, an edit) waits and goes on when it arrives.
let kpiWaiting = 0;
async function kpiRetry(load) {
  let failed = false;
  for (let wait = 1000; ; wait = Math.min(wait * 2, 8000)) {
    try {
      const done = await load();
      if (failed && --kpiWaiting === 0) document.querySelector('.part-waiting')?.remove();
      return done;
    } catch (e) {
      console.warn('A part of the app could not be fetched; trying again.', e);
      if (!failed) {
        failed = true;
        if (kpiWaiting++ === 0) kpiShowWaiting();
      }
      await new Promise((ok) => setTimeout(ok, wait));
    }
  }
}
function kpiShowWaiting() {
  const nl = document.documentElement.lang === 'nl';
  const box = document.createElement('div');
  box.className = 'part-waiting';
  box.setAttribute('role', 'status');
  box.textContent = nl
    ? 'Een deel van de app kon niet worden geladen (geen verbinding?). Het wordt opnieuw geprobeerd; je werk in dit tabblad blijft bewaard.'
    : 'Part of the app could not be loaded (no connection?). Trying again; your work in this tab is kept.';
  document.body.append(box);
}
