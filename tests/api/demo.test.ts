// The demo data shows what Récolte is for: the main caisse's gaps hold both ● and ○ and a dimension
// measured without an objective, its follow-up is compared with its baseline (paired), and the other
// demo caisses vary in profile, stage and objectives for the research view.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty, semester } from '../../server/demo/seed.ts';
import { createContext, type TestContext } from '../helpers/context.ts';

interface Wave {
  id: string;
  level: 'participant' | 'caisse';
  period: string;
  status: string;
  isBaseline: boolean;
  acceptingResponses: boolean;
  submitted: number;
  participants: number;
}
interface Caisse {
  id: string;
  slug: string;
  territoryType: string;
  targetPublic: string;
  stage: string;
  experimentersCount: number | null;
}
interface Gaps {
  period: string | null;
  objectives: { code: string; status: string; reason: string | null }[];
  dimensions: { dimension: string; objectiveSet: boolean; covered: boolean }[];
  analysedWithoutObjective: { indicatorId: string; dimension: string; n: number }[];
}
interface Results {
  waveId: string;
  period: string;
  indicators: {
    indicatorId: string;
    level: string;
    status: string;
    n: number;
    value: number | null;
    comparisonWaveId: string | null;
    change: { method: string; change: number | null } | null;
  }[];
}

