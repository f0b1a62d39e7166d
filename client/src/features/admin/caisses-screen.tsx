// Administration: every caisse with its profile, and the form creating one (POST /api/caisses).
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../lib/api.ts';
import { admin } from './messages.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { type Column, Table } from '../../ui/table.tsx';
import { LoadError } from '../../ui/load-error.tsx';
import {
  PAT_INVOLVEMENTS,
  profileLabel,
  REGION_CODES,
  STAGES,
  TARGET_PUBLICS,
  TERRITORY_TYPES,
} from '../research/profile.ts';
import { useLoad } from '../../lib/use-load.ts';
import '../research/research.css';

interface Caisse {
  id: string;
  name: string;
  slug: string;
  region: string;
  commune: string;
  territoryType: string;
  targetPublic: string;
  startDate: string | null;
  stage: string;
  experimentersCount: number | null;
  ssaCollectiveMember: boolean;
  patInvolvement: string;
}

type Form = Record<
  | 'name'
  | 'slug'
  | 'region'
  | 'commune'
  | 'territoryType'
  | 'targetPublic'
  | 'startDate'
  | 'stage'
  | 'experimentersCount'
  | 'patInvolvement',
  string
> & { ssaCollectiveMember: boolean };

const EMPTY: Form = {
  name: '',
  slug: '',
  region: '',
  commune: '',
  territoryType: '',
  targetPublic: '',
  startDate: '',
  stage: '',
  experimentersCount: '',
  patInvolvement: 'none',
  ssaCollectiveMember: false,
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug proposed from the name: « Caisse de l’Aude » → caisse-de-l-aude. */
function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

function CreateCaisse({ onCreated }: { onCreated: (c: Caisse) => void }) {
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
      const created = await api.post<Caisse>('/caisses', {
        name: form.name.trim(),
        slug: form.slug,
        region: form.region,
        commune: form.commune.trim(),
        territoryType: form.territoryType,
        targetPublic: form.targetPublic,
        stage: form.stage,
        startDate: form.startDate || null,
        experimentersCount: form.experimentersCount === '' ? null : Number(form.experimentersCount),
        ssaCollectiveMember: form.ssaCollectiveMember,
        patInvolvement: form.patInvolvement,
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

export default function AdminCaisses() {
  const t = useT(admin);
  const { lang } = useI18n();
  const load = useLoad((signal) => api.get<{ items: Caisse[] }>('/caisses', { signal }), []);
  const [created, setCreated] = useState<Caisse[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('caisses.title')} — ${t('app.name')}`;
  }, [t]);

  const items =
    load.data && !load.loading
      ? [...load.data.items, ...created.filter((c) => !load.data!.items.some((x) => x.id === c.id))].sort(
          (a, b) => a.name.localeCompare(b.name, 'fr'),
        )
      : [];

  const columns: Column<Caisse>[] = [
    { key: 'name', header: t('caisses.name'), render: (c) => <strong>{c.name}</strong> },
    { key: 'commune', header: t('caisses.commune'), render: (c) => c.commune },
    { key: 'region', header: t('caisses.region'), render: (c) => profileLabel('region', c.region, lang) },
    {
      key: 'territory',
      header: t('caisses.territoryType'),
      render: (c) => profileLabel('territoryType', c.territoryType, lang),
    },
    {
      key: 'public',
      header: t('caisses.targetPublic'),
      render: (c) => profileLabel('targetPublic', c.targetPublic, lang),
    },
    { key: 'stage', header: t('caisses.stage'), render: (c) => profileLabel('stage', c.stage, lang) },
    {
      key: 'start',
      header: t('caisses.startDate'),
      render: (c) => (c.startDate ? formatDate(c.startDate, lang) : '—'),
    },
    {
      key: 'exp',
      header: t('caisses.experimenters'),
      render: (c) => c.experimentersCount ?? '—',
      numeric: true,
    },
    {
      key: 'ssa',
      header: 'SSA',
      render: (c) => (c.ssaCollectiveMember ? t('caisses.yes') : t('caisses.no')),
    },
    { key: 'pat', header: 'PAT', render: (c) => profileLabel('patInvolvement', c.patInvolvement, lang) },
  ];

  return (
    <div className="stack--lg r-page">
      <PageHeader title={t('caisses.title')} subtitle={t('caisses.subtitle')} />
      {notice && <Alert tone="success">{notice}</Alert>}
      {load.error && <LoadError error={load.error} retry={load.reload} />}
      {load.loading && <Spinner label={t('state.loading')} />}
      {load.data && !load.loading && (
        <Card title={`${t('caisses.caption')} (${items.length})`}>
          <div className="r-names">
            <Table
              caption={t('caisses.caption')}
              hideCaption
              columns={columns}
              rows={items}
              rowKey={(c) => c.id}
            />
          </div>
        </Card>
      )}
      <CreateCaisse
        onCreated={(c) => {
          setCreated((l) => [...l, c]);
          setNotice(t('caisses.created', { name: c.name }));
        }}
      />
    </div>
  );
}
