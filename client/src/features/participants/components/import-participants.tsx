// The CSV import of participants: all or nothing, with the server's per-row report on refusal.
import Papa from 'papaparse';
import { useRef, useState } from 'react';
import { coordinator } from '../../../i18n/coordinator.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Card } from '../../../ui/card.tsx';
import { Field } from '../../../ui/field.tsx';
import { type ImportRowError, importErrors, type ParticipantWithToken, participantsApi } from '../api.ts';
import { csvRowsToParticipants } from '../logic.ts';

export function ImportParticipants({
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
      const report = await participantsApi.import(caisseId, body);
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
