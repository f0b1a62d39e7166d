// The one analysis of a caisse's wave: the adapter between the database and the indicator library. It
// reads the caisse's waves, objectives and selection once, each wave's stored measures once (the wave
// and its comparison wave in one pass), and returns one typed analysis — results with intervals, change,
// targets, breakdowns, suppression and display strings, the comparison wave's own values, the gaps, the
// economy accounts and the response counts — that the dashboard, gap, report and research routes all
// consume. No consumer aggregates again.
import {
  computeGaps,
  emptyResult,
  type DeclaredObjective,
  type Gaps,
  type IndicatorResult,
  indicatorById,
  indicators,
  type MonitoringAccounts,
  monitoringAccounts,
  type SelectionEntry,
  type SufficientStats,
} from '../../indicators/index.ts';
import { findCaisse } from '../caisses/index.ts';
import type { Deps } from '../http/types.ts';
import { notFound } from '../http/errors.ts';
import { listObjectives, toObjectiveDto } from '../objectives/index.ts';
import { countParticipants, listWaves, type WaveWithLevel } from '../waves/index.ts';
import { currentCounts, latestFormAnswers } from './measures.repository.ts';
import { computeResults, sourceWaves, type WaveResults } from './results.service.ts';
import { listSelection } from './selection.ts';

/** Who reads: the caisse's coordinators see small cells; everyone else gets them suppressed. */
export type AnalysisAudience = 'coordinator' | 'suppressed';

export interface AnalyseRequest {
  caisseId: string;
  /** The wave asked for (it must belong to the caisse: 404 otherwise), or by default the latest analysable. */
  waveId?: string | null;
  /** The comparison wave asked for; by default each level's baseline wave. */
  compareWith?: string | null;
  audience: AnalysisAudience;
  /**
   * `full` (default): comparison, breakdowns, economy accounts. `counts`: values, n and missing only (what the
   * gaps need). `indicators`: these catalogue indicators instead of the caisse's selection (research view).
   */
  detail?: 'full' | 'counts';
  indicators?: string[];
}

export interface WaveCount {
  wave: WaveWithLevel;
  submitted: number;
  expected: number;
}

export interface CaisseGaps extends Gaps {
  caisseId: string;
  waveId: string | null;
  period: string | null;
  minCell: number;
}

export interface WaveAnalysis {
  caisseId: string;
  minCell: number;
  suppressionApplied: boolean;
  /** The wave analysed (null: the caisse has no wave). */
  wave: WaveWithLevel | null;
  /** Every wave of the caisse with its response count and expected count (1 for a monitoring form). */
  waves: WaveCount[];
  /** The selected indicators (or those asked for), null without a wave. */
  results: WaveResults | null;
  /** The comparison wave's own result of each indicator that has a change. */
  comparison: Map<string, IndicatorResult>;
  /** Statistics each measured indicator rests on, in its source wave. */
  stats: Map<string, SufficientStats>;
  gaps: CaisseGaps;
  /** The period's monitoring form: its accounts and every economy indicator of the catalogue on it. */
  economy: {
    period: string;
    accounts: MonitoringAccounts | null;
    indicators: Map<string, IndicatorResult>;
  } | null;
}

/**
 * The wave asked for, or by default the latest participant wave with at least MIN_CELL responses (a
 * follow-up that just opened does not hide the last analysable one), else the latest with any response,
 * else the latest wave.
 */
function pickWave(
  waves: WaveCount[],
  waveId: string | null | undefined,
  minCell: number,
): WaveWithLevel | null {
  if (waveId) {
    const w = waves.find((x) => x.wave.id === waveId);
    if (!w) throw notFound('Vague');
    return w.wave;
  }
  const sorted = [...waves].sort((a, b) =>
    (b.wave.opens_at ?? b.wave.created_at).localeCompare(a.wave.opens_at ?? a.wave.created_at),
  );
  const participant = sorted.filter((x) => x.wave.level === 'participant');
  return (
    (participant.find((x) => x.submitted >= minCell) ?? participant.find((x) => x.submitted > 0))?.wave ??
    sorted[0]?.wave ??
    null
  );
}

