// /caisses/:caisseId/vagues — the caisse's waves: create one (a questionnaire version, a period,
// dates, the baseline flag), open and close them, the response rate of each (submitted /
// participants) refreshed every 10 s while the page is visible, and the exports of the responses
// (CSV, CSV for Excel, XLSX, codebook) for coordinators.
import '../../styles/coordinator.css';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { coordinator } from '../../i18n/coordinator.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button, ButtonAnchor } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { Table } from '../../ui/table.tsx';
import { coordinatorApi, errorMessage, exportUrls, useLoad, type Wave } from '../../lib/coordinator.ts';
import { useSession } from '../auth/session.tsx';

const REFRESH_MS = 10_000;

export default function WavesScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const isCoordinator = session.caisses.some((c) => c.id === caisseId && c.role === 'coordinator');
  const canEdit = isCoordinator || session.hasRole('admin');
  const waves = useLoad(() => coordinatorApi.waves(caisseId), [caisseId]);
  const questionnaires = useLoad(() => coordinatorApi.questionnaires(caisseId), [caisseId]);
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busyWave, setBusyWave] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('waves.title')} · ${t('app.name')}`;
  }, [t]);

  // Live response rates: poll while the page is visible, and at once when it becomes visible again.
  const { reload } = waves;
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    const timer = setInterval(tick, REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [reload]);

  if (waves.state.kind === 'loading') return <PageSpinner label={t('state.loading')} />;
  if (waves.state.kind === 'error')
    return <Alert tone="danger">{errorMessage(waves.state.error, lang)}</Alert>;
  const list = waves.state.data;
  const qs = questionnaires.state.kind === 'ready' ? questionnaires.state.data : [];
  const titleOf = new Map(qs.map((q) => [q.id, q.title]));

  async function setWaveStatus(w: Wave, next: Wave['status']) {
    setBusyWave(w.id);
    setStatus(null);
    try {
      await coordinatorApi.updateWave(w.id, { status: next });
      await reload();
    } catch (err) {
      setStatus({ tone: 'danger', text: errorMessage(err, lang) });
    } finally {
      setBusyWave(null);
    }
  }

  const rate = (w: Wave) =>
    t('waves.rate', {
      submitted: w.submitted,
      participants: w.participants,
      rate:
        w.responseRate === null
          ? t('common.none')
          : formatNumber(w.responseRate, lang, { style: 'percent', maximumFractionDigits: 0 }),
    });

  return (
    <div className="c-screen stack--lg">
      <PageHeader title={t('waves.title')} subtitle={t('waves.subtitle')} />
      {!canEdit && <Alert tone="info">{t('common.readOnly')}</Alert>}
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <section className="stack--sm">
        <Table
          caption={t('waves.title')}
          hideCaption
          rows={list}
          rowKey={(w) => w.id}
          empty={t('waves.empty')}
          columns={[
            {
              key: 'period',
              header: t('waves.colPeriod'),
              render: (w) => (
                <span className="cluster" style={{ gap: 'var(--space-2)' }}>
                  <strong>{w.period}</strong>
                  {w.isBaseline && <Badge tone="info">{t('waves.baselineBadge')}</Badge>}
                </span>
              ),
            },
            {
              key: 'questionnaire',
              header: t('waves.colQuestionnaire'),
              render: (w) => titleOf.get(w.questionnaireId) ?? t(`questionnaires.level.${w.level}`),
            },
            {
              key: 'dates',
              header: t('waves.colDates'),
              render: (w) =>
                [
                  w.opensAt && t('waves.from', { date: formatDate(w.opensAt, lang) }),
                  w.closesAt && t('waves.to', { date: formatDate(w.closesAt, lang) }),
                ]
                  .filter(Boolean)
                  .join(' ') || t('common.none'),
            },
            {
              key: 'status',
              header: t('waves.colStatus'),
              render: (w) => (
                <Badge tone={w.status === 'open' ? 'success' : w.status === 'closed' ? 'neutral' : 'warning'}>
                  {t(`waves.status.${w.status}`)}
                </Badge>
              ),
            },
            {
              key: 'rate',
              header: t('waves.colRate'),
              numeric: true,
              render: (w) => <span data-testid={`rate-${w.id}`}>{rate(w)}</span>,
            },
            ...(canEdit
              ? [
                  {
                    key: 'actions',
                    header: t('waves.colActions'),
                    render: (w: Wave) => (
                      <div className="stack--sm">
                        <div className="c-actions" style={{ gap: 'var(--space-2)' }}>
                          {w.status !== 'open' && (
                            <Button
                              small
                              busy={busyWave === w.id}
                              onClick={() => void setWaveStatus(w, 'open')}
                            >
                              {w.status === 'closed' ? t('waves.reopen') : t('waves.open')}
                            </Button>
                          )}
                          {w.status === 'open' && (
                            <Button
                              small
                              variant="secondary"
                              busy={busyWave === w.id}
                              onClick={() => void setWaveStatus(w, 'closed')}
                            >
                              {t('waves.close')}
                            </Button>
                          )}
                        </div>
                        {isCoordinator && (
                          <div className="c-actions small" style={{ gap: 'var(--space-1)' }}>
                            <span className="muted">{t('waves.exports')} :</span>
                            {(
                              [
                                ['csv', t('waves.csv')],
                                ['csvExcel', t('waves.csvExcel')],
                                ['xlsx', t('waves.xlsx')],
                                ['codebook', t('waves.codebook')],
                              ] as const
                            ).map(([k, label]) => (
                              <ButtonAnchor
                                key={k}
                                variant="ghost"
                                small
                                href={exportUrls[k](caisseId, w.id)}
                                download
                              >
                                <Icon name="download" size={16} />
                                {label}
                              </ButtonAnchor>
                            ))}
                          </div>
                        )}
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <p className="muted small">{t('waves.live')}</p>
      </section>
      {canEdit && (
        <CreateWave
          caisseId={caisseId}
          versions={qs.map((q) => ({
            id: q.latestVersionId,
            label: t('waves.versionOption', { title: q.title, version: q.latestVersion }),
            preferred: q.origin === 'assembled' && q.level === 'participant',
            standard: q.origin === 'standard',
          }))}
          onCreated={(w) => {
            setStatus({ tone: 'success', text: t('waves.created', { period: w.period }) });
            void reload();
          }}
        />
      )}
    </div>
  );
}

function CreateWave({
  caisseId,
  versions,
  onCreated,
}: {
  caisseId: string;
  versions: { id: string; label: string; preferred: boolean; standard: boolean }[];
  onCreated: (w: Wave) => void;
}) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const preferred = versions.find((v) => v.preferred)?.id ?? versions[0]?.id ?? '';
  const [versionId, setVersionId] = useState('');
  const [period, setPeriod] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [isBaseline, setIsBaseline] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; fields: Record<string, string> } | null>(null);
  const chosen = versionId || preferred;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const w = await coordinatorApi.createWave(caisseId, {
        questionnaireVersionId: chosen,
        period: period.trim(),
        opensAt: opensAt || null,
        closesAt: closesAt || null,
        isBaseline,
      });
      setPeriod('');
      setOpensAt('');
      setClosesAt('');
      setIsBaseline(false);
      onCreated(w);
    } catch (err) {
      const details = (err as { details?: unknown }).details;
      const fields: Record<string, string> = {};
      if (Array.isArray(details))
        for (const d of details as { path?: string; message?: string }[])
          fields[(d.path ?? '').replace(/^body\/?/, '').split('/')[0] || '_'] = d.message ?? '';
      setError({ text: errorMessage(err, lang), fields });
    } finally {
      setBusy(false);
    }
  }

  const sorted = [...versions].sort(
    (a, b) => Number(b.preferred) - Number(a.preferred) || Number(a.standard) - Number(b.standard),
  );
  return (
    <Card title={t('waves.create')}>
      {versions.length === 0 ? (
        <Alert tone="warning">{t('waves.noVersion')}</Alert>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <div className="c-form-grid">
            <SelectField
              label={t('waves.version')}
              value={chosen}
              onChange={(e) => setVersionId(e.target.value)}
              error={error?.fields.questionnaireVersionId}
            >
              {sorted.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('waves.period')}
              hint={t('waves.periodHint')}
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              error={error?.fields.period}
              required
            />
            <TextField
              label={t('waves.opensAt')}
              type="date"
              value={opensAt}
              onChange={(e) => setOpensAt(e.target.value)}
              error={error?.fields.opensAt}
            />
            <TextField
              label={t('waves.closesAt')}
              type="date"
              value={closesAt}
              onChange={(e) => setClosesAt(e.target.value)}
              error={error?.fields.closesAt}
            />
          </div>
          <label className="c-check">
            <input type="checkbox" checked={isBaseline} onChange={(e) => setIsBaseline(e.target.checked)} />
            <span>{t('waves.baseline')}</span>
          </label>
          {error && <Alert tone="danger">{error.text}</Alert>}
          <div className="c-actions">
            <Button type="submit" busy={busy} disabled={!period.trim() || !chosen}>
              {t('waves.createSubmit')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
