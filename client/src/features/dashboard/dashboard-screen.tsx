// The caisse dashboard (members, coordinators, admins; read-only for everyone): choose a wave and a
// comparison wave, see the gap matrix (● / ○), the indicators by dimension with their charts, and
// download the evaluation report. One /results and one /gaps call per participant wave.
import './dashboard.css';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useLoad } from '../../lib/use-load.ts';
import { dashboard } from './messages.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import {
  dashboardApi,
  type Gaps,
  type Objective,
  type ReferenceSheet,
  type Results,
  type Wave,
} from './api.ts';
import { GapMatrix } from './components/gap-matrix.tsx';
import { LoadFailure } from './components/load-failure.tsx';
import { IndicatorSections } from './components/indicator-sections.tsx';
import { WaveToolbar } from './components/wave-toolbar.tsx';
import { defaultWaves, participantWaves } from './logic.ts';
import { ReportDownloads } from './components/report-downloads.tsx';
import { useSession } from '../auth/session.tsx';

interface Base {
  waves: Wave[];
  objectives: Objective[];
  library: ReferenceSheet[];
}

interface PerWave {
  results: Map<string, Results>;
  gaps: Map<string, Gaps>;
}

export default function DashboardScreen() {
  const session = useSession();
  const t = useT(dashboard);
  const { lang } = useI18n();
  const { caisseId: paramId } = useParams();
  const caisseId = paramId ?? session.caisse?.id ?? null;
  const caisseName = session.caisses.find((c) => c.id === caisseId)?.name ?? '';
  const canInternal =
    session.caisses.find((c) => c.id === caisseId)?.role === 'coordinator' || session.hasRole('admin');

  const base = useLoad(
    async (signal): Promise<Base> => {
      const [waves, objectives, library] = await Promise.all([
        dashboardApi.waves(caisseId!, signal),
        dashboardApi.objectives(caisseId!, signal),
        dashboardApi.library(signal),
      ]);
      return { waves, objectives, library };
    },
    [caisseId],
    { enabled: caisseId !== null, keep: false },
  );
  // The chosen waves: the defaults of the loaded waves until someone picks others.
  const [picked, setPicked] = useState<{ for: Base; wave: string | null; compare: string | null } | null>(
    null,
  );
  const defaults = useMemo(() => (base.data ? defaultWaves(base.data.waves) : null), [base.data]);
  const choice = picked && picked.for === base.data ? picked : defaults;
  const waveId = choice?.wave ?? null;
  const compareId = choice?.compare ?? null;
  const pick = (wave: string | null, compare: string | null) =>
    base.data && setPicked({ for: base.data, wave, compare });
  const setWaveId = (id: string) => pick(id, compareId);
  const setCompareId = (id: string | null) => pick(waveId, id);

  useEffect(() => {
    document.title = `${t('title')} · ${t('app.name')}`;
  }, [t]);

  const waves = useMemo(() => (base.data ? participantWaves(base.data.waves) : []), [base.data]);

  // One /results (the selected wave with its comparison) and one /gaps per participant wave.
  const perWaveLoad = useLoad(
    async (signal): Promise<PerWave> => {
      const all = await Promise.all(
        waves.map(async (w) => {
          const [results, gaps] = await Promise.all([
            dashboardApi.results(caisseId!, w.id, w.id === waveId ? compareId : null, signal),
            dashboardApi.gaps(caisseId!, w.id, signal),
          ]);
          return [w.id, results, gaps] as const;
        }),
      );
      return {
        results: new Map(all.map(([id, r]) => [id, r])),
        gaps: new Map(all.map(([id, , g]) => [id, g])),
      };
    },
    [caisseId, waves, waveId, compareId],
    { enabled: caisseId !== null && base.data !== undefined && waveId !== null, keep: false },
  );
  const perWave = perWaveLoad.data;
  const error = base.error ?? perWaveLoad.error;

  const sheets = useMemo(() => new Map((base.data?.library ?? []).map((s) => [s.id, s])), [base.data]);
  const indicatorLabel = (id: string) => sheets.get(id)?.label[lang] ?? id;

  if (!caisseId) {
    return (
      <div className="stack">
        <PageHeader title={t('title')} />
        <Alert tone="info">{t('noCaisse')}</Alert>
      </div>
    );
  }
  if (error)
    return <LoadFailure caisseName={caisseName} error={error} onRetry={() => void base.reload()} t={t} />;
  if (!base.data) return <PageSpinner label={t('loading')} />;
  if (waves.length === 0 || !waveId) {
    return (
      <div className="stack">
        <PageHeader title={t('title')} subtitle={caisseName} />
        <Alert tone="info">{t('noWave')}</Alert>
      </div>
    );
  }

  const wave = waves.find((w) => w.id === waveId) ?? waves.at(-1)!;
  const comparison = waves.find((w) => w.id === compareId) ?? null;
  const results = perWave?.results.get(wave.id);
  return (
    <div className="stack--lg dash">
      <PageHeader title={t('title')} subtitle={t('subtitle', { caisse: caisseName, period: wave.period })} />

      <WaveToolbar
        waves={waves}
        wave={wave}
        compareId={compareId}
        onWave={setWaveId}
        onCompare={setCompareId}
        suppressionApplied={results?.suppressionApplied ?? false}
        t={t}
      />

      {!perWave ? (
        <PageSpinner label={t('loading')} />
      ) : (
        <>
          <section className="card" aria-labelledby="dash-gaps-title">
            <h2 id="dash-gaps-title" className="card__title">
              {t('gaps.title')}
            </h2>
            <GapMatrix
              objectives={base.data.objectives}
              waves={waves}
              gapsByWave={perWave.gaps}
              selectedWaveId={wave.id}
              indicatorLabel={indicatorLabel}
              t={t}
            />
          </section>

          <IndicatorSections
            results={results}
            sheets={sheets}
            waves={waves}
            resultsByWave={perWave.results}
            comparisonPeriod={comparison?.period ?? null}
            t={t}
          />

          <ReportDownloads
            caisseId={caisseId}
            waveId={wave.id}
            compareId={compareId}
            period={wave.period}
            canInternal={canInternal}
            t={t}
          />
        </>
      )}
    </div>
  );
}
