// Browser journeys: the production build (dist/) served by the real server on a fresh SQLite
// database in a temp dir, driven by headless Chromium (Debian's, through playwright-core).
//   const server = await startServer();            // builds first if dist/ is older than the code
//   const admin = await server.login(ADMIN);       // an HTTP session (cookie + CSRF) for seeding
//   const browser = await launchBrowser();
//   const { page } = await phonePage(browser);     // or laptopPage(browser)
//   const watch = watchPage(page, server.base);    // console errors, CSP violations, foreign requests
//   await shot(page, 'participant-01-consent');    // tests/e2e/screenshots/<name>.png
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'tests/e2e/screenshots');
export const ADMIN = { email: 'admin@recolte.test', password: 'mot-de-passe-e2e-admin' };

// ---- Build ------------------------------------------------------------------------------------

function newestMtime(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, e.name)));
  }
  return newest;
}

/** Runs `node scripts/build.mjs` when dist/ is missing or older than the sources (once per run). */
export function ensureBuild(): void {
  const built = Math.min(
    statSync('dist/client/index.html', { throwIfNoEntry: false })?.mtimeMs ?? 0,
    statSync('dist/server/main.js', { throwIfNoEntry: false })?.mtimeMs ?? 0,
  );
  const sources = Math.max(
    ...['client', 'server', 'surveys', 'indicators', 'migrations', 'package-lock.json'].map(newestMtime),
  );
  if (built > sources) return;
  const r = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

// ---- Server -----------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface TestServer {
  base: string;
  dataDir: string;
  dbPath: string;
  login: (account: { email: string; password: string }) => Promise<ApiSession>;
  output: () => string;
  stop: () => Promise<void>;
}

/** A fresh database with one administrator (ADMIN), and the production server on a free port. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  ensureBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'recolte-e2e-'));
  const baseEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    // One browser hits the link many times in a few seconds.
    TOKEN_RATE_LIMIT: '10000',
    LOGIN_RATE_LIMIT: '1000',
    DATABASE_URL: '',
    TEST_DATABASE_URL: '',
    ...env,
  };
  const created = spawnSync('node', ['dist/server/user-create-cli.js', '--email', ADMIN.email, '--admin'], {
    env: { ...baseEnv, USER_PASSWORD: ADMIN.password },
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`user:create failed: ${created.stderr}${created.stdout}`);

  const port = await freePort();
  const child: ChildProcess = spawn('node', ['dist/server/main.js'], {
    env: { ...baseEnv, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // Never leave a server behind, even when the test run itself is interrupted.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    dataDir,
    dbPath: join(dataDir, 'recolte.sqlite'),
    login: (account) => ApiSession.login(base, account),
    output: () => out,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A staff session over HTTP (cookie and CSRF token), to seed data and check results. */
export class ApiSession {
  private constructor(
    readonly base: string,
    private cookie: string,
    private csrf: string,
  ) {}

  static async login(base: string, account: { email: string; password: string }): Promise<ApiSession> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    if (!res.ok) throw new Error(`login ${res.status}: ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = (await res.json()) as { csrfToken: string };
    return new ApiSession(base, cookie, me.csrfToken);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  get = <T>(path: string) => this.request<T>('GET', path);
  post = <T>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T>(path: string, body: unknown) => this.request<T>('PUT', path, body);
}

let caisseSeq = 0;
/** A caisse profile the API accepts. */
export function caisseBody(name: string) {
  caisseSeq += 1;
  return {
    name,
    slug: `e2e-${caisseSeq}-${Math.random().toString(36).slice(2, 7)}`,
    region: '84',
    commune: 'Lyon',
    territoryType: 'urbain',
    targetPublic: 'universal',
    startDate: '2025-03-01',
    stage: 'fonctionnement',
    experimentersCount: 40,
    ssaCollectiveMember: true,
    patInvolvement: 'governance',
  };
}

// ---- Browser ----------------------------------------------------------------------------------

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone (390 × 844 CSS px, 2× pixels, touch), French unless told. */
export async function phonePage(
  browser: Browser,
  locale = 'fr-FR',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    acceptDownloads: true,
  });
  return { context, page: await context.newPage() };
}

/** A laptop (1366 × 860). */
export async function laptopPage(
  browser: Browser,
  locale = 'fr-FR',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale,
    acceptDownloads: true,
  });
  return { context, page: await context.newPage() };
}

/** Saves a full-page screenshot as tests/e2e/screenshots/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * What a page must never do: log errors, break the Content-Security-Policy, or send a request to
 * another host (fonts, CDNs…). `problems()` lists what happened; call it at the end of a test.
 */
export function watchPage(page: Page, base: string, opts: { ignoreConsole?: RegExp } = {}) {
  const problems: string[] = [];
  const origin = new URL(base).origin;
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    // Failures are expected while a test is offline; the app reports them itself. Other failed
    // loads (a 404 chunk…) are problems unless the test expects them (`ignoreConsole`).
    if (/net::ERR_INTERNET_DISCONNECTED/.test(text)) return;
    if (opts.ignoreConsole?.test(text)) return;
    problems.push(`console: ${text}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`foreign request: ${url}`);
  });
  return { problems: () => [...problems] };
}

export const hasChromium = () => existsSync(CHROMIUM);
