// The catalogue: every reference sheet validates, the coverage rules hold, every question name is in the surveys
// contract, and every measure gives the expected value on a realistic answer set.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DIMENSIONS,
  FIES_TABLE,
  STANDARD_OBJECTIVES,
  type Answers,
  type Measure,
  indicatorById,
  indicatorDefinitionSchema,
  indicators,
  referenceSheet,
} from '../../../indicators/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Question names and module ids from surveys/README.md, expanding `x_1`…`x_9` and `x_a`…`x_l` ranges. */
function readmeContract(): { names: Set<string>; modules: Set<string> } {
  const text = readFileSync(`${root}surveys/README.md`, 'utf8');
  const names = new Set<string>();
  const modules = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const moduleId = /^`([a-z0-9_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (moduleId) modules.add(moduleId);
    const nameCell = cells[2] ?? '';
    for (const m of nameCell.matchAll(/`([a-z0-9_]+)`…`([a-z0-9_]+)`/g)) {
      const [from, to] = [m[1]!, m[2]!];
      const num = /^(.*?)(\d+)([a-z]*)$/;
      const a = num.exec(from);
      const b = num.exec(to);
      if (a && b && a[1] === b[1] && a[3] === b[3]) {
        for (let i = Number(a[2]); i <= Number(b[2]); i++) names.add(`${a[1]}${i}${a[3]}`);
        continue;
      }
      const letter = /^(.*_)([a-z])$/;
      const la = letter.exec(from);
      const lb = letter.exec(to);
      if (la && lb && la[1] === lb[1]) {
        for (let c = la[2]!.charCodeAt(0); c <= lb[2]!.charCodeAt(0); c++)
          names.add(`${la[1]}${String.fromCharCode(c)}`);
      }
    }
    for (const m of nameCell.matchAll(/`([a-z0-9_]+)`/g)) names.add(m[1]!);
  }
  return { names, modules };
}

/** Question names per module, from the module JSON files. */
function moduleQuestions(): Map<string, { level: string; names: Set<string> }> {
  const out = new Map<string, { level: string; names: Set<string> }>();
  const dir = `${root}surveys/modules/`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const mod = JSON.parse(readFileSync(dir + file, 'utf8')) as {
      id: string;
      level: string;
      elements: unknown[];
    };
    const names = new Set<string>();
    const walk = (elements: unknown[]) => {
      for (const e of elements as { name?: string; elements?: unknown[]; templateElements?: unknown[] }[]) {
        if (e.name) names.add(e.name);
        if (e.elements) walk(e.elements);
        if (e.templateElements) walk(e.templateElements);
      }
    };
    walk(mod.elements);
    out.set(mod.id, { level: mod.level, names });
  }
  return out;
}

describe('catalogue', () => {
  it('validates every reference sheet with the zod schema', () => {
    for (const def of indicators) {
      const result = indicatorDefinitionSchema.safeParse(referenceSheet(def));
      expect(result.success, `${def.id}: ${result.error?.message}`).toBe(true);
      expect(typeof def.measure).toBe('function');
    }
  });

  it('rejects malformed sheets', () => {
    const sheet = referenceSheet(indicatorById.get('hfias_category')!);
    expect(indicatorDefinitionSchema.safeParse({ ...sheet, id: 'HFIAS-cat' }).success).toBe(false);
    expect(indicatorDefinitionSchema.safeParse({ ...sheet, categories: undefined }).success).toBe(false);
    expect(indicatorDefinitionSchema.safeParse({ ...sheet, headlineCategories: ['unknown'] }).success).toBe(
      false,
    );
    expect(indicatorDefinitionSchema.safeParse({ ...sheet, objectives: ['world_peace'] }).success).toBe(
      false,
    );
    expect(indicatorDefinitionSchema.safeParse({ ...sheet, label: { fr: 'x' } }).success).toBe(false);
    expect(indicatorDefinitionSchema.safeParse({ ...sheet, extra: 1 }).success).toBe(false);
    const ratio = referenceSheet(indicatorById.get('self_financing_share')!);
    expect(indicatorDefinitionSchema.safeParse({ ...ratio, level: 'participant' }).success).toBe(false);
    const mean = referenceSheet(indicatorById.get('hfias_score')!);
    expect(indicatorDefinitionSchema.safeParse({ ...mean, range: { min: 3, max: 3 } }).success).toBe(false);
  });

  it('has unique ids and a consistent index', () => {
    expect(new Set(indicators.map((d) => d.id)).size).toBe(indicators.length);
    for (const def of indicators) expect(indicatorById.get(def.id)).toBe(def);
  });

  it('meets the coverage rules: ≥ 24 indicators, every standard objective, ≥ 3 per dimension', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(24);
    for (const objective of STANDARD_OBJECTIVES) {
      expect(
        indicators.some((d) => d.objectives.includes(objective)),
        objective,
      ).toBe(true);
    }
    for (const dimension of DIMENSIONS) {
      expect(indicators.filter((d) => d.dimension === dimension).length, dimension).toBeGreaterThanOrEqual(3);
    }
  });

  it('includes the indicators the issue requires', () => {
    const required = [
      'hfias_category',
      'hfias_score',
      'usda6_status',
      'fies_moderate_severe',
      'fies_severe',
      'epices_precarity',
      'epices_score',
      'swemwbs_metric',
      'health_good',
      'fruit_veg_5',
      'mastery_mean',
      'loneliness_mean',
      'loneliness_share',
      'hdds_mean',
      'mddw_prevalence',
      'allocation_budget_share',
      'cotisation_distribution',
      'redistribution_share',
      'committee_participation',
      'power_to_act',
      'training_participation',
      'organic_local_spend',
      'buying_change',
      'outlets_direct_share',
      'outlets_env_share',
      'committee_attendance_rate',
      'self_financing_share',
      'volunteer_fte_share',
      'budget_per_experimenter',
      'cotisation_allocation_ratio',
    ];
    for (const id of required) expect(indicatorById.has(id), id).toBe(true);
    expect(indicatorById.get('mastery_mean')!.objectives).toContain('capacity');
    expect(indicatorById.get('fies_moderate_severe')!.kind).toBe('mean');
    expect(indicatorById.get('hfias_category')!.categories!.map((c) => c.code)).toEqual([
      'food_secure',
      'mild',
      'moderate',
      'severe',
    ]);
  });

  it('reads only question names of the surveys contract (README), from its declared modules', () => {
    const { names, modules } = readmeContract();
    expect(names.has('hfias_q9a')).toBe(true);
    expect(names.has('hdds_l')).toBe(true);
    const byModule = moduleQuestions();
    for (const def of indicators) {
      expect(modules.has(def.module), `${def.id}: module ${def.module}`).toBe(true);
      const declared = [def.module, ...(def.extraModules ?? [])];
      for (const m of declared) expect(byModule.get(m)?.level, `${def.id}: level of ${m}`).toBe(def.level);
      for (const q of def.questions) {
        expect(names.has(q), `${def.id}: ${q} not in surveys/README.md`).toBe(true);
        expect(
          declared.some((m) => byModule.get(m)?.names.has(q)),
          `${def.id}: ${q} not in modules ${declared.join(', ')}`,
        ).toBe(true);
      }
    }
  });

  it('cites a source and states the method and missing rule in both languages', () => {
    for (const def of indicators) {
      expect(def.source.length).toBeGreaterThan(20);
      expect(def.method.fr).not.toBe(def.method.en);
      expect(def.missingRule.fr).not.toBe(def.missingRule.en);
    }
    expect(indicatorById.get('committee_participation')!.method.en).toMatch(/advocacy/);
    expect(indicatorById.get('mddw_prevalence')!.missingRule.en).toMatch(/15–49/);
    expect(indicatorById.get('fies_severe')!.method.en).toMatch(/global standard/);
    expect(indicatorById.get('mastery_mean')!.method.fr).toMatch(/notre traduction/);
    expect(indicatorById.get('loneliness_share')!.method.en).toMatch(/not part of the original paper/);
  });
});

// A realistic experimenter: a single mother of 34, moderately food insecure, paying 10 EUR for 150 EUR a month.
const participant: Answers = {
  consent: true,
  respondent_sex: 'female',
  respondent_age: 34,
  household_size: 3,
  household_type: 'single_parent',
  // HFIAS: Q1 sometimes, Q2 often, Q3 sometimes, Q5 rarely → score 8, category 3 (Q3a = 2, Q7–Q9 no).
  hfias_q1: true,
  hfias_q1a: 2,
  hfias_q2: true,
  hfias_q2a: 3,
  hfias_q3: true,
  hfias_q3a: 2,
  hfias_q4: false,
  hfias_q5: true,
  hfias_q5a: 1,
  hfias_q6: false,
  hfias_q7: false,
  hfias_q8: false,
  hfias_q9: false,
  // USDA: HH3, HH4, AD1, AD2 affirmative; AD1a "1 or 2 months" is not → raw 4, low.
  usda_hh3: 'sometimes',
  usda_hh4: 'often',
  usda_ad1: true,
  usda_ad1a: 'one_or_two_months',
  usda_ad2: true,
  usda_ad3: false,
  // FIES: raw 4.
  fies_worried: true,
  fies_healthy: true,
  fies_fewfood: true,
  fies_skipped: false,
  fies_ateless: true,
  fies_runout: false,
  fies_hungry: false,
  fies_whlday: false,
  // EPICES: 75.14 + 10.06 − 11.83 + 14.80 − 9.47 − 9.47 = 69.23.
  epices_q1: true,
  epices_q2: true,
  epices_q3: false,
  epices_q4: false,
  epices_q5: true,
  epices_q6: false,
  epices_q7: false,
  epices_q8: false,
  epices_q9: true,
  epices_q10: true,
  epices_q11: false,
  // SWEMWBS raw 22 → 19.98.
  swemwbs_1: 3,
  swemwbs_2: 3,
  swemwbs_3: 2,
  swemwbs_4: 3,
  swemwbs_5: 4,
  swemwbs_6: 3,
  swemwbs_7: 4,
  health_self_rated: 'fair',
  fruit_veg_portions: 3,
  // Mastery: reversed 1, 2, 3, 5, 7 → 3 + 2 + 3 + 3 + 3 + 3 + 3 = 20.
  mastery_1: 2,
  mastery_2: 3,
  mastery_3: 2,
  mastery_4: 3,
  mastery_5: 2,
  mastery_6: 3,
  mastery_7: 2,
  loneliness_1: 2,
  loneliness_2: 2,
  loneliness_3: 3,
  // HDDS: 8 groups (no meat, eggs, fish, pulses).
  hdds_a: true,
  hdds_b: true,
  hdds_c: true,
  hdds_d: true,
  hdds_e: false,
  hdds_f: false,
  hdds_g: false,
  hdds_h: false,
  hdds_i: true,
  hdds_j: true,
  hdds_k: true,
  hdds_l: true,
  // MDD-W: 6 of 10 groups.
  mddw_1: true,
  mddw_2: false,
  mddw_3: false,
  mddw_4: true,
  mddw_5: true,
  mddw_6: false,
  mddw_7: true,
  mddw_8: false,
  mddw_9: true,
  mddw_10: true,
  food_budget_month: 400,
  allocation_month: 150,
  cotisation_month: 10,
  committee_meetings_attended: 2,
  training_activities_attended: 0,
  power_to_act: 4,
  allocation_spent_organic_local_pct: 60,
  buying_change: 'somewhat_more_sustainable',
  home_cooking: 'often',
  organic_frequency: 'rarely',
  fresh_produce_outlets: ['supermarket', 'market_farm'],
  comment: 'Merci !',
};

// A caisse's monitoring form for a six-month period (figures in the national study's ranges).
const caisse: Answers = {
  budget_total: 129_500,
  budget_cotisations: 30_000,
  budget_gifts: 17_915,
  budget_private: 36_000,
  budget_public: 45_585,
  budget_other: 0,
  fte_paid: 1,
  fte_volunteer: 1.5,
  committee_meetings: 6,
  committee_members: 12,
  committee_attendance_total: 54,
  decisions_count: 9,
  outlets_total: 10,
  outlets_producer_shops: 3,
  outlets_farm_sales: 2,
  outlets_markets: 2,
  outlets_grocery: 2,
  outlets_supermarkets: 1,
  outlets_env_criteria: 4,
  outlets_criteria: ['organic_label', 'local'],
  allocations_paid_total: 36_000,
  cotisations_received_total: 9_000,
  experimenters_active: 40,
  trainings_organised: 3,
  training_participants: 25,
};

type Case = { answers: Answers; expected: Measure | null; why?: string };
const fies4 = FIES_TABLE[4]!;

const cases: Record<string, Case[]> = {
  hfias_category: [
    { answers: participant, expected: 'moderate' },
    { answers: { ...participant, hfias_q8: true, hfias_q8a: 1 }, expected: 'severe' },
    {
      answers: { ...participant, hfias_q5: true, hfias_q5a: undefined },
      expected: null,
      why: 'frequency missing',
    },
  ],
  hfias_score: [
    { answers: participant, expected: 8 },
    { answers: { ...participant, hfias_q4: true, hfias_q4a: 3 }, expected: 11 },
  ],
  usda6_status: [
    { answers: participant, expected: 'low' },
    { answers: { ...participant, usda_ad1a: 'almost_every_month', usda_ad3: true }, expected: 'very_low' },
  ],
  usda6_food_insecure: [
    { answers: participant, expected: true },
    {
      answers: { ...participant, usda_hh3: 'never', usda_hh4: 'never', usda_ad1: false, usda_ad2: false },
      expected: false,
    },
  ],
  fies_moderate_severe: [{ answers: participant, expected: fies4.moderateOrSevere }],
  fies_severe: [{ answers: participant, expected: fies4.severe }],
  fies_raw_score: [
    { answers: participant, expected: 4, why: 'four of the eight items answered yes' },
    { answers: { ...participant, fies_worried: undefined }, expected: null, why: 'an item unanswered' },
  ],
  epices_precarity: [
    { answers: participant, expected: true },
    {
      answers: { ...participant, epices_q1: false, epices_q5: false, epices_q3: true, epices_q4: true },
      expected: false,
    },
  ],
  epices_score: [{ answers: participant, expected: 69.23 }],
  allocation_budget_share: [
    { answers: participant, expected: 0.375 },
    { answers: { ...participant, food_budget_month: 100 }, expected: 1, why: 'capped at 1' },
    { answers: { ...participant, food_budget_month: 0 }, expected: null, why: 'zero budget' },
  ],
  committee_participation: [
    { answers: participant, expected: true },
    { answers: { ...participant, committee_meetings_attended: 0 }, expected: false },
    { answers: { ...participant, committee_meetings_attended: 1.5 }, expected: null },
  ],
  power_to_act: [
    { answers: participant, expected: true },
    { answers: { ...participant, power_to_act: 3 }, expected: false },
    { answers: { ...participant, power_to_act: 6 }, expected: null },
  ],
  mastery_mean: [{ answers: participant, expected: 20 }],
  training_participation: [
    { answers: participant, expected: false },
    { answers: { ...participant, training_activities_attended: 2 }, expected: true },
  ],
  committee_attendance_rate: [
    { answers: caisse, expected: { num: 54, den: 72 } },
    { answers: { ...caisse, committee_attendance_total: 80 }, expected: null, why: 'more than seats' },
    { answers: { ...caisse, committee_meetings: 0 }, expected: null },
  ],
  decisions_per_meeting: [{ answers: caisse, expected: { num: 9, den: 6 } }],
  organic_local_spend: [
    { answers: participant, expected: 0.6 },
    { answers: { ...participant, allocation_spent_organic_local_pct: 120 }, expected: null },
  ],
  buying_change: [
    { answers: participant, expected: true },
    { answers: { ...participant, buying_change: 'no_change' }, expected: false },
  ],
  organic_consumer: [
    { answers: participant, expected: false },
    { answers: { ...participant, organic_frequency: 'always' }, expected: true },
    { answers: { ...participant, organic_frequency: 'does_not_eat' }, expected: false },
  ],
  market_farm_purchase: [
    { answers: participant, expected: true },
    { answers: { ...participant, fresh_produce_outlets: ['supermarket'] }, expected: false },
    { answers: { ...participant, fresh_produce_outlets: [] }, expected: null },
  ],
  outlets_direct_share: [
    { answers: caisse, expected: { num: 5, den: 10 } },
    { answers: { ...caisse, outlets_farm_sales: 9 }, expected: null, why: 'inconsistent form' },
  ],
  outlets_env_share: [{ answers: caisse, expected: { num: 4, den: 10 } }],
  swemwbs_metric: [{ answers: participant, expected: 19.98 }],
  health_good: [
    { answers: participant, expected: false },
    { answers: { ...participant, health_self_rated: 'very_good' }, expected: true },
  ],
  fruit_veg_5: [
    { answers: participant, expected: false },
    { answers: { ...participant, fruit_veg_portions: 5 }, expected: true },
  ],
  loneliness_mean: [{ answers: participant, expected: 7 }],
  loneliness_share: [
    { answers: participant, expected: true },
    { answers: { ...participant, loneliness_3: 1 }, expected: false },
  ],
  hdds_mean: [{ answers: participant, expected: 8 }],
  mddw_prevalence: [
    { answers: participant, expected: true },
    { answers: { ...participant, mddw_9: false, mddw_10: false }, expected: false },
    { answers: { ...participant, respondent_age: 52 }, expected: null, why: 'over 49' },
    { answers: { ...participant, respondent_sex: 'male' }, expected: null, why: 'not a woman' },
  ],
  home_cooking: [
    { answers: participant, expected: true },
    { answers: { ...participant, home_cooking: 'rarely' }, expected: false },
  ],
  cotisation_distribution: [
    { answers: participant, expected: 'up_to_20' },
    { answers: { ...participant, cotisation_month: 0 }, expected: 'zero' },
    { answers: { ...participant, cotisation_month: 20.5 }, expected: 'over_20_to_50' },
    { answers: { ...participant, cotisation_month: 100 }, expected: 'over_50_to_100' },
    { answers: { ...participant, cotisation_month: 150 }, expected: 'over_100' },
    { answers: { ...participant, cotisation_month: -1 }, expected: null },
  ],
  redistribution_share: [
    { answers: participant, expected: true },
    { answers: { ...participant, cotisation_month: 150 }, expected: false, why: 'equal is not less' },
  ],
  self_financing_share: [
    { answers: caisse, expected: { num: 47_915, den: 129_500 } },
    { answers: { ...caisse, budget_total: 0 }, expected: null },
    { answers: { ...caisse, budget_gifts: undefined }, expected: null },
  ],
  volunteer_fte_share: [
    { answers: caisse, expected: { num: 1.5, den: 2.5 } },
    { answers: { ...caisse, fte_paid: 0, fte_volunteer: 0 }, expected: null },
  ],
  budget_per_experimenter: [{ answers: caisse, expected: { num: 129_500, den: 40 } }],
  cotisation_allocation_ratio: [{ answers: caisse, expected: { num: 9_000, den: 36_000 } }],
};

describe('measures on realistic answers', () => {
  it('has a case for every indicator', () => {
    expect(Object.keys(cases).sort()).toEqual(indicators.map((d) => d.id).sort());
  });

  for (const def of indicators) {
    it(`${def.id}`, () => {
      for (const c of cases[def.id] ?? []) {
        const got = def.measure(c.answers);
        if (typeof c.expected === 'number') expect(got, c.why).toBeCloseTo(c.expected, 10);
        else expect(got, c.why).toEqual(c.expected);
      }
      // Nothing answered is missing, never a guessed value.
      expect(def.measure({})).toBeNull();
      // Strings are not numbers, "true" is not true.
      const source = def.level === 'caisse' ? caisse : participant;
      const stringified = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, String(v)]));
      if (def.questions.some((q) => typeof source[q] !== 'string'))
        expect(def.measure(stringified)).toBeNull();
    });
  }

  it('gives each indicator the measure type of its kind', () => {
    for (const def of indicators) {
      const m = def.measure(def.level === 'caisse' ? caisse : participant);
      if (m === null) continue;
      const expected = { proportion: 'boolean', mean: 'number', distribution: 'string', ratio: 'object' }[
        def.kind
      ];
      expect(typeof m, def.id).toBe(expected);
      if (def.kind === 'distribution') expect(def.categories!.map((c) => c.code)).toContain(m);
      if (def.range && typeof m === 'number') {
        expect(m).toBeGreaterThanOrEqual(def.range.min);
        expect(m).toBeLessThanOrEqual(def.range.max);
      }
    }
  });
});
