import { i18next } from '../../lib/i18n';
import enTwoFactor from '../../locales/en/two-factor.json';
import zhTwoFactor from '../../locales/zh-CN/two-factor.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enTwoFactor = zhTwoFactor;

/** The two-factor texts load with the staff pages that use them, not with the volunteer home page. */
i18next.addResourceBundle('en', 'twoFactor', enTwoFactor, true, true);
i18next.addResourceBundle('zh-CN', 'twoFactor', zh, true, true);
