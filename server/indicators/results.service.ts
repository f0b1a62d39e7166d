// The engine's output for a caisse and a wave: every selected indicator with its value, n, missing,
// interval, change from the comparison wave (paired where possible), target status and
// disaggregations. Measures were computed at write time; here each wave's stored measures are read
// once and aggregated in one pass, and the result is cached until a response of those waves changes.
import {
  aggregateWaves,
  type ChangeResult,
  changeFromStats,
  type Disaggregation,
  DISAGGREGATION_KEYS,
  disaggregateStats,
  type IndicatorDefinition,
  type IndicatorValue,
  indicatorById,
  measurability,
  type SufficientStats,
  summarise,
  targetStatus,
} from '../../indicators/index.ts';
import type { Db } from '../db/connect.ts';
import { LruCache } from '../http/lru.ts';
import type { Wave } from '../db/schema.ts';
import { listWaves, type WaveWithLevel } from '../waves/waves.repository.ts';

import { waveFingerprint, waveRows } from './measures.repository.ts';
import type { Selection } from './selection.ts';

export type ResultStatus = 'measured' | 'not_measurable' | 'no_data' | 'too_few_respondents';

export interface IndicatorResult extends IndicatorValue {
  dimension: IndicatorDefinition['dimension'];
  objectives: string[];
  waveId: string | null;
  period: string | null;
  status: ResultStatus;
  missingQuestions: string[];
  comparisonWaveId: string | null;
  change: ChangeResult | null;
  declaredBaseline: number | null;
  target: number | null;
  targetStatus: 'met' | 'not_met' | 'unknown';
  disaggregations: Disaggregation[];
}

export interface WaveResults {
  caisseId: string;
  waveId: string;
  period: string;
  minCell: number;
  suppressionApplied: boolean;
  indicators: IndicatorResult[];
}

/** Attributes shared by a whole caisse: no use breaking a single caisse down by them. */
const CAISSE_KEYS = new Set(['territory_type', 'target_public']);

/** The wave of each level that a request for `wave` reads: itself, and the other level's wave of the same period. */
export function sourceWaves(
  all: WaveWithLevel[],
  wave: WaveWithLevel,
): Record<'participant' | 'caisse', WaveWithLevel | null> {
  const other = wave.level === 'participant' ? 'caisse' : 'participant';
  const sameP = all.filter((w) => w.level === other && w.period === wave.period);
  const pick = sameP.sort((a, b) => (a.created_at < b.created_at ? 1 : -1))[0] ?? null;
  return wave.level === 'participant'
    ? { participant: wave, caisse: pick }
    : { participant: pick, caisse: wave };
}

/** The comparison wave of a source wave: the one asked for (same level) or the level's baseline, never itself. */
function comparisonFor(
  all: WaveWithLevel[],
  source: WaveWithLevel,
  compareWaveId: string | null,
): WaveWithLevel | null {
  if (compareWaveId) {
    const asked = all.find((w) => w.id === compareWaveId);
    if (asked && asked.level === source.level && asked.id !== source.id) return asked;
    if (asked && asked.level === source.level) return null;
    // A comparison wave of the other level: use the same period's wave of this level.
    if (asked)
      return (
        all.find((w) => w.level === source.level && w.period === asked.period && w.id !== source.id) ?? null
      );
  }
  return all.find((w) => w.level === source.level && w.is_baseline === 1 && w.id !== source.id) ?? null;
}

async function questionNamesOf(db: Db, wave: Wave): Promise<Set<string>> {
  const v = await db.kysely
    .selectFrom('questionnaire_versions')
    .select('question_names')
    .where('id', '=', wave.questionnaire_version_id)
    .executeTakeFirstOrThrow();
  return new Set(JSON.parse(v.question_names) as string[]);
}

/** Every breakdown key is left out when only counts are wanted. */
const ALL_KEYS = new Set<string>(DISAGGREGATION_KEYS);

async function aggregate(
  db: Db,
  defs: IndicatorDefinition[],
  currentWaveId: string,
  baselineWaveId: string | null,
  countsOnly: boolean,
) {
  return aggregateWaves(
    defs,
    waveRows(db, currentWaveId),
    baselineWaveId ? waveRows(db, baselineWaveId) : null,
    countsOnly ? ALL_KEYS : CAISSE_KEYS,
  );
}

export interface ResultsRequest {
  caisseId: string;
  wave: WaveWithLevel;
  compareWaveId?: string | null;
  selection: Selection[];
  suppress: boolean;
  minCell: number;
  /** Values, n and missing only: no comparison wave, no breakdowns (what the gaps need). */
  countsOnly?: boolean;
}

/** Cached results, keyed by the request and the fingerprints of the waves read. */
export class ResultsCache extends LruCache<WaveResults> {
  constructor() {
    super(200);
  }
}

