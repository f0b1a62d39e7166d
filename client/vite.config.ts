// Vite for the web client: `npm run build` writes dist/client (served by the Fastify app,
// server/http/static.ts); `npx vite --config client/vite.config.ts` serves it in development with
// /api proxied to the API on port 3000 (or $RECOLTE_API).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
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

export default defineConfig({
  root,
  plugins: [react(), precompress()],
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
