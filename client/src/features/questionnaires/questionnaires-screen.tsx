// /caisses/:caisseId/questionnaires — the standard library, the assembled and own questionnaires
// with their versions; assembling from the indicator selection; a preview of any version as a
// participant sees it (survey-react-ui, display mode, in a dialog); a new questionnaire or version
// from a pasted or uploaded SurveyJS JSON, with the server's reasons when it refuses it.
// survey-core is imported by the preview (components/preview-dialog.tsx), so it stays in this
// screen's lazy chunk.
import '../../styles/coordinator.css';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { coordinator } from '../../i18n/coordinator.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useLoad } from '../../lib/use-load.ts';
import { type Assembled, questionnairesApi, type VersionDetail } from './api.ts';
import { AssembledAlert } from './components/assembled-alert.tsx';
import { PreviewDialog } from './components/preview-dialog.tsx';
import { QuestionnaireItem } from './components/questionnaire-item.tsx';
import { TranslationsForm } from './components/translations-form.tsx';
import { UploadForm } from './components/upload-form.tsx';
import { useSession } from '../auth/session.tsx';

export default function QuestionnairesScreen() {
  const { caisseId = '' } = useParams();
  const session = useSession();
  const t = useT(coordinator);
  const { lang } = useI18n();
  const isAdmin = session.hasRole('admin');
  const canEdit = session.canCoordinate(caisseId);
  const {
    data: list,
    error,
    reload,
  } = useLoad((signal) => questionnairesApi.list(caisseId, signal), [caisseId]);
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
      setAssembled(await questionnairesApi.assemble(caisseId));
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
      setPreview(await questionnairesApi.version(versionId));
    } catch (err) {
      setAssembleError(errorMessage(err, lang));
    } finally {
      setPreviewLoading(null);
    }
  }

  if (error) return <Alert tone="danger">{errorMessage(error, lang)}</Alert>;
  if (!list) return <PageSpinner label={t('state.loading')} />;
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
        <AssembledAlert
          assembled={assembled}
          previewLoading={previewLoading}
          onPreview={(id) => void openPreview(id)}
        />
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
      {canEdit && (
        <TranslationsForm
          questionnaires={list.filter((q) => q.origin !== 'standard' || isAdmin)}
          onSaved={() => void reload()}
        />
      )}
      {preview && <PreviewDialog version={preview} onClose={() => setPreview(null)} />}
    </div>
  );
}
