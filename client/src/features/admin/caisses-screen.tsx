// Administration: every caisse with its profile, and the form creating one (POST /api/caisses).
import { useEffect, useState } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { Alert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { LoadError } from '../../ui/load-error.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { type Column, Table } from '../../ui/table.tsx';
import { profileLabel } from '../research/profile.ts';
import { adminApi, type Caisse } from './api.ts';
import { CreateCaisse } from './components/create-caisse.tsx';
import { admin } from './messages.ts';
import '../research/research.css';

export default function AdminCaisses() {
  const t = useT(admin);
  const { lang } = useI18n();
  const load = useLoad((signal) => adminApi.caisses(signal), []);
  const [created, setCreated] = useState<Caisse[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('caisses.title')} — ${t('app.name')}`;
  }, [t]);

  const items =
    load.data && !load.loading
      ? [...load.data, ...created.filter((c) => !load.data!.some((x) => x.id === c.id))].sort((a, b) =>
          a.name.localeCompare(b.name, 'fr'),
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
