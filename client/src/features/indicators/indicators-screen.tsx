// /caisses/:caisseId/indicateurs — the indicator library by dimension (each reference sheet in a
// disclosure), the caisse's selection per objective with baseline, target and periodicity, and at
// once the declared objectives that no indicator measures (○). Shares are entered as percentages
// and stored as fractions (0–1). Saved with PUT /api/caisses/:id/indicators.
import '../../styles/coordinator.css';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { DIMENSION_LABELS } from '../../../../indicators/taxonomy.ts';
import { coordinator } from '../../i18n/coordinator.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { DIMENSIONS, type Dimension } from '../../../../indicators/taxonomy.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useLoad } from '../../lib/use-load.ts';
import { objectivesApi } from '../objectives/api.ts';
import { indicatorsApi, type Periodicity, type SelectionItem } from './api.ts';
import { CoverageAlert } from './components/coverage-alert.tsx';
import { IndicatorItem } from './components/indicator-item.tsx';
import { checkValue, type Draft, draftsFrom, isShare, objectivesWithoutIndicator } from './logic.ts';
import { useSession } from '../auth/session.tsx';

export default function IndicatorsScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const canEdit = session.canCoordinate(caisseId);
  const { data, error } = useLoad(
    async (signal) => {
      const [library, objectives, selection] = await Promise.all([
        indicatorsApi.library(signal),
        objectivesApi.list(caisseId, signal),
        indicatorsApi.selection(caisseId, signal),
      ]);
      return { library, objectives, selection };
    },
    [caisseId],
  );
  const [drafts, setDrafts] = useState<Map<string, Draft> | null>(null);
  const [tab, setTab] = useState<Dimension>('access');
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [showErrors, setShowErrors] = useState(false);

  useEffect(() => {
    if (data) setDrafts(draftsFrom(data.library, data.selection));
  }, [data]);
  useEffect(() => {
    document.title = `${t('indicators.title')} · ${t('app.name')}`;
  }, [t]);

  const missing = useMemo(
    () =>
      data && drafts
        ? objectivesWithoutIndicator(
            data.objectives,
            [...drafts.values()].map((d) => ({ objectives: d.objectives })),
          )
        : [],
    [data, drafts],
  );

  if (error) return <Alert tone="danger">{errorMessage(error, lang)}</Alert>;
  if (!data || !drafts) return <PageSpinner label={t('state.loading')} />;
  const { library, objectives } = data;
  const sheetById = new Map(library.map((s) => [s.id, s]));
  const declared = new Set(objectives.map((o) => o.code));

  const setDraft = (id: string, d: Draft | null) => {
    const next = new Map(drafts);
    if (d) next.set(id, d);
    else next.delete(id);
    setDrafts(next);
    setStatus(null);
  };

  function toSelection(): SelectionItem[] | null {
    const out: SelectionItem[] = [];
    let bad = false;
    // The library's order, so that the selection reads the same way everywhere.
    for (const sheet of library) {
      const d = drafts!.get(sheet.id);
      if (!d) continue;
      const share = isShare(sheet);
      const b = checkValue(d.baseline, share);
      const tg = checkValue(d.target, share);
      if ('error' in b || 'error' in tg) {
        bad = true;
        continue;
      }
      out.push({
        indicatorId: sheet.id,
        objectives: d.objectives.filter((o) => declared.has(o)),
        baseline: b.value,
        target: tg.value,
        periodicity: (d.periodicity || null) as Periodicity | null,
      });
    }
    return bad ? null : out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const selection = toSelection();
    if (!selection) {
      setShowErrors(true);
      setStatus({ tone: 'danger', text: t('common.fixErrors') });
      return;
    }
    setBusy(true);
    try {
      await indicatorsApi.saveSelection(caisseId, selection);
      setStatus({ tone: 'success', text: t('common.saved') });
      setShowErrors(false);
    } catch (err) {
      setStatus({ tone: 'danger', text: errorMessage(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  const inTab = library.filter((s) => s.dimension === tab);

  return (
    <div className="c-screen stack--lg">
      <PageHeader title={t('indicators.title')} subtitle={t('indicators.subtitle')} />
      {!canEdit && <Alert tone="info">{t('common.readOnly')}</Alert>}
      <CoverageAlert caisseId={caisseId} objectives={objectives} missing={missing} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="c-tabs" role="tablist" aria-label={t('objectives.dimensions')}>
          {DIMENSIONS.map((d) => {
            const n = library.filter((s) => s.dimension === d && drafts.has(s.id)).length;
            return (
              <button
                key={d}
                type="button"
                role="tab"
                id={`tab-${d}`}
                aria-controls="indicator-panel"
                aria-selected={tab === d}
                className="c-tab"
                onClick={() => setTab(d)}
              >
                {DIMENSION_LABELS[d][lang]}
                {n > 0 && <> ({n})</>}
              </button>
            );
          })}
        </div>
        <div id="indicator-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          <ul className="c-list">
            {inTab.map((sheet) => (
              <IndicatorItem
                key={sheet.id}
                sheet={sheet}
                draft={drafts.get(sheet.id) ?? null}
                objectives={objectives}
                canEdit={canEdit}
                showErrors={showErrors}
                onChange={(d) => setDraft(sheet.id, d)}
              />
            ))}
          </ul>
        </div>
        {status && (
          <div style={{ marginTop: 'var(--space-4)' }}>
            <Alert tone={status.tone}>{status.text}</Alert>
          </div>
        )}
        {canEdit && (
          <div className="c-actions">
            <Button type="submit" busy={busy}>
              {t('action.save')}
            </Button>
            <span className="muted small">
              {t('indicators.selectedCount', {
                n: [...drafts.keys()].filter((id) => sheetById.has(id)).length,
              })}
            </span>
          </div>
        )}
      </form>
    </div>
  );
}
