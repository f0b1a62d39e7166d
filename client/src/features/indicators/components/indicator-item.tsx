// One indicator of the library on the indicators screen: its reference sheet in a disclosure and,
// once selected, the objectives it evidences, its baseline, target and periodicity.
import { coordinator } from '../../../i18n/coordinator.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { type Objective, objectiveLabel } from '../../objectives/api.ts';
import { PERIODICITIES, type ReferenceSheet } from '../api.ts';
import { checkValue, type Draft, isShare } from '../logic.ts';

export function IndicatorItem({
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
            objectives: objectives
              .map((o) => o.code)
              .filter((c) => (sheet.objectives as readonly string[]).includes(c)),
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
