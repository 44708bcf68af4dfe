// Canh Gác's service worker: makes the console installable and lets its shell open when the network is down.
// It caches only the console's own files; API answers are never cached (they are per user and change).
const SHELL = 'canhgac-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(['/', '/icon.svg', '/manifest.webmanifest'])));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k)))),
  );
  self.clients.claim();
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || ['/session', '/login', '/logout'].includes(url.pathname)) return;
  if (url.pathname.startsWith('/assets/') && event.request.mode !== 'navigate') {
    // Hashed names: a cached copy is always the right one.
    event.respondWith(
      caches.match(event.request).then(
        (hit) =>
          hit ||
          fetch(event.request).then((response) => {
            // Only a good answer is kept: a 404 or 503 during a release must not stay in the cache for good.
            if (response.ok) {
              const copy = response.clone();
              caches.open(SHELL).then((cache) => cache.put(event.request, copy));
            }
            return response;
          }),
      ),
    );
  } else if (event.request.mode === 'navigate') {
    // The page first from the network (a new release at once), the cached one when offline.
    event.respondWith(fetch(event.request).catch(() => caches.match('/')));
  }
});
