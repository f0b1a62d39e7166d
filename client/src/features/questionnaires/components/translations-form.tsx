// « Importer des traductions »: a filled translations spreadsheet becomes a new version of the
// chosen questionnaire, or the server's errors are listed by row and column.
import { type FormEvent, useState } from 'react';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { Field, SelectField } from '../../../ui/field.tsx';
import { Table } from '../../../ui/table.tsx';
import {
  importTranslations,
  type QuestionnaireSummary,
  type TranslationIssue,
  translationIssues,
} from '../api.ts';
import { translations } from '../messages.ts';

type Outcome =
  | { tone: 'success'; text: string }
  | { tone: 'danger'; text: string; issues: TranslationIssue[] };

export function TranslationsForm({
  questionnaires,
  onSaved,
}: {
  questionnaires: QuestionnaireSummary[];
  onSaved: () => void;
}) {
  const t = useT(translations);
  const { lang } = useI18n();
  const [target, setTarget] = useState(questionnaires[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file || !target) return;
    setBusy(true);
    setOutcome(null);
    try {
      const created = await importTranslations(target, file);
      setOutcome({
        tone: 'success',
        text:
          created.locales.length > 0
            ? t('translations.created', {
                title: created.title,
                version: created.version,
                locales: created.locales.join(', '),
              })
            : t('translations.createdFrOnly', { title: created.title, version: created.version }),
      });
      onSaved();
    } catch (err) {
      const issues = translationIssues(err);
      setOutcome({
        tone: 'danger',
        text: issues.length > 0 ? t('translations.rejected', { n: issues.length }) : errorMessage(err, lang),
        issues,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('translations.title')}>
      <p className="muted small">{t('translations.hint')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="c-form-grid">
          <SelectField
            label={t('translations.target')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            {questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title} (v{q.latestVersion})
              </option>
            ))}
          </SelectField>
          <Field label={t('translations.file')}>
            {(a11y) => (
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setOutcome(null);
                }}
                {...a11y}
              />
            )}
          </Field>
        </div>
        {outcome && (
          <div data-testid="translations-result" className="stack">
            <Alert tone={outcome.tone}>{outcome.text}</Alert>
            {outcome.tone === 'danger' && outcome.issues.length > 0 && (
              <Table
                caption={t('translations.caption')}
                rows={outcome.issues}
                rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
                columns={[
                  {
                    key: 'row',
                    header: t('translations.row'),
                    numeric: true,
                    render: (r) => r.row ?? t('translations.noRow'),
                  },
                  { key: 'column', header: t('translations.column'), render: (r) => r.column },
                  { key: 'message', header: t('translations.message'), render: (r) => r.message },
                ]}
              />
            )}
          </div>
        )}
        <div className="c-actions">
          <Button type="submit" busy={busy} disabled={!file || !target}>
            {t('translations.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
