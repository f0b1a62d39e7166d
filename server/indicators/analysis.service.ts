// Results and gaps of a caisse for a wave: what the dashboard, the reports and the research view read.
import { listObjectives, toObjectiveDto } from '../objectives/objectives.repository.ts';
import type { Deps } from '../http/types.ts';
import { notFound } from '../http/errors.ts';
import { findWave, listWaves, type WaveWithLevel } from '../waves/waves.repository.ts';
import { indicatorById } from '../../indicators/index.ts';
import { computeGaps, type GapInput, type Gaps } from './gaps.ts';
import { waveFingerprint } from './measures.repository.ts';
import { computeResults, type WaveResults } from './results.service.ts';
import { listSelection } from './selection.ts';

/**
 * The wave asked for (it must belong to the caisse), or by default the latest participant wave with at
 * least MIN_CELL responses (a follow-up that just opened does not hide the last analysable one), else the
 * latest with any response, else the latest wave.
 */
export async function resolveWave(
  deps: Deps,
  caisseId: string,
  waveId: string | undefined,
): Promise<WaveWithLevel | null> {
  if (waveId) {
    const w = await findWave(deps.db.kysely, waveId);
    if (!w || w.caisse_id !== caisseId) throw notFound('Vague');
    return w;
  }
  const waves = (await listWaves(deps.db.kysely, caisseId)).sort((a, b) =>
    (b.opens_at ?? b.created_at).localeCompare(a.opens_at ?? a.created_at),
  );
  const participantWaves = waves.filter((x) => x.level === 'participant');
  const counts = await Promise.all(
    participantWaves.map(async (w) => Number((await waveFingerprint(deps.db.kysely, w.id)).split('@')[0])),
  );
  const i = counts.findIndex((n) => n >= deps.config.minCell);
  const j = counts.findIndex((n) => n > 0);
  return participantWaves[i >= 0 ? i : j] ?? waves[0] ?? null;
}

export async function caisseResults(
  deps: Deps,
  caisseId: string,
  wave: WaveWithLevel,
  opts: { compareWaveId?: string | null; suppress: boolean; countsOnly?: boolean },
): Promise<WaveResults> {
  const selection = await listSelection(deps.db.kysely, caisseId);
  return computeResults(deps.db, deps.resultsCache, {
    caisseId,
    wave,
    compareWaveId: opts.compareWaveId ?? null,
    selection,
    suppress: opts.suppress,
    minCell: deps.config.minCell,
    countsOnly: opts.countsOnly ?? false,
  });
}

export interface CaisseGaps extends Gaps {
  caisseId: string;
  waveId: string | null;
  period: string | null;
  minCell: number;
}

/** Gaps rest on counts only (n per indicator), so they are computed on unsuppressed results. */
export async function caisseGaps(
  deps: Deps,
  caisseId: string,
  wave: WaveWithLevel | null,
): Promise<CaisseGaps> {
  const objectives = (await listObjectives(deps.db.kysely, caisseId)).map(toObjectiveDto);
  // Without any wave, every selected indicator is simply without data.
  const results: GapInput[] = wave
    ? (await caisseResults(deps, caisseId, wave, { suppress: false, countsOnly: true })).indicators
    : (await listSelection(deps.db.kysely, caisseId)).map((s) => ({
        indicatorId: s.indicatorId,
        objectives: s.objectives,
        status: 'no_data' as const,
        n: 0,
        dimension: indicatorById.get(s.indicatorId)!.dimension,
      }));
  return {
    caisseId,
    waveId: wave?.id ?? null,
    period: wave?.period ?? null,
    minCell: deps.config.minCell,
    ...computeGaps(objectives, results),
  };
}
