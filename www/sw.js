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
// The councils' compiled policies (pkg/policies/<id>.bin) and the checker module's files: named by
// the build like the above, but kept only once the page has fetched them (a one-council page
// fetches one; the compare page the others), so offline works for every council once visited.
const ON_USE = /^(pkg\/policies\/[a-z0-9-]+\.(bin|json)|checker\/pkg\/probity_checker(_bg\.wasm|\.js))$/;
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
  if (VERSIONED.includes(file) || ON_USE.test(file)) return u.search === `?v=${BUILD}` ? { key: u.href, fresh: false } : null;
  // Pages take their options from the query; their file is the same whatever it says.
  if (ENTRY.includes(file) || EMBED_PAGE.test(file)) return { key: url(file), fresh: true };
  return null;
}

// The worker is registered once the widget is ready (www/probity-widget.js), so the page has just
// fetched most of these files: they are taken from the browser's HTTP cache (`force-cache` uses a
// stored copy without asking the server, whatever its age) and only a file the page did not need
// (the demo page on an iframe page, say) is downloaded, once. A page is asked for by the address
// it was opened with (its query included, as that is what the HTTP cache holds) and kept without
// it; the site's root and index.html are one file, fetched once and kept under both names. A
// per-tree iframe page open on its own is kept too, so it opens offline. Each file downloaded
// once on a first visit: tests/browser/download-once.test.mjs.
const stored = (href) => new Request(href, { cache: 'force-cache' });

async function fill(cache) {
  // Only pages open at the top: the browser's HTTP cache keeps a framed page apart (keyed as a
  // subframe document), so the worker could not find it there and would download it again. A
  // framed iframe page is kept the next time it loads through the worker instead.
  const open = (await self.clients.matchAll({ includeUncontrolled: true, type: 'window' }))
    .filter((c) => c.frameType === 'top-level').map((c) => new URL(c.url)).filter((u) => u.origin === scope.origin);
  const file = (u) => u.pathname.replace(/\/$/, '/index.html');
  const asOpened = (href) => open.find((u) => file(u) === file(new URL(href)))?.href ?? href;
  const keep = async (keys, href) => {
    const response = await fetch(stored(asOpened(href)));
    if (!response.ok || response.redirected) return;
    await Promise.all(keys.map((k) => cache.put(k, response.clone())));
  };
  const pages = ENTRY.filter((f) => f !== '' && f !== 'index.html').map((f) => keep([url(f)], url(f)).catch(() => {}));
  const embeds = open.filter((u) => u.pathname.startsWith(scope.pathname) && EMBED_PAGE.test(u.pathname.slice(scope.pathname.length)))
    .map((u) => keep([url(u.pathname.slice(scope.pathname.length))], u.href).catch(() => {}));
  const index = keep([url(''), url('index.html')], url('index.html')).catch(() => {});
  // The build's own files must all be there; the pages are kept if the site has them (a site
  // may leave out the demo page).
  await cache.addAll(VERSIONED.map((f) => stored(versioned(f))));
  await Promise.all([...pages, ...embeds, index, keepFetched(cache)]);
}

/**
 * The policy files the page has already fetched, from the browser's HTTP cache only
 * (`only-if-cached`): the worker never downloads a council the page did not need.
 */
async function keepFetched(cache) {
  let ids = [];
  try {
    ids = Object.keys(await (await fetch(stored(versioned('pkg/policies/index.json')))).json());
  } catch {
    return; // no list: the policies are kept as they are fetched instead
  }
  await Promise.all(ids.map(async (id) => {
    const href = versioned(`pkg/policies/${id}.bin`);
    try {
      const response = await fetch(new Request(href, { cache: 'only-if-cached', mode: 'same-origin' }));
      if (response.ok) await cache.put(href, response);
    } catch {
      // not in the HTTP cache: kept when the page fetches it
    }
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(fill).then(() => self.skipWaiting()));
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
