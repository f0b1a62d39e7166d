// Vite for the web client: `npm run build` writes dist/client (served by the Fastify app,
// server/http/static.ts); `npx vite --config client/vite.config.ts` serves it in development with
// /api proxied to the API on port 3000 (or $RECOLTE_API).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/client', import.meta.url));

/** Writes .br and .gz beside each text asset: the server sends them as they are (no compression at runtime). */
function precompress(): Plugin {
  return {
    name: 'recolte-precompress',
    apply: 'build',
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * dist/client/sw.js, the participant pages' service worker (src/pwa/sw.ts), bundled by esbuild with
 * the files to precache: the entry and the participant chunk with all they import, and their CSS
 * (read from the Vite manifest, as scripts/bundle-size.mjs does). Its version is a hash of that list,
 * so a new build installs a new worker and drops the old shell.
 */
function serviceWorker(): Plugin {
  return {
    name: 'recolte-service-worker',
    apply: 'build',
    async closeBundle() {
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
        string,
        ManifestChunk
      >;
      const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
      const files = new Set<string>();
      const seen = new Set<string>();
      const visit = (k: string) => {
        const chunk = manifest[k];
        if (seen.has(k) || !chunk) return;
        seen.add(k);
        files.add(`/${chunk.file}`);
        for (const c of chunk.css ?? []) files.add(`/${c}`);
        for (const i of chunk.imports ?? []) visit(i);
      };
      for (const k of [entry ?? '', 'src/features/participant/participant-app.tsx']) visit(k);
      const precache = [...files].sort();
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      await esbuild({
        entryPoints: [join(root, 'src/pwa/sw.ts')],
        outfile: join(outDir, 'sw.js'),
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2022',
        define: { __PRECACHE__: JSON.stringify(precache), __VERSION__: JSON.stringify(version) },
        logLevel: 'warning',
      });
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), serviceWorker(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // scripts/bundle-size.mjs reads it to measure what each page loads.
    manifest: true,
    target: 'es2022',
    // survey-core alone is ~1.4 MB minified; the budget that matters is the gzip one (bundle-size).
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // RECOLTE_API: another API address (e.g. a server started by the e2e helpers).
    proxy: { '/api': process.env.RECOLTE_API ?? 'http://127.0.0.1:3000' },
  },
});
