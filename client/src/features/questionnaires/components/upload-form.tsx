// A new questionnaire, or a new version of one, from a pasted or uploaded SurveyJS JSON, with the
// server's reasons when it refuses the definition.
import { type FormEvent, useState } from 'react';
import { coordinator } from '../../../i18n/coordinator.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { Field, SelectField, TextField } from '../../../ui/field.tsx';
import { definitionIssues, questionnairesApi, type QuestionnaireSummary } from '../api.ts';

/** Parses pasted JSON: the object, or the parser's message. */
export function parseDefinition(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return { ok: false, message: 'un objet JSON { … } est attendu' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

export function UploadForm({
  caisseId,
  questionnaires,
  onSaved,
}: {
  caisseId: string;
  questionnaires: QuestionnaireSummary[];
  onSaved: () => void;
}) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const [target, setTarget] = useState('new');
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState<'participant' | 'caisse'>('participant');
  const [json, setJson] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'danger'; text: string; list?: string[] } | null>(
    null,
  );

  async function readFile(file: File | undefined) {
    if (!file) return;
    setJson(await file.text());
    setResult(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseDefinition(json);
    if (!parsed.ok) {
      setResult({ tone: 'danger', text: t('questionnaires.invalidJson', { message: parsed.message }) });
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const created =
        target === 'new'
          ? await questionnairesApi.create(caisseId, { title, level, definition: parsed.value })
          : await questionnairesApi.addVersion(target, parsed.value);
      setResult({
        tone: 'success',
        text: t('questionnaires.created', { title: created.title, version: created.version }),
      });
      setJson('');
      onSaved();
    } catch (err) {
      const issues = definitionIssues(err, lang);
      setResult({
        tone: 'danger',
        text: issues.length > 0 ? t('questionnaires.invalid') : errorMessage(err, lang),
        list: issues.length > 0 ? issues : undefined,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('questionnaires.upload')}>
      <p className="muted small">{t('questionnaires.uploadHint')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="c-form-grid">
          <SelectField
            label={t('questionnaires.target')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="new">{t('questionnaires.targetNew')}</option>
            {questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {t('questionnaires.targetVersion', { title: q.title })}
              </option>
            ))}
          </SelectField>
          {target === 'new' && (
            <>
              <TextField
                label={t('questionnaires.newTitle')}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required
              />
              <SelectField
                label={t('questionnaires.newLevel')}
                value={level}
                onChange={(e) => setLevel(e.target.value as 'participant' | 'caisse')}
              >
                <option value="participant">{t('questionnaires.level.participant')}</option>
                <option value="caisse">{t('questionnaires.level.caisse')}</option>
              </SelectField>
            </>
          )}
        </div>
        <Field label={t('questionnaires.json')}>
          {(a11y) => (
            <textarea
              className="input c-json"
              value={json}
              spellCheck={false}
              onChange={(e) => {
                setJson(e.target.value);
                setResult(null);
              }}
              {...a11y}
            />
          )}
        </Field>
        <Field label={t('questionnaires.file')}>
          {(a11y) => (
            <input
              type="file"
              accept=".json,application/json"
              onChange={(e) => void readFile(e.target.files?.[0])}
              {...a11y}
            />
          )}
        </Field>
        {result && (
          <div data-testid="upload-result">
            <Alert tone={result.tone}>
              {result.text}
              {result.list && (
                <ul className="c-errors">
                  {result.list.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              )}
            </Alert>
          </div>
        )}
        <div className="c-actions">
          <Button
            type="submit"
            busy={busy}
            disabled={!json.trim() || (target === 'new' && title.trim().length < 2)}
          >
            {t('questionnaires.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
