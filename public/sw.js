// The service worker: after one visit the app opens and works with the network off.
// .ci/wasm.mjs (the build) rewrites the two lines below with the build's hash and every file
// of dist/ (split wasm parts included), so each deploy is a new worker with its own cache.
// A new worker waits (no skipWaiting at install) until the page asks it to take over, which
// the page does only when the user presses Reload on "A new version is ready".
const BUILD = 'dev';
const FILES = [];

const CACHE = `kpi-structure-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(new URL(f, self.registration.scope), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith('kpi-structure-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A navigation (the app's address, maybe with #share=...) gets the cached index.html.
    const key = req.mode === 'navigate' ? new URL('./', self.registration.scope).href : req;
    const hit = await cache.match(key, { ignoreSearch: req.mode === 'navigate' });
    return hit ?? fetch(req);
  })());
});
