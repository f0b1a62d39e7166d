// /caisses/:caisseId/objectifs — the caisse's objectives: the study's standard ones (ticked, with
// the default dimension map pre-filled) and its own (code, label, dimensions), each with a priority
// and a description; saved at once with PUT /api/caisses/:id/objectives.
import '../../styles/coordinator.css';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useParams } from 'react-router';
import { DIMENSION_LABELS } from '../../../../indicators/taxonomy.ts';
import { coordinator } from '../../i18n/coordinator.ts';
import { type TFunction, useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ButtonLink } from '../../ui/button-link.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import {
  coordinatorApi,
  DEFAULT_OBJECTIVE_DIMENSIONS,
  DIMENSIONS,
  type Dimension,
  errorMessage,
  isStandardObjective,
  type Objective,
  type ObjectiveInput,
  OBJECTIVE_LABELS,
  STANDARD_OBJECTIVES,
  useLoad,
} from '../../lib/coordinator.ts';
import { useSession } from '../auth/session.tsx';

interface Row {
  key: string;
  code: string;
  standard: boolean;
  selected: boolean;
  label: string;
  dimensions: Dimension[];
  priority: string;
  description: string;
}

let keySeq = 0;

/** The editable rows: every standard objective (ticked when declared) then the caisse's own. */
export function rowsFrom(objectives: Objective[]): Row[] {
  const byCode = new Map(objectives.map((o) => [o.code, o]));
  const standard = STANDARD_OBJECTIVES.map((code): Row => {
    const o = byCode.get(code);
    return {
      key: code,
      code,
      standard: true,
      selected: Boolean(o),
      label: OBJECTIVE_LABELS[code].fr,
      dimensions: o ? [...o.dimensions] : [...DEFAULT_OBJECTIVE_DIMENSIONS[code]],
      priority: o?.priority ? String(o.priority) : '',
      description: o?.description ?? '',
    };
  });
  const custom = objectives
    .filter((o) => !isStandardObjective(o.code))
    .map(
      (o): Row => ({
        key: `custom-${++keySeq}`,
        code: o.code,
        standard: false,
        selected: true,
        label: o.label,
        dimensions: [...o.dimensions],
        priority: o.priority ? String(o.priority) : '',
        description: o.description ?? '',
      }),
    );
  return [...standard, ...custom];
}

/** The PUT body: ticked standard objectives and every custom one. */
export function rowsToInput(rows: Row[]): ObjectiveInput[] {
  return rows
    .filter((r) => r.selected)
    .map((r) => ({
      code: r.code.trim(),
      ...(r.standard ? {} : { label: r.label.trim() }),
      dimensions: r.dimensions,
      priority: r.priority ? Number(r.priority) : null,
      description: r.description.trim() || null,
    }));
}

export default function ObjectivesScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const canEdit =
    session.hasRole('admin') || session.caisses.some((c) => c.id === caisseId && c.role === 'coordinator');
  const { state } = useLoad(() => coordinatorApi.objectives(caisseId), [caisseId]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string; list?: string[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (state.kind === 'ready') setRows(rowsFrom(state.data));
  }, [state]);
  useEffect(() => {
    document.title = `${t('objectives.title')} · ${t('app.name')}`;
  }, [t]);

  if (state.kind === 'loading' || (state.kind === 'ready' && !rows))
    return <PageSpinner label={t('state.loading')} />;
  if (state.kind === 'error') return <Alert tone="danger">{errorMessage(state.error, lang)}</Alert>;
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
      const saved = await coordinatorApi.saveObjectives(caisseId, rowsToInput(all));
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
        <Card title={t('objectives.custom')}>
          <p className="muted small">{t('objectives.customHint')}</p>
          {custom.length > 0 && (
            <ul className="c-list" style={{ marginBottom: 'var(--space-4)' }}>
              {custom.map((r) => (
                <li key={r.key} className="c-item c-item--on">
                  <div className="c-form-grid">
                    <TextField
                      label={t('objectives.code')}
                      value={r.code}
                      disabled={!canEdit}
                      onChange={(e) => change(r.key, { code: e.target.value })}
                      pattern="[a-z][a-z0-9_]*"
                      className="c-mono"
                    />
                    <TextField
                      label={t('objectives.label')}
                      value={r.label}
                      disabled={!canEdit}
                      onChange={(e) => change(r.key, { label: e.target.value })}
                    />
                  </div>
                  <ObjectiveDetails row={r} canEdit={canEdit} onChange={change} t={t} />
                  {canEdit && (
                    <div className="c-actions" style={{ marginTop: 'var(--space-3)' }}>
                      <Button
                        variant="ghost"
                        small
                        onClick={() => setRows(all.filter((x) => x.key !== r.key))}
                      >
                        {t('objectives.remove')}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {canEdit && (
            <Button
              variant="secondary"
              onClick={() =>
                setRows([
                  ...all,
                  {
                    key: `custom-${++keySeq}`,
                    code: '',
                    standard: false,
                    selected: true,
                    label: '',
                    dimensions: [],
                    priority: '',
                    description: '',
                  },
                ])
              }
            >
              {t('objectives.addCustom')}
            </Button>
          )}
        </Card>
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

function ObjectiveDetails({
  row,
  canEdit,
  onChange,
  t,
}: {
  row: Row;
  canEdit: boolean;
  onChange: (key: string, patch: Partial<Row>) => void;
  t: TFunction<keyof typeof coordinator.fr & string>;
}) {
  const { lang } = useI18n();
  const id = useId();
  return (
    <div className="c-item__body">
      <fieldset className="c-checks" aria-describedby={row.dimensions.length === 0 ? `${id}-err` : undefined}>
        <legend>{t('objectives.dimensions')}</legend>
        {DIMENSIONS.map((d) => (
          <label key={d} className="c-check">
            <input
              type="checkbox"
              checked={row.dimensions.includes(d)}
              disabled={!canEdit}
              onChange={(e) =>
                onChange(row.key, {
                  dimensions: e.target.checked
                    ? DIMENSIONS.filter((x) => x === d || row.dimensions.includes(x))
                    : row.dimensions.filter((x) => x !== d),
                })
              }
            />
            <span>{DIMENSION_LABELS[d][lang]}</span>
          </label>
        ))}
      </fieldset>
      {row.dimensions.length === 0 && (
        <p id={`${id}-err`} className="field__error">
          {t('objectives.noDimension')}
        </p>
      )}
      <div className="c-form-grid">
        <SelectField
          label={t('objectives.priority')}
          value={row.priority}
          disabled={!canEdit}
          onChange={(e) => onChange(row.key, { priority: e.target.value })}
        >
          <option value="">{t('objectives.priorityNone')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {t('objectives.priorityValue', { n })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('objectives.description')}
          value={row.description}
          disabled={!canEdit}
          onChange={(e) => onChange(row.key, { description: e.target.value })}
        />
      </div>
    </div>
  );
}
