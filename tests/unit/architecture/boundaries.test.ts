// Import boundaries that the build enforces, checked on what actually runs: esbuild bundles each entry
// and its metafile lists every module loaded at run time (type-only imports are erased, as in the build).
// The string-level rules (feature folders through their public module, drivers only in server/db/) are
// Biome's noRestrictedImports in biome.json, run by `npm run lint`.
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** Every file the entry loads at run time, relative to the repository. */
async function runtimeInputs(entry: string, platform: 'neutral' | 'browser'): Promise<string[]> {
  const out = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: 'esm',
    ...(platform === 'neutral' ? { mainFields: ['module', 'main'], conditions: ['import', 'default'] } : {}),
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty', '.woff2': 'empty' },
    logLevel: 'silent',
  });
  return Object.keys(out.metafile.inputs).map((f) => relative(root, resolve(root, f)));
}

describe('import boundaries', () => {
  it('the indicator library loads nothing but its own files and zod', async () => {
    const inputs = await runtimeInputs('indicators/index.ts', 'neutral');
    expect(inputs.length).toBeGreaterThan(20);
    const outside = inputs.filter((f) => !f.startsWith('indicators/') && !f.startsWith('node_modules/zod/'));
    expect(outside).toEqual([]);
  });

  it('the client never loads server code at run time (type-only imports are fine)', async () => {
    const inputs = await runtimeInputs('client/src/main.tsx', 'browser');
    expect(inputs.some((f) => f.startsWith('client/src/features/'))).toBe(true);
    expect(inputs.filter((f) => f.startsWith('server/') || f.startsWith('migrations/'))).toEqual([]);
  });
});
