// The form creating a caisse (POST /api/caisses), the slug proposed from the name.
import { type FormEvent, useState } from 'react';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { ApiError } from '../../../lib/api.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import {
  PAT_INVOLVEMENTS,
  profileLabel,
  REGION_CODES,
  STAGES,
  TARGET_PUBLICS,
  TERRITORY_TYPES,
} from '../../research/profile.ts';
import { adminApi, type Caisse, type CaisseCreate } from '../api.ts';
import { EMPTY, type Form, SLUG, slugify } from '../caisse-form.ts';
import { admin } from '../messages.ts';

export function CreateCaisse({ onCreated }: { onCreated: (c: Caisse) => void }) {
  const t = useT(admin);
  const { lang } = useI18n();
  const [form, setForm] = useState<Form>(EMPTY);
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const req = t('field.required');

  const set = (k: keyof Form, v: string) =>
    setForm((f) => ({ ...f, [k]: v, ...(k === 'name' && !slugTouched ? { slug: slugify(v) } : {}) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Partial<Record<keyof Form, string>> = {};
    if (form.name.trim().length < 2) errs.name = t('caisses.nameTooShort');
    if (!SLUG.test(form.slug)) errs.slug = t('caisses.slugInvalid');
    for (const k of ['region', 'commune', 'territoryType', 'targetPublic', 'stage'] as const) {
      if (!form[k].trim()) errs[k] = req;
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      setError(t('caisses.invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The selects offer only the server's values (the server checks them anyway).
      const created = await adminApi.createCaisse({
        name: form.name.trim(),
        slug: form.slug,
        region: form.region as CaisseCreate['region'],
        commune: form.commune.trim(),
        territoryType: form.territoryType as CaisseCreate['territoryType'],
        targetPublic: form.targetPublic as CaisseCreate['targetPublic'],
        stage: form.stage as CaisseCreate['stage'],
        startDate: form.startDate || null,
        experimentersCount: form.experimentersCount === '' ? null : Number(form.experimentersCount),
        ssaCollectiveMember: form.ssaCollectiveMember,
        patInvolvement: form.patInvolvement as CaisseCreate['patInvolvement'],
      });
      onCreated(created);
      setForm(EMPTY);
      setSlugTouched(false);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SLUG_TAKEN') setErrors({ slug: t('caisses.slugTaken') });
      setError(err instanceof ApiError && err.message ? err.message : t('state.error'));
    } finally {
      setBusy(false);
    }
  }

  const select = (
    k: 'region' | 'territoryType' | 'targetPublic' | 'stage' | 'patInvolvement',
    label: string,
    values: readonly string[],
    required = true,
  ) => (
    <SelectField
      label={label}
      value={form[k]}
      onChange={(e) => set(k, e.target.value)}
      error={errors[k]}
      required={required}
      requiredText={req}
    >
      {required && <option value="">{t('caisses.choose')}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {k === 'region' ? `${profileLabel('region', v, lang)} (${v})` : profileLabel(k, v, lang)}
        </option>
      ))}
    </SelectField>
  );

  return (
    <Card title={t('caisses.create')}>
      <form onSubmit={submit} noValidate className="stack">
        <div className="r-form-grid">
          <TextField
            label={t('caisses.name')}
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.name}
            required
            requiredText={req}
          />
          <TextField
            label={t('caisses.slug')}
            hint={t('caisses.slugHint')}
            value={form.slug}
            onChange={(e) => {
              setSlugTouched(true);
              set('slug', e.target.value);
            }}
            error={errors.slug}
            required
            requiredText={req}
          />
          <TextField
            label={t('caisses.commune')}
            value={form.commune}
            onChange={(e) => set('commune', e.target.value)}
            error={errors.commune}
            required
            requiredText={req}
          />
          {select('region', t('caisses.region'), REGION_CODES)}
          {select('territoryType', t('caisses.territoryType'), TERRITORY_TYPES)}
          {select('targetPublic', t('caisses.targetPublic'), TARGET_PUBLICS)}
          {select('stage', t('caisses.stage'), STAGES)}
          <TextField
            label={t('caisses.startDate')}
            type="date"
            value={form.startDate}
            onChange={(e) => set('startDate', e.target.value)}
          />
          <TextField
            label={t('caisses.experimenters')}
            type="number"
            min={0}
            inputMode="numeric"
            value={form.experimentersCount}
            onChange={(e) => set('experimentersCount', e.target.value)}
          />
          {select('patInvolvement', t('caisses.pat'), PAT_INVOLVEMENTS, false)}
          <label className="r-check">
            <input
              type="checkbox"
              checked={form.ssaCollectiveMember}
              onChange={(e) => setForm((f) => ({ ...f, ssaCollectiveMember: e.target.checked }))}
            />
            {t('caisses.ssa')}
          </label>
        </div>
        {error && <Alert tone="danger">{error}</Alert>}
        <div>
          <Button type="submit" busy={busy}>
            {t('caisses.createSubmit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
