import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../../lib/i18n';

const options: { language: Language; labelKey: 'language.zh' | 'language.en' }[] = [
  { language: 'zh-CN', labelKey: 'language.zh' },
  { language: 'en', labelKey: 'language.en' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {options.map(({ language, labelKey }) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={active === language}
          onClick={() => void setLanguage(language)}
        >
          {t(labelKey)}
        </button>
      ))}
    </div>
  );
}
