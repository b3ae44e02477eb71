// w-<hash>/offline.js, imported by boot.js a second after the page has loaded (.ci/wasm.mjs,
// release builds; not part of the first load). Registers the service worker (sw.js at the
// app's root: offline after one visit) and offers a new deploy without interrupting the open
// editor: the new worker waits until the user presses Reload.
if ('serviceWorker' in navigator) {
  const sw = navigator.serviceWorker;
  let reload = false;
  sw.addEventListener('controllerchange', () => {
    if (reload) location.reload();
  });
  const offer = (worker) => {
    // No controller: this is the first install, not an update.
    if (!sw.controller || document.querySelector('.update-ready')) return;
    const nl = document.documentElement.lang === 'nl';
    const box = document.createElement('div');
    box.className = 'update-ready';
    box.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = nl ? 'Er is een nieuwe versie klaar.' : 'A new version is ready.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = nl ? 'Herladen' : 'Reload';
    button.addEventListener('click', () => {
      reload = true;
      worker.postMessage('skip-waiting');
    });
    box.append(text, button);
    document.body.append(box);
  };
  const watch = (reg) => {
    // A browser that has the API but will not run workers (blocked by a setting) gives none.
    if (!reg) return;
    if (reg.waiting) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(worker);
      });
    });
    // An editor stays open for hours: look for a new deploy every hour.
    setInterval(() => reg.update().catch(() => {}), 3600 * 1000);
  };
  // boot.js imports this a second after the page has loaded: precaching does not compete
  // with the first load.
  sw.register(new URL('../sw.js', import.meta.url)).then(watch, (e) => console.warn('service worker:', e));
}
