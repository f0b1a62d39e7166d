import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type TestContext } from '../helpers/context.ts';
import { openWaveSetup, validAnswers } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

describe('security headers and errors', () => {
  it('sends a strict Content-Security-Policy and the usual hardening headers', async () => {
    const res = await ctx.anonymous.get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Plain HTTP by default: no upgrade of asset URLs to https; behind an HTTPS proxy, yes.
    expect(csp).not.toContain('upgrade-insecure-requests');
    const https = await createContext({ trustProxy: true });
    try {
      expect(String((await https.anonymous.get('/api/health')).headers['content-security-policy'])).toContain(
        'upgrade-insecure-requests',
      );
    } finally {
      await https.close();
    }
  });

  it('never leaks a stack trace or SQL in an error body', async () => {
    const bad = await ctx.admin.post('/api/caisses', { name: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.ts:\d+|node_modules|select |insert into/i);
    const missing = await ctx.anonymous.get('/api/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('answers a database failure with a bare 500 and no detail', async () => {
    const broken = await createContext();
    await broken.db.close();
    const res = await broken.admin.get('/api/caisses');
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'message', 'statusCode']);
    expect(res.body).not.toMatch(/sqlite|postgres|select|stack/i);
    const health = await broken.anonymous.get('/api/health');
    expect(health.statusCode).toBe(503);
    await broken.app.close();
  });

  it('limits the participant link routes per minute', async () => {
    const limited = await createContext({ tokenRateLimit: 3 });
    try {
      const s = await openWaveSetup(limited);
      const codes = [];
      for (let i = 0; i < 5; i++)
        codes.push((await limited.anonymous.get(`/api/r/${s.participant.token}`)).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const other = await limited.admin.post(`/api/caisses/${s.caisse.id}/participants`, { code: 'P002' });
      expect((await limited.anonymous.get(`/api/r/${other.json().token}`)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await ctx.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/caisses', '/api/r/{token}/responses', '/api/waves/{waveId}']),
    );
    const post = doc.paths['/api/caisses'].post;
    expect(post.requestBody.content['application/json'].schema.properties).toHaveProperty('territoryType');
    expect((await ctx.anonymous.get('/api/docs')).statusCode).toBeLessThan(400);
  });
});

describe('audit log', () => {
  it('records every write with who, role, caisse, action and target, never the answers', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'audit-00001',
      data: { ...validAnswers, comment: 'secret-comment-text' },
    });
    const res = await ctx.admin.get(`/api/caisses/${s.caisse.id}/audit`);
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'caisse.create',
        'questionnaire.create',
        'wave.create',
        'participant.create',
        'response.submit',
      ]),
    );
    const submit = res.json().items.find((e: { action: string }) => e.action === 'response.submit');
    expect(submit).toMatchObject({
      role: 'participant',
      userId: null,
      caisseId: s.caisse.id,
      targetType: 'response',
    });
    const create = res.json().items.find((e: { action: string }) => e.action === 'caisse.create');
    expect(create).toMatchObject({ role: 'admin', userEmail: ctx.admin.email });
    expect(res.body).not.toContain('secret-comment-text');
    const all = await ctx.admin.get('/api/audit?limit=500');
    expect(all.body).not.toContain('secret-comment-text');
  });

  it('shows a caisse’s log to its coordinators only', async () => {
    const s = await openWaveSetup(ctx);
    const coord = await ctx.user({ caisses: { [s.caisse.id]: 'coordinator' } });
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    expect((await coord.get(`/api/caisses/${s.caisse.id}/audit`)).statusCode).toBe(200);
    expect((await member.get(`/api/caisses/${s.caisse.id}/audit`)).statusCode).toBe(403);
    expect((await coord.get('/api/audit')).statusCode).toBe(403);
  });
});
