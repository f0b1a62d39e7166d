// The research view across caisses: for each objective, how many caisses set it and how many
// analyse it; dimension coverage; an indicator compared across caisses and pooled. Caisse profiles
// and counts of caisses are not personal data; indicator values are always suppressed below MIN_CELL.
import {
  displayValue,
  emptyStats,
  type IndicatorDefinition,
  type IndicatorValue,
  mergeStats,
  summarise,
  suppress,
  type ValueDisplay,
} from '../../indicators/index.ts';
import {
  DIMENSIONS,
  type Dimension,
  OBJECTIVE_LABELS,
  STANDARD_OBJECTIVES,
} from '../../indicators/taxonomy.ts';
import type { Caisse } from '../db/schema.ts';
import { filteredCaisses, globalFingerprint } from './research.repository.ts';
import type { IndicatorComparison, ResearchFilters, ResearchGaps } from './research.schema.ts';
import { LruCache } from '../http/lru.ts';
import type { Deps } from '../http/types.ts';
import { analyseWave, type CaisseGaps } from '../indicators/index.ts';

export class ResearchCache extends LruCache<unknown> {
  constructor() {
    super(100);
  }
}

async function cached<T>(deps: Deps, key: unknown[], compute: () => Promise<T>): Promise<T> {
  const k = JSON.stringify([...key, await globalFingerprint(deps.db.kysely)]);
  const hit = deps.researchCache.get(k);
  if (hit !== undefined) return hit as T;
  const v = await compute();
  deps.researchCache.set(k, v);
  return v;
}

const profileOf = (c: Caisse) => ({
  id: c.id,
  name: c.name,
  territoryType: c.territory_type,
  targetPublic: c.target_public,
  region: c.region,
  stage: c.stage,
});

export async function researchGaps(deps: Deps, filters: ResearchFilters): Promise<ResearchGaps> {
  return cached(deps, ['gaps', filters], async () => {
    const caisses = await filteredCaisses(deps.db.kysely, filters);
    const perCaisse: (ReturnType<typeof profileOf> &
      Pick<CaisseGaps, 'period' | 'objectives' | 'dimensions'>)[] = [];
    for (const c of caisses) {
      const { gaps } = await analyseWave(deps, { caisseId: c.id, audience: 'suppressed', detail: 'counts' });
      perCaisse.push({
        ...profileOf(c),
        period: gaps.period,
        objectives: gaps.objectives,
        dimensions: gaps.dimensions,
      });
    }
    const objectives = [...STANDARD_OBJECTIVES, 'custom'].map((code) => {
      const matches = (o: { code: string }) =>
        code === 'custom' ? !(STANDARD_OBJECTIVES as readonly string[]).includes(o.code) : o.code === code;
      const setters = perCaisse.filter((c) => c.objectives.some(matches));
      return {
        code,
        label:
          code === 'custom'
            ? { fr: 'Objectifs propres aux caisses', en: 'Caisses’ own objectives' }
            : OBJECTIVE_LABELS[code as keyof typeof OBJECTIVE_LABELS],
        set: setters.length,
        analysed: setters.filter((c) => c.objectives.some((o) => matches(o) && o.status === 'analysed'))
          .length,
      };
    });
    const dimensions = DIMENSIONS.map((d: Dimension) => ({
      dimension: d,
      objectiveSet: perCaisse.filter((c) => c.dimensions.some((x) => x.dimension === d && x.objectiveSet))
        .length,
      covered: perCaisse.filter((c) => c.dimensions.some((x) => x.dimension === d && x.covered)).length,
    }));
    return {
      filters,
      caisses: perCaisse.length,
      objectives,
      dimensions,
      byCaisse: perCaisse.map((c) => ({
        ...c,
        objectives: c.objectives.map((o) => ({
          code: o.code,
          label: o.label,
          status: o.status,
          reason: o.reason,
        })),
      })),
    };
  });
}

export async function researchIndicator(
  deps: Deps,
  def: IndicatorDefinition,
  filters: ResearchFilters,
): Promise<IndicatorComparison> {
  return cached(deps, ['indicator', def.id, filters], async () => {
    const opts = { minCell: deps.config.minCell, suppress: true };
    const caisses = await filteredCaisses(deps.db.kysely, filters);
    let pooled = emptyStats(def);
    const rows: (ReturnType<typeof profileOf> & {
      waveId: string | null;
      period: string | null;
      value: IndicatorValue & { display?: ValueDisplay };
    })[] = [];
    for (const c of caisses) {
      // The caisse's one analysis, of this indicator only, in its default wave.
      const analysis = await analyseWave(deps, {
        caisseId: c.id,
        audience: 'suppressed',
        detail: 'counts',
        indicators: [def.id],
      });
      const result = analysis.results?.indicators[0];
      const measured = analysis.stats.get(def.id);
      const stats = measured ?? emptyStats(def);
      pooled = mergeStats(pooled, stats);
      rows.push({
        ...profileOf(c),
        waveId: result?.waveId ?? null,
        period: result?.period ?? null,
        value: summarise(def, stats, opts),
      });
    }
    // The pooled value is shown beside the caisses: a single suppressed caisse could be recovered by
    // subtraction, so the next smallest is withheld too (complementary suppression).
    if (def.level === 'participant') {
      suppress(
        rows.map((r) => r.value.n),
        opts.minCell,
      ).forEach((reason, i) => {
        const v = rows[i]!.value;
        if (reason !== null && !v.suppressed) {
          rows[i]!.value = {
            ...v,
            value: null,
            interval: null,
            ...(def.kind === 'distribution' ? { distribution: null } : {}),
            suppressed: true,
            suppressionReason: reason,
          };
        }
      });
    }
    const shown = (v: IndicatorValue) => ({ ...v, display: displayValue(def.format, v) });
    return {
      indicatorId: def.id,
      filters,
      minCell: deps.config.minCell,
      caisses: rows.map((r) => ({ ...r, value: shown(r.value) })),
      pooled: shown(summarise(def, pooled, opts)),
    };
  });
}
