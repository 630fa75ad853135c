import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from './language';
import { local } from './safe-storage';

export { languages, type Language };

/** The namespaces (one JSON file per language in src/locales/<language>/), as components name them. */
export const namespaceFiles = {
  common: 'common',
  auth: 'auth',
  tips: 'tips',
  messages: 'messages',
  points: 'points',
  police: 'police',
  admin: 'admin',
  twoFactor: 'two-factor',
  audit: 'audit',
  antiSpam: 'anti-spam',
  campaigns: 'campaigns',
  verifications: 'verifications',
  stats: 'stats',
} as const;
export type Namespace = keyof typeof namespaceFiles;

const STORAGE_KEY = 'hy.lang';

/**
 * Every locale file is its own small chunk, fetched when a page needs it and only in the active
 * language: the entry chunk carries no strings at all, the home page fetches `common` in one
 * language, the report form adds `tips`, and so on. Switching language fetches the namespaces
 * already in use in the other language.
 */
const localeFiles = import.meta.glob<ResourceKey>('../locales/*/*.json', { import: 'default' });

const localeBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const file = namespaceFiles[namespace as Namespace];
    const load = file ? localeFiles[`../locales/${language}/${file}.json`] : undefined;
    if (!load) return callback(new Error(`no strings for ${language}/${namespace}`), false);
    load().then(
      (strings) => callback(null, strings),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

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

/** Starts fetching a page's strings (route loaders call it next to the page's own chunk). */
export function loadNamespaces(namespaces: readonly Namespace[]): Promise<void> {
  return i18next.loadNamespaces([...namespaces]);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Resolves once the active language's `common` strings are in: the first render waits for it. */
export const i18nReady = i18next
  .use(localeBackend)
  .use(initReactI18next)
  .init({
    lng: detectLanguage(),
    // Both languages have every key (src/locales/same-keys.ts): no second language is ever fetched as a fallback.
    fallbackLng: false,
    supportedLngs: [...languages],
    load: 'currentOnly',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });

export { i18next };
