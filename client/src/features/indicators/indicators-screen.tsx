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
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ButtonLink } from '../../ui/button-link.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import {
  coordinatorApi,
  DIMENSIONS,
  type Dimension,
  errorMessage,
  fromInput,
  isShare,
  type Objective,
  objectiveLabel,
  objectivesWithoutIndicator,
  PERIODICITIES,
  type Periodicity,
  type ReferenceSheet,
  type SelectionItem,
  toInput,
  useLoad,
} from '../../lib/coordinator.ts';
import { useSession } from '../auth/session.tsx';

interface Draft {
  objectives: string[];
  baseline: string;
  target: string;
  periodicity: string;
}

/** Checks a draft value: the number to store, or the message to show. */
export function checkValue(
  text: string,
  share: boolean,
): { value: number | null } | { error: 'nan' | 'range' } {
  const value = fromInput(text, share);
  if (value !== null && Number.isNaN(value)) return { error: 'nan' };
  if (share && value !== null && (value < 0 || value > 1)) return { error: 'range' };
  return { value };
}

export default function IndicatorsScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const canEdit =
    session.hasRole('admin') || session.caisses.some((c) => c.id === caisseId && c.role === 'coordinator');
  const { state } = useLoad(async () => {
    const [library, objectives, selection] = await Promise.all([
      coordinatorApi.library(),
      coordinatorApi.objectives(caisseId),
      coordinatorApi.selection(caisseId),
    ]);
    return { library, objectives, selection };
  }, [caisseId]);
  const [drafts, setDrafts] = useState<Map<string, Draft> | null>(null);
  const [tab, setTab] = useState<Dimension>('access');
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [showErrors, setShowErrors] = useState(false);

  useEffect(() => {
    if (state.kind !== 'ready') return;
    const byId = new Map(state.data.library.map((s) => [s.id, s]));
    setDrafts(
      new Map(
        state.data.selection.map((s) => {
          const share = byId.has(s.indicatorId) && isShare(byId.get(s.indicatorId)!);
          return [
            s.indicatorId,
            {
              objectives: s.objectives,
              baseline: toInput(s.baseline, share),
              target: toInput(s.target, share),
              periodicity: s.periodicity ?? '',
            },
          ];
        }),
      ),
    );
  }, [state]);
  useEffect(() => {
    document.title = `${t('indicators.title')} · ${t('app.name')}`;
  }, [t]);

  const data = state.kind === 'ready' ? state.data : null;
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

  if (state.kind === 'loading' || !data || !drafts) return <PageSpinner label={t('state.loading')} />;
  if (state.kind === 'error') return <Alert tone="danger">{errorMessage(state.error, lang)}</Alert>;
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
      await coordinatorApi.saveSelection(caisseId, selection);
      setStatus({ tone: 'success', text: t('common.saved') });
      setShowErrors(false);
    } catch (err) {
      setStatus({ tone: 'danger', text: errorMessage(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  const inTab = library.filter((s) => s.dimension === tab);
  const objectiveByCode = new Map(objectives.map((o) => [o.code, o]));

  return (
    <div className="c-screen stack--lg">
      <PageHeader title={t('indicators.title')} subtitle={t('indicators.subtitle')} />
      {!canEdit && <Alert tone="info">{t('common.readOnly')}</Alert>}
      {objectives.length === 0 ? (
        <Alert tone="warning" title={t('indicators.noObjective')}>
          <ButtonLink to={`/caisses/${encodeURIComponent(caisseId)}/objectifs`} variant="secondary" small>
            {t('objectives.title')}
          </ButtonLink>
        </Alert>
      ) : missing.length > 0 ? (
        <div data-testid="objectives-without-indicator">
          <Alert tone="warning" title={t('indicators.missingTitle')}>
            <p>{t('indicators.missingBody')}</p>
            <ul className="c-gap-list">
              {missing.map((code) => (
                <li key={code} data-testid={`missing-${code}`}>
                  {objectiveLabel(objectiveByCode.get(code)!, lang)}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : (
        <Alert tone="success">{t('indicators.allCovered')}</Alert>
      )}
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

function IndicatorItem({
  sheet,
  draft,
  objectives,
  canEdit,
  showErrors,
  onChange,
}: {
  sheet: ReferenceSheet;
  draft: Draft | null;
  objectives: Objective[];
  canEdit: boolean;
  showErrors: boolean;
  onChange: (d: Draft | null) => void;
}) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const share = isShare(sheet);
  const unitHint = share ? t('indicators.inPercent') : t('indicators.inUnit', { unit: sheet.unit[lang] });
  const err = (text: string) => {
    const r = checkValue(text, share);
    if (!('error' in r)) return undefined;
    return r.error === 'nan' ? t('indicators.notANumber') : t('indicators.percentRange');
  };
  const select = (on: boolean) =>
    onChange(
      on
        ? {
            // The objectives this indicator is meant for, among those declared.
            objectives: objectives.map((o) => o.code).filter((c) => sheet.objectives.includes(c)),
            baseline: '',
            target: '',
            periodicity: 'each_wave',
          }
        : null,
    );
  return (
    <li className={draft ? 'c-item c-item--on' : 'c-item'} data-testid={`sheet-${sheet.id}`}>
      <div className="c-item__head">
        <label className="c-check">
          <input
            type="checkbox"
            checked={Boolean(draft)}
            disabled={!canEdit}
            onChange={(e) => select(e.target.checked)}
            aria-label={`${t('indicators.select')} : ${sheet.label[lang]}`}
          />
          <span className="c-item__title">{sheet.label[lang]}</span>
        </label>
        <span className="cluster" style={{ gap: 'var(--space-2)' }}>
          <Badge tone={sheet.level === 'caisse' ? 'info' : 'neutral'}>
            {sheet.level === 'caisse'
              ? t('questionnaires.level.caisse')
              : t('questionnaires.level.participant')}
          </Badge>
          {draft && <Badge tone="success">{t('indicators.selected')}</Badge>}
        </span>
      </div>
      <p className="muted small" style={{ margin: 'var(--space-2) 0' }}>
        {sheet.description[lang]}
      </p>
      <details className="c-details">
        <summary>{t('indicators.sheet')}</summary>
        <dl>
          <dt>{t('indicators.unit')}</dt>
          <dd>{sheet.unit[lang]}</dd>
          <dt>{t('indicators.direction')}</dt>
          <dd>{t(`direction.${sheet.direction}`)}</dd>
          <dt>{t('indicators.level')}</dt>
          <dd>{t(`indicators.level.${sheet.level}`)}</dd>
          <dt>{t('indicators.method')}</dt>
          <dd>{sheet.method[lang]}</dd>
          <dt>{t('indicators.missingRule')}</dt>
          <dd>{sheet.missingRule[lang]}</dd>
          <dt>{t('indicators.source')}</dt>
          <dd>{sheet.source}</dd>
          <dt>{t('indicators.questions')}</dt>
          <dd className="c-mono">{sheet.questions.join(', ')}</dd>
        </dl>
      </details>
      {draft && (
        <div className="c-item__body">
          {objectives.length > 0 && (
            <fieldset className="c-checks">
              <legend>{t('indicators.forObjectives')}</legend>
              {objectives.map((o) => (
                <label key={o.code} className="c-check">
                  <input
                    type="checkbox"
                    checked={draft.objectives.includes(o.code)}
                    disabled={!canEdit}
                    onChange={(e) =>
                      onChange({
                        ...draft,
                        objectives: e.target.checked
                          ? [...draft.objectives, o.code]
                          : draft.objectives.filter((x) => x !== o.code),
                      })
                    }
                  />
                  <span>{objectiveLabel(o, lang)}</span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="c-form-grid">
            <TextField
              label={t('indicators.baseline')}
              hint={unitHint}
              value={draft.baseline}
              inputMode="decimal"
              disabled={!canEdit}
              error={showErrors ? err(draft.baseline) : undefined}
              onChange={(e) => onChange({ ...draft, baseline: e.target.value })}
            />
            <TextField
              label={t('indicators.target')}
              hint={unitHint}
              value={draft.target}
              inputMode="decimal"
              disabled={!canEdit}
              error={showErrors ? err(draft.target) : undefined}
              onChange={(e) => onChange({ ...draft, target: e.target.value })}
            />
            <SelectField
              label={t('indicators.periodicity')}
              value={draft.periodicity}
              disabled={!canEdit}
              onChange={(e) => onChange({ ...draft, periodicity: e.target.value })}
            >
              <option value="">{t('periodicity.none')}</option>
              {PERIODICITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`periodicity.${p}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
      )}
    </li>
  );
}
