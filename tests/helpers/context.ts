// Test context: the real app on a fresh database (in-memory SQLite, or a fresh PostgreSQL schema
// when TEST_DATABASE_URL is set), driven with app.inject, with logged-in clients per role.
import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../server/app.ts';
import { insertUser, setMembership } from '../../server/auth/users.repository.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { Config } from '../../server/config.ts';
import { type Db, openDb } from '../../server/db/connect.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import type { App } from '../../server/http/types.ts';

export const PG_URL = process.env.TEST_DATABASE_URL;
export const DIALECT: 'sqlite' | 'postgres' = PG_URL ? 'postgres' : 'sqlite';
export const PASSWORD = 'correct horse battery staple';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: 'data',
    databaseUrl: ':memory:',
    dialect: DIALECT,
    sessionSecret: randomBytes(32).toString('base64url'),
    logLevel: 'silent',
    demo: false,
    minCell: 5,
    trustProxy: false,
    publicUrl: null,
    bodyLimit: 1_048_576,
    importBodyLimit: 20_971_520,
    loginRateLimit: 1000,
    tokenRateLimit: 10_000,
    ...overrides,
  };
}

/** A fresh, migrated database: in-memory SQLite, or a new PostgreSQL schema dropped on close. */
export async function freshDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (!PG_URL) {
    const db = openDb(':memory:');
    await prepareDatabase(db);
    return { db, drop: () => db.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const sep = PG_URL.includes('?') ? '&' : '?';
  const db = openDb(`${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`, {
    poolSize: 4,
  });
  await prepareDatabase(db, { schema });
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export interface Client {
  email: string;
  request(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function clientOf(app: App, email: string, cookie: string | null, csrf: string | null): Client {
  const request: Client['request'] = (method, url, body) =>
    app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        // Raw bytes are uploaded spreadsheets (the translations import).
        ...(Buffer.isBuffer(body)
          ? { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
          : {}),
      },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    });
  return {
    email,
    request,
    get: (u) => request('GET', u),
    post: (u, b) => request('POST', u, b ?? {}),
    put: (u, b) => request('PUT', u, b ?? {}),
    patch: (u, b) => request('PATCH', u, b ?? {}),
    delete: (u) => request('DELETE', u),
  };
}

export interface TestContext {
  app: App;
  db: Db;
  config: Config;
  anonymous: Client;
  admin: Client;
  /** Creates a user (with roles) and returns a logged-in client. */
  user(opts?: {
    admin?: boolean;
    researcher?: boolean;
    caisses?: Record<string, 'coordinator' | 'member'>;
  }): Promise<Client>;
  login(email: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | null = null;

export async function createContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { db, drop } = await freshDb();
  const config = testConfig(overrides);
  const app = await buildApp({ config, db, logger: false });
  await app.ready();
  passwordHash ??= hashPassword(PASSWORD);
  let n = 0;

  async function login(email: string, password = PASSWORD): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return clientOf(app, email, cookie, res.json().csrfToken);
  }

  async function user(opts: Parameters<TestContext['user']>[0] = {}): Promise<Client> {
    const email = `user${++n}-${randomBytes(3).toString('hex')}@example.org`;
    const u = await insertUser(db.kysely, {
      email,
      passwordHash: await passwordHash!,
      isAdmin: opts.admin,
      isResearcher: opts.researcher,
    });
    for (const [caisseId, role] of Object.entries(opts.caisses ?? {}))
      await setMembership(db.kysely, u.id, caisseId, role);
    return login(email);
  }

  const admin = await user({ admin: true });
  return {
    app,
    db,
    config,
    anonymous: clientOf(app, 'anonymous', null, null),
    admin,
    user,
    login,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