describe('demo data', () => {
  let ctx: TestContext;
  let dataDir: string;
  let demo: NonNullable<Awaited<ReturnType<typeof seedDemoIfEmpty>>>;
  let caisses: Caisse[];
  let main: Caisse;
  let waves: Wave[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'recolte-demo-'));
    ctx = await createContext({ dataDir });
    demo = (await seedDemoIfEmpty(ctx.db, ctx.config))!;
    caisses = (await ctx.admin.get('/api/caisses')).json().items;
    main = caisses.find((c) => c.id === demo.caisseId)!;
    waves = (await ctx.admin.get(`/api/caisses/${main.id}/waves`)).json().items;
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds once, prints the four accounts and a participant link', async () => {
    expect(demo.accounts.map((a) => a.role)).toEqual(['admin', 'coordinator', 'member', 'researcher']);
    for (const a of demo.accounts)
      expect(demo.banner).toContain(
        `  ${a.role.padEnd(12)} ${a.email.padEnd(30)} mot de passe : ${a.password}`,
      );
    expect(demo.participantLink).toMatch(/\/r\/[A-Za-z0-9_-]{40,}$/);
    expect(await seedDemoIfEmpty(ctx.db, ctx.config)).toBeNull();
  });

  it('pairs participant and monitoring waves by period on the main caisse', () => {
    const [s1, s2] = [semester(-1).label, semester(0).label];
    const find = (level: string, period: string) =>
      waves.find((w) => w.level === level && w.period === period);
    const entry = find('participant', s1)!;
    const followup = find('participant', s2)!;
    const m1 = find('caisse', s1)!;
    const m2 = find('caisse', s2)!;
    expect(entry).toMatchObject({ isBaseline: true, status: 'closed', participants: 200 });
    expect(entry.submitted).toBeGreaterThan(150);
    expect(followup).toMatchObject({ isBaseline: false, status: 'open', acceptingResponses: true });
    expect(followup.submitted).toBeGreaterThan(150);
    expect(m1).toMatchObject({ isBaseline: true, status: 'closed', submitted: 1 });
    expect(m2).toMatchObject({ isBaseline: false, submitted: 1 });
    // The first wave listed is the entry baseline (what the process test reads).
    expect(waves[0]!.id).toBe(entry.id);
  });

  it('shows objectives analysed, one set but not analysed, and a dimension measured without an objective', async () => {
    const res = await ctx.admin.get(`/api/caisses/${main.id}/gaps`);
    expect(res.statusCode).toBe(200);
    const gaps = res.json() as Gaps;
    expect(gaps.period).toBe(semester(0).label);
    const status = Object.fromEntries(gaps.objectives.map((o) => [o.code, [o.status, o.reason]]));
    for (const code of ['access', 'food_insecurity', 'governance', 'capacity', 'lien_social'])
      expect(status[code]).toEqual(['analysed', null]);
    expect(status['advocacy']).toEqual(['set_not_analysed', 'no_indicator']);
    expect(gaps.analysedWithoutObjective.map((a) => a.dimension)).toContain('economy');
    expect(gaps.dimensions.find((d) => d.dimension === 'economy')).toEqual({
      dimension: 'economy',
      objectiveSet: false,
      covered: true,
    });
    // Agroecology is implied by the access objective, yet nothing measures it.
    expect(gaps.dimensions.find((d) => d.dimension === 'agroecology')).toMatchObject({
      objectiveSet: true,
      covered: false,
    });
  });

  it('measures the baseline on 150+ respondents and compares the follow-up with it, paired', async () => {
    const entry = waves.find((w) => w.level === 'participant' && w.isBaseline)!;
    const followup = waves.find((w) => w.level === 'participant' && !w.isBaseline)!;
    const base = (await ctx.admin.get(`/api/caisses/${main.id}/results?wave=${entry.id}`)).json() as Results;
    const participantLevel = base.indicators.filter((i) => i.level === 'participant');
    expect(participantLevel.length).toBeGreaterThanOrEqual(6);
    for (const i of participantLevel) {
      expect(i.status).toBe('measured');
      expect(i.n).toBeGreaterThan(150);
    }
    // By default: the latest participant wave with responses, the follow-up.
    const res = await ctx.admin.get(`/api/caisses/${main.id}/results`);
    expect(res.statusCode).toBe(200);
    const current = res.json() as Results;
    expect(current.waveId).toBe(followup.id);
    for (const i of current.indicators.filter((x) => x.level === 'participant')) {
      expect(i.status).toBe('measured');
      expect(i.n).toBeGreaterThan(150);
      expect(i.comparisonWaveId).toBe(entry.id);
      expect(i.change?.method).toBe('paired');
      expect(i.change?.change).not.toBeNull();
    }
    // Caisse-level indicators come from the monitoring form of the same period, compared with the previous one.
    for (const i of current.indicators.filter((x) => x.level === 'caisse')) {
      expect(i.status).toBe('measured');
      expect(i.change?.change).not.toBeNull();
    }
  });

  it('gives the printed participant the open follow-up to answer', async () => {
    const token = demo.participantLink.split('/r/')[1]!;
    const res = await ctx.anonymous.get(`/api/r/${token}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { waves: { period: string; submittedAt: string | null }[] };
    expect(body.waves).toEqual([expect.objectContaining({ period: semester(0).label, submittedAt: null })]);
  });

  it('creates eight more caisses, varied in profile and stage, compared by the research view', async () => {
    expect(caisses.length).toBeGreaterThanOrEqual(9);
    expect(new Set(caisses.map((c) => c.territoryType))).toEqual(new Set(['urbain', 'periurbain', 'rural']));
    expect(new Set(caisses.map((c) => c.stage))).toEqual(
      new Set(['reflexion', 'prototypage', 'demarrage', 'fonctionnement']),
    );
    expect(new Set(caisses.map((c) => c.targetPublic)).size).toBeGreaterThanOrEqual(3);
    let mixed = 0;
    for (const c of caisses) {
      const list = (await ctx.admin.get(`/api/caisses/${c.id}/waves`)).json().items as Wave[];
      if (c.stage === 'reflexion') {
        expect(list).toEqual([]);
        continue;
      }
      const entry = list.find((w) => w.level === 'participant' && w.isBaseline);
      expect(entry, c.slug).toBeDefined();
      expect(entry!.submitted, c.slug).toBeGreaterThan(0);
      if (c.id !== main.id) {
        expect(entry!.participants, c.slug).toBeGreaterThanOrEqual(20);
        expect(entry!.participants, c.slug).toBeLessThanOrEqual(120);
      }
      const gaps = (await ctx.admin.get(`/api/caisses/${c.id}/gaps`)).json() as Gaps;
      const statuses = new Set(gaps.objectives.map((o) => o.status));
      if (statuses.has('analysed') && statuses.has('set_not_analysed')) mixed++;
    }
    // Objectives set and objectives analysed differ in several caisses, not only the main one.
    expect(mixed).toBeGreaterThanOrEqual(4);
  });
});
