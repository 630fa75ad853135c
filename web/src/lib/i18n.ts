import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAuth from '../locales/en/auth.json';
import enCommon from '../locales/en/common.json';
import enTips from '../locales/en/tips.json';
import enMessages from '../locales/en/messages.json';
import zhAuth from '../locales/zh-CN/auth.json';
import zhCommon from '../locales/zh-CN/common.json';
import zhTips from '../locales/zh-CN/tips.json';
import zhMessages from '../locales/zh-CN/messages.json';
import { local } from './safe-storage';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'hy.lang';

// Typed against the English files, so a key missing from the Chinese ones fails the type check.
const zhCN: { common: typeof enCommon; auth: typeof enAuth; tips: typeof enTips; messages: typeof enMessages } = {
  common: zhCommon,
  auth: zhAuth,
  tips: zhTips,
  messages: zhMessages,
};
export const resources = {
  'zh-CN': zhCN,
  en: { common: enCommon, auth: enAuth, tips: enTips, messages: enMessages },
} as const;

function isLanguage(value: string | null): value is Language {
  return value === 'zh-CN' || value === 'en';
}

/** The saved choice, else the first Chinese or English entry of the browser's preferences, else Chinese. */
export function detectLanguage(): Language {
  const saved = local.get(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'zh-CN';
}

export async function setLanguage(language: Language): Promise<void> {
  local.set(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export const i18nReady = i18next.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...languages],
  ns: ['common', 'auth', 'tips', 'messages'],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18next };
