// The server's typed-array hot loop must agree exactly with the indicator library's reference
// functions (accumulate, pairedChange, disaggregate) on any rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disaggregateStats,
  indicators,
  type Measure,
  measureAll,
  changeFromStats,
  participantAttributes,
} from '../../../indicators/index.ts';
import { accumulate, disaggregate, pairedChange } from './oracle.ts';
import { participantAnswers, seededRng, syntheticPerson } from '../../../server/demo/synthetic.ts';
import {
  aggregateWaves,
  attributeAt,
  decodeMeasures,
  encodeMeasures,
  LAYOUT,
  measureAt,
  type RowSource,
} from '../../../indicators/index.ts';
import { getStandardQuestionnaire, questionNamesOf } from '../../../surveys/index.ts';

const modules = getStandardQuestionnaire('participant-entry')!.modules;
const names = new Set(modules.flatMap((m) => questionNamesOf(m)));
const defs = indicators.filter((d) => d.level === 'participant');

function rowsFor(seed: number, count: number, dropSome: boolean) {
  const rng = seededRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const answers = participantAnswers(rng, syntheticPerson(seededRng(seed * 1000 + i)), modules, {
      followup: i % 2 === 0,
    });
    // Some respondents skip optional questions: measures become missing (null).
    if (dropSome && i % 3 === 0) delete answers.allocation_spent_organic_local_pct;
    const measures = measureAll(answers, names);
    return {
      participantId: `p${i % Math.max(1, count - 3)}-${i >= count - 3 ? 'x' : ''}${i}`,
      measures,
      attributes: participantAttributes(answers),
    };
  });
}

// Like the database's sources, one vector refilled for every row: the engine must copy what it keeps.
const source =
  (rows: ReturnType<typeof rowsFor>): RowSource =>
  async (visit) => {
    const v = new Float64Array(LAYOUT.size);
    for (const r of rows) {
      v.set(decodeMeasures(encodeMeasures(r.measures, r.attributes)));
      visit(r.participantId, v);
    }
  };

describe('measure codec', () => {
  it('round-trips every measure and attribute', () => {
    for (const r of rowsFor(3, 30, true)) {
      const v = decodeMeasures(encodeMeasures(r.measures, r.attributes));
      for (const d of indicators) {
        if (!r.measures.has(d.id)) continue;
        expect(measureAt(d, v, LAYOUT.slot.get(d.id)!)).toEqual(r.measures.get(d.id));
      }
      expect(attributeAt(v, 'household_type')).toBe(r.attributes.household_type);
      expect(attributeAt(v, 'age_band')).toBe(r.attributes.age_band);
    }
  });
});

describe('aggregateWaves', () => {
  it('matches the library on statistics, paired change and breakdowns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 60 }),
        async (seed, count) => {
          const base = rowsFor(seed, count, false);
          // The current wave: the same participants in another order, answering anew, plus newcomers.
          const cur = rowsFor(seed + 1, count, true).map((r, i) => ({
            ...r,
            participantId: base[(i * 7) % Math.max(1, count)]?.participantId ?? r.participantId,
          }));
          const dedup = [...new Map(cur.map((r) => [r.participantId, r])).values()];
          const got = await aggregateWaves(
            defs,
            source(dedup),
            source(base),
            new Set(['territory_type', 'target_public']),
          );
          for (const d of defs) {
            const g = got.get(d.id)!;
            const curM = dedup.filter((r) => r.measures.has(d.id));
            const baseM = base.filter((r) => r.measures.has(d.id));
            expect(g.stats).toEqual(
              accumulate(
                d,
                curM.map((r) => r.measures.get(d.id)!),
              ),
            );
            expect(g.baseline).toEqual(
              accumulate(
                d,
                baseM.map((r) => r.measures.get(d.id)!),
              ),
            );
            const ref = pairedChange(
              d,
              new Map(baseM.map((r) => [r.participantId, r.measures.get(d.id) as Measure | null])),
              new Map(curM.map((r) => [r.participantId, r.measures.get(d.id) as Measure | null])),
              5,
            );
            const mine = changeFromStats(d, { baseline: g.baseline!, current: g.stats, ...g.paired! }, 5);
            expect(mine.method).toBe(ref.method);
            expect(mine.n).toBe(ref.n);
            if (ref.change === null) expect(mine.change).toBeNull();
            else expect(mine.change).toBeCloseTo(ref.change, 9);
            const keys = d.disaggregations.filter((k) => k !== 'territory_type' && k !== 'target_public');
            const refGroups = disaggregate(
              d,
              curM.map((r) => ({ measure: r.measures.get(d.id) ?? null, attributes: r.attributes })),
              keys,
              5,
            );
            for (const rg of refGroups) {
              expect(disaggregateStats(d, rg.key, g.groups.get(rg.key)!, 5)).toEqual(rg);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
