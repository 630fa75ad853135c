import { i18next } from '../../lib/i18n';
import enStats from '../../locales/en/stats.json';
import zhStats from '../../locales/zh-CN/stats.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enStats = zhStats;

/** The statistics strings load with the statistics pages only. */
i18next.addResourceBundle('en', 'stats', enStats, true, true);
i18next.addResourceBundle('zh-CN', 'stats', zh, true, true);
