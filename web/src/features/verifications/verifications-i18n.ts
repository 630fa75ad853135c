import { i18next } from '../../lib/i18n';
import enVerifications from '../../locales/en/verifications.json';
import zhVerifications from '../../locales/zh-CN/verifications.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enVerifications = zhVerifications;

/** The on-site check texts ship with the pages that use them: importing this module registers the namespace. */
if (!i18next.hasResourceBundle('en', 'verifications')) {
  i18next.addResourceBundle('en', 'verifications', enVerifications);
  i18next.addResourceBundle('zh-CN', 'verifications', zh);
}
