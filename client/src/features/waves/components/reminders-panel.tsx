// The reminders of one participant wave: its non-respondents, all ticked at first, and the button
// that reissues their links and downloads the relaunch sheet (PDF of cut-out cards with QR codes).
// Links are stored hashed, so the sheet cannot carry the old ones: the screen says so.
import { useEffect, useId, useRef, useState } from 'react';
import { formatDate } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { type RelaunchBody, type Wave, wavesApi } from '../api.ts';
import { reminders } from '../messages.ts';

const MAX_PER_SHEET = 500;

/** Saves a blob under a file name through a temporary link. */
function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function RemindersPanel({ wave, onClose }: { wave: Wave; onClose: () => void }) {
  const t = useT(reminders);
  const { lang } = useI18n();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useLoad((signal) => wavesApi.nonRespondents(wave.id, signal), [wave.id]);
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);

  // Opened from a row of the table (mounted anew for each wave): bring the panel into view and the
  // focus to its title.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading.current?.focus({ preventScroll: true });
  }, []);

  const items = list.data ?? [];
  // Null until the first change: everyone ticked.
  const chosen = selected ?? new Set(items.map((p) => p.id));
  const allChosen = items.length > 0 && chosen.size === items.length;
  const tooMany = chosen.size > MAX_PER_SHEET && !allChosen;

  function toggle(id: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  async function print() {
    setBusy(true);
    setStatus(null);
    try {
      // Past 500, "all" lets the server take every non-respondent in one go.
      const body: RelaunchBody =
        allChosen && chosen.size > MAX_PER_SHEET ? { all: true } : { participantIds: [...chosen] };
      const { blob, filename } = await wavesApi.relaunchSheet(wave.id, body, lang);
      download(blob, filename);
      setStatus({ tone: 'success', text: t('done', { n: chosen.size, file: filename }) });
      // Untick those just printed: a second click would replace the links on the sheet.
      setSelected(new Set(items.filter((p) => !chosen.has(p.id)).map((p) => p.id)));
      await list.reload();
    } catch (err) {
      setStatus({ tone: 'danger', text: errorMessage(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={titleId} data-testid="reminders-panel">
      <div className="c-item__head">
        <h2
          className="card__title"
          id={titleId}
          ref={heading}
          tabIndex={-1}
          // Clear of the sticky header when scrolled into view.
          style={{ scrollMarginTop: '8rem' }}
        >
          {t('title', { period: wave.period })}
        </h2>
        <Button small variant="ghost" onClick={onClose}>
          <Icon name="close" size={16} />
          {t('close')}
        </Button>
      </div>
      <Alert tone="warning">{t('hashed')}</Alert>
      <p className="muted">
        {t('intro')} {t('refusals')}
      </p>
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      {list.error && <Alert tone="danger">{errorMessage(list.error, lang)}</Alert>}
      {!list.data && !list.error && <Spinner label={t('loading')} />}
      {list.data && items.length === 0 && <Alert tone="success">{t('none')}</Alert>}
      {items.length > 0 && (
        <>
          <div className="c-actions">
            <label className="c-check">
              <input
                type="checkbox"
                checked={allChosen}
                ref={(el) => {
                  if (el) el.indeterminate = chosen.size > 0 && !allChosen;
                }}
                onChange={(e) => setSelected(e.target.checked ? new Set(items.map((p) => p.id)) : new Set())}
              />
              <span>{t('all', { n: items.length })}</span>
            </label>
            <span className="muted small" aria-live="polite">
              {t('selected', { n: chosen.size, total: items.length })}
            </span>
          </div>
          <fieldset
            className="c-checks"
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))' }}
          >
            <legend className="visually-hidden">{t('listLabel')}</legend>
            {items.map((p) => (
              <label key={p.id} className="c-check" data-testid={`nonrespondent-${p.code}`}>
                <input
                  type="checkbox"
                  checked={chosen.has(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                <span>
                  <strong>{p.code}</strong>
                  {!p.linkActive && (
                    <>
                      {' '}
                      <Badge tone="neutral">{t('revoked')}</Badge>
                    </>
                  )}
                  <span className="muted small" style={{ display: 'block' }}>
                    {[
                      p.tokenIssuedAt && t('issued', { date: formatDate(p.tokenIssuedAt, lang) }),
                      p.draftSavedAt && t('draft', { date: formatDate(p.draftSavedAt, lang) }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {tooMany && <Alert tone="warning">{t('tooMany')}</Alert>}
          <div className="c-actions">
            <Button busy={busy} disabled={chosen.size === 0 || tooMany} onClick={() => void print()}>
              <Icon name="download" size={18} />
              {t('printCount', { n: chosen.size })}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
