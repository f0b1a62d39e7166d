// /caisses/:caisseId/vagues — the caisse's waves: create one (a questionnaire version, a period,
// dates, the baseline flag), open and close them, the response rate of each (submitted /
// participants) refreshed every 10 s while the page is visible, and the exports of the responses
// (CSV, CSV for Excel, XLSX, codebook) for coordinators; on an open participant wave, its reminders
// (non-respondents and the relaunch sheet).
import '../../styles/coordinator.css';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { coordinator } from '../../i18n/coordinator.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useLoad } from '../../lib/use-load.ts';
import { questionnairesApi } from '../questionnaires/api.ts';
import { type Wave, wavesApi } from './api.ts';
import { CreateWave } from './components/create-wave.tsx';
import { RemindersPanel } from './components/reminders-panel.tsx';
import { WavesTable } from './components/waves-table.tsx';
import { useSession } from '../auth/session.tsx';

const REFRESH_MS = 10_000;

export default function WavesScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const isCoordinator = session.caisses.some((c) => c.id === caisseId && c.role === 'coordinator');
  const canEdit = isCoordinator || session.hasRole('admin');
  const waves = useLoad((signal) => wavesApi.list(caisseId, signal), [caisseId]);
  const questionnaires = useLoad((signal) => questionnairesApi.list(caisseId, signal), [caisseId]);
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busyWave, setBusyWave] = useState<string | null>(null);
  const [remindWaveId, setRemindWaveId] = useState<string | null>(null);

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

  if (waves.error) return <Alert tone="danger">{errorMessage(waves.error, lang)}</Alert>;
  if (!waves.data) return <PageSpinner label={t('state.loading')} />;
  const list = waves.data;
  const qs = questionnaires.data ?? [];
  const titleOf = new Map(qs.map((q) => [q.id, q.title]));
  const remindWave = canEdit ? list.find((w) => w.id === remindWaveId) : undefined;

  async function setWaveStatus(w: Wave, next: Wave['status']) {
    setBusyWave(w.id);
    setStatus(null);
    try {
      await wavesApi.update(w.id, { status: next });
      await reload();
    } catch (err) {
      setStatus({ tone: 'danger', text: errorMessage(err, lang) });
    } finally {
      setBusyWave(null);
    }
  }

  return (
    <div className="c-screen stack--lg">
      <PageHeader title={t('waves.title')} subtitle={t('waves.subtitle')} />
      {!canEdit && <Alert tone="info">{t('common.readOnly')}</Alert>}
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <section className="stack--sm">
        <WavesTable
          caisseId={caisseId}
          waves={list}
          titleOf={titleOf}
          canEdit={canEdit}
          isCoordinator={isCoordinator}
          busyWave={busyWave}
          onStatus={(w, next) => void setWaveStatus(w, next)}
          onRemind={(w) => setRemindWaveId(w.id)}
        />
        <p className="muted small">{t('waves.live')}</p>
      </section>
      {remindWave && (
        <RemindersPanel key={remindWave.id} wave={remindWave} onClose={() => setRemindWaveId(null)} />
      )}
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
