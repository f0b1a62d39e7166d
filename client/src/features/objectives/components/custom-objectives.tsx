// The caisse's own objectives (code, label, then the same details as the standard ones).
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { TextField } from '../../../ui/field.tsx';
import type { Row } from '../rows.ts';
import { type CoordinatorT, ObjectiveDetails } from './objective-details.tsx';

export function CustomObjectives({
  rows: custom,
  canEdit,
  onChange: change,
  onRemove,
  onAdd,
  t,
}: {
  rows: Row[];
  canEdit: boolean;
  onChange: (key: string, patch: Partial<Row>) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
  t: CoordinatorT;
}) {
  return (
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
                  <Button variant="ghost" small onClick={() => onRemove(r.key)}>
                    {t('objectives.remove')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Button variant="secondary" onClick={onAdd}>
          {t('objectives.addCustom')}
        </Button>
      )}
    </Card>
  );
}
