// The question-name contract of surveys/README.md, checked name by name and value by value.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  modules,
  moduleOfQuestion,
  questionNamesOf,
  standardQuestionnaires,
  standardQuestionnaireSchema,
  surveyModuleSchema,
} from '../../../surveys/index.ts';

const surveysDir = fileURLToPath(new URL('../../../surveys/', import.meta.url));
const range = (prefix: string, from: number, to: number, suffix = ''): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}${suffix}`);

// surveys/README.md, "Question names", in page order.
const EXPECTED_NAMES: Record<string, string[]> = {
  consent: ['consent'],
  hfias: range('hfias_q', 1, 9).flatMap((q) => [q, `${q}a`]),
  usda6: ['usda_hh3', 'usda_hh4', 'usda_ad1', 'usda_ad1a', 'usda_ad2', 'usda_ad3'],
  fies: ['worried', 'healthy', 'fewfood', 'skipped', 'ateless', 'runout', 'hungry', 'whlday'].map(
    (c) => `fies_${c}`,
  ),
  epices: range('epices_q', 1, 11),
  swemwbs: range('swemwbs_', 1, 7),
  self_rated_health: ['health_self_rated'],
  fruit_veg: ['fruit_veg_portions'],
  mastery: range('mastery_', 1, 7),
  loneliness: range('loneliness_', 1, 3),
  hdds: [...'abcdefghijkl'].map((c) => `hdds_${c}`),
  mddw: range('mddw_', 1, 10),
  profile: ['respondent_sex', 'respondent_age', 'household_size', 'household_type'],
  food_budget: ['food_budget_month', 'allocation_month', 'cotisation_month'],
  participation: ['committee_meetings_attended', 'training_activities_attended', 'power_to_act'],
  practices: [
    'allocation_spent_organic_local_pct',
    'buying_change',
    'home_cooking',
    'organic_frequency',
    'fresh_produce_outlets',
  ],
  feedback: ['comment'],
  caisse_budget: [
    'budget_total',
    'budget_cotisations',
    'budget_gifts',
    'budget_private',
    'budget_public',
    'budget_other',
  ],
  caisse_staff: ['fte_paid', 'fte_volunteer'],
  caisse_governance: [
    'committee_meetings',
    'committee_members',
    'committee_attendance_total',
    'decisions_count',
    'decisions_notes',
  ],
  caisse_outlets: [
    'outlets_total',
    'outlets_producer_shops',
    'outlets_farm_sales',
    'outlets_markets',
    'outlets_grocery',
    'outlets_supermarkets',
    'outlets_env_criteria',
    'outlets_criteria',
  ],
  caisse_flows: [
    'allocations_paid_total',
    'cotisations_received_total',
    'experimenters_active',
    'trainings_organised',
    'training_participants',
  ],
};

const CAISSE_MODULES = [
  'caisse_budget',
  'caisse_staff',
  'caisse_governance',
  'caisse_outlets',
  'caisse_flows',
];

type Question = (typeof modules)[string]['elements'][number];
const question = (name: string): Question => {
  const moduleId = moduleOfQuestion(name);
  const found = moduleId ? modules[moduleId]?.elements.find((q) => q.name === name) : undefined;
  if (!found) throw new Error(`no question ${name}`);
  return found;
};
const choiceValues = (name: string): unknown[] => (question(name).choices ?? []).map((c) => c.value);
const rateValues = (name: string): unknown[] => (question(name).rateValues ?? []).map((c) => c.value);
const HFIAS_FREQ = [1, 2, 3];
const TYPES: Record<string, string> = {};
for (const n of [
  ...EXPECTED_NAMES.hfias!.filter((n) => !n.endsWith('a')),
  'usda_ad1',
  'usda_ad2',
  'usda_ad3',
  ...EXPECTED_NAMES.fies!,
  ...EXPECTED_NAMES.epices!,
  ...EXPECTED_NAMES.hdds!,
  ...EXPECTED_NAMES.mddw!,
  'consent',
])
  TYPES[n] = 'boolean';

describe('module files', () => {
  const files = readdirSync(`${surveysDir}modules`).filter((f) => f.endsWith('.json'));

  it('are exactly the modules of the README, all registered', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(EXPECTED_NAMES).sort());
    expect(Object.keys(modules).sort()).toEqual(Object.keys(EXPECTED_NAMES).sort());
  });

  it.each(files)(
    '%s parses with surveyModuleSchema, is 2-space indented, and its id is its file name',
    (file) => {
      const text = readFileSync(`${surveysDir}modules/${file}`, 'utf8');
      const json: unknown = JSON.parse(text);
      const parsed = surveyModuleSchema.parse(json);
      expect(parsed.id).toBe(file.replace(/\.json$/, ''));
      expect(text).toBe(`${JSON.stringify(json, null, 2)}\n`);
    },
  );

  it.each(readdirSync(`${surveysDir}standard`))(
    'standard/%s parses with standardQuestionnaireSchema',
    (file) => {
      const text = readFileSync(`${surveysDir}standard/${file}`, 'utf8');
      const parsed = standardQuestionnaireSchema.parse(JSON.parse(text));
      expect(`${parsed.key}.json`).toBe(file);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    },
  );

  it('levels: caisse_* modules are caisse level, the others participant level', () => {
    for (const [id, module] of Object.entries(modules)) {
      expect(module.level, id).toBe(CAISSE_MODULES.includes(id) ? 'caisse' : 'participant');
    }
  });
});

describe('question names', () => {
  it.each(Object.entries(EXPECTED_NAMES))('%s holds exactly the README names, in order', (id, names) => {
    expect(questionNamesOf(id)).toEqual(names);
    for (const name of names) expect(moduleOfQuestion(name)).toBe(id);
  });

  it('no name is declared twice across modules', () => {
    const all = Object.keys(modules).flatMap((id) => questionNamesOf(id));
    expect(new Set(all).size).toBe(all.length);
  });

  it('unknown names and modules', () => {
    expect(moduleOfQuestion('nope')).toBeUndefined();
    expect(() => questionNamesOf('nope')).toThrow(/unknown module/);
  });
});

describe('types and values (README)', () => {
  it('boolean items', () => {
    for (const [name, type] of Object.entries(TYPES)) expect(question(name).type, name).toBe(type);
    expect(question('consent').isRequired).toBe(true);
  });

  it('HFIAS frequency follow-ups: 1, 2, 3, required, only when the occurrence is yes', () => {
    for (let n = 1; n <= 9; n++) {
      const q = question(`hfias_q${n}a`);
      expect(q.type).toBe('radiogroup');
      expect(choiceValues(`hfias_q${n}a`)).toEqual(HFIAS_FREQ);
      expect(q.visibleIf).toBe(`{hfias_q${n}} = true`);
      expect(q.isRequired).toBe(true);
    }
    expect(question('hfias_q1a').choices?.map((c) => c.text.default)).toEqual([
      'Rarement (une ou deux fois)',
      'Parfois (3 à 10 fois)',
      'Souvent (plus de 10 fois)',
    ]);
    expect(modules.hfias?.description?.default).toMatch(/4 dernières semaines/);
  });

  it('USDA six-item', () => {
    for (const n of ['usda_hh3', 'usda_hh4'])
      expect(choiceValues(n)).toEqual(['often', 'sometimes', 'never']);
    expect(choiceValues('usda_ad1a')).toEqual(['almost_every_month', 'some_months', 'one_or_two_months']);
    expect(question('usda_ad1a').visibleIf).toBe('{usda_ad1} = true');
  });

  it('FIES and EPICES keep the French wording of INSTRUMENTS.md', () => {
    expect(question('fies_worried').title.default).toBe(
      'Vous avez été inquiet(e) de ne pas avoir assez à manger ?',
    );
    expect(question('fies_whlday').title.default).toBe("Vous n'avez rien mangé de toute la journée ?");
    expect(modules.fies?.description?.default).toBe(
      "À un moment donné au cours des 12 derniers mois, vous êtes-vous trouvé(e) dans une situation où, faute d'argent ou d'autres moyens :",
    );
    expect(question('epices_q1').title.default).toBe('Rencontrez-vous parfois un travailleur social ?');
    expect(question('epices_q11').title.default).toMatch(/pour vous apporter une aide matérielle \?$/);
  });

  it('rating scales carry numeric values: SWEMWBS 1–5, mastery 1–4, loneliness 1–3, power to act 1–5', () => {
    const scales: [string[], number[]][] = [
      [EXPECTED_NAMES.swemwbs!, [1, 2, 3, 4, 5]],
      [EXPECTED_NAMES.mastery!, [1, 2, 3, 4]],
      [EXPECTED_NAMES.loneliness!, [1, 2, 3]],
      [['power_to_act'], [1, 2, 3, 4, 5]],
    ];
    for (const [names, values] of scales) {
      for (const name of names) {
        expect(question(name).type, name).toBe('rating');
        expect(rateValues(name), name).toEqual(values);
      }
    }
    expect(modules.mastery?.source).toMatch(/traduction Récolte/);
  });

  it('choice values of the other closed questions', () => {
    expect(choiceValues('health_self_rated')).toEqual(['very_good', 'good', 'fair', 'bad', 'very_bad']);
    expect(choiceValues('respondent_sex')).toEqual(['female', 'male', 'other']);
    expect(choiceValues('household_type')).toEqual([
      'single',
      'couple',
      'single_parent',
      'couple_children',
      'shared',
      'other',
    ]);
    expect(choiceValues('buying_change')).toEqual([
      'much_more_sustainable',
      'somewhat_more_sustainable',
      'no_change',
      'less_sustainable',
    ]);
    expect(choiceValues('home_cooking')).toEqual(['always', 'often', 'rarely', 'never']);
    expect(choiceValues('organic_frequency')).toEqual(['always', 'often', 'rarely', 'never', 'does_not_eat']);
    expect(question('fresh_produce_outlets').type).toBe('checkbox');
    expect(choiceValues('fresh_produce_outlets')).toEqual([
      'supermarket',
      'market_farm',
      'local_shops',
      'never',
    ]);
    expect(question('outlets_criteria').type).toBe('checkbox');
    expect(choiceValues('outlets_criteria')).toEqual([
      'organic_label',
      'sustainable_fishing',
      'local',
      'fair_price',
      'other',
    ]);
    expect(question('comment').type).toBe('comment');
    expect(question('decisions_notes').type).toBe('comment');
  });

  it('numeric questions: number input with min, max and a matching numeric validator', () => {
    const bounds: Record<string, [number, number]> = {
      fruit_veg_portions: [0, 30],
      respondent_age: [15, 110],
      household_size: [1, 20],
      allocation_spent_organic_local_pct: [0, 100],
    };
    const numeric = Object.values(modules)
      .flatMap((m) => m.elements)
      .filter((q) => q.type === 'text');
    expect(numeric.length).toBe(33);
    for (const q of numeric) {
      expect(q.inputType, q.name).toBe('number');
      expect(q.validators, q.name).toEqual([{ type: 'numeric', minValue: q.min, maxValue: q.max }]);
      expect(q.min, q.name).toBe(bounds[q.name]?.[0] ?? 0);
      if (bounds[q.name]) expect(q.max, q.name).toBe(bounds[q.name]?.[1]);
    }
    expect(question('fruit_veg_portions').description?.default).toMatch(/une portion = 80 à 100 g/i);
  });

  it('README integers carry step 1 (survey-core then refuses decimals); EUR, FTE and % accept decimals', () => {
    const integers = [
      'fruit_veg_portions',
      'respondent_age',
      'household_size',
      'committee_meetings_attended',
      'training_activities_attended',
      'committee_meetings',
      'committee_members',
      'committee_attendance_total',
      'decisions_count',
      ...EXPECTED_NAMES.caisse_outlets!.filter((n) => n !== 'outlets_criteria'),
      'experimenters_active',
      'trainings_organised',
      'training_participants',
    ];
    const numeric = Object.values(modules)
      .flatMap((m) => m.elements)
      .filter((q) => q.type === 'text');
    for (const q of numeric) expect(q.step, q.name).toBe(integers.includes(q.name) ? 1 : undefined);
  });

  it('participant instrument and budget items are required; feedback is optional', () => {
    const required = [
      'hfias',
      'usda6',
      'fies',
      'epices',
      'swemwbs',
      'self_rated_health',
      'fruit_veg',
      'mastery',
      'loneliness',
      'hdds',
      'mddw',
      'food_budget',
    ];
    for (const id of required) {
      for (const q of modules[id]?.elements ?? []) expect(q.isRequired, q.name).toBe(true);
    }
    expect(question('comment').isRequired).toBeUndefined();
  });

  it('every question, choice and page title has a French default and an English text', () => {
    for (const module of Object.values(modules)) {
      expect(module.title.default && module.title.en).toBeTruthy();
      for (const q of module.elements) {
        expect(q.title.default.length, q.name).toBeGreaterThan(0);
        expect(q.title.en.length, q.name).toBeGreaterThan(0);
        for (const c of [...(q.choices ?? []), ...(q.rateValues ?? [])]) {
          expect(c.text.default && c.text.en, `${q.name}=${c.value}`).toBeTruthy();
        }
      }
    }
  });
});

describe('standard questionnaires', () => {
  const byKey = Object.fromEntries(standardQuestionnaires.map((q) => [q.key, q]));

  it('participant-entry, participant-followup and caisse-monitoring exist with the agreed modules', () => {
    expect(byKey['participant-entry']?.modules).toEqual([
      'consent',
      'profile',
      'food_budget',
      'hfias',
      'usda6',
      'fies',
      'epices',
      'swemwbs',
      'self_rated_health',
      'fruit_veg',
      'mastery',
      'loneliness',
      'hdds',
      'mddw',
      'practices',
      'participation',
      'feedback',
    ]);
    expect(byKey['participant-followup']?.modules).toEqual([
      'consent',
      'food_budget',
      'hfias',
      'fies',
      'swemwbs',
      'self_rated_health',
      'fruit_veg',
      'mastery',
      'loneliness',
      'hdds',
      'participation',
      'practices',
      'feedback',
    ]);
    expect(byKey['caisse-monitoring']?.level).toBe('caisse');
    expect(byKey['caisse-monitoring']?.modules).toEqual(CAISSE_MODULES);
  });
});
