// The form creating a wave: a questionnaire version (the assembled participant questionnaire
// first), a period, optional dates and the baseline flag.
import { type FormEvent, useState } from 'react';
import { coordinator } from '../../../i18n/coordinator.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { type Wave, wavesApi } from '../api.ts';

export function CreateWave({
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
      const w = await wavesApi.create(caisseId, {
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
