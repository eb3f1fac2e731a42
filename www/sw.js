// Probity's service worker: keeps the widget's own static files so it works offline after the
// first visit. Network first (so a new build is picked up at once online), cache as fallback.
// It stores files only, never an answer: answers live in the page's memory and sessionStorage.

const CACHE = 'probity-v2';
const FILES = ['./', 'index.html', 'embed.html', 'embed.js', 'embed.css', 'demo.js', 'probity-widget.js', 'takeover.js', 'probity.css', 'demo.css', 'favicon.svg',
  'pkg/first-pages.js', 'pkg/probity_web.js', 'pkg/probity_web_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((c) => c.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true })
        .then((hit) => hit || new Response('Offline, and this file was not saved before.', { status: 503, headers: { 'content-type': 'text/plain' } }))),
  );
});
