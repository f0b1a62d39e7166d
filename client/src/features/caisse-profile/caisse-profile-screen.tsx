// /caisses/:caisseId/profil — the caisse's profile (every field of PATCH /api/caisses/:id), with the
// server's validation errors shown on the fields concerned. Members read it without the controls.
import '../../styles/coordinator.css';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { coordinator } from '../../i18n/coordinator.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import {
  PAT_INVOLVEMENTS,
  STAGES,
  TARGET_PUBLICS,
  TERRITORY_TYPES,
} from '../../../../indicators/taxonomy.ts';
import { errorMessage, fieldErrors } from '../../lib/errors.ts';
import { useLoad } from '../../lib/use-load.ts';
import { caisseProfileApi, REGION_OPTIONS } from './api.ts';
import { type Form, toBody, toForm } from './form.ts';
import { useSession } from '../auth/session.tsx';

export default function CaisseProfileScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const canEdit = session.canCoordinate(caisseId);
  const { data, error, set } = useLoad((signal) => caisseProfileApi.get(caisseId, signal), [caisseId]);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (data) setForm(toForm(data));
  }, [data]);
  useEffect(() => {
    document.title = `${t('profile.title')} · ${t('app.name')}`;
  }, [t]);

  if (error) return <Alert tone="danger">{errorMessage(error, lang)}</Alert>;
  if (!data || !form) return <PageSpinner label={t('state.loading')} />;
  const f = form!;
  const update = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm({ ...f, [k]: v });
    setStatus(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const count = f.experimentersCount.trim();
    if (count !== '' && !/^\d+$/.test(count)) {
      setErrors({ experimentersCount: t('profile.countInvalid') });
      setStatus({ tone: 'danger', text: t('common.fixErrors') });
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      const saved = await caisseProfileApi.update(caisseId, toBody(f));
      set(saved);
      setErrors({});
      setStatus({ tone: 'success', text: t('common.saved') });
      // The header lists caisses by name: reload it in case the name changed.
      await session.refresh().catch(() => {});
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors(fe);
      setStatus({
        tone: 'danger',
        text: Object.keys(fe).length > 0 ? t('common.fixErrors') : errorMessage(err, lang),
      });
    } finally {
      setBusy(false);
    }
  }

  const text = (k: keyof Form, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      value={f[k] as string}
      onChange={(e) => update(k, e.target.value as never)}
      error={errors[k]}
      disabled={!canEdit}
      {...extra}
    />
  );
  const select = (k: keyof Form, label: string, options: { value: string; label: string }[]) => (
    <SelectField
      label={label}
      value={f[k] as string}
      onChange={(e) => update(k, e.target.value as never)}
      error={errors[k]}
      disabled={!canEdit}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );

  return (
    <div className="c-screen stack--lg">
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      {!canEdit && <Alert tone="info">{t('common.readOnly')}</Alert>}
      <form onSubmit={(e) => void submit(e)} className="stack" noValidate>
        <Card title={t('profile.identity')}>
          <div className="c-form-grid">
            {text('name', t('profile.name'), { required: true })}
            {text('slug', t('profile.slug'), { hint: t('profile.slugHint') })}
          </div>
        </Card>
        <Card title={t('profile.territory')}>
          <div className="c-form-grid">
            {select(
              'region',
              t('profile.region'),
              REGION_OPTIONS.map((r) => ({ value: r.code, label: r.name })),
            )}
            {text('commune', t('profile.commune'))}
            {select(
              'territoryType',
              t('profile.territoryType'),
              TERRITORY_TYPES.map((v) => ({ value: v, label: t(`territory.${v}`) })),
            )}
          </div>
        </Card>
        <Card title={t('profile.functioning')}>
          <div className="c-form-grid">
            {select(
              'targetPublic',
              t('profile.targetPublic'),
              TARGET_PUBLICS.map((v) => ({ value: v, label: t(`public.${v}`) })),
            )}
            {select(
              'stage',
              t('profile.stage'),
              STAGES.map((v) => ({ value: v, label: t(`stage.${v}`) })),
            )}
            {text('startDate', t('profile.startDate'), { type: 'date' })}
            {text('experimentersCount', t('profile.experimentersCount'), {
              type: 'number',
              min: 0,
              inputMode: 'numeric',
            })}
            {select(
              'patInvolvement',
              t('profile.patInvolvement'),
              PAT_INVOLVEMENTS.map((v) => ({ value: v, label: t(`pat.${v}`) })),
            )}
          </div>
          <label className="c-check" style={{ marginTop: 'var(--space-4)' }}>
            <input
              type="checkbox"
              checked={f.ssaCollectiveMember}
              disabled={!canEdit}
              onChange={(e) => update('ssaCollectiveMember', e.target.checked)}
            />
            <span>{t('profile.ssaCollectiveMember')}</span>
          </label>
          {errors.ssaCollectiveMember && <p className="field__error">{errors.ssaCollectiveMember}</p>}
        </Card>
        {status && <Alert tone={status.tone}>{status.text}</Alert>}
        {errors._ && <Alert tone="danger">{errors._}</Alert>}
        {canEdit && (
          <div className="c-actions">
            <Button type="submit" busy={busy}>
              {t('action.save')}
            </Button>
          </div>
        )}
      </form>
    </div>
  );
}
