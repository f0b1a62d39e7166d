// The French/English switch: one button naming the other language, in that language.
import { useI18n, useT } from '../i18n/i18n.tsx';

export function LangSwitch({ className }: { className?: string }) {
  const { lang, setLang } = useI18n();
  const t = useT();
  const other = lang === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className={className ? `lang-switch ${className}` : 'lang-switch'}
      onClick={() => setLang(other)}
      lang={other}
      title={t('lang.switchToHint')}
    >
      {t('lang.switchTo')}
    </button>
  );
}
