import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, PASSWORD, type TestContext } from '../helpers/context.ts';
import { caisseBody, createCaisse } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe('sessions', () => {
  it('logs in with an httpOnly SameSite=Lax cookie and returns the user, roles and caisses', async () => {
    const c = await createCaisse(ctx);
    const coord = await ctx.user({ caisses: { [c.id]: 'coordinator' } });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: coord.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'recolte_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({
      roles: ['coordinator'],
      caisses: [{ id: c.id, role: 'coordinator' }],
    });
    const me = await coord.get('/api/me');
    expect(me.json().user.email).toBe(coord.email);
  });

  it('refuses a wrong password or unknown email with the same 401', async () => {
    const u = await ctx.user();
    const wrong = await ctx.anonymous.post('/api/auth/login', {
      email: u.email,
      password: 'not the password',
    });
    const unknown = await ctx.anonymous.post('/api/auth/login', {
      email: 'nobody@example.org',
      password: 'whatever it is',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.cookies).toEqual([]);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const login = await ctx.anonymous.post('/api/auth/login', { email: ctx.admin.email, password: PASSWORD });
    const cookie = cookieOf(login);
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: '/api/caisses',
      headers: { cookie },
      payload: caisseBody(),
    });
    expect(noCsrf.statusCode).toBe(403);
    const badCsrf = await ctx.app.inject({
      method: 'POST',
      url: '/api/caisses',
      headers: { cookie, 'x-csrf-token': 'forged' },
      payload: caisseBody(),
    });
    expect(badCsrf.statusCode).toBe(403);
    const { csrfToken } = (
      await ctx.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie } })
    ).json();
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/caisses',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: caisseBody(),
    });
    expect(ok.statusCode).toBe(201);
  });

  it('revokes the session at logout, server-side', async () => {
    const u = await ctx.user();
    expect((await u.get('/api/me')).statusCode).toBe(200);
    expect((await u.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await u.get('/api/me')).statusCode).toBe(401);
  });

  it('revokes every session when the password changes', async () => {
    const u = await ctx.user();
    const other = await ctx.login(u.email);
    const res = await u.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another long passphrase',
    });
    expect(res.statusCode).toBe(200);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    expect((await u.get('/api/me')).statusCode).toBe(401);
    await expect(ctx.login(u.email)).rejects.toThrow();
    expect(
      (await ctx.login(u.email, 'another long passphrase').then((c) => c.get('/api/me'))).statusCode,
    ).toBe(200);
    expect(
      (await other.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }))
        .statusCode,
    ).toBeGreaterThanOrEqual(400);
  });
});

describe('invitations', () => {
  it('lets a coordinator invite a member who sets a password once', async () => {
    const c = await createCaisse(ctx);
    const coord = await ctx.user({ caisses: { [c.id]: 'coordinator' } });
    const inv = await coord.post(`/api/caisses/${c.id}/invitations`, {
      email: 'Nouvelle@Example.org',
      role: 'member',
    });
    expect(inv.statusCode).toBe(201);
    expect(inv.json().link).toContain(inv.json().token);
    expect(
      (
        await ctx.anonymous.post('/api/auth/accept-invitation', {
          token: inv.json().token,
          password: 'short',
        })
      ).statusCode,
    ).toBe(400);
    const ok = await ctx.anonymous.post('/api/auth/accept-invitation', {
      token: inv.json().token,
      password: 'a long enough password',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      user: { email: 'nouvelle@example.org' },
      caisses: [{ id: c.id, role: 'member' }],
    });
    const again = await ctx.anonymous.post('/api/auth/accept-invitation', {
      token: inv.json().token,
      password: 'a long enough password',
    });
    expect(again.statusCode).toBe(404);
    const member = await ctx.login('nouvelle@example.org', 'a long enough password');
    expect((await member.get(`/api/caisses/${c.id}`)).statusCode).toBe(200);
    expect(
      (await member.post(`/api/caisses/${c.id}/invitations`, { email: 'x@example.org', role: 'coordinator' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets only admins invite researchers', async () => {
    const c = await createCaisse(ctx);
    const coord = await ctx.user({ caisses: { [c.id]: 'coordinator' } });
    expect(
      (await coord.post('/api/invitations', { email: 'r@example.org', role: 'researcher' })).statusCode,
    ).toBe(403);
    const inv = await ctx.admin.post('/api/invitations', { email: 'r@example.org', role: 'researcher' });
    expect(inv.statusCode).toBe(201);
    const ok = await ctx.anonymous.post('/api/auth/accept-invitation', {
      token: inv.json().token,
      password: 'researcher password',
    });
    expect(ok.json().roles).toEqual(['researcher']);
    expect(
      (await coord.post(`/api/caisses/${c.id}/invitations`, { email: 'x@example.org', role: 'researcher' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('rate limits', () => {
  it('limits login attempts per minute', async () => {
    const limited = await createContext({ loginRateLimit: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (await limited.anonymous.post('/api/auth/login', { email: 'x@example.org', password: 'nope nope' }))
            .statusCode,
        );
      }
      // The context's own admin login counted as the first of the 3 allowed.
      expect(codes).toEqual([401, 401, 429, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