const ECONOMY_ACCOUNTS = indicators.filter((d) => d.dimension === 'economy' && d.level === 'caisse');

/** An indicator read for its own sake: no objective, baseline or target. */
const bare = (indicatorId: string): SelectionEntry => ({
  indicatorId,
  objectives: [],
  baseline: null,
  target: null,
});

export async function analyseWave(deps: Deps, req: AnalyseRequest): Promise<WaveAnalysis> {
  const k = deps.db.kysely;
  const { minCell } = deps.config;
  const suppress = req.audience !== 'coordinator';
  const detail = req.detail ?? 'full';
  const [all, participants, objectiveRows, chosen] = await Promise.all([
    listWaves(k, req.caisseId),
    countParticipants(k, req.caisseId),
    // The research view asks for given indicators: no objectives, no selection to read.
    req.indicators ? Promise.resolve([]) : listObjectives(k, req.caisseId),
    req.indicators ? Promise.resolve(req.indicators.map(bare)) : listSelection(k, req.caisseId),
  ]);
  const counts = await currentCounts(
    k,
    all.map((w) => w.id),
  );
  const waves: WaveCount[] = all.map((w) => ({
    wave: w,
    submitted: counts.get(w.id) ?? 0,
    expected: w.level === 'caisse' ? 1 : participants,
  }));
  const wave = pickWave(waves, req.waveId, minCell);
  const selection: SelectionEntry[] = chosen.map((s) => ({
    indicatorId: s.indicatorId,
    objectives: s.objectives,
    baseline: s.baseline,
    target: s.target,
  }));
  // The economy accounts are read with the selection, in the same pass over the monitoring form's wave.
  const withEconomy =
    detail === 'full' && !req.indicators
      ? [
          ...selection,
          ...ECONOMY_ACCOUNTS.filter((d) => !selection.some((s) => s.indicatorId === d.id)).map((d) =>
            bare(d.id),
          ),
        ]
      : selection;

  const computed = wave
    ? await computeResults(deps.db, deps.resultsCache, {
        caisseId: req.caisseId,
        wave,
        waves: all,
        compareWaveId: req.compareWith ?? null,
        selection: withEconomy,
        suppress,
        minCell,
        countsOnly: detail === 'counts',
      })
    : null;
  const byId = new Map(computed?.results.indicators.map((r) => [r.indicatorId, r]));
  // Without any wave, every indicator is simply without data.
  const selected = selection.map(
    (s) => byId.get(s.indicatorId) ?? emptyResult(indicatorById.get(s.indicatorId)!, s, null, [], 'no_data'),
  );
  // Gaps rest on each indicator's status and n, which suppression leaves as they are.
  const objectives: DeclaredObjective[] = objectiveRows.map(toObjectiveDto);
  const gaps: CaisseGaps = {
    caisseId: req.caisseId,
    waveId: wave?.id ?? null,
    period: wave?.period ?? null,
    minCell,
    ...computeGaps(objectives, selected),
  };

  let economy: WaveAnalysis['economy'] = null;
  if (wave && computed && withEconomy !== selection) {
    const formWave = sourceWaves(all, wave).caisse;
    const answers = formWave ? await latestFormAnswers(k, formWave.id) : null;
    economy = {
      period: formWave?.period ?? wave.period,
      accounts: answers ? monitoringAccounts(answers) : null,
      indicators: new Map(ECONOMY_ACCOUNTS.map((d) => [d.id, byId.get(d.id)!])),
    };
  }

  return {
    caisseId: req.caisseId,
    minCell,
    suppressionApplied: suppress,
    wave,
    waves,
    results: computed ? { ...computed.results, indicators: selected } : null,
    comparison: computed?.comparison ?? new Map(),
    stats: computed?.stats ?? new Map(),
    gaps,
    economy,
  };
}

/** The gap matrix of a caisse for a wave (404 for an unknown caisse, even without waves). */
export async function caisseGaps(deps: Deps, caisseId: string, waveId?: string): Promise<CaisseGaps> {
  if (!(await findCaisse(deps.db.kysely, caisseId))) throw notFound('Caisse');
  return (await analyseWave(deps, { caisseId, waveId, audience: 'suppressed', detail: 'counts' })).gaps;
}
