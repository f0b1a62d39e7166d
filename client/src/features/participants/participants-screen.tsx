// /caisses/:caisseId/participants — the caisse's participants (coordinators only): add one, import
// a CSV (all or nothing, the server's per-row report on refusal), revoke or reissue a link, erase
// (GDPR). A link is only known right after creation, import or reissue: those of this session are
// listed with copy buttons and QR codes, and print as a sheet (@media print hides everything else).
import '../../styles/coordinator.css';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { coordinator } from '../../i18n/coordinator.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useLoad } from '../../lib/use-load.ts';
import { type Participant, type ParticipantWithToken, participantsApi } from './api.ts';
import { AddParticipant } from './components/add-participant.tsx';
import { ConfirmErase } from './components/confirm-erase.tsx';
import { type FreshLink, FreshLinks, PrintSheet } from './components/fresh-links.tsx';
import { ImportParticipants } from './components/import-participants.tsx';
import { ParticipantsTable } from './components/participants-table.tsx';
import { absoluteLink } from './logic.ts';
import { useSession } from '../auth/session.tsx';

export default function ParticipantsScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const canEdit = session.canCoordinate(caisseId);
  const {
    data: list,
    error,
    reload,
  } = useLoad((signal) => participantsApi.list(caisseId, signal), [caisseId], { enabled: canEdit });
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
  if (error) return <Alert tone="danger">{errorMessage(error, lang)}</Alert>;
  if (!list) return <PageSpinner label={t('state.loading')} />;

  async function act(p: Participant, what: 'reissue' | 'revoke') {
    setBusy(`${what}-${p.id}`);
    setStatus(null);
    try {
      if (what === 'reissue') await remember([await participantsApi.reissue(p.id)]);
      else {
        await participantsApi.revoke(p.id);
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
      await participantsApi.erase(p.id);
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
          <ParticipantsTable
            participants={list}
            busy={busy}
            onReissue={(p) => void act(p, 'reissue')}
            onRevoke={(p) => void act(p, 'revoke')}
            onErase={setErasing}
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
