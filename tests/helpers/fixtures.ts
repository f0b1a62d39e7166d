// Request bodies used across API tests.
import { participantAnswers, seededRng, syntheticPerson } from '../../server/demo/synthetic.ts';
import type { TestContext } from './context.ts';

let seq = 0;

export function caisseBody(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    name: `Caisse alimentaire test ${seq}`,
    slug: `caisse-test-${seq}-${Math.random().toString(36).slice(2, 7)}`,
    region: '84',
    commune: 'Lyon',
    territoryType: 'urbain',
    targetPublic: 'universal',
    startDate: '2025-03-01',
    stage: 'fonctionnement',
    experimentersCount: 40,
    ssaCollectiveMember: true,
    patInvolvement: 'governance',
    ...overrides,
  };
}

/** A small participant questionnaire: consent first, a condition, a rating, a number range. */
export const smallDefinition = {
  pages: [
    {
      name: 'consent',
      elements: [{ type: 'boolean', name: 'consent', title: 'Consentement', isRequired: true }],
    },
    {
      name: 'main',
      visibleIf: '{consent} = true',
      elements: [
        {
          type: 'radiogroup',
          name: 'health_self_rated',
          isRequired: true,
          choices: ['very_good', 'good', 'fair', 'bad', 'very_bad'],
        },
        { type: 'boolean', name: 'hfias_q1', isRequired: true },
        {
          type: 'radiogroup',
          name: 'hfias_q1a',
          visibleIf: '{hfias_q1} = true',
          isRequired: true,
          choices: [1, 2, 3],
        },
        { type: 'rating', name: 'power_to_act', rateMin: 1, rateMax: 5 },
        {
          type: 'text',
          inputType: 'number',
          name: 'fruit_veg_portions',
          min: 0,
          max: 30,
          validators: [{ type: 'numeric', minValue: 0, maxValue: 30 }],
        },
        { type: 'comment', name: 'comment' },
      ],
    },
  ],
};

export const validAnswers = {
  consent: true,
  health_self_rated: 'good',
  hfias_q1: true,
  hfias_q1a: 2,
  power_to_act: 4,
  fruit_veg_portions: 3,
};

export async function createCaisse(ctx: TestContext, overrides: Record<string, unknown> = {}) {
  const res = await ctx.admin.post('/api/caisses', caisseBody(overrides));
  if (res.statusCode !== 201) throw new Error(`caisse: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string; name: string };
}

/** A caisse with a questionnaire, an open wave and one participant (with its token). */
export async function openWaveSetup(
  ctx: TestContext,
  opts: { definition?: unknown; waveOverrides?: Record<string, unknown> } = {},
) {
  const caisse = await createCaisse(ctx);
  const q = await ctx.admin.post(`/api/caisses/${caisse.id}/questionnaires`, {
    title: 'Suivi test',
    level: 'participant',
    definition: opts.definition ?? smallDefinition,
  });
  if (q.statusCode !== 201) throw new Error(`questionnaire: ${q.statusCode} ${q.body}`);
  const w = await ctx.admin.post(`/api/caisses/${caisse.id}/waves`, {
    questionnaireVersionId: q.json().versionId,
    period: '2026-T1',
    status: 'open',
    isBaseline: true,
    ...opts.waveOverrides,
  });
  if (w.statusCode !== 201) throw new Error(`wave: ${w.statusCode} ${w.body}`);
  const p = await ctx.admin.post(`/api/caisses/${caisse.id}/participants`, {
    code: 'P001',
    attributes: { householdSize: 2 },
  });
  if (p.statusCode !== 201) throw new Error(`participant: ${p.statusCode} ${p.body}`);
  return {
    caisse,
    questionnaire: q.json() as { id: string; versionId: string },
    wave: w.json() as { id: string },
    participant: p.json() as { id: string; token: string; code: string },
  };
}

/** An open wave of the caisse for a questionnaire version. */
export async function openWave(
  ctx: TestContext,
  caisseId: string,
  versionId: string,
  period: string,
  isBaseline = false,
) {
  const w = await ctx.admin.post(`/api/caisses/${caisseId}/waves`, {
    questionnaireVersionId: versionId,
    period,
    status: 'open',
    isBaseline,
  });
  if (w.statusCode !== 201) throw new Error(`wave: ${w.statusCode} ${w.body}`);
  return w.json() as { id: string };
}

/** Every participant answers the wave through their link, with synthetic answers for the given modules. */
export async function answerAll(
  ctx: TestContext,
  tokens: string[],
  waveId: string,
  modules: readonly string[],
  seed: number,
  improvement = 0,
) {
  const rng = seededRng(seed);
  for (const [i, token] of tokens.entries()) {
    const person = syntheticPerson(seededRng(i + 1));
    const data = participantAnswers(rng, person, ['consent', ...modules], {
      improvement,
      followup: improvement > 0,
    });
    const res = await ctx.anonymous.post(`/api/r/${token}/responses`, {
      waveId,
      clientId: `sub-${seed}-${i}-xxxx`,
      data,
    });
    if (res.statusCode !== 200) throw new Error(`submission: ${res.statusCode} ${res.body}`);
  }
}
