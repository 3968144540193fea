import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/settings';
import { backupEn, backupZh } from '../features/backup/locales';
import { endpointEn, endpointZh } from '../features/customs-endpoint/locales';
import { declarationsEn, declarationsZh } from '../features/declarations/locales';
import { inventoryEn, inventoryZh } from '../features/inventory/locales';
import { movementsEn, movementsZh } from '../features/movements/locales';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

/** Each feature keeps its texts beside it; they meet here under the feature's key. */
const dictionaries = {
  en: {
    ...en,
    inventory: inventoryEn,
    movements: movementsEn,
    backup: backupEn,
    endpoint: endpointEn,
    declarations: declarationsEn,
  },
  'zh-CN': {
    ...zhCN,
    inventory: inventoryZh,
    movements: movementsZh,
    backup: backupZh,
    endpoint: endpointZh,
    declarations: declarationsZh,
  },
};

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
    resources: { en: { translation: dictionaries.en }, 'zh-CN': { translation: dictionaries['zh-CN'] } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
