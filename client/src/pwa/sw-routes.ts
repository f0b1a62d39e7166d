// What the service worker does with a request, as a pure function of its method and URL (unit
// tested; sw.ts applies it). Only GETs are ever answered by the worker: a submission (POST) or a
// draft (PUT) always goes to the network, sent by the page's own queue, never replayed from here.

export type SwRoute =
  /** Not ours: the browser does as if there were no worker. */
  | { kind: 'pass' }
  /** Hashed build files and the shell's few static files: cache first (they never change). */
  | { kind: 'static' }
  /** A participant page: the network, else the cached shell (index.html). */
  | { kind: 'page' }
  /** The installed app's start (/r/): the last link opened on this device, if any. */
  | { kind: 'start' }
  /** GET /api/r/:token, the link's waves and questionnaires: the network, else its own cached copy. */
  | { kind: 'link'; token: string };

/** Files of the shell that are not hashed build assets (index.html is fetched as a page: sw.ts). */
export const SHELL_FILES = ['/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png'];
/** Where the cached shell is kept. */
export const SHELL_PAGE = '/index.html';

export function routeOf(method: string, url: URL, origin: string, navigate: boolean): SwRoute {
  if (method !== 'GET' || url.origin !== origin) return { kind: 'pass' };
  const path = url.pathname;
  if (navigate) {
    if (path === '/r/' || path === '/r') return { kind: 'start' };
    return /^\/r\/[^/]+/.test(path) ? { kind: 'page' } : { kind: 'pass' };
  }
  // Exactly the link's overview: not its export, draft or responses, not any other API.
  const link = /^\/api\/r\/([^/]+)$/.exec(path);
  if (link) return url.search === '' ? { kind: 'link', token: link[1]! } : { kind: 'pass' };
  if (path.startsWith('/api/')) return { kind: 'pass' };
  if (path.startsWith('/assets/') || SHELL_FILES.includes(path) || path.startsWith('/icons/'))
    return { kind: 'static' };
  return { kind: 'pass' };
}
