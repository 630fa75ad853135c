import { i18next } from '../../lib/i18n';
import enAdmin from '../../locales/en/admin.json';
import zhAdmin from '../../locales/zh-CN/admin.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enAdmin = zhAdmin;

/** The admin strings load with the admin pages only. */
i18next.addResourceBundle('en', 'admin', enAdmin, true, true);
i18next.addResourceBundle('zh-CN', 'admin', zh, true, true);
