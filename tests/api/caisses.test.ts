import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createContext } from '../helpers/context.ts';
import { caisseBody, createCaisse } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

describe('health', () => {
  it('answers 200 with the database reachable', async () => {
    const res = await ctx.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: ctx.db.dialect });
  });
});

describe('caisses', () => {
  it('creates a caisse with its full profile', async () => {
    const body = caisseBody({ territoryType: 'rural', targetPublic: 'precarious', stage: 'demarrage' });
    const res = await ctx.admin.post('/api/caisses', body);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(c).toMatchObject({ ...body });
    const again = await ctx.admin.get(`/api/caisses/${c.id}`);
    expect(again.json()).toEqual(c);
  });

  it('refuses a duplicate slug with 409 and writes nothing', async () => {
    const body = caisseBody();
    expect((await ctx.admin.post('/api/caisses', body)).statusCode).toBe(201);
    const before = (await ctx.admin.get('/api/caisses')).json().items.length;
    const res = await ctx.admin.post('/api/caisses', { ...body, name: 'Autre nom' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ statusCode: 409, code: 'SLUG_TAKEN' });
    expect((await ctx.admin.get('/api/caisses')).json().items.length).toBe(before);
  });

  it.each([
    ['unknown region', { region: '99' }],
    ['bad territory type', { territoryType: 'montagne' }],
    ['bad stage', { stage: 'fini' }],
    ['wrong type', { experimentersCount: 'quarante' }],
    ['unknown field', { couleur: 'vert' }],
    ['bad slug', { slug: 'Pas Un Slug' }],
    ['bad date', { startDate: '2025-13-45' }],
  ])('answers 400 on %s', async (_label, patch) => {
    const res = await ctx.admin.post('/api/caisses', caisseBody(patch));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_ERROR' });
    expect(res.json().message).toEqual(expect.any(String));
  });

  it('answers 400 on malformed JSON, never 500', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/caisses',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json()).toHaveProperty('code');
  });

  it('answers 413 on an oversized body', async () => {
    const res = await ctx.admin.post('/api/caisses', caisseBody({ name: 'x'.repeat(2_000_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413 });
  });

  it('answers 400 on a bad id and 404 on an unknown one', async () => {
    expect((await ctx.admin.get('/api/caisses/not-a-uuid')).statusCode).toBe(400);
    expect((await ctx.admin.get('/api/caisses/6f1c1c1e-1111-4111-8111-111111111111')).statusCode).toBe(404);
  });

  it('patches a profile field by field', async () => {
    const c = await createCaisse(ctx);
    const res = await ctx.admin.patch(`/api/caisses/${c.id}`, {
      stage: 'prototypage',
      experimentersCount: 55,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'prototypage', experimentersCount: 55, name: c.name });
    expect((await ctx.admin.patch(`/api/caisses/${c.id}`, {})).statusCode).toBe(400);
    expect((await ctx.admin.patch(`/api/caisses/${c.id}`, { stage: 'nope' })).statusCode).toBe(400);
  });

  it('shows members only their caisses and refuses others', async () => {
    const a = await createCaisse(ctx);
    const b = await createCaisse(ctx);
    const member = await ctx.user({ caisses: { [a.id]: 'member' } });
    const list = (await member.get('/api/caisses')).json().items;
    expect(list.map((c: { id: string }) => c.id)).toEqual([a.id]);
    expect((await member.get(`/api/caisses/${b.id}`)).statusCode).toBe(403);
    expect((await member.patch(`/api/caisses/${a.id}`, { stage: 'reflexion' })).statusCode).toBe(403);
    expect((await member.post('/api/caisses', caisseBody())).statusCode).toBe(403);
    expect((await ctx.anonymous.get('/api/caisses')).statusCode).toBe(401);
  });
});
