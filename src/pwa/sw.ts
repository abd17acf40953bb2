// The service worker: the installed app opens with no network. The shell (index.html with its
// inline style, its scripts, manifest, icons) is precached and versioned; the code of each screen,
// loaded lazily by the page, goes to a runtime cache that is filled at install too, so a
// screen never opened online still opens offline — and an older tab still finds the chunks of
// its own version after an update. The API is never cached: data lives in IndexedDB.
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, StaleWhileRevalidate } from 'workbox-strategies';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

const ASSETS_CACHE = 'valise-assets';
const FILES_CACHE = 'valise-files';
const TILES_CACHE = 'valise-map-tiles';
const TILE_ORIGIN = 'https://tile.openstreetmap.org';

/** The shell's chunks are named "shell-*" by vite.config.ts (its style is in index.html); other assets are screens. */
function isShell(url: string): boolean {
  return !url.startsWith('assets/') || url.startsWith('assets/shell-');
}

const manifest = self.__WB_MANIFEST.map((entry) =>
  typeof entry === 'string' ? { url: entry, revision: null } : entry,
);
const shell = manifest.filter((entry) => isShell(entry.url));
const lazyChunks = manifest.filter((entry) => !isShell(entry.url)).map((entry) => entry.url);

precacheAndRoute(shell);
cleanupOutdatedCaches();

/**
 * Caches only real files: a server that answers a missing asset with its HTML page (an SPA
 * fallback) must not leave that page cached forever in place of a screen's code.
 */
const onlyRealFiles = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.ok && !(response.headers.get('content-type') ?? '').includes('text/html') ? response : null,
};

// Every screen's code is hashed and immutable: once fetched it is served from the cache.
const assets = new CacheFirst({
  cacheName: ASSETS_CACHE,
  plugins: [
    onlyRealFiles,
    new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 90 * 24 * 60 * 60, purgeOnQuotaError: true }),
  ],
});

self.addEventListener('install', (event) => {
  // Like the precache, all or nothing: a worker missing one screen would leave that screen
  // unable to open offline, so a failed fetch fails the install and the browser retries later
  // while the current version keeps working.
  event.waitUntil(
    Promise.all(
      lazyChunks.map(async (url) => {
        const request = new Request(new URL(url, self.registration.scope));
        // handleAll's second promise settles once the response is written to the cache.
        await Promise.all(assets.handleAll({ request, event }));
        if (!(await caches.match(request, { cacheName: ASSETS_CACHE })))
          throw new Error(`Valise could not cache ${url}`);
      }),
    ),
  );
});

const assetsPath = new URL('assets/', self.registration.scope).pathname;
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith(assetsPath),
  assets,
);

// Other same-origin files (robots.txt, …): served from the cache at once, refreshed behind.
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' &&
    request.mode !== 'navigate' &&
    url.origin === self.location.origin &&
    !url.pathname.startsWith('/api/'),
  new StaleWhileRevalidate({
    cacheName: FILES_CACHE,
    plugins: [new ExpirationPlugin({ maxEntries: 50, purgeOnQuotaError: true })],
  }),
);

// Map tiles of OpenStreetMap that were viewed, kept for offline use: a bounded cache (about
// 15 MB at ~20 KB a tile), the oldest dropped first, none kept past 30 days (OSM's tiles change
// and its usage policy asks not to hoard them). Tiles are fetched with CORS (the map asks
// `crossOrigin`), so only real 200 answers are kept, never an opaque error.
registerRoute(
  ({ request, url }) => request.method === 'GET' && url.origin === TILE_ORIGIN,
  new CacheFirst({
    cacheName: TILES_CACHE,
    plugins: [
      onlyRealFiles,
      new ExpirationPlugin({ maxEntries: 800, maxAgeSeconds: 30 * 24 * 60 * 60, purgeOnQuotaError: true }),
    ],
  }),
);

// Every navigation (a reload, the home-screen icon, a shared link) gets the precached shell;
// the hash router then shows the screen. /api/ is left to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// An update waits until the user chooses "Recharger" in the page (src/pwa/register.ts).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes the open page at once, so it works offline without a reload.
clientsClaim();
