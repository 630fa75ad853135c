import { i18next } from '../../lib/i18n';
import enAudit from '../../locales/en/audit.json';
import zhAudit from '../../locales/zh-CN/audit.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enAudit = zhAudit;

/** The audit texts load with the audit page only. */
i18next.addResourceBundle('en', 'audit', enAudit, true, true);
i18next.addResourceBundle('zh-CN', 'audit', zh, true, true);
