import { useTranslation } from 'react-i18next';
import { isLanguage, type Language, DEFAULT_LANGUAGE, LANGUAGES } from './languages';

/** Current UI language and a setter; both apps render their own switch around it. */
export function useLanguage(): { language: Language; setLanguage: (lang: Language) => void; options: { value: Language; label: string }[] } {
  const { i18n, t } = useTranslation('common');
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return {
    language,
    setLanguage: (lang) => void i18n.changeLanguage(lang),
    options: LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) })),
  };
}
