// The form adding one participant: a code and the optional attributes.
import { type FormEvent, useState } from 'react';
import { HOUSEHOLD_TYPES } from '../../../../../indicators/taxonomy.ts';
import { coordinator } from '../../../i18n/coordinator.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { type ParticipantAttributes, type ParticipantWithToken, participantsApi } from '../api.ts';

export function AddParticipant({
  caisseId,
  onCreated,
}: {
  caisseId: string;
  onCreated: (p: ParticipantWithToken) => void;
}) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const [code, setCode] = useState('');
  const [tier, setTier] = useState('');
  const [size, setSize] = useState('');
  const [type, setType] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; fields: Record<string, string> } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const attributes: ParticipantAttributes = {};
      if (tier.trim()) attributes.cotisationTier = tier.trim();
      if (size.trim()) attributes.householdSize = Number(size);
      if (type) attributes.householdType = type as ParticipantAttributes['householdType'];
      const p = await participantsApi.add(caisseId, { code: code.trim(), attributes });
      setCode('');
      setTier('');
      setSize('');
      setType('');
      onCreated(p);
    } catch (err) {
      const fe = fieldErrors(err);
      // attributes/householdSize → householdSize
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(fe)) fields[k] = v;
      const details = (err as { details?: unknown }).details;
      if (Array.isArray(details))
        for (const d of details as { path?: string; message?: string }[]) {
          const last = (d.path ?? '').split('/').pop();
          if (last) fields[last] = d.message ?? '';
        }
      setError({ text: errorMessage(err, lang), fields });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('participants.add')}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('participants.code')}
          hint={t('participants.codeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error?.fields.code}
          required
          requiredText={t('field.required')}
          autoComplete="off"
        />
        <div className="c-form-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))' }}>
          <TextField
            label={t('participants.cotisationTier')}
            value={tier}
            onChange={(e) => setTier(e.target.value)}
            error={error?.fields.cotisationTier}
          />
          <TextField
            label={t('participants.householdSize')}
            type="number"
            min={1}
            max={20}
            value={size}
            onChange={(e) => setSize(e.target.value)}
            error={error?.fields.householdSize}
          />
        </div>
        <SelectField
          label={t('participants.householdType')}
          value={type}
          onChange={(e) => setType(e.target.value)}
          error={error?.fields.householdType}
        >
          <option value="">{t('common.none')}</option>
          {HOUSEHOLD_TYPES.map((h) => (
            <option key={h} value={h}>
              {t(`household.${h}`)}
            </option>
          ))}
        </SelectField>
        {error && <Alert tone="danger">{error.text}</Alert>}
        <div className="c-actions">
          <Button type="submit" busy={busy} disabled={!code.trim()}>
            {t('participants.addSubmit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
