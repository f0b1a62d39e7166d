// Differential test against survey-core, the reference: on handcrafted definitions (conditions,
// validators, panels, dynamic panels) and random responses, every response our validator accepts
// must also pass survey-core's validation — we are at least as strict. The reverse does not hold
// on purpose: see stricter.test.ts for the categories we refuse and survey-core accepts.
import fc from 'fast-check';
import { Model } from 'survey-core';
import { afterAll, describe, expect, it } from 'vitest';
import { completeResponse, fortyQuestions } from './fixtures/forty-questions.ts';
import { type Json, compileChecked, definition, surveyCoreErrors } from './helpers.ts';

type Shape = Record<string, fc.Arbitrary<unknown>>;

const junk = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -5, max: 200 }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.double({ noNaN: true, min: -10, max: 10 }),
);
/** Mostly good values, sometimes anything (1 in `badOdds`); absent 1 time in `absentOdds`. */
const answerWith =
  (badOdds: number, absentOdds: number) =>
  (good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown> = junk): fc.Arbitrary<unknown> =>
    fc.option(fc.oneof({ weight: badOdds - 1, arbitrary: good }, { weight: 1, arbitrary: bad }), {
      nil: undefined,
      freq: absentOdds - 1,
    });
const answer = answerWith(13, 6);
const among = (...xs: unknown[]) => fc.constantFrom(...xs);
const subset = <T>(...xs: T[]) => fc.subarray(xs);

interface Template {
  name: string;
  def: Json;
  /** Independent random answers per question… */
  shape?: Shape;
  /** …or a whole-response generator. */
  arb?: fc.Arbitrary<Json>;
  /** survey-core takes up to ~25 ms per response on the bigger definitions. */
  runs?: number;
}

/**
 * Responses to the 44-question fixture: a complete one with random HFIAS / wellbeing / profile
 * answers, then up to two mutations (a key deleted, or set to a random or plausible value).
 * Independent per-question noise would almost never give a valid 44-answer response.
 */
function fortyArb(): fc.Arbitrary<Json> {
  const keys = Object.keys(completeResponse());
  const mutation = fc.tuple(
    fc.constantFrom(
      ...keys,
      'hfias_q1a',
      'hfias_q3a',
      'usda_ad1a',
      'allocation_spent_organic_local_pct',
      'zz',
    ),
    fc.oneof(
      fc.constant(undefined),
      junk,
      among(1, 2, 3, 4, true, false, 'other', 'never', ['never'], '2012-01-01'),
    ),
  );
  return fc
    .record({
      consent: fc.oneof(
        { weight: 9, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      occurrences: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
      frequencies: fc.array(among(1, 2, 3), { minLength: 9, maxLength: 9 }),
      wellbeing: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 7, maxLength: 7 }),
      age: fc.integer({ min: 15, max: 110 }),
      usda: fc.boolean(),
      allocation: among(0, 150),
      mutations: fc.array(mutation, { maxLength: 2 }),
    })
    .map((r) => {
      if (!r.consent) return { consent: false };
      const data: Json = {
        ...completeResponse(),
        respondent_age: r.age,
        usda_ad1: r.usda,
        allocation_month: r.allocation,
      };
      r.occurrences.forEach((yes, i) => {
        data[`hfias_q${i + 1}`] = yes;
        if (yes) data[`hfias_q${i + 1}a`] = r.frequencies[i];
        else delete data[`hfias_q${i + 1}a`];
      });
      r.wellbeing.forEach((score, i) => {
        data[`swemwbs_${i + 1}`] = score;
      });
      if (!r.usda) delete data.usda_ad1a;
      if (r.allocation === 0) delete data.allocation_spent_organic_local_pct;
      for (const [key, value] of r.mutations) {
        if (value === undefined) delete data[key];
        else data[key] = value;
      }
      return data;
    });
}

