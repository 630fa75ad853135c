import { i18next } from '../../lib/i18n';
import enAntiSpam from '../../locales/en/anti-spam.json';
import zhAntiSpam from '../../locales/zh-CN/anti-spam.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enAntiSpam = zhAntiSpam;

/**
 * The anti-spam check's texts ship with the report page (a lazy chunk), not in the entry chunk:
 * importing this module registers the namespace before the form renders.
 */
if (!i18next.hasResourceBundle('en', 'antiSpam')) {
  i18next.addResourceBundle('en', 'antiSpam', enAntiSpam);
  i18next.addResourceBundle('zh-CN', 'antiSpam', zh);
}
