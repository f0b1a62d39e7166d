// /caisses/:caisseId/objectifs — the caisse's objectives: the study's standard ones (ticked, with
// the default dimension map pre-filled) and its own (code, label, dimensions), each with a priority
// and a description; saved at once with PUT /api/caisses/:id/objectives.
import '../../styles/coordinator.css';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { coordinator } from '../../i18n/coordinator.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ButtonLink } from '../../ui/button-link.tsx';
import { Card } from '../../ui/card.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { isStandardObjective, OBJECTIVE_LABELS } from '../../../../indicators/taxonomy.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useLoad } from '../../lib/use-load.ts';
import { objectivesApi } from './api.ts';
import { CustomObjectives } from './components/custom-objectives.tsx';
import { ObjectiveDetails } from './components/objective-details.tsx';
import { newCustomRow, type Row, rowsFrom, rowsToInput } from './rows.ts';
import { useSession } from '../auth/session.tsx';

export default function ObjectivesScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const canEdit = session.canCoordinate(caisseId);
  const { data, error } = useLoad((signal) => objectivesApi.list(caisseId, signal), [caisseId]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string; list?: string[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (data) setRows(rowsFrom(data));
  }, [data]);
  useEffect(() => {
    document.title = `${t('objectives.title')} · ${t('app.name')}`;
  }, [t]);

  if (error) return <Alert tone="danger">{errorMessage(error, lang)}</Alert>;
  if (!data || !rows) return <PageSpinner label={t('state.loading')} />;
  const all = rows!;
  const change = (key: string, patch: Partial<Row>) => {
    setRows(all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setStatus(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = all.filter((r) => r.selected && r.dimensions.length === 0);
    if (missing.length > 0) {
      setStatus({
        tone: 'danger',
        text: t('objectives.noDimension'),
        list: missing.map((r) => r.code || r.label),
      });
      return;
    }
    setBusy(true);
    try {
      const saved = await objectivesApi.save(caisseId, rowsToInput(all));
      setRows(rowsFrom(saved));
      setStatus({ tone: 'success', text: t('common.saved') });
    } catch (err) {
      const details = (err as { details?: unknown }).details;
      const list = Array.isArray(details)
        ? (details as { path?: string; message?: string }[]).map((d) =>
            `${(d.path ?? '').replace(/^body\/?/, '')} ${d.message ?? ''}`.trim(),
          )
        : undefined;
      setStatus({ tone: 'danger', text: errorMessage(err, lang), list });
    } finally {
      setBusy(false);
    }
  }

  const standard = all.filter((r) => r.standard);
  const custom = all.filter((r) => !r.standard);
  const count = all.filter((r) => r.selected).length;

  return (
    <div className="c-screen stack--lg">
      <PageHeader
        title={t('objectives.title')}
        subtitle={t('objectives.subtitle')}
        actions={
          <ButtonLink to={`/caisses/${encodeURIComponent(caisseId)}/indicateurs`} variant="secondary">
            {t('objectives.toIndicators')}
          </ButtonLink>
        }
      />
      {!canEdit && <Alert tone="info">{t('common.readOnly')}</Alert>}
      <form className="stack--lg" onSubmit={(e) => void submit(e)} noValidate>
        <Card title={t('objectives.standard')}>
          <p className="muted small">{t('objectives.standardHint')}</p>
          <ul className="c-list">
            {standard.map((r) => (
              <li key={r.key} className={r.selected ? 'c-item c-item--on' : 'c-item'}>
                <label className="c-check">
                  <input
                    type="checkbox"
                    checked={r.selected}
                    disabled={!canEdit}
                    onChange={(e) => change(r.key, { selected: e.target.checked })}
                    data-testid={`objective-${r.code}`}
                  />
                  <span className="c-item__title">
                    {isStandardObjective(r.code) ? OBJECTIVE_LABELS[r.code][lang] : r.label}
                  </span>
                </label>
                {r.selected && <ObjectiveDetails row={r} canEdit={canEdit} onChange={change} t={t} />}
              </li>
            ))}
          </ul>
        </Card>
        <CustomObjectives
          rows={custom}
          canEdit={canEdit}
          onChange={change}
          onRemove={(key) => setRows(all.filter((x) => x.key !== key))}
          onAdd={() => setRows([...all, newCustomRow()])}
          t={t}
        />
        {status && (
          <Alert tone={status.tone}>
            {status.text}
            {status.list && status.list.length > 0 && (
              <ul className="c-errors">
                {status.list.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {canEdit && (
          <div className="c-actions">
            <Button type="submit" busy={busy}>
              {t('action.save')}
            </Button>
            <span className="muted small">{t('objectives.count', { n: count })}</span>
          </div>
        )}
      </form>
    </div>
  );
}
