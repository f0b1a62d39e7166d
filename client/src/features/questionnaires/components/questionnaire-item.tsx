// One questionnaire of the list: origin, level, latest version, and its versions in a disclosure,
// each with a preview.
import { useState } from 'react';
import { coordinator } from '../../../i18n/coordinator.ts';
import { formatDate } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button, ButtonAnchor } from '../../../ui/button.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { questionnairesApi, type QuestionnaireSummary, translationsUrl } from '../api.ts';
import { translations } from '../messages.ts';

export function QuestionnaireItem({
  q,
  onPreview,
  previewLoading,
}: {
  q: QuestionnaireSummary;
  onPreview: (versionId: string) => void;
  previewLoading: string | null;
}) {
  const t = useT(coordinator);
  const tr = useT(translations);
  const { lang } = useI18n();
  // The versions are read the first time the list opens, and again when a new version is saved.
  const [opened, setOpened] = useState(false);
  const { data: detail, error: loadError } = useLoad(
    (signal) => questionnairesApi.get(q.id, signal),
    [q.id, q.latestVersion],
    { enabled: opened, keep: false },
  );
  const error = loadError && errorMessage(loadError, lang);
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
      <details
        className="c-details"
        onToggle={(e) => {
          if ((e.target as HTMLDetailsElement).open) setOpened(true);
        }}
      >
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
                <ButtonAnchor
                  variant="ghost"
                  small
                  href={`/api/questionnaire-versions/${encodeURIComponent(v.id)}/paper.pdf?lang=${lang}`}
                  target="_blank"
                  rel="noopener"
                  aria-label={t('questionnaires.paperLabel', { version: v.version })}
                >
                  {t('questionnaires.paper')}
                </ButtonAnchor>
                <ButtonAnchor
                  variant="ghost"
                  small
                  href={translationsUrl(v.id)}
                  download
                  aria-label={tr('translations.downloadLabel', { version: v.version })}
                >
                  {tr('translations.download')}
                </ButtonAnchor>
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}
