// The participant pages' service worker (registered with scope /r/ by the participant app; built
// into dist/client/sw.js by client/vite.config.ts, which fills in __PRECACHE__ and __VERSION__).
// Hand-written rather than Workbox: it does four things (sw-routes.ts), and must be seen to never
// answer anything but a GET. After the first visit, the questionnaire opens offline: the shell and
// the participant chunks are precached, and each link's GET /api/r/:token is kept under its own URL
// (so one person's questionnaire and draft are never served for another token).
import { routeOf, SHELL_FILES, SHELL_PAGE } from './sw-routes.ts';

declare const __PRECACHE__: string[];
declare const __VERSION__: string;

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  addEventListener(type: 'install' | 'activate', l: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', l: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}
const sw = self as unknown as WorkerScope;

const SHELL = `recolte-shell-${__VERSION__}`;
/** The links' GETs, one entry per URL (hence per token), and the last link opened. */
const LINKS = 'recolte-links';
const LAST_LINK = '/__recolte/last-link';
const PAGE_TIMEOUT_MS = 6000;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll([...SHELL_FILES, ...__PRECACHE__]);
      // The server sends index.html to requests that ask for a page (static.ts), not for /index.html.
      const shell = await fetch('/r/', { headers: { accept: 'text/html' } });
      if (!shell.ok) throw new Error(`shell: HTTP ${shell.status}`);
      await cache.put(SHELL_PAGE, shell);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('recolte-shell-') && k !== SHELL).map((k) => caches.delete(k)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  const route = routeOf(req.method, new URL(req.url), sw.location.origin, req.mode === 'navigate');
  switch (route.kind) {
    case 'pass':
      return; // POST, PUT, other APIs, staff pages: untouched
    case 'static':
      event.respondWith(cacheFirst(req));
      return;
    case 'page':
      event.respondWith(page(req));
      return;
    case 'start':
      event.respondWith(start(req));
      return;
    case 'link':
      event.respondWith(link(req));
      return;
  }
});

async function cacheFirst(req: Request): Promise<Response> {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(req, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(req);
  // A lazily loaded chunk not precached: kept for next time (hashed, so never stale).
  if (res.ok && new URL(req.url).pathname.startsWith('/assets/')) void cache.put(req, res.clone());
  return res;
}

function withTimeout(p: Promise<Response>, ms: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (r) => {
        clearTimeout(t);
        resolve(r);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

async function page(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  void caches.open(LINKS).then((c) => c.put(LAST_LINK, new Response(path)));
  try {
    return await withTimeout(fetch(req), PAGE_TIMEOUT_MS);
  } catch {
    const shell = await caches.match(SHELL_PAGE, { cacheName: SHELL });
    if (shell) return shell;
    throw new Error('offline and no shell cached');
  }
}

async function start(req: Request): Promise<Response> {
  const last = await (await caches.open(LINKS)).match(LAST_LINK);
  if (last) return Response.redirect(new URL(await last.text(), req.url).href, 302);
  return page(req);
}

async function link(req: Request): Promise<Response> {
  const cache = await caches.open(LINKS);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone()).catch(() => {});
    // A link replaced or deactivated: forget what it showed.
    else if (res.status === 404 || res.status === 400) await cache.delete(req);
    return res;
  } catch (err) {
    const hit = await cache.match(req, { ignoreVary: true });
    if (hit) return hit;
    throw err;
  }
}
