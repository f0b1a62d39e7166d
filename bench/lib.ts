// Shared helpers for the benchmarks: child processes that are always cleaned up, waiting for a
// health route, one autocannon run summarised, peak RSS, PostgreSQL scratch databases, CPU
// profiles. Benchmarks only ever target 127.0.0.1.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SourceMap } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchOptions {
  /** Seconds of measured load per target. */
  duration: number;
  /** Seconds of unmeasured load before it (JIT warm-up). */
  warmup: number;
  connections: number;
  /** Which databases to run on. */
  db: 'all' | 'sqlite' | 'postgres';
  /** Profile the server under load and print its top self-time functions. */
  cpuProf: boolean;
}

// ---------------------------------------------------------------- child processes and cleanup

const children = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void>>();

process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const c of children) c.kill('SIGKILL');
    const timeout = new Promise((r) => setTimeout(r, 10_000));
    void Promise.race([Promise.allSettled([...cleanups].map((f) => f())), timeout]).then(() =>
      process.exit(130),
    );
  });
}

/** Registers an async cleanup that also runs on Ctrl-C; returns a function that runs it once. */
export function onCleanup(fn: () => Promise<void>): () => Promise<void> {
  const once = async () => {
    if (!cleanups.delete(once)) return;
    await fn();
  };
  cleanups.add(once);
  return once;
}

/** A fresh temporary directory; `remove()` deletes it (also on Ctrl-C). */
export function tempDir(prefix: string): { path: string; remove: () => Promise<void> } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: onCleanup(async () => rmSync(path, { recursive: true, force: true })) };
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface Proc {
  pid: number;
  port: number;
  /** The last few KB of the process's stdout and stderr, for error reports. */
  output(): string;
  /** Peak resident set size so far (VmHWM), in bytes; null off Linux. */
  peakRss(): number | null;
  /** CPU time used so far (user + system), in milliseconds; null off Linux. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/** Peak RSS (VmHWM) of a live process, from /proc. */
export function peakRssOf(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) of a live process, in ms, from /proc (clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Starts `node [nodeArgs] script` on a free port and resolves once GET /api/health answers 200. */
export async function startNode(opts: {
  label: string;
  script: string;
  nodeArgs?: string[];
  env: Record<string, string>;
}): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.script], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  void exited.then(() => children.delete(child));

  const proc: Proc = {
    pid: child.pid!,
    port,
    output: () => tail,
    peakRss: () => peakRssOf(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${opts.label} exited with code ${child.exitCode}:\n${tail}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return proc;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop();
  throw new Error(`${opts.label} did not answer /api/health within 30 s:\n${tail}`);
}

/**
 * Bundles the server as `npm run build` does (same esbuild options), but only the server, and
 * into node_modules/.cache (so that packages still resolve): a broken or slow client build, or
 * someone else's build writing dist/ at the same time, does not get in the way. Returns main.js.
 */
export async function buildServer(): Promise<string> {
  const outdir = join(ROOT, 'node_modules/.cache/recolte-bench');
  await build({
    entryPoints: [join(ROOT, 'server/main.ts')],
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return join(outdir, 'main.js');
}

// ---------------------------------------------------------------- load

export interface Req {
  path: string;
  body: Buffer;
}

export interface LoadFigures {
  /** Mean of the per-second request counts. */
  rps: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU milliseconds the target process spent per answered request during the run. */
  cpuPerRequest: number | null;
}

/** One autocannon run of POST requests, each taking its path and body from `next()`. */
export async function load(opts: {
  target: Proc;
  connections: number;
  duration: number;
  next: () => Req;
}): Promise<LoadFigures> {
  const cpu0 = opts.target.cpuMs();
  const r = await autocannon({
    url: `http://127.0.0.1:${opts.target.port}`,
    connections: opts.connections,
    duration: opts.duration,
    pipelining: 1,
    timeout: 10,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { path, body } = opts.next();
          req.path = path;
          req.body = body;
          return req;
        },
      },
    ],
  });
  return {
    rps: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    cpuPerRequest: cpu0 === null ? null : (opts.target.cpuMs()! - cpu0) / Math.max(1, r['2xx'] + r.non2xx),
  };
}

// ---------------------------------------------------------------- PostgreSQL scratch databases

/** Connects to `url` within 2 s, or returns the reason it could not. */
export async function pgReachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Creates a fresh database next to the one `baseUrl` names; `drop()` removes it (also on Ctrl-C). */
export async function scratchDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const drop = onCleanup(() => adminQuery(baseUrl, `drop database if exists ${name} with (force)`));
  return { url: u.toString(), name, drop };
}

// ---------------------------------------------------------------- CPU profiles

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Where a frame's code lives: an npm package, a folder of ours, Node's internals, or the VM itself. */
function areaOf(url: string, source: string | null, fn: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (source) return source.split('/').slice(0, -1).join('/') || source;
  if (url.startsWith('node:')) return 'node (internals)';
  return url ? relative(ROOT, url.startsWith('file://') ? fileURLToPath(url) : url) : fn;
}

export interface ProfileSummary {
  /** Sampled milliseconds. */
  total: number;
  functions: { ms: number; pct: number; where: string }[];
  areas: { ms: number; pct: number; where: string }[];
}

/** Now on the clock of V8's CPU profiles (monotonic, in µs), to cut a profile to a time window. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * The newest main-thread .cpuprofile in `dir`: top self-time functions (mapped to sources) and areas,
 * counting only the samples taken within `window` (monotonicUs() values) when given.
 */
export function topSelfTime(dir: string, window?: { from: number; to: number }, limit = 25): ProfileSummary {
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: the main thread is 0 (the server's SQLite
  // checkpointer is a worker thread with its own profile).
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  const file = files.filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)).at(-1) ?? files.at(-1);
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (url: string): SourceMap | null => {
    if (!maps.has(url)) {
      let sm: SourceMap | null = null;
      try {
        if (url.startsWith('file://'))
          sm = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
      } catch {
        // no source map: keep the bundled location
      }
      maps.set(url, sm);
    }
    return maps.get(url)!;
  };
  const describe = ({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']) => {
    const fn = functionName || '(anonymous)';
    if (!url) return { label: fn, area: areaOf('', null, fn) };
    const entry = mapOf(url)?.findEntry(lineNumber, columnNumber);
    if (entry && 'originalSource' in entry && entry.originalSource) {
      const src = entry.originalSource
        .replace(/^.*?node_modules\//, 'node_modules/')
        .replace(/^(\.\.\/)+/, '');
      return { label: `${fn}  ${src}:${entry.originalLine + 1}`, area: areaOf(url, src, fn) };
    }
    const path = url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url;
    return { label: `${fn}  ${path}:${lineNumber + 1}`, area: areaOf(url, null, fn) };
  };
  const frames = new Map(prof.nodes.map((n) => [n.id, describe(n.callFrame)]));
  const byLabel = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  let at = prof.startTime;
  prof.samples.forEach((id, i) => {
    const us = prof.timeDeltas[i] ?? 0;
    at += us;
    if (window && (at < window.from || at > window.to)) return;
    const f = frames.get(id)!;
    total += us;
    byLabel.set(f.label, (byLabel.get(f.label) ?? 0) + us);
    byArea.set(f.area, (byArea.get(f.area) ?? 0) + us);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([where, us]) => ({ ms: us / 1000, pct: (100 * us) / total, where }));
  return { total: total / 1000, functions: top(byLabel, limit), areas: top(byArea, 15) };
}

// ---------------------------------------------------------------- formatting

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const mb = (bytes: number | null): string =>
  bytes === null ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`;
export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
