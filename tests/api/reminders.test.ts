// Reminders: a participant wave's non-respondents and the relaunch sheet that reissues their links
// (all or nothing), on each database.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type TestContext } from '../helpers/context.ts';
import { createCaisse, openWaveSetup, smallDefinition, validAnswers } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function pdfText(body: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'relaunch-'));
  const file = join(dir, 'sheet.pdf');
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** An open wave with participants P001 (answered), P002, P003 (not yet), P004 (refused consent). */
async function world() {
  const s = await openWaveSetup(ctx);
  const add = async (code: string) =>
    (await ctx.admin.post(`/api/caisses/${s.caisse.id}/participants`, { code })).json() as {
      id: string;
      token: string;
      code: string;
    };
  const [p2, p3, p4] = [await add('P002'), await add('P003'), await add('P004')];
  const sent = await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
    waveId: s.wave.id,
    clientId: 'answered-1',
    data: validAnswers,
  });
  expect(sent.statusCode).toBeLessThan(300);
  await ctx.anonymous.post(`/api/r/${p4.token}/responses`, {
    waveId: s.wave.id,
    clientId: 'refused-1',
    data: { consent: false },
  });
  await ctx.anonymous.put(`/api/r/${p3.token}/draft`, { waveId: s.wave.id, data: { consent: true } });
  const coordinator = await ctx.user({ caisses: { [s.caisse.id]: 'coordinator' } });
  return { ...s, p1: s.participant, p2, p3, p4, coordinator };
}

const linkStatus = async (token: string) => (await ctx.anonymous.get(`/api/r/${token}`)).statusCode;

describe('non-respondents', () => {
  it('lists the participants with no current response, without respondents or refusals', async () => {
    const s = await world();
    const res = await s.coordinator.get(`/api/waves/${s.wave.id}/non-respondents`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      id: string;
      code: string;
      linkActive: boolean;
      draftSavedAt: string | null;
    }[];
    expect(items.map((p) => p.code)).toEqual(['P002', 'P003']);
    expect(items[0]).toMatchObject({ id: s.p2.id, linkActive: true, draftSavedAt: null });
    expect(items[1]!.draftSavedAt).toEqual(expect.any(String));
  });

  it('refuses members, other caisses, researchers, anonymous; caisse-level waves are 400', async () => {
    const s = await world();
    const url = `/api/waves/${s.wave.id}/non-respondents`;
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    const other = await ctx.user({ caisses: { [(await createCaisse(ctx)).id]: 'coordinator' } });
    const researcher = await ctx.user({ researcher: true });
    expect((await member.get(url)).statusCode).toBe(403);
    expect((await other.get(url)).statusCode).toBe(403);
    expect((await researcher.get(url)).statusCode).toBe(403);
    expect((await ctx.anonymous.get(url)).statusCode).toBe(401);
    expect((await ctx.admin.get(`/api/waves/${crypto.randomUUID()}/non-respondents`)).statusCode).toBe(404);

    const q = (
      await ctx.admin.post(`/api/caisses/${s.caisse.id}/questionnaires`, {
        title: 'Suivi caisse',
        level: 'caisse',
        definition: smallDefinition,
      })
    ).json();
    const cw = (
      await ctx.admin.post(`/api/caisses/${s.caisse.id}/waves`, {
        questionnaireVersionId: q.versionId,
        period: '2026-C1',
        status: 'open',
      })
    ).json();
    const caisseLevel = await s.coordinator.get(`/api/waves/${cw.id}/non-respondents`);
    expect(caisseLevel.statusCode).toBe(400);
    expect(caisseLevel.json().code).toBe('CAISSE_LEVEL_WAVE');
    const relaunchCaisse = await s.coordinator.post(`/api/waves/${cw.id}/relaunch`, { all: true });
    expect(relaunchCaisse.statusCode).toBe(400);
  });
});

