import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type TestContext } from '../helpers/context.ts';
import { createCaisse } from '../helpers/fixtures.ts';

let ctx: TestContext;
let caisseId: string;
beforeAll(async () => {
  ctx = await createContext();
  caisseId = (await createCaisse(ctx)).id;
});
afterAll(() => ctx.close());

describe('objectives', () => {
  it('replaces the list, applying the default dimension map to standard codes', async () => {
    const res = await ctx.admin.put(`/api/caisses/${caisseId}/objectives`, {
      objectives: [
        { code: 'access', priority: 1 },
        { code: 'capacity', dimensions: ['democracy'] },
        {
          code: 'lien_social',
          label: 'Créer du lien social',
          dimensions: ['democracy', 'health'],
          description: 'Rompre l’isolement',
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((o: { code: string }) => o.code)).toEqual(['access', 'capacity', 'lien_social']);
    expect(items[0]).toMatchObject({ standard: true, dimensions: ['access', 'agroecology'], priority: 1 });
    expect(items[0].label).toMatch(/Accès à l’alimentation durable/);
    expect(items[1].dimensions).toEqual(['democracy']);
    expect(items[2]).toMatchObject({
      standard: false,
      label: 'Créer du lien social',
      dimensions: ['democracy', 'health'],
    });

    const again = await ctx.admin.put(`/api/caisses/${caisseId}/objectives`, {
      objectives: [{ code: 'advocacy' }],
    });
    expect(again.json().items).toHaveLength(1);
    expect((await ctx.admin.get(`/api/caisses/${caisseId}/objectives`)).json().items[0]).toMatchObject({
      code: 'advocacy',
      dimensions: ['democracy'],
    });
  });

  it.each([
    ['a custom objective without label', { objectives: [{ code: 'mon_objectif', dimensions: ['health'] }] }],
    ['an unknown dimension', { objectives: [{ code: 'access', dimensions: ['bonheur'] }] }],
    ['duplicate codes', { objectives: [{ code: 'access' }, { code: 'access' }] }],
    ['a bad code', { objectives: [{ code: 'Pas Bon', label: 'x y', dimensions: ['health'] }] }],
    ['a missing list', {}],
  ])('refuses %s with 400 and keeps the previous list', async (_l, body) => {
    await ctx.admin.put(`/api/caisses/${caisseId}/objectives`, { objectives: [{ code: 'governance' }] });
    const res = await ctx.admin.put(`/api/caisses/${caisseId}/objectives`, body);
    expect(res.statusCode).toBe(400);
    expect(
      (await ctx.admin.get(`/api/caisses/${caisseId}/objectives`))
        .json()
        .items.map((o: { code: string }) => o.code),
    ).toEqual(['governance']);
  });

  it('lets members read and only coordinators write', async () => {
    const member = await ctx.user({ caisses: { [caisseId]: 'member' } });
    expect((await member.get(`/api/caisses/${caisseId}/objectives`)).statusCode).toBe(200);
    expect((await member.put(`/api/caisses/${caisseId}/objectives`, { objectives: [] })).statusCode).toBe(
      403,
    );
    const outsider = await ctx.user({ caisses: { [(await createCaisse(ctx)).id]: 'coordinator' } });
    expect((await outsider.get(`/api/caisses/${caisseId}/objectives`)).statusCode).toBe(403);
    expect((await ctx.anonymous.get(`/api/caisses/${caisseId}/objectives`)).statusCode).toBe(401);
  });
});
