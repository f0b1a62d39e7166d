import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type TestContext } from '../helpers/context.ts';
import { createCaisse, openWaveSetup, smallDefinition, validAnswers } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

describe('waves', () => {
  it('creates, lists with live response rate, opens and closes', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.admin.post(`/api/caisses/${s.caisse.id}/participants`, { code: 'P002' });
    await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'rate-0001',
      data: validAnswers,
    });
    const list = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/waves`)).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      status: 'open',
      isBaseline: true,
      submitted: 1,
      participants: 2,
      responseRate: 0.5,
      acceptingResponses: true,
      level: 'participant',
    });
    const closed = await ctx.admin.patch(`/api/waves/${s.wave.id}`, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', acceptingResponses: false });
  });

  it('keeps one baseline per level', async () => {
    const s = await openWaveSetup(ctx);
    const w2 = (
      await ctx.admin.post(`/api/caisses/${s.caisse.id}/waves`, {
        questionnaireVersionId: s.questionnaire.versionId,
        period: '2026-T2',
        isBaseline: true,
      })
    ).json();
    expect(w2).toMatchObject({ isBaseline: true, status: 'draft' });
    const list = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/waves`)).json().items;
    expect(
      list.filter((w: { isBaseline: boolean }) => w.isBaseline).map((w: { id: string }) => w.id),
    ).toEqual([w2.id]);
  });

  it('refuses bad input and versions of other caisses', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/caisses/${s.caisse.id}/waves`;
    const base = { questionnaireVersionId: s.questionnaire.versionId, period: '2026-T3' };
    expect((await ctx.admin.post(url, { ...base, status: 'perhaps' })).statusCode).toBe(400);
    expect(
      (await ctx.admin.post(url, { ...base, opensAt: '2026-06-01', closesAt: '2026-05-01' })).statusCode,
    ).toBe(400);
    expect((await ctx.admin.post(url, { ...base, opensAt: 'demain' })).statusCode).toBe(400);
    const other = await openWaveSetup(ctx);
    const foreign = await ctx.admin.post(url, {
      ...base,
      questionnaireVersionId: other.questionnaire.versionId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('UNKNOWN_VERSION');
  });

  it('pins responses to their version: a wave with responses cannot change version', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'pin-00001',
      data: validAnswers,
    });
    const v2 = (
      await ctx.admin.post(`/api/questionnaires/${s.questionnaire.id}/versions`, {
        definition: smallDefinition,
      })
    ).json();
    const res = await ctx.admin.patch(`/api/waves/${s.wave.id}`, { questionnaireVersionId: v2.versionId });
    expect(res.statusCode).toBe(409);
    expect((await ctx.admin.patch(`/api/waves/${s.wave.id}`, { status: 'draft' })).statusCode).toBe(409);
  });

  it('lets members read waves but not change them', async () => {
    const s = await openWaveSetup(ctx);
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    expect((await member.get(`/api/caisses/${s.caisse.id}/waves`)).statusCode).toBe(200);
    expect((await member.patch(`/api/waves/${s.wave.id}`, { status: 'closed' })).statusCode).toBe(403);
    expect(
      (
        await member.post(`/api/caisses/${s.caisse.id}/waves`, {
          questionnaireVersionId: s.questionnaire.versionId,
          period: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('participants', () => {
  it('returns the token once and stores only its hash', async () => {
    const c = await createCaisse(ctx);
    const res = await ctx.admin.post(`/api/caisses/${c.id}/participants`, {
      code: 'EXP-01',
      attributes: { cotisationTier: 'B', householdSize: 3, householdType: 'couple_children' },
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    expect(p.link).toBe(`/r/${p.token}`);
    const row = await ctx.db.kysely
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(p.token);
    const list = (await ctx.admin.get(`/api/caisses/${c.id}/participants`)).json().items;
    expect(list).toEqual([expect.objectContaining({ code: 'EXP-01', linkActive: true, consent: 'unknown' })]);
    expect(JSON.stringify(list)).not.toContain(p.token);
  });

  it('refuses duplicate codes and bad attributes', async () => {
    const c = await createCaisse(ctx);
    const url = `/api/caisses/${c.id}/participants`;
    expect((await ctx.admin.post(url, { code: 'A1' })).statusCode).toBe(201);
    expect((await ctx.admin.post(url, { code: 'A1' })).statusCode).toBe(409);
    expect((await ctx.admin.post(url, { code: 'A2', attributes: { householdSize: 0 } })).statusCode).toBe(
      400,
    );
    expect((await ctx.admin.post(url, { code: 'A3', attributes: { name: 'Jean Dupont' } })).statusCode).toBe(
      400,
    );
    expect((await ctx.admin.post(url, { code: 'a b' })).statusCode).toBe(400);
  });

  it('imports a list all-or-nothing with a per-row report', async () => {
    const c = await createCaisse(ctx);
    const url = `/api/caisses/${c.id}/participants/import`;
    const bad = await ctx.admin.post(url, {
      rows: [{ code: 'I1' }, { code: 'I2', attributes: { householdSize: -1 } }, { code: 'I1' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
    expect((await ctx.admin.get(`/api/caisses/${c.id}/participants`)).json().items).toEqual([]);
    const ok = await ctx.admin.post(url, {
      rows: [{ code: 'I1' }, { code: 'I2', attributes: { householdType: 'single' } }],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().created.map((p: { code: string }) => p.code)).toEqual(['I1', 'I2']);
  });

  it('keeps participant lists from members and other caisses', async () => {
    const s = await openWaveSetup(ctx);
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    const other = await ctx.user({ caisses: { [(await createCaisse(ctx)).id]: 'coordinator' } });
    for (const c of [member, other]) {
      const res = await c.get(`/api/caisses/${s.caisse.id}/participants`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('P001');
      expect((await c.post(`/api/participants/${s.participant.id}/token`)).statusCode).toBe(403);
      expect((await c.delete(`/api/participants/${s.participant.id}`)).statusCode).toBe(403);
    }
  });

  it('erases a participant with everything about them, in one go', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'erase-0001',
      data: validAnswers,
    });
    const res = await ctx.admin.delete(`/api/participants/${s.participant.id}`);
    expect(res.statusCode).toBe(200);
    const k = ctx.db.kysely;
    expect(
      await k.selectFrom('participants').selectAll().where('id', '=', s.participant.id).execute(),
    ).toEqual([]);
    expect(await k.selectFrom('responses').selectAll().where('wave_id', '=', s.wave.id).execute()).toEqual(
      [],
    );
    const audit = await k.selectFrom('audit_log').selectAll().where('caisse_id', '=', s.caisse.id).execute();
    expect(audit.some((a) => a.action === 'participant.erase' && a.target_id === null)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(s.participant.id);
    expect((await ctx.anonymous.get(`/api/r/${s.participant.token}`)).statusCode).toBe(404);
  });
});
