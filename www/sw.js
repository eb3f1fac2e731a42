// Probity's service worker: keeps this build's own files so the widget works offline after the
// first visit. It stores files only, never an answer (answers live in the page's memory and, outside
// kiosk mode, sessionStorage), and only the files on its list: never a `policy-src` policy,
// never any other response from the site, which may be private to the person signed in.
//
// One build at a time. The page registers `sw.js?build=<id>` (the id from pkg/build.js, written by
// scripts/build-web.sh), so a new build is a new worker with a cache named by its id, and the old
// cache is deleted when it takes over. Files named by the build (`?v=<id>`) never change, so they
// are served from the cache; the entry files (pages, scripts the host names, pkg/build.*) are
// fetched from the network first, and come from the cache only offline. A request is matched
// with its query: `?v=<other build>` is never answered with this build's file.

const BUILD = new URL(location.href).searchParams.get('build') || 'unknown';
const CACHE = `probity-${BUILD}`;
const scope = new URL(self.registration.scope);

// Fetched fresh when online; the pages' own query (?policy=…, ?kiosk=1) is not part of the file.
const ENTRY = ['', 'index.html', 'embed.html', 'embed.js', 'embed.css', 'demo.js', 'demo.css', 'favicon.svg',
  'probity-widget.js', 'takeover.js', 'pkg/build.js', 'pkg/build.json'];
// Named by the build: cached once, served from the cache.
const VERSIONED = ['probity.css', 'pkg/first-pages.js', 'pkg/probity_web.js', 'pkg/probity_web_bg.wasm'];
// The per-tree iframe pages are entry files too, kept as they are visited (71 of them; most
// sites use one or two).
const EMBED_PAGE = /^embed\/[a-z0-9-]+\/[a-z0-9-]+\.html$/;

const url = (file) => new URL(file, scope).href;
const versioned = (file) => url(`${file}?v=${BUILD}`);

/** The cache key for a request, or null when it is not one of this build's files. */
function keyFor(request) {
  const u = new URL(request.url);
  if (request.method !== 'GET' || u.origin !== scope.origin || !u.pathname.startsWith(scope.pathname)) return null;
  const file = u.pathname.slice(scope.pathname.length);
  if (VERSIONED.includes(file)) return u.search === `?v=${BUILD}` ? { key: u.href, fresh: false } : null;
  // Pages take their options from the query; their file is the same whatever it says.
  if (ENTRY.includes(file) || EMBED_PAGE.test(file)) return { key: url(file), fresh: true };
  return null;
}

self.addEventListener('install', (event) => {
  // The build's own files must all be there; the pages are kept if the site has them (a site
  // may leave out the demo page).
  event.waitUntil(caches.open(CACHE)
    .then((c) => Promise.all([c.addAll(VERSIONED.map(versioned)), ...ENTRY.map((f) => c.add(url(f)).catch(() => {}))]))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Only Probity's own caches are touched: the site may keep others.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('probity-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const found = keyFor(event.request);
  if (!found) return; // not ours: the browser fetches it as if there were no worker
  const { key, fresh } = found;
  const offline = () => new Response('Offline, and this file was not saved before.', { status: 503, headers: { 'content-type': 'text/plain' } });
  if (!fresh) {
    event.respondWith(caches.match(key).then((hit) => hit || fetch(event.request).then((response) => {
      if (response.ok) { const copy = response.clone(); caches.open(CACHE).then((c) => c.put(key, copy)); }
      return response;
    })).catch(offline));
    return;
  }
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        // A redirected response is not the file itself (and cannot answer a navigation).
        if (response.ok && !response.redirected) {
          const copy = response.clone();
          caches.open(CACHE).then((c) => c.put(key, copy));
        }
        return response;
      })
      .catch(() => caches.match(key).then((hit) => hit || offline())),
  );
});