describe('relaunch', () => {
  it('reissues the chosen links in a PDF: old links stop working, new ones work', async () => {
    const s = await world();
    const res = await s.coordinator.request('POST', `/api/waves/${s.wave.id}/relaunch`, { all: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="relance-2026-T1.pdf"');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(await linkStatus(s.p2.token)).toBe(404);
    expect(await linkStatus(s.p3.token)).toBe(404);
    expect(await linkStatus(s.p1.token)).toBe(200); // answered: untouched
    expect(await linkStatus(s.p4.token)).toBe(200); // refused: not chased

    if (hasPdftotext) {
      const text = pdfText(pdf);
      expect(text).toContain('P002');
      expect(text).toContain('P003');
      expect(text).not.toContain('P001');
      expect(text).toContain('Feuille de relance');
      const tokens = [...text.matchAll(/\/r\/\s*([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
      expect(tokens).toHaveLength(2);
      for (const t of tokens) expect(await linkStatus(t)).toBe(200);
    }

    const audit = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/audit`)).json().items as {
      action: string;
    }[];
    expect(audit.filter((e) => e.action === 'participant.token.reissue')).toHaveLength(2);
    expect(audit.some((e) => e.action === 'wave.relaunch')).toBe(true);

    // Relaunched, they are still non-respondents, with a fresh link.
    const after = (await s.coordinator.get(`/api/waves/${s.wave.id}/non-respondents`)).json().items;
    expect(after.map((p: { code: string }) => p.code)).toEqual(['P002', 'P003']);
  });

  it('relaunches a chosen subset, in English on request', async () => {
    const s = await world();
    const res = await s.coordinator.post(`/api/waves/${s.wave.id}/relaunch?lang=en`, {
      participantIds: [s.p3.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('reminders-2026-T1.pdf');
    expect(await linkStatus(s.p2.token)).toBe(200);
    expect(await linkStatus(s.p3.token)).toBe(404);
    if (hasPdftotext) {
      const text = pdfText(res.rawPayload);
      expect(text).toContain('P003');
      expect(text).not.toContain('P002');
      expect(text).toContain('Scan this code');
    }
  });

  it('reissues nothing when one participant answered, belongs elsewhere or the caller may not', async () => {
    const s = await world();
    const url = `/api/waves/${s.wave.id}/relaunch`;
    const answered = await s.coordinator.post(url, { participantIds: [s.p2.id, s.p1.id] });
    expect(answered.statusCode).toBe(400);
    expect(answered.json()).toMatchObject({
      code: 'NOT_A_NON_RESPONDENT',
      details: { participantIds: [s.p1.id] },
    });

    const elsewhere = await openWaveSetup(ctx);
    const foreign = await s.coordinator.post(url, { participantIds: [s.p2.id, elsewhere.participant.id] });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain(elsewhere.participant.code);

    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    expect((await member.post(url, { all: true })).statusCode).toBe(403);
    const other = await ctx.user({ caisses: { [elsewhere.caisse.id]: 'coordinator' } });
    expect((await other.post(url, { all: true })).statusCode).toBe(403);
    expect((await ctx.anonymous.post(url, { all: true })).statusCode).toBe(401);

    expect((await s.coordinator.post(url, { participantIds: [] })).statusCode).toBe(400);
    expect((await s.coordinator.post(url, { participantIds: ['nope'] })).statusCode).toBe(400);
    expect((await s.coordinator.post(url, { all: false })).statusCode).toBe(400);
    expect((await s.coordinator.post(url, {})).statusCode).toBe(400);

    // Nothing was reissued: every old link still works.
    for (const p of [s.p1, s.p2, s.p3]) expect(await linkStatus(p.token)).toBe(200);
  });

  it('refuses a wave that is not open, and a wave where everyone answered', async () => {
    const s = await world();
    await ctx.admin.patch(`/api/waves/${s.wave.id}`, { status: 'closed' });
    const closed = await s.coordinator.post(`/api/waves/${s.wave.id}/relaunch`, { all: true });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('WAVE_NOT_OPEN');
    expect(await linkStatus(s.p2.token)).toBe(200);

    const solo = await openWaveSetup(ctx);
    await ctx.anonymous.post(`/api/r/${solo.participant.token}/responses`, {
      waveId: solo.wave.id,
      clientId: 'solo-0001',
      data: validAnswers,
    });
    const none = await ctx.admin.post(`/api/waves/${solo.wave.id}/relaunch`, { all: true });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('NOTHING_TO_RELAUNCH');
  });
});
