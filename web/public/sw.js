// 法治水务's service worker (hand-written, no build step): the app shell and the officer's open work
// offline. Hashed assets (/assets/*) are cached on first use — they never change. A page
// (navigation) and the few reads the field app needs offline go to the network first and fall back
// to the last answer kept. Nothing else is kept: no other API answer and no write (every method
// but GET goes straight to the network; the field app queues its own writes in IndexedDB).
const SHELL = 'fazhi-shell-v1';
const WORK = 'fazhi-work-v1';
const SHELL_FILES = ['/', '/manifest.webmanifest', '/favicon.svg', '/icon-192.png', '/icon-512.png'];

/** The reads kept for offline use: who is signed in, my open cases, a case and its captures, the rivers, the risk points and today's check-ins. */
const WORK_READS = [
  /^\/api\/auth\/me$/,
  /^\/api\/enforcement\/cases$/,
  /^\/api\/enforcement\/cases\/[0-9a-f-]{36}$/,
  /^\/api\/enforcement\/cases\/[0-9a-f-]{36}\/field-evidence$/,
  /^\/api\/rivers$/,
  /^\/api\/flood\/risk-points$/,
  /^\/api\/flood\/checkins$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(SHELL_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== WORK).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Signing out forgets the kept answers (another officer may use the phone next).
self.addEventListener('message', (event) => {
  if (event.data === 'sign-out') event.waitUntil(caches.delete(WORK));
});

async function networkFirst(request, cacheName, fallbackKey) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(fallbackKey ?? request, res.clone());
    return res;
  } catch (err) {
    const kept = await cache.match(fallbackKey ?? request);
    if (kept) return kept;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    // Every page is the one app shell: the newest when online, the kept one offline.
    event.respondWith(networkFirst(request, SHELL, '/'));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (WORK_READS.some((r) => r.test(url.pathname))) event.respondWith(networkFirst(request, WORK));
});
