// The questionnaire's languages as a row of buttons, each named in its own language.
import { useT } from '../../../i18n/i18n.tsx';
import { participant } from '../messages.ts';
import { isRtl, localeName } from '../questionnaire-locale.ts';
import '../questionnaire-tools.css';

export function LocalePicker({
  locales,
  value,
  onChange,
}: {
  locales: readonly string[];
  value: string;
  onChange: (locale: string) => void;
}) {
  const t = useT(participant);
  if (locales.length < 2) return null;
  return (
    <fieldset className="locale-picker">
      <legend className="locale-picker__legend">{t('locale.label')}</legend>
      <div className="locale-picker__options">
        {locales.map((l) => (
          <button
            key={l}
            type="button"
            className="locale-picker__option"
            lang={l}
            dir={isRtl(l) ? 'rtl' : undefined}
            aria-pressed={l === value}
            onClick={() => onChange(l)}
          >
            {localeName(l)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
