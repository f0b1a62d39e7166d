import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type TestContext } from '../helpers/context.ts';
import { createCaisse, smallDefinition } from '../helpers/fixtures.ts';

let ctx: TestContext;
let caisseId: string;
beforeAll(async () => {
  ctx = await createContext();
  caisseId = (await createCaisse(ctx)).id;
});
afterAll(() => ctx.close());

describe('questionnaires', () => {
  it('lists the standard library, loaded at start', async () => {
    const res = await ctx.admin.get(`/api/caisses/${caisseId}/questionnaires`);
    expect(res.statusCode).toBe(200);
    const keys = res.json().items.map((q: { standardKey: string | null }) => q.standardKey);
    expect(keys).toEqual(
      expect.arrayContaining(['participant-entry', 'participant-followup', 'caisse-monitoring']),
    );
  });

  it('creates a questionnaire, then immutable versions', async () => {
    const res = await ctx.admin.post(`/api/caisses/${caisseId}/questionnaires`, {
      title: 'Mon suivi',
      level: 'participant',
      definition: smallDefinition,
    });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({ title: 'Mon suivi', level: 'participant', version: 1, caisseId });
    const edited = structuredClone(smallDefinition);
    edited.pages[1]!.elements.push({ type: 'boolean', name: 'extra_q' } as never);
    const v2 = await ctx.admin.post(`/api/questionnaires/${q.id}/versions`, {
      definition: JSON.stringify(edited),
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ id: q.id, version: 2 });
    expect(v2.json().versionId).not.toBe(q.versionId);

    const detail = (await ctx.admin.get(`/api/questionnaires/${q.id}`)).json();
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.versions[0].questionNames).toContain('extra_q');
    expect(detail.versions[1].questionNames).not.toContain('extra_q');
    const v1 = (await ctx.admin.get(`/api/questionnaire-versions/${q.versionId}`)).json();
    expect(JSON.stringify(v1.definition)).not.toContain('extra_q');
  });

  it.each([
    ['malformed JSON string', '{"pages": ['],
    [
      'an unknown question type',
      { pages: [{ name: 'p', elements: [{ type: 'teleportation', name: 'x' }] }] },
    ],
    [
      'duplicate names',
      {
        pages: [
          { name: 'p', elements: [{ type: 'text', name: 'a' }] },
          { name: 'p2', elements: [{ type: 'boolean', name: 'a' }] },
        ],
      },
    ],
    ['no question at all', { pages: [] }],
  ])('refuses %s with 400 and the reason', async (_label, definition) => {
    const before = (await ctx.admin.get(`/api/caisses/${caisseId}/questionnaires`)).json().items.length;
    const res = await ctx.admin.post(`/api/caisses/${caisseId}/questionnaires`, {
      title: 'Cassé',
      level: 'participant',
      definition,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_DEFINITION' });
    expect(res.json().message.length).toBeGreaterThan(20);
    expect((await ctx.admin.get(`/api/caisses/${caisseId}/questionnaires`)).json().items.length).toBe(before);
  });

  it('refuses a bad level and unknown fields', async () => {
    const bad = await ctx.admin.post(`/api/caisses/${caisseId}/questionnaires`, {
      title: 'X y',
      level: 'famille',
      definition: smallDefinition,
    });
    expect(bad.statusCode).toBe(400);
    const extra = await ctx.admin.post(`/api/caisses/${caisseId}/questionnaires`, {
      title: 'X y',
      level: 'caisse',
      definition: smallDefinition,
      foo: 1,
    });
    expect(extra.statusCode).toBe(400);
  });

  it('keeps caisses apart: a coordinator of another caisse sees nothing', async () => {
    const q = (
      await ctx.admin.post(`/api/caisses/${caisseId}/questionnaires`, {
        title: 'Privé',
        level: 'participant',
        definition: smallDefinition,
      })
    ).json();
    const other = await createCaisse(ctx);
    const coord = await ctx.user({ caisses: { [other.id]: 'coordinator' } });
    expect((await coord.get(`/api/questionnaires/${q.id}`)).statusCode).toBe(403);
    expect((await coord.get(`/api/questionnaire-versions/${q.versionId}`)).statusCode).toBe(403);
    expect(
      (await coord.post(`/api/questionnaires/${q.id}/versions`, { definition: smallDefinition })).statusCode,
    ).toBe(403);
    expect((await coord.get(`/api/caisses/${caisseId}/questionnaires`)).statusCode).toBe(403);
    const member = await ctx.user({ caisses: { [caisseId]: 'member' } });
    expect((await member.get(`/api/questionnaires/${q.id}`)).statusCode).toBe(200);
    expect(
      (await member.post(`/api/questionnaires/${q.id}/versions`, { definition: smallDefinition })).statusCode,
    ).toBe(403);
  });

  it('lets only admins version the standard library', async () => {
    const std = (await ctx.admin.get(`/api/caisses/${caisseId}/questionnaires`))
      .json()
      .items.find((q: { standardKey: string }) => q.standardKey === 'participant-followup');
    const coord = await ctx.user({ caisses: { [caisseId]: 'coordinator' } });
    expect((await coord.get(`/api/questionnaires/${std.id}`)).statusCode).toBe(200);
    expect(
      (await coord.post(`/api/questionnaires/${std.id}/versions`, { definition: smallDefinition }))
        .statusCode,
    ).toBe(403);
  });
});
