// The gap between objectives set and objectives analysed (the study's ● / ○), from a wave's results.
import type { IndicatorResult, ResultStatus } from './result.ts';
import { DIMENSIONS, type Dimension } from './taxonomy.ts';

/** An objective the caisse declared (standard or its own), with the dimensions it is linked to. */
export interface DeclaredObjective {
  code: string;
  label: string;
  labelEn: string | null;
  dimensions: Dimension[];
}

export type GapReason = 'no_indicator' | 'no_data' | 'too_few_respondents' | 'not_measurable';

export interface ObjectiveGap {
  code: string;
  label: string;
  labelEn: string | null;
  dimensions: Dimension[];
  status: 'analysed' | 'set_not_analysed';
  reason: GapReason | null;
  indicators: { indicatorId: string; status: ResultStatus; n: number }[];
}

export interface Gaps {
  objectives: ObjectiveGap[];
  dimensions: { dimension: Dimension; objectiveSet: boolean; covered: boolean }[];
  analysedWithoutObjective: { indicatorId: string; dimension: Dimension; n: number }[];
}

/**
 * An indicator analyses its objectives when it was measured in the wave with n ≥ MIN_CELL respondents
 * (status `measured`; caisse-level indicators rest on the monitoring form, one per period).
 */
const analysed = (r: GapInput) => r.status === 'measured';
// When nothing linked is analysed, the reason that says most: some data but too little, then none, then not askable.
const REASON_ORDER = ['too_few_respondents', 'no_data', 'not_measurable'] as const;

/** What the gaps need of each selected indicator's result. */
export type GapInput = Pick<IndicatorResult, 'indicatorId' | 'objectives' | 'status' | 'n' | 'dimension'>;

export function computeGaps(objectives: readonly DeclaredObjective[], results: GapInput[]): Gaps {
  const gaps: ObjectiveGap[] = objectives.map((o) => {
    const linked = results.filter((r) => r.objectives.includes(o.code));
    const isAnalysed = linked.some(analysed);
    const reasons = new Set(linked.map((r) => r.status));
    const reason: GapReason | null = isAnalysed
      ? null
      : linked.length === 0
        ? 'no_indicator'
        : (REASON_ORDER.find((r) => reasons.has(r)) ?? 'no_data');
    return {
      code: o.code,
      label: o.label,
      labelEn: o.labelEn,
      dimensions: o.dimensions,
      status: isAnalysed ? 'analysed' : 'set_not_analysed',
      reason,
      indicators: linked.map((r) => ({ indicatorId: r.indicatorId, status: r.status, n: r.n })),
    };
  });
  const declared = new Set(objectives.flatMap((o) => o.dimensions));
  return {
    objectives: gaps,
    dimensions: DIMENSIONS.map((d) => ({
      dimension: d,
      objectiveSet: declared.has(d),
      covered: results.some((r) => r.dimension === d && analysed(r)),
    })),
    analysedWithoutObjective: results
      .filter((r) => analysed(r) && !declared.has(r.dimension))
      .map((r) => ({ indicatorId: r.indicatorId, dimension: r.dimension, n: r.n })),
  };
}
