import type enAuth from '../locales/en/auth.json';
import type enCommon from '../locales/en/common.json';
import type enTips from '../locales/en/tips.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof enCommon; auth: typeof enAuth; tips: typeof enTips };
  }
}
