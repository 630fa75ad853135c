import { i18next } from '../../lib/i18n';
import enPolice from '../../locales/en/police.json';
import zhPolice from '../../locales/zh-CN/police.json';

// Typed against the English file, so a key missing from the Chinese one fails the type check.
const zh: typeof enPolice = zhPolice;

/** The police strings load with the police pages, not with the volunteer home page. */
i18next.addResourceBundle('en', 'police', enPolice, true, true);
i18next.addResourceBundle('zh-CN', 'police', zh, true, true);