/** Each given indicator's statistics over a wave's current responses (those measurable in its version). */
export async function waveStats(
  db: Db,
  waveId: string,
  defs: IndicatorDefinition[],
): Promise<Map<string, SufficientStats>> {
  const acc = await aggregate(db, defs, waveId, null, true);
  return new Map([...acc].map(([id, a]) => [id, a.stats]));
}

export async function computeResults(
  db: Db,
  cache: ResultsCache | null,
  req: ResultsRequest,
): Promise<WaveResults> {
  const all = await listWaves(db.kysely, req.caisseId);
  const sources = sourceWaves(all, req.wave);
  const plan = (['participant', 'caisse'] as const).map((level) => {
    const source = sources[level];
    const comparison =
      source && !req.countsOnly ? comparisonFor(all, source, req.compareWaveId ?? null) : null;
    return { level, source, comparison };
  });
  const read = plan.flatMap((p) => [p.source, p.comparison]).filter((w): w is WaveWithLevel => w !== null);
  const fingerprints = await Promise.all(
    read.map(async (w) => `${w.id}:${await waveFingerprint(db.kysely, w.id)}`),
  );
  const key = JSON.stringify([
    req.wave.id,
    req.compareWaveId ?? null,
    req.suppress,
    req.minCell,
    req.countsOnly ?? false,
    req.selection,
    fingerprints,
  ]);
  const hit = cache?.get(key);
  if (hit) return hit;

  const results = new Map<string, IndicatorResult>();
  for (const { level, source, comparison } of plan) {
    const selected = req.selection.filter((s) => indicatorById.get(s.indicatorId)?.level === level);
    if (selected.length === 0) continue;
    const names = source ? await questionNamesOf(db, source) : new Set<string>();
    const measurable: IndicatorDefinition[] = [];
    for (const s of selected) {
      const def = indicatorById.get(s.indicatorId)!;
      const m = measurability(def, names);
      if (source && m.measurable) measurable.push(def);
      else
        results.set(
          def.id,
          emptyResult(
            def,
            s,
            source,
            m.measurable ? [] : m.missingQuestions,
            source ? 'not_measurable' : 'no_data',
          ),
        );
    }
    if (!source || measurable.length === 0) continue;
    const acc = await aggregate(db, measurable, source.id, comparison?.id ?? null, req.countsOnly ?? false);
    for (const def of measurable) {
      const s = req.selection.find((x) => x.indicatorId === def.id)!;
      const a = acc.get(def.id)!;
      const value = summarise(def, a.stats, { minCell: req.minCell, suppress: req.suppress });
      const change =
        a.baseline && a.baseline.n > 0 && comparison
          ? changeFromStats(
              def,
              { baseline: a.baseline, current: a.stats, ...(a.paired ?? {}) },
              req.minCell,
              { suppress: req.suppress },
            )
          : null;
      const status: ResultStatus =
        value.n === 0
          ? 'no_data'
          : def.level === 'participant' && value.n < req.minCell
            ? 'too_few_respondents'
            : 'measured';
      results.set(def.id, {
        ...value,
        dimension: def.dimension,
        objectives: s.objectives,
        waveId: source.id,
        period: source.period,
        status,
        missingQuestions: [],
        comparisonWaveId: comparison?.id ?? null,
        change,
        declaredBaseline: s.baseline,
        target: s.target,
        // A value on too few respondents says nothing about the target.
        targetStatus:
          value.suppressed || status !== 'measured' ? 'unknown' : targetStatus(def, value.value, s.target),
        disaggregations: [...a.groups.entries()].map(([k, groups]) =>
          disaggregateStats(def, k, groups, req.minCell),
        ),
      });
    }
  }
  const out: WaveResults = {
    caisseId: req.caisseId,
    waveId: req.wave.id,
    period: req.wave.period,
    minCell: req.minCell,
    suppressionApplied: req.suppress,
    indicators: req.selection.map((s) => results.get(s.indicatorId)!),
  };
  cache?.set(key, out);
  return out;
}

function emptyResult(
  def: IndicatorDefinition,
  s: Selection,
  source: WaveWithLevel | null,
  missingQuestions: string[],
  status: ResultStatus,
): IndicatorResult {
  return {
    indicatorId: def.id,
    kind: def.kind,
    level: def.level,
    n: 0,
    missing: 0,
    value: null,
    interval: null,
    ...(def.kind === 'distribution' ? { distribution: null } : {}),
    suppressed: false,
    dimension: def.dimension,
    objectives: s.objectives,
    waveId: source?.id ?? null,
    period: source?.period ?? null,
    status,
    missingQuestions,
    comparisonWaveId: null,
    change: null,
    declaredBaseline: s.baseline,
    target: s.target,
    targetStatus: 'unknown',
    disaggregations: [],
  };
}
