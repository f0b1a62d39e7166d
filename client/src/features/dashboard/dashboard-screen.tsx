// The caisse dashboard (members, coordinators, admins; read-only for everyone): choose a wave and a
// comparison wave, see the gap matrix (● / ○), the indicators by dimension with their charts, and
// download the evaluation report. One /results and one /gaps call per participant wave.
import './dashboard.css';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { dashboard } from './messages.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/field.tsx';
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
import { IndicatorCard } from './components/indicator-card.tsx';
import { byDimension, defaultWaves, participantWaves, trendSeries } from './logic.ts';
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

function errorText(err: unknown, t: ReturnType<typeof useT<keyof typeof dashboard.fr & string>>): string {
  if (err instanceof ApiError) {
    if (err.isNetwork) return t('error.network');
    if (err.status >= 500) return t('error.server');
    return err.message || t('error.load');
  }
  return t('error.load');
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

  const [base, setBase] = useState<Base | null>(null);
  const [perWave, setPerWave] = useState<PerWave | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [waveId, setWaveId] = useState<string | null>(null);
  const [compareId, setCompareId] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('title')} · ${t('app.name')}`;
  }, [t]);

  // The caisse's waves, objectives and the indicator library.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloaded on retry (attempt)
  useEffect(() => {
    if (!caisseId) return;
    const ctl = new AbortController();
    setBase(null);
    setPerWave(null);
    setError(null);
    Promise.all([
      dashboardApi.waves(caisseId, ctl.signal),
      dashboardApi.objectives(caisseId, ctl.signal),
      dashboardApi.library(ctl.signal),
    ])
      .then(([waves, objectives, library]) => {
        setBase({ waves, objectives, library });
        const d = defaultWaves(waves);
        setWaveId(d.wave);
        setCompareId(d.compare);
      })
      .catch((err) => {
        if ((err as Error)?.name !== 'AbortError') setError(err);
      });
    return () => ctl.abort();
  }, [caisseId, attempt]);

  const waves = useMemo(() => (base ? participantWaves(base.waves) : []), [base]);

  // One /results (the selected wave with its comparison) and one /gaps per participant wave.
  useEffect(() => {
    if (!caisseId || !base || !waveId) return;
    const ctl = new AbortController();
    setPerWave(null);
    Promise.all(
      waves.map(async (w) => {
        const [results, gaps] = await Promise.all([
          dashboardApi.results(caisseId, w.id, w.id === waveId ? compareId : null, ctl.signal),
          dashboardApi.gaps(caisseId, w.id, ctl.signal),
        ]);
        return [w.id, results, gaps] as const;
      }),
    )
      .then((all) => {
        setPerWave({
          results: new Map(all.map(([id, r]) => [id, r])),
          gaps: new Map(all.map(([id, , g]) => [id, g])),
        });
      })
      .catch((err) => {
        if ((err as Error)?.name !== 'AbortError') setError(err);
      });
    return () => ctl.abort();
  }, [caisseId, base, waves, waveId, compareId]);

  const sheets = useMemo(() => new Map((base?.library ?? []).map((s) => [s.id, s])), [base]);
  const indicatorLabel = (id: string) => sheets.get(id)?.label[lang] ?? id;

  if (!caisseId) {
    return (
      <div className="stack">
        <PageHeader title={t('title')} />
        <Alert tone="info">{t('noCaisse')}</Alert>
      </div>
    );
  }
  if (error) {
    return (
      <div className="stack">
        <PageHeader title={t('title')} subtitle={caisseName} />
        <Alert tone="danger" title={t('error.load')}>
          <p>{errorText(error, t)}</p>
          <Button variant="secondary" small onClick={() => setAttempt((a) => a + 1)}>
            {t('action.retry')}
          </Button>
        </Alert>
      </div>
    );
  }
  if (!base) return <PageSpinner label={t('loading')} />;
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
  const rate =
    wave.responseRate === null
      ? '—'
      : new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(
          wave.responseRate,
        );

  return (
    <div className="stack--lg dash">
      <PageHeader title={t('title')} subtitle={t('subtitle', { caisse: caisseName, period: wave.period })} />

      <div className="dash-toolbar card">
        <SelectField label={t('wave')} value={wave.id} onChange={(e) => setWaveId(e.target.value)}>
          {waves.map((w) => (
            <option key={w.id} value={w.id}>
              {w.isBaseline ? t('baselineTag', { period: w.period }) : w.period}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('compare')}
          value={compareId ?? ''}
          onChange={(e) => setCompareId(e.target.value || null)}
        >
          <option value="">{t('compareNone')}</option>
          {waves
            .filter((w) => w.id !== wave.id)
            .map((w) => (
              <option key={w.id} value={w.id}>
                {w.isBaseline ? t('baselineTag', { period: w.period }) : w.period}
              </option>
            ))}
        </SelectField>
        <p className="dash-toolbar__rate small">
          {t('respondents', { submitted: wave.submitted, participants: wave.participants, rate })}
          {results?.suppressionApplied && (
            <>
              <br />
              <span className="muted">{t('readOnly')}</span>
            </>
          )}
        </p>
      </div>

      {!perWave ? (
        <PageSpinner label={t('loading')} />
      ) : (
        <>
          <section className="card" aria-labelledby="dash-gaps-title">
            <h2 id="dash-gaps-title" className="card__title">
              {t('gaps.title')}
            </h2>
            <GapMatrix
              objectives={base.objectives}
              waves={waves}
              gapsByWave={perWave.gaps}
              selectedWaveId={wave.id}
              indicatorLabel={indicatorLabel}
              t={t}
            />
          </section>

          <section aria-labelledby="dash-indicators-title" className="stack">
            <h2 id="dash-indicators-title">{t('indicators.title')}</h2>
            {!results || results.indicators.length === 0 ? (
              <p className="muted">{t('indicators.none')}</p>
            ) : (
              byDimension(results.indicators).map(([dim, list]) => (
                <section key={dim} aria-labelledby={`dash-dim-${dim}`} className="dash-dimension">
                  <h3 id={`dash-dim-${dim}`} className={`dash-dimension__title dash-dim--${dim}`}>
                    {t(`dim.${dim}`)}
                  </h3>
                  <div className="dash-grid">
                    {list.map((r) => (
                      <IndicatorCard
                        key={r.indicatorId}
                        result={r}
                        sheet={sheets.get(r.indicatorId)}
                        minCell={results.minCell}
                        comparisonPeriod={comparison?.period ?? null}
                        trend={trendSeries(r.indicatorId, waves, perWave.results)}
                        distributions={waves.map((w) => ({
                          period: w.period,
                          result: perWave.results
                            .get(w.id)
                            ?.indicators.find((x) => x.indicatorId === r.indicatorId),
                        }))}
                        t={t}
                      />
                    ))}
                  </div>
                </section>
              ))
            )}
          </section>

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
