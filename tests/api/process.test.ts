// The real server process: acknowledged responses survive kill -9, the first-admin CLI, the demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/connect.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { buildApp } from '../../server/app.ts';
import { insertUser } from '../../server/auth/users.repository.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { testConfig, PASSWORD } from '../helpers/context.ts';
import { openWaveSetup, validAnswers } from '../helpers/fixtures.ts';
import { processDatabase, runCli, startServer } from '../helpers/process.ts';

describe('durability', () => {
  let dbh: Awaited<ReturnType<typeof processDatabase>>;
  beforeAll(async () => {
    dbh = await processDatabase();
  });
  afterAll(() => dbh.drop());

  it('keeps every acknowledged response when the server is killed with SIGKILL', async () => {
    // Set up through the app in this process, on the same database the child will serve.
    const db = openDb(dbh.url);
    await prepareDatabase(db);
    const app = await buildApp({ config: testConfig({ databaseUrl: dbh.url }), db, logger: false });
    const email = 'durable@example.org';
    await insertUser(db.kysely, { email, passwordHash: await hashPassword(PASSWORD), isAdmin: true });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = login.json().csrfToken;
    const client =
      (method: 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE') => (url: string, payload?: unknown) =>
        app.inject({
          method,
          url,
          headers: { cookie, 'x-csrf-token': csrf },
          ...(payload !== undefined ? { payload: payload as object } : {}),
        });
    const fake = {
      admin: {
        post: client('POST'),
        get: client('GET'),
        put: client('PUT'),
        patch: client('PATCH'),
        delete: client('DELETE'),
      },
    } as unknown as Parameters<typeof openWaveSetup>[0];
    const s = await openWaveSetup(fake);
    const tokens = [s.participant.token];
    for (let i = 2; i <= 20; i++)
      tokens.push(
        (await client('POST')(`/api/caisses/${s.caisse.id}/participants`, { code: `D${i}` })).json().token,
      );
    await app.close();
    await db.close();

    const server = await startServer({ DATABASE_URL: dbh.url, DATA_DIR: dbh.dataDir });
    const acked: string[] = [];
    await Promise.all(
      tokens.map(async (t, i) => {
        const res = await fetch(`${server.base}/api/r/${t}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ waveId: s.wave.id, clientId: `durable-${i}-0000`, data: validAnswers }),
        });
        if (res.status === 200) acked.push(((await res.json()) as { id: string }).id);
      }),
    );
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    // The server itself is gone, not only a wrapper around it.
    await expect(fetch(`${server.base}/api/health`)).rejects.toThrow();
    expect(acked).toHaveLength(20);

    const after = openDb(dbh.url);
    const rows = await after.kysely
      .selectFrom('responses')
      .select('id')
      .where('wave_id', '=', s.wave.id)
      .execute();
    await after.close();
    expect(rows.map((r) => r.id).sort()).toEqual(acked.sort());
  });
});

describe('command line', () => {
  it('creates the first administrator from USER_PASSWORD, who can then log in', async () => {
    const dbh = await processDatabase();
    try {
      const env = { DATABASE_URL: dbh.url, DATA_DIR: dbh.dataDir, USER_PASSWORD: 'first admin password' };
      const created = await runCli(
        ['server/auth/user-create-cli.ts', '--email', 'Boss@Example.org', '--admin'],
        env,
      );
      expect(created.code, created.out).toBe(0);
      expect(created.out).toContain('boss@example.org');
      const again = await runCli(
        ['server/auth/user-create-cli.ts', '--email', 'boss@example.org', '--admin'],
        env,
      );
      expect(again.code).toBe(1);
      const weak = await runCli(['server/auth/user-create-cli.ts', '--email', 'weak@example.org'], {
        ...env,
        USER_PASSWORD: 'short',
      });
      expect(weak.code).toBe(2);
      const noEmail = await runCli(['server/auth/user-create-cli.ts', '--admin'], env);
      expect(noEmail.code).toBe(2);

      const server = await startServer({ DATABASE_URL: dbh.url, DATA_DIR: dbh.dataDir });
      try {
        const res = await fetch(`${server.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'boss@example.org', password: 'first admin password' }),
        });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { roles: string[] }).roles).toEqual(['admin']);
      } finally {
        server.child.kill('SIGTERM');
      }
    } finally {
      await dbh.drop();
    }
  });

  it('migrates with npm run db:migrate and reports what it applied', async () => {
    const dbh = await processDatabase();
    try {
      const first = await runCli(['server/db/migrate-cli.ts'], {
        DATABASE_URL: dbh.url,
        DATA_DIR: dbh.dataDir,
      });
      expect(first.code, first.out).toBe(0);
      expect(first.out).toMatch(/✓ 2026_11_23_0001_foundation/);
      const second = await runCli(['server/db/migrate-cli.ts'], {
        DATABASE_URL: dbh.url,
        DATA_DIR: dbh.dataDir,
      });
      expect(second.out).toContain('aucune migration en attente');
    } finally {
      await dbh.drop();
    }
  });

  it('seeds the demo into an empty database and prints one account per role and a working link', async () => {
    const dbh = await processDatabase();
    try {
      const server = await startServer({ DATABASE_URL: dbh.url, DATA_DIR: dbh.dataDir, DEMO: 'true' });
      try {
        const out = server.output();
        for (const role of ['admin', 'coordinator', 'member', 'researcher'])
          expect(out).toContain(`${role}@demo.recolte.fr`);
        const link = out.match(/\/r\/([A-Za-z0-9_-]{40,})/);
        expect(link).not.toBeNull();
        const r = await fetch(`${server.base}/api/r/${link![1]}`);
        expect(r.status).toBe(200);
        expect(((await r.json()) as { waves: unknown[] }).waves.length).toBeGreaterThan(0);
        const password = out.match(/coordinator@demo\.recolte\.fr\s+mot de passe : (\S+)/)![1];
        const login = await fetch(`${server.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'coordinator@demo.recolte.fr', password }),
        });
        const me = (await login.json()) as { caisses: { id: string }[] };
        expect(me.caisses).toHaveLength(1);
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        const waves = (await (
          await fetch(`${server.base}/api/caisses/${me.caisses[0]!.id}/waves`, { headers: { cookie } })
        ).json()) as {
          items: { submitted: number; participants: number }[];
        };
        expect(waves.items.length).toBeGreaterThanOrEqual(3);
        expect(waves.items[0]!.participants).toBe(200);
        expect(waves.items[0]!.submitted).toBeGreaterThan(150);
      } finally {
        server.child.kill('SIGTERM');
      }
    } finally {
      await dbh.drop();
    }
  });
});
