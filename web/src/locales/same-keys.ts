import type enAdmin from './en/admin.json';
import type enAntiSpam from './en/anti-spam.json';
import type enAudit from './en/audit.json';
import type enAuth from './en/auth.json';
import type enCampaigns from './en/campaigns.json';
import type enCommon from './en/common.json';
import type enMessages from './en/messages.json';
import type enPoints from './en/points.json';
import type enPolice from './en/police.json';
import type enStats from './en/stats.json';
import type enTips from './en/tips.json';
import type enTwoFactor from './en/two-factor.json';
import type enVerifications from './en/verifications.json';
import type zhAdmin from './zh-CN/admin.json';
import type zhAntiSpam from './zh-CN/anti-spam.json';
import type zhAudit from './zh-CN/audit.json';
import type zhAuth from './zh-CN/auth.json';
import type zhCampaigns from './zh-CN/campaigns.json';
import type zhCommon from './zh-CN/common.json';
import type zhMessages from './zh-CN/messages.json';
import type zhPoints from './zh-CN/points.json';
import type zhPolice from './zh-CN/police.json';
import type zhStats from './zh-CN/stats.json';
import type zhTips from './zh-CN/tips.json';
import type zhTwoFactor from './zh-CN/two-factor.json';
import type zhVerifications from './zh-CN/verifications.json';

/**
 * Types only, nothing of it reaches the bundle: each Chinese file must have every key of its
 * English one, or the type check fails. The app loads one language at a time and has no fallback
 * language (lib/i18n.ts), so a missing key would show as its name.
 */
type HasEveryKeyOf<Chinese extends English, English> = [Chinese, English];

export type LocalesHaveTheSameKeys = [
  HasEveryKeyOf<typeof zhAdmin, typeof enAdmin>,
  HasEveryKeyOf<typeof zhAntiSpam, typeof enAntiSpam>,
  HasEveryKeyOf<typeof zhAudit, typeof enAudit>,
  HasEveryKeyOf<typeof zhAuth, typeof enAuth>,
  HasEveryKeyOf<typeof zhCampaigns, typeof enCampaigns>,
  HasEveryKeyOf<typeof zhCommon, typeof enCommon>,
  HasEveryKeyOf<typeof zhMessages, typeof enMessages>,
  HasEveryKeyOf<typeof zhPoints, typeof enPoints>,
  HasEveryKeyOf<typeof zhPolice, typeof enPolice>,
  HasEveryKeyOf<typeof zhStats, typeof enStats>,
  HasEveryKeyOf<typeof zhTips, typeof enTips>,
  HasEveryKeyOf<typeof zhTwoFactor, typeof enTwoFactor>,
  HasEveryKeyOf<typeof zhVerifications, typeof enVerifications>,
];
