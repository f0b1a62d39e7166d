// Serves the web client's production build (dist/client) from the same process as the API:
// hashed assets with long cache headers (pre-compressed .br/.gz variants when the build made them),
// and index.html for every other GET that asks for HTML (the client routes: /r/:token, /login, …).
// One `GET /*` route; unknown /api paths still get the API's JSON 404.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './types.ts';

/** Where `npm run build` puts the client (vite `outDir`), relative to the working directory. */
export const CLIENT_DIR = resolve('dist/client');

const IMMUTABLE = 'public, max-age=31536000, immutable';

function filesUnder(root: string): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    // Served through content negotiation only; the build's manifest is not public.
    if (/\.(br|gz)$/.test(rel) || rel.startsWith('.vite/')) continue;
    files.add(`/${rel}`);
  }
  return files;
}

/** Registers the client when its build exists; does nothing otherwise (API-only runs and tests). */
export async function registerClient(app: App, root = CLIENT_DIR): Promise<void> {
  if (!statSync(join(root, 'index.html'), { throwIfNoEntry: false })?.isFile()) return;
  // The build is immutable while the process runs: list its files once.
  const files = filesUnder(root);
  await app.register(fastifyStatic, {
    root,
    serve: false,
    cacheControl: false,
    preCompressed: true,
    setHeaders: (reply, path) => {
      const rel = relative(root, path).split(sep).join('/');
      reply.header('cache-control', rel.startsWith('assets/') ? IMMUTABLE : 'no-cache');
    },
  });

  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(req.url.split('?')[0] ?? '/');
    } catch {
      return reply.callNotFound();
    }
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    if (files.has(path) && path !== '/index.html') return reply.sendFile(path.slice(1));
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    // A missing hashed asset (an old tab after a deploy) must not get index.html as JavaScript.
    if (!wantsHtml || path.startsWith('/assets/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
