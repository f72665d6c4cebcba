import i18n, { type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { commonEn } from './common.en';
import { commonZhCN } from './common.zh-CN';
import { type Language, storedLanguage, storeLanguage } from './languages';

type AppResources = Record<Language, ResourceLanguage>;

function applyLanguage(lang: Language): void {
  setApiLanguage(lang);
  document.documentElement.lang = lang;
}

/** One i18next instance per page: the `common` namespace plus the app's own (`admin` or `mall`). */
export function setupI18n(ns: string, app: AppResources): typeof i18n {
  const lng = storedLanguage();
  applyLanguage(lng);
  void i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    ns: [ns, 'common'],
    defaultNS: ns,
    fallbackNS: 'common',
    resources: {
      'zh-CN': { common: commonZhCN, [ns]: app['zh-CN'] },
      en: { common: commonEn, [ns]: app.en },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18n.on('languageChanged', (value) => {
    const lang = value === 'en' ? 'en' : 'zh-CN';
    storeLanguage(lang);
    applyLanguage(lang);
  });
  return i18n;
}
