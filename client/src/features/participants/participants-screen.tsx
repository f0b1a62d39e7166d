// /caisses/:caisseId/participants — the caisse's participants (coordinators only): add one, import
// a CSV (all or nothing, the server's per-row report on refusal), revoke or reissue a link, erase
// (GDPR). A link is only known right after creation, import or reissue: those of this session are
// listed with copy buttons and QR codes, and print as a sheet (@media print hides everything else).
import '../../styles/coordinator.css';
import Papa from 'papaparse';
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { coordinator } from '../../i18n/coordinator.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Field, SelectField, TextField } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { Table } from '../../ui/table.tsx';
import {
  absoluteLink,
  coordinatorApi,
  csvRowsToParticipants,
  errorMessage,
  fieldErrors,
  HOUSEHOLD_TYPES,
  type ImportRowError,
  importErrors,
  type Participant,
  type ParticipantAttributes,
  type ParticipantWithToken,
  useLoad,
} from '../../lib/coordinator.ts';
import { useSession } from '../auth/session.tsx';

interface FreshLink {
  id: string;
  code: string;
  link: string;
  qr: string | null;
}

export default function ParticipantsScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const canEdit =
    session.hasRole('admin') || session.caisses.some((c) => c.id === caisseId && c.role === 'coordinator');
  const { state, reload } = useLoad(
    () => (canEdit ? coordinatorApi.participants(caisseId) : Promise.resolve([] as Participant[])),
    [caisseId, canEdit],
  );
  const [fresh, setFresh] = useState<FreshLink[]>([]);
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [erasing, setErasing] = useState<Participant | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const caisseName = session.caisses.find((c) => c.id === caisseId)?.name ?? '';

  useEffect(() => {
    document.title = `${t('participants.title')} · ${t('app.name')}`;
  }, [t]);
  // Links of another caisse must not stay on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resets when the caisse changes
  useEffect(() => setFresh([]), [caisseId]);

  async function remember(created: ParticipantWithToken[]) {
    const items = await Promise.all(
      created.map(async (p): Promise<FreshLink> => {
        const link = absoluteLink(p.link);
        const qr = await QRCode.toDataURL(link, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).catch(
          () => null,
        );
        return { id: p.id, code: p.code, link, qr };
      }),
    );
    setFresh((old) => [...items, ...old.filter((o) => !items.some((i) => i.id === o.id))]);
  }

  if (!canEdit)
    return (
      <div className="c-screen stack--lg">
        <PageHeader title={t('participants.title')} />
        <Alert tone="info">{t('participants.membersOnly')}</Alert>
      </div>
    );
  if (state.kind === 'loading') return <PageSpinner label={t('state.loading')} />;
  if (state.kind === 'error') return <Alert tone="danger">{errorMessage(state.error, lang)}</Alert>;
  const list = state.data;

  async function act(p: Participant, what: 'reissue' | 'revoke') {
    setBusy(`${what}-${p.id}`);
    setStatus(null);
    try {
      if (what === 'reissue') await remember([await coordinatorApi.reissue(p.id)]);
      else {
        await coordinatorApi.revoke(p.id);
        setFresh((old) => old.filter((f) => f.id !== p.id));
        setStatus({ tone: 'success', text: t('participants.revoked', { code: p.code }) });
      }
      await reload();
    } catch (err) {
      setStatus({ tone: 'danger', text: errorMessage(err, lang) });
    } finally {
      setBusy(null);
    }
  }

  async function erase(p: Participant) {
    setBusy(`erase-${p.id}`);
    try {
      await coordinatorApi.erase(p.id);
      setFresh((old) => old.filter((f) => f.id !== p.id));
      setStatus({ tone: 'success', text: t('participants.erased', { code: p.code }) });
      await reload();
    } catch (err) {
      setStatus({ tone: 'danger', text: errorMessage(err, lang) });
    } finally {
      setBusy(null);
      setErasing(null);
    }
  }

  const attrs = (a: ParticipantAttributes) =>
    [
      a.cotisationTier && `${t('participants.cotisationTier')} : ${a.cotisationTier}`,
      a.householdSize && `${t('participants.householdSize')} : ${a.householdSize}`,
      a.householdType && t(`household.${a.householdType}`),
    ]
      .filter(Boolean)
      .join(' · ') || t('common.none');

  return (
    <>
      <div className="c-screen stack--lg">
        <PageHeader title={t('participants.title')} subtitle={t('participants.subtitle')} />
        {status && <Alert tone={status.tone}>{status.text}</Alert>}
        {fresh.length > 0 && <FreshLinks links={fresh} />}
        <div
          className="c-form-grid"
          style={{ alignItems: 'start', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))' }}
        >
          <AddParticipant caisseId={caisseId} onCreated={(p) => void remember([p]).then(() => reload())} />
          <ImportParticipants
            caisseId={caisseId}
            onImported={(created) => {
              setStatus({ tone: 'success', text: t('participants.imported', { n: created.length }) });
              void remember(created).then(() => reload());
            }}
          />
        </div>
        <section className="stack--sm">
          <h2>{t('participants.list')}</h2>
          <p className="muted small">{t('participants.count', { n: list.length })}</p>
          <Table
            caption={t('participants.list')}
            hideCaption
            rows={list}
            rowKey={(p) => p.id}
            empty={t('participants.empty')}
            columns={[
              {
                key: 'code',
                header: t('participants.colCode'),
                render: (p) => <strong style={{ whiteSpace: 'nowrap' }}>{p.code}</strong>,
              },
              {
                key: 'attributes',
                header: t('participants.colAttributes'),
                render: (p) => attrs(p.attributes),
              },
              {
                key: 'link',
                header: t('participants.colLink'),
                render: (p) =>
                  p.linkActive ? (
                    <span className="stack--sm">
                      <Badge tone="success">{t('participants.linkActive')}</Badge>
                      {p.tokenIssuedAt && (
                        <span className="muted small"> {formatDate(p.tokenIssuedAt, lang)}</span>
                      )}
                    </span>
                  ) : (
                    <Badge tone="danger">{t('participants.linkRevoked')}</Badge>
                  ),
              },
              {
                key: 'actions',
                header: t('participants.colActions'),
                render: (p) => (
                  <div className="c-actions" style={{ gap: 'var(--space-1)' }}>
                    <Button
                      small
                      variant="secondary"
                      busy={busy === `reissue-${p.id}`}
                      onClick={() => void act(p, 'reissue')}
                    >
                      {t('participants.reissue')}
                    </Button>
                    {p.linkActive && (
                      <Button
                        small
                        variant="ghost"
                        busy={busy === `revoke-${p.id}`}
                        onClick={() => void act(p, 'revoke')}
                      >
                        {t('participants.revoke')}
                      </Button>
                    )}
                    <Button small variant="ghost" onClick={() => setErasing(p)}>
                      {t('participants.erase')}
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        </section>
        {erasing && (
          <ConfirmErase
            participant={erasing}
            busy={busy === `erase-${erasing.id}`}
            onConfirm={() => void erase(erasing)}
            onCancel={() => setErasing(null)}
          />
        )}
      </div>
      {fresh.length > 0 && <PrintSheet links={fresh} caisse={caisseName} />}
    </>
  );
}

function FreshLinks({ links }: { links: FreshLink[] }) {
  const t = useT(coordinator);
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(l: FreshLink) {
    try {
      await navigator.clipboard.writeText(l.link);
      setCopied(l.id);
    } catch {
      setCopied(null);
    }
  }
  return (
    <Card title={t('participants.newLinks')} data-testid="fresh-links">
      <Alert tone="warning">{t('participants.newLinksHint')}</Alert>
      <ul className="c-list" style={{ marginTop: 'var(--space-4)' }}>
        {links.map((l) => (
          <li key={l.id} className="c-item c-actions" style={{ justifyContent: 'space-between' }}>
            <span className="cluster" style={{ minWidth: 0, flex: 1 }}>
              {l.qr && <img src={l.qr} alt="" width={64} height={64} />}
              <span style={{ minWidth: 0 }}>
                <strong>{l.code}</strong>
                <br />
                <span className="c-mono" data-testid={`link-${l.code}`}>
                  {l.link}
                </span>
              </span>
            </span>
            <Button small variant="secondary" onClick={() => void copy(l)}>
              <Icon name={copied === l.id ? 'check' : 'clipboard'} size={16} />
              {copied === l.id ? t('common.copied') : t('common.copy')}
            </Button>
          </li>
        ))}
      </ul>
      <div className="c-actions" style={{ marginTop: 'var(--space-4)' }}>
        <Button onClick={() => window.print()}>{t('participants.print')}</Button>
      </div>
    </Card>
  );
}

/** Hidden on screen; what the printer gets (styles/coordinator.css, @media print). */
function PrintSheet({ links, caisse }: { links: FreshLink[]; caisse: string }) {
  const t = useT(coordinator);
  return (
    <section className="c-print-sheet" aria-hidden="true">
      <h1>{t('participants.printTitle', { caisse })}</h1>
      <p>{t('participants.printIntro')}</p>
      <ul className="c-qr-grid">
        {links.map((l) => (
          <li key={l.id} className="c-qr">
            {l.qr && <img src={l.qr} alt="" />}
            <span>
              <span className="c-qr__code">{l.code}</span>
              <br />
              <span className="c-mono">{l.link}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AddParticipant({
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
      const p = await coordinatorApi.addParticipant(caisseId, { code: code.trim(), attributes });
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

function ImportParticipants({
  caisseId,
  onImported,
}: {
  caisseId: string;
  onImported: (created: ParticipantWithToken[]) => void;
}) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRowError[]>([]);
  const input = useRef<HTMLInputElement>(null);

  async function importFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setRows([]);
    try {
      const text = await file.text();
      const parsed = Papa.parse<Record<string, unknown>>(text.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: 'greedy',
      });
      const body = csvRowsToParticipants(parsed.data);
      if (body.length === 0) {
        setError(t('participants.emptyFile'));
        return;
      }
      const report = await coordinatorApi.importParticipants(caisseId, body);
      onImported(report.created);
    } catch (err) {
      const errs = importErrors(err);
      setRows(errs);
      setError(
        errs.length > 0 ? t('participants.importRejected', { n: errs.length }) : errorMessage(err, lang),
      );
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Card title={t('participants.import')}>
      <div className="stack">
        <p className="muted small">{t('participants.importHint')}</p>
        <Field label={t('participants.importFile')}>
          {(a11y) => (
            <input
              ref={input}
              type="file"
              accept=".csv,text/csv"
              disabled={busy}
              onChange={(e) => void importFile(e.target.files?.[0])}
              {...a11y}
            />
          )}
        </Field>
        {error && (
          <div data-testid="import-errors">
            <Alert tone="danger" title={error}>
              {rows.length > 0 && (
                <ul className="c-errors">
                  {rows.map((r) => (
                    <li key={r.row}>
                      <strong>{t('participants.importRow', { row: r.row })}</strong>
                      {r.code && <> ({r.code})</>} : {r.messages.join(' ; ')}
                    </li>
                  ))}
                </ul>
              )}
            </Alert>
          </div>
        )}
      </div>
    </Card>
  );
}

function ConfirmErase({
  participant,
  busy,
  onConfirm,
  onCancel,
}: {
  participant: Participant;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT(coordinator);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="c-dialog c-dialog--small" aria-labelledby="erase-title" onClose={onCancel}>
      <div className="c-dialog__head">
        <h2 id="erase-title">{t('participants.eraseTitle', { code: participant.code })}</h2>
      </div>
      <div className="c-dialog__body stack">
        <p>{t('participants.eraseBody')}</p>
        <div className="c-actions">
          <Button variant="danger" busy={busy} onClick={onConfirm}>
            {t('participants.eraseConfirm')}
          </Button>
          <Button variant="secondary" onClick={() => ref.current?.close()}>
            {t('action.cancel')}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
