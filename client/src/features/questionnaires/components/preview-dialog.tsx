// A questionnaire version as a participant sees it (survey-react-ui in display mode), in a dialog.
import { useEffect, useMemo, useRef } from 'react';
import { Survey } from 'survey-react-ui';
import { coordinator } from '../../../i18n/coordinator.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { createSurveyModel } from '../../../survey/survey-model.ts';
import { Button } from '../../../ui/button.tsx';
import { Icon } from '../../../ui/icon.tsx';
import type { VersionDetail } from '../api.ts';

export function PreviewDialog({ version, onClose }: { version: VersionDetail; onClose: () => void }) {
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
