import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/settings';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

/** Chinese locales (zh, zh-CN, zh-TW, …) get Chinese; every other locale gets English. */
export function languageForLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function resolveLanguage(chosen: Language | null, systemLocale: string | undefined): Language {
  return chosen ?? languageForLocale(systemLocale);
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
