// An objective's dimensions, priority and description, as edited on the objectives screen.
import { useId } from 'react';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../../../indicators/taxonomy.ts';
import type { coordinator } from '../../../i18n/coordinator.ts';
import { type TFunction, useI18n } from '../../../i18n/i18n.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import type { Row } from '../rows.ts';

export type CoordinatorT = TFunction<keyof typeof coordinator.fr & string>;

export function ObjectiveDetails({
  row,
  canEdit,
  onChange,
  t,
}: {
  row: Row;
  canEdit: boolean;
  onChange: (key: string, patch: Partial<Row>) => void;
  t: CoordinatorT;
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
