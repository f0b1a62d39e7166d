// /caisses/:caisseId/questionnaires — the standard library, the assembled and own questionnaires
// with their versions; assembling from the indicator selection; a preview of any version as a
// participant sees it (survey-react-ui, display mode, in a dialog); a new questionnaire or version
// from a pasted or uploaded SurveyJS JSON, with the server's reasons when it refuses it.
// survey-core is imported here, so it stays in this screen's lazy chunk.
import '../../styles/coordinator.css';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Survey } from 'survey-react-ui';
import { coordinator } from '../../i18n/coordinator.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { createSurveyModel } from '../../survey/survey-model.ts';
import { Alert } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Field, SelectField, TextField } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner, Spinner } from '../../ui/spinner.tsx';
import {
  type Assembled,
  coordinatorApi,
  definitionIssues,
  errorMessage,
  type QuestionnaireDetail,
  type QuestionnaireSummary,
  useLoad,
  type VersionDetail,
} from '../../lib/coordinator.ts';
import { useSession } from '../auth/session.tsx';

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

export default function QuestionnairesScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const isAdmin = session.hasRole('admin');
  const canEdit = isAdmin || session.caisses.some((c) => c.id === caisseId && c.role === 'coordinator');
  const { state, reload } = useLoad(() => coordinatorApi.questionnaires(caisseId), [caisseId]);
  const [assembled, setAssembled] = useState<{
    participant: Assembled | null;
    caisse: Assembled | null;
  } | null>(null);
  const [assembleError, setAssembleError] = useState<string | null>(null);
  const [assembling, setAssembling] = useState(false);
  const [preview, setPreview] = useState<VersionDetail | null>(null);
  const [previewLoading, setPreviewLoading] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('questionnaires.title')} · ${t('app.name')}`;
  }, [t]);

  async function assemble() {
    setAssembling(true);
    setAssembleError(null);
    try {
      setAssembled(await coordinatorApi.assemble(caisseId));
      await reload();
    } catch (err) {
      setAssembled(null);
      setAssembleError(errorMessage(err, lang));
    } finally {
      setAssembling(false);
    }
  }

  async function openPreview(versionId: string) {
    setPreviewLoading(versionId);
    try {
      setPreview(await coordinatorApi.version(versionId));
    } catch (err) {
      setAssembleError(errorMessage(err, lang));
    } finally {
      setPreviewLoading(null);
    }
  }

  if (state.kind === 'loading') return <PageSpinner label={t('state.loading')} />;
  if (state.kind === 'error') return <Alert tone="danger">{errorMessage(state.error, lang)}</Alert>;
  const list = state.data;
  const order = { assembled: 0, custom: 1, standard: 2 } as const;
  const sorted = [...list].sort(
    (a, b) => order[a.origin] - order[b.origin] || a.title.localeCompare(b.title),
  );

  return (
    <div className="c-screen stack--lg">
      <PageHeader
        title={t('questionnaires.title')}
        subtitle={t('questionnaires.subtitle')}
        actions={
          canEdit && (
            <Button onClick={() => void assemble()} busy={assembling}>
              {t('questionnaires.assemble')}
            </Button>
          )
        }
      />
      {canEdit && !assembled && !assembleError && (
        <p className="muted small">{t('questionnaires.assembleHint')}</p>
      )}
      {!canEdit && <Alert tone="info">{t('common.readOnly')}</Alert>}
      {assembleError && <Alert tone="danger">{assembleError}</Alert>}
      {assembled && (
        <div data-testid="assembled">
          <Alert tone="success" title={t('questionnaires.assembled')}>
            <ul className="c-errors">
              {(['participant', 'caisse'] as const).map((level) => {
                const a = assembled[level];
                if (!a) return null;
                return (
                  <li key={level}>
                    {t('questionnaires.assembledLine', {
                      level: t(`questionnaires.level.${level}`),
                      version: a.version,
                      changed: a.changed ? t('questionnaires.changed') : t('questionnaires.unchanged'),
                      modules: a.modules.join(', '),
                    })}{' '}
                    <Button
                      variant="ghost"
                      small
                      busy={previewLoading === a.versionId}
                      onClick={() => void openPreview(a.versionId)}
                    >
                      {t('questionnaires.preview')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          </Alert>
        </div>
      )}
      {sorted.length === 0 ? (
        <p className="muted">{t('questionnaires.empty')}</p>
      ) : (
        <ul className="c-list">
          {sorted.map((q) => (
            <QuestionnaireItem
              key={q.id}
              q={q}
              onPreview={(id) => void openPreview(id)}
              previewLoading={previewLoading}
            />
          ))}
        </ul>
      )}
      {canEdit && (
        <UploadForm
          caisseId={caisseId}
          questionnaires={list.filter((q) => q.origin !== 'standard' || isAdmin)}
          onSaved={() => void reload()}
        />
      )}
      {preview && <PreviewDialog version={preview} onClose={() => setPreview(null)} />}
    </div>
  );
}

function QuestionnaireItem({
  q,
  onPreview,
  previewLoading,
}: {
  q: QuestionnaireSummary;
  onPreview: (versionId: string) => void;
  previewLoading: string | null;
}) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const [detail, setDetail] = useState<QuestionnaireDetail | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open || detail) return;
    coordinatorApi
      .questionnaire(q.id)
      .then(setDetail)
      .catch((err: unknown) => setError(errorMessage(err, lang)));
  }, [open, detail, q.id, lang]);
  // A new version was saved: show it next time the list opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resets on a new version only
  useEffect(() => setDetail(null), [q.latestVersion]);
  const tone = q.origin === 'assembled' ? 'success' : q.origin === 'custom' ? 'info' : 'neutral';
  return (
    <li className="c-item" data-testid={`questionnaire-${q.id}`}>
      <div className="c-item__head">
        <div>
          <p className="c-item__title">{q.title}</p>
          <p className="cluster small" style={{ gap: 'var(--space-2)', marginTop: 'var(--space-1)' }}>
            <Badge tone={tone}>{t(`questionnaires.origin.${q.origin}`)}</Badge>
            <Badge>{t(`questionnaires.level.${q.level}`)}</Badge>
            <span className="muted">
              {t('questionnaires.colVersion')} : {q.latestVersion}
            </span>
          </p>
        </div>
        <Button
          variant="secondary"
          small
          busy={previewLoading === q.latestVersionId}
          onClick={() => onPreview(q.latestVersionId)}
        >
          {t('questionnaires.preview')}
        </Button>
      </div>
      <details className="c-details" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t('questionnaires.showVersions')}</summary>
        {error && <Alert tone="danger">{error}</Alert>}
        {!detail && !error && <Spinner />}
        {detail && (
          <ul className="c-list" style={{ marginTop: 'var(--space-2)' }}>
            {detail.versions.map((v) => (
              <li key={v.id} className="c-actions">
                <span className="small">
                  {t('questionnaires.versionLine', {
                    version: v.version,
                    date: formatDate(v.createdAt, lang),
                    n: v.questionNames.length,
                  })}
                </span>
                <Button variant="ghost" small busy={previewLoading === v.id} onClick={() => onPreview(v.id)}>
                  {t('questionnaires.preview')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

function PreviewDialog({ version, onClose }: { version: VersionDetail; onClose: () => void }) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const model = useMemo(() => {
    const m = createSurveyModel(version.definition, { lang });
    m.mode = 'display';
    return m;
  }, [version, lang]);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="c-dialog"
      aria-labelledby="preview-title"
      onClose={onClose}
      data-testid="preview-dialog"
    >
      <div className="c-dialog__head">
        <h2 id="preview-title">
          {t('questionnaires.previewTitle', { title: version.title, version: version.version })}
        </h2>
        <Button variant="ghost" small onClick={() => ref.current?.close()}>
          <Icon name="close" size={18} />
          {t('action.close')}
        </Button>
      </div>
      <div className="c-dialog__body">
        <p className="muted small">{t('questionnaires.previewHint')}</p>
        <Survey model={model} />
      </div>
    </dialog>
  );
}

function UploadForm({
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
          ? await coordinatorApi.createQuestionnaire(caisseId, { title, level, definition: parsed.value })
          : await coordinatorApi.addVersion(target, parsed.value);
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