const templates: Template[] = [
  { name: '44-question fixture', def: fortyQuestions, arb: fortyArb(), runs: 60 },
  {
    name: 'HFIAS-like: occurrence → frequency, ratings, numbers, requiredIf',
    def: definition([
      { type: 'boolean', name: 'q1', isRequired: true },
      { type: 'radiogroup', name: 'q1a', choices: [1, 2, 3], visibleIf: '{q1} = true', isRequired: true },
      { type: 'boolean', name: 'q2' },
      {
        type: 'radiogroup',
        name: 'q2a',
        choices: [1, 2, 3],
        visibleIf: '{q2} = true and {q1} = true',
        isRequired: true,
      },
      { type: 'rating', name: 'well', rateMin: 1, rateMax: 5, isRequired: true },
      { type: 'text', name: 'age', inputType: 'number', min: 15, max: 110, requiredIf: '{well} >= 3' },
      {
        type: 'text',
        name: 'size',
        inputType: 'number',
        validators: [{ type: 'numeric', minValue: 1, maxValue: 20 }],
      },
      { type: 'text', name: 'why', visibleIf: '{well} < 3 or {q1a} = 3', requiredIf: '{q1a} = 3' },
    ]),
    shape: {
      q1: answer(fc.boolean()),
      q1a: answer(among(1, 2, 3), among(0, 4, '1')),
      q2: answer(fc.boolean()),
      q2a: answer(among(1, 2, 3)),
      well: answer(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -2, max: 8 })),
      age: answer(fc.integer({ min: 15, max: 110 }), fc.integer({ min: 0, max: 200 })),
      size: answer(fc.integer({ min: 1, max: 20 }), fc.integer({ min: -5, max: 40 })),
      why: answer(fc.string({ maxLength: 5 })),
    },
  },
  {
    name: 'choices: other, none, min/max, choicesVisibleIf, validators',
    def: definition([
      {
        type: 'checkbox',
        name: 'shops',
        choices: ['super', 'market', 'local'],
        showNoneItem: true,
        showOtherItem: true,
        minSelectedChoices: 1,
        maxSelectedChoices: 2,
      },
      {
        type: 'dropdown',
        name: 'best',
        choices: ['super', 'market', 'local'],
        choicesVisibleIf: '{shops} contains {item}',
        visibleIf: '{shops.length} > 1',
      },
      {
        type: 'radiogroup',
        name: 'often',
        choices: ['always', 'often', 'never'],
        showOtherItem: true,
        isRequired: true,
      },
      {
        type: 'text',
        name: 'code',
        validators: [
          { type: 'regex', regex: '^[a-z]+$' },
          { type: 'text', minLength: 2, maxLength: 4 },
        ],
      },
      { type: 'text', name: 'mail', inputType: 'email', visibleIf: "{often} = 'always'" },
      {
        type: 'tagbox',
        name: 'tags',
        choices: [1, 2, 3],
        validators: [{ type: 'answercount', maxCount: 2 }],
      },
    ]),
    shape: {
      shops: answer(
        fc.oneof(
          fc.shuffledSubarray(['super', 'market', 'local'], { minLength: 1, maxLength: 2 }),
          among(['none'], ['other', 'super']),
        ),
        fc.oneof(subset('super', 'market', 'local', 'none', 'other'), among(['zz'], 'super')),
      ),
      'shops-Comment': answer(fc.string({ maxLength: 3 })),
      best: answer(among('super', 'market', 'local')),
      often: answer(among('always', 'often', 'never', 'other'), among('sometimes')),
      'often-Comment': answer(fc.string({ maxLength: 3 })),
      code: answer(fc.stringMatching(/^[a-z]{2,4}$/), fc.stringMatching(/^[a-z0-9]{0,6}$/)),
      mail: answer(among('a@b.fr', 'x@y', 'nope')),
      tags: answer(subset(1, 2, 3), among([4], ['1'])),
    },
  },
  {
    name: 'matrix, multipletext, panels, enableIf',
    def: definition([
      { type: 'boolean', name: 'more' },
      {
        type: 'matrix',
        name: 'm',
        rows: ['r1', 'r2', { value: 'r3', visibleIf: '{more} = true' }],
        columns: [1, 2, 3],
        isAllRowRequired: true,
      },
      { type: 'matrix', name: 'u', rows: ['a', 'b'], columns: ['x', 'y', 'z'], eachRowUnique: true },
      {
        type: 'multipletext',
        name: 'mt',
        items: [
          { name: 'first', isRequired: true },
          { name: 'n', inputType: 'number', validators: [{ type: 'numeric', minValue: 0, maxValue: 9 }] },
        ],
      },
      {
        type: 'panel',
        name: 'pn',
        visibleIf: '{more} = true',
        isRequired: true,
        elements: [
          { type: 'text', name: 'p1' },
          { type: 'comment', name: 'p2', enableIf: '{p1} notempty', isRequired: true },
        ],
      },
    ]),
    shape: {
      more: answer(fc.boolean()),
      m: answer(
        fc.record(
          { r1: among(1, 2, 3), r2: among(1, 2, 3), r3: among(1, 2, 3) },
          { requiredKeys: ['r1', 'r2'] },
        ),
        fc.oneof(
          fc.record({ r1: among(1, 2, 3), r2: among(1, 2, 3) }, { requiredKeys: [] }),
          among({ r1: 4 }, { zz: 1 }),
        ),
      ),
      u: answer(fc.record({ a: among('x', 'y', 'z'), b: among('x', 'y', 'z') }, { requiredKeys: [] })),
      mt: answer(
        fc.record(
          { first: among('Ana', 'Bo'), n: fc.integer({ min: 0, max: 9 }) },
          { requiredKeys: ['first'] },
        ),
        fc.record(
          { first: fc.string({ maxLength: 2 }), n: fc.integer({ min: -2, max: 12 }) },
          { requiredKeys: [] },
        ),
      ),
      p1: answer(among('x', 'yz'), fc.string({ maxLength: 3 })),
      p2: answer(among('x', 'yz'), fc.string({ maxLength: 3 })),
    },
  },
  {
    name: 'dynamic panel, expression question, page visibleIf',
    runs: 150,
    def: {
      pages: [
        { name: 'start', elements: [{ type: 'boolean', name: 'consent', isRequired: true }] },
        {
          name: 'main',
          visibleIf: '{consent} = true',
          elements: [
            {
              type: 'paneldynamic',
              name: 'kids',
              minPanelCount: 1,
              maxPanelCount: 3,
              keyName: 'name',
              templateElements: [
                { type: 'text', name: 'name', isRequired: true },
                { type: 'text', name: 'age', inputType: 'number', min: 0, max: 25 },
                {
                  type: 'radiogroup',
                  name: 'school',
                  choices: ['yes', 'no'],
                  visibleIf: '{panel.age} >= 3',
                  isRequired: true,
                },
              ],
            },
            { type: 'text', name: 'income', inputType: 'number', min: 0 },
            { type: 'text', name: 'rent', inputType: 'number', min: 0 },
            { type: 'expression', name: 'total', expression: '{income} - {rent}' },
            { type: 'text', name: 'high', visibleIf: '{total} > 1000', isRequired: true },
          ],
        },
      ],
    },
    shape: {
      consent: answer(among(true, true, true, false)),
      kids: answer(
        // Good: distinct names, ages in range, "school" only from 3 years (its visibleIf).
        fc
          .uniqueArray(
            fc.record({
              name: among('A', 'B', 'C'),
              age: fc.integer({ min: 0, max: 25 }),
              school: among('yes', 'no'),
            }),
            {
              minLength: 1,
              maxLength: 3,
              selector: (k) => k.name,
            },
          )
          .map((kids) => kids.map(({ school, ...k }) => (k.age >= 3 ? { ...k, school } : k))),
        fc.array(
          fc.record(
            {
              name: among('A', 'B', 'a'),
              age: fc.integer({ min: -1, max: 30 }),
              school: among('yes', 'no', 'maybe'),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
      ),
      income: answer(fc.integer({ min: 0, max: 5000 })),
      rent: answer(fc.integer({ min: 0, max: 5000 })),
      total: answer(fc.integer()),
      high: answer(fc.string({ maxLength: 3 })),
    },
  },
  {
    name: 'dates, custom booleans, ranking, comment',
    def: definition([
      { type: 'text', name: 'born', inputType: 'date', min: '1900-01-01', max: '2010-12-31' },
      { type: 'text', name: 'adult', visibleIf: 'age({born}) >= 18', isRequired: true },
      { type: 'boolean', name: 'yn', valueTrue: 'yes', valueFalse: 'no', isRequired: true },
      { type: 'ranking', name: 'rank', choices: ['a', 'b', 'c'], visibleIf: "{yn} = 'yes'" },
      { type: 'comment', name: 'note', maxLength: 5 },
    ]),
    shape: {
      born: answer(among('1950-06-01', '2005-01-01', '2009-12-31', '1899-12-31', '2011-01-01', '2001-02-30')),
      adult: answer(fc.string({ maxLength: 3 })),
      yn: answer(among('yes', 'no'), among(true, false)),
      rank: answer(fc.shuffledSubarray(['a', 'b', 'c'], { minLength: 3 }), among(['a'], ['a', 'a', 'b'])),
      note: answer(fc.string({ maxLength: 7 })),
    },
  },
];

/** Drops undefined keys (JSON would not carry them). */
function clean(data: Record<string, unknown>): Json {
  return JSON.parse(JSON.stringify(data)) as Json;
}

/** The same response without the values survey-core considers hidden (what its UI would send). */
function withoutHidden(model: Model, data: Json): Json {
  model.clear(true, true);
  model.data = structuredClone(data);
  const out = structuredClone(data);
  for (const q of model.getAllQuestions(false, false, false)) {
    if (!q.isVisible || !q.isParentVisible) {
      delete out[q.name];
      delete out[`${q.name}-Comment`];
    }
    const panels = (q as unknown as { panels?: { questions: { name: string; isVisible: boolean }[] }[] })
      .panels;
    const items = out[q.name];
    if (panels && Array.isArray(items)) {
      panels.forEach((panel, i) => {
        const item = items[i] as Json | undefined;
        if (item) for (const inner of panel.questions) if (!inner.isVisible) delete item[inner.name];
      });
    }
  }
  return out;
}

const stats: Record<string, { runs: number; accepted: number; surveyCoreOnly: number }> = {};

describe('differential: whatever we accept, survey-core accepts', () => {
  for (const t of templates) {
    it(t.name, () => {
      const v = compileChecked(t.def);
      const model = new Model(t.def);
      const s = { runs: 0, accepted: 0, surveyCoreOnly: 0 };
      stats[t.name] = s;
      // Raw random answers one time in five, else without the hidden values (as the UI sends).
      const dropHidden = fc.integer({ min: 0, max: 4 }).map((n) => n > 0);
      const unknownKey = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
      const answers = t.arb ?? fc.record(t.shape ?? {}, { requiredKeys: [] });
      const response = fc.tuple(answers, dropHidden, unknownKey);
      fc.assert(
        fc.property(response, ([raw, dropHidden, unknownKey]) => {
          let data = clean(raw);
          if (dropHidden) data = withoutHidden(model, data);
          if (unknownKey) data.zz_unknown = 1;
          s.runs++;
          const ours = v.validate(data);
          if (ours.ok) {
            s.accepted++;
            let theirs = surveyCoreErrors(model, data);
            // A reused Model keeps state from an earlier invalid value (a boolean once set to []
            // then reports false as missing): confirm on a fresh one.
            if (theirs.length > 0) theirs = surveyCoreErrors(new Model(t.def), data);
            expect(theirs, `accepted by us: ${JSON.stringify(data)}`).toEqual([]);
          } else if (s.runs % 4 === 0 && surveyCoreErrors(model, data).length === 0) {
            // (sampled: survey-core costs milliseconds) refused by us only: the stricter categories.
            s.surveyCoreOnly++;
            if (process.env.DIFF_DEBUG)
              console.log(
                'SCONLY',
                JSON.stringify(data),
                ours.errors.map((e) => `${e.question}:${e.code}`).join(' '),
              );
          }
        }),
        {
          numRuns: Number(process.env.FC_RUNS ?? t.runs ?? 300),
          seed: Number(process.env.FC_SEED ?? 20240601) + t.name.length,
        },
      );
      // Not vacuous: a fair share of the random responses is valid.
      expect(s.accepted).toBeGreaterThanOrEqual(15);
    }, 120_000);
  }
});

afterAll(() => {
  // Shown with --reporter=verbose: how often each side accepts.
  for (const [name, s] of Object.entries(stats)) {
    console.info(
      `${name}: ${s.runs} responses, ${s.accepted} accepted by both, ${s.surveyCoreOnly} of a 1/4 sample accepted by survey-core only`,
    );
  }
});
