// The engine's read of a caisse's waves: every selected indicator's statistics, read in one pass over
// each wave's stored measure vectors (the wave and its comparison wave together), turned into results by
// the library (indicators/result.ts), and cached until a response of those waves changes.
import {
  aggregateWaves,
  comparisonResult,
  DISAGGREGATION_KEYS,
  emptyResult,
  type IndicatorDefinition,
  type IndicatorResult,
  indicatorById,
  indicatorResult,
  measurability,
  type SelectionEntry,
  type SufficientStats,
} from '../../indicators/index.ts';
import type { Db } from '../db/connect.ts';
import type { Wave } from '../db/schema.ts';
import { LruCache } from '../http/lru.ts';
import type { WaveWithLevel } from '../waves/index.ts';
import { questionNamesOfVersion, waveFingerprint, waveRows } from './measures.repository.ts';

export type { IndicatorResult, ResultStatus } from '../../indicators/index.ts';

export interface WaveResults {
  caisseId: string;
  waveId: string;
  period: string;
  minCell: number;
  suppressionApplied: boolean;
  indicators: IndicatorResult[];
}

/** Results of a wave, each comparison wave's own results, and the raw statistics they rest on. */
export interface ComputedResults {
  results: WaveResults;
  /** The comparison wave's own result of each indicator that has one, read in the same pass. */
  comparison: Map<string, IndicatorResult>;
  /** Each measured indicator's statistics in its source wave (pooled across caisses by the research view). */
  stats: Map<string, SufficientStats>;
}

/** Attributes shared by a whole caisse: no use breaking a single caisse down by them. */
const CAISSE_KEYS = new Set(['territory_type', 'target_public']);
/** Every breakdown key is left out when only counts are wanted. */
const ALL_KEYS = new Set<string>(DISAGGREGATION_KEYS);

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

export interface ResultsRequest {
  caisseId: string;
  wave: WaveWithLevel;
  /** Every wave of the caisse (read once by the caller). */
  waves: WaveWithLevel[];
  compareWaveId?: string | null;
  selection: SelectionEntry[];
  suppress: boolean;
  minCell: number;
  /** Values, n and missing only: no comparison wave, no breakdowns (what the gaps need). */
  countsOnly?: boolean;
}

/** Cached results, keyed by the request and the fingerprints of the waves read. */
export class ResultsCache extends LruCache<ComputedResults> {
  constructor() {
    super(200);
  }
}

export async function computeResults(
  db: Db,
  cache: ResultsCache | null,
  req: ResultsRequest,
): Promise<ComputedResults> {
  const all = req.waves;
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
  const comparisonResults = new Map<string, IndicatorResult>();
  const stats = new Map<string, SufficientStats>();
  for (const { level, source, comparison } of plan) {
    const selected = req.selection.filter((s) => indicatorById.get(s.indicatorId)?.level === level);
    if (selected.length === 0) continue;
    const names = source ? await questionNamesOfVersion(db.kysely, source as Wave) : new Set<string>();
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
    const acc = await aggregateWaves(
      measurable,
      waveRows(db, source.id),
      comparison ? waveRows(db, comparison.id) : null,
      req.countsOnly ? ALL_KEYS : CAISSE_KEYS,
    );
    const ctx = { wave: source, minCell: req.minCell, suppress: req.suppress };
    for (const def of measurable) {
      const s = req.selection.find((x) => x.indicatorId === def.id)!;
      const a = acc.get(def.id)!;
      stats.set(def.id, a.stats);
      results.set(def.id, indicatorResult(def, s, a, { ...ctx, comparisonWaveId: comparison?.id ?? null }));
      if (comparison && a.baseline && a.baseline.n > 0)
        comparisonResults.set(def.id, comparisonResult(def, s, a.baseline, { ...ctx, wave: comparison }));
    }
  }
  const out: ComputedResults = {
    results: {
      caisseId: req.caisseId,
      waveId: req.wave.id,
      period: req.wave.period,
      minCell: req.minCell,
      suppressionApplied: req.suppress,
      indicators: req.selection.map((s) => results.get(s.indicatorId)!),
    },
    comparison: comparisonResults,
    stats,
  };
  cache?.set(key, out);
  return out;
}
