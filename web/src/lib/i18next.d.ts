import type enAuth from '../locales/en/auth.json';
import type enCommon from '../locales/en/common.json';
import type enTips from '../locales/en/tips.json';
import type enMessages from '../locales/en/messages.json';
import type enPoints from '../locales/en/points.json';
import type enPolice from '../locales/en/police.json';
import type enAdmin from '../locales/en/admin.json';
import type enTwoFactor from '../locales/en/two-factor.json';
import type enAudit from '../locales/en/audit.json';
import type enAntiSpam from '../locales/en/anti-spam.json';
import type enCampaigns from '../locales/en/campaigns.json';
import type enVerifications from '../locales/en/verifications.json';
import type enStats from '../locales/en/stats.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof enCommon; auth: typeof enAuth; tips: typeof enTips; messages: typeof enMessages; points: typeof enPoints; police: typeof enPolice; admin: typeof enAdmin; twoFactor: typeof enTwoFactor; audit: typeof enAudit; antiSpam: typeof enAntiSpam; campaigns: typeof enCampaigns; verifications: typeof enVerifications; stats: typeof enStats };
  }
}
